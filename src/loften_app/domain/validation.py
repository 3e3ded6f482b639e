"""Validation of every record type before it is saved.

Each `validate_*` function takes the `*Data` of one record type and returns every problem as a
`ValidationIssue` tied to the data class's field name (`end_time`, `shop_visits[0].note`,
`observations[2].action.deadline`, `participants.residents`), with a Swedish message that says
what is wrong and how to put it right. An empty list means the record may be saved.
`validate` picks the right function by type and `raise_if_invalid` raises `ValidationError`.

Two guards apply to every record type and are generic, so that a field added later cannot
escape them: `check_free_text` refuses a personnummer or samordningsnummer in any text field
(DOMAIN.md, "Privacy"), and every date must lie in the years 2000–2100 (a typo such as 2108
would otherwise end up in a report).

Validators that compare with the current date take a keyword `today`; the check is skipped when
it is None, so that the functions stay pure and testable.

Stable issue codes: see the `CODE_*` constants below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterator

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Measure,
    NotificationKind,
    ParticipantGroup,
    WalkStatus,
    label,
)
from loften_app.domain.errors import ValidationError, ValidationIssue
from loften_app.domain.periods import add_months, parse_period
from loften_app.domain.personnummer import find_identity_numbers, identity_number_message
from loften_app.domain.records import (
    ActionData,
    AgreementData,
    DrugCaseData,
    IndicatorData,
    IndicatorValueData,
    ObservationData,
    OtherActivityData,
    PatrolData,
    PlaceData,
    PromiseData,
    SafetyWalkData,
    ShopData,
    TargetData,
    VolunteerDeploymentData,
)

__all__ = [
    "CODE_DATE_ORDER",
    "CODE_DATE_RANGE",
    "CODE_DUPLICATE",
    "CODE_FORMAT",
    "CODE_FUTURE",
    "CODE_NEGATIVE",
    "CODE_NOT_ALLOWED",
    "CODE_NOT_FINITE",
    "CODE_NO_FIRST_CONTACT",
    "CODE_PERIOD",
    "CODE_PERSONNUMMER",
    "CODE_POLICE_CASE_NUMBER",
    "CODE_REPORT_OF_CONCERN",
    "CODE_REQUIRED",
    "CODE_SAME_TIME",
    "CODE_SHARE_RANGE",
    "CODE_TIMEZONE",
    "CODE_TOO_LARGE",
    "CODE_TOO_SMALL",
    "DEFAULT_ACTION_DEADLINE_MONTHS",
    "MAX_HOURS_SPENT",
    "MAX_YEAR",
    "MIN_YEAR",
    "check_free_text",
    "raise_if_invalid",
    "validate",
    "validate_agreement",
    "validate_drug_case",
    "validate_indicator",
    "validate_indicator_value",
    "validate_other_activity",
    "validate_patrol",
    "validate_place",
    "validate_promise",
    "validate_safety_walk",
    "validate_shop",
    "validate_target",
    "validate_volunteer_deployment",
    "with_defaults",
]

#: An action without a deadline is due this many months after its safety walk (DOMAIN.md).
DEFAULT_ACTION_DEADLINE_MONTHS = 6

#: Every date of every record lies in these years (both included).
MIN_YEAR = 2000
MAX_YEAR = 2100

#: More hours than this on one record is taken for a typo.
MAX_HOURS_SPENT = 10_000.0

_HOURS_PER_DAY = 24

CODE_REQUIRED = "required"
CODE_NEGATIVE = "negative"
CODE_TOO_SMALL = "too_small"
CODE_TOO_LARGE = "too_large"
CODE_NOT_FINITE = "not_finite"
CODE_PERSONNUMMER = "personnummer"
CODE_DATE_RANGE = "date_range"
CODE_DATE_ORDER = "date_order"
CODE_FUTURE = "future"
CODE_SAME_TIME = "same_time"
CODE_TIMEZONE = "timezone"
CODE_DUPLICATE = "duplicate"
CODE_NOT_ALLOWED = "not_allowed"
CODE_FORMAT = "format"
CODE_POLICE_CASE_NUMBER = "police_case_number"
CODE_REPORT_OF_CONCERN = "report_of_concern"
CODE_NO_FIRST_CONTACT = "no_first_contact"
CODE_SHARE_RANGE = "share_range"
CODE_PERIOD = "period"

# N-2018-014: the application's own pseudonymous case code.
_CASE_CODE = re.compile(r"N-[0-9]{4}-[0-9]{3,}")
# The police's own case numbers (5000-K123456-18, K123456-18) and the prosecutors'
# (AM-123456-18): these must never be stored.
_POLICE_CASE_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9]{4}\s*-\s*)?(?:K|AM)\s*-?\s*[0-9]{2,}\s*-\s*[0-9]{2}(?![0-9])",
    re.IGNORECASE,
)

# Swedish names of the fields, for messages that must make sense without the form beside them.
_FIELD_LABELS: dict[str, str] = {
    "municipality": "Kommun",
    "police_area": "Lokalpolisområde",
    "title": "Titel",
    "period_start": "Periodens början",
    "period_end": "Periodens slut",
    "follow_up_due": "Datum för uppföljning",
    "publication": "Var uppföljningen publiceras",
    "background": "Bakgrund",
    "aims": "Det här ska vi åstadkomma",
    "agreement_id": "Överenskommelse",
    "promise_id": "Löfte",
    "indicator_id": "Indikator",
    "number": "Löftets nummer",
    "text": "Löftets text",
    "short_title": "Kort titel",
    "responsibility_note": "Kommentar om ansvar",
    "follow_up_comment": "Kommentar till uppföljningen",
    "internal_comment": "Intern kommentar",
    "value": "Värde",
    "parameter": "Antal dagar",
    "description": "Beskrivning",
    "name": "Namn",
    "address": "Adress",
    "kind": "Typ",
    "source": "Källa",
    "unit": "Enhet",
    "period_key": "Period",
    "source_note": "Kommentar om källan",
    "note": "Anteckning",
    "notes": "Anteckningar",
    "date": "Datum",
    "start_time": "Starttid",
    "end_time": "Sluttid",
    "place_ids": "Platser",
    "officers": "Antal poliser",
    "shop_visits": "Butiksbesök",
    "shop_id": "Butik",
    "disturbances": "Ordningsstörningar",
    "visible_drug_use": "Synligt missbruk",
    "hours_spent": "Nedlagd tid",
    "route": "Område och rutt",
    "participants": "Deltagare",
    "observations": "Iakttagelse",
    "photos": "Foto",
    "action": "Åtgärd",
    "what": "Vad",
    "owner_detail": "Vem som är ansvarig",
    "deadline": "Klart senast",
    "rejection_reason": "Skäl till avslag",
    "closed_on": "Datum avslutad",
    "preparatory_meeting_on": "Datum för förmötet",
    "protocol_published_on": "Datum då protokollet skickades/publicerades",
    "cancellation_reason": "Skäl till att vandringen ställdes in",
    "volunteers": "Antal volontärer",
    "volunteer_hours_override": "Volontärtimmar",
    "observations_passed": "Iakttagelser lämnade till polisen",
    "case_code": "Ärendekod",
    "detected_on": "Datum upptäckt",
    "municipality_notified_on": "Datum då kommunen underrättades",
    "notification_kind": "Hur kommunen underrättades",
    "police_notes": "Polisens anteckningar",
    "first_contact_on": "Datum för första kontakt",
    "support_offered": "Erbjudet stöd",
    "accepted": "Accepterat",
    "municipal_notes": "Kommunens anteckningar",
    "count": "Antal",
    "status": "Status",
}

_SEGMENT = re.compile(r"(?P<name>[^\[\]]+)(?:\[(?P<index>[0-9]+)\])?")


def _field_label(path: str) -> str:
    """Swedish name of a field path.

    `observations[2].action.what` gives "Iakttagelse 3, åtgärd, vad".
    """
    parts: list[str] = []
    parent = ""
    for segment in path.split("."):
        match = _SEGMENT.fullmatch(segment)
        name = match["name"] if match else segment
        if parent == "participants" and name in ParticipantGroup._value2member_map_:
            text = label(ParticipantGroup(name))
        else:
            text = _FIELD_LABELS.get(name, name.replace("_", " "))
        if match and match["index"] is not None:
            text = f"{text} {int(match['index']) + 1}"
        parts.append(text if not parts else text[:1].lower() + text[1:])
        parent = name
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _is_id_field(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


def _is_dataclass_instance(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _leaves(data: object, prefix: str) -> Iterator[tuple[str, object]]:
    """Every value of a data class instance, recursively, with its field path; ids excluded."""
    for f in dataclasses.fields(data):  # type: ignore[arg-type]
        if _is_id_field(f.name):
            continue
        yield from _values(getattr(data, f.name), _join(prefix, f.name))


def _values(value: object, path: str) -> Iterator[tuple[str, object]]:
    if _is_dataclass_instance(value):
        yield from _leaves(value, path)
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _values(item, f"{path}[{index}]")
    else:
        yield path, value


def _require_dataclass(data: object) -> None:
    if not _is_dataclass_instance(data):
        raise TypeError(f"expected a data class instance, got {type(data).__name__}")


def check_free_text(data: object, prefix: str = "") -> list[ValidationIssue]:
    """An issue (code "personnummer") for every text field of `data` that holds a personnummer or
    samordningsnummer.

    Walks the data class instance recursively: nested data classes, tuples of them and tuples of
    text (photo file names) included. Only id fields (`id`, `*_id`, `*_ids`) are skipped.
    `prefix` is put before every field path (`observations[0]`).
    """
    _require_dataclass(data)
    issues: list[ValidationIssue] = []
    for path, value in _leaves(data, prefix):
        if not isinstance(value, str):
            continue
        matches = find_identity_numbers(value)
        if matches:
            message = f"{_field_label(path)}: {identity_number_message(matches[0])}"
            issues.append(ValidationIssue(path, CODE_PERSONNUMMER, message))
    return issues


def _check_date_range(data: object, prefix: str = "") -> list[ValidationIssue]:
    """An issue (code "date_range") for every date of `data` outside MIN_YEAR–MAX_YEAR."""
    issues: list[ValidationIssue] = []
    for path, value in _leaves(data, prefix):
        if isinstance(value, dt.date) and not MIN_YEAR <= value.year <= MAX_YEAR:
            message = (
                f"{_field_label(path)}: {value.isoformat()} ligger utanför åren "
                f"{MIN_YEAR}–{MAX_YEAR}. Kontrollera årtalet och rätta datumet."
            )
            issues.append(ValidationIssue(path, CODE_DATE_RANGE, message))
    return issues


def _time_text(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _number_text(value: float) -> str:
    """A number as a Swede writes it: 2,5, 10 and 10 000 (no trailing ",0")."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}".replace(".", ",")


