"""The place and shop forms: fill in, save, reopen, edit; a shop's place and kind."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.records import PlaceData, ShopData
from loften_app.storage.services import RecordFilter, Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.places import PlaceForm, ShopForm
from tests.ui.conftest import screenshot
from tests.ui.registers.conftest import PAGE_SIZE, TODAY


@pytest.fixture
def place_form(qtbot: QtBot, ui_services: Services) -> PlaceForm:
    form = PlaceForm(ui_services.places, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    form.open_new(form.blank(TODAY))
    form.show()
    return form


@pytest.fixture
def shop_form(qtbot: QtBot, ui_services: Services, lookups: Lookups) -> ShopForm:
    ui_services.shops.add(data=ShopData(name="Kiosken vid resecentrum", kind="kiosk"))
    form = ShopForm(ui_services.shops, lookups, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    form.open_new(form.blank(TODAY))
    form.show()
    return form


def place_id(lookups: Lookups, name: str) -> str:
    return next(key for key, shown in lookups.places() if shown == name)


def test_a_place_fill_in_save_reopen_and_edit(place_form: PlaceForm, ui_services: Services) -> None:
    assert "Namn saknas" in place_form._label_for("name").text()
    place_form.name.setText("Folkets park")
    place_form.description.setPlainText("Parken söder om Storgatan")
    assert place_form.save()
    (stored,) = ui_services.places.list_page(filter=RecordFilter(text="Folkets park")).items
    assert stored.data == PlaceData(name="Folkets park", description="Parken söder om Storgatan")

    place_form.open_record(stored)
    place_form.name.setText("Folkets park och scenen")
    assert place_form.save()
    assert ui_services.places.get(id=stored.id).data.name == "Folkets park och scenen"
    assert ui_services.places.get(id=stored.id).version == 2


def test_a_personnummer_in_a_place_description_is_refused(place_form: PlaceForm) -> None:
    place_form.name.setText("Folkets park")
    place_form.description.setPlainText("Anmäld av 811218-9876")
    assert "personnummer" in place_form._label_for("description").text()
    assert not place_form.save_button.isEnabled()


def test_a_shop_fill_in_save_reopen_and_edit(
    shop_form: ShopForm, ui_services: Services, lookups: Lookups
) -> None:
    assert shop_form.kinds.stringList() == ["kiosk"]
    shop_form.name.setText("Livsmedelsbutiken vid torget")
    shop_form.address.setText("Stora torget 3")
    shop_form.kind.setText("livsmedel")
    torget = place_id(lookups, "Stora torget")
    shop_form.place.set_value(torget)
    screenshot(shop_form, "registers-shop-filled")
    assert shop_form.save()
    (stored,) = ui_services.shops.list_page(filter=RecordFilter(text="Livsmedel")).items
    assert stored.data == ShopData(
        name="Livsmedelsbutiken vid torget",
        address="Stora torget 3",
        kind="livsmedel",
        place_id=torget,
    )

    shop_form.open_record(stored)
    assert shop_form.kinds.stringList() == ["kiosk", "livsmedel"]
    assert shop_form.place.value() == torget
    shop_form.place.set_value(None)
    shop_form.address.setText("Stora torget 5")
    assert shop_form.save()
    changed = ui_services.shops.get(id=stored.id)
    assert changed.data.place_id is None
    assert changed.data.address == "Stora torget 5"


def test_a_new_place_from_the_shop_form_is_chosen_once(
    shop_form: ShopForm, lookups: Lookups
) -> None:
    shop_form.place.add_and_select("Bergslagsgatan")
    key = place_id(lookups, "Bergslagsgatan")
    assert shop_form.place.value() == key
    combo = shop_form.place.combo
    assert [combo.itemText(i) for i in range(combo.count())].count("Bergslagsgatan") == 1


def test_a_shop_in_a_removed_place_keeps_its_place(
    shop_form: ShopForm, ui_services: Services, lookups: Lookups
) -> None:
    hallen = ui_services.places.add(data=PlaceData(name="Gamla hallen"))
    shop = ui_services.shops.add(data=ShopData(name="Hallens kafé", place_id=hallen.id))
    ui_services.places.delete(id=hallen.id)
    lookups.invalidate()
    shop_form.open_record(shop)
    assert shop_form.place.value() == hallen.id
    assert shop_form.place.combo.currentText() == "Gamla hallen"
    assert not shop_form.is_dirty()
