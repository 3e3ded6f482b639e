"""Every record kind described once, in the domain's terms, keyed by one name.

A record kind is one sort of record: an activity of a promise type (a patrol, a safety walk, ...)
or a register entry (a place, a target, ...). Its *key* is the name it has wherever records
travel or are recorded: its table, its entry in an exchange package, its audit lines
("patrol", "volunteer_deployment"). Each layer describes the kind in its own terms and builds its
registries from those descriptions, never from a hand-written list:

- here (domain): the data class, the promise type, the Swedish noun, the validator, the labels
  of the kind's own fields, and the target measures a promise of its type offers;
- `loften_app.storage.kinds`: the table model, the service, the exchange entry and the figures;
- `loften_app.reports.kinds`: the export sheet and the report lines;
- `loften_app.ui.kinds`: the section, the list columns and the form.

A layer never imports a layer above it; `tests/test_kinds.py` checks that every kind appears in
every registry it must.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loften_app.domain.enums import Measure, PromiseType
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.kinds import neighbourhood_watch
from loften_app.domain.kinds.fields import Field, fields
from loften_app.domain.records import (
    AgreementData,
    DrugCaseData,
    IndicatorData,
    IndicatorValueData,
    OtherActivityData,
    PatrolData,
    PlaceData,
    PromiseData,
    SafetyWalkData,
    ShopData,
    TargetData,
    VolunteerDeploymentData,
)
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation import activities, registers
from loften_app.domain.validation.common import add_field_labels

#: Issues of a record's data: (data, today, words) → issues.
Validator = Callable[[Any, "dt.date | None", Words], list[ValidationIssue]]

#: The measures every promise offers, whatever its type.
COMMON_MEASURES: tuple[Measure, ...] = (Measure.RECORD_COUNT, Measure.HOURS_SPENT)


@dataclass(frozen=True)
class Kind:
    """One record kind as the domain knows it."""

    #: The one name of the kind: its table, its exchange entry, its audit record type.
    key: str
    data_class: type[Any]
    #: The Swedish noun of one record, for messages and labels ("patrullpass").
    noun: str
    validator: Validator
    #: The promise type whose promises the records belong to (None: a register; for "other
    #: activities" the type whose promises list them first, though any promise may have them).
    promise_type: PromiseType | None = None
    #: The measures a target of a promise of `promise_type` may use, before the common ones.
    measures: tuple[Measure, ...] = ()
    #: Every field of the data class with its label (`tests/test_kinds.py` checks each has one).
    fields: tuple[Field, ...] = ()
    #: The data class's field that dates a record (None: a register).
    date_field: str | None = None

    @property
    def is_activity(self) -> bool:
        return self.date_field is not None

    def label(self, name: str) -> str:
        """The Swedish label of the field `name` (`KeyError` for a field the kind lacks)."""
        for field in self.fields:
            if field.name == name:
                return field.label
        raise KeyError(f"{self.key} has no field {name!r}")

    def labels(self, words: Words = SWEDISH) -> dict[str, str]:
        """Every field's label in the language of `words`, by field name."""
        return {field.name: words.field(field.label) for field in self.fields}


def _plain(check: Callable[..., list[ValidationIssue]]) -> Validator:
    """A validator that does not look at today's date."""
    return lambda data, today, words: check(data, words=words)


def _dated(check: Callable[..., list[ValidationIssue]]) -> Validator:
    return lambda data, today, words: check(data, today=today, words=words)


# --- The fields of each kind and their labels -----------------------------------------------------
# One label per field: the form's caption, the list's column header, the export's header and the
# validation messages (a field named alike in several kinds has one label in messages, the first
# kind's).

_HOURS = ("hours_spent", "Nedlagda timmar")
_NOTES = ("notes", "Anteckningar")
_PROMISE = ("promise_id", "Löfte")
_DATE = ("date", "Datum")

