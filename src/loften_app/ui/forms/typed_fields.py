"""Date and time fields that take what a fast typist types.

A date field takes "2026-12-01", "20261201", "261201", "1/12" (day/month), "1201" (month and
day) or "5" (a day of the shown month); D is i dag and G i går (T and Y in English). A time
field takes "21:00", "21.00", "2100", "211" (02:11) or "21" (21:00). Up and Down step the value
(a day; an hour or a minute, by where the cursor is), Page Up and Page Down a month, and Tab
always moves to the next field. Text that cannot be read is marked and the last good value is
kept; leaving the field shows the value again.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QVBoxLayout, QWidget

DATE_FORMAT = "yyyy-MM-dd"
_TODAY_KEYS = (Qt.Key.Key_D, Qt.Key.Key_T)
_YESTERDAY_KEYS = (Qt.Key.Key_G, Qt.Key.Key_Y)
_TODAY_WORDS = ("i dag", "idag", "today", "d", "t")
_YESTERDAY_WORDS = ("i går", "igår", "i gar", "igar", "yesterday", "g", "y")


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, *, base: dt.date, today: dt.date) -> dt.date | None:
    """The date meant by `text`, or None. `base` (the value shown) gives a short form its year
    and month; `today` is what "i dag" and "i går" count from."""
    text = text.strip().lower()
    if not text:
        return None
    if text in _TODAY_WORDS:
        return today
    if text in _YESTERDAY_WORDS:
        return today - dt.timedelta(days=1)
    if text.isdigit():
        n = len(text)
        if n <= 2:
            return _date_or_none(base.year, base.month, int(text))
        if n == 4:
            return _date_or_none(base.year, int(text[:2]), int(text[2:]))
        if n == 6:
            return _date_or_none(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))
        if n == 8:
            return _date_or_none(int(text[:4]), int(text[4:6]), int(text[6:]))
        return None
    parts = re.split(r"[-./ ]", text)
    if not all(part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts]
    if len(parts) == 3 and len(parts[0]) == 4:  # 2026-12-01
        return _date_or_none(numbers[0], numbers[1], numbers[2])
    if len(parts) == 3 and len(parts[2]) == 4:  # 1/12/2026
        return _date_or_none(numbers[2], numbers[1], numbers[0])
    if len(parts) == 2:  # 1/12: day and month, as a Swede writes it
        return _date_or_none(base.year, numbers[1], numbers[0])
    return None


def parse_time(text: str) -> dt.time | None:
    """The time of day meant by `text` ("21:00", "21.00", "2100", "211", "21"), or None."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})[:.](\d{1,2})", text)
    if match:
        hour, minute = int(match[1]), int(match[2])
    elif text.isdigit() and len(text) <= 2:
        hour, minute = int(text), 0
    elif text.isdigit() and len(text) in (3, 4):
        hour, minute = int(text[:-2]), int(text[-2:])
    else:
        return None
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


