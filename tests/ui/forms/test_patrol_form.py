"""The patrol form, used as a user uses it: fill in, save, reopen, edit, mistakes, leaving."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import PatrolMode, PromiseType
from loften_app.domain.records import ShopData
from loften_app.storage.services import Services
from loften_app.ui.forms.fields import ChoiceCombo
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import answer_next_message_box

TODAY = dt.date(2018, 6, 1)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> PatrolForm:
    for name in ("Livsmedelsbutiken vid torget", "Kiosken vid resecentrum"):
        ui_services.shops.add(data=ShopData(name=name))
    form = PatrolForm(ui_services.patrols, Lookups(ui_services), today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(900, 900)
    form.open_new(form.blank(dt.date(2018, 3, 31)))
    form.show()
    return form


def tick_place(form: PatrolForm, name: str) -> None:
    for key, shown in form._lookups.places():
        if shown == name:
            form.places.set_value((*form.places.value(), key))
            return
    raise AssertionError(name)


def test_fill_in_save_reopen_and_edit(form: PatrolForm, ui_services: Services) -> None:
    assert not form.save_button.isEnabled()
    assert "1 att rätta" in form.problem_label.text()
    tick_place(form, "Centrum")
    tick_place(form, "Stora torget")
    form.mode.set_value(PatrolMode.BICYCLE)
    form.officers.setValue(3)
    form.shop_visits.add_visit(None)
    first = form.shop_visits.table.cellWidget(0, 0)
    assert isinstance(first, ChoiceCombo) and first.value() is None  # a new row starts empty
    first.setCurrentIndex(first.findText("Kiosken vid resecentrum"))
    form.shop_visits.add_new_shop("Pizzerian på Storgatan")
    form.disturbances.setValue(2)
    form.notes.setPlainText("Lugn kväll vid torget")
    assert form.duration.text() == "5 h 00 min (över midnatt) · kväll/natt 5 h 00 min"
    assert form.save_button.isEnabled()
    screenshot(form, "form-patrol-filled")
    assert form.save()

    (stored,) = ui_services.patrols.list_page().items
    assert stored.data.officers == 3
    assert stored.data.mode is PatrolMode.BICYCLE
    assert len(stored.data.shop_visits) == 2
    assert stored.data.place_ids and len(stored.data.place_ids) == 2
    assert not form.is_dirty()
    assert form.problem_label.text() == "Inga ändringar att spara."

    form.open_record(ui_services.patrols.get(id=stored.id))
    form.officers.setValue(4)
    assert form.is_dirty()
    assert form.save()
    assert ui_services.patrols.get(id=stored.id).data.officers == 4
    assert ui_services.patrols.get(id=stored.id).version == 2


def test_each_validation_message_appears_at_its_field(form: PatrolForm) -> None:
    tick_place(form, "Centrum")
    form.end_time.setTime(form.start_time.time())
    error = form._label_for("end_time")
    assert not error.isHidden()
    assert "21:00–02:00" in error.text()
    assert not form.save_button.isEnabled()
    form.notes.setPlainText("Samtal med 811218-9876")
    notes_error = form._label_for("notes")
    assert "personnummer" in notes_error.text()
    assert not notes_error.isHidden()
    form.officers.setValue(0)
    assert not form._label_for("officers").isHidden()
    screenshot(form, "form-patrol-errors")
    form.notes.setPlainText("Samtal med butiksägaren")
    assert form._label_for("notes").isHidden()


def test_a_shop_listed_twice_is_shown_at_the_shop_visits(form: PatrolForm) -> None:
    tick_place(form, "Centrum")
    form.shop_visits.add_visit(None)
    form.shop_visits.add_visit(None)
    error = form._label_for("shop_visits[1].shop_id")
    assert not error.isHidden()


def test_a_new_form_left_untouched_does_not_ask(form: PatrolForm, qtbot: QtBot) -> None:
    with qtbot.waitSignal(form.closed):
        form.close_form()


def test_a_conflicting_save_offers_reload_or_keep(form: PatrolForm, ui_services: Services) -> None:
    tick_place(form, "Centrum")
    assert form.save()
    stored = form.stored
    assert stored is not None
    import dataclasses

    ui_services.patrols.update(
        id=stored.id, expected_version=1, data=dataclasses.replace(stored.data, officers=5)
    )
    form.officers.setValue(3)
    seen: list[str] = []
    answer_next_message_box("Behåll mina värden", seen)
    assert not form.save()
    assert "har ändrats av Anna" in seen[0]
    assert form.officers.value() == 3
    assert form.save()
    assert ui_services.patrols.get(id=stored.id).data.officers == 3
    assert form.promise.value() in {key for key, _ in form._lookups.promises(PromiseType.PATROL)}
