"""One service per aggregate, and `Services`, the set the composition root hands out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from loften_app.domain.records import Actor
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

    @classmethod
    def build(
        cls,
        database: Database,
        actor: Actor,
        *,
        clock: Clock = utc_now,
        ids: Callable[[], str] = new_id,
    ) -> Services:
        """Every service for `database` and `actor`; `clock` and `ids` make runs repeatable
        (demo data). On a server the logged-in role is the actor, whatever `actor` says."""
        from loften_app.storage.server.database import ServerDatabase

        if isinstance(database, ServerDatabase):
            actor = database.actor(actor)
        who = Who(actor)
        return cls(
            database=database,
            agreements=AgreementService(database, who, clock=clock, ids=ids),
            promises=PromiseService(database, who, clock=clock, ids=ids),
            targets=TargetService(database, who, clock=clock, ids=ids),
            places=PlaceService(database, who, clock=clock, ids=ids),
            shops=ShopService(database, who, clock=clock, ids=ids),
            indicators=IndicatorService(database, who, clock=clock, ids=ids),
            indicator_values=IndicatorValueService(database, who, clock=clock, ids=ids),
            patrols=PatrolService(database, who, clock=clock, ids=ids),
            safety_walks=SafetyWalkService(database, who, clock=clock, ids=ids),
            volunteer_deployments=VolunteerDeploymentService(database, who, clock=clock, ids=ids),
            drug_cases=DrugCaseService(database, who, clock=clock, ids=ids),
            other_activities=OtherActivityService(database, who, clock=clock, ids=ids),
            figures=FigureService(database),
            who=who,
        )

    @property
    def actor(self) -> Actor:
        """Who is working now."""
        return self.who.actor

    def set_actor(self, actor: Actor) -> None:
        """Record `actor` on every change from the next save on (settings changed)."""
        self.who.actor = actor


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