class TypedField(QLineEdit):
    """What a typed date and a typed time share: select all on entering, mark bad text, show
    the value again on leaving, Tab to the next field."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("bad_input", False)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self.commit)

    def _parsed(self, text: str) -> object | None:
        """The value `text` means, or None."""
        raise NotImplementedError

    def _complete(self, text: str) -> bool:
        """Whether `text` is a whole value that no further key could mean otherwise."""
        raise NotImplementedError

    def _take(self, value: object) -> None:
        raise NotImplementedError

    def _edited(self, text: str) -> None:
        # A short form ("5", "21") may still grow into another value: it counts when the field
        # is left (or saved); a whole one counts at once.
        if not self._complete(text):
            self._mark(False)
            return
        value = self._parsed(text)
        self._mark(value is None)
        if value is not None:
            self._take(value)

    def commit(self) -> None:
        """Take what is typed (if it means a value) and show the value."""
        value = self._parsed(self.text())
        if value is not None:
            self._take(value)
        self._show_value()

    def _show_value(self) -> None:
        raise NotImplementedError

    def _mark(self, bad: bool) -> None:
        if bool(self.property("bad_input")) != bad:
            self.setProperty("bad_input", bad)
            self.setStyleSheet("border: 1px solid #b00020;" if bad else "")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.selectAll()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click into a field that was not focused selects it all: typing replaces the value.
        fresh = self.property("fresh_click")
        super().mouseReleaseEvent(event)
        if fresh:
            self.selectAll()
        self.setProperty("fresh_click", False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setProperty("fresh_click", not self.hasFocus())
        super().mousePressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        self.commit()
        return super().focusNextPrevChild(next)


class DateField(TypedField):
    """A date in ISO form, typed or picked from a calendar (Alt+Down or the button).

    Signals:
        dateChanged(QDate): the value changed (while typing, as soon as the text is a date).
    """

    dateChanged = Signal(QDate)  # noqa: N815 (Qt's name, as QDateEdit)

    def __init__(self, value: dt.date | None = None) -> None:
        super().__init__()
        self._value = value or dt.date.today()
        self._popup: QWidget | None = None
        self.setText(self._value.isoformat())
        self.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.setToolTip(
            self.tr(
                "Skriv datumet (2026-12-01, 1/12 eller 1201). D: i dag, G: i går. "
                "Upp/ned: en dag, PgUp/PgDn: en månad. Alt+Ned: kalender."
            )
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = QAction(icon, self.tr("Välj i kalendern"), self)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        width = self.fontMetrics().horizontalAdvance("0000-00-00") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 24)  # a date needs no more: the frame around it shows

    # --- values ---------------------------------------------------------------------------------

    def value(self) -> dt.date:
        """The value, counting a short form typed but not yet left ("5": the 5th)."""
        pending = self._parsed(self.text()) if self.hasFocus() else None
        return pending if isinstance(pending, dt.date) else self._value

    def set_value(self, value: dt.date) -> None:
        self._set(value, show=True)

    def date(self) -> QDate:
        return QDate(self._value.year, self._value.month, self._value.day)

    def setDate(self, value: QDate) -> None:
        self.set_value(dt.date(value.year(), value.month(), value.day()))

    def _set(self, value: dt.date, *, show: bool) -> None:
        changed = value != self._value
        self._value = value
        if show:
            self._show_value()
        if changed:
            self.dateChanged.emit(self.date())

    def _show_value(self) -> None:
        text = self._value.isoformat()
        if self.text() != text:
            self.setText(text)
        self._mark(False)

    def _parsed(self, text: str) -> dt.date | None:
        return parse_date(text, base=self._value, today=dt.date.today())

    def _complete(self, text: str) -> bool:
        text = text.strip()
        return len(text) >= 10 or (len(text) == 8 and text.isdigit())

    def _take(self, value: object) -> None:
        assert isinstance(value, dt.date)
        self._set(value, show=False)

    # --- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.AltModifier and key == Qt.Key.Key_Down:
            self.show_calendar()
            return
        if modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            today = dt.date.today()
            steps: dict[int, int] = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
            if key in _TODAY_KEYS:
                self._set(today, show=True)
                self.selectAll()
                return
            if key in _YESTERDAY_KEYS:
                self._set(today - dt.timedelta(days=1), show=True)
                self.selectAll()
                return
            if key in steps:
                self._set(self._value + dt.timedelta(days=steps[key]), show=True)
                return
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                months = 1 if key == Qt.Key.Key_PageUp else -1
                self._set(_add_months(self._value, months), show=True)
                return
            if key == Qt.Key.Key_F4:
                self.show_calendar()
                return
        super().keyPressEvent(event)

    # --- calendar -------------------------------------------------------------------------------

    def show_calendar(self) -> QCalendarWidget:
        """Show a calendar under the field; a click (or Enter) on a day picks it."""
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar = QCalendarWidget(popup)
        calendar.setGridVisible(True)
        calendar.setSelectedDate(self.date())
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calendar)

        def picked(day: QDate) -> None:
            self.setDate(day)
            popup.close()
            self.setFocus(Qt.FocusReason.PopupFocusReason)

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        calendar.setFocus()
        self._popup = popup
        return calendar


def _add_months(value: dt.date, months: int) -> dt.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    for day in (value.day, 30, 29, 28):
        result = _date_or_none(year, month + 1, day)
        if result is not None:
            return result
    return value


class TimeField(TypedField):
    """A time of day, typed ("2100", "21:00", "211") or stepped with the arrow keys.

    Signals:
        timeChanged(QTime): the value changed (while typing, as soon as the text is a time).
    """

    timeChanged = Signal(QTime)  # noqa: N815 (Qt's name, as QTimeEdit)

    def __init__(self, value: dt.time | None = None) -> None:
        super().__init__()
        self._value = value or dt.time(0, 0)
        self.setText(self._value.strftime("%H:%M"))
        self.setPlaceholderText(self.tr("TT:MM"))
        self.setToolTip(
            self.tr("Skriv tiden (21:00, 2100 eller 21). Upp/ned: en timme eller en minut.")
        )
        self.setMaxLength(5)
        width = self.fontMetrics().horizontalAdvance("00:00") + 24
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    def value(self) -> dt.time:
        """The value, counting a short form typed but not yet left ("21": 21:00)."""
        pending = self._parsed(self.text()) if self.hasFocus() else None
        return pending if isinstance(pending, dt.time) else self._value

    def set_value(self, value: dt.time) -> None:
        self._set(dt.time(value.hour, value.minute), show=True)

    def time(self) -> QTime:
        return QTime(self._value.hour, self._value.minute)

    def setTime(self, value: QTime) -> None:
        self.set_value(dt.time(value.hour(), value.minute()))

    def _set(self, value: dt.time, *, show: bool) -> None:
        changed = value != self._value
        self._value = value
        if show:
            self._show_value()
        if changed:
            self.timeChanged.emit(self.time())

    def _show_value(self) -> None:
        text = self._value.strftime("%H:%M")
        if self.text() != text:
            self.setText(text)
        self._mark(False)

    def _parsed(self, text: str) -> dt.time | None:
        return parse_time(text)

    def _complete(self, text: str) -> bool:
        text = text.strip()
        return len(text) >= 5 or (len(text) == 4 and text.isdigit())

    def _take(self, value: object) -> None:
        assert isinstance(value, dt.time)
        self._set(value, show=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            # The hour with the whole field selected or the cursor in the hour, else the minute.
            selected = self.hasSelectedText()
            position = self.cursorPosition()
            minutes = 60 if selected or position <= 2 else 1
            step = minutes if key == Qt.Key.Key_Up else -minutes
            total = (self._value.hour * 60 + self._value.minute + step) % (24 * 60)
            self._set(dt.time(total // 60, total % 60), show=True)
            if selected:
                self.selectAll()
            else:
                self.setCursorPosition(position)
            return
        super().keyPressEvent(event)
