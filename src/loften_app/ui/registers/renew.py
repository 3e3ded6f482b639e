"""Förnya överenskommelsen: a new agreement from the one in force, for the next period.

The dialog offers the new period (default: the calendar year after the agreement's end), its
title and the promises to carry over, each with its short title, text and responsible editable;
a promise left unticked is dropped. Saving calls `AgreementService.renew`, which carries the
targets and remembers each promise's lineage. A period that overlaps another agreement is
refused, with the message beside the period.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain import agreements as cycle
from loften_app.domain.enums import Responsible
from loften_app.domain.errors import LoftenError, ValidationError
from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData, PromiseData, Stored, TargetData
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.cycle import overlap_message, renewed_title
from loften_app.ui.errors import error_message
from loften_app.ui.forms.fields import DateField, field_error_label
from loften_app.ui.i18n import enum_text

# The columns of the promise table.
COL_CARRY, COL_SHORT, COL_TEXT, COL_RESPONSIBLE, COL_TARGETS = range(5)


class RenewDialog(QDialog):
    """Renew `source` (the agreement in force: see `RegistersPage.renewal_dialog`); `renewed`
    is the new agreement after Accept.

    Attributes after a successful save: `renewed` (the stored new agreement).
    """

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        source: Stored[AgreementData],
        today: Callable[[], dt.date] = dt.date.today,
        covering: dt.date | None = None,
    ) -> None:
        """`covering`: a date the new agreement should cover (a record's date with no agreement
        in force); the period offered is then its calendar year, after any agreement that ends
        before it, when that overlaps nothing."""
        super().__init__(parent)
        self.setObjectName("renew_dialog")
        self.setWindowTitle(self.tr("Förnya överenskommelsen"))
        self._services = services
        self._today = today
        self.renewed: Stored[AgreementData] | None = None
        self.source = source
        old = self.source.data
        self._old_period = Period(old.period_start, old.period_end)
        default = self._default_period(
            cycle.Term(self.source.id, old.period_start, old.period_end, old.valid_until_replaced)
        )
        if covering is not None:
            default = self._covering(covering) or default
        self._suggested_title = renewed_title(old.title, self._old_period, default)

        intro = QLabel(
            self.tr(
                "Den nya överenskommelsen tar över löftena och deras mål från ”%1” (%2 – %3). "
                "Bocka ur de löften som inte ska följa med och ändra det som är nytt. Varje löfte "
                "som följer med minns vilket löfte det fortsätter, så att åren kan jämföras."
            )
            .replace("%1", old.title)
            .replace("%2", old.period_start.isoformat())
            .replace("%3", old.period_end.isoformat())
        )
        intro.setWordWrap(True)
        self.start_edit = DateField(default.start)
        self.start_edit.setAccessibleName(self.tr("Gäller från"))
        self.end_edit = DateField(default.end)
        self.end_edit.setAccessibleName(self.tr("Gäller till"))
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        self.period_error = field_error_label()
        self.period_error.setObjectName("period_error")
        self.title_edit = QLineEdit(self._suggested_title)
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.title_error = field_error_label()
        form = QFormLayout()
        form.addRow(self.tr("Period:"), _stacked(dates, self.period_error))
        form.addRow(self.tr("Rubrik:"), _stacked(self.title_edit, self.title_error))

        self._promises = self._load_promises()
        self.table = self._build_table()
        self.promises_error = field_error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Förnya"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Löften som följer med:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.promises_error)
        layout.addWidget(self.buttons)
        self.start_edit.dateChanged.connect(self._period_changed)
        self.end_edit.dateChanged.connect(self._period_changed)
        self.resize(880, 440)  # fits a 1366×768 screen at 150 %
        self._check_period()

    def _default_period(self, term: cycle.Term) -> Period:
        """The calendar year after the agreement's end; for an agreement long in its extension
        (förlängd giltighet), not a year already past: the year that is under way, or the next
        one from October on, when promises for the coming year are signed."""
        period = cycle.renewal_period(term)
        soon = (self._today() + dt.timedelta(days=92)).year
        if soon > period.start.year:
            period = Period(dt.date(soon, 1, 1), dt.date(soon, 12, 31))
        return period

    def _terms(self) -> tuple[list[cycle.Term], dict[str, str]]:
        listing = self._services.agreements.listing(self._today())
        terms = [
            cycle.Term(
                item.id,
                item.agreement.data.period_start,
                item.agreement.data.period_end,
                item.agreement.data.valid_until_replaced,
            )
            for item in listing
        ]
        return terms, {item.id: item.agreement.data.title for item in listing}

    def _covering(self, day: dt.date) -> Period | None:
        terms, _titles = self._terms()
        start = dt.date(day.year, 1, 1)
        for term in terms:
            if start <= term.end < day:
                start = term.end + dt.timedelta(days=1)
        period = Period(start, dt.date(day.year, 12, 31))
        return None if cycle.overlapping(period, terms) else period

    # --- the promises -------------------------------------------------------------------------

    def _load_promises(self) -> list[tuple[Stored[PromiseData], list[TargetData]]]:
        result = []
        for promise in self._services.promises.for_agreement(self.source.id):
            targets = self._services.targets.list_page(
                filter=RecordFilter(promise_id=promise.id), sort="updated_at", limit=10_000
            ).items
            result.append((promise, [t.data for t in reversed(targets)]))
        return result

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(self._promises), 5)
        table.setObjectName("renew_promises")
        table.setAccessibleName(self.tr("Löften som följer med"))
        table.setHorizontalHeaderLabels(
            [self.tr("Ta med"), self.tr("Kort rubrik"), self.tr("Text"), self.tr("Ansvarig"),
             self.tr("Mål")]
        )  # fmt: skip
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        for row, (promise, targets) in enumerate(self._promises):
            data = promise.data
            carry = QTableWidgetItem(f"{data.number}.")
            carry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            carry.setCheckState(Qt.CheckState.Checked)
            table.setItem(row, COL_CARRY, carry)
            table.setItem(row, COL_SHORT, QTableWidgetItem(data.short_title))
            text = QTableWidgetItem(data.text)
            text.setToolTip(data.text)
            table.setItem(row, COL_TEXT, text)
            responsible = QComboBox()
            responsible.setAccessibleName(self.tr("Ansvarig"))
            for member in Responsible:
                responsible.addItem(enum_text(member), member.value)
            responsible.setCurrentIndex(max(responsible.findData(data.responsible.value), 0))
            table.setCellWidget(row, COL_RESPONSIBLE, responsible)
            count = QTableWidgetItem(str(len(targets)))
            count.setFlags(Qt.ItemFlag.ItemIsEnabled)
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, COL_TARGETS, count)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_CARRY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SHORT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RESPONSIBLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGETS, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(COL_SHORT, 240)
        return table

    def set_carried(self, row: int, carried: bool) -> None:
        state = Qt.CheckState.Checked if carried else Qt.CheckState.Unchecked
        item = self.table.item(row, COL_CARRY)
        assert item is not None
        item.setCheckState(state)

    def carried(self) -> list[tuple[str | None, PromiseData, list[TargetData]]]:
        """The promises to save, as `AgreementService.renew` takes them, with the edits."""
        result: list[tuple[str | None, PromiseData, list[TargetData]]] = []
        for row, (promise, targets) in enumerate(self._promises):
            carry = self.table.item(row, COL_CARRY)
            if carry is None or carry.checkState() != Qt.CheckState.Checked:
                continue
            short = self.table.item(row, COL_SHORT)
            text = self.table.item(row, COL_TEXT)
            responsible = self.table.cellWidget(row, COL_RESPONSIBLE)
            assert isinstance(responsible, QComboBox)
            data = dataclasses.replace(
                promise.data,
                short_title=short.text().strip() if short is not None else "",
                text=text.text().strip() if text is not None else "",
                responsible=Responsible(responsible.currentData()),
            )
            result.append((promise.id, data, targets))
        return result

    # --- the period ---------------------------------------------------------------------------

    def period(self) -> Period | None:
        start, end = self.start_edit.value(), self.end_edit.value()
        return Period(start, end) if start <= end else None

    def _period_changed(self) -> None:
        period = self.period()
        if period is not None and self.title_edit.text().strip() == self._suggested_title:
            # The title follows the period until the user writes one of their own.
            self._suggested_title = renewed_title(self.source.data.title, self._old_period, period)
            self.title_edit.setText(self._suggested_title)
        self._check_period()

    def _check_period(self) -> bool:
        """Show why the period cannot be used (before saving, as the service would refuse)."""
        period = self.period()
        message = ""
        if period is None:
            message = self.tr("Periodens slut kan inte ligga före dess början.")
        else:
            terms, titles = self._terms()
            clash = cycle.overlapping(period, terms)
            if clash:
                message = overlap_message(period, clash, titles)
        self._show(self.period_error, message)
        self.save_button.setEnabled(not message)
        return not message

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))

    # --- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save the renewal; on a refusal the message stays in the dialog and nothing is lost."""
        self._show(self.title_error, "")
        self._show(self.promises_error, "")
        period = self.period()
        if period is None or not self._check_period():
            return
        title = self.title_edit.text().strip()
        if not title:
            self._show(self.title_error, self.tr("Skriv en rubrik för överenskommelsen."))
            return
        try:
            self.renewed = self._services.agreements.renew(
                from_id=self.source.id,
                period=period,
                title=title,
                promises=self.carried(),
                today=self._today(),
            )
        except ValidationError as error:
            self._show(self.promises_error, error_message(error))
            return
        except LoftenError as error:  # the overlap, found by the service as well
            self._show(self.period_error, error_message(error))
            return
        super().accept()


def _stacked(field: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    """A field with its error text right under it (no empty form row while there is none)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QHBoxLayout):
        column.addLayout(field)
    else:
        column.addWidget(field)
    column.addWidget(error)
    return box
