"""The observations of a safety walk as a table model: one row per observation with its action.

Column constants name the cells; `set_issues` marks the cells that validation complains about.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from loften_app.domain.enums import ActionOwner, ActionStatus, ObservationCategory, Priority
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import add_months
from loften_app.domain.records import ActionData, ObservationData
from loften_app.domain.validation import DEFAULT_ACTION_DEADLINE_MONTHS
from loften_app.ui.forms.fields import from_qdate, to_qdate
from loften_app.ui.i18n import enum_text
from loften_app.ui.lookups import Lookups

Index = QModelIndex | QPersistentModelIndex
Today = Callable[[], dt.date]

COL_PLACE = 0
COL_CATEGORY = 1
COL_DESCRIPTION = 2
COL_PHOTOS = 3
COL_WHAT = 4
COL_OWNER = 5
COL_OWNER_DETAIL = 6
COL_PRIORITY = 7
COL_DEADLINE = 8
COL_STATUS = 9
COL_REJECTION = 10
COL_CLOSED = 11

#: The field of `ObservationData` each column edits ("action." for the action's fields).
FIELDS = (
    "place_id",
    "category",
    "description",
    "photos",
    "action.what",
    "action.owner",
    "action.owner_detail",
    "action.priority",
    "action.deadline",
    "action.status",
    "action.rejection_reason",
    "action.closed_on",
)
ENUM_COLUMNS: dict[int, type[StrEnum]] = {
    COL_CATEGORY: ObservationCategory,
    COL_OWNER: ActionOwner,
    COL_PRIORITY: Priority,
    COL_STATUS: ActionStatus,
}
DATE_COLUMNS = (COL_DEADLINE, COL_CLOSED)
ERROR_BACKGROUND = QColor("#fde2e4")
OVERDUE_TEXT = QColor("#b00020")
_ISSUE_PATH = re.compile(r"observations\[(?P<row>[0-9]+)\](?:\.(?P<rest>.*))?")


def default_deadline(walk_date: dt.date) -> dt.date:
    """When an action is due unless someone says otherwise: six months after the walk."""
    return add_months(walk_date, DEFAULT_ACTION_DEADLINE_MONTHS)


def _column_of(rest: str) -> int:
    for column, field in enumerate(FIELDS):
        if rest == field or rest.startswith((f"{field}[", f"{field}.")):
            return column
    return COL_WHAT if rest.startswith("action") else COL_DESCRIPTION


class ObservationsModel(QAbstractTableModel):
    """The observations of one walk, one row each with its action; ids are kept.

    Typing an action's "what" on a row without one creates the action (due six months after
    the walk). Cells with a validation issue get a red background and the message as tooltip.

    Signals:
        edited(): the user changed something (not emitted by `set_observations`).
    """

    edited = Signal()

    def __init__(self, lookups: Lookups, *, walk_date: Today, today: Today) -> None:
        super().__init__()
        self._lookups = lookups
        self.walk_date = walk_date
        self.today = today
        self._rows: list[ObservationData] = []
        self._issues: dict[tuple[int, int], list[str]] = {}
        self.titles = (
            self.tr("Plats"),
            self.tr("Kategori"),
            self.tr("Beskrivning"),
            self.tr("Foton"),
            self.tr("Åtgärd"),
            self.tr("Ansvarig"),
            self.tr("Vem"),
            self.tr("Prio"),
            self.tr("Klart\nsenast"),
            self.tr("Status"),
            self.tr("Skäl till\navslag"),
            self.tr("Avslutad"),
        )
        self._header_tips = {
            COL_WHAT: self.tr("Vad som ska göras. Skriv här för att lägga till en åtgärd."),
            COL_OWNER: self.tr("Vem som har rådighet och ansvarar för åtgärden"),
            COL_OWNER_DETAIL: self.tr("Vem som är ansvarig (krävs när ansvarig är ”annan”)"),
            COL_PRIORITY: self.tr("Prioritet"),
            COL_DEADLINE: self.tr("Standard: sex månader efter vandringen"),
            COL_CLOSED: self.tr("Datum då åtgärden avslutades"),
        }

    # --- reading --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def observations(self) -> tuple[ObservationData, ...]:
        return tuple(self._rows)

    def observation(self, row: int) -> ObservationData:
        return self._rows[row]

    def value(self, row: int, column: int) -> Any:
        """The typed value of a cell (None in the action columns of a row without action)."""
        observation = self._rows[row]
        field = FIELDS[column]
        if field.startswith("action."):
            action = observation.action
            return None if action is None else getattr(action, field.removeprefix("action."))
        return getattr(observation, field)

    def is_overdue(self, row: int) -> bool:
        action = self._rows[row].action
        return action is not None and action.is_overdue(self.today())

    def counts(self) -> tuple[int, int, int, int]:
        """(observations, actions, open actions, overdue actions)."""
        actions = [o.action for o in self._rows if o.action is not None]
        open_ = [a for a in actions if not a.is_closed]
        overdue = [a for a in open_ if a.is_overdue(self.today())]
        return len(self._rows), len(actions), len(open_), len(overdue)

    def _display(self, row: int, column: int) -> str:
        value = self.value(row, column)
        if value is None or column == COL_PHOTOS:
            return ""
        if column == COL_PLACE:
            return self._lookups.place_name(value)
        if isinstance(value, StrEnum):
            return enum_text(value)
        if isinstance(value, dt.date):
            if column == COL_DEADLINE and self.is_overdue(row):
                return self.tr("%1\nförsenad").replace("%1", value.isoformat())
            return value.isoformat()
        return " ".join(str(value).split())

    def _tooltip(self, row: int, column: int) -> str | None:
        if (row, column) in self._issues:
            return "\n".join(self._issues[row, column])
        value = self.value(row, column)
        if column == COL_DEADLINE and self.is_overdue(row):
            return self.tr("Försenad: åtgärden skulle vara klar %1 men är inte avslutad.").replace(
                "%1", value.isoformat()
            )
        if column == COL_PLACE:
            return self._display(row, column) or None
        if column == COL_WHAT and value is None:
            return self._header_tips[COL_WHAT]
        if column == COL_PHOTOS:
            return "\n".join(value) or None
        if isinstance(value, str) and value:
            return value
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == COL_PHOTOS and role == Qt.ItemDataRole.AccessibleTextRole:
                return str(len(self._rows[row].photos))
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(row, column)
            if isinstance(value, dt.date):
                return to_qdate(value)
            if isinstance(value, StrEnum):
                return value.value
            return len(value) if column == COL_PHOTOS else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and (row, column) in self._issues:
            return ERROR_BACKGROUND
        overdue = column == COL_DEADLINE and self.is_overdue(row)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(FIELDS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        has_action = self._rows[index.row()].action is not None
        if column != COL_PHOTOS and (column <= COL_WHAT or has_action):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- changing -------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = index.column()
        if column in ENUM_COLUMNS and value is not None:
            value = ENUM_COLUMNS[column](value)
        elif column == COL_PLACE:
            value = value or None
        elif isinstance(value, QDate):
            value = from_qdate(value)
        return self.set_value(index.row(), column, value)

    def new_action(self, what: str) -> ActionData:
        return ActionData(
            what=what,
            owner=ActionOwner.MUNICIPAL_OFFICE,
            deadline=default_deadline(self.walk_date()),
        )

    def set_value(self, row: int, column: int, value: Any) -> bool:
        """Change one cell as the user does; False when nothing changed."""
        observation = self._rows[row]
        field = FIELDS[column]
        if column == COL_PHOTOS:
            return False
        if not field.startswith("action."):
            if getattr(observation, field) == value:
                return False
            self._replace(row, dataclasses.replace(observation, **{field: value}))
            return True
        name = field.removeprefix("action.")
        action = observation.action
        if action is None:
            if column != COL_WHAT or not str(value).strip():
                return False
            self._replace(row, dataclasses.replace(observation, action=self.new_action(value)))
            return True
        if getattr(action, name) == value:
            return False
        changes: dict[str, Any] = {name: value}
        if column == COL_STATUS:
            closing = value in (ActionStatus.DONE, ActionStatus.REJECTED)
            if closing and action.closed_on is None:
                changes["closed_on"] = max(self.today(), self.walk_date())
            elif not closing:
                changes["closed_on"] = None
        changed: ActionData | None = dataclasses.replace(action, **changes)
        # A new action whose text is cleared again, with nothing else set, goes away.
        if column == COL_WHAT and action.id is None and changed == self.new_action(""):
            changed = None
        self._replace(row, dataclasses.replace(observation, action=changed))
        return True

    def _replace(self, row: int, observation: ObservationData) -> None:
        self._rows[row] = observation
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))
        self.edited.emit()

    def set_observations(self, observations: Sequence[ObservationData]) -> None:
        self.beginResetModel()
        self._rows = list(observations)
        self._issues = {}
        self.endResetModel()

    def insert_observation(self, observation: ObservationData | None = None) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(
            observation or ObservationData(category=ObservationCategory.LIGHTING, description="")
        )
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_observation(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._issues = {}
        self.edited.emit()

    def remove_action(self, row: int) -> None:
        if self._rows[row].action is not None:
            self._replace(row, dataclasses.replace(self._rows[row], action=None))

    def add_photos(self, row: int, names: Sequence[str]) -> None:
        observation = self._rows[row]
        self._replace(row, dataclasses.replace(observation, photos=(*observation.photos, *names)))

    def remove_photo(self, row: int, name: str) -> None:
        observation = self._rows[row]
        photos = tuple(photo for photo in observation.photos if photo != name)
        self._replace(row, dataclasses.replace(observation, photos=photos))

    def follow_walk_date(self, old: dt.date, new: dt.date) -> None:
        """Move the deadlines that still hold the default along with the walk's date."""
        old_default, new_default = default_deadline(old), default_deadline(new)
        for row, observation in enumerate(self._rows):
            action = observation.action
            if action is not None and action.deadline == old_default != new_default:
                changed = dataclasses.replace(action, deadline=new_default)
                self._replace(row, dataclasses.replace(observation, action=changed))

    def set_issues(self, issues: Sequence[ValidationIssue]) -> None:
        """Mark the cells that `issues` (paths like `observations[2].action.deadline`) name."""
        marked: dict[tuple[int, int], list[str]] = {}
        for issue in issues:
            match = _ISSUE_PATH.fullmatch(issue.field)
            if match is None or int(match["row"]) >= len(self._rows):
                continue
            cell = (int(match["row"]), _column_of(match["rest"] or ""))
            marked.setdefault(cell, []).append(issue.message)
        changed = {
            cell for cell in {*marked, *self._issues} if marked.get(cell) != self._issues.get(cell)
        }
        self._issues = marked
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
        for row, column in changed:
            self.dataChanged.emit(self.index(row, column), self.index(row, column), roles)

    def cells_with_issues(self) -> set[tuple[int, int]]:
        return set(self._issues)
