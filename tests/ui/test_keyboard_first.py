"""Keyboard first, in the real window: where Ctrl+N puts the focus, what "Ny från föregående"
carries, the "Över midnatt?" question, the list's search and sort, and the keys a record takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionHeader
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import (
    Organisation,
    PatrolMode,
    PromiseType,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.records import (
    PatrolData,
    ShopData,
    ShopVisitData,
    VolunteerDeploymentData,
)
from loften_app.storage.database import Database
from loften_app.storage.services import Services
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.forms.volunteers import VolunteerDeploymentForm
from loften_app.ui.lists.specs import PatrolColumn, SafetyWalkColumn
from loften_app.ui.main_window import MainWindow
from loften_app.ui.pages import build_pages
from loften_app.ui.section import RecordSection
from tests.factories import demo_services_for
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import answer_next_message_box

TODAY = dt.date(2018, 12, 31)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo_services(ui_database: Database) -> Services:
    return demo_services_for(ui_database, Organisation.POLICE)


@pytest.fixture
def window(
    qtbot: QtBot, settings: QSettings, demo_services: Services, tmp_path: Path
) -> Iterator[MainWindow]:
    window = MainWindow(settings=settings, database_name="demo.db")
    qtbot.addWidget(window)
    pages = build_pages(
        demo_services,
        settings,
        organisation=Organisation.POLICE,
        photo_dir=tmp_path,
        today=lambda: TODAY,
    )
    window.attach(pages, agreement_title="Medborgarlöften Filipstad 2017–2018", user="Anna")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    for page in pages.values():  # a test that failed half-way leaves no question behind
        if isinstance(page, RecordSection) and page.form.is_dirty():
            answer_next_message_box("Släng ändringarna")
            page.form.close_form()


def section_of(window: MainWindow, key: str) -> RecordSection:
    window.show_section(key)
    page = window.page(key)
    assert isinstance(page, RecordSection)
    page.records.view.setFocus()
    return page


class Keys:
    """Sends keys to whatever has the focus, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        self.qtbot.keyClick(widget, key, modifiers)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            widget = QApplication.focusWidget()
            assert widget is not None
            self.qtbot.keyClicks(widget, char)
            self.count += 1


def test_ctrl_n_puts_the_focus_in_the_first_field_inside_a_visible_frame(
    window: MainWindow, qtbot: QtBot
) -> None:
    for key in ("patrols", "volunteers", "drug_cases", "other_activities"):
        section = section_of(window, key)
        qtbot.keyClick(section.records.view, Qt.Key.Key_N, CTRL)
        form = section.form
        # The promise when there is one to choose (other activities), else the date.
        date = form.promise if key == "other_activities" else form.first_field()  # type: ignore[attr-defined]
        assert (
            date is getattr(form, "date", None)
            or date is getattr(form, "detected_on", None)
            or key == "other_activities"
        )
        qtbot.waitUntil(date.hasFocus)
        ring = form.focus_ring
        qtbot.waitUntil(lambda ring=ring, date=date: ring.target is date)
        framed = QRect(ring.mapTo(form, QPoint(0, 0)), ring.size())
        field = QRect(date.mapTo(form, QPoint(0, 0)), date.size())
        assert framed.contains(field) and framed != field
        if key == "patrols":
            screenshot(window, "keyboard-ctrl-n-focus")
        qtbot.keyClick(date, Qt.Key.Key_Escape)
        assert not section.showing_form()


def patrol_with_everything(services: Services) -> PatrolData:
    promise = next(
        p for p in services.promises.list_page(limit=50).items if p.data.type is PromiseType.PATROL
    )
    places = [p.id for p in services.places.list_page(limit=3).items][:2]
    shops = [
        services.shops.add(data=ShopData(name=name)).id
        for name in ("ICA Supermarket Filipstad", "Kiosken vid resecentrum")
    ]
    return PatrolData(
        promise_id=promise.id,
        date=dt.date(2018, 12, 30),
        start_time=dt.time(21, 0),
        end_time=dt.time(2, 0),
        place_ids=tuple(places),
        mode=PatrolMode.CAR,
        officers=3,
        shop_visits=tuple(ShopVisitData(shop_id=shop, note="Snatteri i helgen") for shop in shops),
        disturbances=4,
        visible_drug_use=2,
        hours_spent=6.5,
        notes="Bråk vid torget",
    )


