"""Field widgets every form uses: ISO dates, optional dates, times, counts, hours, enums,
places (with "add a new place" without leaving the form)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from loften_app.ui.i18n import enum_text

E = TypeVar("E", bound=StrEnum)
DATE_FORMAT = "yyyy-MM-dd"


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A date in ISO form with a calendar."""

    def __init__(self, value: dt.date | None = None) -> None:
        super().__init__()
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.set_value(value or dt.date.today())

    def value(self) -> dt.date:
        return from_qdate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(to_qdate(value))


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


class TimeField(QTimeEdit):
    def __init__(self, value: dt.time | None = None) -> None:
        super().__init__()
        self.setDisplayFormat("HH:mm")
        self.set_value(value or dt.time(0, 0))

    def value(self) -> dt.time:
        time = self.time()
        return dt.time(time.hour(), time.minute())

    def set_value(self, value: dt.time) -> None:
        self.setTime(QTime(value.hour, value.minute))


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


class ChoiceCombo(QComboBox):
    """A choice among named records (id → name); optionally empty."""

    def __init__(self, *, optional: bool = False) -> None:
        super().__init__()
        self._optional = optional

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self._optional:
            self.addItem("–", None)
        for key, name in choices:
            self.addItem(name, key)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def set_value(self, value: str | None) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


NewPlace = Callable[[str], tuple[str, str]]


def ask_new_place_name(parent: QWidget) -> str | None:
    """Ask for the name of a new place for the register; None when cancelled or blank."""
    translate = QCoreApplication.translate
    name, ok = QInputDialog.getText(
        parent,
        translate("fields", "Ny plats"),
        translate("fields", "Platsens namn (sparas i platsregistret):"),
    )
    return name.strip() if ok and name.strip() else None


class PlacesPicker(QWidget):
    """Several places from the register, ticked in a list, and "Ny plats…" to add one.

    `new_place(name) -> (id, name)` saves a new place (the form passes the place service in).
    """

    changed = Signal()

    def __init__(self, new_place: NewPlace) -> None:
        super().__init__()
        self._new_place = new_place
        self.list = QListWidget()
        self.list.setMaximumHeight(120)
        self.add_button = QPushButton(self.tr("Ny plats…"))
        self.add_button.setAccessibleName(self.tr("Lägg till en ny plats"))
        self.add_button.clicked.connect(self._ask_new_place)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.setFocusProxy(self.list)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.list.setAccessibleName(name)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        chosen = set(self.value())
        self.list.blockSignals(True)
        self.list.clear()
        for key, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def value(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_value(self, keys: Sequence[str]) -> None:
        wanted = set(keys)
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.changed.emit()

    def add_and_check(self, name: str) -> None:
        key, shown = self._new_place(name)
        item = QListWidgetItem(shown)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(item)
        self.changed.emit()

    def _ask_new_place(self) -> None:
        name = ask_new_place_name(self)
        if name:
            self.add_and_check(name)


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


class PlaceChoice(QWidget):
    """One place from the register, or none, and "Ny plats…" to add one without leaving.

    `new_place(name) -> (id, name)` saves a new place (the form passes the place register in).

    Signals:
        changed(): another place was chosen.
    """

    changed = Signal()

    def __init__(self, new_place: NewPlace) -> None:
        super().__init__()
        self._new_place = new_place
        self.combo = ChoiceCombo(optional=True)
        self.add_button = QPushButton(self.tr("Ny plats…"))
        self.add_button.setAccessibleName(self.tr("Lägg till en ny plats"))
        self.add_button.clicked.connect(self._ask_new_place)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.add_button)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.setFocusProxy(self.combo)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.combo.setAccessibleName(name)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        self.combo.set_choices(choices)

    def value(self) -> str | None:
        return self.combo.value()

    def set_value(self, value: str | None) -> None:
        self.combo.set_value(value)

    def add_and_select(self, name: str) -> None:
        key, shown = self._new_place(name)
        self.combo.addItem(shown, key)
        self.combo.set_value(key)

    def _ask_new_place(self) -> None:
        name = ask_new_place_name(self)
        if name:
            self.add_and_select(name)


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
