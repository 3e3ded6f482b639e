"""The closed lists of DOMAIN.md as enums.

Values are stable English codes (they are stored in the database and travel in exchange files);
`label(member)` gives the Swedish text a user sees.
"""

from __future__ import annotations

from enum import StrEnum


class Organisation(StrEnum):
    POLICE = "police"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class Responsible(StrEnum):
    POLICE = "police"
    MUNICIPALITY = "municipality"
    BOTH = "both"


class PromiseType(StrEnum):
    PATROL = "patrol"
    SAFETY_WALK = "safety_walk"
    VOLUNTEERS = "volunteers"
    DRUGS = "drugs"
    OTHER = "other"
    NEIGHBOURHOOD_WATCH = "neighbourhood_watch"


class PatrolMode(StrEnum):
    FOOT = "foot"
    CAR = "car"
    BICYCLE = "bicycle"
    OTHER = "other"


class WalkStatus(StrEnum):
    PLANNED = "planned"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class LightCondition(StrEnum):
    DAYLIGHT = "daylight"
    DARK = "dark"


class ParticipantGroup(StrEnum):
    MUNICIPALITY = "municipality"
    POLICE = "police"
    PROPERTY_OWNERS = "property_owners"
    BUSINESS = "business"
    ASSOCIATIONS = "associations"
    RESIDENTS = "residents"
    POLITICIANS = "politicians"
    OTHERS = "others"


class ObservationCategory(StrEnum):
    LIGHTING = "lighting"
    VEGETATION = "vegetation"
    GRAFFITI_VANDALISM = "graffiti_vandalism"
    LITTER = "litter"
    PATHS_TRAFFIC = "paths_traffic"
    DESERTED = "deserted"
    VISIBLE_DRUG_USE = "visible_drug_use"
    OTHER = "other"
    POSITIVE = "positive"


class ActionOwner(StrEnum):
    MUNICIPAL_OFFICE = "municipal_office"
    PROPERTY_OWNER = "property_owner"
    TRANSPORT_ADMINISTRATION = "transport_administration"
    POLICE = "police"
    OTHER = "other"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"


class VolunteerTask(StrEnum):
    PRESENCE = "presence"
    EVENT = "event"
    INFORMATION = "information"
    VICTIM_SUPPORT = "victim_support"
    OTHER = "other"


class AgeGroup(StrEnum):
    UNDER_18 = "under_18"
    AGE_18_25 = "18_25"
    AGE_26_PLUS = "26_plus"


class DrugCaseKind(StrEnum):
    OWN_USE = "own_use"
    POSSESSION = "possession"
    SUPPLY = "supply"
    DRIVING = "driving"
    OTHER = "other"


class DetectionMethod(StrEnum):
    CHECK = "check"
    SURVEILLANCE = "surveillance"
    TIP = "tip"
    OTHER = "other"


class LegalOutcome(StrEnum):
    UNDER_INVESTIGATION = "under_investigation"
    REPORTED = "reported"
    SUMMARY_FINE = "summary_fine"
    PROSECUTED = "prosecuted"
    DISCONTINUED = "discontinued"


class NotificationKind(StrEnum):
    """How the municipality was told: a report of concern for under 18, otherwise a notice or an
    offer of contact (as in SMADIT)."""

    REPORT_OF_CONCERN = "report_of_concern"
    NOTICE = "notice"
    CONTACT_OFFER = "contact_offer"


class SupportOffered(StrEnum):
    TALK = "talk"
    OUTPATIENT = "outpatient"
    SSPF = "sspf"
    TREATMENT = "treatment"
    OTHER = "other"
    NONE = "none"


