"""Trygghetsvandring: the safety-walk form.

A compact top part (when, where, who took part, as counts) and below it one editable table of
the observations with their actions, so that a walk with ten observations fits on one screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    LightCondition,
    ObservationCategory,
    ParticipantGroup,
    Priority,
    PromiseType,
    WalkStatus,
)
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import add_months
from loften_app.domain.records import ActionData, ObservationData, Participants, SafetyWalkData
from loften_app.domain.validation import DEFAULT_ACTION_DEADLINE_MONTHS
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    ChoiceCombo,
    CountField,
    DateField,
    EnumCombo,
    HoursField,
    OptionalDateField,
    TimeField,
    from_qdate,
    to_qdate,
)
from loften_app.ui.forms.photos import PhotosCell, choose_photos, copy_photos
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
# A word as a table cell wraps it: a break after a space or a slash.
_WORD = re.compile(r"[^\s/]+/?")
_ISSUE_PATH = re.compile(r"observations\[(?P<row>[0-9]+)\](?:\.(?P<rest>.*))?")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyWalkForm", text)


def _count(number: int, one: str, many: str) -> str:
    """ "1 åtgärd", "2 åtgärder": `one` or `many` with %1 replaced by the number."""
    return (one if number == 1 else many).replace("%1", str(number))


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


class ObservationDelegate(QStyledItemDelegate):
    """Editors for the cells: place and enum combos, dates, one-line texts. Every change is
    written to the model at once, so that the form validates while the user types."""

    def __init__(self, model: ObservationsModel, lookups: Lookups, parent: QObject) -> None:
        super().__init__(parent)
        self._model = model
        self._lookups = lookups

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        editor: QWidget
        if column == COL_PLACE:
            combo = ChoiceCombo(optional=True)
            combo.set_choices(self._lookups.places())
            combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
            editor = combo
        elif column in ENUM_COLUMNS:
            choice: EnumCombo[Any] = EnumCombo(ENUM_COLUMNS[column])
            choice.currentIndexChanged.connect(lambda _i: self.commitData.emit(choice))
            editor = choice
        elif column in DATE_COLUMNS:
            date = DateField()
            date.dateChanged.connect(lambda _d: self.commitData.emit(date))
            editor = date
        else:
            line = QLineEdit()
            line.textEdited.connect(lambda _t: self.commitData.emit(line))
            editor = line
        editor.setParent(parent)
        editor.setAccessibleName(
            self.tr("%1, iakttagelse %2")
            .replace("%1", self._model.titles[column].replace("\n", " "))
            .replace("%2", str(index.row() + 1))
        )
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        # The whole cell, and wide enough for the editor (a date with its calendar button may
        # reach into the next cell while it is open).
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        editor.setGeometry(rect.x(), rect.y(), width, rect.height())

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = self._model.value(index.row(), index.column())
        editor.blockSignals(True)
        try:
            if isinstance(editor, ChoiceCombo | EnumCombo):
                editor.set_value(value)
            elif isinstance(editor, DateField):
                editor.set_value(value or max(self._model.today(), self._model.walk_date()))
            elif isinstance(editor, QLineEdit) and editor.text() != (value or ""):
                editor.setText(value or "")
        finally:
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, ChoiceCombo | EnumCombo | DateField):
            value: Any = editor.value()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        self._model.set_value(index.row(), index.column(), value)


class ObservationsTable(QWidget):
    """The observations of a walk with their actions and photos, editable in place.

    Signals:
        changed(): the user changed an observation, an action or a photo.
    """

    changed = Signal()

    def __init__(
        self, lookups: Lookups, *, photo_dir: Path, walk_date: Today, today: Today
    ) -> None:
        super().__init__()
        self._photo_dir = photo_dir
        self.model = ObservationsModel(lookups, walk_date=walk_date, today=today)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ObservationDelegate(self.model, lookups, self.view))
        self.view.setAccessibleName(self.tr("Iakttagelser och åtgärder"))
        self.view.setWordWrap(True)
        self.view.setCornerButtonEnabled(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Two lines a row: short columns wrap instead of being cut off.
        rows = self.view.verticalHeader()
        rows.setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_columns(lookups)
        title = QLabel(self.tr("Iakttagelser och åtgärder"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("observations_summary")
        self.add_button = QPushButton(self.tr("Lägg till iakttagelse"))
        self.remove_action_button = QPushButton(self.tr("Ta bort åtgärden"))
        self.remove_action_button.setToolTip(
            self.tr("Tar bort åtgärden från den markerade iakttagelsen")
        )
        self.remove_button = QPushButton(self.tr("Ta bort iakttagelsen"))
        self.remove_button.setToolTip(self.tr("Tar bort den markerade iakttagelsen"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_action_button.clicked.connect(self.remove_current_action)
        self.remove_button.clicked.connect(self.remove_current)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.summary, 1)
        for button in (self.add_button, self.remove_action_button, self.remove_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.model.edited.connect(self._edited)
        self.model.modelReset.connect(self._refresh)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self._update_buttons())
        self._refresh()

    def _fit_columns(self, lookups: Lookups) -> None:
        """Widths for 1280 pixels: the short columns wrap onto the row's two lines (as wide as
        their longest word) and the two free texts, description and action, share the rest."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        pad = 2 * char

        def longest_word(texts: Sequence[str]) -> int:
            words = [w for t in texts for w in _WORD.findall(t)]
            return max((metrics.horizontalAdvance(w) for w in words), default=0) + pad

        bold = QFont(self.font())
        bold.setBold(True)
        date = QFontMetrics(bold).horizontalAdvance("2018-09-30") + pad
        widths = {
            COL_PLACE: min(longest_word([n for _k, n in lookups.places()]), 18 * char),
            COL_PHOTOS: PhotosCell(self._photo_dir).sizeHint().width() + 4,
            COL_OWNER_DETAIL: 12 * char,
            COL_DEADLINE: date,
            COL_REJECTION: 12 * char,
            COL_CLOSED: date,
        }
        for column, enum in ENUM_COLUMNS.items():
            widths[column] = longest_word([enum_text(m) for m in enum])
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(4 * char)
        for column, width in widths.items():
            title = longest_word(self.model.titles[column].split("\n"))
            header.resizeSection(column, max(width, title, 8 * char))
        for column in (COL_DESCRIPTION, COL_WHAT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # --- rows -----------------------------------------------------------------------------------

    def set_observations(self, observations: Sequence[ObservationData]) -> None:
        self.model.set_observations(observations)

    def add_observation(self, observation: ObservationData | None = None) -> int:
        row = self.model.insert_observation(observation)
        self.view.setCurrentIndex(self.model.index(row, COL_DESCRIPTION))
        return row

    def _add_clicked(self) -> None:
        self.add_observation()
        self.view.setFocus()
        self.view.edit(self.view.currentIndex())

    def _current_row(self) -> int:
        row = self.view.currentIndex().row()
        return row if row >= 0 else self.model.rowCount() - 1

    def remove_current(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.remove_observation(row)

    def remove_current_action(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.remove_action(row)

    # --- photos ---------------------------------------------------------------------------------

    def attach_photos(self, row: int) -> None:
        """Ask for image files and attach copies of them to the observation on `row`."""
        self.attach_files(row, choose_photos(self))

    def attach_files(self, row: int, paths: Sequence[Path]) -> list[str]:
        """Copy the files into the photo folder and attach them; returns the stored names."""
        names = copy_photos(self, paths, self._photo_dir)
        if names:
            self.model.add_photos(row, names)
        return names

    # --- state ----------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, COL_PHOTOS)
            cell = self.view.indexWidget(index)
            if not isinstance(cell, PhotosCell):
                cell = PhotosCell(self._photo_dir)
                cell.attach_requested.connect(self.attach_photos)
                cell.remove_requested.connect(self.model.remove_photo)
                self.view.setIndexWidget(index, cell)
            cell.show_row(row, self.model.observation(row).photos)
        observations, actions, open_, overdue = self.model.counts()
        parts = [
            _count(observations, self.tr("%1 iakttagelse"), self.tr("%1 iakttagelser")),
            _count(actions, self.tr("%1 åtgärd"), self.tr("%1 åtgärder")),
        ]
        if actions:
            parts.append(_count(open_, self.tr("%1 ej avslutad"), self.tr("%1 ej avslutade")))
        if overdue:
            parts.append(_count(overdue, self.tr("%1 försenad"), self.tr("%1 försenade")))
        text = " · ".join(parts)
        self.summary.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._current_row()
        self.remove_button.setEnabled(row >= 0)
        self.remove_action_button.setEnabled(
            row >= 0 and self.model.observation(row).action is not None
        )


class _OptionalTime(QWidget):
    """A time of day that may be left out (not decided yet)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.setToolTip(self.tr("Bocka ur om tiden inte är bestämd"))
        self.time = TimeField()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.time, 1)
        self.check.toggled.connect(self.time.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.time.timeChanged.connect(lambda _t: self.changed.emit())
        self.setFocusProxy(self.check)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(self.tr("%1 angiven").replace("%1", name))
        self.time.setAccessibleName(name)

    def value(self) -> dt.time | None:
        return self.time.value() if self.check.isChecked() else None

    def set_value(self, value: dt.time | None) -> None:
        self.check.setChecked(value is not None)
        self.time.setEnabled(value is not None)
        self.time.set_value(value or dt.time(18, 30))


class SafetyWalkForm(RecordForm[SafetyWalkData]):
    """One safety walk: when and where, who took part, and what was seen and will be done.

    Photos chosen for an observation are copied into `photo_dir`; the record keeps file names.
    """

    def __init__(
        self,
        service: RecordService[SafetyWalkData, Any],
        lookups: Lookups,
        *,
        photo_dir: Path,
        today: Today = dt.date.today,
    ) -> None:
        self._lookups = lookups
        self._photo_dir = photo_dir
        super().__init__(service, title=_tr("Trygghetsvandring"), today=today)
        lookups.changed.connect(self._reload_places)

    # --- building -------------------------------------------------------------------------------

    def build(self) -> None:
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setVerticalSpacing(4)
        top.addLayout(left, 5)
        top.addLayout(right, 5)
        outer.addLayout(top)

        self.promise = ChoiceCombo()
        self.promise.set_choices(self._lookups.promises(PromiseType.SAFETY_WALK))
        self.add_row(
            left, "promise_id", self.tr("Löfte:"), self.promise, self.promise.currentIndexChanged
        )
        self.status = EnumCombo(WalkStatus)
        self.add_row(
            left, "status", self.tr("Status:"), self.status, self.status.currentIndexChanged
        )
        self.date = DateField()
        self._walk_date = self.date.value()
        self.date.dateChanged.connect(lambda _d: self._date_changed())
        self.add_row(left, "date", self.tr("Datum:"), self.date, self.date.dateChanged)
        self.start_time = _OptionalTime()
        self.add_row(
            left, "start_time", self.tr("Starttid:"), self.start_time, self.start_time.changed
        )
        self.light = EnumCombo(LightCondition, optional=True)
        self.add_row(left, "light", self.tr("Ljus:"), self.light, self.light.currentIndexChanged)
        area = QWidget()
        row = QHBoxLayout(area)
        row.setContentsMargins(0, 0, 0, 0)
        self.place = ChoiceCombo(optional=True)
        self.place.set_choices(self._lookups.places())
        self.place.setAccessibleName(self.tr("Område"))
        self.new_place_button = QPushButton(self.tr("Ny plats…"))
        self.new_place_button.setAccessibleName(self.tr("Lägg till en ny plats"))
        self.new_place_button.clicked.connect(self._ask_new_place)
        row.addWidget(self.place, 1)
        row.addWidget(self.new_place_button)
        self.add_row(left, "place_id", self.tr("Område:"), area, self.place.currentIndexChanged)
        self.route = self._text_box(2)
        self.route.setPlaceholderText(self.tr("T.ex. Resecentrum – Skillerälven – Stora torget"))
        self.add_row(left, "route", self.tr("Rutt:"), self.route, self.route.textChanged)

        self.preparatory = OptionalDateField(self.tr("hölls"))
        self.add_row(
            right,
            "preparatory_meeting_on",
            self.tr("Förmöte:"),
            self.preparatory,
            self.preparatory.changed,
        )
        self.protocol = OptionalDateField(self.tr("skickat/publicerat"))
        self.add_row(
            right,
            "protocol_published_on",
            self.tr("Protokoll:"),
            self.protocol,
            self.protocol.changed,
        )
        self.cancellation_reason = QLineEdit()
        self.cancellation_reason.setPlaceholderText(self.tr("Varför vandringen ställdes in"))
        error = self.add_row(
            right,
            "cancellation_reason",
            self.tr("Skäl till inställd:"),
            self.cancellation_reason,
            self.cancellation_reason.textChanged,
        )
        self._reason_row = error.parentWidget()
        self._right = right
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för vandringen: förmöte, vandring, återkoppling och protokoll.")
        )
        self.add_row(
            right,
            "hours_spent",
            self.tr("Nedlagd tid:"),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        self.notes = self._text_box(3)
        self.add_row(right, "notes", self.tr("Anteckningar:"), self.notes, self.notes.textChanged)
        self.status.currentIndexChanged.connect(lambda _i: self._update_status_rows())
        top.addWidget(self._build_participants(), 4)

        self.observations = ObservationsTable(
            self._lookups,
            photo_dir=self._photo_dir,
            walk_date=self.date.value,
            today=self._today,
        )
        error = self.register("observations", self.observations, self.observations.changed)
        outer.addWidget(self.observations, 1)
        # The table's messages scroll in a few lines of their own: a long list would otherwise
        # be squeezed between the table and the buttons.
        self._observation_errors = QScrollArea()
        self._observation_errors.setWidgetResizable(True)
        self._observation_errors.setFrameShape(QFrame.Shape.NoFrame)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._observation_errors.setWidget(error)
        self._observation_errors.hide()
        outer.addWidget(self._observation_errors)
        self._update_status_rows()

    def _text_box(self, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _build_participants(self) -> QGroupBox:
        box = QGroupBox(self.tr("Deltagare (antal, aldrig namn)"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(4)
        errors = QVBoxLayout()
        self.participants: dict[ParticipantGroup, CountField] = {}
        for i, group in enumerate(ParticipantGroup):
            text = enum_text(group)
            spin = CountField(maximum=10_000)
            spin.setAccessibleName(self.tr("Antal deltagare: %1").replace("%1", text))
            label = QLabel(text[:1].upper() + text[1:] + ":")
            label.setBuddy(spin)
            grid.addWidget(label, i % 4, 2 * (i // 4))
            grid.addWidget(spin, i % 4, 2 * (i // 4) + 1)
            spin.valueChanged.connect(lambda _v: self._update_total())
            errors.addWidget(self.register(f"participants.{group.value}", spin, spin.valueChanged))
            self.participants[group] = spin
        self.total = QLabel()
        self.total.setObjectName("participants_total")
        grid.addWidget(self.total, 4, 0, 1, 4)
        grid.addLayout(errors, 5, 0, 1, 4)
        # "No participants" depends on the status (a completed walk needs some).
        error = self.register("participants", box, self.status.currentIndexChanged)
        grid.addWidget(error, 6, 0, 1, 4)
        grid.setRowStretch(7, 1)
        return box

    # --- reactions ------------------------------------------------------------------------------

    def _update_total(self) -> None:
        total = sum(spin.value() for spin in self.participants.values())
        self.total.setText(self.tr("Totalt %1 deltagare").replace("%1", str(total)))

    def _update_status_rows(self) -> None:
        cancelled = self.status.value() is WalkStatus.CANCELLED
        if self._reason_row is not None:
            self._right.setRowVisible(self._reason_row, cancelled)

    def _date_changed(self) -> None:
        new = self.date.value()
        if not self._loading:
            self.observations.model.follow_walk_date(self._walk_date, new)
        self._walk_date = new

    def _reload_places(self) -> None:
        self.place.set_choices(self._lookups.places())

    def _ask_new_place(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Ny plats"), self.tr("Platsens namn (sparas i platsregistret):")
        )
        if ok and name.strip():
            self.add_new_place(name.strip())

    def add_new_place(self, name: str) -> None:
        """Save a new place in the register and choose it as the walk's area."""
        key, _shown = self._lookups.add_place(name)
        self._reload_places()
        self.place.set_value(key)

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        super().show_issues(issues)
        self.observations.model.set_issues(issues)
        label = self._label_for("observations")
        width = self._observation_errors.viewport().width() or self.observations.width()
        needed = max(label.heightForWidth(width), label.fontMetrics().lineSpacing())
        label.setMinimumHeight(needed)
        most = 4 * label.fontMetrics().lineSpacing()
        self._observation_errors.setFixedHeight(min(needed, most))
        self._observation_errors.setVisible(not label.isHidden())

    # --- data -----------------------------------------------------------------------------------

    def load(self, data: SafetyWalkData) -> None:
        self.promise.set_value(data.promise_id)
        self.status.set_value(data.status)
        self.date.set_value(data.date)
        self._walk_date = data.date
        self.start_time.set_value(data.start_time)
        self.light.set_value(data.light)
        self.place.set_value(data.place_id)
        self.route.setPlainText(data.route)
        for group, spin in self.participants.items():
            spin.setValue(data.participants.count(group))
        self.observations.set_observations(data.observations)
        self.preparatory.set_value(data.preparatory_meeting_on, default=data.date)
        self.protocol.set_value(data.protocol_published_on, default=data.date)
        self.cancellation_reason.setText(data.cancellation_reason)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)
        self._update_total()
        self._update_status_rows()

    def collect(self) -> SafetyWalkData:
        status = self.status.value() or WalkStatus.PLANNED
        return SafetyWalkData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            status=status,
            start_time=self.start_time.value(),
            light=self.light.value(),
            place_id=self.place.value(),
            route=self.route.toPlainText(),
            participants=Participants(
                **{group.value: spin.value() for group, spin in self.participants.items()}
            ),
            observations=self.observations.model.observations(),
            preparatory_meeting_on=self.preparatory.value(),
            protocol_published_on=self.protocol.value(),
            cancellation_reason=(
                self.cancellation_reason.text() if status is WalkStatus.CANCELLED else ""
            ),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
        )

    def blank(self, today: dt.date) -> SafetyWalkData:
        """A new walk: planned for `today` at 18:30 in the dark, under the first walk promise."""
        promises = self._lookups.promises(PromiseType.SAFETY_WALK)
        return SafetyWalkData(
            promise_id=promises[0][0] if promises else "",
            date=today,
            status=WalkStatus.PLANNED,
            start_time=dt.time(18, 30),
            light=LightCondition.DARK,
        )
