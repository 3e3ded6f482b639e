"""The promise form: a new promise of the current agreement, its comments, and its mistakes."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import PromiseType, Responsible
from loften_app.storage.services import Services
from loften_app.ui.registers.promise import PromiseForm
from tests.ui.conftest import screenshot
from tests.ui.registers.conftest import PAGE_SIZE, TODAY


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> PromiseForm:
    form = PromiseForm(
        ui_services.promises,
        agreements=ui_services.agreements,
        targets=ui_services.targets,
        today=lambda: TODAY,
    )
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    form.open_new(form.blank(TODAY))
    form.show()
    return form


def promise_number(services: Services, number: int) -> str:
    agreement = services.agreements.current()
    assert agreement is not None
    for promise in services.promises.for_agreement(agreement.id):
        if promise.data.number == number:
            return promise.id
    raise AssertionError(number)


def test_fill_in_save_reopen_and_edit(form: PromiseForm, ui_services: Services) -> None:
    agreement = ui_services.agreements.current()
    assert agreement is not None
    assert form.agreement.text() == "Medborgarlöften Filipstad 2017–2018"
    assert form.number.value() == 5
    assert not form.save_button.isEnabled()
    form.short_title.setText("Belysning")
    text = "Kommunen lovar att se över belysningen\nvid Skillerälven och Resecentrum."
    form.text.setPlainText(text)
    form.responsible.set_value(Responsible.MUNICIPALITY)
    form.responsibility_note.setText("Tekniska förvaltningen")
    form.type.set_value(PromiseType.OTHER)
    form.follow_up_comment.setPlainText("Tolv nya lampor sattes upp.")
    form.internal_comment.setPlainText("Budget från trafiknämnden.")
    screenshot(form, "registers-promise-filled")
    assert form.save()

    stored = ui_services.promises.get(id=promise_number(ui_services, 5))
    assert stored.data.agreement_id == agreement.id
    assert stored.data.text == text  # verbatim, line break kept
    assert stored.data.responsible is Responsible.MUNICIPALITY
    assert stored.data.follow_up_comment == "Tolv nya lampor sattes upp."
    assert stored.data.internal_comment == "Budget från trafiknämnden."

    form.open_record(stored)
    assert form.text.toPlainText() == text
    form.number.setValue(6)
    assert form.save()
    assert ui_services.promises.get(id=stored.id).data.number == 6
    assert ui_services.promises.get(id=stored.id).version == 2


def test_the_comments_are_labelled_for_who_reads_them(form: PromiseForm) -> None:
    assert form.follow_up_comment.accessibleName() == "Kommentar i den offentliga uppföljningen"
    assert form.internal_comment.accessibleName() == "Intern kommentar"


def test_a_personnummer_in_a_comment_is_refused_at_the_comment(form: PromiseForm) -> None:
    form.short_title.setText("Belysning")
    form.text.setPlainText("Bättre belysning.")
    assert form.save_button.isEnabled()
    form.follow_up_comment.setPlainText("Kontakt: 811218-9876")
    error = form._label_for("follow_up_comment")
    assert not error.isHidden()
    assert "personnummer" in error.text()
    assert form._label_for("internal_comment").isHidden()
    assert not form.save_button.isEnabled()
    screenshot(form, "registers-promise-errors")
    form.follow_up_comment.setPlainText("Kontakt: trygghetssamordnaren")
    assert error.isHidden()
    form.internal_comment.setPlainText("Anmälare 19811218-9876")
    assert "personnummer" in form._label_for("internal_comment").text()


def test_a_number_in_use_is_refused_at_the_number(form: PromiseForm) -> None:
    form.short_title.setText("Belysning")
    form.text.setPlainText("Bättre belysning.")
    form.number.setValue(2)
    error = form._label_for("number")
    assert "nummer 2 finns redan" in error.text()
    assert not form.save_button.isEnabled()
    assert not form.save()
    form.number.setValue(7)
    assert error.isHidden()
    assert form.save()


def test_an_existing_promise_keeps_its_own_number_and_shows_its_targets(
    form: PromiseForm, ui_services: Services
) -> None:
    form.open_record(ui_services.promises.get(id=promise_number(ui_services, 2)))
    assert form._label_for("number").isHidden()
    assert "Minst 2 genomförda trygghetsvandringar per år" in form.targets.text()
    form.internal_comment.setPlainText("Vandring i Skillerälven i höst.")
    assert form.save()


def test_planned_hours_per_year_are_saved_and_cleared(
    form: PromiseForm, ui_services: Services
) -> None:
    assert form.planned_hours.value_or_none() is None  # not set: shown as a dash
    form.short_title.setText("Belysning")
    form.text.setPlainText("Kommunen lovar att se över belysningen.")
    form.planned_hours.setValue(120.5)
    screenshot(form, "registers-promise-planned-hours")
    assert form.save()
    stored = ui_services.promises.get(id=promise_number(ui_services, 5))
    assert stored.data.planned_hours == 120.5
    form.open_record(stored)
    assert form.planned_hours.value_or_none() == 120.5
    form.planned_hours.set_value_or_none(None)
    assert form.save()
    assert ui_services.promises.get(id=stored.id).data.planned_hours is None
