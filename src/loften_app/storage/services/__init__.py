"""One service per aggregate, and `Services`, the set the composition root hands out."""

from __future__ import annotations

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
    utc_now,
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

    @classmethod
    def build(cls, database: Database, actor: Actor, *, clock: Clock = utc_now) -> Services:
        return cls(
            database=database,
            agreements=AgreementService(database, actor, clock=clock),
            promises=PromiseService(database, actor, clock=clock),
            targets=TargetService(database, actor, clock=clock),
            places=PlaceService(database, actor, clock=clock),
            shops=ShopService(database, actor, clock=clock),
            indicators=IndicatorService(database, actor, clock=clock),
            indicator_values=IndicatorValueService(database, actor, clock=clock),
            patrols=PatrolService(database, actor, clock=clock),
            safety_walks=SafetyWalkService(database, actor, clock=clock),
            volunteer_deployments=VolunteerDeploymentService(database, actor, clock=clock),
            drug_cases=DrugCaseService(database, actor, clock=clock),
            other_activities=OtherActivityService(database, actor, clock=clock),
        )


__all__ = [
    "AgreementService",
    "Deleted",
    "DrugCaseService",
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