class _Issues:
    """Collects the issues of one record; the helpers write the common messages."""

    def __init__(self) -> None:
        self.items: list[ValidationIssue] = []

    def add(self, path: str, code: str, message: str) -> None:
        self.items.append(ValidationIssue(path, code, message))

    def required_text(self, path: str, value: str, hint: str, name: str = "") -> None:
        """`value` must hold more than blanks; `name` overrides the field's Swedish name."""
        if not value.strip():
            self.add(path, CODE_REQUIRED, f"{name or _field_label(path)} saknas. {hint}")

    def required_id(self, path: str, value: str | None, hint: str) -> None:
        if value is None or not value.strip():
            self.add(path, CODE_REQUIRED, f"{_field_label(path)} saknas. {hint}")

    def count(self, path: str, value: int | None, minimum: int = 0, hint: str = "") -> None:
        """`value` must be at least `minimum` (0 or 1); None is accepted (not given)."""
        if value is None or value >= minimum:
            return
        what = _field_label(path)
        if value < 0:
            message = f"{what}: {value} är ett negativt tal. Ange ett antal från {minimum}."
            self.add(path, CODE_NEGATIVE, f"{message} {hint}".rstrip())
        else:
            message = f"{what} måste vara minst {minimum}."
            self.add(path, CODE_TOO_SMALL, f"{message} {hint}".rstrip())

    def finite(self, path: str, value: float) -> bool:
        if math.isfinite(value):
            return True
        self.add(
            path,
            CODE_NOT_FINITE,
            f"{_field_label(path)} är inte ett tal. Skriv ett vanligt tal, t.ex. 2,5.",
        )
        return False

    def hours(self, path: str, value: float | None, maximum: float, too_large: str) -> None:
        """Hours: not given, or a real number from 0 to `maximum`."""
        if value is None or not self.finite(path, value):
            return
        if value < 0:
            self.add(
                path,
                CODE_NEGATIVE,
                f"{_field_label(path)}: {_number_text(value)} timmar är ett negativt tal. "
                "Ange antalet timmar som 0 eller mer, eller lämna fältet tomt.",
            )
        elif value > maximum:
            self.add(path, CODE_TOO_LARGE, too_large)

    def hours_spent(self, path: str, value: float | None) -> None:
        self.hours(
            path,
            value,
            MAX_HOURS_SPENT,
            f"Nedlagd tid {_number_text(value or 0)} timmar är orimligt mycket för en post "
            f"(högst {_number_text(MAX_HOURS_SPENT)}). Kontrollera siffran; tiden anges i "
            "timmar, inte minuter.",
        )

    def not_before(
        self, path: str, value: dt.date | None, earliest: dt.date, earliest_text: str
    ) -> None:
        if value is not None and value < earliest:
            self.add(
                path,
                CODE_DATE_ORDER,
                f"{_field_label(path)} ({value.isoformat()}) kan inte vara före {earliest_text} "
                f"({earliest.isoformat()}). Rätta något av datumen.",
            )

    def not_future(
        self, path: str, value: dt.date | None, today: dt.date | None, hint: str
    ) -> None:
        if today is not None and value is not None and value > today:
            self.add(
                path,
                CODE_FUTURE,
                f"{_field_label(path)} ({value.isoformat()}) ligger efter dagens datum "
                f"({today.isoformat()}). {hint}",
            )

    def finish(self, data: object) -> list[ValidationIssue]:
        """The collected issues followed by the generic date and free-text checks."""
        return [*self.items, *_check_date_range(data), *check_free_text(data)]


