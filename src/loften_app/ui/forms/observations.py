"""The observations table of the safety-walk form: the model in a view, editors for its cells,
a photos cell per row, and the buttons to add and remove observations and actions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.records import ObservationData
from loften_app.ui.forms.fields import ChoiceCombo, DateField, EnumCombo
from loften_app.ui.forms.observations_model import (
    COL_CLOSED,
    COL_DEADLINE,
    COL_DESCRIPTION,
    COL_OWNER_DETAIL,
    COL_PHOTOS,
    COL_PLACE,
    COL_REJECTION,
    COL_WHAT,
    DATE_COLUMNS,
    ENUM_COLUMNS,
    Index,
    ObservationsModel,
    Today,
)
from loften_app.ui.forms.photos import PhotosCell, choose_photos, copy_photos, delete_photos
from loften_app.ui.forms.side_by_side import heading_and_buttons
from loften_app.ui.i18n import enum_text
from loften_app.ui.lookups import Lookups

# A word as a table cell wraps it: a break after a space or a slash.
_WORD = re.compile(r"[^\s/]+/?")


def _count(number: int, one: str, many: str) -> str:
    """ "1 åtgärd", "2 åtgärder": `one` or `many` with %1 replaced by the number."""
    return (one if number == 1 else many).replace("%1", str(number))


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
        #: Photos copied into the folder since the walk was last saved.
        self._unsaved_photos: set[str] = set()
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
        heading = QWidget()
        heading_row = QHBoxLayout(heading)
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.addWidget(title)
        heading_row.addWidget(self.summary, 1)
        # The buttons go under the heading on a narrow form (1366×768 at 150 %).
        self.bar = heading_and_buttons(
            heading, self.add_button, self.remove_action_button, self.remove_button
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.model.edited.connect(self._edited)
        self.model.modelReset.connect(self._refresh)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self._update_buttons())
        self._refresh()

    def _fit_columns(self, lookups: Lookups) -> None:
        """Widths for a window 1280 pixels wide (about 1010 for the form): the short columns
        wrap onto the row's two lines (as wide as their longest word), the rarely filled ones
        ("Vem", "Skäl till avslag") show the start of their text, and the two free texts,
        description and action, share the rest."""
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
            COL_OWNER_DETAIL: 8 * char,
            COL_DEADLINE: date,  # bold when overdue
            COL_REJECTION: 8 * char,
            COL_CLOSED: metrics.horizontalAdvance("2018-09-30") + pad,
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
        self._unsaved_photos.update(names)
        if names:
            self.model.add_photos(row, names)
        return names

    def photos_saved(self) -> None:
        """The walk was saved: its photos are now the record's, and stay."""
        self._unsaved_photos.clear()

    def drop_unsaved_photos(self, keep: Sequence[ObservationData] = ()) -> None:
        """Delete the copies made since the last save that none of `keep` refers to.

        Only such copies are deleted: no saved version of any walk ever referred to them. A
        photo removed from a saved walk keeps its file (an older version, a backup or someone
        else's open form may still refer to it)."""
        kept = {name for observation in keep for name in observation.photos}
        delete_photos(self._photo_dir, self._unsaved_photos - kept)
        self._unsaved_photos &= kept

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
