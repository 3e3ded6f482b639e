"""Read-only aggregates and lists that the reports need beyond `FigureService`.

Monthly record counts per promise (the quarterly chart), drug cases by kind and the cases still
without a municipal contact, the walks' actions that are overdue, and indicator values. Every
query leaves deleted records out, as `FigureService` does, and counts the same records in the
same way (a completed walk, a drug case by the date it was detected).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    DrugCaseKind,
    ObservationCategory,
    Priority,
)
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
from loften_app.storage.kinds import ACTIVITY_STORAGE_KINDS

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


_CASES_BY_KIND = text("""
SELECT kind, count(*), total(first_contact_on IS NOT NULL) FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY kind
""").bindparams(bindparam("ids", expanding=True))

_OPEN_CASES_FROM = """
FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
  AND first_contact_on IS NULL
"""

_OPEN_CASES = text(f"""
SELECT case_code, detected_on, municipality_notified_on {_OPEN_CASES_FROM}
ORDER BY detected_on, case_code
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

_OPEN_CASES_COUNT = text(f"SELECT count(*) {_OPEN_CASES_FROM}").bindparams(
    bindparam("ids", expanding=True)
)

#: The same definition of open and overdue on :ref as `FigureService` (figures.py).
#: Actions of active walks dated on or before :ref that are open on :ref (not closed, as done
#: or rejected, on or before it) and whose deadline is before it.
_OVERDUE_FROM = """
FROM walk_action AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
LEFT JOIN place AS p ON p.id = coalesce(o.place_id, w.place_id)
WHERE w.deleted_at IS NULL AND w.date <= :ref AND w.promise_id IN :ids
  AND NOT (a.status IN ('done', 'rejected') AND (a.closed_on IS NULL OR a.closed_on <= :ref))
  AND a.deadline < :ref
"""

