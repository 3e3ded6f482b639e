"""RecordListWidget: filters and the count, deleted records, keys and mouse, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from loften_app.domain.enums import CaseStatus, WalkStatus
from loften_app.domain.periods import Period
from loften_app.ui.lists.record_list import RecordListWidget
from loften_app.ui.lists.specs import SPECS, PatrolColumn
from loften_app.ui.lists.table_model import RecordTableModel
from loften_app.ui.lookups import Lookups
from tests.ui.lists.conftest import (
    ACTOR,
    SCREENSHOTS,
    CountingPatrolService,
    ListEnv,
    add_patrols,
    add_samples,
    patrol,
)

AGREEMENT = Period(dt.date(2017, 1, 1), dt.date(2018, 12, 31))


def make_list(
    qtbot,
    env: ListEnv,
    name: str = "patrols",
    settings: QSettings | None = None,
    lookups: Lookups | None = None,
) -> RecordListWidget:
    model = RecordTableModel(getattr(env.services, name), SPECS[name], env.names)
    widget = RecordListWidget(
        model,
        settings=settings or env.settings,
        settings_key=f"lists/{name}",
        place_choices=(lookups or Lookups(env.services)).places,
        period=AGREEMENT,
    )
    qtbot.addWidget(widget)
    widget.resize(1100, 560)
    return widget


def count_text(widget: RecordListWidget) -> str:
    return widget.count_label.text().replace("\N{NO-BREAK SPACE}", " ")


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_filters_narrow_the_count(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 1_234)
    widget = make_list(qtbot, env)
    # The first 500 rows show at once; the count follows from the event loop.
    assert count_text(widget) == "Räknar…"
    assert widget.model.rowCount() == 500
    qtbot.waitUntil(lambda: count_text(widget) == "1 234 poster")
    assert widget.model.rowCount() == 1_234

    bar = widget.filter_bar
    choose(bar.period, "2018-Q1")
    q1 = (dt.date(2018, 4, 1) - dt.date(2018, 1, 1)).days * 4
    qtbot.waitUntil(lambda: count_text(widget) == f"{q1} poster")

    choose(bar.place, env.refs.places["Centrum"])
    q1_centrum = widget.model.rowCount()
    assert 0 < q1_centrum < 360

    choose(bar.period, "custom")
    assert not bar.date_from.isHidden()
    bar.date_from.setDate(QDate(2018, 1, 1))
    bar.date_to.setDate(QDate(2018, 1, 1))
    assert widget.model.rowCount() == 2  # of the four patrols that day, two were in Centrum

    choose(bar.period, "")
    choose(bar.place, "")
    assert count_text(widget) == "Räknar…"  # not the count of the list before
    qtbot.waitUntil(lambda: count_text(widget) == "1 234 poster")


def tab_order(bar: QWidget, among: list[QWidget]) -> list[QWidget]:
    """`among` in the order of the focus chain (what Tab goes through), from the bar on."""
    order: list[QWidget] = []
    widget = bar.nextInFocusChain()
    while widget is not bar and len(order) < len(among):
        if widget in among and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_the_custom_dates_are_made_when_chosen_in_place_and_in_the_tab_order(
    qtbot, env: ListEnv
) -> None:
    add_patrols(env.database, env.services, env.refs, 40)
    widget = make_list(qtbot, env)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    bar = widget.filter_bar
    assert not bar.dates_made  # not on the first paint: most lists never show them
    bar.period.setFocus()
    qtbot.keyClick(bar.period, Qt.Key.Key_Tab)
    assert bar.place.hasFocus()

    choose(bar.period, "custom")
    assert bar.dates_made
    assert bar.date_from.isVisible() and bar.date_to.isVisible()
    assert bar.date_from.date() == QDate(2017, 1, 1)  # the whole period until dates are picked
    assert bar.date_to.date() == QDate(2018, 12, 31)
    assert widget.model.rowCount() == 40
    x = [bar.period.x(), bar.date_from.x(), bar.date_to.x(), bar.place.x(), bar.search.x()]
    assert x == sorted(x)  # right after the period choice
    assert bar.date_from.accessibleName() and bar.date_to.accessibleName()
    inputs = [bar.period, bar.date_from, bar.date_to, bar.place, bar.search, bar.show_deleted]
    assert tab_order(bar, inputs) == inputs  # as when the dates were made with the bar
    bar.period.setFocus()
    qtbot.keyClick(bar.period, Qt.Key.Key_Tab)
    assert bar.date_from.hasFocus()

    bar.date_from.setDate(QDate(2018, 1, 1))
    bar.date_to.setDate(QDate(2018, 1, 2))
    assert widget.model.rowCount() == 2  # one patrol a day
    choose(bar.period, "")
    assert bar.date_from.isHidden() and bar.date_to.isHidden()
    assert widget.model.rowCount() == 40


def test_a_list_without_status_makes_its_status_filter_only_when_asked(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 3)
    widget = make_list(qtbot, env)
    bar = widget.filter_bar
    assert bar._status is None
    assert bar.status.isHidden()  # made on request, hidden, and it filters nothing
    assert bar.current_filter().status is None
    assert widget.model.rowCount() == 3
    walks = make_list(qtbot, env, "safety_walks")
    assert walks.filter_bar._status is not None


def test_a_list_on_screen_reads_first_the_rows_it_shows(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 120)
    counting = CountingPatrolService(env.database, ACTOR)
    model = RecordTableModel(counting, SPECS["patrols"], env.names)
    widget = RecordListWidget(
        model, settings=env.settings, settings_key="lists/patrols", place_choices=lambda: []
    )
    qtbot.addWidget(widget)
    widget.resize(1100, 400)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: len(counting.fetches) > 0)  # painted
    view = widget.view
    shown = view.rowAt(view.viewport().height() - 1) + 1
    assert 0 < shown <= model.first_rows < 50  # 50: a page
    assert len(counting.fetches[0]) == model.first_rows
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.rowAt(0) > 60)
    view.scrollTo(model.index(45, 0))
    QApplication.processEvents()
    plain = RecordTableModel(env.services.patrols, SPECS["patrols"], env.names)
    plain.refresh()
    for row in range(120):
        assert model.record_at(row) == plain.record_at(row)


def test_search_waits_for_a_pause(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 30)
    widget = make_list(qtbot, env)
    with qtbot.waitSignal(widget.model.count_changed, timeout=2_000) as counted:
        qtbot.keyClicks(widget.filter_bar.search, "Pass 1")
        assert widget.model.rowCount() == 30  # not yet: the search waits ~250 ms
    assert counted.args == [11]  # Pass 1, Pass 10 … Pass 19
    assert count_text(widget) == "11 poster"


def test_status_filter_only_where_there_is_a_status(qtbot, env: ListEnv) -> None:
    add_samples(env.services, env.refs)
    patrols = make_list(qtbot, env)
    assert patrols.filter_bar.status.isHidden()

    walks = make_list(qtbot, env, "safety_walks")
    assert not walks.filter_bar.status.isHidden()
    assert count_text(walks) == "2 poster"
    choose(walks.filter_bar.status, WalkStatus.PLANNED.value)
    assert count_text(walks) == "1 post"
    assert walks.filter_bar.status.currentText() == "planerad"

    cases = make_list(qtbot, env, "drug_cases")
    choose(cases.filter_bar.status, CaseStatus.CLOSED.value)
    assert count_text(cases) == "0 poster"

    places = make_list(qtbot, env, "places")
    bar = places.filter_bar
    assert bar.period.isHidden() and bar.place.isHidden() and bar.status.isHidden()
    assert count_text(places) == "7 poster"


def test_deleted_records_can_be_shown_and_restored(qtbot, env: ListEnv) -> None:
    kept = env.services.patrols.add(data=patrol(env.refs, 1))
    gone = env.services.patrols.add(data=patrol(env.refs, 2))
    env.services.patrols.delete(id=gone.id)
    widget = make_list(qtbot, env)
    assert count_text(widget) == "1 post"
    assert widget.restore_button.isHidden()

    widget.filter_bar.show_deleted.setChecked(True)
    assert count_text(widget) == "2 poster"
    assert not widget.restore_button.isHidden()
    widget.select_id(kept.id)
    assert not widget.restore_button.isEnabled()
    widget.select_id(gone.id)
    assert widget.restore_button.isEnabled()

    with qtbot.waitSignal(widget.record_restored) as restored:
        qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args == [gone.id]
    assert not env.services.patrols.get(id=gone.id).meta.is_deleted
    assert not widget.restore_button.isEnabled()
    assert widget.current_id() == gone.id

    widget.filter_bar.show_deleted.setChecked(False)
    assert count_text(widget) == "2 poster"


def test_enter_double_click_delete_and_new(qtbot, env: ListEnv) -> None:
    stored = [env.services.patrols.add(data=patrol(env.refs, number)) for number in range(3)]
    widget = make_list(qtbot, env)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_id(stored[1].id)

    with qtbot.waitSignal(widget.open_requested) as opened:
        qtbot.keyClick(widget.view, Qt.Key.Key_Return)
    assert opened.args == [stored[1].id]

    with qtbot.waitSignal(widget.delete_requested) as deleting:
        qtbot.keyClick(widget.view, Qt.Key.Key_Delete)
    assert deleting.args == [stored[1].id]

    row = widget.model.row_of(stored[2].id)
    rect = widget.view.visualRect(widget.model.index(row, PatrolColumn.MODE))
    viewport = widget.view.viewport()
    with qtbot.waitSignal(widget.open_requested) as opened:
        # A real double click: a press and release, then the double-click event.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [stored[2].id]

    with qtbot.waitSignal(widget.new_requested):
        qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)


def test_ctrl_f_focuses_the_search(qtbot, env: ListEnv) -> None:
    env.services.patrols.add(data=patrol(env.refs, 1))
    widget = make_list(qtbot, env)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(widget.filter_bar.search.hasFocus)


def test_sorting_by_a_header_click(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 40)
    widget = make_list(qtbot, env)
    widget.show()
    qtbot.waitExposed(widget)
    header = widget.view.horizontalHeader()
    assert header.sortIndicatorSection() == PatrolColumn.DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    header.setSortIndicator(PatrolColumn.OFFICERS, Qt.SortOrder.AscendingOrder)
    assert widget.model.sort_column == PatrolColumn.OFFICERS
    assert widget.model.record_at(0).data.officers == 2
    assert widget.model.record_at(39).data.officers == 4

    header.setSortIndicator(PatrolColumn.SHOP_VISITS, Qt.SortOrder.DescendingOrder)
    assert widget.model.sort_column == PatrolColumn.SHOP_VISITS
    assert widget.model.record_at(0).data.shop_visit_count == 3
    assert widget.model.record_at(39).data.shop_visit_count == 0
    assert header.sortIndicatorSection() == PatrolColumn.SHOP_VISITS


def test_settings_round_trip(qtbot, env: ListEnv, tmp_path: Path) -> None:
    for number in range(5):
        env.services.patrols.add(data=patrol(env.refs, number))
    path = str(tmp_path / "roundtrip.ini")
    settings = QSettings(path, QSettings.Format.IniFormat)
    first = make_list(qtbot, env, settings=settings)
    header = first.view.horizontalHeader()
    header.resizeSection(PatrolColumn.SHIFT, 333)
    header.setSortIndicator(PatrolColumn.MODE, Qt.SortOrder.AscendingOrder)
    settings.sync()
    del settings

    reopened = QSettings(path, QSettings.Format.IniFormat)
    assert reopened.value("lists/patrols/sort_key") == "mode"
    second = make_list(qtbot, env, settings=reopened)
    assert second.view.horizontalHeader().sectionSize(PatrolColumn.SHIFT) == 333
    assert second.model.sort_column == PatrolColumn.MODE
    assert second.model.sort_order == Qt.SortOrder.AscendingOrder
    assert second.view.horizontalHeader().sortIndicatorSection() == PatrolColumn.MODE

    other = make_list(qtbot, env, "safety_walks", reopened)
    assert other.model.sort_column == 0  # settings are per list


def test_every_input_has_an_accessible_name(qtbot, env: ListEnv) -> None:
    widget = make_list(qtbot, env, "drug_cases")
    bar = widget.filter_bar
    inputs: list[QWidget] = [
        bar.period,
        bar.date_from,
        bar.date_to,
        bar.place,
        bar.status,
        bar.search,
        bar.show_deleted,
        widget.restore_button,
        widget.new_button,
        widget.view,
    ]
    for each in inputs:
        assert each.accessibleName(), each


def test_screenshot_of_thirty_patrols(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 30)
    env.services.patrols.delete(id=env.services.patrols.list_ids()[3])  # shown struck out
    widget = make_list(qtbot, env)
    widget.filter_bar.show_deleted.setChecked(True)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.selectRow(2)
    QApplication.processEvents()
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / "list-patrols.png"
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 0


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_list_opens(qtbot, env: ListEnv, name: str) -> None:
    add_samples(env.services, env.refs)
    widget = make_list(qtbot, env, name)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.model.rowCount() > 0
    assert widget.count_label.text()


def test_enter_in_the_search_box_searches_at_once(qtbot, env: ListEnv) -> None:
    add_patrols(env.database, env.services, env.refs, 30)
    widget = make_list(qtbot, env)
    widget.filter_bar.search.setText("Pass 2")  # Pass 2, Pass 20 … Pass 29
    assert widget.model.rowCount() == 30
    qtbot.keyClick(widget.filter_bar.search, Qt.Key.Key_Return)
    assert widget.model.rowCount() == 11


def test_the_place_filter_follows_the_register(qtbot, env: ListEnv) -> None:
    lookups = Lookups(env.services)
    widget = make_list(qtbot, env, lookups=lookups)
    combo = widget.filter_bar.place
    choose(combo, env.refs.places["Centrum"])
    added_id, _name = lookups.add_place("Ölme bygdegård")
    added = env.services.places.get(id=added_id)
    assert combo.findData(added.id) == -1
    widget.reload_places()
    assert combo.findData(added.id) > 0
    assert combo.currentData() == env.refs.places["Centrum"]  # still chosen
