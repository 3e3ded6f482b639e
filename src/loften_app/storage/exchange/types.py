"""The record types that travel in a package, in the order they are written (parents first).

Each type names its service in `Services`, its data class, its Swedish noun, and for the
registers a natural key: two databases made from the same template hold the same agreement,
promises, places and indicators under different UUIDs, so a register record whose UUID is
unknown is matched to the local record with the same natural key (after its references have
been matched themselves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
from loften_app.storage.services import RecordService, Services

NaturalKey = Callable[[Any], tuple[Any, ...]]


@dataclass(frozen=True)
class RecordType:
    """One type of record in a package: `name` is its table and its key in the package."""

    name: str
    service: str
    data_class: type[Any]
    noun: str
    natural_key: NaturalKey | None = None

    def service_of(self, services: Services) -> RecordService[Any, Any]:
        service: RecordService[Any, Any] = getattr(services, self.service)
        return service

    @property
    def is_register(self) -> bool:
        return self.natural_key is not None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        "agreement",
        "agreements",
        AgreementData,
        "överenskommelse",
        lambda d: (_fold(d.municipality), _fold(d.police_area), d.period_start, d.period_end),
    ),
    RecordType("promise", "promises", PromiseData, "löfte", lambda d: (d.agreement_id, d.number)),
    RecordType(
        "target",
        "targets",
        TargetData,
        "mål",
        lambda d: (d.promise_id, d.measure, d.comparison, d.period, d.parameter),
    ),
    RecordType("place", "places", PlaceData, "plats", lambda d: (_fold(d.name),)),
    RecordType("shop", "shops", ShopData, "butik", lambda d: (_fold(d.name), _fold(d.address))),
    RecordType(
        "indicator",
        "indicators",
        IndicatorData,
        "indikator",
        lambda d: (_fold(d.name),),
    ),
    RecordType(
        "indicator_value",
        "indicator_values",
        IndicatorValueData,
        "indikatorvärde",
        lambda d: (d.indicator_id, d.period_key),
    ),
    RecordType("patrol", "patrols", PatrolData, "patrullpass"),
    RecordType("safety_walk", "safety_walks", SafetyWalkData, "trygghetsvandring"),
    RecordType(
        "volunteer_deployment", "volunteer_deployments", VolunteerDeploymentData, "volontärinsats"
    ),
    RecordType("drug_case", "drug_cases", DrugCaseData, "narkotikaärende"),
    RecordType("other_activity", "other_activities", OtherActivityData, "övrig aktivitet"),
)

TYPES_BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}

#: Which record type a reference field points at (the same names in every data class).
REFERENCE_TARGETS: dict[str, str] = {
    "agreement_id": "agreement",
    "promise_id": "promise",
    "continues_id": "promise",
    "place_id": "place",
    "place_ids": "place",
    "shop_id": "shop",
    "indicator_id": "indicator",
}
