"""Historik: every line of the audit trail for one record, read only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import Organisation
from loften_app.storage.audit import history
from loften_app.storage.exchange.types import TYPES_BY_NAME
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.names import RegisterNames
from loften_app.ui.safety.values import EMPTY, field_name, typed, value_text

if TYPE_CHECKING:
    from loften_app.storage.audit import AuditEntry
    from loften_app.storage.services import Services


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The child rows of a tree row."""
    found = []
    for index in range(item.childCount()):
        child = item.child(index)
        if child is not None:
            found.append(child)
    return found


class HistorySource:
    """Where a form reads a record's history from (given to the form by the composition
    root): the audit trail of the services' database, and the register names for references."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def entries(self, record_id: str) -> list[AuditEntry]:
        return history(self._services.database, record_id)

    def names(self) -> RegisterNames:
        services = self._services
        return RegisterNames.from_services(
            places=services.places, shops=services.shops, promises=services.promises
        )


def _data_class(record_type: str | None) -> type | None:
    if record_type is None:
        return None

    kind = TYPES_BY_NAME.get(record_type)
    return None if kind is None else kind.data_class


def _organisation(value: str | None) -> str:
    if not value:
        return ""
    try:
        return enum_text(Organisation(value))
    except ValueError:
        return value


class HistoryDialog(QDialog):
    """The history of one record: one row per event (when, who, organisation, what), and under
    it one row per changed field with the old and the new value. Nothing can be edited."""

    def __init__(
        self,
        title: str,
        entries: list[AuditEntry],
        names: RegisterNames | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Historik – %1").replace("%1", title))
        heading = QLabel(
            self.tr("Alla ändringar av posten, äldst först. Historiken kan inte ändras.")
        )
        heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Historik"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr("När / fält"),
                self.tr("Vem / före"),
                self.tr("Organisation / efter"),
                self.tr("Händelse"),
            ]
        )
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        data_class: type | None = None
        for entry in entries:
            data_class = data_class or _data_class(entry.record_type)
            self._add_entry(entry, data_class, names)
        if not entries:
            empty = QTreeWidgetItem([self.tr("Ingen historik finns för posten."), "", "", ""])
            self.tree.addTopLevelItem(empty)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def _add_entry(
        self, entry: AuditEntry, data_class: type | None, names: RegisterNames | None
    ) -> None:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
        item = QTreeWidgetItem(
            [
                when,
                entry.actor or self.tr("(okänd)"),
                _organisation(entry.organisation),
                self._action(entry),
            ]
        )
        font = item.font(0)
        font.setBold(True)
        for column in range(4):
            item.setFont(column, font)
        if entry.note:
            item.setToolTip(3, entry.note)
        self.tree.addTopLevelItem(item)
        for name, values in entry.changes.items():
            old, new = [*values, None, None][:2] if isinstance(values, list) else (None, values)
            child = QTreeWidgetItem(
                [
                    field_name(name),
                    self._value(data_class, name, old, names),
                    self._value(data_class, name, new, names),
                    "",
                ]
            )
            item.addChild(child)

    def _action(self, entry: AuditEntry) -> str:
        labels = {
            "add": self.tr("Skapad"),
            "update": self.tr("Ändrad"),
            "delete": self.tr("Borttagen"),
            "undelete": self.tr("Återställd (borttagning ångrad)"),
            "restore": self.tr("Återställd"),
            "import": self.tr("Importerad"),
            "retention": self.tr("Gallrad"),
            "backup_restore": self.tr("Säkerhetskopia återställd"),
        }
        return labels.get(entry.action, entry.action_label)

    @staticmethod
    def _value(data_class: type | None, name: str, value: Any, names: RegisterNames | None) -> str:
        if value is None:
            return EMPTY
        text = value_text(name, typed(data_class, name, value), names)
        return text.replace("\n", " ") if text else EMPTY

    def rows(self) -> list[list[str]]:
        """What the dialog shows, row by row (events and their fields), for tests."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            out.append([item.text(c) for c in range(4)])
            for child in children(item):
                out.append([child.text(c) for c in range(4)])
        return out
