"""Read-only aggregates and lists that the reports need beyond `FigureService`, on a session.

The reads and their statements are `storage.report_sql.ReportReads` (no SQLAlchemy there: the
quick path of `storage.quick` runs the very same statements on a plain `sqlite3` connection);
this module runs them on the database's sessions, and reads the exports' rows
(`storage.export_sql`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import bindparam, text

from loften_app.domain.periods import Period
from loften_app.storage.database import Database
from loften_app.storage.engines import session_named_sql
from loften_app.storage.export_sql import (
    EXPORT_BATCH,
    PLACE_SQL,
    PROMISE_SQL,
    SHIFT_HOURS_SQL,
    ExportQuery,
    count_statement,
    export_statement,
    places_sql,
)
from loften_app.storage.report_sql import (
    CaseLine,
    NoteLine,
    OpenCase,
    OtherLine,
    OverdueAction,
    ReportReads,
)

__all__ = [
    "PLACE_SQL",
    "PROMISE_SQL",
    "SHIFT_HOURS_SQL",
    "CaseLine",
    "ExportQuery",
    "NoteLine",
    "OpenCase",
    "OtherLine",
    "OverdueAction",
    "ReportQueries",
    "places_sql",
]

_STATEMENTS: dict[str, Any] = {}


def _statement(sql: str) -> Any:
    """A statement of `report_sql` for SQLAlchemy, its `:ids` (if any) an expanding list."""
    found = _STATEMENTS.get(sql)
    if found is None:
        found = text(sql)
        if ":ids" in sql:
            found = found.bindparams(bindparam("ids", expanding=True))
        _STATEMENTS[sql] = found
    return found


class ReportQueries(ReportReads):
    """Aggregates for the reports. Reads only; one short session per statement."""

    def __init__(self, database: Database) -> None:
        self._db = database
        super().__init__(self._session_rows)

    def _session_rows(self, sql: str, parameters: dict[str, Any]) -> list[Any]:
        with self._db.reading() as session:
            return list(session.execute(_statement(sql), parameters).all())

    def export_query(
        self, query: ExportQuery, *, period: Period | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The rows of an export (`ExportQuery`) as raw database values, streamed in batches;
        only active records, dated within `period` if one is given (`export_statement`)."""
        sql, parameters = export_statement(query, period)
        with self._db.reading() as session:
            result = session.connection().exec_driver_sql(
                session_named_sql(session, sql), parameters
            )
            # Plain DB-API rows: no result processing for a million rows.
            while rows := result.cursor.fetchmany(EXPORT_BATCH):
                yield from rows
            result.close()

    def export_count(self, query: ExportQuery, *, period: Period | None = None) -> int:
        """How many rows `export_query` gives (for progress)."""
        sql, parameters = count_statement(query, period)
        with self._db.reading() as session:
            return int(
                session.connection()
                .exec_driver_sql(session_named_sql(session, sql), parameters)
                .scalar_one()
            )
