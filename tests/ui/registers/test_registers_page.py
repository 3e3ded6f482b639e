"""The registers page: its tabs, the agreement edited in place, changes that reach the lookups,
leaving with unsaved changes, and a picture of every tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import ShopData
from loften_app.storage.services import Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.main_window import MainWindow
from loften_app.ui.pages import build_pages
from loften_app.ui.registers.page import RegistersPage
from loften_app.ui.section import RecordSection
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import answer_next_message_box, unnamed_inputs
from tests.ui.registers.conftest import PAGE_SIZE

TABS = ["Överenskommelse", "Löften", "Mål", "Platser", "Butiker", "Indikatorer"]
SECTIONS = ["promises", "targets", "places", "shops", "indicators"]


def test_the_tabs_in_order(page: RegistersPage) -> None:
    assert [page.tabText(i) for i in range(page.count())] == TABS
    assert page.widget(0) is page.agreement_form
    for index, key in enumerate(SECTIONS, start=1):
        assert page.widget(index) is page.sections[key]


def test_the_agreement_tab_shows_the_template_agreement_and_saves_a_change(
    page: RegistersPage, ui_services: Services, qtbot: QtBot
) -> None:
    form = page.agreement_form
    assert form.title.text() == "Medborgarlöften Filipstad 2017–2018"
    assert form.municipality.text() == "Filipstads kommun"
    assert form.period_start.value().isoformat() == "2017-01-01"
    assert form.period_end.value().isoformat() == "2018-12-31"
    assert form.valid_until_replaced.isChecked()
    assert form.follow_up_due.value() is not None
    assert "lokalmedia" in form.publication.toPlainText()
    assert not form.close_button.isVisible()
    assert not form.save_button.isEnabled()

    form.police_area.setText("Lokalpolisområde Filipstad")
    with qtbot.waitSignal(page.registers_changed):
        assert form.save()
    current = ui_services.agreements.current()
    assert current is not None
    assert current.data.police_area == "Lokalpolisområde Filipstad"
    assert current.version == 2


def test_adding_a_place_in_the_places_tab_reaches_the_lookups(
    page: RegistersPage, lookups: Lookups, qtbot: QtBot
) -> None:
    names_before = [name for _key, name in lookups.places()]
    assert "Folkets park" not in names_before
    page.setCurrentIndex(TABS.index("Platser"))
    places = page.sections["places"]
    places.records.new_button.click()
    assert places.showing_form()
    places.form.name.setText("Folkets park")
    with qtbot.waitSignal(page.registers_changed):
        assert places.form.save()
    assert "Folkets park" in [name for _key, name in lookups.places()]
    assert places.records.model.rowCount() == len(names_before) + 1


def test_a_new_promise_reaches_the_target_form_and_the_lookups(
    page: RegistersPage, lookups: Lookups
) -> None:
    promises = page.sections["promises"]
    promises.new_record()
    form = promises.form
    form.short_title.setText("Grannsamverkan")
    form.text.setPlainText("Vi ska starta grannsamverkan i två bostadsområden.")
    assert form.save()
    assert any(name == "5. Grannsamverkan" for _key, name in lookups.promises())
    targets = page.sections["targets"]
    targets.new_record()
    combo = targets.form.promise
    assert "5. Grannsamverkan" in [combo.itemText(i) for i in range(combo.count())]


def test_deleting_a_shop_invalidates_the_lookups_and_undo_brings_it_back(
    page: RegistersPage, ui_services: Services, lookups: Lookups, qtbot: QtBot
) -> None:
    shop = ui_services.shops.add(data=ShopData(name="Kiosken vid resecentrum"))
    shops = page.sections["shops"]
    shops.records.reload()
    assert lookups.shops() == [(shop.id, "Kiosken vid resecentrum")]
    with qtbot.waitSignal(page.registers_changed):
        shops.delete_record(shop.id)
    assert lookups.shops() == []
    with qtbot.waitSignal(page.registers_changed):
        shops.undo_delete()
    assert lookups.shops() == [(shop.id, "Kiosken vid resecentrum")]


def test_leaving_a_tab_with_unsaved_changes_asks_first(
    page: RegistersPage, ui_services: Services
) -> None:
    page.agreement_form.title.setText("Medborgarlöften 2017–2018, reviderad")
    answer_next_message_box("Avbryt")
    page.setCurrentIndex(TABS.index("Löften"))
    assert page.currentIndex() == 0
    answer_next_message_box("Avbryt")
    assert not page.can_leave()

    answer_next_message_box("Släng ändringarna")
    page.setCurrentIndex(TABS.index("Löften"))
    assert page.currentIndex() == TABS.index("Löften")
    # Thrown away: the agreement tab shows the stored agreement again.
    assert page.agreement_form.title.text() == "Medborgarlöften Filipstad 2017–2018"
    assert not page.agreement_form.is_dirty()
    current = ui_services.agreements.current()
    assert current is not None and current.version == 1


def test_can_leave_asks_the_open_form_of_the_current_tab(page: RegistersPage) -> None:
    page.setCurrentIndex(TABS.index("Platser"))
    places = page.sections["places"]
    assert page.can_leave()
    places.new_record()
    places.form.name.setText("Badplatsen")
    answer_next_message_box("Avbryt")
    assert not page.can_leave()
    answer_next_message_box("Spara")
    assert page.can_leave()
    assert not places.showing_form()
    assert places.records.model.rowCount() > 0


def test_every_input_of_every_register_form_has_a_name(page: RegistersPage) -> None:
    assert unnamed_inputs(page.agreement_form) == []
    for key in SECTIONS:
        section = page.sections[key]
        section.new_record()
        assert unnamed_inputs(section.form) == [], key


def test_new_from_previous_is_offered_only_for_targets(page: RegistersPage) -> None:
    for key in SECTIONS:
        button = page.sections[key].new_from_previous_button
        assert button.isHidden() is (key != "targets"), key


@pytest.mark.parametrize(
    ("tab", "name"),
    [
        ("Överenskommelse", "agreement"),
        ("Löften", "promises"),
        ("Mål", "targets"),
        ("Platser", "places"),
        ("Butiker", "shops"),
        ("Indikatorer", "indicators"),
    ],
)
def test_screenshot_of_each_tab(
    page: RegistersPage, ui_services: Services, lookups: Lookups, tab: str, name: str
) -> None:
    if name == "shops":
        centrum = next(key for key, shown in lookups.places() if shown == "Centrum")
        for shop, kind in (("Livsmedelsbutiken vid torget", "livsmedel"), ("Pressbyrån", "kiosk")):
            ui_services.shops.add(
                data=ShopData(name=shop, address="Stora torget 1", kind=kind, place_id=centrum)
            )
        page.sections["shops"].records.reload()
    page.setCurrentIndex(TABS.index(tab))
    screenshot(page, f"registers-{name}")
    widget = page.currentWidget()
    if isinstance(widget, RecordSection):
        model = widget.records.model
        if model.rowCount():
            widget.open_record(str(model.id_at(0)))
        else:
            widget.new_record()
        assert widget.showing_form()
        screenshot(page, f"registers-{name}-form")


def test_the_page_in_the_main_window(
    qtbot: QtBot, ui_services: Services, settings: QSettings, tmp_path: Path
) -> None:
    window = MainWindow(settings=settings, database_name="filipstad.db")
    qtbot.addWidget(window)
    pages = build_pages(
        ui_services, settings, organisation=Organisation.MUNICIPALITY, photo_dir=tmp_path
    )
    lookups = Lookups(ui_services)
    registers = RegistersPage(ui_services, lookups, settings, period=None)
    pages["registers"] = registers
    window.attach(pages, agreement_title="Medborgarlöften Filipstad 2017–2018", user="Anna")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("registers")
    QApplication.processEvents()
    assert registers.width() >= PAGE_SIZE[0] - 10
    assert registers.height() >= PAGE_SIZE[1] - 10
    screenshot(window, "registers-in-window")
    registers.agreement_form.title.setText("Ändrad titel")
    answer_next_message_box("Avbryt")
    window.show_section("overview")
    assert window.current_section() == "registers"
    answer_next_message_box("Släng ändringarna")
    window.show_section("overview")
    assert window.current_section() == "overview"
    assert registers.agreement_form.title.text() == "Medborgarlöften Filipstad 2017–2018"