def test_a_patrol_from_the_previous_one_with_only_the_date_changed(
    window: MainWindow, demo_services: Services, qtbot: QtBot
) -> None:
    previous = demo_services.patrols.add(data=patrol_with_everything(demo_services)).data
    section = section_of(window, "patrols")
    section.form._lookups.invalidate()  # type: ignore[attr-defined]  # shops added above
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert section.showing_form()
    qtbot.waitUntil(section.form.date.hasFocus)  # type: ignore[attr-defined]
    keys.type("29")  # the 29th of the month shown
    keys.press(Qt.Key.Key_S, CTRL)
    assert keys.count == 4  # Ctrl+Shift+N, 2, 9, Ctrl+S: no click
    stored = section.form.stored
    assert stored is not None, (section.form.problem_label.text(), section.form.issues())
    copy = stored.data
    assert copy.date == dt.date(2018, 12, 29)
    # What recurs is carried ...
    assert (set(copy.place_ids), copy.mode, copy.officers) == (
        set(previous.place_ids),
        previous.mode,
        previous.officers,
    )
    assert (copy.start_time, copy.end_time) == (previous.start_time, previous.end_time)
    assert [v.shop_id for v in copy.shop_visits] == [v.shop_id for v in previous.shop_visits]
    # ... and nothing that was seen, said, written or spent on the earlier one.
    assert [v.note for v in copy.shop_visits] == ["", ""]
    assert (copy.disturbances, copy.visible_drug_use) == (0, 0)
    assert copy.hours_spent is None
    assert copy.notes == ""


def test_a_deployment_from_the_previous_one_carries_only_what_recurs(
    window: MainWindow, demo_services: Services
) -> None:
    section = section_of(window, "volunteers")
    latest = demo_services.volunteer_deployments.get(
        id=demo_services.volunteer_deployments.list_ids()[0]
    ).data
    section.new_from_previous()
    copy = section.form.collect()
    assert isinstance(copy, VolunteerDeploymentData)
    assert (set(copy.place_ids), copy.task, copy.volunteers) == (
        set(latest.place_ids),
        latest.task,
        latest.volunteers,
    )
    assert (copy.start_time, copy.end_time, copy.date) == (
        latest.start_time,
        latest.end_time,
        TODAY,
    )
    assert copy.observations_passed == 0
    assert copy.volunteer_hours_override is None
    assert copy.hours_spent is None
    assert copy.notes == ""


def test_a_new_volunteer_deployment_by_keyboard_only(
    window: MainWindow, demo_services: Services, qtbot: QtBot
) -> None:
    section = section_of(window, "volunteers")
    before = demo_services.volunteer_deployments.count()
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    form = section.form
    assert isinstance(form, VolunteerDeploymentForm)
    qtbot.waitUntil(form.date.hasFocus)
    keys.type("1228")  # 28 December of the year shown
    keys.press(Qt.Key.Key_Tab)
    assert form.start_time.hasFocus()
    keys.type("19")
    keys.press(Qt.Key.Key_Tab)
    keys.type("23")
    keys.press(Qt.Key.Key_Tab)
    assert form.places.list.hasFocus()
    keys.press(Qt.Key.Key_Space)  # tick the first place
    keys.press(Qt.Key.Key_Tab)  # past "Ny plats…"
    keys.press(Qt.Key.Key_Tab)
    assert form.task.hasFocus()
    keys.type("e")  # evenemang
    keys.press(Qt.Key.Key_Tab)
    assert form.volunteers.hasFocus()
    keys.type("4")
    keys.press(Qt.Key.Key_S, CTRL)
    assert form.stored is not None, form.problem_label.text()
    data = form.stored.data
    assert data.date == dt.date(2018, 12, 28)
    assert (data.start_time, data.end_time) == (dt.time(19, 0), dt.time(23, 0))
    assert len(data.place_ids) == 1
    assert data.task is VolunteerTask.EVENT
    assert data.volunteers == 4
    assert demo_services.volunteer_deployments.count() == before + 1
    assert keys.count == 19


