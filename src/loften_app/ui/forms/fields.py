"""Field widgets every form uses: ISO dates, optional dates, times, counts, hours, enums,
places (with "add a new place" without leaving the form).

The choices among register entries live in `choices` and are offered here as well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.shifts import evening_night_hours, shift_hours
from loften_app.ui.forms.choices import (
    ChoiceCombo,
    HasChoices,
    NewPlace,
    PlaceChoice,
    PlacesPicker,
    ask_new_place_name,
)
from loften_app.ui.forms.typed_fields import DATE_FORMAT, DateField, TimeField
from loften_app.ui.i18n import enum_text

__all__ = [
    "DATE_FORMAT",
    "ChoiceCombo",
    "CountField",
    "DateField",
    "EnumCombo",
    "HasChoices",
    "HoursField",
    "NewPlace",
    "OptionalCountField",
    "OptionalDateField",
    "PlaceChoice",
    "PlacesPicker",
    "TimeField",
    "ask_new_place_name",
    "compact",
    "field_error_label",
    "form_layout",
    "from_qdate",
    "to_qdate",
]

E = TypeVar("E", bound=StrEnum)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateField(QWidget):
    """A date that may be left out: a check box turns the date on."""

    changed = Signal()

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.check = QCheckBox(caption)
        self.date = DateField()
        self.date.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date, 1)
        self.check.toggled.connect(self.date.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.date.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(name)
        self.date.setAccessibleName(name)

    def value(self) -> dt.date | None:
        return self.date.value() if self.check.isChecked() else None

    def set_value(self, value: dt.date | None, *, default: dt.date | None = None) -> None:
        self.check.setChecked(value is not None)
        self.date.set_value(value or default or dt.date.today())


#: A shift longer than this asks before it is saved (14:00–13:30 is more often a typing slip).
LONG_SHIFT_HOURS = 12


def duration_text(hours: float) -> str:
    """Hours as "5 h 00 min"."""
    whole = int(hours)
    minutes = round((hours - whole) * 60)
    return f"{whole} h {minutes:02d} min"


class ShiftTimes(QWidget):
    """Start and end of a shift on one row, with its length ("5 h 00 min (över midnatt)").

    An end before the start is on the next day. `describe(day)` updates the length; with
    `evening_night=True` it also shows the part between 18:00 and 06:00.
    """

    def __init__(self, *, evening_night: bool = False) -> None:
        super().__init__()
        self._evening_night = evening_night
        self.start_time = TimeField()
        self.end_time = TimeField()
        self.start_time.setAccessibleName(self.tr("Starttid"))
        self.end_time.setAccessibleName(self.tr("Sluttid"))
        self.duration = QLabel()
        self.duration.setObjectName("duration")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_time)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_time)
        row.addWidget(self.duration, 1)

    def hours(self, day: dt.date) -> float | None:
        """The shift's length, or None while start and end are the same."""
        start, end = self.start_time.value(), self.end_time.value()
        return None if start == end else shift_hours(day, start, end)

    def confirm_length(
        self, day: dt.date, ask_once: Callable[[str, Callable[[], bool]], bool]
    ) -> bool:
        """Before a save: a shift over `LONG_SHIFT_HOURS` asks "Över midnatt?" (once a record,
        through the form's `ask_once`); False (the times are to be corrected) moves the focus
        to the end time."""
        hours = self.hours(day)
        if hours is None or hours <= LONG_SHIFT_HOURS:
            return True
        if ask_once("long_shift", lambda: self._ask_long(hours)):
            return True
        self.end_time.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _ask_long(self, hours: float) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Över midnatt?"))
        box.setText(
            self.tr("Passet %1–%2 blir %3 långt och går över midnatt. Stämmer det?")
            .replace("%1", self.start_time.text())
            .replace("%2", self.end_time.text())
            .replace("%3", duration_text(hours))
        )
        yes = box.addButton(self.tr("Ja, över midnatt"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("Nej, ändra tiderna"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def describe(self, day: dt.date) -> None:
        hours = self.hours(day)
        if hours is None:
            self.duration.setText("")
            return
        start, end = self.start_time.value(), self.end_time.value()
        text = duration_text(hours)
        if end < start:
            text += " " + self.tr("(över midnatt)")
        night = evening_night_hours(day, start, end) if self._evening_night else 0.0
        if night > 0:
            text += " · " + self.tr("kväll/natt %1").replace("%1", duration_text(night))
        self.duration.setText(text)


class CountField(QSpinBox):
    """A whole number of something (officers, volunteers, disturbances, participants)."""

    def __init__(self, minimum: int = 0, maximum: int = 100_000) -> None:
        super().__init__()
        self.setRange(minimum, maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)


class HoursField(QDoubleSpinBox):
    """Hours, optionally left empty (shown as a dash): `value_or_none()`."""

    EMPTY = -1.0

    def __init__(self, *, optional: bool = True, maximum: float = 10_000) -> None:
        super().__init__()
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setRange(self.EMPTY if optional else 0.0, maximum)
        if optional:
            self.setSpecialValueText("–")
        self.setSuffix(" h")

    def value_or_none(self) -> float | None:
        value = self.value()
        return None if value <= self.EMPTY else value

    def set_value_or_none(self, value: float | None) -> None:
        self.setValue(self.EMPTY if value is None else value)


class EnumCombo(QComboBox, Generic[E]):
    """A choice among an enum's members, shown in the user's language; optionally empty."""

    def __init__(self, enum: type[E], *, optional: bool = False) -> None:
        super().__init__()
        self._enum = enum
        if optional:
            self.addItem("–", None)
        for member in enum:
            self.addItem(enum_text(member), member.value)

    def value(self) -> E | None:
        data = self.currentData()
        return None if data is None else self._enum(data)

    def set_value(self, value: E | None) -> None:
        index = self.findData(None if value is None else value.value)
        self.setCurrentIndex(max(index, 0))


def field_error_label() -> QLabel:
    """The red text under a field that says why it cannot be saved."""
    label = QLabel()
    label.setObjectName("field_error")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def compact(*widgets: QWidget) -> None:
    """Keep short fields (counts, hours) at their natural width instead of the form's."""
    for widget in widgets:
        widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())


def form_layout(body: QWidget) -> QFormLayout:
    """The body's form, at the top: spare height goes below the last row, not between rows."""
    column = QVBoxLayout(body)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return form


class OptionalCountField(QWidget):
    """A count that may be left out: a check box turns the number on.

    Signals:
        changed(): the check box or the number changed.
    """

    changed = Signal()

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.check = QCheckBox(caption)
        self.count = CountField()
        self.count.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.check.toggled.connect(self.count.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.count.valueChanged.connect(lambda _value: self.changed.emit())
        self.setFocusProxy(self.check)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(name)
        self.count.setAccessibleName(name)

    def value(self) -> int | None:
        return self.count.value() if self.check.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.check.setChecked(value is not None)
        self.count.setValue(value or 0)
