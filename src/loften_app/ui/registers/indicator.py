"""Indikatorer: an outcome measure and its values per period, saved together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from loften_app.domain.errors import ValidationIssue
from loften_app.domain.records import IndicatorData, Stored
from loften_app.storage.services import RecordService
from loften_app.ui.forms.fields import ChoiceCombo, compact, form_layout
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.common import RegisterForm, offer_choice, text_box
from loften_app.ui.registers.indicator_values import (
    IndicatorEntry,
    IndicatorWithValues,
    ValueRows,
    row_issues,
)
from loften_app.ui.registers.values_table import IndicatorValuesTable


class IndicatorForm(RegisterForm[IndicatorEntry]):
    """An indicator (share feeling unsafe, reported drug offences, …) with a table of its values.

    The section opens a plain stored indicator; the form reads its values with it. Save writes
    the indicator and its added, changed and removed values in one transaction; a problem in a
    value row is shown under the table, and after a failed save nothing typed is lost.
    """

    def __init__(
        self,
        service: IndicatorWithValues,
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        self._with_values = service
        super().__init__(
            # The form only calls add and update, which `IndicatorWithValues` offers.
            cast("RecordService[IndicatorEntry, Any]", service),
            title=QCoreApplication.translate("IndicatorForm", "Indikator"),
            today=today,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("t.ex. Andel otrygga i centrum kvällstid"))
        self.add_row(form, "name", self.tr("Namn:"), self.name, self.name.textChanged)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("t.ex. Polisens trygghetsmätning eller Brås NTU"))
        self.add_row(form, "source", self.tr("Källa:"), self.source, self.source.textChanged)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("t.ex. % eller antal"))
        self.unit.setMaximumWidth(160)
        self.add_row(form, "unit", self.tr("Enhet:"), self.unit, self.unit.textChanged)
        compact(self.unit)
        self.description = text_box(2)
        self.add_row(
            form,
            "description",
            self.tr("Beskrivning:"),
            self.description,
            self.description.textChanged,
        )
        self.promise = ChoiceCombo(optional=True)
        self.add_row(
            form,
            "promise_id",
            self.tr("Löfte (valfritt):"),
            self.promise,
            self.promise.currentIndexChanged,
        )
        self.lower_is_better = QCheckBox(self.tr("Lägre värden är bättre (t.ex. andel otrygga)"))
        self.add_row(
            form,
            "lower_is_better",
            self.tr("Riktning:"),
            self.lower_is_better,
            self.lower_is_better.toggled,
        )
        self.values = IndicatorValuesTable()
        error = self.register("values", self.values, self.values.changed)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.values)
        column.addWidget(error)
        form.addRow(self.tr("Värden:"), box)

    def refresh_choices(self) -> None:
        self.promise.set_choices(self._lookups.promises())

    # --- the indicator with its values ----------------------------------------------------------

    def open_record(self, stored: Stored[Any]) -> None:
        """Open a stored indicator; a plain one (from the list) is read with its values."""
        if not isinstance(stored.data, IndicatorEntry):
            stored = self._with_values.entry(cast("Stored[IndicatorData]", stored))
        super().open_record(stored)

    def extra_issues(self, data: IndicatorEntry) -> list[ValidationIssue]:
        return row_issues(list(data.values))

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        super().show_issues(issues)
        self.values.show_issues(issues)

    # --- data -----------------------------------------------------------------------------------

    def load(self, data: IndicatorEntry) -> None:
        offer_choice(
            self.promise, data.promise_id, self._lookups.names.promises.name(data.promise_id)
        )
        self.name.setText(data.name)
        self.source.setText(data.source)
        self.unit.setText(data.unit)
        self.description.setPlainText(data.description)
        self.promise.set_value(data.promise_id)
        self.lower_is_better.setChecked(data.lower_is_better)
        self.values.set_rows(data.values if isinstance(data, IndicatorEntry) else ValueRows())

    def collect(self) -> IndicatorEntry:
        return IndicatorEntry(
            name=self.name.text().strip(),
            source=self.source.text().strip(),
            unit=self.unit.text().strip(),
            description=self.description.toPlainText(),
            promise_id=self.promise.value(),
            lower_is_better=self.lower_is_better.isChecked(),
            values=self.values.rows(),
        )

    def blank(self, today: dt.date) -> IndicatorEntry:
        return IndicatorEntry(name="", source="", lower_is_better=True)
