"""Every record kind as storage knows it: its service, its exchange entry, its figures.

The domain describes each kind once (`loften_app.domain.kinds`, keyed by one name); this module
adds what storage needs, under the same key, and the registries of this layer are built from it:
the services of `Services`, the record types of an exchange package (`storage.exchange.types`),
the promise type each imported record must belong to, the dated tables of the agreement cycle and
the figures of the kinds that count flat columns (`FlatFigures`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.interfaces import ORMOption

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import PromiseType
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.domain.records import SafetyWalkData
from loften_app.storage.figure_sql import FLAT_KIND_BY_TABLE
from loften_app.storage.models import NeighbourhoodWatch, NeighbourhoodWatchPlace, table_of
from loften_app.storage.report_sql import DRUG_CASE_NOTES, notes_select
from loften_app.storage.services.activities import (
    DrugCaseService,
    OtherActivityService,
    PatrolService,
    SafetyWalkService,
    VolunteerDeploymentService,
    first_place_name,
    linked_place_named,
    place_link_columns,
    place_link_tuples,
    renumber_case_codes,
)
from loften_app.storage.services.base import (
    RecordService,
    from_row,
    link_exists,
)

if TYPE_CHECKING:
    from loften_app.storage.demo.year import DemoRecords
from loften_app.storage.services.registers import (
    AgreementService,
    IndicatorService,
    IndicatorValueService,
    PlaceService,
    PromiseService,
    ShopService,
    TargetService,
)

#: The natural key of a register record (see `storage.exchange.types`).
NaturalKey = Callable[[Any], tuple[Any, ...]]
#: Gives new incoming records a code of their own where the local file holds theirs already:
#: (session, [(meta, data)], local copies by id) → (records, [(id, package code, new code)]).
Renumber = Callable[..., tuple[list[tuple[Any, Any]], list[tuple[str, str, str]]]]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _no_photos(data: Any) -> Iterable[str]:
    return ()


def _walk_photos(data: SafetyWalkData) -> Iterable[str]:
    for observation in data.observations:
        yield from observation.photos


NEIGHBOURHOOD_WATCH_PLACE = table_of(NeighbourhoodWatchPlace)
_DEMO = "loften_app.storage.demo"


class NeighbourhoodWatchService(RecordService[NeighbourhoodWatchData, NeighbourhoodWatch]):
    """Grannsamverkan: meetings and information evenings with their places (the area)."""

    model = NeighbourhoodWatch
    noun = "grannsamverkansträffen"
    promise_type = PromiseType.NEIGHBOURHOOD_WATCH
    date_column = "date"
    text_columns = ("notes",)
    sort_keys = (
        "date",
        "meeting",
        "households_reached",
        "new_groups",
        "participants",
        "updated_at",
        "places",
        "hours_spent",
    )
    children = ((NEIGHBOURHOOD_WATCH_PLACE, "meeting_id"),)
    child_columns = ((NEIGHBOURHOOD_WATCH_PLACE, place_link_columns("meeting_id")),)
    root_excluded = ("place_ids",)

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "places":
            owner = table_of(NeighbourhoodWatch).c.id
            first: ColumnElement[Any] = first_place_name(
                NEIGHBOURHOOD_WATCH_PLACE, "meeting_id", owner
            )
            return first
        return super()._sort_expression(key)

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        owner = table_of(NeighbourhoodWatch).c.id
        return [
            *super()._search_conditions(pattern),
            linked_place_named(NEIGHBOURHOOD_WATCH_PLACE, "meeting_id", owner, pattern),
        ]

    def _child_tuples(
        self, record_id: str, data: NeighbourhoodWatchData
    ) -> list[list[tuple[Any, ...]]]:
        return [place_link_tuples(record_id, data.place_ids)]

    def _load_options(self) -> list[ORMOption]:
        return [selectinload(NeighbourhoodWatch.places)]

    def _to_data(self, row: NeighbourhoodWatch) -> NeighbourhoodWatchData:
        places = tuple(link.place_id for link in row.places)
        return from_row(NeighbourhoodWatchData, row, place_ids=places)

    def _place_condition(self, place_id: str) -> ColumnElement[bool]:
        return link_exists(NEIGHBOURHOOD_WATCH_PLACE, "meeting_id", NeighbourhoodWatch.id, place_id)


@dataclass(frozen=True)
class FlatFigures:
    """The figures of a kind whose records count through plain columns: each record counts
    once, its `hours_spent` adds up, and each column of `sums` adds up into the figure named
    by its key (`PromiseFigures.sums`, the value of a `Measure`)."""

    sums: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StorageKind:
    """One record kind in storage, keyed by the domain kind's key."""

    key: str
    #: The attribute of `Services` that holds the kind's service.
    service: str
    service_class: type[RecordService[Any, Any]]
    #: For a register: the key that matches a record of another file made from the same
    #: template (None: records match by id only).
    natural_key: NaturalKey | None = None
    #: The fields whose first non-empty value names a record in an import preview.
    label_fields: tuple[str, ...] = ("date",)
    #: The photo files a record refers to (copied with it in an exchange).
    photos: Callable[[Any], Iterable[str]] = _no_photos
    renumber: Renumber | None = None
    #: Figures counted generically (None: the kind has its own queries in `figures.py`).
    figures: FlatFigures | None = None
    #: The SELECT of its free-text notes for the internal reports, as (day, tbl, promise_id,
    #: code, note) of the records dated in :start–:end (None: its `notes` column).
    notes_select: str | None = None
    #: How `loften demo-data` makes its records, as "module:NAME" of a `DemoRecords` in
    #: `storage.demo` (None: the demo makes none); see `demo`.
    demo_at: str | None = None

    @property
    def demo(self) -> DemoRecords | None:
        """How `loften demo-data` makes its records (None: the demo makes none). The demo's
        modules load only when asked: a command that reads records never imports them."""
        if self.demo_at is None:
            return None
        module, name = self.demo_at.split(":")
        demo: DemoRecords = getattr(importlib.import_module(f"{_DEMO}.{module}"), name)
        return demo

    def notes_sql(self) -> str:
        """The SELECT of the kind's notes (see `notes_select`)."""
        if self.notes_select is not None:
            return self.notes_select
        return notes_select(self.table, self.domain.date_field or "date")

    @property
    def domain(self) -> domain_kinds.Kind:
        return domain_kinds.KIND_BY_KEY[self.key]

    @property
    def table(self) -> str:
        return self.key

    @property
    def promise_type(self) -> PromiseType | None:
        """The type of promise an activity must belong to (None: a register, or an activity
        that any promise may have)."""
        kind = self.domain
        if kind.promise_type is PromiseType.OTHER:
            return None
        return kind.promise_type


