"""Date and time fields that take what is typed: forms, keys, Tab, and text that is no date."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from loften_app.ui.forms.typed_fields import DateField, TimeField, parse_date, parse_time

BASE = dt.date(2026, 12, 15)
TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("20261201", dt.date(2026, 12, 1)),
        ("261201", dt.date(2026, 12, 1)),
        ("1201", dt.date(2026, 12, 1)),
        ("1/12", dt.date(2026, 12, 1)),
        ("1.12", dt.date(2026, 12, 1)),
        ("1/12/2025", dt.date(2025, 12, 1)),
        ("5", dt.date(2026, 12, 5)),
        ("i dag", TODAY),
        ("idag", TODAY),
        ("i går", dt.date(2026, 12, 1)),
        ("2026-02-30", None),
        ("2026-1", None),
        ("morgon", None),
        ("", None),
    ],
)
def test_dates_as_people_type_them(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, base=BASE, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00", dt.time(21, 0)),
        ("21.00", dt.time(21, 0)),
        ("2100", dt.time(21, 0)),
        ("211", dt.time(2, 11)),
        ("21", dt.time(21, 0)),
        ("9", dt.time(9, 0)),
        ("21:5", dt.time(21, 5)),
        ("0000", dt.time(0, 0)),
        ("2400", None),
        ("21:60", None),
        ("kväll", None),
        ("12345", None),
    ],
)
def test_times_as_people_type_them(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


class Row(QWidget):
    """A date, a start and an end time, and a line edit after them, as in a form."""

    def __init__(self) -> None:
        super().__init__()
        self.date = DateField(dt.date(2018, 3, 31))
        self.start = TimeField(dt.time(20, 0))
        self.end = TimeField(dt.time(1, 0))
        self.after = QLineEdit()
        layout = QHBoxLayout(self)
        for widget in (self.date, self.start, self.end, self.after):
            layout.addWidget(widget)


@pytest.fixture
def row(qtbot: QtBot) -> Row:
    widget = Row()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_typing_replaces_the_value_and_tab_moves_on_at_once(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.date)
    assert row.date.selectedText() == "2018-03-31"  # entering selects: typing replaces
    with qtbot.waitSignal(row.date.dateChanged):
        qtbot.keyClicks(row.date, "2026-12-01")
    assert row.date.value() == dt.date(2026, 12, 1)
    qtbot.keyClick(row.date, Qt.Key.Key_Tab)
    assert row.start.hasFocus()  # one Tab, whatever the field's parts
    qtbot.keyClicks(row.start, "2100")
    qtbot.keyClick(row.start, Qt.Key.Key_Tab)
    assert row.end.hasFocus()
    qtbot.keyClicks(row.end, "211")
    assert row.end.value() == dt.time(2, 11)  # counts before the field is left (Ctrl+S)
    qtbot.keyClick(row.end, Qt.Key.Key_Tab)
    assert row.after.hasFocus()
    assert row.start.value() == dt.time(21, 0)
    assert row.end.value() == dt.time(2, 11)
    assert row.end.text() == "02:11"  # shown as a time once left


def test_skipping_a_time_is_one_tab_and_changes_nothing(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.start)
    qtbot.keyClick(row.start, Qt.Key.Key_Tab)
    qtbot.keyClick(row.end, Qt.Key.Key_Tab)
    assert row.after.hasFocus()
    assert (row.start.value(), row.end.value()) == (dt.time(20, 0), dt.time(1, 0))


def test_today_and_yesterday_are_one_key_and_arrows_step(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.date)
    qtbot.keyClick(row.date, Qt.Key.Key_D)
    assert row.date.value() == dt.date.today()
    qtbot.keyClick(row.date, Qt.Key.Key_G)
    assert row.date.value() == dt.date.today() - dt.timedelta(days=1)
    row.date.set_value(dt.date(2018, 3, 31))
    qtbot.keyClick(row.date, Qt.Key.Key_Up)
    assert row.date.value() == dt.date(2018, 4, 1)
    qtbot.keyClick(row.date, Qt.Key.Key_Down)
    qtbot.keyClick(row.date, Qt.Key.Key_Down)
    assert row.date.value() == dt.date(2018, 3, 30)
    qtbot.keyClick(row.date, Qt.Key.Key_PageDown)
    assert row.date.value() == dt.date(2018, 2, 28)  # no 30 February

    focus(qtbot, row.start)  # all selected: the hour steps
    qtbot.keyClick(row.start, Qt.Key.Key_Up)
    assert row.start.value() == dt.time(21, 0)
    row.start.setCursorPosition(5)  # in the minutes: the minute steps
    qtbot.keyClick(row.start, Qt.Key.Key_Down)
    assert row.start.value() == dt.time(20, 59)


def test_text_that_is_no_date_is_marked_and_loses_nothing(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.date)
    qtbot.keyClicks(row.date, "2026-13-01")
    assert row.date.property("bad_input") is True
    assert row.date.value() == dt.date(2018, 3, 31)  # the last good value stays
    qtbot.keyClick(row.date, Qt.Key.Key_Tab)
    assert row.date.text() == "2018-03-31"
    assert row.date.property("bad_input") is False


def test_a_short_form_counts_when_the_field_is_left(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.date)
    changes: list[object] = []
    row.date.dateChanged.connect(changes.append)
    qtbot.keyClicks(row.date, "15")
    assert changes == []  # "1" and "15" are not taken while typing: "15" may become "1501"
    qtbot.keyClick(row.date, Qt.Key.Key_Return)
    assert row.date.value() == dt.date(2018, 3, 15)
    assert len(changes) == 1


def test_the_calendar_picks_a_day(qtbot: QtBot, row: Row) -> None:
    focus(qtbot, row.date)
    calendar = row.date.show_calendar()
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2018-03-31"
    calendar.setSelectedDate(calendar.selectedDate().addDays(3))
    calendar.activated.emit(calendar.selectedDate())
    assert row.date.value() == dt.date(2018, 4, 3)
