"""Each record type's section in the window: open from the list, edit, delete with undo,
"Ny från föregående", and the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation, PromiseType
from loften_app.storage.services import Services
from loften_app.ui.forms.observations_model import COL_DESCRIPTION
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.pages import build_pages
from loften_app.ui.section import RecordSection, copy_for_new
from tests.ui.conftest import overview_ready, screenshot

SECTIONS = ["patrols", "safety_walks", "volunteers", "drug_cases", "other_activities"]
TODAY = dt.date(2018, 12, 31)


@pytest.fixture
def window(
    qtbot: QtBot, settings: QSettings, demo_services: Services, tmp_path: Path
) -> MainWindow:
    window = MainWindow(settings=settings, database_name="demo.db")
    qtbot.addWidget(window)
    pages = build_pages(
        demo_services,
        settings,
        organisation=Organisation.MUNICIPALITY,
        photo_dir=tmp_path,
        today=lambda: TODAY,
    )
    assert all(isinstance(pages[key], RecordSection) for key in SECTIONS)
    window.attach(pages, agreement_title="Medborgarlöften Filipstad 2017–2018", user="Anna")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def section_of(window: MainWindow, key: str) -> RecordSection:
    window.show_section(key)
    page = window.page(key)
    assert isinstance(page, RecordSection)
    return page


@pytest.mark.parametrize("key", SECTIONS)
def test_open_edit_delete_undo_and_restore(window: MainWindow, key: str, qtbot: QtBot) -> None:
    section = section_of(window, key)
    model = section.records.model
    total = model.rowCount()
    assert total > 0
    screenshot(window, f"section-{key}")
    first_id = model.id_at(0)
    section.records.select_id(first_id)
    qtbot.keyClick(section.records.view, Qt.Key.Key_Return)
    assert section.showing_form()
    stored = section.form.stored
    assert stored is not None and stored.id == first_id
    screenshot(window, f"section-{key}-form")
    section.form.close_form()
    assert not section.showing_form()

    section.records.select_id(first_id)
    qtbot.keyClick(section.records.view, Qt.Key.Key_Delete)
    assert model.rowCount() == total - 1
    assert section.message_bar.isVisible()
    assert section.service.get(id=first_id).meta.is_deleted
    qtbot.keyClick(section.records.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == total
    assert not section.service.get(id=first_id).meta.is_deleted
    assert not section.message_bar.isVisible()

    section.delete_record(first_id)
    section.message_bar.button.click()  # "Ångra"
    assert model.rowCount() == total


def form_scroll_area(section: RecordSection) -> QScrollArea:
    area = section.form.body.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    return area


@pytest.mark.parametrize("key", SECTIONS)
def test_each_form_fits_the_width_of_the_window(window: MainWindow, key: str) -> None:
    section = section_of(window, key)
    model = section.records.model
    for row in range(min(model.rowCount(), 5)):  # a cancelled walk shows one row more
        section.open_record(model.id_at(row))
        QApplication.processEvents()
        area = form_scroll_area(section)
        assert area.viewport().width() <= 1010
        assert not area.horizontalScrollBar().isVisible()


def test_a_walk_with_ten_observations_fits_in_the_window(window: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.forms.conftest import answer_next_message_box

    section = section_of(window, "safety_walks")
    walks = [section.service.get(id=id) for id in section.service.list_ids()]
    fullest = max(walks, key=lambda walk: len(walk.data.observations))
    section.open_record(fullest.id)
    table = section.form.observations  # type: ignore[attr-defined]
    while table.model.rowCount() < 10:
        row = table.add_observation()
        table.model.set_value(row, COL_DESCRIPTION, "Trasig belysning vid gångbron")
    qtbot.wait(20)
    screenshot(window, "section-safety_walks-form-10-observations")
    area = form_scroll_area(section)
    assert not area.horizontalScrollBar().isVisible()
    assert not area.verticalScrollBar().isVisible()
    assert not table.view.horizontalScrollBar().isVisible()
    assert not table.view.verticalScrollBar().isVisible()
    answer_next_message_box("Släng ändringarna")
    section.form.close_form()


@pytest.mark.parametrize("key", SECTIONS)
def test_new_from_previous_is_dated_today_and_saves_a_new_record(
    window: MainWindow, key: str
) -> None:
    section = section_of(window, key)
    before = section.service.count()
    section.new_from_previous_button.click()
    assert section.showing_form()
    assert section.form.stored is None
    data = section.form.collect()
    date = getattr(data, "date", None) or getattr(data, "detected_on", None)
    assert date == TODAY
    issues = section.form.issues()
    assert issues == [], issues
    assert section.form.save()
    assert section.service.count() == before + 1


def test_ctrl_n_opens_a_new_form_and_esc_closes_it(window: MainWindow, qtbot: QtBot) -> None:
    section = section_of(window, "patrols")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    section.records.view.setFocus()
    qtbot.keyClick(section.records.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert section.showing_form()
    assert section.form.stored is None
    qtbot.keyClick(section.form, Qt.Key.Key_Escape)
    assert not section.showing_form()


def test_switching_section_with_unsaved_changes_asks_first(
    window: MainWindow, qtbot: QtBot
) -> None:
    from tests.ui.forms.conftest import answer_next_message_box

    section = section_of(window, "other_activities")
    section.open_record(section.records.model.id_at(0))
    section.form.notes.setPlainText("Ändrad men inte sparad")
    answer_next_message_box("Avbryt")
    window.show_section("patrols")
    assert window.current_section() == "other_activities"
    answer_next_message_box("Släng ändringarna")
    window.show_section("patrols")
    assert window.current_section() == "patrols"


def test_saving_refreshes_the_overview(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    overview_ready(qtbot, overview)
    assert overview.data is not None

    def patrols_on_card() -> int:
        assert overview.data is not None
        return next(
            p.figures.patrols
            for p in overview.data.report.promises
            if p.promise.data.type is PromiseType.PATROL
        )

    before = patrols_on_card()
    section = section_of(window, "patrols")
    section.new_from_previous_button.click()
    with qtbot.waitSignal(overview.updated, timeout=10_000):
        assert section.form.save()
    assert patrols_on_card() == before + 1
    card = overview.cards[0]
    assert f"Patrullpass: <b>{before + 1}</b>" in [
        label.text() for label in card.findChildren(QLabel)
    ]


def test_a_copy_drops_what_belonged_to_the_old_record(demo_services: Services) -> None:
    case = demo_services.drug_cases.get(id=demo_services.drug_cases.list_ids()[0]).data
    copy = copy_for_new(case, TODAY)
    assert copy.case_code == ""
    assert copy.detected_on == TODAY
    assert copy.first_contact_on is None
    assert copy.police_notes == ""
    walk = demo_services.safety_walks.get(id=demo_services.safety_walks.list_ids()[0]).data
    assert copy_for_new(walk, TODAY).observations == ()
