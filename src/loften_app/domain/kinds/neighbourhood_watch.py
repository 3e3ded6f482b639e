"""Grannsamverkan (neighbourhood watch): a meeting or an information evening in an area, with
the households it reached and the new neighbourhood-watch groups it started.

Everything the domain knows of the kind: its data class, its fields and their labels, its
validation and its description (`KIND`). Participants are a count, never names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loften_app.domain.enums import Measure, NeighbourhoodMeeting
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.kinds.fields import Field, fields
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation.common import _check_places, _Issues, _promise_hint

#: The partners a meeting may be held together with: the data class's boolean fields.
PARTNERS: tuple[str, ...] = (
    "with_police",
    "with_municipality",
    "with_landlord",
    "with_association",
)


@dataclass(frozen=True, kw_only=True)
class NeighbourhoodWatchData:
    """A grannsamverkan meeting or information evening."""

    promise_id: str
    date: dt.date
    meeting: NeighbourhoodMeeting = NeighbourhoodMeeting.MEETING
    place_ids: tuple[str, ...] = ()
    households_reached: int = 0
    new_groups: int = 0
    participants: int = 0
    with_police: bool = False
    with_municipality: bool = False
    with_landlord: bool = False
    with_association: bool = False
    hours_spent: float | None = None
    notes: str = ""

    @property
    def partners(self) -> tuple[str, ...]:
        """The partner fields that are set, in the order of `PARTNERS`."""
        return tuple(name for name in PARTNERS if getattr(self, name))


#: The kind's fields and their labels (see `loften_app.domain.kinds.fields`).
FIELDS: tuple[Field, ...] = fields(
    ("promise_id", "Löfte"),
    ("date", "Datum"),
    ("meeting", "Typ av träff"),
    ("place_ids", "Område"),
    ("households_reached", "Nådda hushåll"),
    ("new_groups", "Nya grannsamverkansgrupper"),
    ("participants", "Antal deltagare"),
    ("with_police", "Tillsammans med Polisen"),
    ("with_municipality", "Tillsammans med kommunen"),
    ("with_landlord", "Tillsammans med fastighetsägare"),
    ("with_association", "Tillsammans med förening"),
    ("hours_spent", "Nedlagda timmar"),
    ("notes", "Anteckningar"),
)


def validate_neighbourhood_watch(
    data: NeighbourhoodWatchData, *, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of a grannsamverkan meeting."""
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    _check_places(
        issues,
        data.place_ids,
        words.text(
            "Inget område är valt. Välj minst en plats där träffen gällde; en ny plats kan "
            "läggas till från formuläret."
        ),
    )
    issues.count("households_reached", data.households_reached)
    issues.count("new_groups", data.new_groups)
    issues.count(
        "participants",
        data.participants,
        0,
        words.text("Ange hur många som deltog (antal, inga namn)."),
    )
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


#: The measures of a grannsamverkan promise's targets (before the common ones).
MEASURES: tuple[Measure, ...] = (Measure.HOUSEHOLDS_REACHED, Measure.NEW_GROUPS)