# --- shared parts of several record types ---------------------------------------------------------


def _check_shift(issues: _Issues, start: dt.time, end: dt.time) -> None:
    """Start and end of a shift: naive times, and not equal (a shift may cross midnight)."""
    for path, value in (("start_time", start), ("end_time", end)):
        if value.tzinfo is not None:
            issues.add(
                path,
                CODE_TIMEZONE,
                f"{_field_label(path)} har en tidszon. Ange tiden som vanlig klocktid "
                "(t.ex. 21:00) utan tidszon.",
            )
    if start.replace(tzinfo=None) == end.replace(tzinfo=None):
        issues.add(
            "end_time",
            CODE_SAME_TIME,
            f"Sluttiden är densamma som starttiden ({_time_text(start)}), så passet saknar "
            "längd. Ange när passet slutade. Ett pass över midnatt går bra: 21:00–02:00 är ett "
            "pass på fem timmar som slutar dagen efter.",
        )


def _check_places(issues: _Issues, place_ids: tuple[str, ...], what: str) -> None:
    if not place_ids:
        issues.add(
            "place_ids",
            CODE_REQUIRED,
            f"Ingen plats är vald. Välj minst en plats där {what} gjordes; "
            "en ny plats kan läggas till från formuläret.",
        )
    elif any(not place_id.strip() for place_id in place_ids):
        issues.add("place_ids", CODE_REQUIRED, "En av platserna är tom. Välj en plats i listan.")
    if len(set(place_ids)) != len(place_ids):
        issues.add(
            "place_ids",
            CODE_DUPLICATE,
            "Samma plats är vald mer än en gång. Ta bort dubbletten.",
        )


