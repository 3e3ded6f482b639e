"""How an export sheet reads its rows, as plain data and SQL text (no SQLAlchemy): the sheets'
declarations (`reports.sheet`, `reports.kinds`) are imported by the overview's cards before
SQLAlchemy is. `services.report_queries` runs the statements on a session's connection,
`storage.quick` on a plain `sqlite3` one (`loften export` of a current file): both read the
very statements `export_statement` writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from loften_app.domain.periods import Period
from loften_app.storage.figure_sql import shift_hours

__all__ = [
    "EXPORT_BATCH",
    "PLACE_SQL",
    "PROMISE_SQL",
    "SHIFT_HOURS_SQL",
    "ExportQuery",
    "ExportReader",
    "count_statement",
    "export_statement",
    "places_sql",
]


def places_sql(link: str, owner: str) -> str:
    """The names of the record `t`'s places, in order, joined by ", "."""
    return (
        f"(SELECT group_concat(name, ', ') FROM (SELECT pl.name FROM {link} AS l"
        f" JOIN place AS pl ON pl.id = l.place_id WHERE l.{owner} = t.id ORDER BY l.position)"
        " AS names)"
    )


PLACE_SQL = "(SELECT name FROM place WHERE place.id = t.place_id)"
PROMISE_SQL = "(SELECT number FROM promise WHERE promise.id = t.promise_id)"
#: A shift's hours (an end before the start is on the next day), for export columns.
SHIFT_HOURS_SQL = shift_hours("t.")

#: Rows fetched from the cursor at a time.
EXPORT_BATCH = 5000


@dataclass(frozen=True)
class ExportQuery:
    """How an export reads its rows: FROM `source` (the record as `t`, its child rows as `c`),
    filtered on `date_column` for a period, the SELECT list `select`, in the order `order`.
    Only active records (`t.deleted_at IS NULL`). Declared with the sheet's columns, in
    `reports.sheet`."""

    source: str
    date_column: str | None
    select: str
    order: str


def _where(query: ExportQuery, period: Period | None) -> tuple[str, dict[str, Any]]:
    where = ["t.deleted_at IS NULL"]
    parameters: dict[str, Any] = {}
    if period is not None and query.date_column is not None:
        where.append(f"{query.date_column} BETWEEN :start AND :end")
        parameters = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    return " AND ".join(where), parameters


def export_statement(query: ExportQuery, period: Period | None) -> tuple[str, dict[str, Any]]:
    """The statement (with `:name` placeholders) and parameters that read the rows of `query`:
    only active records, dated within `period` if one is given."""
    where, parameters = _where(query, period)
    sql = f"SELECT {query.select} FROM {query.source} WHERE {where} ORDER BY {query.order}"
    return sql, parameters


def count_statement(query: ExportQuery, period: Period | None) -> tuple[str, dict[str, Any]]:
    """The statement and parameters that count the rows `export_statement` reads."""
    where, parameters = _where(query, period)
    return f"SELECT count(*) FROM {query.source} WHERE {where}", parameters


class ExportReader(Protocol):
    """What the export reads its rows from: `services.report_queries.ReportQueries` (any
    database) or `storage.quick.QuickReader` (a current local file, without SQLAlchemy)."""

    def export_query(
        self, query: ExportQuery, *, period: Period | None = None
    ) -> Iterator[tuple[Any, ...]]: ...
