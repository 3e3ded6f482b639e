"""Parts that every validator shares: constants and issue codes, the field labels, the issue
collector `_Issues` with its common messages, and the two generic guards.

Every message is put together from a literal template through `words.text("...{name}...")`
(`loften_app.domain.targets.Words`: Swedish by default, the interface's language when the UI
passes its own), so that scripts/update-translations.sh finds each template for the translation
file. `_Issues` carries the `words` of one validation.

Two guards apply to every record type and are generic, so that a field added later cannot
escape them: `check_free_text` refuses a personnummer or samordningsnummer in any text field
(DOMAIN.md, "Privacy"), and every date must lie in the years 2000–2100 (a typo such as 2108
would otherwise end up in a report).

Stable issue codes: see the `CODE_*` constants below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Iterator, Mapping

from loften_app.domain.enums import ParticipantGroup
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.personnummer import (
    contains_identity_number,
    find_identity_numbers,
    identity_number_message,
)
from loften_app.domain.targets import SWEDISH, Words

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


# The names of the fields, for messages that must make sense without the form beside them. A
# record kind's own fields are labelled on its description (`domain.kinds.Kind.fields`, added
# here by `add_field_labels`); these are the fields of the parts inside a record (a walk's
# observations and their actions, a patrol's shop visits) and the singular of an indexed list
# ("Iakttagelse 3"). Each is written as `words.text("...")` so that
# scripts/update-translations.sh finds it for the translation file; `_field_label` translates them
# on the way out.
def _field_labels(words: Words) -> dict[str, str]:
    return {
        "observations": words.text("Iakttagelse"),
        "note": words.text("Anteckning"),
        "shop_id": words.text("Butik"),
        "photos": words.text("Foto"),
        "action": words.text("Åtgärd"),
        "what": words.text("Vad"),
        "description": words.text("Beskrivning"),
        "status": words.text("Status"),
        "owner_detail": words.text("Vem som är ansvarig"),
        "deadline": words.text("Klart senast"),
        "rejection_reason": words.text("Skäl till avslag"),
        "closed_on": words.text("Datum avslutad"),
    }


_FIELD_LABELS = _field_labels(SWEDISH)
#: Labels of the fields of record kinds (`domain.kinds.Kind.labels`).
_KIND_LABELS: list[Callable[[Words], Mapping[str, str]]] = []


def add_field_labels(labels: Callable[[Words], Mapping[str, str]]) -> None:
    """Name a record kind's own fields in messages: `labels(words)` maps field names to their
    labels in the language of `words` (called by `domain.kinds` for every kind)."""
    if labels not in _KIND_LABELS:
        _KIND_LABELS.append(labels)


def _kind_label(name: str, words: Words) -> str | None:
    for labels in _KIND_LABELS:
        text = labels(words).get(name)
        if text is not None:
            return text
    return None


def _translated(language: Words, swedish: str) -> str:
    """`swedish`, one of the texts written as `words.text("...")` elsewhere in the package, in
    `language` (a separate name, since the translation script only finds literal templates)."""
    return language.text(swedish)


_SEGMENT = re.compile(r"(?P<name>[^\[\]]+)(?:\[(?P<index>[0-9]+)\])?")


def _field_label(path: str, words: Words = SWEDISH) -> str:
    """The name of a field path in the language of `words`.

    `observations[2].action.what` gives "Iakttagelse 3, åtgärd, vad".
    """
    parts: list[str] = []
    parent = ""
    for segment in path.split("."):
        match = _SEGMENT.fullmatch(segment)
        name = match["name"] if match else segment
        if parent == "participants" and name in ParticipantGroup._value2member_map_:
            text = words.label(ParticipantGroup(name))
        elif name in _FIELD_LABELS and (parts or (match and match["index"] is not None)):
            text = _translated(words, _FIELD_LABELS[name])  # a part's field, or one of a list
        else:
            text = (
                _kind_label(name, words)
                or (_translated(words, _FIELD_LABELS[name]) if name in _FIELD_LABELS else None)
                or name.replace("_", " ")
            )
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


def _clean(data: object) -> bool:
    """True when no value of `data` (walked as `_leaves` walks it) is a text holding a
    personnummer or samordningsnummer or a date outside MIN_YEAR–MAX_YEAR: then neither guard
    has anything to say, which is nearly always so. A quick walk (no paths, no generators);
    the guards walk again, with paths, only when this says False."""
    for name in _value_fields(type(data)):  # the common cases here, without a call
        value = getattr(data, name)
        kind = value.__class__
        if kind in _NOTHING_TO_CHECK:
            continue
        if isinstance(value, str):  # the StrEnums too
            if kind is not str and _fixed_and_clean(kind):
                continue
            if contains_identity_number(value):
                return False
        elif kind is dt.date:
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                return False
        elif kind is tuple:  # child rows (shop visits, observations) or texts
            for item in value:
                if hasattr(item.__class__, "__dataclass_fields__"):
                    if not _clean(item):
                        return False
                elif not _clean_value(item):
                    return False
        elif not _clean_value(value):
            return False
    return True


#: Types of values that neither guard looks at (a subclass goes the long way, `_clean_value`),
#: and the text enums found to hold no number (`_fixed_and_clean`).
_NOTHING_TO_CHECK = {int, float, bool, dt.time, type(None)}


def _fixed_and_clean(kind: type) -> bool:
    """Whether every value of class `kind` is a member of an enum none of whose values holds a
    personnummer (its values are fixed in the code; a record holds two or three): the class
    is then added to `_NOTHING_TO_CHECK`."""
    if not issubclass(kind, enum.Enum):
        return False
    if any(contains_identity_number(str(member.value)) for member in kind):
        return False
    _NOTHING_TO_CHECK.add(kind)
    return True


def _clean_value(value: object) -> bool:
    if isinstance(value, str):  # the StrEnums too
        return not contains_identity_number(value)
    if isinstance(value, dt.date):  # datetimes too
        return MIN_YEAR <= value.year <= MAX_YEAR
    if value is None or isinstance(value, int | float | dt.time):
        return True
    if _is_dataclass_instance(value):
        return _clean(value)
    if isinstance(value, tuple | list):
        for item in value:
            if not _clean_value(item):
                return False
    return True


def _require_dataclass(data: object) -> None:
    if not _is_dataclass_instance(data):
        raise TypeError(f"expected a data class instance, got {type(data).__name__}")


def check_free_text(
    data: object, prefix: str = "", *, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """An issue (code "personnummer") for every text field of `data` that holds a personnummer or
    samordningsnummer.

    Walks the data class instance recursively: nested data classes, tuples of them and tuples of
    text (photo file names) included. Only id fields (`id`, `*_id`, `*_ids`) are skipped.
    `prefix` is put before every field path (`observations[0]`); `words` gives the language.
    """
    _require_dataclass(data)
    if _clean(data):
        return []
    issues: list[ValidationIssue] = []
    for path, value in _leaves(data, prefix):
        if isinstance(value, str) and (issue := _free_text_issue(path, value, words)):
            issues.append(issue)
    return issues


def _free_text_issue(path: str, value: str, words: Words) -> ValidationIssue | None:
    matches = find_identity_numbers(value)
    if not matches:
        return None
    message = words.text("{field}: {message}").format(
        field=_field_label(path, words),
        message=identity_number_message(matches[0], words=words),
    )
    return ValidationIssue(path, CODE_PERSONNUMMER, message)


def _date_range_issue(path: str, value: dt.date, words: Words) -> ValidationIssue | None:
    if MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    message = words.text(
        "{field}: {date} ligger utanför åren {first}–{last}. Kontrollera årtalet och rätta datumet."
    ).format(
        field=_field_label(path, words),
        date=value.isoformat(),
        first=MIN_YEAR,
        last=MAX_YEAR,
    )
    return ValidationIssue(path, CODE_DATE_RANGE, message)


def _generic_checks(data: object, words: Words) -> list[ValidationIssue]:
    """An issue (code "date_range") for every date of `data` outside MIN_YEAR–MAX_YEAR, then
    `check_free_text`'s issues, from one walk over its values (the path of every save)."""
    _require_dataclass(data)
    dates: list[ValidationIssue] = []
    texts: list[ValidationIssue] = []
    for path, value in _leaves(data, ""):
        if isinstance(value, str):
            if issue := _free_text_issue(path, value, words):
                texts.append(issue)
        elif isinstance(value, dt.date) and (issue := _date_range_issue(path, value, words)):
            dates.append(issue)
    return dates + texts


