"""Mål: the target of a promise, with the target written out as a sentence while it is edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from loften_app.domain.enums import Comparison, Measure, PromiseType, TargetPeriod
from loften_app.domain.kinds import measures_for
from loften_app.domain.records import TargetData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.fields import ChoiceCombo, CountField, EnumCombo, compact, form_layout
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.columns import number_text
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.common import RegisterForm, offer_choice, text_box

#: Measures given as a share from 0 to 1 (shown as a percentage in the sentence).
SHARE_MEASURES = frozenset(m for m in Measure if "share" in m.value)
#: Measures whose figure is not a number of things but a value of its own (read "X: at most 2").
VALUE_MEASURES = SHARE_MEASURES | {Measure.DRUG_MEDIAN_DAYS_TO_CONTACT}


def measure_text(measure: Measure, parameter: int | None) -> str:
    """The measure in words, with N replaced by the number of days where it has one."""
    text = enum_text(measure)
    if measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS and parameter is not None:
        text = text.replace(" N ", f" {parameter} ")
        if parameter == 1:
            text = text.replace(
                " 1 " + QCoreApplication.translate("TargetForm", "dagar"),
                " 1 " + QCoreApplication.translate("TargetForm", "dag"),
            )
    return text


def target_sentence(data: TargetData) -> str:
    """The target as a sentence: "Minst 2 genomförda trygghetsvandringar per år", or for a
    share "Andel … : minst 80 % per år"."""
    translate = QCoreApplication.translate
    comparison = enum_text(data.comparison)
    measure = measure_text(data.measure, data.parameter)
    period = enum_text(data.period)
    if data.measure in VALUE_MEASURES:
        value = (
            translate("TargetForm", "%1 %").replace("%1", number_text(data.value * 100))
            if data.measure in SHARE_MEASURES
            else number_text(data.value)
        )
        text = (
            translate("TargetForm", "%1: %2 %3 %4")
            .replace("%1", measure)
            .replace("%2", comparison)
            .replace("%3", value)
            .replace("%4", period)
        )
    else:
        prefix = translate("TargetForm", "antal") + " "
        if measure.startswith(prefix):
            measure = measure[len(prefix) :]
        text = (
            translate("TargetForm", "%1 %2 %3 %4")
            .replace("%1", comparison)
            .replace("%2", number_text(data.value))
            .replace("%3", measure)
            .replace("%4", period)
        )
    return text[:1].upper() + text[1:]


class TargetForm(RegisterForm[TargetData]):
    """A target of a promise: measure, at least/at most, value, period (and days for SMADIT)."""

    def __init__(
        self,
        service: RecordService[TargetData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service, title=QCoreApplication.translate("TargetForm", "Mål"), today=today
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.promise = ChoiceCombo()
        self.add_row(
            form, "promise_id", self.tr("Löfte:"), self.promise, self.promise.currentIndexChanged
        )
        self.measure = EnumCombo(Measure)
        self.promise.currentIndexChanged.connect(lambda _index: self.offer_measures())
        self.add_row(
            form, "measure", self.tr("Mått:"), self.measure, self.measure.currentIndexChanged
        )
        self.comparison = EnumCombo(Comparison)
        self.add_row(
            form,
            "comparison",
            self.tr("Jämförelse:"),
            self.comparison,
            self.comparison.currentIndexChanged,
        )
        self.value = QDoubleSpinBox()
        self.value.setDecimals(2)
        self.value.setRange(0, 1_000_000)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value_hint = QLabel()
        self.value_hint.setObjectName("value_hint")
        self.value_hint.setWordWrap(True)
        caption = self.tr("Värde:")
        error = self.register("value", self.value, self.value.valueChanged, caption=caption)
        row = QHBoxLayout()
        row.addWidget(self.value)
        row.addWidget(self.value_hint, 1)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(error)
        form.addRow(caption, box)
        self.period = EnumCombo(TargetPeriod)
        self.add_row(
            form, "period", self.tr("Period:"), self.period, self.period.currentIndexChanged
        )
        self.parameter = CountField(0, 365)
        self.parameter.setSuffix(" " + self.tr("dagar"))
        self.parameter.setToolTip(
            self.tr("Används bara för måttet kommunal kontakt inom N dagar (SMADIT: 1 dygn).")
        )
        self.add_row(
            form,
            "parameter",
            self.tr("Antal dagar (N):"),
            self.parameter,
            self.parameter.valueChanged,
        )
        compact(self.value, self.parameter)
        self.description = text_box(3, self.tr("Varför målet är satt så, om det behövs"))
        self.add_row(
            form,
            "description",
            self.tr("Beskrivning:"),
            self.description,
            self.description.textChanged,
        )
        self.sentence = QLabel()
        self.sentence.setObjectName("target_sentence")
        self.sentence.setWordWrap(True)
        font = self.sentence.font()
        font.setBold(True)
        self.sentence.setFont(font)
        form.addRow(self.tr("Målet i klartext:"), self.sentence)

    def refresh_choices(self) -> None:
        self.promise.set_choices(self._lookups.promises())

    def refresh_state(self) -> None:
        measure = self.measure.value() or Measure.RECORD_COUNT
        self.parameter.setEnabled(measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS)
        # A count is whole ("12", not "12,00"); hours and days take a tenth, a share hundredths.
        if measure in SHARE_MEASURES:
            decimals = 2
        elif measure in VALUE_MEASURES or "hours" in measure.value:
            decimals = 1
        else:
            decimals = 0
        if self.value.decimals() != decimals:
            self.value.setDecimals(decimals)
        if measure in SHARE_MEASURES:
            self.value_hint.setText(
                self.tr("En andel: ett tal mellan 0 och 1 (0,8 betyder 80 procent).")
            )
        else:
            self.value_hint.setText("")
        self.value_hint.setVisible(measure in SHARE_MEASURES)
        self.sentence.setText(target_sentence(self.collect()))
        super().refresh_state()

    def _promise_type(self, promise_id: str | None) -> PromiseType | None:
        for kind in PromiseType:
            if any(key == promise_id for key, _name in self._lookups.promises(kind)):
                return kind
        return None

    def offer_measures(self, keep: Measure | None = None) -> None:
        """Offer the measures that fit the chosen promise (walks are no patrol measure);
        `keep` (a stored target's measure) stays offered."""
        allowed = list(measures_for(self._promise_type(self.promise.value())))
        if keep is not None and keep not in allowed:
            allowed.append(keep)
        current = self.measure.value()
        blocked = self.measure.blockSignals(True)
        try:
            self.measure.clear()
            for member in Measure:
                if member in allowed:
                    self.measure.addItem(enum_text(member), member.value)
            self.measure.set_value(current if current in allowed else allowed[0])
        finally:
            self.measure.blockSignals(blocked)
        if self.measure.value() != current:
            self.measure.currentIndexChanged.emit(self.measure.currentIndex())

    def load(self, data: TargetData) -> None:
        offer_choice(
            self.promise, data.promise_id, self._lookups.names.promises.name(data.promise_id)
        )
        self.promise.set_value(data.promise_id)
        self.offer_measures(keep=data.measure)
        self.measure.set_value(data.measure)
        self.comparison.set_value(data.comparison)
        self.value.setValue(data.value)
        self.period.set_value(data.period)
        self.parameter.setValue(1 if data.parameter is None else data.parameter)
        self.description.setPlainText(data.description)

    def collect(self) -> TargetData:
        measure = self.measure.value() or Measure.RECORD_COUNT
        return TargetData(
            promise_id=self.promise.value() or "",
            measure=measure,
            comparison=self.comparison.value() or Comparison.AT_LEAST,
            value=self.value.value(),
            period=self.period.value() or TargetPeriod.YEAR,
            parameter=(
                self.parameter.value()
                if measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS
                else None
            ),
            description=self.description.toPlainText(),
        )

    def blank(self, today: dt.date) -> TargetData:
        """A new target: at least 1 activity per year for the first promise."""
        promises = self._lookups.promises()
        return TargetData(
            promise_id=promises[0][0] if promises else "",
            measure=Measure.RECORD_COUNT,
            comparison=Comparison.AT_LEAST,
            value=1,
            period=TargetPeriod.YEAR,
        )
