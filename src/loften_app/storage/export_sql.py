"""How an export sheet reads its rows, as plain data and SQL text (no SQLAlchemy): the sheets'
declarations (`reports.sheet`, `reports.kinds`) are imported by the overview's cards before
SQLAlchemy is; `services.report_queries` runs them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PLACE_SQL", "PROMISE_SQL", "ExportQuery", "places_sql"]


def places_sql(link: str, owner: str) -> str:
    """The names of the record `t`'s places, in order, joined by ", "."""
    return (
        f"(SELECT group_concat(name, ', ') FROM (SELECT pl.name FROM {link} AS l"
        f" JOIN place AS pl ON pl.id = l.place_id WHERE l.{owner} = t.id ORDER BY l.position)"
        " AS names)"
    )


PLACE_SQL = "(SELECT name FROM place WHERE place.id = t.place_id)"
PROMISE_SQL = "(SELECT number FROM promise WHERE promise.id = t.promise_id)"


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