def _time_text(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _number_text(value: float, words: Words = SWEDISH) -> str:
    """A number as a Swede writes it: 2,5, 10 and 10 000 (no trailing ",0"); the decimal
    separator is that of `words`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}".replace(".", words.decimal)


class _Issues:
    """Collects the issues of one record; the helpers write the common messages."""

    def __init__(self, words: Words = SWEDISH) -> None:
        self.items: list[ValidationIssue] = []
        #: The language of the messages; validators write their own as `words.text("...")`.
        self.words = words

    def label(self, path: str) -> str:
        """The name of the field at `path` in the language of the messages."""
        return _field_label(path, self.words)

    def number(self, value: float) -> str:
        """A number as written in the language of the messages."""
        return _number_text(value, self.words)

    def add(self, path: str, code: str, message: str) -> None:
        self.items.append(ValidationIssue(path, code, message))

    def required_text(self, path: str, value: str, hint: str, name: str = "") -> None:
        """`value` must hold more than blanks; `name` overrides the field's name."""
        if not value.strip():
            self._missing(path, name or self.label(path), hint)

    def required_id(self, path: str, value: str | None, hint: str) -> None:
        if value is None or not value.strip():
            self._missing(path, self.label(path), hint)

    def _missing(self, path: str, name: str, hint: str) -> None:
        words = self.words
        self.add(
            path, CODE_REQUIRED, words.text("{field} saknas. {hint}").format(field=name, hint=hint)
        )

    def count(self, path: str, value: int | None, minimum: int = 0, hint: str = "") -> None:
        """`value` must be at least `minimum` (0 or 1); None is accepted (not given)."""
        if value is None or value >= minimum:
            return
        words = self.words
        what = self.label(path)
        if value < 0:
            message = words.text(
                "{field}: {value} är ett negativt tal. Ange ett antal från {minimum}."
            ).format(field=what, value=value, minimum=minimum)
            self.add(path, CODE_NEGATIVE, f"{message} {hint}".rstrip())
        else:
            message = words.text("{field} måste vara minst {minimum}.").format(
                field=what, minimum=minimum
            )
            self.add(path, CODE_TOO_SMALL, f"{message} {hint}".rstrip())

    def finite(self, path: str, value: float) -> bool:
        if math.isfinite(value):
            return True
        words = self.words
        self.add(
            path,
            CODE_NOT_FINITE,
            words.text("{field} är inte ett tal. Skriv ett vanligt tal, t.ex. 2,5.").format(
                field=self.label(path)
            ),
        )
        return False

    def hours(self, path: str, value: float | None, maximum: float, too_large: str) -> None:
        """Hours: not given, or a real number from 0 to `maximum`."""
        if value is None or not self.finite(path, value):
            return
        if value < 0:
            words = self.words
            self.add(
                path,
                CODE_NEGATIVE,
                words.text(
                    "{field}: {hours} timmar är ett negativt tal. "
                    "Ange antalet timmar som 0 eller mer, eller lämna fältet tomt."
                ).format(field=self.label(path), hours=self.number(value)),
            )
        elif value > maximum:
            self.add(path, CODE_TOO_LARGE, too_large)

    def hours_spent(self, path: str, value: float | None) -> None:
        if value is None or (math.isfinite(value) and 0 <= value <= MAX_HOURS_SPENT):
            return  # nothing to say (and no message to put together for nothing)
        words = self.words
        self.hours(
            path,
            value,
            MAX_HOURS_SPENT,
            words.text(
                "Nedlagd tid {hours} timmar är orimligt mycket för en post (högst {maximum}). "
                "Kontrollera siffran; tiden anges i timmar, inte minuter."
            ).format(hours=self.number(value or 0), maximum=self.number(MAX_HOURS_SPENT)),
        )

    def not_before(
        self, path: str, value: dt.date | None, earliest: dt.date, earliest_text: str
    ) -> None:
        if value is not None and value < earliest:
            words = self.words
            self.add(
                path,
                CODE_DATE_ORDER,
                words.text(
                    "{field} ({date}) kan inte vara före {earliest} ({earliest_date}). "
                    "Rätta något av datumen."
                ).format(
                    field=self.label(path),
                    date=value.isoformat(),
                    earliest=earliest_text,
                    earliest_date=earliest.isoformat(),
                ),
            )

    def not_future(
        self, path: str, value: dt.date | None, today: dt.date | None, hint: str
    ) -> None:
        if today is not None and value is not None and value > today:
            words = self.words
            self.add(
                path,
                CODE_FUTURE,
                words.text("{field} ({date}) ligger efter dagens datum ({today}). {hint}").format(
                    field=self.label(path),
                    date=value.isoformat(),
                    today=today.isoformat(),
                    hint=hint,
                ),
            )

    def finish(self, data: object) -> list[ValidationIssue]:
        """The collected issues followed by the generic date and free-text checks."""
        if _clean(data):
            return list(self.items)
        return [*self.items, *_generic_checks(data, self.words)]


# --- shared parts of several record types ---------------------------------------------------------


def _check_shift(issues: _Issues, start: dt.time, end: dt.time) -> None:
    """Start and end of a shift: naive times, and not equal (a shift may cross midnight)."""
    if start.tzinfo is None and end.tzinfo is None and start != end:
        return  # the usual case: nothing to say
    words = issues.words
    for path, value in (("start_time", start), ("end_time", end)):
        if value.tzinfo is not None:
            issues.add(
                path,
                CODE_TIMEZONE,
                words.text(
                    "{field} har en tidszon. Ange tiden som vanlig klocktid (t.ex. 21:00) utan "
                    "tidszon."
                ).format(field=issues.label(path)),
            )
    if start.replace(tzinfo=None) == end.replace(tzinfo=None):
        issues.add(
            "end_time",
            CODE_SAME_TIME,
            words.text(
                "Sluttiden är densamma som starttiden ({time}), så passet saknar längd. Ange när "
                "passet slutade. Ett pass över midnatt går bra: 21:00–02:00 är ett pass på fem "
                "timmar som slutar dagen efter."
            ).format(time=_time_text(start)),
        )


def _check_places(issues: _Issues, place_ids: tuple[str, ...], none_chosen: str) -> None:
    """The places of a shift; `none_chosen` is the message when there is none."""
    words = issues.words
    if not place_ids:
        issues.add("place_ids", CODE_REQUIRED, none_chosen)
    elif any(not place_id.strip() for place_id in place_ids):
        issues.add(
            "place_ids",
            CODE_REQUIRED,
            words.text("En av platserna är tom. Välj en plats i listan."),
        )
    if len(set(place_ids)) != len(place_ids):
        issues.add(
            "place_ids",
            CODE_DUPLICATE,
            words.text("Samma plats är vald mer än en gång. Ta bort dubbletten."),
        )


def _promise_hint(words: Words) -> str:
    return words.text("Välj vilket löfte posten hör till.")
