"""Open actions carried over from earlier walks in the same area, shown read-only in the form.

A toggle button with the count in its title and, folded out under it, a small table: date of the
earlier walk, observation, action, owner and deadline (marked late when past today). A row
opens the walk the action came from (double-click, Enter, or "Öppna vandringen"), where the
action is changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from loften_app.storage.services.activities import CarriedAction
from loften_app.ui.forms.observations_model import OVERDUE_TEXT
from loften_app.ui.i18n import enum_text

# Rows the folded-out table shows before it scrolls.
VISIBLE_ROWS = 4


class CarriedActionsBox(QWidget):
    """Read-only list of open actions from earlier walks in the area, folded by default.

    Hidden while there are none; `set_actions` fills it.

    Signals:
        walk_requested(str): the id of the earlier walk whose action the user chose to open.
    """

    walk_requested = Signal(str)

    def __init__(self, *, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self._today = today
        self._actions: tuple[CarriedAction, ...] = ()
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(False)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setToolTip(
            self.tr(
                "Åtgärder som varken är åtgärdade eller avslagna, från tidigare vandringar i "
                "samma område. Dubbelklicka på en rad för att öppna vandringen där åtgärden "
                "beslutades, och ändra den där."
            )
        )
        self.toggle.toggled.connect(self._folded)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Öppna åtgärder från tidigare vandringar"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Datum"),
                self.tr("Iakttagelse"),
                self.tr("Åtgärd"),
                self.tr("Ansvarig"),
                self.tr("Klart senast"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (0, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.hide()
        self.open_button = QPushButton(self.tr("Öppna vandringen"))
        self.open_button.setAccessibleName(
            self.tr("Öppna vandringen där den valda åtgärden beslutades")
        )
        self.open_button.setEnabled(False)
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems()))
        )
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        head.addStretch(1)
        head.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.hide()

    def open_selected(self) -> None:
        """Ask to open the walk of the selected row (`walk_requested`)."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._activated(rows[0])

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._actions):
            self.walk_requested.emit(self._actions[index.row()].walk_id)

    @property
    def carried(self) -> tuple[CarriedAction, ...]:
        return self._actions

    def title(self) -> str:
        return self.tr("Öppna åtgärder från tidigare vandringar i området (%1)").replace(
            "%1", str(len(self._actions))
        )

    def set_actions(self, actions: Sequence[CarriedAction]) -> None:
        """Show `actions` (hide the box when there are none)."""
        self._actions = tuple(actions)
        self.toggle.setText(self.title())
        today = self._today()
        self.table.setRowCount(len(self._actions))
        for row, carried in enumerate(self._actions):
            action = carried.action
            owner = enum_text(action.owner)
            if action.owner_detail:
                owner = f"{owner} ({action.owner_detail})"
            deadline = action.deadline.isoformat() if action.deadline else ""
            late = action.is_overdue(today)
            if late:
                deadline = self.tr("%1 försenad").replace("%1", deadline)
            texts = (
                carried.walk_date.isoformat(),
                " ".join(carried.observation.split()),
                " ".join(action.what.split()),
                owner,
                deadline,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if late and column == 4:
                    item.setForeground(QBrush(OVERDUE_TEXT))
                self.table.setItem(row, column, item)
        self._fit_table()
        self.setVisible(bool(self._actions))

    def _fit_table(self) -> None:
        rows = min(max(len(self._actions), 1), VISIBLE_ROWS)
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def _folded(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.table.setVisible(open_)
        self.open_button.setVisible(open_)
