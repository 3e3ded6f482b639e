"""Other activities: the generic form for any promise (lighting, grannsamverkan, school visits)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
)

from loften_app.domain.enums import PromiseType
from loften_app.domain.records import OtherActivityData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    DateField,
    HoursField,
    OptionalCountField,
    PlaceChoice,
    compact,
    form_layout,
)
from loften_app.ui.kinds import FormContext
from loften_app.ui.lookups import Lookups


class OtherActivityForm(RecordForm[OtherActivityData]):
    """One other activity tied to any promise of the agreement: what, when, where, how many."""

    def __init__(
        self,
        service: RecordService[OtherActivityData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service,
            title=QCoreApplication.translate("OtherActivityForm", "Övrig aktivitet"),
            today=today,
            changes=lookups.changes,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.promise = self.add_promise_row(form, self._lookups.promises)
        self.date = DateField()
        self.add_row(form, "date", self.caption("date"), self.date, self.date.dateChanged)
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("t.ex. Skolbesök i årskurs 8"))
        self.add_row(form, "what", self.caption("what"), self.what, self.what.textChanged)
        self.place = PlaceChoice(self._lookups.add_place)
        self.offer_choices(self.place, self._lookups.places)
        self.add_row(
            form,
            "place_id",
            self.caption("place_id", optional=True),
            self.place,
            self.place.changed,
        )
        self.count = OptionalCountField(self.tr("Ange antal"))
        self.count.setToolTip(
            self.tr("Hur många det gällde, t.ex. antal elever, lampor eller deltagare.")
        )
        self.add_row(
            form, "count", self.caption("count", optional=True), self.count, self.count.changed
        )
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för aktiviteten: planering, genomförande och uppföljning.")
        )
        self.add_row(
            form,
            "hours_spent",
            self.caption("hours_spent", optional=True),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        compact(self.hours_spent)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Inga namn och inga personnummer."))
        self.add_row(form, "notes", self.caption("notes"), self.notes, self.notes.textChanged)

    def load(self, data: OtherActivityData) -> None:
        self.promise.set_value(data.promise_id)
        self.date.set_value(data.date)
        self.what.setText(data.what)
        self.place.set_value(data.place_id)
        self.count.set_value(data.count)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)

    def collect(self) -> OtherActivityData:
        return OtherActivityData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            what=self.what.text(),
            place_id=self.place.value(),
            count=self.count.value(),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
        )

    def blank(self, today: dt.date) -> OtherActivityData:
        """A new activity today, for a promise of the "other" type if there is one."""
        promises = self._lookups.promises(PromiseType.OTHER) or self._lookups.promises()
        return OtherActivityData(
            promise_id=promises[0][0] if promises else "",
            date=today,
            what="",
        )


def section_form(
    service: RecordService[OtherActivityData, Any], context: FormContext
) -> OtherActivityForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return OtherActivityForm(service, context.lookups, today=context.today)
