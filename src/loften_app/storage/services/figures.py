"""Read-only figures for a period, aggregated in SQL (the target engine's input).

`FigureService.period_figures` scans each activity table once over the period (through the
(deleted_at, date) indexes) and returns one `PromiseFigures` per promise: counts, hours, shares'
numerators and denominators, a histogram of days to contact. Deleted records never count.

Shift hours are computed in SQL from the stored "HH:MM:SS.ffffff" times: a shift whose end is not
after its start ends the next day, and its evening/night hours are its overlap with the windows
18:00–06:00 around its date. A shift counts whole, with its record, in the period of its date
(docs/figures.md): a 22:00–04:00 patrol on 31 December is six hours of December, as the list and
the export have it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.orm import Session

from loften_app.domain.enums import AgeGroup
from loften_app.domain.periods import Period, months_in

# The kinds import the services; by module, so that either may be imported first.
from loften_app.storage import kinds as _kinds
from loften_app.storage import totals as _totals
from loften_app.storage.database import Database
from loften_app.storage.engines import (
    count_true_sql,
    days_between_sql,
    dialect_of,
    driver_sql,
    month_sql,
)
from loften_app.storage.rows import driver_connection
from loften_app.storage.shift_sql import EVENING_NIGHT, start_end

__all__ = ["FigureService", "PromiseFigures"]


@dataclass
class PromiseFigures:
    """The figures of one promise's records (or several promises' added up) for a period."""

    records: int = 0
    hours_spent: float = 0.0
    patrols: int = 0
    shop_visits: int = 0
    patrol_hours: float = 0.0
    patrol_hours_evening_night: float = 0.0
    walks_completed: int = 0
    walks_planned: int = 0
    walks_cancelled: int = 0
    #: Planned walks dated from the as-of date to the end of the forecast period.
    walks_planned_ahead: int = 0
    next_planned_walk: dt.date | None = None
    deployments: int = 0
    volunteer_hours: float = 0.0
    deployments_with_municipality: int = 0
    deployments_with_business: int = 0
    drug_cases: int = 0
    drug_cases_by_age: dict[AgeGroup, int] = field(default_factory=dict)
    #: Cases whose age group is not given ("uppgift saknas").
    drug_cases_age_missing: int = 0
    drug_cases_notified: int = 0
    #: Days from detection to first contact → number of cases (cases with a contact only).
    contact_days: dict[int, int] = field(default_factory=dict)
    other_activities: int = 0
    #: Records with a free-text note (a drug case: either part's), which an internal report
    #: lists; every status of safety walk included.
    noted: int = 0
    #: Records of each kind with generic figures (`storage.kinds.FlatFigures`), by its key.
    kind_records: dict[str, int] = field(default_factory=dict)
    #: The sums of those kinds' columns, by the figure's name (the value of a `Measure`).
    sums: dict[str, float] = field(default_factory=dict)
    actions_open: int = 0
    actions_overdue: int = 0
    #: Actions whose deadline lies in the period, on or before the as-of date.
    actions_due: int = 0
    actions_closed_by_deadline: int = 0

    def add(self, other: PromiseFigures) -> None:
        """Add `other`'s figures to these."""
        for f in dataclasses.fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, dict):
                for key, value in theirs.items():
                    mine[key] = mine.get(key, 0) + value
            elif f.name == "next_planned_walk":
                dates = [d for d in (mine, theirs) if d is not None]
                setattr(self, f.name, min(dates) if dates else None)
            else:
                setattr(self, f.name, mine + theirs)

    @classmethod
    def total(cls, items: Iterable[PromiseFigures]) -> PromiseFigures:
        result = cls()
        for item in items:
            result.add(item)
        return result


#: The month of a record's date ("2018-07"): the bucket of the cached monthly figures (in
#: SQLite's SQL; `add_figures` asks `engines.month_sql` for the engine's own).
_MONTH = "substr({column}, 1, 7)"
#: One bucket: figures of a part of a month, computed on each call.
_WHOLE = "''"


