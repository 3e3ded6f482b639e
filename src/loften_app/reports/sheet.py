"""The parts of an export sheet: its columns' converters and `Sheet`, shared by the export
(`reports.exports`) and the record kinds that declare their own sheet (`reports.kinds`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from loften_app.domain.enums import Organisation, label
from loften_app.storage.services.report_queries import ExportQuery

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


def _enum(kind: type[StrEnum]) -> Convert:
    labels = {member.value: label(member) for member in kind}
    return lambda value: "" if value is None else labels.get(value, value)


@dataclass(frozen=True)
class Sheet:
    """One record type's export: the sheet (and CSV file) name, its columns and converters;
    `query` when the sheet declares its SQL itself (see `sheet`), else the rows come from
    `ReportQueries.export_rows(key)`."""

    key: str
    title: str
    file_name: str
    columns: tuple[tuple[str, Convert, float], ...]
    query: ExportQuery | None = None

    @property
    def headers(self) -> list[str]:
        return [name for name, _, _ in self.columns]


_T, _D, _TM, _DT, _N, _I = _text, _date, _time, _datetime, _number, _integer
_CHANGED = (("Ändrad (UTC)", _DT, 17.0), ("Ändrad av", _T, 18.0))
_ORG = ("Registrerad av", _enum(Organisation), 12.0)


#: One column declared once: its header, its SQL (over the record `t`), its converter, width.
Column = tuple[str, str, Convert, float]


def sheet(
    key: str,
    title: str,
    file_name: str,
    *,
    source: str,
    date_column: str | None,
    order: str,
    columns: tuple[Column, ...],
) -> Sheet:
    """A sheet whose every column is declared once, with its SQL beside its header."""
    return Sheet(
        key,
        title,
        file_name,
        tuple((header, convert, width) for header, _sql, convert, width in columns),
        ExportQuery(source, date_column, ", ".join(sql for _h, sql, _c, _w in columns), order),
    )
