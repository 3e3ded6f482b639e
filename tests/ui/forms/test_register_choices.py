"""The choices of promises, places and shops follow the registers: what is added in the
Register (which invalidates the lookups) appears in every form at once, and what is chosen in
an open form stays chosen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation, PromiseType, Responsible
from loften_app.domain.records import PlaceData, PromiseData, ShopData
from loften_app.storage.services import Services
from loften_app.ui.changes import Change
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.drug_case import DrugCaseForm
from loften_app.ui.forms.fields import PlaceChoice, PlacesPicker
from loften_app.ui.forms.other_activity import OtherActivityForm
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.forms.safety_walk import SafetyWalkForm
from loften_app.ui.forms.volunteers import VolunteerDeploymentForm
from loften_app.ui.lookups import Lookups

TODAY = dt.date(2018, 6, 1)
KINDS = {
    "patrol": PromiseType.PATROL,
    "safety_walk": PromiseType.SAFETY_WALK,
    "volunteers": PromiseType.VOLUNTEERS,
    "drug_case": PromiseType.DRUGS,
    "other_activity": PromiseType.OTHER,
}


def build(kind: str, services: Services, lookups: Lookups, photo_dir: Path) -> RecordForm[Any]:
    today = {"today": lambda: TODAY}
    if kind == "patrol":
        return PatrolForm(services.patrols, lookups, **today)
    if kind == "safety_walk":
        return SafetyWalkForm(services.safety_walks, lookups, photo_dir=photo_dir, **today)
    if kind == "volunteers":
        return VolunteerDeploymentForm(services.volunteer_deployments, lookups, **today)
    if kind == "drug_case":
        return DrugCaseForm(services.drug_cases, lookups, organisation=Organisation.POLICE, **today)
    return OtherActivityForm(services.other_activities, lookups, **today)


def shown(widget: object) -> list[str]:
    """The names a promise or place widget offers."""
    if isinstance(widget, PlaceChoice):
        widget = widget.combo
    if isinstance(widget, PlacesPicker):
        return [widget.list.item(i).text() for i in range(widget.list.count())]
    assert isinstance(widget, QComboBox)
    return [widget.itemText(i) for i in range(widget.count())]


def place_widget(form: RecordForm[Any]) -> Any:
    return getattr(form, "places", None) or form.place  # type: ignore[attr-defined]


def choose_place(form: RecordForm[Any], key: str) -> None:
    widget = place_widget(form)
    widget.set_value((key,) if isinstance(widget, PlacesPicker) else key)


def chosen_place(form: RecordForm[Any]) -> object:
    data = form.collect()
    return getattr(data, "place_ids", None) or data.place_id


def add_promise(services: Services, kind: PromiseType) -> str:
    agreement = services.agreements.current()
    assert agreement is not None
    data = PromiseData(
        agreement_id=agreement.id,
        number=9,
        text="Ett löfte som tillkom under året.",
        short_title="Tillkommet löfte",
        responsible=Responsible.BOTH,
        type=kind,
    )
    return services.promises.add(data=data).id


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_promise_and_a_place_added_in_the_register_appear_and_the_choice_stays(
    kind: str, qtbot: QtBot, ui_services: Services, tmp_path: Path
) -> None:
    lookups = Lookups(ui_services)
    form = build(kind, ui_services, lookups, tmp_path)
    qtbot.addWidget(form)
    form.open_new(form.blank(TODAY))
    key, _name = lookups.places()[1]
    choose_place(form, key)
    before = form.collect()
    assert form.is_dirty()

    promise_id = add_promise(ui_services, KINDS[kind])
    ui_services.places.add(data=PlaceData(name="Parken vid biblioteket"))
    lookups.changes.notify(Change.of(registers={"promises", "places"}))  # as the Register does

    assert "9. Tillkommet löfte" in shown(form.promise)  # type: ignore[attr-defined]
    assert "Parken vid biblioteket" in shown(place_widget(form))
    assert form.collect() == before
    assert chosen_place(form) in (key, (key,))
    form.promise.set_value(promise_id)  # type: ignore[attr-defined]
    assert form.collect().promise_id == promise_id


def test_a_place_removed_from_the_register_stays_chosen_in_an_open_form(
    qtbot: QtBot, ui_services: Services, tmp_path: Path
) -> None:
    lookups = Lookups(ui_services)
    form = build("safety_walk", ui_services, lookups, tmp_path)
    qtbot.addWidget(form)
    form.open_new(form.blank(TODAY))
    key, name = lookups.places()[0]
    choose_place(form, key)
    ui_services.places.delete(id=key)
    lookups.changes.notify(Change.of(registers={"places"}))
    assert (key, name) not in lookups.places()
    assert form.collect().place_id == key
    assert form.place.currentText() == name  # type: ignore[attr-defined]


def test_a_new_shop_appears_in_every_shop_visit(
    qtbot: QtBot, ui_services: Services, tmp_path: Path
) -> None:
    lookups = Lookups(ui_services)
    form = build("patrol", ui_services, lookups, tmp_path)
    assert isinstance(form, PatrolForm)
    qtbot.addWidget(form)
    ui_services.shops.add(data=ShopData(name="Kiosken vid resecentrum"))
    lookups.changes.notify(Change.of(registers={"shops"}))
    form.open_new(form.blank(TODAY))
    form.shop_visits.add_visit(None)
    first = form.shop_visits.table.cellWidget(0, form.shop_visits.COL_SHOP)
    assert isinstance(first, QComboBox)
    first.setCurrentIndex(first.findText("Kiosken vid resecentrum"))
    ui_services.shops.add(data=ShopData(name="Pizzerian på Storgatan"))
    lookups.changes.notify(Change.of(registers={"shops"}))
    combo = form.shop_visits.table.cellWidget(0, form.shop_visits.COL_SHOP)
    assert isinstance(combo, QComboBox)
    assert shown(combo) == ["–", "Kiosken vid resecentrum", "Pizzerian på Storgatan"]
    assert combo.currentText() == "Kiosken vid resecentrum"


@pytest.mark.parametrize("kind", ["patrol", "other_activity"])
def test_a_place_added_from_the_form_is_offered_once(
    kind: str, qtbot: QtBot, ui_services: Services, tmp_path: Path
) -> None:
    lookups = Lookups(ui_services)
    form = build(kind, ui_services, lookups, tmp_path)
    qtbot.addWidget(form)
    form.open_new(form.blank(TODAY))
    widget = place_widget(form)
    if isinstance(widget, PlacesPicker):
        widget.add_and_check("Parken vid biblioteket")
    else:
        widget.add_and_select("Parken vid biblioteket")
    assert shown(widget).count("Parken vid biblioteket") == 1
    (key,) = [k for k, name in lookups.places() if name == "Parken vid biblioteket"]
    assert chosen_place(form) in (key, (key,))


def test_reading_the_choices_again_is_no_edit_of_the_other_organisations_part(
    qtbot: QtBot, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups = Lookups(ui_services)
    form = DrugCaseForm(
        ui_services.drug_cases, lookups, organisation=Organisation.MUNICIPALITY, today=lambda: TODAY
    )
    qtbot.addWidget(form)
    asked: list[Organisation] = []

    def confirm(part: Organisation) -> bool:
        asked.append(part)
        return False

    monkeypatch.setattr(form, "_confirm_editing", confirm)
    key, _name = lookups.places()[-1]
    form.open_new(dataclasses.replace(form.blank(TODAY), place_id=key))
    ui_services.places.add(data=PlaceData(name="Aaa-parken"))  # first in the list
    lookups.changes.notify(Change.of(registers={"places"}))
    assert asked == []
    assert form.place.value() == key
    assert not form.is_dirty()