_PROMISE_HINT = "Välj vilket löfte posten hör till."


# --- registers ------------------------------------------------------------------------------------


def validate_agreement(data: AgreementData) -> list[ValidationIssue]:
    """Issues of a cooperation agreement (samverkansöverenskommelse)."""
    issues = _Issues()
    issues.required_text(
        "municipality", data.municipality, "Ange kommunen, t.ex. Filipstads kommun."
    )
    issues.required_text(
        "police_area", data.police_area, "Ange lokalpolisområdet som kommunen samverkar med."
    )
    issues.required_text(
        "title", data.title, "Ge överenskommelsen en titel, t.ex. Medborgarlöften 2017–2018."
    )
    if data.period_end <= data.period_start:
        issues.add(
            "period_end",
            CODE_DATE_ORDER,
            f"Periodens slut ({data.period_end.isoformat()}) måste komma efter periodens början "
            f"({data.period_start.isoformat()}). Rätta något av datumen.",
        )
    if data.follow_up_due is not None and data.follow_up_due < data.period_end:
        issues.add(
            "follow_up_due",
            CODE_DATE_ORDER,
            f"Uppföljningen ({data.follow_up_due.isoformat()}) kan inte vara före periodens slut "
            f"({data.period_end.isoformat()}): den görs efter perioden, oftast första kvartalet "
            "efter. Välj ett senare datum.",
        )
    return issues.finish(data)


