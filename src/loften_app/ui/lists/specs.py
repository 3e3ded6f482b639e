"""Every record list: column constants and `ListSpec`s, by the name of the service.

Each record type has an IntEnum of its columns (`PatrolColumn.DATE == 0`, ...) and a `ListSpec`
whose columns are in the same order (see `activity_specs` and `register_specs`). `SPECS` maps
the name of a service in `Services` ("patrols", "places", ...) to its spec.
"""

from __future__ import annotations

from loften_app.ui.lists.activity_specs import (
    DRUG_CASES,
    OTHER_ACTIVITIES,
    PATROLS,
    SAFETY_WALKS,
    VOLUNTEER_DEPLOYMENTS,
    DrugCaseColumn,
    OtherActivityColumn,
    PatrolColumn,
    SafetyWalkColumn,
    VolunteerColumn,
)
from loften_app.ui.lists.columns import ListSpec
from loften_app.ui.lists.register_specs import (
    INDICATORS,
    PLACES,
    PROMISES,
    SHOPS,
    TARGETS,
    IndicatorColumn,
    PlaceColumn,
    PromiseColumn,
    ShopColumn,
    TargetColumn,
)

SPECS: dict[str, ListSpec] = {
    spec.name: spec
    for spec in (
        PATROLS,
        SAFETY_WALKS,
        VOLUNTEER_DEPLOYMENTS,
        DRUG_CASES,
        OTHER_ACTIVITIES,
        PLACES,
        SHOPS,
        PROMISES,
        TARGETS,
        INDICATORS,
    )
}

__all__ = [
    "DRUG_CASES",
    "INDICATORS",
    "OTHER_ACTIVITIES",
    "PATROLS",
    "PLACES",
    "PROMISES",
    "SAFETY_WALKS",
    "SHOPS",
    "SPECS",
    "TARGETS",
    "VOLUNTEER_DEPLOYMENTS",
    "DrugCaseColumn",
    "IndicatorColumn",
    "OtherActivityColumn",
    "PatrolColumn",
    "PlaceColumn",
    "PromiseColumn",
    "SafetyWalkColumn",
    "ShopColumn",
    "TargetColumn",
    "VolunteerColumn",
]
