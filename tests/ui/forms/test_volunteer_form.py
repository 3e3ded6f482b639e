"""The volunteer deployment form, used as a user uses it: fill in, save, reopen, edit, the
derived volunteer hours, mistakes, leaving."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import VolunteerTask
from loften_app.storage.services import Services
from loften_app.ui.forms.volunteers import VolunteerDeploymentForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import tab_order, unnamed_inputs

TODAY = dt.date(2018, 6, 1)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> VolunteerDeploymentForm:
    form = VolunteerDeploymentForm(
        ui_services.volunteer_deployments, Lookups(ui_services), today=lambda: TODAY
    )
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.open_new(form.blank(dt.date(2018, 3, 30)))
    form.show()
    return form


def tick_place(form: VolunteerDeploymentForm, name: str) -> None:
    for key, shown in form._lookups.places():
        if shown == name:
            form.places.set_value((*form.places.value(), key))
            return
    raise AssertionError(name)


def test_fill_in_save_reopen_and_edit(form: VolunteerDeploymentForm, ui_services: Services) -> None:
    assert not form.save_button.isEnabled()
    assert "1 att rätta" in form.problem_label.text()
    assert form.duration.text() == "4 h 00 min (över midnatt)"
    tick_place(form, "Centrum")
    tick_place(form, "Resecentrum/busstationen")
    form.task.set_value(VolunteerTask.INFORMATION)
    form.volunteers.setValue(4)
    form.with_municipality.setChecked(True)
    form.with_business.setChecked(True)
    form.observations_passed.setValue(3)
    form.hours_spent.setValue(6)
    form.notes.setPlainText("Information mot langning vid resecentrum")
    assert form.derived_hours.text() == "4 volontärer × 4 h 00 min = 16 volontärtimmar"
    assert form.save_button.isEnabled()
    screenshot(form, "form-volunteers")
    assert form.save()

    (stored,) = ui_services.volunteer_deployments.list_page().items
    assert stored.data.volunteers == 4
    assert stored.data.task is VolunteerTask.INFORMATION
    assert stored.data.with_municipality and stored.data.with_business
    assert stored.data.observations_passed == 3
    assert stored.data.hours_spent == 6
    assert stored.data.volunteer_hours_override is None
    assert stored.data.volunteer_hours == 16
    assert len(stored.data.place_ids) == 2
    assert not form.is_dirty()
    assert form.problem_label.text() == "Inga ändringar att spara."

    form.open_record(ui_services.volunteer_deployments.get(id=stored.id))
    assert form.volunteers.value() == 4
    assert not form.override_hours.isEnabled()
    form.override_check.setChecked(True)
    assert form.override_hours.isEnabled()
    assert form.override_hours.value() == 16  # starts from the derived figure
    form.override_hours.setValue(14.5)
    assert "(ersätts av antalet du anger)" in form.derived_hours.text()
    assert form.is_dirty()
    assert form.save()
    again = ui_services.volunteer_deployments.get(id=stored.id)
    assert again.version == 2
    assert again.data.volunteer_hours_override == 14.5
    assert again.data.volunteer_hours == 14.5

    form.open_record(again)
    assert form.override_check.isChecked()
    assert form.override_hours.value() == 14.5


def test_the_derived_hours_follow_volunteers_and_times(form: VolunteerDeploymentForm) -> None:
    form.volunteers.setValue(3)
    assert form.derived_hours.text().endswith("= 12 volontärtimmar")
    form.start_time.set_value(dt.time(21, 30))
    form.end_time.set_value(dt.time(23, 0))
    assert form.duration.text() == "1 h 30 min"
    assert form.derived_hours.text() == "3 volontärer × 1 h 30 min = 4,5 volontärtimmar"
    form.volunteers.setValue(1)
    assert form.derived_hours.text() == "1 volontär × 1 h 30 min = 1,5 volontärtimmar"
    assert form.collect().volunteer_hours == 1.5


def test_volunteers_are_never_named(form: VolunteerDeploymentForm) -> None:
    assert form.no_names_hint.isVisible()
    assert "aldrig" in form.no_names_hint.text()
    assert "namn" in form.no_names_hint.text()


def test_each_validation_message_appears_at_its_field(form: VolunteerDeploymentForm) -> None:
    tick_place(form, "Centrum")
    assert form.save_button.isEnabled()

    form.volunteers.setValue(0)
    error = form._label_for("volunteers")
    assert not error.isHidden()
    assert "minst 1" in error.text()
    assert not form.save_button.isEnabled()
    form.volunteers.setValue(2)
    assert error.isHidden()

    form.end_time.setTime(form.start_time.time())
    error = form._label_for("end_time")
    assert not error.isHidden()
    assert "21:00–02:00" in error.text()
    assert form.duration.text() == ""
    form.end_time.set_value(dt.time(1, 0))
    assert error.isHidden()

    form.override_check.setChecked(True)
    form.override_hours.setValue(49)
    error = form._label_for("volunteer_hours_override")
    assert not error.isHidden()
    assert "2 × 24" in error.text()
    form.override_hours.setValue(48)
    assert error.isHidden()

    form.notes.setPlainText("Volontären 811218-9876 var med")
    error = form._label_for("notes")
    assert not error.isHidden()
    assert "personnummer" in error.text()
    screenshot(form, "form-volunteers-errors")
    assert not form.save_button.isEnabled()
    form.notes.setPlainText("Tre volontärer vid torget")
    assert error.isHidden()
    assert form.save_button.isEnabled()


def test_typing_the_number_of_volunteers(form: VolunteerDeploymentForm, qtbot: QtBot) -> None:
    form.volunteers.selectAll()
    qtbot.keyClicks(form.volunteers, "5")
    assert form.volunteers.value() == 5
    assert form.derived_hours.text().endswith("= 20 volontärtimmar")


def test_every_input_has_a_name_and_tab_follows_the_layout(
    form: VolunteerDeploymentForm,
) -> None:
    assert unnamed_inputs(form) == []
    form.override_check.setChecked(True)
    expected = [
        form.promise,
        form.date,
        form.start_time,
        form.end_time,
        form.places.list,
        form.places.add_button,
        form.task,
        form.volunteers,
        form.override_check,
        form.override_hours,
        form.with_municipality,
        form.with_business,
        form.observations_passed,
        form.hours_spent,
        form.notes,
    ]
    assert tab_order(form, form.promise, len(expected)) == expected