#: 1 for a record with a free-text note, else 0 (`noted`; a drug case has two notes).
_NOTED = "CASE WHEN notes != '' THEN 1 ELSE 0 END"
#: The same as conditions (for `engines.count_true_sql`, a native count on PostgreSQL).
_NOTED_IF = "notes != ''"
_CASE_NOTED_IF = "coalesce(police_notes, '') != '' OR coalesce(municipal_notes, '') != ''"

#: Which records a figure query reads: those dated within :start–:end (`{date}` is the
#: kind's date column) ...
SPAN = "{date} BETWEEN :start AND :end"
#: ... or those whose id is in :ids (the records a write touches: `storage.totals`).
IDS = "id IN :ids"


def _shift_parts(table: str, columns: str, scope: str, dialect: str) -> str:
    """Each shift of `table` within `scope`, whole, as `parts`: `day` (its date),
    `counted` (1), `secs` and `night` (its seconds, in all and between 18:00 and 06:00),
    `whole` (its length in seconds) and `columns` of the record. A shift counts whole in the
    period of its date, as its record does in the list and the export (docs/figures.md)."""
    return f"""
WITH shifts AS (
    SELECT promise_id, date, {columns}, {start_end(dialect=dialect)}
    FROM {table}
    WHERE deleted_at IS NULL AND {scope.format(date="date")}
),
parts AS (
    SELECT promise_id, date AS day, 1 AS counted, {columns},
           e - s AS secs, {EVENING_NIGHT} AS night, e - s AS whole
    FROM shifts
)
"""


# Each query is made once per bucket, scope and engine (a save asks for one on every write).
# `dialect` names the engine whose SQL the text is in (engines.py: the few expressions that
# differ); the figures they give are the same on both.


@functools.cache
def _patrols_sql(bucket: str, scope: str, dialect: str) -> TextClause:
    return text(f"""{_shift_parts("patrol", "id, hours_spent, notes", scope, dialect)}
SELECT promise_id, {bucket.format(column="day")} AS bucket, total(counted),
       total(counted * hours_spent),
       total(CASE WHEN counted <> 0 THEN
                  (SELECT count(*) FROM shop_visit WHERE shop_visit.patrol_id = parts.id)
             ELSE 0 END),
       total(secs) / 3600.0, total(night) / 3600.0, total(counted * {_NOTED})
FROM parts
GROUP BY promise_id, bucket
""")


@functools.cache
def _deployments_sql(bucket: str, scope: str, dialect: str) -> TextClause:
    columns = (
        "hours_spent, volunteer_hours_override, volunteers, with_municipality, with_business, notes"
    )
    return text(f"""{_shift_parts("volunteer_deployment", columns, scope, dialect)}
SELECT promise_id, {bucket.format(column="day")} AS bucket, total(counted),
       total(counted * hours_spent),
       total(CASE WHEN volunteer_hours_override IS NOT NULL
                  THEN volunteer_hours_override * secs / whole
                  ELSE volunteers * secs / 3600.0 END),
       total(counted * with_municipality), total(counted * with_business),
       total(counted * {_NOTED})
FROM parts
GROUP BY promise_id, bucket
""")


@functools.cache
def _cases_sql(bucket: str, scope: str, dialect: str) -> TextClause:
    def count(condition: str) -> str:
        return count_true_sql(condition, dialect)

    return text(f"""
SELECT promise_id, {bucket.format(column="detected_on")} AS bucket,
       {days_between_sql("first_contact_on", "detected_on", dialect)},
       count(*), total(hours_spent), {count("municipality_notified_on IS NOT NULL")},
       {count("age_group = 'under_18'")}, {count("age_group = '18_25'")},
       {count("age_group = '26_plus'")}, {count("age_group IS NULL")},
       {count(_CASE_NOTED_IF)}
FROM drug_case
WHERE deleted_at IS NULL AND {scope.format(date="detected_on")}
GROUP BY 1, 2, 3
""")


