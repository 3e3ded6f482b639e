"""Parts that every validator shares: constants and issue codes, the Swedish field labels,
the issue collector `_Issues` with its common messages, and the two generic guards.

Two guards apply to every record type and are generic, so that a field added later cannot
escape them: `check_free_text` refuses a personnummer or samordningsnummer in any text field
(DOMAIN.md, "Privacy"), and every date must lie in the years 2000–2100 (a typo such as 2108
would otherwise end up in a report).

Stable issue codes: see the `CODE_*` constants below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterator

from loften_app.domain.enums import ParticipantGroup, label
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.personnummer import find_identity_numbers, identity_number_message

#: An action without a deadline is due this many months after its safety walk (DOMAIN.md).
DEFAULT_ACTION_DEADLINE_MONTHS = 6

#: Every date of every record lies in these years (both included).
MIN_YEAR = 2000
MAX_YEAR = 2100

#: More hours than this on one record is taken for a typo.
MAX_HOURS_SPENT = 10_000.0

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


_VALUE_FIELDS: dict[type, tuple[str, ...]] = {}


def _value_fields(data_class: type) -> tuple[str, ...]:
    """The names of a data class's fields that hold values (not ids), computed once a class."""
    names = _VALUE_FIELDS.get(data_class)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(data_class) if not _is_id_field(f.name))
        _VALUE_FIELDS[data_class] = names
    return names


def _leaves(data: object, prefix: str) -> Iterator[tuple[str, object]]:
    """Every value of a data class instance, recursively, with its field path; ids excluded."""
    for name in _value_fields(type(data)):
        yield from _values(getattr(data, name), _join(prefix, name))


#: Values that are leaves for certain: checked first, since nearly every value is one.
_SCALARS = (str, int, float, dt.date, dt.time, type(None))


def _values(value: object, path: str) -> Iterator[tuple[str, object]]:
    if isinstance(value, _SCALARS):  # str and int cover the StrEnums and bools too
        yield path, value
    elif _is_dataclass_instance(value):
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
