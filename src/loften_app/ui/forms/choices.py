"""Choices among named records of the registers: one (a combo), one place with "Ny plats…",
or several places ticked in a list. Each keeps what is chosen when its choices are read again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class HasChoices(Protocol):
    """A widget that offers named records (id → name) to choose among."""

    def set_choices(
        self, choices: Sequence[tuple[str, str]], *, keep_current: bool = ...
    ) -> None: ...


class ChoiceCombo(QComboBox):
    """A choice among named records (id → name); optionally empty."""

    def __init__(self, *, optional: bool = False) -> None:
        super().__init__()
        self._optional = optional

    def set_choices(
        self, choices: Sequence[tuple[str, str]], *, keep_current: bool = False
    ) -> None:
        """Offer `choices`; with `keep_current` the current choice stays offered and chosen
        even when it is no longer among them (a register entry removed while the form is open).
        """
        current, shown = self.value(), self.currentText()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            if self._optional:
                self.addItem("–", None)
            for key, name in choices:
                self.addItem(name, key)
            if keep_current and current is not None and self.findData(current) < 0:
                self.addItem(shown, current)
            self.set_value(current)
        finally:
            self.blockSignals(blocked)
        # Only a change of what is chosen is a change (not its moving in the list).
        if self.value() != current:
            self.currentIndexChanged.emit(self.currentIndex())

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

    def set_choices(
        self, choices: Sequence[tuple[str, str]], *, keep_current: bool = False
    ) -> None:
        """Offer `choices`; ticked places stay ticked, and with `keep_current` also those no
        longer among them."""
        chosen = {key: self._item_of(key).text() for key in self.value()}
        kept = [(k, n) for k, n in chosen.items() if keep_current and k not in dict(choices)]
        offered = [*choices, *kept]
        self.list.blockSignals(True)
        self.list.clear()
        for key, name in offered:
            self._add_item(key, name, checked=key in chosen)
        self.list.blockSignals(False)

    def _add_item(self, key: str, name: str, *, checked: bool) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _item_of(self, key: str) -> QListWidgetItem:
        return next(
            self.list.item(i)
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key
        )

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
        # Saving the place may already have offered it again (the registers changed).
        if key in self.offered():
            self.list.blockSignals(True)
            self._item_of(key).setCheckState(Qt.CheckState.Checked)
            self.list.blockSignals(False)
        else:
            self._add_item(key, shown, checked=True)
        self.changed.emit()

    def offered(self) -> tuple[str, ...]:
        """The keys of every place in the list, ticked or not."""
        return tuple(
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        )

    def _ask_new_place(self) -> None:
        name = ask_new_place_name(self)
        if name:
            self.add_and_check(name)


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

    def set_choices(
        self, choices: Sequence[tuple[str, str]], *, keep_current: bool = False
    ) -> None:
        self.combo.set_choices(choices, keep_current=keep_current)

    def value(self) -> str | None:
        return self.combo.value()

    def set_value(self, value: str | None) -> None:
        self.combo.set_value(value)

    def add_and_select(self, name: str) -> None:
        key, shown = self._new_place(name)
        if self.combo.findData(key) < 0:  # not yet offered again after the registers changed
            self.combo.addItem(shown, key)
        self.combo.set_value(key)

    def _ask_new_place(self) -> None:
        name = ask_new_place_name(self)
        if name:
            self.add_and_select(name)
