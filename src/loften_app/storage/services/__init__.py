"""One service per aggregate, and `Services`, the set the composition root hands out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from loften_app.domain.records import Actor
from loften_app.storage import kinds as _kinds
from loften_app.storage.database import Database
from loften_app.storage.services.activities import (
    DrugCaseService,
    OtherActivityService,
    PatrolService,
    SafetyWalkService,
    VolunteerDeploymentService,
)
from loften_app.storage.services.base import (
    Clock,
    Deleted,
    Page,
    RecordFilter,
    RecordService,
    Who,
    new_id,
    utc_now,
)
from loften_app.storage.services.figures import FigureService
from loften_app.storage.services.registers import (
    AgreementService,
    IndicatorService,
    IndicatorValueService,
    PlaceService,
    PromiseService,
    ShopService,
    TargetService,
)


@dataclass(frozen=True)
class Services:
    """Every service for one database and one user. Built once, in the composition root."""

    database: Database
    agreements: AgreementService
    promises: PromiseService
    targets: TargetService
    places: PlaceService
    shops: ShopService
    indicators: IndicatorService
    indicator_values: IndicatorValueService
    patrols: PatrolService
    safety_walks: SafetyWalkService
    volunteer_deployments: VolunteerDeploymentService
    drug_cases: DrugCaseService
    other_activities: OtherActivityService
    #: Aggregates for the target engine and reports, with a cache that lives as long as this.
    figures: FigureService
    #: Who is working, shared by every service (see `set_actor`).
    who: Who

    #: The service of every record kind, by the kind's key (`loften_app.storage.kinds`).
    by_kind: Mapping[str, RecordService[Any, Any]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        database: Database,
        actor: Actor,
        *,
        clock: Clock = utc_now,
        ids: Callable[[], str] = new_id,
    ) -> Services:
        """Every service for `database` and `actor`, one per record kind; `clock` and `ids`
        make runs repeatable (demo data). On a server the logged-in role is the actor, whatever
        `actor` says."""
        actor = database.actor(actor)
        who = Who(actor)
        by_kind: dict[str, RecordService[Any, Any]] = {
            kind.key: kind.service_class(database, who, clock=clock, ids=ids)
            for kind in _kinds.STORAGE_KINDS
        }
        named: dict[str, Any] = {kind.service: by_kind[kind.key] for kind in _kinds.STORAGE_KINDS}
        return cls(
            database=database,
            figures=FigureService(database),
            who=who,
            by_kind=by_kind,
            **{name: service for name, service in named.items() if name in _NAMED},
        )

    def of_kind(self, key: str) -> RecordService[Any, Any]:
        """The service of the record kind `key` ("patrol", "neighbourhood_watch", ...)."""
        return self.by_kind[key]

    @property
    def actor(self) -> Actor:
        """Who is working now."""
        return self.who.actor

    def set_actor(self, actor: Actor) -> None:
        """Record `actor` on every change from the next save on (settings changed)."""
        self.who.actor = actor


#: The services that are also attributes of `Services` (the kinds known when it was written).
_NAMED = frozenset(f.name for f in fields(Services)) - {"database", "figures", "who", "by_kind"}

__all__ = [
    "AgreementService",
    "Deleted",
    "DrugCaseService",
    "FigureService",
    "IndicatorService",
    "IndicatorValueService",
    "OtherActivityService",
    "Page",
    "PatrolService",
    "PlaceService",
    "PromiseService",
    "RecordFilter",
    "RecordService",
    "SafetyWalkService",
    "Services",
    "ShopService",
    "TargetService",
    "VolunteerDeploymentService",
]