def validate_promise(data: PromiseData) -> list[ValidationIssue]:
    """Issues of a promise (medborgarlöfte)."""
    issues = _Issues()
    issues.required_id(
        "agreement_id", data.agreement_id, "Välj vilken överenskommelse löftet hör till."
    )
    issues.count("number", data.number, 1, "Ange löftets nummer, t.ex. 1 för det första löftet.")
    issues.required_text("text", data.text, "Skriv löftets text ordagrant som i överenskommelsen.")
    issues.required_text(
        "short_title",
        data.short_title,
        "Skriv en kort titel som visas i listor och rapporter, t.ex. Trygghetsvandringar.",
    )
    return issues.finish(data)


def _is_share(measure: Measure) -> bool:
    return "share" in measure.value


def validate_target(data: TargetData) -> list[ValidationIssue]:
    """Issues of a target (mål) of a promise."""
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, "Välj vilket löfte målet hör till.")
    if issues.finite("value", data.value):
        if data.value < 0:
            issues.add(
                "value",
                CODE_NEGATIVE,
                f"Målets värde kan inte vara negativt ({_number_text(data.value)}). "
                "Ange 0 eller mer.",
            )
        elif _is_share(data.measure) and data.value > 1:
            issues.add(
                "value",
                CODE_SHARE_RANGE,
                f"Målet är en andel ({label(data.measure)}) och anges som ett tal mellan 0 och 1, "
                f"men värdet är {_number_text(data.value)}. Skriv t.ex. 0,8 för 80 procent.",
            )
    if data.measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS:
        if data.parameter is None:
            issues.add(
                "parameter",
                CODE_REQUIRED,
                "Ange inom hur många dagar kommunen ska ha fått kontakt (SMADIT siktar på "
                "1 dygn); måttet räknar andelen ärenden med kontakt inom så många dagar.",
            )
        else:
            issues.count("parameter", data.parameter, 0)
    return issues.finish(data)


def validate_place(data: PlaceData) -> list[ValidationIssue]:
    """Issues of a place in the place register."""
    issues = _Issues()
    issues.required_text("name", data.name, "Ge platsen ett namn, t.ex. Stora torget.")
    return issues.finish(data)


def validate_shop(data: ShopData) -> list[ValidationIssue]:
    """Issues of a shop in the shop register."""
    issues = _Issues()
    issues.required_text("name", data.name, "Skriv butikens namn.")
    return issues.finish(data)


def validate_indicator(data: IndicatorData) -> list[ValidationIssue]:
    """Issues of an indicator (outcome measure)."""
    issues = _Issues()
    issues.required_text(
        "name", data.name, "Ge indikatorn ett namn, t.ex. Andel otrygga i centrum kvällstid."
    )
    issues.required_text(
        "source",
        data.source,
        "Ange var siffrorna kommer ifrån, t.ex. Polisens trygghetsmätning eller Brås NTU.",
    )
    return issues.finish(data)


def validate_indicator_value(data: IndicatorValueData) -> list[ValidationIssue]:
    """Issues of one value of an indicator."""
    issues = _Issues()
    issues.required_id("indicator_id", data.indicator_id, "Välj vilken indikator värdet hör till.")
    if not data.period_key.strip():
        issues.add(
            "period_key",
            CODE_REQUIRED,
            "Period saknas. Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31.",
        )
    else:
        try:
            parse_period(data.period_key)
        except ValueError as exc:
            issues.add("period_key", CODE_PERIOD, str(exc))
    issues.finite("value", data.value)
    return issues.finish(data)