_AGREEMENT = fields(
    ("municipality", "Kommun"),
    ("police_area", "Lokalpolisområde"),
    ("title", "Titel"),
    ("period_start", "Periodens början"),
    ("period_end", "Periodens slut"),
    ("valid_until_replaced", "Gäller tills en ny skrivs under"),
    ("follow_up_due", "Datum för uppföljning"),
    ("publication", "Var uppföljningen publiceras"),
    ("background", "Bakgrund"),
    ("aims", "Det här ska vi åstadkomma"),
)
_PROMISE_FIELDS = fields(
    ("agreement_id", "Överenskommelse"),
    ("number", "Löftets nummer"),
    ("text", "Löftets text"),
    ("short_title", "Kort titel"),
    ("responsible", "Ansvarig"),
    ("type", "Typ av löfte"),
    ("responsibility_note", "Kommentar om ansvar"),
    ("follow_up_comment", "Kommentar till uppföljningen"),
    ("internal_comment", "Intern kommentar"),
    ("continues_id", "Fortsätter löfte"),
    ("planned_hours", "Planerade timmar"),
)
_TARGET = fields(
    _PROMISE,
    ("measure", "Mått"),
    ("comparison", "Jämförelse"),
    ("value", "Värde"),
    ("period", "Period"),
    ("parameter", "Antal dagar"),
    ("description", "Beskrivning"),
)
_PLACE = fields(("name", "Namn"), ("description", "Beskrivning"))
_SHOP = fields(("name", "Namn"), ("address", "Adress"), ("kind", "Typ"), ("place_id", "Plats"))
_INDICATOR = fields(
    ("name", "Namn"),
    ("source", "Källa"),
    ("unit", "Enhet"),
    ("description", "Beskrivning"),
    _PROMISE,
    ("lower_is_better", "Lägre är bättre"),
)
_INDICATOR_VALUE = fields(
    ("indicator_id", "Indikator"),
    ("period_key", "Period"),
    ("value", "Värde"),
    ("source_note", "Kommentar om källan"),
)
_PATROL = fields(
    _PROMISE,
    _DATE,
    ("start_time", "Starttid"),
    ("end_time", "Sluttid"),
    ("place_ids", "Platser"),
    ("mode", "Färdsätt"),
    ("officers", "Antal poliser"),
    ("shop_visits", "Butiksbesök"),
    ("disturbances", "Ordningsstörningar i centrum"),
    ("visible_drug_use", "Synligt missbruk i centrum"),
    _HOURS,
    _NOTES,
)
_SAFETY_WALK = fields(
    _PROMISE,
    _DATE,
    ("status", "Status"),
    ("start_time", "Starttid"),
    ("light", "Ljus"),
    ("place_id", "Område"),
    ("route", "Rutt"),
    ("participants", "Deltagare"),
    ("observations", "Iakttagelser"),
    ("preparatory_meeting_on", "Förmöte"),
    ("protocol_published_on", "Protokoll"),
    ("cancellation_reason", "Skäl till inställd vandring"),
    _HOURS,
    _NOTES,
)
_VOLUNTEER_DEPLOYMENT = fields(
    _PROMISE,
    _DATE,
    ("start_time", "Starttid"),
    ("end_time", "Sluttid"),
    ("place_ids", "Platser"),
    ("task", "Uppgift"),
    ("volunteers", "Antal volontärer"),
    ("volunteer_hours_override", "Volontärtimmar"),
    ("with_municipality", "I samråd med kommunen"),
    ("with_business", "I samråd med näringslivet"),
    ("observations_passed", "Iakttagelser till polisen"),
    _HOURS,
    _NOTES,
)
_DRUG_CASE = fields(
    _PROMISE,
    ("detected_on", "Datum upptäckt"),
    ("age_group", "Åldersgrupp"),
    ("kind", "Typ av ärende"),
    ("case_code", "Ärendekod"),
    ("place_id", "Plats"),
    ("detection_method", "Upptäckt genom"),
    ("legal_outcome", "Rättsligt utfall"),
    ("municipality_notified_on", "Kommunen underrättad"),
    ("notification_kind", "Hur kommunen underrättades"),
    ("police_notes", "Polisens anteckningar"),
    ("first_contact_on", "Första kontakt"),
    ("support_offered", "Erbjudet stöd"),
    ("accepted", "Accepterat"),
    ("status", "Status"),
    ("closed_on", "Datum avslutat"),
    ("municipal_notes", "Kommunens anteckningar"),
    _HOURS,
)
_OTHER_ACTIVITY = fields(
    _PROMISE,
    _DATE,
    ("what", "Vad som gjordes"),
    ("place_id", "Plats"),
    ("count", "Antal"),
    _HOURS,
    _NOTES,
)