class Accepted(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class CaseStatus(StrEnum):
    ONGOING = "ongoing"
    CLOSED = "closed"


class NeighbourhoodMeeting(StrEnum):
    """What kind of grannsamverkan meeting it was."""

    MEETING = "meeting"
    INFORMATION_EVENING = "information_evening"


class Comparison(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class TargetPeriod(StrEnum):
    QUARTER = "quarter"
    YEAR = "year"
    AGREEMENT = "agreement"


class Measure(StrEnum):
    """What a target counts. The tracking engine computes each from the records."""

    RECORD_COUNT = "record_count"
    WALKS_COMPLETED = "walks_completed"
    SHOP_VISITS = "shop_visits"
    PATROL_HOURS = "patrol_hours"
    PATROL_HOURS_EVENING_NIGHT = "patrol_hours_evening_night"
    VOLUNTEER_DEPLOYMENTS = "volunteer_deployments"
    VOLUNTEER_HOURS = "volunteer_hours"
    VOLUNTEER_SHARE_WITH_MUNICIPALITY = "volunteer_share_with_municipality"
    VOLUNTEER_SHARE_WITH_BUSINESS = "volunteer_share_with_business"
    DRUG_CASES = "drug_cases"
    DRUG_SHARE_NOTIFIED = "drug_share_notified"
    DRUG_SHARE_CONTACTED_WITHIN_DAYS = "drug_share_contacted_within_days"
    DRUG_MEDIAN_DAYS_TO_CONTACT = "drug_median_days_to_contact"
    ACTIONS_OPEN = "actions_open"
    ACTIONS_OVERDUE = "actions_overdue"
    ACTIONS_SHARE_CLOSED_BY_DEADLINE = "actions_share_closed_by_deadline"
    HOURS_SPENT = "hours_spent"
    HOUSEHOLDS_REACHED = "households_reached"
    NEW_GROUPS = "new_groups"


_LABEL_PAIRS_SV: tuple[tuple[StrEnum, str], ...] = (
    (Organisation.POLICE, "Polisen"),
    (Organisation.MUNICIPALITY, "Kommunen"),
    (Organisation.OTHER, "Annan"),
    (Responsible.POLICE, "Polisen"),
    (Responsible.MUNICIPALITY, "Kommunen"),
    (Responsible.BOTH, "Polisen och kommunen"),
    (PromiseType.PATROL, "Polisiär närvaro och butiksbesök"),
    (PromiseType.SAFETY_WALK, "Trygghetsvandring"),
    (PromiseType.VOLUNTEERS, "Polisvolontärer"),
    (PromiseType.DRUGS, "Narkotika"),
    (PromiseType.OTHER, "Övrig aktivitet"),
    (PromiseType.NEIGHBOURHOOD_WATCH, "Grannsamverkan"),
    (NeighbourhoodMeeting.MEETING, "träff"),
    (NeighbourhoodMeeting.INFORMATION_EVENING, "informationskväll"),
    (PatrolMode.FOOT, "till fots"),
    (PatrolMode.CAR, "bil"),
    (PatrolMode.BICYCLE, "cykel"),
    (PatrolMode.OTHER, "annat"),
    (WalkStatus.PLANNED, "planerad"),
    (WalkStatus.COMPLETED, "genomförd"),
    (WalkStatus.CANCELLED, "inställd"),
    (LightCondition.DAYLIGHT, "dagsljus"),
    (LightCondition.DARK, "mörker"),
    (ParticipantGroup.MUNICIPALITY, "kommunen"),
    (ParticipantGroup.POLICE, "polisen"),
    (ParticipantGroup.PROPERTY_OWNERS, "fastighetsägare"),
    (ParticipantGroup.BUSINESS, "näringsliv"),
    (ParticipantGroup.ASSOCIATIONS, "föreningar"),
    (ParticipantGroup.RESIDENTS, "boende/medborgare"),
    (ParticipantGroup.POLITICIANS, "politiker"),
    (ParticipantGroup.OTHERS, "övriga"),
    (ObservationCategory.LIGHTING, "belysning"),
    (ObservationCategory.VEGETATION, "vegetation/skymd sikt"),
    (ObservationCategory.GRAFFITI_VANDALISM, "klotter och skadegörelse"),
    (ObservationCategory.LITTER, "nedskräpning"),
    (ObservationCategory.PATHS_TRAFFIC, "gångväg och trafik"),
    (ObservationCategory.DESERTED, "öde plats/folkliv"),
    (ObservationCategory.VISIBLE_DRUG_USE, "synligt missbruk"),
    (ObservationCategory.OTHER, "annat"),
    (ObservationCategory.POSITIVE, "positivt – bevara"),
    (ActionOwner.MUNICIPAL_OFFICE, "kommunal förvaltning"),
    (ActionOwner.PROPERTY_OWNER, "fastighetsägare"),
    (ActionOwner.TRANSPORT_ADMINISTRATION, "Trafikverket"),
    (ActionOwner.POLICE, "Polisen"),
    (ActionOwner.OTHER, "annan"),
    (Priority.HIGH, "hög"),
    (Priority.MEDIUM, "medel"),
    (Priority.LOW, "låg"),
    (ActionStatus.OPEN, "öppen"),
    (ActionStatus.IN_PROGRESS, "pågående"),
    (ActionStatus.DONE, "åtgärdad"),
    (ActionStatus.REJECTED, "avslagen"),
    (VolunteerTask.PRESENCE, "närvaro/nattvandring"),
    (VolunteerTask.EVENT, "evenemang"),
    (VolunteerTask.INFORMATION, "information"),
    (VolunteerTask.VICTIM_SUPPORT, "brottsofferstöd"),
    (VolunteerTask.OTHER, "annat"),
    (AgeGroup.UNDER_18, "under 18 år"),
    (AgeGroup.AGE_18_25, "18–25 år"),
    (AgeGroup.AGE_26_PLUS, "26 år och äldre"),
    (DrugCaseKind.OWN_USE, "eget bruk"),
    (DrugCaseKind.POSSESSION, "innehav"),
    (DrugCaseKind.SUPPLY, "överlåtelse/försäljning"),
    (DrugCaseKind.DRIVING, "narkotika i trafiken"),
    (DrugCaseKind.OTHER, "annat"),
    (DetectionMethod.CHECK, "kontroll"),
    (DetectionMethod.SURVEILLANCE, "spaning"),
    (DetectionMethod.TIP, "tips"),
    (DetectionMethod.OTHER, "annat"),
    (LegalOutcome.UNDER_INVESTIGATION, "under utredning"),
    (LegalOutcome.REPORTED, "rapport/anmälan"),
    (LegalOutcome.SUMMARY_FINE, "strafföreläggande"),
    (LegalOutcome.PROSECUTED, "åtal"),
    (LegalOutcome.DISCONTINUED, "nedlagd"),
    (NotificationKind.REPORT_OF_CONCERN, "orosanmälan"),
    (NotificationKind.NOTICE, "underrättelse"),
    (NotificationKind.CONTACT_OFFER, "erbjudande om kontakt"),
    (SupportOffered.TALK, "samtal"),
    (SupportOffered.OUTPATIENT, "öppenvård"),
    (SupportOffered.SSPF, "SSPF-insats"),
    (SupportOffered.TREATMENT, "behandling"),
    (SupportOffered.OTHER, "annat"),
    (SupportOffered.NONE, "inget"),
    (Accepted.YES, "ja"),
    (Accepted.NO, "nej"),
    (Accepted.UNKNOWN, "okänt"),
    (CaseStatus.ONGOING, "pågående"),
    (CaseStatus.CLOSED, "avslutad"),
    (Comparison.AT_LEAST, "minst"),
    (Comparison.AT_MOST, "högst"),
    (TargetPeriod.QUARTER, "per kvartal"),
    (TargetPeriod.YEAR, "per år"),
    (TargetPeriod.AGREEMENT, "under hela överenskommelsen"),
    (Measure.RECORD_COUNT, "antal aktiviteter"),
    (Measure.WALKS_COMPLETED, "genomförda trygghetsvandringar"),
    (Measure.SHOP_VISITS, "butiksbesök"),
    (Measure.PATROL_HOURS, "timmar polisiär närvaro"),
    (Measure.PATROL_HOURS_EVENING_NIGHT, "timmar polisiär närvaro kväll och natt"),
    (Measure.VOLUNTEER_DEPLOYMENTS, "volontärinsatser"),
    (Measure.VOLUNTEER_HOURS, "volontärtimmar"),
    (Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY, "andel insatser i samråd med kommunen"),
    (Measure.VOLUNTEER_SHARE_WITH_BUSINESS, "andel insatser i samråd med näringslivet"),
    (Measure.DRUG_CASES, "narkotikaärenden"),
    (Measure.DRUG_SHARE_NOTIFIED, "andel ärenden där kommunen underrättats"),
    (Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS, "andel ärenden med kommunal kontakt inom N dagar"),
    (Measure.DRUG_MEDIAN_DAYS_TO_CONTACT, "mediantid till kommunal kontakt (dagar)"),
    (Measure.ACTIONS_OPEN, "öppna åtgärder"),
    (Measure.ACTIONS_OVERDUE, "försenade åtgärder"),
    (Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE, "andel åtgärder klara i tid"),
    (Measure.HOURS_SPENT, "nedlagda timmar"),
    (Measure.HOUSEHOLDS_REACHED, "nådda hushåll i grannsamverkan"),
    (Measure.NEW_GROUPS, "nya grannsamverkansgrupper"),
)


# Keyed by (enum class, value): members of different enums share values ("other") and, being
# strings, would collide as plain dictionary keys.
_LABELS_SV: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): text for member, text in _LABEL_PAIRS_SV
}


def label(member: StrEnum) -> str:
    """The Swedish text for an enum member."""
    return _LABELS_SV[(type(member), member.value)]


ALL_ENUMS: tuple[type[StrEnum], ...] = (
    Organisation,
    Responsible,
    PromiseType,
    PatrolMode,
    WalkStatus,
    LightCondition,
    ParticipantGroup,
    ObservationCategory,
    ActionOwner,
    Priority,
    ActionStatus,
    VolunteerTask,
    AgeGroup,
    DrugCaseKind,
    DetectionMethod,
    LegalOutcome,
    NotificationKind,
    SupportOffered,
    Accepted,
    CaseStatus,
    NeighbourhoodMeeting,
    Comparison,
    TargetPeriod,
    Measure,
)