# --- activities -----------------------------------------------------------------------------------


def validate_patrol(data: PatrolData) -> list[ValidationIssue]:
    """Issues of a patrol shift with its shop visits."""
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, _PROMISE_HINT)
    _check_shift(issues, data.start_time, data.end_time)
    _check_places(issues, data.place_ids, "passet")
    issues.count("officers", data.officers, 1, "Ange hur många poliser som deltog i passet.")
    first_visit: dict[str, int] = {}
    for index, visit in enumerate(data.shop_visits):
        path = f"shop_visits[{index}].shop_id"
        if not visit.shop_id.strip():
            issues.add(
                path,
                CODE_REQUIRED,
                f"Butiksbesök {index + 1} saknar butik. Välj butiken i listan eller ta bort raden.",
            )
        elif visit.shop_id in first_visit:
            issues.add(
                path,
                CODE_DUPLICATE,
                f"Butiksbesök {index + 1} gäller samma butik som butiksbesök "
                f"{first_visit[visit.shop_id] + 1}. Ta bort dubbletten och samla det butiken "
                "sa i en anteckning.",
            )
        else:
            first_visit[visit.shop_id] = index
    issues.count("disturbances", data.disturbances)
    issues.count("visible_drug_use", data.visible_drug_use)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def _check_action(
    issues: _Issues, action: ActionData, prefix: str, walk_date: dt.date, today: dt.date | None
) -> None:
    issues.required_text(
        f"{prefix}.what",
        action.what,
        "Skriv vad som ska göras, t.ex. Byta trasig belysning.",
        name=f"{_field_label(prefix)}, vad som ska göras",
    )
    if action.owner is ActionOwner.OTHER:
        issues.required_text(
            f"{prefix}.owner_detail",
            action.owner_detail,
            "Ansvarig är ”annan”: skriv vem som har rådighet över platsen.",
        )
    issues.not_before(f"{prefix}.deadline", action.deadline, walk_date, "vandringens datum")
    if action.status is ActionStatus.REJECTED:
        issues.required_text(
            f"{prefix}.rejection_reason",
            action.rejection_reason,
            "En avslagen åtgärd behöver ett skäl; skriv varför den inte genomförs.",
        )
    closed_path = f"{prefix}.closed_on"
    if action.is_closed:
        if action.closed_on is None:
            issues.add(
                closed_path,
                CODE_REQUIRED,
                f"{_field_label(closed_path)} saknas. Åtgärden är {label(action.status)}: "
                "ange vilket datum den avslutades.",
            )
    elif action.closed_on is not None:
        issues.add(
            closed_path,
            CODE_NOT_ALLOWED,
            f"Åtgärden är {label(action.status)} men har ett datum avslutad "
            f"({action.closed_on.isoformat()}). Ta bort datumet, eller ändra status till "
            "åtgärdad eller avslagen.",
        )
    issues.not_before(closed_path, action.closed_on, walk_date, "vandringens datum")
    issues.not_future(closed_path, action.closed_on, today, "En åtgärd kan inte avslutas i förväg.")


def _check_observation(
    issues: _Issues,
    observation: ObservationData,
    prefix: str,
    walk_date: dt.date,
    today: dt.date | None,
) -> None:
    issues.required_text(
        f"{prefix}.description",
        observation.description,
        "Beskriv vad deltagarna såg, t.ex. Mörk gångtunnel, två lampor trasiga.",
    )
    if observation.action is not None:
        _check_action(issues, observation.action, f"{prefix}.action", walk_date, today)


