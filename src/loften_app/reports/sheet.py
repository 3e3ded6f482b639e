"""The parts of an export sheet: its columns' converters and `Sheet`, shared by the export
(`reports.exports`) and the record kinds that declare their own sheet (`reports.kinds`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from loften_app.domain.enums import Organisation, label
from loften_app.domain.kinds import KIND_BY_KEY
from loften_app.storage.export_sql import ExportQuery

Convert = Callable[[Any], Any]


def _text(value: Any) -> Any:
    return "" if value is None else value


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _time(value: Any) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(str(value)[:8])


def _datetime(value: Any) -> dt.datetime | None:
    # Stored as naive UTC: shown in UTC, said so in the header.
    return None if value is None else dt.datetime.fromisoformat(str(value)[:19])


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _integer(value: Any) -> int | None:
    return None if value is None else int(value)


def _yes_no(value: Any) -> str:
    return "" if value is None else ("ja" if value else "nej")


class EnumColumn:
    """Writes a coded value as its Swedish label; `kind` says which enum (the import reads the
    label back)."""

    def __init__(self, kind: type[StrEnum]) -> None:
        self.kind = kind
        self._labels = {member.value: label(member) for member in kind}

    def __call__(self, value: Any) -> Any:
        return "" if value is None else self._labels.get(value, value)


def _enum(kind: type[StrEnum]) -> Convert:
    return EnumColumn(kind)


#: `Column.field` of a column the import does not read (a derived value, the bookkeeping).
DERIVED = None
_FROM_SQL: Any = object()
_SIMPLE = re.compile(r"^([tca])\.(\w+)$")


@dataclass(frozen=True)
class Column:
    """One column of a sheet, declared once for the export and the import.

    `sql` reads the value over the sheet's source (`t` the record, `c` a child row, `a` a walk's
    action; see `ExportQuery`); `convert` writes it; `field` is where the import puts it: a
    field of the record's data class (`notes`, `action.what` for a walk's action), a name the
    import resolves (`promise_number`, `place_name`, `place_names`, `parent_id`, ...), or
    `DERIVED` for a value the import does not read back (hours of a shift, changed at/by).
    """

    header: str
    sql: str
    convert: Convert
    width: float
    field: str | None
    #: Other headers the import reads as this column (those earlier versions wrote).
    aliases: tuple[str, ...] = ()


def col(header: str, sql: str, convert: Convert, width: float, field: Any = _FROM_SQL) -> Column:
    """A `Column`; `field` by default from a plain `sql` (`t.notes` → notes, `a.what` →
    action.what; anything else is `DERIVED`)."""
    if field is _FROM_SQL:
        match = _SIMPLE.match(sql)
        if match is None:
            field = DERIVED
        else:
            prefix, name = match.groups()
            field = f"action.{name}" if prefix == "a" else name
    return Column(header, sql, convert, width, field)


@dataclass(frozen=True)
class Sheet:
    """One record type's export: the sheet (and CSV file) name, its columns, and the query that
    reads their values (built from the columns by `sheet`)."""

    key: str
    title: str
    file_name: str
    columns: tuple[Column, ...]
    query: ExportQuery

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


_T, _D, _TM, _DT, _N, _I = _text, _date, _time, _datetime, _number, _integer
_CHANGED = (
    col("Ändrad (UTC)", "t.updated_at", _DT, 17.0, DERIVED),
    col("Ändrad av", "t.updated_by", _T, 18.0, DERIVED),
)
_ORG = col("Registrerad av", "t.organisation", _enum(Organisation), 12.0)


#: The field of the record that a name the import resolves stands for (`Column.field`).
RESOLVED = {
    "promise_number": "promise_id",
    "place_name": "place_id",
    "place_names": "place_ids",
    "agreement_title": "agreement_id",
    "indicator_name": "indicator_id",
}


def _labelled(key: str, column: Column) -> Column:
    """`column` headed by the label of the field it reads, when the sheet is a record kind's
    (`domain.kinds.Kind.fields`: the one label the form and the list show too). The header
    written beside the column becomes an alias if it differs: files that earlier versions
    exported under it still import."""
    kind = KIND_BY_KEY.get(key)
    if kind is None or column.field is None:
        return column
    labels = {field.name: field.label for field in kind.fields}
    label = labels.get(RESOLVED.get(column.field, column.field))
    if label is None or label == column.header:
        return column
    return replace(column, header=label, aliases=(*column.aliases, column.header))


def sheet(
    key: str,
    title: str,
    file_name: str,
    *,
    source: str,
    date_column: str | None,
    order: str,
    columns: tuple[Column | tuple[str, str, Convert, float], ...],
) -> Sheet:
    """A sheet whose every column is declared once, with its SQL beside its header (a column
    given as (header, sql, convert, width) reads into the field its SQL names). In the sheet of
    a record kind (`key` one of `domain.kinds`), a column that reads a field of the kind is
    headed by the field's label; the header given is then only read by the import."""
    made = tuple(_labelled(key, c if isinstance(c, Column) else col(*c)) for c in columns)
    select = ", ".join(c.sql for c in made)
    return Sheet(key, title, file_name, made, ExportQuery(source, date_column, select, order))