@functools.cache
def _other_sql(bucket: str, scope: str, dialect: str) -> TextClause:
    return text(f"""
SELECT promise_id, {bucket.format(column="date")} AS bucket, count(*), total(hours_spent),
       {count_true_sql(_NOTED_IF, dialect)}
FROM other_activity
WHERE deleted_at IS NULL AND {scope.format(date="date")}
GROUP BY promise_id, bucket
""")


_FLAT_SQL: dict[tuple[str, str, str, str], TextClause] = {}


def _flat_sql(kind: _kinds.StorageKind, bucket: str, scope: str, dialect: str) -> TextClause:
    """Records, hours spent and the summed columns of a kind with generic figures."""
    key = (kind.key, bucket, scope, dialect)
    found = _FLAT_SQL.get(key)
    if found is not None:
        return found
    assert kind.figures is not None
    date = kind.domain.date_field or "date"
    sums = "".join(f", total({column})" for column in kind.figures.sums.values())
    found = _FLAT_SQL[key] = text(f"""
SELECT promise_id, {bucket.format(column=date)} AS bucket, count(*), total(hours_spent),
       {count_true_sql(_NOTED_IF, dialect)}{sums}
FROM {kind.table}
WHERE deleted_at IS NULL AND {scope.format(date=date)}
GROUP BY promise_id, bucket
""")
    return found


_WALKS = text(f"""
SELECT promise_id, status, count(*), total(hours_spent), total({_NOTED})
FROM safety_walk
WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY promise_id, status
""")

_WALKS_BY_MONTH = text("""
SELECT substr(date, 1, 7), count(*)
FROM safety_walk
WHERE deleted_at IS NULL AND status = 'completed' AND date BETWEEN :start AND :end
  AND promise_id IN :ids
GROUP BY 1
""")

_PLANNED_AHEAD = text("""
SELECT promise_id, count(*), min(date)
FROM safety_walk
WHERE deleted_at IS NULL AND status = 'planned' AND date BETWEEN :start AND :end
  AND promise_id IN :ids
GROUP BY promise_id
""")

#: The actions of the active walks, grouped by promise, walk date, deadline, closed (done or
#: rejected) and closing date: enough to tell, for any as-of date, which are open, overdue, due
#: and closed by their deadline (`_add_actions`). A few thousand rows for a million records
#: (52,000 actions), read once until the file changes instead of once per window.
_ACTION_GROUPS = text("""
SELECT w.promise_id, w.date, a.deadline, a.status IN ('done', 'rejected'), a.closed_on, count(*)
FROM walk_action AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
WHERE w.deleted_at IS NULL AND w.promise_id IN :ids
GROUP BY 1, 2, 3, 4, 5
""")


#: One request for figures: the period and the end of its forecast (None: the period's end).
FigureRequest = tuple[Period, dt.date | None]

#: (promise id, walk date, deadline or None, closed, closing date or None, how many); dates as
#: "YYYY-MM-DD".
ActionGroup = tuple[str, str, str | None, bool, str | None, int]


