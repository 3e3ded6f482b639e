"""Plain data classes for every record type of DOMAIN.md.

A `*Data` class holds what a user edits (the form's values); a service returns it wrapped in
`Stored`, together with the record's identity and bookkeeping (`RecordMeta`). Child rows (shop
visits, observations, actions) belong to their parent and are saved with it.
Derived values (duration, evening/night, volunteer hours, days to contact) are properties, never
stored.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from loften_app.domain import shifts
from loften_app.domain.enums import (
    Accepted,
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Comparison,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    LightCondition,
    Measure,
    NotificationKind,
    ObservationCategory,
    Organisation,
    ParticipantGroup,
    PatrolMode,
    Priority,
    PromiseType,
    Responsible,
    SupportOffered,
    TargetPeriod,
    VolunteerTask,
    WalkStatus,
)

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class RecordMeta:
    """Identity and bookkeeping of a stored record."""

    id: str
    version: int
    organisation: Organisation
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str
    deleted_at: dt.datetime | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class Stored(Generic[T]):
    """A record as the storage layer returned it: its bookkeeping and its data."""

    meta: RecordMeta
    data: T

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def version(self) -> int:
        return self.meta.version


@dataclass(frozen=True)
class Actor:
    """Who is working: the user's name and organisation, recorded on every change."""

    name: str
    organisation: Organisation


# --- Registers ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AgreementData:
    """The cooperation agreement (samverkansöverenskommelse) that the promises belong to."""

    municipality: str
    police_area: str
    title: str
    period_start: dt.date
    period_end: dt.date
    valid_until_replaced: bool = True
    follow_up_due: dt.date | None = None
    publication: str = ""
    background: str = ""
    aims: str = ""


@dataclass(frozen=True, kw_only=True)
class PromiseData:
    """One medborgarlöfte: its verbatim text, who is responsible and what type of work it is."""

    agreement_id: str
    number: int
    text: str
    short_title: str
    responsible: Responsible
    type: PromiseType
    responsibility_note: str = ""
    follow_up_comment: str = ""
    internal_comment: str = ""
    #: The id of the promise of an earlier agreement that this one continues (its lineage).
    continues_id: str | None = None
    #: Hours per year planned for the promise; None when not set.
    planned_hours: float | None = None


@dataclass(frozen=True, kw_only=True)
class TargetData:
    """A target (mål) of a promise: `measure` `comparison` `value` per `period`."""

    promise_id: str
    measure: Measure
    comparison: Comparison
    value: float
    period: TargetPeriod
    parameter: int | None = None
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class PlaceData:
    name: str
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class ShopData:
    name: str
    address: str = ""
    kind: str = ""
    place_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class IndicatorData:
    """An outcome measure (indikator) with values per period, e.g. share feeling unsafe."""

    name: str
    source: str
    unit: str = ""
    description: str = ""
    promise_id: str | None = None
    lower_is_better: bool = True


@dataclass(frozen=True, kw_only=True)
class IndicatorValueData:
    indicator_id: str
    period_key: str
    value: float
    source_note: str = ""


# --- 1. Patrols and shop visits -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ShopVisitData:
    shop_id: str
    note: str = ""
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class PatrolData:
    """Polisiär närvaro och butiksbesök: one patrol shift."""

    promise_id: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place_ids: tuple[str, ...] = ()
    mode: PatrolMode = PatrolMode.FOOT
    officers: int = 2
    shop_visits: tuple[ShopVisitData, ...] = ()
    disturbances: int = 0
    visible_drug_use: int = 0
    hours_spent: float | None = None
    notes: str = ""

    @property
    def duration_hours(self) -> float:
        return shifts.shift_hours(self.date, self.start_time, self.end_time)

    @property
    def evening_night_hours(self) -> float:
        return shifts.evening_night_hours(self.date, self.start_time, self.end_time)

    @property
    def is_evening_or_night(self) -> bool:
        return shifts.is_evening_or_night(self.date, self.start_time, self.end_time)

    @property
    def shop_visit_count(self) -> int:
        return len(self.shop_visits)


# --- 2. Safety walks ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Participants:
    """Participants of a safety walk as counts per group, never names."""

    municipality: int = 0
    police: int = 0
    property_owners: int = 0
    business: int = 0
    associations: int = 0
    residents: int = 0
    politicians: int = 0
    others: int = 0

    def count(self, group: ParticipantGroup) -> int:
        value: int = getattr(self, group.value)
        return value

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, kw_only=True)
class ActionData:
    """An action (åtgärd) decided for an observation."""

    what: str
    owner: ActionOwner
    owner_detail: str = ""
    priority: Priority = Priority.MEDIUM
    deadline: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    rejection_reason: str = ""
    closed_on: dt.date | None = None
    id: str | None = None

    @property
    def is_closed(self) -> bool:
        return self.status in (ActionStatus.DONE, ActionStatus.REJECTED)

    def is_overdue(self, today: dt.date) -> bool:
        return not self.is_closed and self.deadline is not None and self.deadline < today


