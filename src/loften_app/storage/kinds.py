"""Every record kind as storage knows it: its service, its exchange entry, its figures.

The domain describes each kind once (`loften_app.domain.kinds`, keyed by one name); this module
adds what storage needs, under the same key, and the registries of this layer are built from it:
the services of `Services`, the record types of an exchange package (`storage.exchange.types`),
the promise type each imported record must belong to, the dated tables of the agreement cycle and
the figures of the kinds that count flat columns (`FlatFigures`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.interfaces import ORMOption

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import Measure, NeighbourhoodMeeting, PromiseType
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.domain.records import SafetyWalkData
from loften_app.storage.demo.cases import DRUG_CASE_DEMO
from loften_app.storage.demo.common import MUNICIPALITY, Pair, half_hours, meta, time_on
from loften_app.storage.demo.other import OTHER_ACTIVITY_DEMO
from loften_app.storage.demo.patrols import PATROL_DEMO, VOLUNTEER_DEMO
from loften_app.storage.demo.walks import SAFETY_WALK_DEMO
from loften_app.storage.demo.year import DemoRecords, DemoYear
from loften_app.storage.models import NeighbourhoodWatch, NeighbourhoodWatchPlace, table_of
from loften_app.storage.services.activities import (
    DrugCaseService,
    OtherActivityService,
    PatrolService,
    SafetyWalkService,
    VolunteerDeploymentService,
    first_place_name,
    linked_place_named,
    place_link_rows,
    renumber_case_codes,
)
from loften_app.storage.services.base import (
    RecordService,
    flat_values,
    from_row,
    link_exists,
)
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

    def _root_values(self, data: NeighbourhoodWatchData) -> dict[str, Any]:
        return flat_values(data, exclude=("place_ids",))

    def _child_rows(
        self, record_id: str, data: NeighbourhoodWatchData
    ) -> list[tuple[Table, list[dict[str, Any]]]]:
        rows = place_link_rows("meeting_id", record_id, data.place_ids)
        return [(NEIGHBOURHOOD_WATCH_PLACE, rows)]

    def _load_options(self) -> list[ORMOption]:
        return [selectinload(NeighbourhoodWatch.places)]

    def _to_data(self, row: NeighbourhoodWatch) -> NeighbourhoodWatchData:
        places = tuple(link.place_id for link in row.places)
        return from_row(NeighbourhoodWatchData, row, place_ids=places)

    def _place_condition(self, place_id: str) -> ColumnElement[bool]:
        return link_exists(NEIGHBOURHOOD_WATCH_PLACE, "meeting_id", NeighbourhoodWatch.id, place_id)


def _demo_neighbourhood_watch(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """Grannsamverkan: a meeting or information evening a month or so, with the households it
    reached and now and then a new group."""
    rng = year.options.rng("neighbourhood_watch")
    notes = year.content.texts("neighbourhood_watch_notes") or ("",)
    for _ in range(year.total(rng, 8, 12)):
        day = year.weekday(rng)
        evening = rng.random() < 0.4
        place = (
            year.place_like(rng, rng.choice(("centrum", "torg")))
            or rng.choice(year.registers.places)[0]
        )
        data = NeighbourhoodWatchData(
            promise_id=promise_id,
            date=day,
            meeting=(
                NeighbourhoodMeeting.INFORMATION_EVENING
                if evening
                else NeighbourhoodMeeting.MEETING
            ),
            place_ids=(place,),
            households_reached=rng.randint(8, 60),
            new_groups=1 if rng.random() < 0.3 else 0,
            participants=rng.randint(6, 40),
            with_police=True,
            with_municipality=rng.random() < 0.7,
            with_landlord=rng.random() < 0.4,
            with_association=rng.random() < 0.3,
            hours_spent=half_hours(rng.uniform(2, 5)),
            notes=rng.choice(notes),
        )
        yield meta(rng, MUNICIPALITY, time_on(rng, day, 16)), data


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
    #: How `loften demo-data` makes its records (None: the demo makes none).
    demo: DemoRecords | None = None

    def notes_sql(self) -> str:
        """The SELECT of the kind's notes (see `notes_select`)."""
        if self.notes_select is not None:
            return self.notes_select
        date = self.domain.date_field or "date"
        return (
            f"SELECT {date} AS day, '{self.table}' AS tbl, promise_id, '' AS code, notes AS note"
            f" FROM {self.table}\n"
            f"    WHERE deleted_at IS NULL AND {date} BETWEEN :start AND :end AND notes != ''"
        )

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
    StorageKind("patrol", "patrols", PatrolService, demo=PATROL_DEMO),
    StorageKind(
        "safety_walk",
        "safety_walks",
        SafetyWalkService,
        photos=_walk_photos,
        demo=SAFETY_WALK_DEMO,
    ),
    StorageKind(
        "volunteer_deployment",
        "volunteer_deployments",
        VolunteerDeploymentService,
        demo=VOLUNTEER_DEMO,
    ),
    StorageKind(
        "drug_case",
        "drug_cases",
        DrugCaseService,
        label_fields=("case_code", "detected_on"),
        renumber=renumber_case_codes,
        notes_select=(
            "SELECT detected_on AS day, 'drug_case' AS tbl, promise_id, case_code AS code,\n"
            # A line break as a literal both engines read (char(10) is SQLite's only).
            "           trim(coalesce(police_notes, '') || '\n' ||"
            " coalesce(municipal_notes, ''), '\n') AS note\n"
            "    FROM drug_case\n"
            "    WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end\n"
            "      AND (coalesce(police_notes, '') != '' OR coalesce(municipal_notes, '') != '')"
        ),
        demo=DRUG_CASE_DEMO,
    ),
    StorageKind(
        "other_activity", "other_activities", OtherActivityService, demo=OTHER_ACTIVITY_DEMO
    ),
    StorageKind(
        "neighbourhood_watch",
        "neighbourhood_watch",
        NeighbourhoodWatchService,
        figures=FlatFigures(
            {
                Measure.HOUSEHOLDS_REACHED.value: "households_reached",
                Measure.NEW_GROUPS.value: "new_groups",
            }
        ),
        demo=DemoRecords("Grannsamverkansträffar", "municipality", _demo_neighbourhood_watch),
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
