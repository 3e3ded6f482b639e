"""The agreement form on its own: a new agreement in an empty file, and its mistakes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.ui.registers.agreement import AgreementForm
from tests.ui.conftest import screenshot
from tests.ui.registers.conftest import PAGE_SIZE, TODAY


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> AgreementForm:
    form = AgreementForm(ui_services.agreements, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    current = ui_services.agreements.current()
    assert current is not None
    form.open_record(current)
    form.show()
    return form


def test_fill_in_a_new_agreement_save_reopen_and_edit(qtbot: QtBot, tmp_path: Path) -> None:
    with open_database(tmp_path / "tom.db") as database:
        services = Services.build(database, Actor("Anna", Organisation.MUNICIPALITY))
        form = AgreementForm(services.agreements, today=lambda: TODAY)
        qtbot.addWidget(form)
        form.open_new(form.blank(TODAY))
        assert form.period_start.value() == dt.date(2018, 1, 1)
        assert form.period_end.value() == dt.date(2019, 12, 31)
        assert form.follow_up_due.value() == dt.date(2020, 3, 31)
        assert not form.save_button.isEnabled()
        assert "3 att rätta" in form.problem_label.text()

        form.municipality.setText("Storfors kommun")
        form.police_area.setText("Lokalpolisområde Karlstad")
        form.title.setText("Medborgarlöften Storfors 2018–2019")
        form.publication.setPlainText("På kommunens webbplats")
        form.aims.setPlainText("Öka tryggheten i centrum.")
        assert form.save()

        current = services.agreements.current()
        assert current is not None
        assert current.data.title == "Medborgarlöften Storfors 2018–2019"
        assert current.data.follow_up_due == dt.date(2020, 3, 31)

        form.open_record(current)
        form.follow_up_due.check.setChecked(False)
        form.valid_until_replaced.setChecked(False)
        assert form.is_dirty()
        assert form.save()
        changed = services.agreements.get(id=current.id)
        assert changed.version == 2
        assert changed.data.follow_up_due is None
        assert not changed.data.valid_until_replaced


def test_an_end_before_the_start_is_shown_at_the_end(form: AgreementForm) -> None:
    form.period_end.set_value(dt.date(2016, 12, 31))
    error = form._label_for("period_end")
    assert not error.isHidden()
    assert "måste komma efter periodens början" in error.text()
    assert form._label_for("period_start").isHidden()
    assert not form.save_button.isEnabled()
    screenshot(form, "registers-agreement-errors")
    form.period_end.set_value(dt.date(2018, 12, 31))
    assert error.isHidden()
    assert not form.is_dirty()


def test_a_follow_up_before_the_end_and_blank_names_are_refused(form: AgreementForm) -> None:
    form.follow_up_due.set_value(dt.date(2018, 6, 30))
    assert "före periodens slut" in form._label_for("follow_up_due").text()
    form.municipality.setText("  ")
    assert "Kommun saknas" in form._label_for("municipality").text()
    form.background.setPlainText("Mötet med 811218-9876 gav mycket.")
    assert "personnummer" in form._label_for("background").text()
    assert not form.save_button.isEnabled()