@dataclass(frozen=True, kw_only=True)
class ObservationData:
    category: ObservationCategory
    description: str
    place_id: str | None = None
    photos: tuple[str, ...] = ()
    action: ActionData | None = None
    id: str | None = None


@dataclass(frozen=True, kw_only=True)
class SafetyWalkData:
    """Trygghetsvandring: a planned, completed or cancelled walk with observations and actions."""

    promise_id: str
    date: dt.date
    status: WalkStatus = WalkStatus.PLANNED
    start_time: dt.time | None = None
    light: LightCondition | None = None
    place_id: str | None = None
    route: str = ""
    participants: Participants = field(default_factory=Participants)
    observations: tuple[ObservationData, ...] = ()
    preparatory_meeting_on: dt.date | None = None
    protocol_published_on: dt.date | None = None
    cancellation_reason: str = ""
    hours_spent: float | None = None
    notes: str = ""


# --- 3. Police volunteers -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class VolunteerDeploymentData:
    """Polisvolontärer: one deployment of a group of volunteers (counted, never named)."""

    promise_id: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place_ids: tuple[str, ...] = ()
    task: VolunteerTask = VolunteerTask.PRESENCE
    volunteers: int = 1
    volunteer_hours_override: float | None = None
    with_municipality: bool = False
    with_business: bool = False
    observations_passed: int = 0
    hours_spent: float | None = None
    notes: str = ""

    @property
    def duration_hours(self) -> float:
        return shifts.shift_hours(self.date, self.start_time, self.end_time)

    @property
    def volunteer_hours(self) -> float:
        """Volunteers × duration, unless the user entered another figure."""
        if self.volunteer_hours_override is not None:
            return self.volunteer_hours_override
        return self.volunteers * self.duration_hours


# --- 4. Drug cases ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DrugCaseData:
    """Narkotikaärende: one pseudonymous case. The police part is entered by Polisen, the municipal
    part by Kommunen (see `POLICE_PART_FIELDS` and `MUNICIPAL_PART_FIELDS`).

    `case_code` is generated by the storage layer when left empty (N-2018-014); it is never a
    name, a personnummer or the police's own case number.
    """

    promise_id: str
    detected_on: dt.date
    #: The coded fields of each part are None until the organisation that owns it fills it in
    #: (a case created by Kommunen has no age group until Polisen enters one).
    age_group: AgeGroup | None = None
    kind: DrugCaseKind | None = None
    case_code: str = ""
    place_id: str | None = None
    detection_method: DetectionMethod | None = DetectionMethod.CHECK
    legal_outcome: LegalOutcome | None = LegalOutcome.UNDER_INVESTIGATION
    municipality_notified_on: dt.date | None = None
    notification_kind: NotificationKind | None = None
    police_notes: str = ""
    first_contact_on: dt.date | None = None
    support_offered: SupportOffered | None = None
    accepted: Accepted | None = None
    status: CaseStatus | None = CaseStatus.ONGOING
    closed_on: dt.date | None = None
    municipal_notes: str = ""
    hours_spent: float | None = None

    @property
    def days_to_contact(self) -> int | None:
        """Days from detection to the municipality's first contact (SMADIT aims at one)."""
        if self.first_contact_on is None:
            return None
        return (self.first_contact_on - self.detected_on).days


POLICE_PART_FIELDS: tuple[str, ...] = (
    "detected_on",
    "place_id",
    "age_group",
    "kind",
    "detection_method",
    "legal_outcome",
    "municipality_notified_on",
    "notification_kind",
    "police_notes",
)
MUNICIPAL_PART_FIELDS: tuple[str, ...] = (
    "first_contact_on",
    "support_offered",
    "accepted",
    "status",
    "closed_on",
    "municipal_notes",
)


# --- Other activities ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class OtherActivityData:
    """A generic activity for any other promise (lighting, grannsamverkan, school visits, ...)."""

    promise_id: str
    date: dt.date
    what: str
    place_id: str | None = None
    count: int | None = None
    hours_spent: float | None = None
    notes: str = ""


# --- The data classes' type hints ---------------------------------------------------------------


def optional_inner(hint: Any) -> Any:
    """X for a field's type hint `X | None` (a value that may be left empty), else None: for
    the code that writes or reads every data class field by field from its hints (the audit
    trail's writers, the exchange's decoders)."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        arguments = typing.get_args(hint)
        inner = [a for a in arguments if a is not type(None)]
        if len(inner) == 1 and len(arguments) == 2:
            return inner[0]
    return None