def test_a_shift_over_twelve_hours_asks_once_a_record(qtbot: QtBot, ui_services: Services) -> None:
    form = PatrolForm(ui_services.patrols, _lookups(ui_services), today=lambda: TODAY)
    qtbot.addWidget(form)
    form.open_new(form.blank(TODAY))
    form.show()
    first_place = form.places.list.item(0)
    first_place.setCheckState(Qt.CheckState.Checked)
    form.start_time.set_value(dt.time(14, 0))
    form.end_time.set_value(dt.time(13, 30))
    seen: list[str] = []
    answer_next_message_box("Nej, ändra tiderna", seen)
    assert not form.save()
    assert seen == ["Passet 14:00–13:30 blir 23 h 30 min långt och går över midnatt. Stämmer det?"]
    assert ui_services.patrols.count() == 0
    answer_next_message_box("Ja, över midnatt", seen)
    assert form.save()
    assert len(seen) == 2
    form.officers.setValue(5)
    assert form.save()  # remembered for this record: no third question
    assert len(seen) == 2
    form.start_time.set_value(dt.time(20, 0))  # 20:00–13:30 is still long, still answered
    assert form.save()
    assert ui_services.patrols.count() == 1


def _lookups(services: Services):  # type: ignore[no-untyped-def]
    from loften_app.ui.lookups import Lookups

    return Lookups(services)


def test_a_new_shop_fills_the_empty_visit_row(qtbot: QtBot, ui_services: Services) -> None:
    form = PatrolForm(ui_services.patrols, _lookups(ui_services), today=lambda: TODAY)
    qtbot.addWidget(form)
    form.open_new(form.blank(TODAY))
    form.show()
    form.shop_visits.add_visit(None)
    form.shop_visits.add_new_shop("ICA Supermarket Filipstad")
    visits = form.shop_visits.visits()
    assert len(visits) == 1 and visits[0].shop_id  # the empty row, not a second one
    form.shop_visits.add_new_shop("Kiosken vid resecentrum")
    assert len(form.shop_visits.visits()) == 2  # no empty row left: a new one
    width = form.shop_visits.table.columnWidth(form.shop_visits.COL_SHOP)
    assert width >= form.fontMetrics().horizontalAdvance("ICA Supermarket Filipstad") + 30


def search(section: RecordSection, qtbot: QtBot, text: str) -> int:
    section.records.filter_bar.search.setText(text)
    qtbot.waitUntil(lambda: section.records.model.filter.text == text, timeout=3000)
    return section.records.model.rowCount()


def test_the_search_finds_what_the_list_shows(window: MainWindow, qtbot: QtBot) -> None:
    patrols = section_of(window, "patrols")
    model = patrols.records.model
    total = model.rowCount()
    found = search(patrols, qtbot, "Idrottsplatsen")
    assert 0 < found < total
    texts = [str(model.index(r, PatrolColumn.PLACES).data()) for r in range(min(found, 50))]
    assert all("Idrottsplatsen" in text for text in texts)
    june = search(patrols, qtbot, "2018-06")
    assert june > 0
    assert all(
        str(model.index(r, PatrolColumn.DATE).data()).startswith("2018-06") for r in range(june)
    )
    assert search(patrols, qtbot, "bil") > 0  # the mode as shown ("bil"), stored as "car"
    assert all(
        model.record_at(r).data.mode is PatrolMode.CAR
        or "bil" in model.record_at(r).data.notes.lower()
        for r in range(min(model.rowCount(), 50))
    )

    walks = section_of(window, "safety_walks")
    completed = search(walks, qtbot, "genomförd")
    assert completed > 0
    statuses = {
        str(walks.records.model.index(r, SafetyWalkColumn.STATUS).data()) for r in range(completed)
    }
    assert statuses == {"genomförd"}
    assert all(
        walks.records.model.record_at(r).data.status is WalkStatus.COMPLETED
        for r in range(completed)
    )


@pytest.mark.parametrize(
    "key", ["patrols", "safety_walks", "volunteers", "drug_cases", "other_activities"]
)
def test_every_column_sorts_and_the_arrow_points_the_way_the_list_runs(
    window: MainWindow, key: str
) -> None:
    section = section_of(window, key)
    records = section.records
    header = records.view.horizontalHeader()
    model = records.model
    for column in range(model.columnCount()):
        assert model.spec.columns[column].sortable, model.spec.columns[column].header
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            header.setSortIndicator(column, order)
            assert model.sort_column == column
            option = QStyleOptionHeader()
            header.initStyleOptionForIndex(option, column)
            up = QStyleOptionHeader.SortIndicator.SortUp
            down = QStyleOptionHeader.SortIndicator.SortDown
            assert option.sortIndicator == (up if order == Qt.SortOrder.AscendingOrder else down)
        values = [
            model.index(r, column).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(min(model.rowCount(), 40))
        ]
        if model.spec.columns[column].sort_key not in ("places", "area"):
            comparable = [v for v in values if v is not None and v != ""]
            assert comparable == sorted(comparable, reverse=True), model.spec.columns[column].header
