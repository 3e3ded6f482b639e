"""An indicator together with its values per period, as the indicator form edits and saves it.

`IndicatorEntry` is an `IndicatorData` that also carries the value rows as typed (`ValueRows`),
so the form's dirty tracking and unsaved-changes question cover the rows too. The rows are kept
out of the domain's generic checks (they are not a tuple of data classes); `row_issues` checks
them with the domain's own validator for indicator values and says which row is wrong.

`IndicatorWithValues` is the form's service: it saves the indicator and its rows in one
transaction with `IndicatorService.save_with_values`, so a failed save writes nothing.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale

from loften_app.domain.errors import ValidationError, ValidationIssue
from loften_app.domain.periods import parse_period
from loften_app.domain.records import IndicatorData, IndicatorValueData, Stored
from loften_app.domain.validation import CODE_DUPLICATE, CODE_FORMAT, validate_indicator_value
from loften_app.storage.errors import StaleRecordError
from loften_app.storage.services import IndicatorService, IndicatorValueService
from loften_app.ui.words import InterfaceWords


@dataclass(frozen=True, kw_only=True)
class ValueRow:
    """One value of an indicator as typed: period key, value text, source note."""

    period_key: str
    value_text: str
    source_note: str = ""
    id: str | None = None


class ValueRows:
    """The value rows of an indicator, in table order (compared by content)."""

    __slots__ = ("rows",)

    def __init__(self, rows: Iterable[ValueRow] = ()) -> None:
        self.rows: tuple[ValueRow, ...] = tuple(rows)

    def __iter__(self) -> Iterator[ValueRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ValueRows) and self.rows == other.rows

    def __hash__(self) -> int:
        return hash(self.rows)

    def __repr__(self) -> str:
        return f"ValueRows({self.rows!r})"


@dataclass(frozen=True, kw_only=True)
class IndicatorEntry(IndicatorData):
    """An indicator and the value rows shown with it."""

    values: ValueRows = field(default_factory=ValueRows)

    def indicator(self) -> IndicatorData:
        """The indicator alone, as `IndicatorService` saves it."""
        names = [f.name for f in dataclasses.fields(IndicatorData)]
        return IndicatorData(**{name: getattr(self, name) for name in names})

    @classmethod
    def of(cls, data: IndicatorData, rows: Iterable[ValueRow] = ()) -> IndicatorEntry:
        names = [f.name for f in dataclasses.fields(IndicatorData)]
        return cls(**{name: getattr(data, name) for name in names}, values=ValueRows(rows))


# --- numbers and periods as typed ---------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """A number typed with a decimal comma or point and blanks between thousands; None if the
    text is not a finite number."""
    cleaned = "".join(text.split()).replace("\u202f", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_for_editing(value: float) -> str:
    """A stored value as the user edits it: every digit kept, the locale's decimal sign."""
    text = repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", QLocale().decimalPoint())


def period_key_of(text: str) -> str | None:
    """The normalised key of a period typed as text ("2018q3" gives "2018-Q3"), or None."""
    try:
        return parse_period(text).key
    except ValueError:
        return None


def row_of(stored: Stored[IndicatorValueData]) -> ValueRow:
    data = stored.data
    return ValueRow(
        period_key=data.period_key,
        value_text=number_for_editing(data.value),
        source_note=data.source_note,
        id=stored.id,
    )


def row_issues(rows: Sequence[ValueRow]) -> list[ValidationIssue]:
    """Every problem of the value rows, at `values[i].period_key` / `.value` / `.source_note`,
    each message starting with its row number."""
    translate = QCoreApplication.translate
    issues: list[ValidationIssue] = []
    first_row_of: dict[str, int] = {}
    words = InterfaceWords()
    for index, row in enumerate(rows):
        prefix = translate("IndicatorValues", "Rad %1:").replace("%1", str(index + 1)) + " "
        path = f"values[{index}]"
        value = parse_number(row.value_text)
        data = IndicatorValueData(
            indicator_id="-",  # the indicator may not be saved yet; its id is not checked here
            period_key=row.period_key,
            value=0.0 if value is None else value,
            source_note=row.source_note,
        )
        for issue in validate_indicator_value(data, words=words):
            issues.append(
                ValidationIssue(f"{path}.{issue.field}", issue.code, prefix + issue.message)
            )
        if value is None:
            message = (
                translate("IndicatorValues", "Värde saknas. Skriv t.ex. 34 eller 12,5.")
                if not row.value_text.strip()
                else translate(
                    "IndicatorValues", "Värdet %1 är inte ett tal. Skriv t.ex. 34 eller 12,5."
                ).replace("%1", repr(row.value_text.strip()))
            )
            issues.append(ValidationIssue(f"{path}.value", CODE_FORMAT, prefix + message))
        key = period_key_of(row.period_key)
        if key is None:
            continue
        if key in first_row_of:
            message = (
                translate(
                    "IndicatorValues",
                    "Perioden %1 finns redan på rad %2. "
                    "Ändra perioden eller ta bort en av raderna.",
                )
                .replace("%1", key)
                .replace("%2", str(first_row_of[key] + 1))
            )
            issues.append(ValidationIssue(f"{path}.period_key", CODE_DUPLICATE, prefix + message))
        else:
            first_row_of[key] = index
    return issues


# --- saving -------------------------------------------------------------------------------------


class IndicatorWithValues:
    """Saves an `IndicatorEntry`, the indicator and its values together (the form's service).

    Only `add` and `update` are offered: the section's list deletes and restores indicators
    through `IndicatorService` itself.
    """

    def __init__(self, indicators: IndicatorService, values: IndicatorValueService) -> None:
        self._indicators = indicators
        self._values = values

    def entry(self, stored: Stored[IndicatorData]) -> Stored[IndicatorEntry]:
        """The stored indicator with its values as rows, in period order."""
        rows = [row_of(value) for value in self._values.for_indicator(stored.id)]
        return Stored(stored.meta, IndicatorEntry.of(stored.data, rows))

    def add(self, *, data: IndicatorEntry) -> Stored[IndicatorEntry]:
        return self._save(None, None, data)

    def update(
        self, *, id: str, expected_version: int, data: IndicatorEntry
    ) -> Stored[IndicatorEntry]:
        return self._save(id, expected_version, data)

    def _save(
        self, id: str | None, expected_version: int | None, data: IndicatorEntry
    ) -> Stored[IndicatorEntry]:
        _raise_if_rows_invalid(data.values)
        try:
            stored, values = self._indicators.save_with_values(
                id=id,
                expected_version=expected_version,
                data=data.indicator(),
                values=[(row.id, _value_of(row)) for row in data.values],
            )
        except StaleRecordError as error:
            current = error.current
            newer = self.entry(current) if isinstance(current, Stored) else None
            raise StaleRecordError(error.text, newer) from error
        return Stored(stored.meta, IndicatorEntry.of(stored.data, map(row_of, values)))


def _value_of(row: ValueRow) -> IndicatorValueData:
    """The value a row stands for; the service fills in the indicator and the period's normal
    form."""
    value = parse_number(row.value_text)
    assert value is not None  # checked by row_issues
    return IndicatorValueData(
        indicator_id="",
        period_key=row.period_key,
        value=value,
        source_note=row.source_note,
    )


def _raise_if_rows_invalid(rows: ValueRows) -> None:
    issues = row_issues(list(rows))
    if issues:
        raise ValidationError(issues)
