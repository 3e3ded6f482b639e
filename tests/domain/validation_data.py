"""Examples, rules and spellings shared by the validation tests (test modules never import each
other)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from datetime import UTC, date, time
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from loften_app.domain.enums import (
    Accepted,
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Comparison,
    DrugCaseKind,
    LightCondition,
    Measure,
    NotificationKind,
    ObservationCategory,
    PromiseType,
    Responsible,
    SupportOffered,
    TargetPeriod,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.records import (
    ActionData,
    AgreementData,
    DrugCaseData,
    IndicatorData,
    IndicatorValueData,
    ObservationData,
    OtherActivityData,
    Participants,
    PatrolData,
    PlaceData,
    PromiseData,
    SafetyWalkData,
    ShopData,
    ShopVisitData,
    TargetData,
    VolunteerDeploymentData,
)
from loften_app.domain.validation import (
    validate_agreement,
    validate_drug_case,
    validate_indicator,
    validate_indicator_value,
    validate_other_activity,
    validate_patrol,
    validate_place,
    validate_promise,
    validate_safety_walk,
    validate_shop,
    validate_target,
    validate_volunteer_deployment,
)

TODAY = date(2018, 12, 31)


# Skatteverket's examples: a valid personnummer and a valid samordningsnummer.
PERSONNUMMER = "811218-9876"


SAMORDNINGSNUMMER = "701063-2391"


AGREEMENT = AgreementData(
    municipality="Filipstads kommun",
    police_area="Lokalpolisområde Filipstad",
    title="Medborgarlöften 2017–2018",
    period_start=date(2017, 1, 1),
    period_end=date(2018, 12, 31),
    follow_up_due=date(2019, 3, 31),
    publication="Kommunens webbplats och lokalmedia",
    background="Medborgardialog hösten 2016.",
    aims="Öka tryggheten i centrum.",
)


PROMISE = PromiseData(
    agreement_id="agreement-1",
    number=2,
    text="Filipstads kommun och polisen lovar att genomföra trygghetsvandringar vid minst två "
    "tillfällen under året.",
    short_title="Trygghetsvandringar",
    responsible=Responsible.MUNICIPALITY,
    type=PromiseType.SAFETY_WALK,
    responsibility_note="Kommunen",
    follow_up_comment="Fyra vandringar genomfördes.",
    internal_comment="Bjud in Trafikverket nästa gång.",
)


TARGET = TargetData(
    promise_id="promise-2",
    measure=Measure.WALKS_COMPLETED,
    comparison=Comparison.AT_LEAST,
    value=2,
    period=TargetPeriod.YEAR,
    description="Minst två genomförda vandringar per år.",
)


SHARE_TARGET = TargetData(
    promise_id="promise-4",
    measure=Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS,
    comparison=Comparison.AT_LEAST,
    value=0.8,
    period=TargetPeriod.YEAR,
    parameter=1,
    description="Kontakt inom ett dygn.",
)


PLACE = PlaceData(name="Stora torget", description="Torget och gatorna runt det.")


SHOP = ShopData(name="Torgkiosken", address="Stora torget 1", kind="kiosk", place_id="place-1")


INDICATOR = IndicatorData(
    name="Andel otrygga i centrum kvällstid",
    source="Polisens trygghetsmätning",
    unit="procent",
    description="Andel som avstår från att gå ut på kvällen.",
    promise_id="promise-1",
)


INDICATOR_VALUE = IndicatorValueData(
    indicator_id="indicator-1", period_key="2018-Q3", value=23.5, source_note="Enkät hösten 2018."
)


PATROL = PatrolData(
    promise_id="promise-1",
    date=date(2018, 3, 16),
    start_time=time(21, 0),
    end_time=time(2, 0),
    place_ids=("place-1", "place-2"),
    officers=2,
    shop_visits=(
        ShopVisitData(shop_id="shop-1", note="Lugnt i kväll enligt personalen."),
        ShopVisitData(shop_id="shop-2", note="Ungdomar samlas vid entrén efter 22."),
    ),
    disturbances=1,
    visible_drug_use=2,
    hours_spent=6.5,
    notes="Fotpatrull i centrum.",
)


WALK = SafetyWalkData(
    promise_id="promise-2",
    date=date(2018, 10, 10),
    status=WalkStatus.COMPLETED,
    start_time=time(18, 30),
    light=LightCondition.DARK,
    place_id="place-1",
    route="Stora torget – Resecentrum – Skillerälven",
    participants=Participants(municipality=3, police=2, residents=8),
    observations=(
        ObservationData(
            category=ObservationCategory.LIGHTING,
            description="Mörk gångtunnel under järnvägen.",
            place_id="place-3",
            photos=("tunnel-1.jpg", "tunnel-2.jpg"),
            action=ActionData(
                what="Byta armaturer i tunneln.",
                owner=ActionOwner.MUNICIPAL_OFFICE,
                owner_detail="Tekniska förvaltningen",
                deadline=date(2019, 3, 1),
                status=ActionStatus.DONE,
                closed_on=date(2018, 11, 20),
            ),
        ),
        ObservationData(
            category=ObservationCategory.VEGETATION,
            description="Buskar skymmer sikten vid busshållplatsen.",
            action=ActionData(
                what="Beskära buskarna.",
                owner=ActionOwner.OTHER,
                owner_detail="Samfällighetsföreningen",
                status=ActionStatus.REJECTED,
                rejection_reason="Buskarna står på privat mark.",
                closed_on=date(2018, 11, 1),
            ),
        ),
        ObservationData(
            category=ObservationCategory.LITTER,
            description="Nedskräpat vid återvinningsstationen.",
            action=ActionData(
                what="Tömma oftare.",
                owner=ActionOwner.PROPERTY_OWNER,
                status=ActionStatus.IN_PROGRESS,
            ),
        ),
        ObservationData(
            category=ObservationCategory.POSITIVE, description="Bra belysning på torget."
        ),
    ),
    preparatory_meeting_on=date(2018, 9, 20),
    protocol_published_on=date(2018, 10, 31),
    hours_spent=20,
    notes="Kaffe på biblioteket efteråt.",
)


VOLUNTEERS = VolunteerDeploymentData(
    promise_id="promise-3",
    date=date(2018, 6, 1),
    start_time=time(20, 0),
    end_time=time(1, 0),
    place_ids=("place-1",),
    task=VolunteerTask.PRESENCE,
    volunteers=4,
    volunteer_hours_override=18.0,
    with_municipality=True,
    observations_passed=1,
    hours_spent=22,
    notes="Skolavslutning.",
)


DRUG_CASE = DrugCaseData(
    promise_id="promise-4",
    detected_on=date(2018, 5, 4),
    age_group=AgeGroup.UNDER_18,
    kind=DrugCaseKind.OWN_USE,
    case_code="N-2018-014",
    place_id="place-1",
    municipality_notified_on=date(2018, 5, 4),
    notification_kind=NotificationKind.REPORT_OF_CONCERN,
    police_notes="Upptäckt vid kontroll på torget.",
    first_contact_on=date(2018, 5, 5),
    support_offered=SupportOffered.TALK,
    accepted=Accepted.YES,
    status=CaseStatus.CLOSED,
    closed_on=date(2018, 9, 1),
    municipal_notes="Samtal tillsammans med vårdnadshavare.",
    hours_spent=5,
)


OTHER = OtherActivityData(
    promise_id="promise-5",
    date=date(2018, 4, 12),
    what="Skolbesök i årskurs 8",
    place_id="place-4",
    count=3,
    hours_spent=4,
    notes="Om langning inför valborg.",
)


VALID_EXAMPLES: dict[str, object] = {
    "agreement": AGREEMENT,
    "promise": PROMISE,
    "target": TARGET,
    "share_target": SHARE_TARGET,
    "place": PLACE,
    "shop": SHOP,
    "indicator": INDICATOR,
    "indicator_value": INDICATOR_VALUE,
    "patrol": PATROL,
    "safety_walk": WALK,
    "volunteers": VOLUNTEERS,
    "drug_case": DRUG_CASE,
    "other_activity": OTHER,
}


VALIDATORS: dict[type, Any] = {
    AgreementData: validate_agreement,
    PromiseData: validate_promise,
    TargetData: validate_target,
    PlaceData: validate_place,
    ShopData: validate_shop,
    IndicatorData: validate_indicator,
    IndicatorValueData: validate_indicator_value,
    PatrolData: validate_patrol,
    SafetyWalkData: validate_safety_walk,
    VolunteerDeploymentData: validate_volunteer_deployment,
    DrugCaseData: validate_drug_case,
    OtherActivityData: validate_other_activity,
}


def pairs(issues: list[ValidationIssue]) -> list[tuple[str, str]]:
    return [(issue.field, issue.code) for issue in issues]


def replace(obj: Any, **changes: Any) -> Any:
    return dataclasses.replace(obj, **changes)


def with_action(walk: SafetyWalkData, index: int, **changes: Any) -> SafetyWalkData:
    """The walk with the action of observation `index` changed."""
    observations = list(walk.observations)
    observation = observations[index]
    assert observation.action is not None
    observations[index] = replace(observation, action=replace(observation.action, **changes))
    return replace(walk, observations=tuple(observations))


def with_observation(walk: SafetyWalkData, index: int, **changes: Any) -> SafetyWalkData:
    observations = list(walk.observations)
    observations[index] = replace(observations[index], **changes)
    return replace(walk, observations=tuple(observations))


def _break_free_text(data: object) -> object:
    """A copy of `data` with a personnummer in its first text field (notes, name, ...)."""
    path = next(iter(text_paths(data)))
    return replaced_at(data, path, PERSONNUMMER)


MORE_VALID: dict[str, object] = {
    "shift crossing midnight 21:00–02:00": replace(
        PATROL, start_time=time(21, 0), end_time=time(2, 0)
    ),
    "shift 23:59–00:00": replace(PATROL, start_time=time(23, 59), end_time=time(0, 0)),
    "shift 00:00–23:59": replace(PATROL, start_time=time(0, 0), end_time=time(23, 59)),
    "patrol without optional values": PatrolData(
        promise_id="p",
        date=date(2018, 1, 1),
        start_time=time(8),
        end_time=time(9),
        place_ids=("place-1",),
    ),
    "volunteers crossing midnight": replace(
        VOLUNTEERS, start_time=time(21, 0), end_time=time(2, 0)
    ),
    "volunteer hours override 0": replace(VOLUNTEERS, volunteer_hours_override=0.0),
    "volunteer hours override at most volunteers × 24": replace(
        VOLUNTEERS, volunteer_hours_override=96.0
    ),
    "volunteer hours derived": replace(VOLUNTEERS, volunteer_hours_override=None),
    "hours spent 0": replace(OTHER, hours_spent=0.0),
    "hours spent 10 000": replace(OTHER, hours_spent=10_000.0),
    "count 0": replace(OTHER, count=0),
    "count not given": replace(OTHER, count=None),
    "planned walk in the future": replace(
        WALK,
        status=WalkStatus.PLANNED,
        date=date(2019, 5, 1),
        observations=(),
        participants=Participants(),
        preparatory_meeting_on=None,
        protocol_published_on=None,
    ),
    "planned walk without participants": replace(
        WALK, status=WalkStatus.PLANNED, participants=Participants()
    ),
    "cancelled walk with reason": replace(
        WALK, status=WalkStatus.CANCELLED, cancellation_reason="Snöstorm."
    ),
    "open action without closed date": with_action(
        WALK, 2, status=ActionStatus.OPEN, closed_on=None
    ),
    "action deadline on the walk date": with_action(WALK, 2, deadline=WALK.date),
    "action closed on the walk date": with_action(WALK, 0, closed_on=WALK.date),
    "protocol published on the walk date": replace(WALK, protocol_published_on=WALK.date),
    "preparatory meeting on the walk date": replace(WALK, preparatory_meeting_on=WALK.date),
    "drug case 18–25 with notice": replace(
        DRUG_CASE, age_group=AgeGroup.AGE_18_25, notification_kind=NotificationKind.NOTICE
    ),
    "drug case 26+ with contact offer": replace(
        DRUG_CASE,
        age_group=AgeGroup.AGE_26_PLUS,
        notification_kind=NotificationKind.CONTACT_OFFER,
    ),
    "drug case without case code (generated later)": replace(DRUG_CASE, case_code=""),
    "drug case code with four digits": replace(DRUG_CASE, case_code="N-2018-1014"),
    "drug case ongoing, police part only": replace(
        DRUG_CASE,
        municipality_notified_on=None,
        notification_kind=None,
        first_contact_on=None,
        support_offered=None,
        accepted=None,
        status=CaseStatus.ONGOING,
        closed_on=None,
    ),
    "drug case detected today": replace(
        DRUG_CASE,
        detected_on=TODAY,
        municipality_notified_on=TODAY,
        first_contact_on=TODAY,
        closed_on=TODAY,
    ),
    "share target 0": replace(SHARE_TARGET, value=0.0),
    "share target 1": replace(SHARE_TARGET, value=1.0),
    "share parameter 0 days": replace(SHARE_TARGET, parameter=0),
    "share of volunteer deployments": replace(
        TARGET, measure=Measure.VOLUNTEER_SHARE_WITH_BUSINESS, value=0.5
    ),
    "target above 1 when not a share": replace(TARGET, value=120.0),
    "agreement without follow-up date": replace(AGREEMENT, follow_up_due=None),
    "follow-up on the period's last day": replace(AGREEMENT, follow_up_due=AGREEMENT.period_end),
    "indicator value for a year": replace(INDICATOR_VALUE, period_key="2018"),
    "indicator value for a range": replace(INDICATOR_VALUE, period_key="2017-01-01/2018-12-31"),
    "indicator value negative (e.g. a change)": replace(INDICATOR_VALUE, value=-3.0),
    "date in 2000": replace(OTHER, date=date(2000, 1, 1)),
    "date in 2100": replace(OTHER, date=date(2100, 12, 31)),
}


FUTURE = date(2019, 1, 10)


WALK_WITHOUT_ROWS = replace(
    WALK, observations=(), preparatory_meeting_on=None, protocol_published_on=None
)


POLICE_PART_ONLY = replace(
    DRUG_CASE,
    municipality_notified_on=None,
    notification_kind=None,
    first_contact_on=None,
    support_offered=None,
    accepted=None,
    status=CaseStatus.ONGOING,
    closed_on=None,
)


RULES: list[tuple[str, object, str, str]] = [
    # agreement
    ("municipality blank", replace(AGREEMENT, municipality="  "), "municipality", "required"),
    ("police area blank", replace(AGREEMENT, police_area=""), "police_area", "required"),
    ("title blank", replace(AGREEMENT, title=""), "title", "required"),
    (
        "period ends when it starts",
        replace(AGREEMENT, period_end=AGREEMENT.period_start),
        "period_end",
        "date_order",
    ),
    (
        "period ends before it starts",
        replace(AGREEMENT, period_end=date(2016, 12, 31)),
        "period_end",
        "date_order",
    ),
    (
        "follow-up before the period ends",
        replace(AGREEMENT, follow_up_due=date(2018, 6, 30)),
        "follow_up_due",
        "date_order",
    ),
    (
        "period start year 1917",
        replace(AGREEMENT, period_start=date(1917, 1, 1)),
        "period_start",
        "date_range",
    ),
    (
        "follow-up year 2108",
        replace(AGREEMENT, follow_up_due=date(2108, 3, 31)),
        "follow_up_due",
        "date_range",
    ),
    # promise
    ("promise without agreement", replace(PROMISE, agreement_id=""), "agreement_id", "required"),
    ("promise number 0", replace(PROMISE, number=0), "number", "too_small"),
    ("promise number negative", replace(PROMISE, number=-1), "number", "negative"),
    ("promise text blank", replace(PROMISE, text=" \n"), "text", "required"),
    ("promise short title blank", replace(PROMISE, short_title=""), "short_title", "required"),
    # target
    ("target without promise", replace(TARGET, promise_id=""), "promise_id", "required"),
    ("target value negative", replace(TARGET, value=-1.0), "value", "negative"),
    ("target value NaN", replace(TARGET, value=math.nan), "value", "not_finite"),
    ("target value infinite", replace(TARGET, value=math.inf), "value", "not_finite"),
    ("share written as percent", replace(SHARE_TARGET, value=80.0), "value", "share_range"),
    (
        "share of actions above 1",
        replace(TARGET, measure=Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE, value=1.5),
        "value",
        "share_range",
    ),
    ("share negative", replace(SHARE_TARGET, value=-0.1), "value", "negative"),
    (
        "contacted within days without days",
        replace(SHARE_TARGET, parameter=None),
        "parameter",
        "required",
    ),
    (
        "contacted within negative days",
        replace(SHARE_TARGET, parameter=-1),
        "parameter",
        "negative",
    ),
    # registers
    ("place name blank", replace(PLACE, name=""), "name", "required"),
    ("shop name blank", replace(SHOP, name=" "), "name", "required"),
    ("indicator name blank", replace(INDICATOR, name=""), "name", "required"),
    ("indicator source blank", replace(INDICATOR, source=""), "source", "required"),
    (
        "indicator value without indicator",
        replace(INDICATOR_VALUE, indicator_id=""),
        "indicator_id",
        "required",
    ),
    ("period key blank", replace(INDICATOR_VALUE, period_key=""), "period_key", "required"),
    (
        "period key quarter 5",
        replace(INDICATOR_VALUE, period_key="2018-Q5"),
        "period_key",
        "period",
    ),
    (
        "period key in words",
        replace(INDICATOR_VALUE, period_key="kvartal 3"),
        "period_key",
        "period",
    ),
    (
        "period key range backwards",
        replace(INDICATOR_VALUE, period_key="2018-12-31/2017-01-01"),
        "period_key",
        "period",
    ),
    ("indicator value infinite", replace(INDICATOR_VALUE, value=math.inf), "value", "not_finite"),
    # patrol
    ("patrol without promise", replace(PATROL, promise_id=""), "promise_id", "required"),
    (
        "patrol end equals start",
        replace(PATROL, start_time=time(21, 0), end_time=time(21, 0)),
        "end_time",
        "same_time",
    ),
    (
        "patrol start time with a time zone",
        replace(PATROL, start_time=time(21, 0, tzinfo=UTC)),
        "start_time",
        "timezone",
    ),
    ("patrol without places", replace(PATROL, place_ids=()), "place_ids", "required"),
    ("patrol with a blank place", replace(PATROL, place_ids=("",)), "place_ids", "required"),
    (
        "patrol place listed twice",
        replace(PATROL, place_ids=("place-1", "place-1")),
        "place_ids",
        "duplicate",
    ),
    ("patrol without officers", replace(PATROL, officers=0), "officers", "too_small"),
    ("patrol officers negative", replace(PATROL, officers=-2), "officers", "negative"),
    (
        "shop listed twice",
        replace(
            PATROL,
            shop_visits=(ShopVisitData(shop_id="shop-1"), ShopVisitData(shop_id="shop-1")),
        ),
        "shop_visits[1].shop_id",
        "duplicate",
    ),
    (
        "shop visit without shop",
        replace(PATROL, shop_visits=(ShopVisitData(shop_id=""),)),
        "shop_visits[0].shop_id",
        "required",
    ),
    ("disturbances negative", replace(PATROL, disturbances=-1), "disturbances", "negative"),
    (
        "visible drug use negative",
        replace(PATROL, visible_drug_use=-1),
        "visible_drug_use",
        "negative",
    ),
    ("patrol hours negative", replace(PATROL, hours_spent=-0.5), "hours_spent", "negative"),
    ("patrol hours absurd", replace(PATROL, hours_spent=10_001.0), "hours_spent", "too_large"),
    ("patrol hours NaN", replace(PATROL, hours_spent=math.nan), "hours_spent", "not_finite"),
    ("patrol date 1999", replace(PATROL, date=date(1999, 12, 31)), "date", "date_range"),
    # safety walk
    ("walk without promise", replace(WALK, promise_id=""), "promise_id", "required"),
    (
        "completed walk in the future",
        replace(WALK_WITHOUT_ROWS, date=FUTURE),
        "date",
        "future",
    ),
    (
        "cancelled walk without reason",
        replace(WALK, status=WalkStatus.CANCELLED),
        "cancellation_reason",
        "required",
    ),
    (
        "completed walk without participants",
        replace(WALK, participants=Participants()),
        "participants",
        "required",
    ),
    (
        "participant count negative",
        replace(WALK, participants=Participants(municipality=2, residents=-1)),
        "participants.residents",
        "negative",
    ),
    (
        "protocol before the walk",
        replace(WALK, protocol_published_on=date(2018, 10, 9)),
        "protocol_published_on",
        "date_order",
    ),
    (
        "preparatory meeting after the walk",
        replace(WALK, preparatory_meeting_on=date(2018, 10, 11)),
        "preparatory_meeting_on",
        "date_order",
    ),
    ("walk hours negative", replace(WALK, hours_spent=-1.0), "hours_spent", "negative"),
    (
        "observation without description",
        with_observation(WALK, 1, description=""),
        "observations[1].description",
        "required",
    ),
    (
        "action without what",
        with_action(WALK, 0, what="  "),
        "observations[0].action.what",
        "required",
    ),
    (
        "action owner other without detail",
        with_action(WALK, 1, owner_detail=""),
        "observations[1].action.owner_detail",
        "required",
    ),
    (
        "action deadline before the walk",
        with_action(WALK, 2, deadline=date(2018, 10, 9)),
        "observations[2].action.deadline",
        "date_order",
    ),
    (
        "action deadline year 2200",
        with_action(WALK, 2, deadline=date(2200, 1, 1)),
        "observations[2].action.deadline",
        "date_range",
    ),
    (
        "rejected action without reason",
        with_action(WALK, 1, rejection_reason=""),
        "observations[1].action.rejection_reason",
        "required",
    ),
    (
        "done action without closed date",
        with_action(WALK, 0, closed_on=None),
        "observations[0].action.closed_on",
        "required",
    ),
    (
        "rejected action without closed date",
        with_action(WALK, 1, closed_on=None),
        "observations[1].action.closed_on",
        "required",
    ),
    (
        "action closed before the walk",
        with_action(WALK, 0, closed_on=date(2018, 10, 1)),
        "observations[0].action.closed_on",
        "date_order",
    ),
    (
        "action closed in the future",
        with_action(WALK, 0, closed_on=FUTURE),
        "observations[0].action.closed_on",
        "future",
    ),
    (
        "action in progress with closed date",
        with_action(WALK, 2, closed_on=date(2018, 11, 1)),
        "observations[2].action.closed_on",
        "not_allowed",
    ),
    (
        "open action with closed date",
        with_action(WALK, 2, status=ActionStatus.OPEN, closed_on=date(2018, 11, 1)),
        "observations[2].action.closed_on",
        "not_allowed",
    ),
    # volunteers
    ("deployment without promise", replace(VOLUNTEERS, promise_id=""), "promise_id", "required"),
    (
        "deployment end equals start",
        replace(VOLUNTEERS, start_time=time(2, 0), end_time=time(2, 0)),
        "end_time",
        "same_time",
    ),
    ("deployment without places", replace(VOLUNTEERS, place_ids=()), "place_ids", "required"),
    (
        "deployment place listed twice",
        replace(VOLUNTEERS, place_ids=("place-1", "place-1")),
        "place_ids",
        "duplicate",
    ),
    ("no volunteers", replace(VOLUNTEERS, volunteers=0), "volunteers", "too_small"),
    ("volunteers negative", replace(VOLUNTEERS, volunteers=-3), "volunteers", "negative"),
    (
        "volunteer hours negative",
        replace(VOLUNTEERS, volunteer_hours_override=-1.0),
        "volunteer_hours_override",
        "negative",
    ),
    (
        "volunteer hours above volunteers × 24",
        replace(VOLUNTEERS, volunteer_hours_override=96.5),
        "volunteer_hours_override",
        "too_large",
    ),
    (
        "observations passed negative",
        replace(VOLUNTEERS, observations_passed=-1),
        "observations_passed",
        "negative",
    ),
    (
        "deployment hours absurd",
        replace(VOLUNTEERS, hours_spent=20_000.0),
        "hours_spent",
        "too_large",
    ),
    # drug case
    ("case without promise", replace(DRUG_CASE, promise_id=""), "promise_id", "required"),
    ("case code short year", replace(DRUG_CASE, case_code="N-18-014"), "case_code", "format"),
    ("case code two digits", replace(DRUG_CASE, case_code="N-2018-14"), "case_code", "format"),
    ("case code lower case", replace(DRUG_CASE, case_code="n-2018-014"), "case_code", "format"),
    ("case code with blanks", replace(DRUG_CASE, case_code=" N-2018-014"), "case_code", "format"),
    ("case code a name", replace(DRUG_CASE, case_code="Kalle"), "case_code", "format"),
    (
        "case code is a police case number",
        replace(DRUG_CASE, case_code="5000-K123456-18"),
        "case_code",
        "police_case_number",
    ),
    (
        "case code is a short police case number",
        replace(DRUG_CASE, case_code="K123456-18"),
        "case_code",
        "police_case_number",
    ),
    (
        "case code is a prosecutor's number",
        replace(DRUG_CASE, case_code="AM-123456-18"),
        "case_code",
        "police_case_number",
    ),
    (
        "notified before detected",
        replace(DRUG_CASE, municipality_notified_on=date(2018, 5, 3)),
        "municipality_notified_on",
        "date_order",
    ),
    (
        "first contact before detected",
        replace(DRUG_CASE, first_contact_on=date(2018, 5, 3)),
        "first_contact_on",
        "date_order",
    ),
    (
        "closed before detected",
        replace(DRUG_CASE, closed_on=date(2018, 5, 3)),
        "closed_on",
        "date_order",
    ),
    (
        "closed case without closed date",
        replace(DRUG_CASE, closed_on=None),
        "closed_on",
        "required",
    ),
    (
        "ongoing case with closed date",
        replace(DRUG_CASE, status=CaseStatus.ONGOING),
        "closed_on",
        "not_allowed",
    ),
    (
        "notified without kind",
        replace(DRUG_CASE, notification_kind=None),
        "notification_kind",
        "required",
    ),
    (
        "kind without notification date",
        replace(DRUG_CASE, municipality_notified_on=None),
        "municipality_notified_on",
        "required",
    ),
    (
        "under 18 with notice instead of orosanmälan",
        replace(DRUG_CASE, notification_kind=NotificationKind.NOTICE),
        "notification_kind",
        "report_of_concern",
    ),
    (
        "under 18 with contact offer instead of orosanmälan",
        replace(DRUG_CASE, notification_kind=NotificationKind.CONTACT_OFFER),
        "notification_kind",
        "report_of_concern",
    ),
    (
        "accepted without first contact",
        replace(DRUG_CASE, first_contact_on=None, support_offered=None),
        "accepted",
        "no_first_contact",
    ),
    (
        "support offered without first contact",
        replace(DRUG_CASE, first_contact_on=None, accepted=None),
        "support_offered",
        "no_first_contact",
    ),
    (
        "detected in the future",
        replace(POLICE_PART_ONLY, detected_on=FUTURE),
        "detected_on",
        "future",
    ),
    (
        "first contact in the future",
        replace(DRUG_CASE, first_contact_on=FUTURE),
        "first_contact_on",
        "future",
    ),
    ("case hours negative", replace(DRUG_CASE, hours_spent=-2.0), "hours_spent", "negative"),
    (
        "detected 1900",
        replace(POLICE_PART_ONLY, detected_on=date(1900, 1, 1)),
        "detected_on",
        "date_range",
    ),
    # other activity
    ("activity without promise", replace(OTHER, promise_id=""), "promise_id", "required"),
    ("activity what blank", replace(OTHER, what=""), "what", "required"),
    ("activity count negative", replace(OTHER, count=-1), "count", "negative"),
    ("activity hours absurd", replace(OTHER, hours_spent=10_000.5), "hours_spent", "too_large"),
    ("activity date 2101", replace(OTHER, date=date(2101, 1, 1)), "date", "date_range"),
]


def _today_kw(data: object) -> dict[str, date]:
    return {"today": TODAY} if isinstance(data, SafetyWalkData | DrugCaseData) else {}


TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def _is_id(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


def text_paths(data: object, prefix: str = "") -> Iterator[str]:
    """Every free-text field of `data` (enums and ids excluded), found with dataclasses.fields."""
    for f in dataclasses.fields(data):  # type: ignore[arg-type]
        if _is_id(f.name):
            continue
        path = f"{prefix}.{f.name}" if prefix else f.name
        yield from _text_paths_of(getattr(data, f.name), path)


def _text_paths_of(value: object, path: str) -> Iterator[str]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield path
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from text_paths(value, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _text_paths_of(item, f"{path}[{index}]")


def replaced_at(data: Any, path: str, text: str) -> Any:
    """A copy of `data` with the text field at `path` (`observations[0].photos[1]`) replaced."""
    head, _, rest = path.partition(".")
    name, _, index_text = head.partition("[")
    value = getattr(data, name)
    if index_text:
        index = int(index_text.rstrip("]"))
        items = list(value)
        items[index] = replaced_at(items[index], rest, text) if rest else text
        return dataclasses.replace(data, **{name: tuple(items)})
    if rest:
        return dataclasses.replace(data, **{name: replaced_at(value, rest, text)})
    return dataclasses.replace(data, **{name: text})


TEXT_FIELDS: list[tuple[str, object, str]] = [
    (kind, data, path) for kind, data in VALID_EXAMPLES.items() for path in text_paths(data)
]


HARMLESS = [
    "Möte 2018-03-15 kl. 21:00–02:00 vid Stora torget.",
    "Ring 070-123 45 67 eller +46 70 123 45 67.",
    "Referens 12345678901234, 20180315.",
    "811218-9875",  # wrong check digit
    "Lampa nr 4, 50 meter från busshållplatsen.",
    "",
]


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


CIRCLED = str.maketrans("0123456789", "⓪①②③④⑤⑥⑦⑧⑨")


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


#: (spelling, found before the text was normalised?)
SPELLINGS: list[tuple[str, bool]] = [
    # Refused before: the forms of the Tax Agency and the dashes of word processors.
    ("811218-9876", True),
    ("811218+9876", True),
    ("8112189876", True),
    ("19811218-9876", True),
    ("19811218+9876", True),
    ("198112189876", True),
    ("701063-2391", True),
    ("701063+2391", True),
    ("7010632391", True),
    ("19701063-2391", True),
    ("197010632391", True),
    ("811218–9876", True),  # en dash
    ("811218—9876", True),  # em dash
    ("811218−9876", True),  # minus sign
    ("811218‑9876", True),  # non-breaking hyphen
    ("811218‐9876", True),  # hyphen
    ("811218＋9876", True),  # full-width plus
    ("８１１２１８－９８７６", True),  # full-width digits and hyphen
    ("19811218–9876", True),
    ("١٩٨١١٢١٨٩٨٧٦", True),  # Arabic-Indic digits
    # Missed before.
    ("811218 9876", False),  # space
    ("811218\u00a09876", False),  # non-breaking space
    ("811218\u202f9876", False),  # narrow non-breaking space
    ("81 12 18-9876", False),  # spaces inside the date
    ("81.12.18-9876", False),  # dots inside the date
    ("81.12.18.9876", False),
    ("811218/9876", False),
    ("811218_9876", False),
    ("811218--9876", False),
    ("811218 - 9876", False),
    ("8112\u200b18-9876", False),  # zero-width space
    ("811218\u200c-9876", False),  # zero-width non-joiner
    ("81\u200d1218-9876", False),  # zero-width joiner
    ("811218-98\u206076", False),  # word joiner
    ("\ufeff8112189\ufeff876", False),  # byte order mark
    ("811218\u00ad9876", False),  # soft hyphen
    ("811218\n9876", False),  # line break
    ("811218\t9876", False),  # tab
    ("8\u030111218-98\u03087\u03036", False),  # combining accents
    ("811218-9876".translate(SUPERSCRIPT), False),  # superscript digits
    ("811218-9876".translate(CIRCLED), False),  # circled digits
    ("1981 12 18 9876", False),  # with century, spaces
    ("1981-12-18-9876", False),  # with century, dashes
]
