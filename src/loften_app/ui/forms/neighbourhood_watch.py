"""Grannsamverkan: the list and the form of one meeting or information evening (participants
and households are counts, never names)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QWidget

from loften_app.domain.enums import NeighbourhoodMeeting, PromiseType
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    CountField,
    DateField,
    EnumCombo,
    HoursField,
    PlacesPicker,
    compact,
    form_layout,
)
from loften_app.ui.kinds import FormContext, field_label, label_of
from loften_app.ui.lists.column_kinds import (
    checked,
    count_column,
    date_column,
    enum_column,
    headed,
    places_column,
)
from loften_app.ui.lists.columns import QT_TRANSLATE_NOOP, Column, ListSpec
from loften_app.ui.lists.names import RegisterNames
from loften_app.ui.lookups import Lookups


def _tr(text: str) -> str:
    return QCoreApplication.translate("NeighbourhoodWatchForm", text)


# --- the list -------------------------------------------------------------------------------------


class NeighbourhoodWatchColumn(IntEnum):
    DATE = 0
    MEETING = 1
    PLACES = 2
    HOUSEHOLDS = 3
    NEW_GROUPS = 4
    PARTICIPANTS = 5
    PARTNERS = 6


#: The partners' short names as the list and the form show them, by field.
_PARTNER_WORDS = {
    "with_police": QT_TRANSLATE_NOOP("NeighbourhoodWatchForm", "Polisen"),
    "with_municipality": QT_TRANSLATE_NOOP("NeighbourhoodWatchForm", "kommunen"),
    "with_landlord": QT_TRANSLATE_NOOP("NeighbourhoodWatchForm", "fastighetsägare"),
    "with_association": QT_TRANSLATE_NOOP("NeighbourhoodWatchForm", "förening"),
}


def _partner(name: str) -> str:
    """The partner field's short name, translated."""
    return QCoreApplication.translate("NeighbourhoodWatchForm", _PARTNER_WORDS[name])


def _partners(data: NeighbourhoodWatchData, _names: RegisterNames) -> str:
    return ", ".join(_partner(name) for name in data.partners)


NEIGHBOURHOOD_WATCH = checked(
    ListSpec(
        "neighbourhood_watch",
        QT_TRANSLATE_NOOP("RecordColumns", "Grannsamverkan"),
        (
            headed(date_column(), "neighbourhood_watch", "date"),
            enum_column(
                label_of("neighbourhood_watch", "meeting"),
                "meeting",
                "meeting",
                NeighbourhoodMeeting,
                14,
            ),
            headed(places_column(), "neighbourhood_watch", "place_ids"),
            count_column(
                label_of("neighbourhood_watch", "households_reached"),
                lambda d: d.households_reached,
                "households_reached",
            ),
            count_column(
                label_of("neighbourhood_watch", "new_groups"),
                lambda d: d.new_groups,
                "new_groups",
                width=10,
            ),
            count_column(
                label_of("neighbourhood_watch", "participants"),
                lambda d: d.participants,
                "participants",
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Tillsammans med"),
                _partners,
                None,
                width=24,
            ),
        ),
        stretch_column=NeighbourhoodWatchColumn.PLACES,
    ),
    NeighbourhoodWatchColumn,
)


# --- the form -------------------------------------------------------------------------------------


class NeighbourhoodWatchForm(RecordForm[NeighbourhoodWatchData]):
    """One grannsamverkan meeting: when, where, what it reached, with whom, the time spent."""

    def __init__(
        self,
        service: RecordService[NeighbourhoodWatchData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service,
            title=_tr("Grannsamverkan"),
            today=today,
            changes=lookups.changes,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.promise = self.add_promise_row(
            form, lambda: self._lookups.promises(PromiseType.NEIGHBOURHOOD_WATCH)
        )
        self.date = DateField()
        self.add_row(form, "date", self.caption("date"), self.date, self.date.dateChanged)
        self.meeting = EnumCombo(NeighbourhoodMeeting)
        self.add_row(
            form, "meeting", self.caption("meeting"), self.meeting, self.meeting.currentIndexChanged
        )
        self.places = PlacesPicker(self._lookups.add_place)
        self.offer_choices(self.places, self._lookups.places)
        self.add_row(form, "place_ids", self.caption("place_ids"), self.places, self.places.changed)
        self.households_reached = CountField()
        self.add_row(
            form,
            "households_reached",
            self.caption("households_reached"),
            self.households_reached,
            self.households_reached.valueChanged,
        )
        self.new_groups = CountField()
        self.add_row(
            form,
            "new_groups",
            self.caption("new_groups"),
            self.new_groups,
            self.new_groups.valueChanged,
        )
        self.participants = CountField()
        self.participants.setToolTip(_tr("Antal deltagare – skriv aldrig deras namn."))
        self.add_row(
            form,
            "participants",
            self.caption("participants"),
            self.participants,
            self.participants.valueChanged,
        )
        partners = QWidget()
        row = QHBoxLayout(partners)
        row.setContentsMargins(0, 0, 0, 0)
        self.partner_boxes: dict[str, QCheckBox] = {}
        for name in _PARTNER_WORDS:
            box = QCheckBox(_partner(name))
            box.setAccessibleName(field_label("neighbourhood_watch", name))
            row.addWidget(box)
            self.partner_boxes[name] = box
        row.addStretch(1)
        first, *others = self.partner_boxes.values()
        self.add_row(form, "with_police", _tr("Tillsammans med:"), partners, first.toggled)
        for box in others:
            box.toggled.connect(self.on_changed)
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            _tr("Hela tiden för träffen: planering, genomförande och uppföljning.")
        )
        self.add_row(
            form,
            "hours_spent",
            self.caption("hours_spent", optional=True),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        compact(self.households_reached, self.new_groups, self.participants, self.hours_spent)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_tr("Inga namn och inga personnummer."))
        self.add_row(form, "notes", self.caption("notes"), self.notes, self.notes.textChanged)

    def load(self, data: NeighbourhoodWatchData) -> None:
        self.promise.set_value(data.promise_id)
        self.date.set_value(data.date)
        self.meeting.set_value(data.meeting)
        self.places.set_value(data.place_ids)
        self.households_reached.setValue(data.households_reached)
        self.new_groups.setValue(data.new_groups)
        self.participants.setValue(data.participants)
        for name, box in self.partner_boxes.items():
            box.setChecked(bool(getattr(data, name)))
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)

    def collect(self) -> NeighbourhoodWatchData:
        return NeighbourhoodWatchData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            meeting=self.meeting.value() or NeighbourhoodMeeting.MEETING,
            place_ids=self.places.value(),
            households_reached=self.households_reached.value(),
            new_groups=self.new_groups.value(),
            participants=self.participants.value(),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
            **{name: box.isChecked() for name, box in self.partner_boxes.items()},
        )

    def blank(self, today: dt.date) -> NeighbourhoodWatchData:
        """A new meeting: today, held together with the police."""
        promises = self._lookups.promises(PromiseType.NEIGHBOURHOOD_WATCH)
        return NeighbourhoodWatchData(
            promise_id=promises[0][0] if promises else "", date=today, with_police=True
        )


def section_form(
    service: RecordService[NeighbourhoodWatchData, Any], context: FormContext
) -> NeighbourhoodWatchForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return NeighbourhoodWatchForm(service, context.lookups, today=context.today)