class FigureService:
    """Aggregate figures for the target engine and the reports. Reads only.

    The figures of the big tables (patrols, volunteer deployments, drug cases, other
    activities, the generic kinds) add up over months, so they are stored per promise and
    whole month in the database (`storage.totals`, kept with every write): a year or a quarter
    is the sum of its months' stored totals, and only a partial month at either end of a
    period is counted from the records. Safety walks and their actions depend on the as-of
    date and are few, so they are read on every call. Whole answers are cached until the file
    changes (`Database.change_marker`, which sees this process's commits and other processes'
    alike). Safe to share between threads.
    """

    def __init__(self, database: Database) -> None:
        self._db = database
        self._lock = threading.Lock()
        self._marker: int | None = None
        #: Whole answers, for a period asked again with the same as-of date.
        self._answers: dict[tuple[Any, ...], dict[str, PromiseFigures]] = {}
        #: The walk actions grouped (`_ACTION_GROUPS`), by the promises' ids.
        self._action_groups: dict[tuple[Any, ...], list[ActionGroup]] = {}

    def period_figures(
        self,
        *,
        period: Period,
        promise_ids: Sequence[str],
        as_of: dt.date,
        forecast_until: dt.date | None = None,
    ) -> dict[str, PromiseFigures]:
        """Figures of the records of `promise_ids` dated within `period`, per promise id.

        `as_of` is the date that open and overdue walk actions are judged on (clipped to the
        period's end); planned walks are counted from it to `forecast_until` (default: the end
        of the period). Every promise id given has an entry, zeros when it has no records.
        """
        return self.many_figures([(period, forecast_until)], promise_ids=promise_ids, as_of=as_of)[
            0
        ]

    def many_figures(
        self,
        requests: Sequence[FigureRequest],
        *,
        promise_ids: Sequence[str],
        as_of: dt.date,
        actions: Sequence[bool] | None = None,
    ) -> list[dict[str, PromiseFigures]]:
        """`period_figures` of each (period, forecast_until) of `requests`, in their order, read
        together: the walk actions read once, grouped, for every window (a report or the overview
        measures many windows; the actions' joins are most of a million-record file's cold
        figures), each partial month counted once.

        `actions` (one flag per request; default: all) says which requests need the walk
        actions' figures: those of a request without are left at zero (for a caller that reads
        no `actions_*` figure of it)."""
        ids = list(dict.fromkeys(promise_ids))
        flags = [True] * len(requests) if actions is None else list(actions)
        keys = [
            (period, tuple(ids), as_of, until, flag)
            for (period, until), flag in zip(requests, flags, strict=True)
        ]
        with self._lock:
            self._check(self._db.change_marker())
            # An answer with the actions also answers a request without them.
            found = {
                key: self._answers.get(key) or self._answers.get((*key[:4], True)) for key in keys
            }
        missing = [key for key, answer in found.items() if answer is None]
        if missing:
            computed = self._compute(
                [(key[0], key[3]) for key in missing], ids, as_of, [key[4] for key in missing]
            )
            with self._lock:
                if len(self._answers) + len(missing) > 256:
                    self._answers.clear()
                for key, result in zip(missing, computed, strict=True):
                    found[key] = result
                    self._answers[key] = _copied(result)
        return [_copied(found[key] or {}) for key in keys]

    def _check(self, marker: int) -> None:
        """Forget everything when the file changed since `self._marker` (lock held)."""
        if marker != self._marker:
            self._answers.clear()
            self._action_groups.clear()
            self._marker = marker

    def _compute(
        self,
        requests: Sequence[FigureRequest],
        ids: list[str],
        as_of: dt.date,
        actions: Sequence[bool],
    ) -> list[dict[str, PromiseFigures]]:
        results = [{promise_id: PromiseFigures() for promise_id in ids} for _ in requests]
        if not ids:
            return results
        partial: dict[Period, dict[str, PromiseFigures]] = {}
        with self._db.reading() as session:
            for (period, forecast_until), result in zip(requests, results, strict=True):
                for part in self._additive_parts(session, period, ids, partial):
                    for promise_id, figures in part.items():
                        if promise_id in result:
                            result[promise_id].add(figures)
                span = {"start": period.start, "end": period.end, "ids": ids}
                self._walks(session, span, result)
                ahead_start = max(as_of, period.start)
                ahead_end = forecast_until or period.end
                if ahead_start <= ahead_end:
                    self._planned_ahead(session, ahead_start, ahead_end, ids, result)
            if any(actions):
                groups = self._grouped_actions(session, ids)
                for (period, _), result, wanted in zip(requests, results, actions, strict=True):
                    if wanted:
                        _add_actions(groups, period.start, min(as_of, period.end), result)
        return results

    def _additive_parts(
        self,
        session: Session,
        period: Period,
        ids: Sequence[str],
        partial: dict[Period, dict[str, PromiseFigures]] | None = None,
    ) -> list[dict[str, PromiseFigures]]:
        """The additive figures of `period`, one part per month of it: whole months read from
        the stored totals (`storage.totals`), the partial months at its ends computed now (or
        taken from `partial`, where they are kept for the next period of the same call)."""
        months = months_in(period)
        segments = [m.overlap(period) or m for m in months]
        first, last = (m.start.isoformat()[:7] for m in (months[0], months[-1]))
        stored = _totals.read_months(session, ids, first, last)
        parts: list[dict[str, PromiseFigures]] = []
        for segment, month in zip(segments, months, strict=True):
            if segment == month:
                parts.append(stored.get(month.start.isoformat()[:7], {}))
            elif partial is not None and segment in partial:
                parts.append(partial[segment])
            else:
                counted = _additive_figures(session, segment, by_month=False)[segment]
                if partial is not None:
                    partial[segment] = counted
                parts.append(counted)
        return parts

    def monthly_counts(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[str, dict[str, int]]:
        """Records of `promise_ids` per record table and month ("2018-07") dated in `period`:
        "patrol", "safety_walk" (completed walks), "volunteer_deployment", "drug_case" (by
        detection date) and "other_activity"; tables without records are left out. The big
        tables come from the monthly cache (shared with `period_figures`)."""
        wanted = set(promise_ids)
        result: dict[str, dict[str, int]] = {}
        if not wanted:
            return result

        def put(table: str, month: str, count: int) -> None:
            if count:
                by_month = result.setdefault(table, {})
                by_month[month] = by_month.get(month, 0) + count

        with self._db.reading() as session:
            parts = self._additive_parts(session, period, list(wanted))
            for segment, part in zip(months_in(period), parts, strict=True):
                month = segment.start.isoformat()[:7]
                for promise_id, f in part.items():
                    if promise_id in wanted:
                        put("patrol", month, f.patrols)
                        put("volunteer_deployment", month, f.deployments)
                        put("drug_case", month, f.drug_cases)
                        put("other_activity", month, f.other_activities)
                        for key, count in f.kind_records.items():
                            put(key, month, count)
            parameters = {"start": period.start, "end": period.end, "ids": list(wanted)}
            for month, count in session.execute(_with_ids(_WALKS_BY_MONTH), parameters):
                put("safety_walk", month, int(count))
        return result

    # --- walks and actions: read on every call --------------------------------------------------

    @staticmethod
    def _walks(session: Session, span: dict[str, Any], out: dict[str, PromiseFigures]) -> None:
        for pid, status, count, spent, noted in session.execute(_with_ids(_WALKS), span):
            f = out[pid]
            f.hours_spent += spent
            f.noted += int(noted)
            if status == "completed":
                f.walks_completed += count
                f.records += count
            elif status == "planned":
                f.walks_planned += count
            else:
                f.walks_cancelled += count

    @staticmethod
    def _planned_ahead(
        session: Session,
        start: dt.date,
        end: dt.date,
        ids: list[str],
        out: dict[str, PromiseFigures],
    ) -> None:
        parameters = {"start": start, "end": end, "ids": ids}
        for pid, count, first in session.execute(_with_ids(_PLANNED_AHEAD), parameters):
            out[pid].walks_planned_ahead += count
            out[pid].next_planned_walk = dt.date.fromisoformat(str(first))

    def _grouped_actions(self, session: Session, ids: list[str]) -> list[ActionGroup]:
        """The walk actions of `ids` grouped (`_ACTION_GROUPS`): read once per set of promises
        until the file changes (a report asks for several windows and as-of dates: the
        quarter, the year so far, the targets' periods)."""
        key = tuple(sorted(ids))
        with self._lock:
            groups = self._action_groups.get(key)
        if groups is not None:
            return groups
        groups = [
            (
                str(pid),
                _iso(walk_date),
                None if deadline is None else _iso(deadline),
                bool(closed),
                None if closed_on is None else _iso(closed_on),
                int(count),
            )
            for pid, walk_date, deadline, closed, closed_on, count in session.execute(
                _with_ids(_ACTION_GROUPS), {"ids": ids}
            )
        ]
        with self._lock:
            if len(self._action_groups) > 64:
                self._action_groups.clear()
            self._action_groups[key] = groups
        return groups


def _iso(value: Any) -> str:
    """A date as "YYYY-MM-DD" (SQLite gives the text, PostgreSQL a date)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _add_actions(
    groups: list[ActionGroup], start: dt.date, ref: dt.date, out: dict[str, PromiseFigures]
) -> None:
    """Add the actions' figures of the window `start`–`ref`, judged on `ref`, of the walks
    dated up to `ref`: open on `ref` (not closed, as done or rejected, on or before it) and of
    those the overdue (deadline before `ref`); due in the window (deadline within it) and of
    those the closed by their deadline."""
    first, last = start.isoformat(), ref.isoformat()
    for pid, walk_date, deadline, closed, closed_on, count in groups:
        if walk_date > last:
            continue
        f = out[pid]
        if not (closed and (closed_on is None or closed_on <= last)):
            f.actions_open += count
            if deadline is not None and deadline < last:
                f.actions_overdue += count
        if deadline is not None and first <= deadline <= last:
            f.actions_due += count
            if closed and closed_on is not None and closed_on <= deadline:
                f.actions_closed_by_deadline += count


def _copied(answer: dict[str, PromiseFigures]) -> dict[str, PromiseFigures]:
    """A copy of an answer that the caller may change (the cache keeps its own)."""
    return {pid: PromiseFigures.total([f]) for pid, f in answer.items()}


# --- the additive figures, per segment ----------------------------------------------------------

#: Figures per segment (a whole month, or one partial span) and promise id.
Segments = dict[Period, dict[str, PromiseFigures]]


def _additive_figures(session: Session, span: Period, *, by_month: bool) -> Segments:
    """The additive figures of every promise for `span`: per whole month of it when `by_month`
    (then `span` is made of whole months), else for `span` as one segment. A shift's hours
    count whole in the segment of its date."""
    segments = months_in(span) if by_month else [span]
    bucket = _MONTH if by_month else _WHOLE
    keys = {(s.start.isoformat()[:7] if by_month else ""): s for s in segments}
    out: Segments = {s: {} for s in segments}

    def figures(pid: str, key: str) -> PromiseFigures:
        return out[keys[key]].setdefault(pid, PromiseFigures())

    add_figures(session, figures, bucket=bucket, parameters={"start": span.start, "end": span.end})
    return out


#: The tables whose records have additive figures (the stored totals' tables).
def additive_tables() -> tuple[str, ...]:
    return (
        "patrol",
        "volunteer_deployment",
        "drug_case",
        "other_activity",
        *(kind.table for kind in _kinds.FLAT_FIGURE_KINDS),
    )


def add_figures(
    session: Session,
    figures: Callable[[str, str], PromiseFigures],
    *,
    bucket: str = _MONTH,
    parameters: dict[str, Any],
    scope: str = SPAN,
    tables: Iterable[str] | None = None,
) -> None:
    """Add the additive figures of the records within `scope` (SPAN: dated :start–:end; IDS:
    the ids in :ids) of `tables` (default: every table with additive figures) to
    `figures(promise_id, bucket)`: one grouped query per table. The one rule of what a record
    adds up to: the figures and the stored totals (`storage.totals`) both count with it."""
    dialect = dialect_of(session)
    for table in additive_tables():
        if tables is not None and table not in tables:
            continue
        statement = figure_query(table, dialect, bucket=bucket, scope=scope)
        rows: Iterable[Sequence[Any]]
        if scope == IDS:
            rows = _run_for_ids(session, statement.text, parameters["ids"])
        else:
            rows = session.execute(statement, parameters)
        add_rows(table, rows, figures)


def figure_query(
    table: str, dialect: str, *, bucket: str = _MONTH, scope: str = SPAN
) -> TextClause:
    """The grouped figure query of the records of `table` (one with additive figures) within
    `scope`, by promise and `bucket` (default: month), in `dialect`'s SQL; its rows go to
    `add_rows`."""
    if bucket == _MONTH:
        bucket = month_sql("{column}", dialect)
    if table == "patrol":
        return _patrols_sql(bucket, scope, dialect)
    if table == "volunteer_deployment":
        return _deployments_sql(bucket, scope, dialect)
    if table == "drug_case":
        return _cases_sql(bucket, scope, dialect)
    if table == "other_activity":
        return _other_sql(bucket, scope, dialect)
    return _flat_sql(_flat_kinds()[table], bucket, scope, dialect)


@functools.cache
def _flat_kinds() -> dict[str, _kinds.StorageKind]:
    """The kinds with generic figures, by table."""
    return {kind.table: kind for kind in _kinds.FLAT_FIGURE_KINDS}


def add_rows(
    table: str, rows: Iterable[Sequence[Any]], figures: Callable[[str, str], PromiseFigures]
) -> None:
    """Add the rows of `figure_query(table, ...)` to `figures(promise_id, bucket)`."""
    if table == "patrol":
        for pid, key, count, spent, visits, hours, evening, noted in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.patrols += int(count)
            f.records += int(count)
            f.hours_spent += spent
            f.shop_visits += int(visits)
            f.patrol_hours += hours
            f.patrol_hours_evening_night += evening
    elif table == "volunteer_deployment":
        for pid, key, count, spent, hours, municipality, business, noted in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.deployments += int(count)
            f.records += int(count)
            f.hours_spent += spent
            f.volunteer_hours += hours
            f.deployments_with_municipality += int(municipality)
            f.deployments_with_business += int(business)
    elif table == "drug_case":
        for pid, key, days, count, spent, notified, under_18, young, older, missing, noted in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.drug_cases += count
            f.drug_cases_age_missing += int(missing)
            f.records += count
            f.hours_spent += spent
            f.drug_cases_notified += int(notified)
            for group, n in (
                (AgeGroup.UNDER_18, under_18),
                (AgeGroup.AGE_18_25, young),
                (AgeGroup.AGE_26_PLUS, older),
            ):
                f.drug_cases_by_age[group] = f.drug_cases_by_age.get(group, 0) + int(n)
            if days is not None:
                f.contact_days[days] = f.contact_days.get(days, 0) + count
    elif table == "other_activity":
        for pid, key, count, spent, noted in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.other_activities += count
            f.records += count
            f.hours_spent += spent
    else:
        kind = _flat_kinds()[table]
        assert kind.figures is not None
        names = list(kind.figures.sums)
        for pid, key, count, spent, noted, *sums in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.kind_records[kind.key] = f.kind_records.get(kind.key, 0) + count
            f.records += count
            f.hours_spent += spent
            for name, value in zip(names, sums, strict=True):
                f.sums[name] = f.sums.get(name, 0.0) + value


def _with_ids(statement: Any) -> Any:
    return statement.bindparams(bindparam("ids", expanding=True))


def _run_for_ids(session: Session, sql: str, ids: Sequence[str]) -> list[Any]:
    """A figure query scoped to the records with `ids` (`IDS`), run on the transaction's
    DB-API connection: the path of every save (`storage.totals`), where SQLAlchemy's statement
    execution would cost more than the query. Pending ORM changes are flushed first, as
    `session.execute` would."""
    session.flush()
    driver = _ids_sql(sql, len(ids), dialect_of(session))
    cursor = driver_connection(session).cursor()
    try:
        cursor.execute(driver, tuple(ids))
        return list(cursor.fetchall())
    finally:
        cursor.close()


@functools.lru_cache(maxsize=256)
def _ids_sql(sql: str, count: int, dialect: str) -> str:
    """`sql` with its `:ids` as `count` positional placeholders, in `dialect`'s style (made
    once per query, count and dialect: a save counts one id)."""
    listed = "(" + ", ".join(["?"] * count) + ")"
    return driver_sql(sql.replace(":ids", listed), dialect)
