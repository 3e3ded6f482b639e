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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from loften_app.domain.enums import Measure, PromiseType
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.kinds import neighbourhood_watch
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
#: The labels of a kind's own fields in the language of `words` (literal `words.text("...")`).
FieldLabels = Callable[[Words], Mapping[str, str]]

#: The measures every promise offers, whatever its type.
COMMON_MEASURES: tuple[Measure, ...] = (Measure.RECORD_COUNT, Measure.HOURS_SPENT)


def _no_labels(words: Words) -> Mapping[str, str]:
    return {}


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
    #: Labels of the kind's own fields, for messages (the shared ones live in validation.common).
    field_labels: FieldLabels = _no_labels
    #: The data class's field that dates a record (None: a register).
    date_field: str | None = None

    @property
    def is_activity(self) -> bool:
        return self.date_field is not None


def _plain(check: Callable[..., list[ValidationIssue]]) -> Validator:
    """A validator that does not look at today's date."""
    return lambda data, today, words: check(data, words=words)


def _dated(check: Callable[..., list[ValidationIssue]]) -> Validator:
    return lambda data, today, words: check(data, today=today, words=words)


#: The registers, parents first (the order an exchange package writes them in).
REGISTER_KINDS: tuple[Kind, ...] = (
    Kind("agreement", AgreementData, "överenskommelse", _plain(registers.validate_agreement)),
    Kind("promise", PromiseData, "löfte", _plain(registers.validate_promise)),
    Kind("target", TargetData, "mål", _plain(registers.validate_target)),
    Kind("place", PlaceData, "plats", _plain(registers.validate_place)),
    Kind("shop", ShopData, "butik", _plain(registers.validate_shop)),
    Kind("indicator", IndicatorData, "indikator", _plain(registers.validate_indicator)),
    Kind(
        "indicator_value",
        IndicatorValueData,
        "indikatorvärde",
        _plain(registers.validate_indicator_value),
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
        date_field="detected_on",
    ),
    Kind(
        "other_activity",
        OtherActivityData,
        "övrig aktivitet",
        _plain(activities.validate_other_activity),
        PromiseType.OTHER,
        date_field="date",
    ),
    Kind(
        "neighbourhood_watch",
        neighbourhood_watch.NeighbourhoodWatchData,
        "grannsamverkansträff",
        _plain(neighbourhood_watch.validate_neighbourhood_watch),
        PromiseType.NEIGHBOURHOOD_WATCH,
        neighbourhood_watch.MEASURES,
        neighbourhood_watch.field_labels,
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
    add_field_labels(_kind.field_labels)


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
