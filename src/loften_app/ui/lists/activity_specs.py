"""The lists of the activity records: patrols, safety walks, volunteer deployments, drug cases
and other activities. Each has an IntEnum of its columns and a `ListSpec` in the same order."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from loften_app.domain.enums import (
    AgeGroup,
    CaseStatus,
    DrugCaseKind,
    LegalOutcome,
    LightCondition,
    PatrolMode,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.records import (
    DrugCaseData,
    OtherActivityData,
    PatrolData,
    SafetyWalkData,
    VolunteerDeploymentData,
)
from loften_app.ui.kinds import label_of
from loften_app.ui.lists.column_kinds import (
    checked,
    count_column,
    date_column,
    enum_column,
    headed,
    places_column,
    shift_column,
    text_column,
)
from loften_app.ui.lists.columns import (
    CENTER,
    QT_TRANSLATE_NOOP,
    Column,
    ListSpec,
    date_text,
    iso_or_empty,
    yes_no,
)
from loften_app.ui.lists.names import RegisterNames

# --- 1. Patrols ---------------------------------------------------------------------------------


class PatrolColumn(IntEnum):
    DATE = 0
    SHIFT = 1
    PLACES = 2
    MODE = 3
    OFFICERS = 4
    SHOP_VISITS = 5
    DISTURBANCES = 6
    EVENING_NIGHT = 7


def _patrol_evening(data: PatrolData, _names: RegisterNames) -> str:
    return yes_no(data.is_evening_or_night)


PATROLS = checked(
    ListSpec(
        "patrols",
        QT_TRANSLATE_NOOP("RecordColumns", "Polisiär närvaro och butiksbesök"),
        (
            headed(date_column(), "patrol", "date"),
            shift_column(),
            headed(places_column(), "patrol", "place_ids"),
            enum_column(label_of("patrol", "mode"), "mode", "mode", PatrolMode, 8),
            count_column(label_of("patrol", "officers"), lambda d: d.officers, "officers"),
            count_column(
                label_of("patrol", "shop_visits"),
                lambda d: d.shop_visit_count,
                "shop_visits",
                width=10,
            ),
            count_column(
                label_of("patrol", "disturbances"),
                lambda d: d.disturbances,
                "disturbances",
                width=10,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Kväll/natt"),
                _patrol_evening,
                "evening_night",
                sort_value=lambda d: int(d.is_evening_or_night),
                alignment=CENTER,
                width=9,
            ),
        ),
        stretch_column=PatrolColumn.PLACES,
    ),
    PatrolColumn,
)


# --- 2. Safety walks ----------------------------------------------------------------------------


class SafetyWalkColumn(IntEnum):
    DATE = 0
    STATUS = 1
    LIGHT = 2
    AREA = 3
    OBSERVATIONS = 4
    OPEN_ACTIONS = 5
    PARTICIPANTS = 6


def _walk_area(data: SafetyWalkData, names: RegisterNames) -> str:
    name = names.places.name(data.place_id)
    if name:
        return name
    return data.route.splitlines()[0] if data.route else ""


def _open_actions(data: SafetyWalkData) -> int:
    return sum(
        1
        for observation in data.observations
        if observation.action is not None and not observation.action.is_closed
    )


SAFETY_WALKS = checked(
    ListSpec(
        "safety_walks",
        QT_TRANSLATE_NOOP("RecordColumns", "Trygghetsvandringar"),
        (
            headed(date_column(), "safety_walk", "date"),
            enum_column(
                label_of("safety_walk", "status"),
                "status",
                "status",
                WalkStatus,
            ),
            enum_column(
                label_of("safety_walk", "light"),
                "light",
                "light",
                LightCondition,
                8,
            ),
            Column(label_of("safety_walk", "place_id"), _walk_area, "area", width=24),
            count_column(
                label_of("safety_walk", "observations"),
                lambda d: len(d.observations),
                "observations",
                width=10,
            ),
            count_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Öppna åtgärder"),
                _open_actions,
                "open_actions",
                width=12,
            ),
            count_column(
                label_of("safety_walk", "participants"),
                lambda d: d.participants.total,
                "participants",
                width=9,
            ),
        ),
        stretch_column=SafetyWalkColumn.AREA,
        status_enum=WalkStatus,
    ),
    SafetyWalkColumn,
)


# --- 3. Volunteer deployments -------------------------------------------------------------------


class VolunteerColumn(IntEnum):
    DATE = 0
    SHIFT = 1
    PLACES = 2
    TASK = 3
    VOLUNTEERS = 4
    VOLUNTEER_HOURS = 5
    CONSULTED = 6


def _consulted(data: VolunteerDeploymentData, _names: RegisterNames) -> str:
    parts = []
    if data.with_municipality:
        parts.append(QCoreApplication.translate("RecordColumns", "kommunen"))
    if data.with_business:
        parts.append(QCoreApplication.translate("RecordColumns", "näringslivet"))
    return ", ".join(parts)


VOLUNTEER_DEPLOYMENTS = checked(
    ListSpec(
        "volunteer_deployments",
        QT_TRANSLATE_NOOP("RecordColumns", "Polisvolontärer"),
        (
            headed(date_column(), "volunteer_deployment", "date"),
            shift_column(),
            headed(places_column(), "volunteer_deployment", "place_ids"),
            enum_column(
                label_of("volunteer_deployment", "task"), "task", "task", VolunteerTask, 14
            ),
            count_column(
                label_of("volunteer_deployment", "volunteers"),
                lambda d: d.volunteers,
                "volunteers",
                width=9,
            ),
            count_column(
                label_of("volunteer_deployment", "volunteer_hours_override"),
                lambda d: d.volunteer_hours,
                "volunteer_hours",
                width=12,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "I samråd med"),
                _consulted,
                "consulted",
                sort_value=lambda d: int(d.with_municipality) * 2 + int(d.with_business),
                width=20,
            ),
        ),
        stretch_column=VolunteerColumn.PLACES,
    ),
    VolunteerColumn,
)


# --- 4. Drug cases ------------------------------------------------------------------------------


class DrugCaseColumn(IntEnum):
    CASE_CODE = 0
    DETECTED = 1
    AGE_GROUP = 2
    KIND = 3
    LEGAL_OUTCOME = 4
    NOTIFIED = 5
    FIRST_CONTACT = 6
    DAYS_TO_CONTACT = 7
    STATUS = 8


def _days_to_contact(data: DrugCaseData) -> int | None:
    return data.days_to_contact


DRUG_CASES = checked(
    ListSpec(
        "drug_cases",
        QT_TRANSLATE_NOOP("RecordColumns", "Narkotikaärenden"),
        (
            text_column(label_of("drug_case", "case_code"), "case_code", "case_code", 11),
            headed(date_column("detected_on", "detected_on"), "drug_case", "detected_on"),
            enum_column(
                label_of("drug_case", "age_group"),
                "age_group",
                "age_group",
                AgeGroup,
                12,
            ),
            enum_column(
                label_of("drug_case", "kind"),
                "kind",
                "kind",
                DrugCaseKind,
                16,
            ),
            enum_column(
                label_of("drug_case", "legal_outcome"),
                "legal_outcome",
                "legal_outcome",
                LegalOutcome,
                14,
            ),
            Column(
                label_of("drug_case", "municipality_notified_on"),
                lambda d, _n: date_text(d.municipality_notified_on),
                "municipality_notified_on",
                sort_value=lambda d: iso_or_empty(d.municipality_notified_on),
                width=10,
            ),
            Column(
                label_of("drug_case", "first_contact_on"),
                lambda d, _n: date_text(d.first_contact_on),
                "first_contact_on",
                lambda d: iso_or_empty(d.first_contact_on),
                width=12,
            ),
            count_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Dagar till kontakt"),
                _days_to_contact,
                "days_to_contact",
                width=14,
            ),
            enum_column(
                label_of("drug_case", "status"),
                "status",
                "status",
                CaseStatus,
                9,
            ),
        ),
        default_sort_column=DrugCaseColumn.DETECTED,
        status_enum=CaseStatus,
    ),
    DrugCaseColumn,
)


# --- Other activities ---------------------------------------------------------------------------


class OtherActivityColumn(IntEnum):
    DATE = 0
    WHAT = 1
    PLACE = 2
    COUNT = 3
    HOURS = 4


def _other_place(data: OtherActivityData, names: RegisterNames) -> str:
    return names.places.name(data.place_id)


OTHER_ACTIVITIES = checked(
    ListSpec(
        "other_activities",
        QT_TRANSLATE_NOOP("RecordColumns", "Övriga aktiviteter"),
        (
            headed(date_column(), "other_activity", "date"),
            text_column(label_of("other_activity", "what"), "what", "what", 30),
            Column(label_of("other_activity", "place_id"), _other_place, "place", width=18),
            count_column(label_of("other_activity", "count"), lambda d: d.count, "count"),
            count_column(
                label_of("other_activity", "hours_spent"), lambda d: d.hours_spent, "hours_spent"
            ),
        ),
        stretch_column=OtherActivityColumn.WHAT,
    ),
    OtherActivityColumn,
)