def validate_safety_walk(
    data: SafetyWalkData, *, today: dt.date | None = None
) -> list[ValidationIssue]:
    """Issues of a safety walk with its observations and actions.

    With `today`, a completed walk and a closed action may not be dated after it.
    """
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, _PROMISE_HINT)
    if data.status is WalkStatus.COMPLETED:
        issues.not_future(
            "date",
            data.date,
            today,
            "En genomförd vandring kan inte ha ett datum framåt i tiden. Rätta datumet, "
            "eller sätt status till planerad.",
        )
        if data.participants.total == 0:
            issues.add(
                "participants",
                CODE_REQUIRED,
                "Vandringen är genomförd men har inga deltagare. Ange hur många som deltog i "
                "varje grupp (antal, aldrig namn).",
            )
    if data.status is WalkStatus.CANCELLED:
        issues.required_text(
            "cancellation_reason",
            data.cancellation_reason,
            "Skriv varför vandringen ställdes in; det syns i uppföljningen.",
        )
    for f in dataclasses.fields(data.participants):
        issues.count(f"participants.{f.name}", getattr(data.participants, f.name))
    if data.preparatory_meeting_on is not None and data.preparatory_meeting_on > data.date:
        issues.add(
            "preparatory_meeting_on",
            CODE_DATE_ORDER,
            f"Förmötet ({data.preparatory_meeting_on.isoformat()}) kan inte vara efter "
            f"vandringen ({data.date.isoformat()}). Rätta något av datumen.",
        )
    issues.not_before(
        "protocol_published_on", data.protocol_published_on, data.date, "vandringens datum"
    )
    issues.hours_spent("hours_spent", data.hours_spent)
    for index, observation in enumerate(data.observations):
        _check_observation(issues, observation, f"observations[{index}]", data.date, today)
    return issues.finish(data)


def validate_volunteer_deployment(data: VolunteerDeploymentData) -> list[ValidationIssue]:
    """Issues of a deployment of police volunteers."""
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, _PROMISE_HINT)
    _check_shift(issues, data.start_time, data.end_time)
    _check_places(issues, data.place_ids, "insatsen")
    issues.count(
        "volunteers", data.volunteers, 1, "Ange hur många volontärer som deltog (antal, inga namn)."
    )
    override = data.volunteer_hours_override
    # With no valid number of volunteers the upper bound is meaningless; `volunteers` has its
    # own issue then.
    maximum = data.volunteers * _HOURS_PER_DAY if data.volunteers >= 1 else math.inf
    issues.hours(
        "volunteer_hours_override",
        override,
        maximum,
        f"{_number_text(override or 0)} volontärtimmar är fler än {data.volunteers} "
        f"volontärer hinner på ett pass (högst {data.volunteers} × {_HOURS_PER_DAY} = "
        f"{maximum} timmar). Rätta timmarna eller antalet volontärer, eller töm fältet så "
        "räknas timmarna som antal volontärer × passets längd.",
    )
    issues.count("observations_passed", data.observations_passed)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def _check_case_code(issues: _Issues, code: str) -> None:
    if not code:
        return
    if _POLICE_CASE_NUMBER.search(code):
        issues.add(
            "case_code",
            CODE_POLICE_CASE_NUMBER,
            "Ärendekoden ser ut som ett ärendenummer hos Polisen eller Åklagarmyndigheten. "
            "Det får inte lagras i Löften. Töm fältet så skapar Löften en egen kod "
            "(t.ex. N-2018-014).",
        )
    elif not _CASE_CODE.fullmatch(code):
        issues.add(
            "case_code",
            CODE_FORMAT,
            f"Ärendekoden ”{code}” har fel form. Den ska se ut som N-2018-014: N, årtal och "
            "löpnummer med minst tre siffror. Töm fältet så skapar Löften koden.",
        )


_NOT_UNDER_18_KINDS = (NotificationKind.NOTICE, NotificationKind.CONTACT_OFFER)