STORAGE_KINDS: tuple[StorageKind, ...] = (
    StorageKind(
        "agreement",
        "agreements",
        AgreementService,
        lambda d: (_fold(d.municipality), _fold(d.police_area), d.period_start, d.period_end),
        ("title",),
    ),
    StorageKind(
        "promise",
        "promises",
        PromiseService,
        lambda d: (d.agreement_id, d.number),
        ("short_title", "number"),
    ),
    StorageKind(
        "target",
        "targets",
        TargetService,
        lambda d: (d.promise_id, d.measure, d.comparison, d.period, d.parameter),
        (),
    ),
    StorageKind("place", "places", PlaceService, lambda d: (_fold(d.name),), ("name",)),
    StorageKind(
        "shop", "shops", ShopService, lambda d: (_fold(d.name), _fold(d.address)), ("name",)
    ),
    StorageKind("indicator", "indicators", IndicatorService, lambda d: (_fold(d.name),), ("name",)),
    StorageKind(
        "indicator_value",
        "indicator_values",
        IndicatorValueService,
        lambda d: (d.indicator_id, d.period_key),
        ("period_key",),
    ),
    StorageKind("patrol", "patrols", PatrolService, demo_at="patrols:PATROL_DEMO"),
    StorageKind(
        "safety_walk",
        "safety_walks",
        SafetyWalkService,
        photos=_walk_photos,
        demo_at="walks:SAFETY_WALK_DEMO",
    ),
    StorageKind(
        "volunteer_deployment",
        "volunteer_deployments",
        VolunteerDeploymentService,
        demo_at="patrols:VOLUNTEER_DEMO",
    ),
    StorageKind(
        "drug_case",
        "drug_cases",
        DrugCaseService,
        label_fields=("case_code", "detected_on"),
        renumber=renumber_case_codes,
        notes_select=DRUG_CASE_NOTES,
        demo_at="cases:DRUG_CASE_DEMO",
    ),
    StorageKind(
        "other_activity",
        "other_activities",
        OtherActivityService,
        demo_at="other:OTHER_ACTIVITY_DEMO",
    ),
    StorageKind(
        "neighbourhood_watch",
        "neighbourhood_watch",
        NeighbourhoodWatchService,
        figures=FlatFigures(FLAT_KIND_BY_TABLE["neighbourhood_watch"].sums),
        demo_at="watch:NEIGHBOURHOOD_WATCH_DEMO",
    ),
)

STORAGE_KIND_BY_KEY: dict[str, StorageKind] = {kind.key: kind for kind in STORAGE_KINDS}
#: The activity kinds (dated records of a promise), in the domain's order.
ACTIVITY_STORAGE_KINDS: tuple[StorageKind, ...] = tuple(
    STORAGE_KIND_BY_KEY[kind.key] for kind in domain_kinds.ACTIVITY_KINDS
)
#: The kinds whose figures `FlatFigures` describes.
FLAT_FIGURE_KINDS: tuple[StorageKind, ...] = tuple(
    kind for kind in ACTIVITY_STORAGE_KINDS if kind.figures is not None
)