#: The registers, parents first (the order an exchange package writes them in).
REGISTER_KINDS: tuple[Kind, ...] = (
    Kind(
        "agreement",
        AgreementData,
        "överenskommelse",
        _plain(registers.validate_agreement),
        fields=_AGREEMENT,
    ),
    Kind(
        "promise",
        PromiseData,
        "löfte",
        _plain(registers.validate_promise),
        fields=_PROMISE_FIELDS,
    ),
    Kind("target", TargetData, "mål", _plain(registers.validate_target), fields=_TARGET),
    Kind("place", PlaceData, "plats", _plain(registers.validate_place), fields=_PLACE),
    Kind("shop", ShopData, "butik", _plain(registers.validate_shop), fields=_SHOP),
    Kind(
        "indicator",
        IndicatorData,
        "indikator",
        _plain(registers.validate_indicator),
        fields=_INDICATOR,
    ),
    Kind(
        "indicator_value",
        IndicatorValueData,
        "indikatorvärde",
        _plain(registers.validate_indicator_value),
        fields=_INDICATOR_VALUE,
    ),
)

#: The activity kinds, in the order the window, the reports and the export show them.
ACTIVITY_KINDS: tuple[Kind, ...] = (
    Kind(
        "patrol",
        PatrolData,
        "patrullpass",
        _plain(activities.validate_patrol),
        PromiseType.PATROL,
        (Measure.SHOP_VISITS, Measure.PATROL_HOURS, Measure.PATROL_HOURS_EVENING_NIGHT),
        fields=_PATROL,
        date_field="date",
    ),
    Kind(
        "safety_walk",
        SafetyWalkData,
        "trygghetsvandring",
        _dated(activities.validate_safety_walk),
        PromiseType.SAFETY_WALK,
        (
            Measure.WALKS_COMPLETED,
            Measure.ACTIONS_OPEN,
            Measure.ACTIONS_OVERDUE,
            Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE,
        ),
        fields=_SAFETY_WALK,
        date_field="date",
    ),
    Kind(
        "volunteer_deployment",
        VolunteerDeploymentData,
        "volontärinsats",
        _plain(activities.validate_volunteer_deployment),
        PromiseType.VOLUNTEERS,
        (
            Measure.VOLUNTEER_DEPLOYMENTS,
            Measure.VOLUNTEER_HOURS,
            Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY,
            Measure.VOLUNTEER_SHARE_WITH_BUSINESS,
        ),
        fields=_VOLUNTEER_DEPLOYMENT,
        date_field="date",
    ),
    Kind(
        "drug_case",
        DrugCaseData,
        "narkotikaärende",
        _dated(activities.validate_drug_case),
        PromiseType.DRUGS,
        (
            Measure.DRUG_CASES,
            Measure.DRUG_SHARE_NOTIFIED,
            Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS,
            Measure.DRUG_MEDIAN_DAYS_TO_CONTACT,
        ),
        fields=_DRUG_CASE,
        date_field="detected_on",
    ),
    Kind(
        "other_activity",
        OtherActivityData,
        "övrig aktivitet",
        _plain(activities.validate_other_activity),
        PromiseType.OTHER,
        fields=_OTHER_ACTIVITY,
        date_field="date",
    ),
    Kind(
        "neighbourhood_watch",
        neighbourhood_watch.NeighbourhoodWatchData,
        "grannsamverkansträff",
        _plain(neighbourhood_watch.validate_neighbourhood_watch),
        PromiseType.NEIGHBOURHOOD_WATCH,
        neighbourhood_watch.MEASURES,
        fields=neighbourhood_watch.FIELDS,
        date_field="date",
    ),
)

KINDS: tuple[Kind, ...] = (*REGISTER_KINDS, *ACTIVITY_KINDS)
KIND_BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}
_BY_CLASS: dict[type[Any], Kind] = {kind.data_class: kind for kind in KINDS}
#: The activity kind of each promise type.
KIND_OF_TYPE: dict[PromiseType, Kind] = {
    kind.promise_type: kind for kind in ACTIVITY_KINDS if kind.promise_type is not None
}

for _kind in KINDS:
    add_field_labels(_kind.labels)


def kind_of(data: object) -> Kind:
    """The kind of a record's data (a subclass of a kind's data class counts as that kind);
    `TypeError` for a class that is no record kind."""
    for cls in type(data).__mro__:
        kind = _BY_CLASS.get(cls)
        if kind is not None:
            return kind
    raise TypeError(f"no validator for {type(data).__name__}")


def validate_kind(
    data: object, *, today: dt.date | None = None, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of any record's data, by its kind (see `loften_app.domain.validation.validate`)."""
    return kind_of(data).validator(data, today, words)


def measures_for(promise_type: PromiseType | None) -> tuple[Measure, ...]:
    """The measures a target of a promise of `promise_type` may use (every measure when
    unknown)."""
    if promise_type is None:
        return tuple(Measure)
    kind = KIND_OF_TYPE.get(promise_type)
    return (*kind.measures, *COMMON_MEASURES) if kind is not None else COMMON_MEASURES
