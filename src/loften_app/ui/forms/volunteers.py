"""Polisvolontärer: the form for one deployment of a group of volunteers (counted, never named)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import PromiseType, VolunteerTask
from loften_app.domain.records import VolunteerDeploymentData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    CountField,
    DateField,
    EnumCombo,
    HoursField,
    PlacesPicker,
    ShiftTimes,
    compact,
    duration_text,
    form_layout,
)
from loften_app.ui.kinds import FormContext
from loften_app.ui.lookups import Lookups


def hours_text(hours: float) -> str:
    """Hours as a Swede writes them: 12 or 12,5."""
    if float(hours).is_integer():
        return str(int(hours))
    return QLocale().toString(hours, "f", 1)


class VolunteerDeploymentForm(RecordForm[VolunteerDeploymentData]):
    """One deployment: when, where, what task, how many volunteers and their hours."""

    def __init__(
        self,
        service: RecordService[VolunteerDeploymentData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service,
            title=QCoreApplication.translate("VolunteerDeploymentForm", "Polisvolontärer"),
            today=today,
            changes=lookups.changes,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.promise = self.add_promise_row(
            form, lambda: self._lookups.promises(PromiseType.VOLUNTEERS)
        )
        self.date = DateField()
        self.add_row(form, "date", self.caption("date"), self.date, self.date.dateChanged)

        self.times = ShiftTimes(evening_night=False)
        self.start_time = self.times.start_time
        self.end_time = self.times.end_time
        self.duration = self.times.duration
        self.register("start_time", self.start_time, self.start_time.timeChanged)
        self.add_row(form, "end_time", self.tr("Tid:"), self.times, self.end_time.timeChanged)

        self.places = PlacesPicker(self._lookups.add_place)
        self.offer_choices(self.places, self._lookups.places)
        self.add_row(form, "place_ids", self.caption("place_ids"), self.places, self.places.changed)
        self.task = EnumCombo(VolunteerTask)
        self.add_row(form, "task", self.caption("task"), self.task, self.task.currentIndexChanged)

        count_box = QWidget()
        count_row = QHBoxLayout(count_box)
        count_row.setContentsMargins(0, 0, 0, 0)
        self.volunteers = CountField(minimum=0, maximum=1000)
        self.volunteers.setAccessibleName(self.tr("Antal volontärer"))
        self.no_names_hint = QLabel(
            self.tr("Volontärerna anges bara som antal – skriv aldrig deras namn.")
        )
        self.no_names_hint.setObjectName("no_names_hint")
        self.no_names_hint.setWordWrap(True)
        count_row.addWidget(self.volunteers)
        count_row.addWidget(self.no_names_hint, 1)
        self.add_row(
            form,
            "volunteers",
            self.caption("volunteers"),
            count_box,
            self.volunteers.valueChanged,
        )

        hours_box = QWidget()
        hours_column = QVBoxLayout(hours_box)
        hours_column.setContentsMargins(0, 0, 0, 0)
        self.derived_hours = QLabel()
        self.derived_hours.setObjectName("volunteer_hours")
        self.derived_hours.setWordWrap(True)
        override_row = QHBoxLayout()
        self.override_check = QCheckBox(self.tr("Ange annat antal timmar"))
        self.override_check.setAccessibleName(self.tr("Ange annat antal volontärtimmar"))
        self.override_hours = HoursField(optional=False)
        self.override_hours.setAccessibleName(self.tr("Volontärtimmar, angivet antal"))
        self.override_hours.setEnabled(False)
        override_row.addWidget(self.override_check)
        override_row.addWidget(self.override_hours)
        override_row.addStretch(1)
        hours_column.addWidget(self.derived_hours)
        hours_column.addLayout(override_row)
        self.add_row(
            form,
            "volunteer_hours_override",
            self.caption("volunteer_hours_override"),
            hours_box,
            self.override_check.toggled,
        )
        self.override_hours.valueChanged.connect(self.on_changed)
        self.override_check.toggled.connect(self._override_toggled)

        consultation = QWidget()
        consultation_row = QHBoxLayout(consultation)
        consultation_row.setContentsMargins(0, 0, 0, 0)
        self.with_municipality = QCheckBox(self.tr("kommunen"))
        self.with_municipality.setAccessibleName(self.tr("I samråd med kommunen"))
        self.with_business = QCheckBox(self.tr("näringslivet"))
        self.with_business.setAccessibleName(self.tr("I samråd med näringslivet"))
        consultation_row.addWidget(self.with_municipality)
        consultation_row.addWidget(self.with_business)
        consultation_row.addStretch(1)
        self.add_row(
            form,
            "with_municipality",
            self.tr("I samråd med:"),
            consultation,
            self.with_municipality.toggled,
        )
        self.with_business.toggled.connect(self.on_changed)

        self.observations_passed = CountField()
        self.add_row(
            form,
            "observations_passed",
            self.caption("observations_passed"),
            self.observations_passed,
            self.observations_passed.valueChanged,
        )
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för insatsen: planering, genomförande och uppföljning.")
        )
        self.add_row(
            form,
            "hours_spent",
            self.caption("hours_spent", optional=True),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        compact(self.observations_passed, self.hours_spent)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Inga namn och inga personnummer."))
        self.add_row(form, "notes", self.caption("notes"), self.notes, self.notes.textChanged)

        for signal in (
            self.date.dateChanged,
            self.start_time.timeChanged,
            self.end_time.timeChanged,
            self.volunteers.valueChanged,
            self.override_check.toggled,
        ):
            signal.connect(lambda *_args: self._update_derived())

    def derived_volunteer_hours(self) -> float | None:
        """Volunteers × the shift's length as entered now; None without a valid shift."""
        hours = self.times.hours(self.date.value())
        return None if hours is None else self.volunteers.value() * hours

    def _update_derived(self) -> None:
        self.times.describe(self.date.value())
        hours = self.times.hours(self.date.value())
        if hours is None:
            self.derived_hours.setText(self.tr("Räknas när start- och sluttid är angivna."))
            return
        volunteers = self.volunteers.value()
        if volunteers == 1:
            derived = self.tr("1 volontär × %2 = %3 volontärtimmar")
        else:
            derived = self.tr("%1 volontärer × %2 = %3 volontärtimmar")
        derived = (
            derived.replace("%1", str(volunteers))
            .replace("%2", duration_text(hours))
            .replace("%3", hours_text(volunteers * hours))
        )
        if self.override_check.isChecked():
            derived += " " + self.tr("(ersätts av antalet du anger)")
        self.derived_hours.setText(derived)

    def _override_toggled(self, on: bool) -> None:
        self.override_hours.setEnabled(on)
        if on and not self._loading:
            derived = self.derived_volunteer_hours()
            if derived is not None and self.override_hours.value() == 0:
                self.override_hours.setValue(derived)
            self.override_hours.setFocus()

    def confirm_save(self, data: VolunteerDeploymentData) -> bool:
        return self.times.confirm_length(data.date, self.ask_once)

    def load(self, data: VolunteerDeploymentData) -> None:
        self.promise.set_value(data.promise_id)
        self.date.set_value(data.date)
        self.start_time.set_value(data.start_time)
        self.end_time.set_value(data.end_time)
        self.places.set_value(data.place_ids)
        self.task.set_value(data.task)
        self.volunteers.setValue(data.volunteers)
        override = data.volunteer_hours_override
        self.override_check.setChecked(override is not None)
        self.override_hours.setEnabled(override is not None)
        self.override_hours.setValue(0.0 if override is None else override)
        self.with_municipality.setChecked(data.with_municipality)
        self.with_business.setChecked(data.with_business)
        self.observations_passed.setValue(data.observations_passed)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)
        self._update_derived()

    def collect(self) -> VolunteerDeploymentData:
        return VolunteerDeploymentData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            place_ids=self.places.value(),
            task=self.task.value() or VolunteerTask.PRESENCE,
            volunteers=self.volunteers.value(),
            volunteer_hours_override=(
                self.override_hours.value() if self.override_check.isChecked() else None
            ),
            with_municipality=self.with_municipality.isChecked(),
            with_business=self.with_business.isChecked(),
            observations_passed=self.observations_passed.value(),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
        )

    def blank(self, today: dt.date) -> VolunteerDeploymentData:
        """A new deployment: today, an evening walk 21:00–01:00, two volunteers."""
        promises = self._lookups.promises(PromiseType.VOLUNTEERS)
        return VolunteerDeploymentData(
            promise_id=promises[0][0] if promises else "",
            date=today,
            start_time=dt.time(21, 0),
            end_time=dt.time(1, 0),
            volunteers=2,
        )


def section_form(
    service: RecordService[VolunteerDeploymentData, Any], context: FormContext
) -> VolunteerDeploymentForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return VolunteerDeploymentForm(service, context.lookups, today=context.today)