def validate_drug_case(
    data: DrugCaseData, *, today: dt.date | None = None
) -> list[ValidationIssue]:
    """Issues of a pseudonymous drug case (police part and municipal part).

    With `today`, none of the case's dates may lie after it.
    """
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, _PROMISE_HINT)
    _check_case_code(issues, data.case_code)
    for path in ("municipality_notified_on", "first_contact_on", "closed_on"):
        issues.not_before(path, getattr(data, path), data.detected_on, "datum upptäckt")
    for path in ("detected_on", "municipality_notified_on", "first_contact_on", "closed_on"):
        issues.not_future(path, getattr(data, path), today, "Ange det datum då det faktiskt hände.")

    if data.municipality_notified_on is not None and data.notification_kind is None:
        issues.add(
            "notification_kind",
            CODE_REQUIRED,
            "Ange hur kommunen underrättades: orosanmälan (under 18 år), underrättelse eller "
            "erbjudande om kontakt.",
        )
    if data.notification_kind is not None and data.municipality_notified_on is None:
        issues.add(
            "municipality_notified_on",
            CODE_REQUIRED,
            f"Sättet är angivet ({label(data.notification_kind)}) men inte när kommunen "
            "underrättades. Ange datumet, eller töm sättet.",
        )
    if data.age_group is AgeGroup.UNDER_18 and data.notification_kind in _NOT_UNDER_18_KINDS:
        issues.add(
            "notification_kind",
            CODE_REPORT_OF_CONCERN,
            f"Den som är under 18 år ska anmälas till socialtjänsten med en orosanmälan, inte "
            f"med {label(data.notification_kind)}. Välj orosanmälan, eller rätta åldersgruppen.",
        )

    for path, value in (("support_offered", data.support_offered), ("accepted", data.accepted)):
        if value is not None and data.first_contact_on is None:
            issues.add(
                path,
                CODE_NO_FIRST_CONTACT,
                f"{_field_label(path)} ({label(value)}) är angivet men ingen första kontakt. "
                "Ange datum för första kontakt, eller töm fältet.",
            )

    if data.status is CaseStatus.CLOSED and data.closed_on is None:
        issues.add(
            "closed_on",
            CODE_REQUIRED,
            "Ärendet är avslutat men saknar datum avslutad. Ange datumet, eller sätt status "
            "till pågående.",
        )
    if data.status is CaseStatus.ONGOING and data.closed_on is not None:
        issues.add(
            "closed_on",
            CODE_NOT_ALLOWED,
            f"Ärendet är pågående men har datum avslutad ({data.closed_on.isoformat()}). "
            "Sätt status till avslutad, eller ta bort datumet.",
        )
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def validate_other_activity(data: OtherActivityData) -> list[ValidationIssue]:
    """Issues of a generic activity."""
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, _PROMISE_HINT)
    issues.required_text(
        "what", data.what, "Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8.", "Vad som gjordes"
    )
    issues.count("count", data.count)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


# --- dispatch -------------------------------------------------------------------------------------


def validate(data: object, *, today: dt.date | None = None) -> list[ValidationIssue]:
    """Issues of any record's data, by its type; `today` is used where a record needs it.

    Raises `TypeError` for a type that has no validator.
    """
    if isinstance(data, AgreementData):
        return validate_agreement(data)
    if isinstance(data, PromiseData):
        return validate_promise(data)
    if isinstance(data, TargetData):
        return validate_target(data)
    if isinstance(data, PlaceData):
        return validate_place(data)
    if isinstance(data, ShopData):
        return validate_shop(data)
    if isinstance(data, IndicatorData):
        return validate_indicator(data)
    if isinstance(data, IndicatorValueData):
        return validate_indicator_value(data)
    if isinstance(data, PatrolData):
        return validate_patrol(data)
    if isinstance(data, SafetyWalkData):
        return validate_safety_walk(data, today=today)
    if isinstance(data, VolunteerDeploymentData):
        return validate_volunteer_deployment(data)
    if isinstance(data, DrugCaseData):
        return validate_drug_case(data, today=today)
    if isinstance(data, OtherActivityData):
        return validate_other_activity(data)
    raise TypeError(f"no validator for {type(data).__name__}")


def raise_if_invalid(data: object, *, today: dt.date | None = None) -> None:
    """Raise `ValidationError` with every issue of `data`; return quietly if there is none."""
    issues = validate(data, today=today)
    if issues:
        raise ValidationError(issues)


def with_defaults(data: SafetyWalkData) -> SafetyWalkData:
    """The walk with every action that has no deadline due six months after the walk."""
    default = add_months(data.date, DEFAULT_ACTION_DEADLINE_MONTHS)
    observations = tuple(
        dataclasses.replace(
            observation, action=dataclasses.replace(observation.action, deadline=default)
        )
        if observation.action is not None and observation.action.deadline is None
        else observation
        for observation in data.observations
    )
    return dataclasses.replace(data, observations=observations)
