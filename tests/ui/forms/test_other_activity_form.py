"""The other activity form, used as a user uses it: any promise, an optional place and count,
fill in, save, reopen, edit, mistakes, leaving."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import PromiseType
from loften_app.storage.services import Services
from loften_app.ui.forms.other_activity import OtherActivityForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import tab_order, unnamed_inputs

TODAY = dt.date(2018, 6, 1)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> OtherActivityForm:
    form = OtherActivityForm(
        ui_services.other_activities, Lookups(ui_services), today=lambda: TODAY
    )
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.open_new(form.blank(dt.date(2018, 4, 12)))
    form.show()
    return form


def promise_id(form: OtherActivityForm, kind: PromiseType) -> str:
    ((key, _name), *_rest) = form._lookups.promises(kind)
    return key


def test_fill_in_save_reopen_and_edit(form: OtherActivityForm, ui_services: Services) -> None:
    assert not form.save_button.isEnabled()
    assert "Vad som gjordes saknas" in form._label_for("what").text()
    every_promise = [form.promise.itemText(i) for i in range(form.promise.count())]
    assert len(every_promise) == 4  # any promise of the agreement, not only one type
    form.promise.set_value(promise_id(form, PromiseType.DRUGS))
    form.what.setText("Skolbesök i årskurs 8 om narkotika")
    form.place.add_and_select("Filipstads gymnasieskola")
    form.count.set_value(3)
    form.hours_spent.setValue(5.5)
    form.notes.setPlainText("Tre klasser, frågor om langning")
    assert form.save_button.isEnabled()
    screenshot(form, "form-other-activity")
    assert form.save()

    (stored,) = ui_services.other_activities.list_page().items
    assert stored.data.what == "Skolbesök i årskurs 8 om narkotika"
    assert stored.data.count == 3
    assert stored.data.hours_spent == 5.5
    assert stored.data.place_id is not None
    assert form._lookups.place_name(stored.data.place_id) == "Filipstads gymnasieskola"
    assert not form.is_dirty()

    form.open_record(ui_services.other_activities.get(id=stored.id))
    assert form.count.check.isChecked()
    assert form.count.count.value() == 3
    form.count.check.setChecked(False)
    form.place.set_value(None)
    assert form.is_dirty()
    assert form.save()
    again = ui_services.other_activities.get(id=stored.id)
    assert again.version == 2
    assert again.data.count is None
    assert again.data.place_id is None


def test_the_count_is_optional(form: OtherActivityForm) -> None:
    assert form.collect().count is None
    assert not form.count.count.isEnabled()
    form.count.check.setChecked(True)
    assert form.count.count.isEnabled()
    assert form.collect().count == 0
    form.count.count.setValue(12)
    assert form.collect().count == 12


def test_each_validation_message_appears_at_its_field(
    form: OtherActivityForm, qtbot: QtBot
) -> None:
    error = form._label_for("what")
    assert not error.isHidden()
    qtbot.keyClicks(form.what, "Grannsamverkan, informationsmote")
    assert error.isHidden()
    assert form.save_button.isEnabled()
    form.what.setText("   ")
    assert not error.isHidden()
    form.what.setText("Grannsamverkan, informationsmöte")

    form.notes.setPlainText("Kontaktperson 811218-9876")
    error = form._label_for("notes")
    assert not error.isHidden()
    assert "personnummer" in error.text()
    assert not form.save_button.isEnabled()
    screenshot(form, "form-other-activity-errors")
    form.notes.setPlainText("Kontaktperson i bostadsområdet")
    assert error.isHidden()
    assert form.save_button.isEnabled()


def test_every_input_has_a_name_and_tab_follows_the_layout(form: OtherActivityForm) -> None:
    assert unnamed_inputs(form) == []
    form.count.check.setChecked(True)
    expected = [
        form.promise,
        form.date,
        form.what,
        form.place.combo,
        form.place.add_button,
        form.count.check,
        form.count.count,
        form.hours_spent,
        form.notes,
    ]
    assert tab_order(form, form.promise, len(expected)) == expected
