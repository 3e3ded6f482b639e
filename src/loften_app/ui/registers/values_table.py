"""The table of an indicator's values per period, edited in the indicator form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import parse_period, quarter_key
from loften_app.ui.registers.indicator_values import ValueRow, ValueRows

_ERROR_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fdecee; }"


def next_period_key(text: str) -> str:
    """The period after the one written in `text` in the same form ("2018" → "2019",
    "2018-Q4" → "2019-Q1", "2018-12" → "2019-01"); empty when `text` is not a period."""
    try:
        period = parse_period(text)
    except ValueError:
        return ""
    start = period.end + dt.timedelta(days=1)
    key = period.key
    if key.isdigit():
        return str(start.year)
    if "Q" in key:
        return quarter_key(start)
    if "/" not in key:
        return f"{start.year:04d}-{start.month:02d}"
    return ""


class IndicatorValuesTable(QWidget):
    """Rows of period, value and source note; "Lägg till värde" suggests the next period.

    Signals:
        changed(): a row was added, removed or edited.
    """

    changed = Signal()

    COL_PERIOD = 0
    COL_VALUE = 1
    COL_NOTE = 2

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[str | None] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("Värde"), self.tr("Källa och kommentar")]
        )
        self.table.setAccessibleName(self.tr("Indikatorns värden"))
        self.table.verticalHeader().hide()
        corner = self.table.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName(self.tr("Markera alla värden"))
        header = self.table.horizontalHeader()
        for column, width in ((self.COL_PERIOD, 130), (self.COL_VALUE, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.hint = QLabel(self.tr("Period som 2018, 2018-Q3 (kvartal) eller 2018-03 (månad)."))
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Lägg till värde"))
        self.remove_button = QPushButton(self.tr("Ta bort markerat värde"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    # --- rows -----------------------------------------------------------------------------------

    def add_row(self, row: ValueRow | None = None) -> QLineEdit:
        """Add a row (empty, with the next period suggested, when `row` is None); returns its
        period field."""
        if row is None:
            last = self.table.rowCount() - 1
            suggested = next_period_key(self._text(last, self.COL_PERIOD)) if last >= 0 else ""
            row = ValueRow(period_key=suggested, value_text="")
        index = self.table.rowCount()
        self.table.insertRow(index)
        number = str(index + 1)
        cells = (
            (self.COL_PERIOD, row.period_key, self.tr("Period, rad %1"), "2018-Q3"),
            (self.COL_VALUE, row.value_text, self.tr("Värde, rad %1"), "12,5"),
            (self.COL_NOTE, row.source_note, self.tr("Källa och kommentar, rad %1"), ""),
        )
        for column, text, name, placeholder in cells:
            edit = QLineEdit(text)
            edit.setAccessibleName(name.replace("%1", number))
            edit.setPlaceholderText(placeholder)
            edit.setFrame(False)
            if column == self.COL_VALUE:
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.textChanged.connect(lambda _text: self.changed.emit())
            edit.installEventFilter(self)
            self.table.setCellWidget(index, column, edit)
        self._ids.append(row.id)
        self.changed.emit()
        period = self._edit(index, self.COL_PERIOD)
        assert period is not None
        return period

    def remove_current(self) -> None:
        """Remove the current row (the one last edited or selected; else the last row)."""
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        del self._ids[row]
        self._renumber()
        self.changed.emit()

    def set_rows(self, rows: ValueRows) -> None:
        blocked = self.blockSignals(True)
        try:
            self.table.setRowCount(0)
            self._ids.clear()
            for row in rows:
                self.add_row(row)
        finally:
            self.blockSignals(blocked)

    def rows(self) -> ValueRows:
        return ValueRows(
            ValueRow(
                period_key=self._text(index, self.COL_PERIOD).strip(),
                value_text=self._text(index, self.COL_VALUE).strip(),
                source_note=self._text(index, self.COL_NOTE),
                id=self._ids[index],
            )
            for index in range(self.table.rowCount())
        )

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        """Mark the cells that have a problem (the messages are shown under the table)."""
        wrong: set[tuple[int, int]] = set()
        columns = {"period_key": self.COL_PERIOD, "value": self.COL_VALUE}
        for issue in issues:
            if not issue.field.startswith("values["):
                continue
            index_text, _, name = issue.field[len("values[") :].partition("].")
            if index_text.isdigit():
                wrong.add((int(index_text), columns.get(name, self.COL_NOTE)))
        for index in range(self.table.rowCount()):
            for column in (self.COL_PERIOD, self.COL_VALUE, self.COL_NOTE):
                edit = self._edit(index, column)
                if edit is not None:
                    edit.setStyleSheet(_ERROR_STYLE if (index, column) in wrong else "")

    # --- internals ------------------------------------------------------------------------------

    def _add_clicked(self) -> None:
        period = self.add_row()
        self.table.setCurrentCell(self.table.rowCount() - 1, self.COL_PERIOD)
        period.setFocus()
        period.selectAll()

    def _edit(self, row: int, column: int) -> QLineEdit | None:
        widget = self.table.cellWidget(row, column)
        return widget if isinstance(widget, QLineEdit) else None

    def _text(self, row: int, column: int) -> str:
        edit = self._edit(row, column)
        return "" if edit is None else edit.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Editing a cell makes its row the current one: "Ta bort markerat värde" removes it.
        if event.type() == QEvent.Type.FocusIn:
            for index in range(self.table.rowCount()):
                for column in (self.COL_PERIOD, self.COL_VALUE, self.COL_NOTE):
                    if self.table.cellWidget(index, column) is watched:
                        self.table.setCurrentCell(index, column)
        return super().eventFilter(watched, event)

    def _renumber(self) -> None:
        names = (
            (self.COL_PERIOD, self.tr("Period, rad %1")),
            (self.COL_VALUE, self.tr("Värde, rad %1")),
            (self.COL_NOTE, self.tr("Källa och kommentar, rad %1")),
        )
        for index in range(self.table.rowCount()):
            for column, name in names:
                edit = self._edit(index, column)
                if edit is not None:
                    edit.setAccessibleName(name.replace("%1", str(index + 1)))