_OVERDUE = text(f"""
SELECT w.id, w.date, p.name, o.category, o.description, a.what, a.owner, a.owner_detail,
       a.priority, a.deadline, a.status
{_OVERDUE_FROM}
ORDER BY a.deadline, w.date, o.position
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

#: The first :limit overdue actions and, on each row, how many there are in all (one pass).
_OVERDUE_COUNTED = text(f"""
SELECT w.id, w.date, p.name, o.category, o.description, a.what, a.owner, a.owner_detail,
       a.priority, a.deadline, a.status, count(*) OVER ()
{_OVERDUE_FROM}
ORDER BY a.deadline, w.date, o.position
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

_OVERDUE_COUNT = text(f"SELECT count(*) {_OVERDUE_FROM}").bindparams(
    bindparam("ids", expanding=True)
)

_OVERDUE_BY_OWNER = text(
    f"SELECT a.owner, count(*) {_OVERDUE_FROM} GROUP BY a.owner ORDER BY count(*) DESC, a.owner"
).bindparams(bindparam("ids", expanding=True))

#: Free-text notes of the records dated in :start–:end (internal reports only): (date, table,
#: promise number, case code or '', text).
_UNION = "\n    UNION ALL\n    "
_NOTES_FROM = f"""
FROM (
    {_UNION.join(kind.notes_sql() for kind in ACTIVITY_STORAGE_KINDS)}
) AS n
WHERE n.promise_id IN :ids
"""

#: The first :limit notes of each kind (a kind's `tbl` is the same on every row, so the first
#: :limit of all are among them): a report lists a hundred, not the quarter's 70,000 sorted.
_FIRST_NOTES = _UNION.join(
    f"SELECT * FROM (SELECT * FROM ({kind.notes_sql()}) AS k"
    f" WHERE k.promise_id IN :ids ORDER BY k.day, k.code LIMIT :limit) AS f{index}"
    for index, kind in enumerate(ACTIVITY_STORAGE_KINDS)
)

_NOTES = text(f"""
SELECT n.day, n.tbl, (SELECT number FROM promise WHERE promise.id = n.promise_id), n.code, n.note
FROM (
    {_FIRST_NOTES}
) AS n
ORDER BY n.day, n.tbl, n.code
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

_NOTES_COUNT = text(f"SELECT count(*) {_NOTES_FROM}").bindparams(bindparam("ids", expanding=True))

_CASES = text("""
SELECT case_code, detected_on, age_group, kind, municipality_notified_on, first_contact_on,
       status
FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
ORDER BY detected_on, case_code
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

_OTHERS = text("""
SELECT t.date, (SELECT number FROM promise WHERE promise.id = t.promise_id), t.what,
       coalesce((SELECT name FROM place WHERE place.id = t.place_id), ''), t.count,
       t.hours_spent
FROM other_activity AS t
WHERE t.deleted_at IS NULL AND t.date BETWEEN :start AND :end AND t.promise_id IN :ids
ORDER BY t.date, t.id
LIMIT :limit
""").bindparams(bindparam("ids", expanding=True))

_INDICATOR_VALUES = text("""
SELECT v.indicator_id, v.period_key, v.value, v.source_note FROM indicator_value AS v
JOIN indicator AS i ON i.id = v.indicator_id
WHERE v.deleted_at IS NULL AND i.deleted_at IS NULL
ORDER BY v.indicator_id, v.period_key
""")


def _limit(limit: int) -> int:
    """A LIMIT for both engines: -1 ("all", which PostgreSQL refuses) as a count never reached."""
    return limit if limit >= 0 else 2**62


@dataclass(frozen=True)
class OverdueAction:
    """A walk's action that is past its deadline and neither done nor rejected on a date."""

    walk_id: str
    walk_date: dt.date
    place: str
    category: ObservationCategory
    observation: str
    what: str
    owner: ActionOwner
    owner_detail: str
    priority: Priority
    deadline: dt.date
    status: ActionStatus


@dataclass(frozen=True)
class NoteLine:
    """A record's free-text note (internal reports only)."""

    date: dt.date
    #: The record table ("patrol", "drug_case", …).
    table: str
    promise_number: int
    #: The drug case's code, else "".
    case_code: str
    text: str


@dataclass(frozen=True)
class CaseLine:
    """A drug case of a period, by its code (internal reports only). Coded fields may be
    missing (None)."""

    case_code: str
    detected_on: dt.date
    age_group: AgeGroup | None
    kind: DrugCaseKind | None
    notified_on: dt.date | None
    first_contact_on: dt.date | None
    status: CaseStatus | None


@dataclass(frozen=True)
class OtherLine:
    """An other activity of a period."""

    date: dt.date
    promise_number: int
    what: str
    place: str
    count: int | None
    hours: float | None


@dataclass(frozen=True)
class OpenCase:
    """A drug case without a first municipal contact (internal reports only)."""

    case_code: str
    detected_on: dt.date
    notified_on: dt.date | None


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class ReportQueries:
    """Aggregates for the reports. Reads only; one short session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def drug_cases_by_kind(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[DrugCaseKind | None, tuple[int, int]]:
        """Per kind: (cases detected in `period`, of them with a first municipal contact); the
        key None holds the cases whose kind is not given ("uppgift saknas")."""
        if not promise_ids:
            return {}
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        with self._db.reading() as session:
            return {
                (None if kind is None else DrugCaseKind(kind)): (int(count), int(contacted))
                for kind, count, contacted in session.execute(_CASES_BY_KIND, parameters)
            }

    def cases_without_contact(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OpenCase]:
        """The cases detected in `period` that have no first municipal contact yet (at most
        `limit`; -1: all)."""
        if not promise_ids:
            return []
        parameters = {
            "start": period.start,
            "end": period.end,
            "ids": list(promise_ids),
            "limit": _limit(limit),
        }
        with self._db.reading() as session:
            return [
                OpenCase(code, _date(detected), None if notified is None else _date(notified))
                for code, detected, notified in session.execute(_OPEN_CASES, parameters)
            ]

    def count_cases_without_contact(self, *, period: Period, promise_ids: Sequence[str]) -> int:
        """How many cases `cases_without_contact` gives without a limit."""
        if not promise_ids:
            return 0
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        with self._db.reading() as session:
            return int(session.execute(_OPEN_CASES_COUNT, parameters).scalar_one())

    def _span(self, period: Period, promise_ids: Sequence[str], limit: int) -> dict[str, Any]:
        return {
            "start": period.start,
            "end": period.end,
            "ids": list(promise_ids),
            "limit": _limit(limit),
        }

    def notes(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> tuple[list[NoteLine], int]:
        """The notes of the records of `promise_ids` dated in `period` (drug cases: both parts'
        notes, with their code), oldest first, at most `limit`; and how many there are."""
        lines = self.first_notes(period=period, promise_ids=promise_ids, limit=limit)
        return lines, self.count_notes(period=period, promise_ids=promise_ids)

    def first_notes(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[NoteLine]:
        """The first `limit` notes of `notes` (-1: all), oldest first."""
        if not promise_ids:
            return []
        parameters = self._span(period, promise_ids, limit)
        with self._db.reading() as session:
            return [
                NoteLine(_date(day), table, int(number or 0), code or "", note)
                for day, table, number, code, note in session.execute(_NOTES, parameters)
            ]

    def count_notes(self, *, period: Period, promise_ids: Sequence[str]) -> int:
        """How many notes `notes` has in all: the records read (the stored totals have the
        count per whole month, `PromiseFigures.noted`)."""
        if not promise_ids:
            return 0
        with self._db.reading() as session:
            parameters = self._span(period, promise_ids, -1)
            return int(session.execute(_NOTES_COUNT, parameters).scalar_one())

    def cases(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[CaseLine]:
        """The drug cases of `promise_ids` detected in `period`, at most `limit`."""
        if not promise_ids:
            return []
        with self._db.reading() as session:
            rows = session.execute(_CASES, self._span(period, promise_ids, limit))
            return [
                CaseLine(
                    case_code=code,
                    detected_on=_date(detected),
                    age_group=None if age is None else AgeGroup(age),
                    kind=None if kind is None else DrugCaseKind(kind),
                    notified_on=None if notified is None else _date(notified),
                    first_contact_on=None if contact is None else _date(contact),
                    status=None if status is None else CaseStatus(status),
                )
                for code, detected, age, kind, notified, contact, status in rows
            ]

    def other_activities(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OtherLine]:
        """The other activities of `promise_ids` dated in `period`, at most `limit`."""
        if not promise_ids:
            return []
        with self._db.reading() as session:
            rows = session.execute(_OTHERS, self._span(period, promise_ids, limit))
            return [
                OtherLine(_date(day), int(number or 0), what, place, count, hours)
                for day, number, what, place, count, hours in rows
            ]

    def overdue_actions(
        self, *, ref: dt.date, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OverdueAction]:
        """Every action of an active walk dated on or before `ref` that is open on `ref` and
        whose deadline is before it (the `actions_overdue` of `FigureService`, one by one),
        oldest deadline first; at most `limit` of them (-1: all)."""
        if not promise_ids:
            return []
        with self._db.reading() as session:
            rows = session.execute(
                _OVERDUE, {"ref": ref, "ids": list(promise_ids), "limit": _limit(limit)}
            )
            return [_overdue_action(row) for row in rows]

    def overdue_actions_counted(
        self, *, ref: dt.date, promise_ids: Sequence[str], limit: int
    ) -> tuple[list[OverdueAction], int]:
        """`overdue_actions` with at most `limit` (at least 1) of them, and
        `count_overdue_actions`, from one pass over the actions."""
        if not promise_ids:
            return [], 0
        with self._db.reading() as session:
            rows = session.execute(
                _OVERDUE_COUNTED, {"ref": ref, "ids": list(promise_ids), "limit": max(limit, 1)}
            ).all()
        actions = [_overdue_action(row[:-1]) for row in rows]
        return actions[: max(limit, 0)], int(rows[0][-1]) if rows else 0

    def count_overdue_actions(self, *, ref: dt.date, promise_ids: Sequence[str]) -> int:
        """How many actions `overdue_actions` gives without a limit."""
        if not promise_ids:
            return 0
        with self._db.reading() as session:
            parameters = {"ref": ref, "ids": list(promise_ids)}
            return int(session.execute(_OVERDUE_COUNT, parameters).scalar_one())

    def overdue_by_owner(
        self, *, ref: dt.date, promise_ids: Sequence[str]
    ) -> list[tuple[ActionOwner, int]]:
        """How many of `overdue_actions` each owner has, most first."""
        if not promise_ids:
            return []
        with self._db.reading() as session:
            parameters = {"ref": ref, "ids": list(promise_ids)}
            return [
                (ActionOwner(owner), int(count))
                for owner, count in session.execute(_OVERDUE_BY_OWNER, parameters)
            ]

    def indicator_values(self) -> dict[str, list[tuple[str, float, str]]]:
        """Active values of the active indicators: indicator id → [(period key, value, note)]
        in period-key order."""
        result: dict[str, list[tuple[str, float, str]]] = {}
        with self._db.reading() as session:
            for indicator_id, key, value, note in session.execute(_INDICATOR_VALUES):
                result.setdefault(indicator_id, []).append((key, float(value), note or ""))
        return result

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


def _overdue_action(row: Any) -> OverdueAction:
    """An `OverdueAction` from a row of `_OVERDUE`."""
    (
        walk_id,
        walk_date,
        place,
        category,
        observation,
        what,
        owner,
        owner_detail,
        priority,
        deadline,
        status,
    ) = row
    return OverdueAction(
        walk_id=walk_id,
        walk_date=_date(walk_date),
        place=place or "",
        category=ObservationCategory(category),
        observation=observation,
        what=what,
        owner=ActionOwner(owner),
        owner_detail=owner_detail or "",
        priority=Priority(priority),
        deadline=_date(deadline),
        status=ActionStatus(status),
    )
