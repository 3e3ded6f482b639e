"""The figures' SQL text and how their rows add up, without SQLAlchemy.

`services.figures` (the figures of every report, through SQLAlchemy) and `storage.quick` (the
overview's first figures on a plain `sqlite3` connection, before SQLAlchemy is imported) read
the same statements and fold their rows with the same functions: there is one rule of what a
record adds up to. The engine-neutral SQL text of `engines` and `shift_sql` lives here too
(both re-export it), as do the stored totals' measures (`storage.totals`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from loften_app.domain.enums import AgeGroup, Measure
from loften_app.domain.periods import Period, months_in

__all__ = [
    "ACTION_GROUPS_SQL",
    "FLAT_KINDS",
    "IDS",
    "PLANNED_AHEAD_SQL",
    "SPAN",
    "TOTALS_SQL",
    "WALKS_SQL",
    "FlatKind",
    "PromiseFigures",
    "add_actions",
    "add_rows",
    "figure_query_text",
    "put_measure",
    "shift_hours",
]

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def days_between_sql(later: str, earlier: str, dialect: str) -> str:
    """SQL text: whole days from the date column `earlier` to `later` (NULL if either is)."""
    if dialect == SQLITE:
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
    return f"({later} - {earlier})"


def seconds_of_day_sql(column: str, dialect: str) -> str:
    """SQL text: the seconds after midnight of the stored time `column` (a float)."""
    if dialect == SQLITE:
        # Stored as "HH:MM:SS.ffffff".
        return (
            f"(CAST(substr({column}, 1, 2) AS INTEGER) * 3600"
            f" + CAST(substr({column}, 4, 2) AS INTEGER) * 60"
            f" + CAST(substr({column}, 7) AS REAL))"
        )
    return f"date_part('epoch', {column})"


def month_sql(column: str, dialect: str) -> str:
    """SQL text: the month of the date `column` as "YYYY-MM"."""
    if dialect == SQLITE:
        return f"substr({column}, 1, 7)"
    return f"to_char({column}, 'YYYY-MM')"


def count_true_sql(condition: str, dialect: str) -> str:
    """SQL text: an aggregate, the rows for which `condition` holds (SQLite's total() of a
    truth value, a float; on PostgreSQL a native count, where the compatibility aggregate
    would call an SQL function per row)."""
    if dialect == SQLITE:
        return f"total({condition})"
    return f"count(*) FILTER (WHERE {condition})"


# --- a shift (`shift_sql`) ------------------------------------------------------------------------

#: Seconds of a day.
DAY = 86400


def seconds(column: str, dialect: str = SQLITE) -> str:
    """Seconds after midnight of a stored time column (SQL text; SQLite's runs on a server too,
    through its compatibility functions, only slower)."""
    return seconds_of_day_sql(column, dialect)


def shift_hours(prefix: str = "") -> str:
    """The length of a shift in hours (SQL text; an end not after its start is on the next
    day)."""
    start, end = seconds(f"{prefix}start_time"), seconds(f"{prefix}end_time")
    return f"((CASE WHEN {end} <= {start} THEN {DAY} ELSE 0 END + {end} - {start}) / 3600.0)"


def start_end(prefix: str = "", dialect: str = SQLITE) -> str:
    """`s` and `e`: the start and end of each shift in seconds after midnight of its date (`e`
    past 86400 when the shift ends the next day), as a SELECT list in `dialect`'s SQL."""
    start = seconds(f"{prefix}start_time", dialect)
    end = seconds(f"{prefix}end_time", dialect)
    return f"{start} AS s, CASE WHEN {end} <= {start} THEN {end} + {DAY} ELSE {end} END AS e"


#: Seconds of a shift (`s`, `e` from `start_end`) between 18:00 and 06:00: the night before, the
#: evening of and the night after.
EVENING_NIGHT = (
    "(max(0, min(e, 21600) - s) + max(0, min(e, 108000) - max(s, 64800)) + max(0, e - 151200))"
)


# --- the figures ----------------------------------------------------------------------------------


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
MONTH = "substr({column}, 1, 7)"
#: One bucket: figures of a part of a month, computed on each call.
WHOLE = "''"


#: 1 for a record with a free-text note, else 0 (`noted`; a drug case has two notes).
NOTED = "CASE WHEN notes != '' THEN 1 ELSE 0 END"
#: The same as conditions (for `engines.count_true_sql`, a native count on PostgreSQL).
NOTED_IF = "notes != ''"
CASE_NOTED_IF = "coalesce(police_notes, '') != '' OR coalesce(municipal_notes, '') != ''"

#: Which records a figure query reads: those dated within :start–:end (`{date}` is the
#: kind's date column) ...
SPAN = "{date} BETWEEN :start AND :end"
#: ... or those whose id is in :ids (the records a write touches: `storage.totals`).
IDS = "id IN :ids"


def live_within(scope: str, date: str, dialect: str) -> str:
    """SQL condition: the live (not deleted) records within `scope` (`SPAN` or `IDS`; `date`
    names the kind's date column). Among the records a write touches (`IDS`), SQLite is kept
    on the primary key (`+deleted_at` can use no index): with a long list of ids, such as a
    chunk of a bulk load or an import, its planner otherwise took the `(deleted_at, date)`
    index and read every live record of the table for each chunk, so that loading a large
    file took time growing with the square of its size."""
    within = scope.format(date=date)
    if scope == IDS and dialect == SQLITE:
        return f"+deleted_at IS NULL AND {within}"
    return f"deleted_at IS NULL AND {within}"


def shift_parts(table: str, columns: str, scope: str, dialect: str) -> str:
    """Each shift of `table` within `scope`, whole, as `parts`: `day` (its date),
    `counted` (1), `secs` and `night` (its seconds, in all and between 18:00 and 06:00),
    `whole` (its length in seconds) and `columns` of the record. A shift counts whole in the
    period of its date, as its record does in the list and the export (docs/figures.md)."""
    return f"""
WITH shifts AS (
    SELECT promise_id, date, {columns}, {start_end(dialect=dialect)}
    FROM {table}
    WHERE {live_within(scope, "date", dialect)}
),
parts AS (
    SELECT promise_id, date AS day, 1 AS counted, {columns},
           e - s AS secs, {EVENING_NIGHT} AS night, e - s AS whole
    FROM shifts
)
"""


def patrols_sql(bucket: str, scope: str, dialect: str) -> str:
    return f"""{shift_parts("patrol", "id, hours_spent, notes", scope, dialect)}
SELECT promise_id, {bucket.format(column="day")} AS bucket, total(counted),
       total(counted * hours_spent),
       total(CASE WHEN counted <> 0 THEN
                  (SELECT count(*) FROM shop_visit WHERE shop_visit.patrol_id = parts.id)
             ELSE 0 END),
       total(secs) / 3600.0, total(night) / 3600.0, total(counted * {NOTED})
FROM parts
GROUP BY promise_id, bucket
"""


def deployments_sql(bucket: str, scope: str, dialect: str) -> str:
    columns = (
        "hours_spent, volunteer_hours_override, volunteers, with_municipality, with_business, notes"
    )
    return f"""{shift_parts("volunteer_deployment", columns, scope, dialect)}
SELECT promise_id, {bucket.format(column="day")} AS bucket, total(counted),
       total(counted * hours_spent),
       total(CASE WHEN volunteer_hours_override IS NOT NULL
                  THEN volunteer_hours_override * secs / whole
                  ELSE volunteers * secs / 3600.0 END),
       total(counted * with_municipality), total(counted * with_business),
       total(counted * {NOTED})
FROM parts
GROUP BY promise_id, bucket
"""


def cases_sql(bucket: str, scope: str, dialect: str) -> str:
    def count(condition: str) -> str:
        return count_true_sql(condition, dialect)

    return f"""
SELECT promise_id, {bucket.format(column="detected_on")} AS bucket,
       {days_between_sql("first_contact_on", "detected_on", dialect)},
       count(*), total(hours_spent), {count("municipality_notified_on IS NOT NULL")},
       {count("age_group = 'under_18'")}, {count("age_group = '18_25'")},
       {count("age_group = '26_plus'")}, {count("age_group IS NULL")},
       {count(CASE_NOTED_IF)}
FROM drug_case
WHERE {live_within(scope, "detected_on", dialect)}
GROUP BY 1, 2, 3
"""


def other_sql(bucket: str, scope: str, dialect: str) -> str:
    return f"""
SELECT promise_id, {bucket.format(column="date")} AS bucket, count(*), total(hours_spent),
       {count_true_sql(NOTED_IF, dialect)}
FROM other_activity
WHERE {live_within(scope, "date", dialect)}
GROUP BY promise_id, bucket
"""


@dataclass(frozen=True)
class FlatKind:
    """A kind whose records count through plain columns (`storage.kinds.FlatFigures`): each
    record counts once, its `hours_spent` adds up, and each column of `sums` adds up into the
    figure named by its key (`PromiseFigures.sums`, the value of a `Measure`)."""

    key: str
    table: str
    #: The date column its records are counted by.
    date: str
    sums: Mapping[str, str]


#: The kinds with generic figures, in the order of the domain's activity kinds (`storage.kinds`
#: builds its `FlatFigures` from these; a test checks that the two agree).
FLAT_KINDS: tuple[FlatKind, ...] = (
    FlatKind(
        "neighbourhood_watch",
        "neighbourhood_watch",
        "date",
        {
            Measure.HOUSEHOLDS_REACHED.value: "households_reached",
            Measure.NEW_GROUPS.value: "new_groups",
        },
    ),
)
FLAT_KIND_BY_TABLE: dict[str, FlatKind] = {kind.table: kind for kind in FLAT_KINDS}


def flat_sql(kind: FlatKind, bucket: str, scope: str, dialect: str) -> str:
    """Records, hours spent and the summed columns of a kind with generic figures."""
    sums = "".join(f", total({column})" for column in kind.sums.values())
    return f"""
SELECT promise_id, {bucket.format(column=kind.date)} AS bucket, count(*), total(hours_spent),
       {count_true_sql(NOTED_IF, dialect)}{sums}
FROM {kind.table}
WHERE {live_within(scope, kind.date, dialect)}
GROUP BY promise_id, bucket
"""


@functools.cache
def additive_tables() -> tuple[str, ...]:
    """The tables whose records have additive figures (the stored totals' tables)."""
    return (
        "patrol",
        "volunteer_deployment",
        "drug_case",
        "other_activity",
        *(kind.table for kind in FLAT_KINDS),
    )


def figure_query_text(table: str, dialect: str, *, bucket: str = MONTH, scope: str = SPAN) -> str:
    """The grouped figure query of the records of `table` (one with additive figures) within
    `scope`, by promise and `bucket` (default: month), in `dialect`'s SQL; its rows go to
    `add_rows`."""
    if bucket == MONTH:
        bucket = month_sql("{column}", dialect)
    if table == "patrol":
        return patrols_sql(bucket, scope, dialect)
    if table == "volunteer_deployment":
        return deployments_sql(bucket, scope, dialect)
    if table == "drug_case":
        return cases_sql(bucket, scope, dialect)
    if table == "other_activity":
        return other_sql(bucket, scope, dialect)
    return flat_sql(FLAT_KIND_BY_TABLE[table], bucket, scope, dialect)


WALKS_SQL = f"""
SELECT promise_id, status, count(*), total(hours_spent), total({NOTED})
FROM safety_walk
WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY promise_id, status
"""

WALKS_BY_MONTH_SQL = """
SELECT substr(date, 1, 7), count(*)
FROM safety_walk
WHERE deleted_at IS NULL AND status = 'completed' AND date BETWEEN :start AND :end
  AND promise_id IN :ids
GROUP BY 1
"""

PLANNED_AHEAD_SQL = """
SELECT promise_id, count(*), min(date)
FROM safety_walk
WHERE deleted_at IS NULL AND status = 'planned' AND date BETWEEN :start AND :end
  AND promise_id IN :ids
GROUP BY promise_id
"""

#: The actions of the active walks, grouped by promise, walk date, deadline, closed (done or
#: rejected) and closing date: enough to tell, for any as-of date, which are open, overdue, due
#: and closed by their deadline (`_add_actions`). A few thousand rows for a million records
#: (52,000 actions), read once until the file changes instead of once per window.
ACTION_GROUPS_SQL = """
SELECT w.promise_id, w.date, a.deadline, a.status IN ('done', 'rejected'), a.closed_on, count(*)
FROM walk_action AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
WHERE w.deleted_at IS NULL AND w.promise_id IN :ids
GROUP BY 1, 2, 3, 4, 5
"""


#: (promise id, walk date, deadline or None, closed, closing date or None, how many); dates as
#: "YYYY-MM-DD".
ActionGroup = tuple[str, str, str | None, bool, str | None, int]


def iso(value: Any) -> str:
    """A date as "YYYY-MM-DD" (SQLite gives the text, PostgreSQL a date)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def add_actions(
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
        kind = FLAT_KIND_BY_TABLE[table]
        names = list(kind.sums)
        for pid, key, count, spent, noted, *sums in rows:
            f = figures(pid, key)
            f.noted += int(noted)
            f.kind_records[kind.key] = f.kind_records.get(kind.key, 0) + count
            f.records += count
            f.hours_spent += spent
            for name, value in zip(names, sums, strict=True):
                f.sums[name] = f.sums.get(name, 0.0) + value


# --- the stored totals (`storage.totals`) ---------------------------------------------------------

TOTALS_TABLE = "figure_total"
#: A server's changes not yet folded into TOTALS_TABLE.
TOTALS_CHANGES = "figure_total_change"
#: Both tables added up, in one statement (one snapshot, whatever a fold does meanwhile).
TOTALS_BOTH = f"""
SELECT promise_id, month, measure, total(value) FROM (
    SELECT promise_id, month, measure, value FROM {TOTALS_TABLE} WHERE {{where}}
    UNION ALL
    SELECT promise_id, month, measure, value FROM {TOTALS_CHANGES} WHERE {{where}}
) AS both_tables
GROUP BY promise_id, month, measure
"""
#: The stored figures of the promises :ids in the months :first–:last.
TOTALS_SQL = TOTALS_BOTH.format(where="promise_id IN :ids AND month BETWEEN :first AND :last")

#: Whole-number figures of `PromiseFigures` stored as they are.
COUNTS = (
    "records",
    "patrols",
    "shop_visits",
    "deployments",
    "deployments_with_municipality",
    "deployments_with_business",
    "drug_cases",
    "drug_cases_age_missing",
    "drug_cases_notified",
    "other_activities",
    "noted",
)
#: Amounts (hours) of `PromiseFigures`.
AMOUNTS = ("hours_spent", "patrol_hours", "patrol_hours_evening_night", "volunteer_hours")
#: The dictionaries of `PromiseFigures`, by the prefix of their measures ("age:under_18").
AGE, CONTACT, KIND, SUM = "age:", "contact_days:", "kind:", "sum:"


def put_measure(f: Any, measure: str, value: float) -> None:
    """Add one stored measure to a `PromiseFigures`."""
    if measure in COUNTS:
        setattr(f, measure, getattr(f, measure) + round(value))
    elif measure in AMOUNTS:
        setattr(f, measure, getattr(f, measure) + value)
    elif measure.startswith(AGE):
        group = AgeGroup(measure[len(AGE) :])
        f.drug_cases_by_age[group] = f.drug_cases_by_age.get(group, 0) + round(value)
    elif measure.startswith(CONTACT):
        days = int(measure[len(CONTACT) :])
        f.contact_days[days] = f.contact_days.get(days, 0) + round(value)
    elif measure.startswith(KIND):
        key = measure[len(KIND) :]
        f.kind_records[key] = f.kind_records.get(key, 0) + round(value)
    elif measure.startswith(SUM):
        key = measure[len(SUM) :]
        f.sums[key] = f.sums.get(key, 0.0) + value


def months_from_rows(rows: Iterable[Sequence[Any]]) -> dict[str, dict[str, PromiseFigures]]:
    """The rows of TOTALS_SQL as `PromiseFigures` by month and promise id."""
    out: dict[str, dict[str, PromiseFigures]] = {}
    for pid, month, measure, value in rows:
        by_promise = out.setdefault(month, {})
        f = by_promise.get(pid)
        if f is None:
            f = by_promise[pid] = PromiseFigures()
        put_measure(f, measure, float(value))
    for by_promise in out.values():
        for f in by_promise.values():
            if f.drug_cases:  # as counted: every age group named once there are cases
                for group in AgeGroup:
                    f.drug_cases_by_age.setdefault(group, 0)
    return out


# --- adding the figures of periods up (`services.figures.FigureService`, `storage.quick`) ---

#: Runs one of the statements above with `:name` parameters (dates as `datetime.date`, `:ids` a
#: list of promise ids, which the runner writes out) and gives its rows.
Rows = Callable[[str, dict[str, Any]], Iterable[Sequence[Any]]]
#: The stored totals of the promises `ids` in the months `first`–`last` ("YYYY-MM"), by month
#: and promise id (`months_from_rows` of TOTALS_SQL, on a server with the unfolded changes).
StoredMonths = Callable[[list[str], str, str], dict[str, dict[str, PromiseFigures]]]
#: The additive figures of every promise's records dated in a period, counted from the records.
Counted = Callable[[Period], dict[str, PromiseFigures]]


@dataclass(frozen=True)
class FigureReads:
    """How one reader (the services' session, or the quick reader's connection) reads what
    `add_up` adds up, within one snapshot."""

    rows: Rows
    stored: StoredMonths
    counted: Counted
    #: The walk actions of the promises, grouped (`action_groups_from` of ACTION_GROUPS_SQL).
    action_groups: Callable[[list[str]], list[ActionGroup]]


def add_up(
    reads: FigureReads,
    requests: Sequence[tuple[Period, dt.date | None]],
    ids: list[str],
    as_of: dt.date,
    actions: Sequence[bool],
) -> list[dict[str, PromiseFigures]]:
    """The figures of each (period, forecast until) of `requests` for the promises `ids`: the
    whole months from the stored totals and the partial ones counted (each counted once for
    all requests), the walks, the planned walks from `as_of` to the forecast's end, and the walk
    actions judged on `as_of` (clipped to the period) for the requests whose `actions` flag is
    set."""
    results = [{promise_id: PromiseFigures() for promise_id in ids} for _ in requests]
    if not ids:
        return results
    partial: dict[Period, dict[str, PromiseFigures]] = {}
    for (period, forecast_until), result in zip(requests, results, strict=True):
        for part in additive_parts(reads, period, ids, partial):
            for promise_id, figures in part.items():
                if promise_id in result:
                    result[promise_id].add(figures)
        span = {"start": period.start, "end": period.end, "ids": ids}
        add_walks(reads.rows(WALKS_SQL, span), result)
        ahead_start = max(as_of, period.start)
        ahead_end = forecast_until or period.end
        if ahead_start <= ahead_end:
            ahead = {"start": ahead_start, "end": ahead_end, "ids": ids}
            add_planned_ahead(reads.rows(PLANNED_AHEAD_SQL, ahead), result)
    if any(actions):
        groups = reads.action_groups(ids)
        for (period, _), result, wanted in zip(requests, results, actions, strict=True):
            if wanted:
                add_actions(groups, period.start, min(as_of, period.end), result)
    return results


def additive_parts(
    reads: FigureReads,
    period: Period,
    ids: Sequence[str],
    partial: dict[Period, dict[str, PromiseFigures]] | None = None,
) -> list[dict[str, PromiseFigures]]:
    """The additive figures of `period`, one part per month of it: whole months read from
    the stored totals, the partial months at its ends counted now (or taken from `partial`,
    where they are kept for the next period of the same call)."""
    months = months_in(period)
    segments = [m.overlap(period) or m for m in months]
    first, last = (m.start.isoformat()[:7] for m in (months[0], months[-1]))
    stored = reads.stored(list(ids), first, last)
    parts: list[dict[str, PromiseFigures]] = []
    for segment, month in zip(segments, months, strict=True):
        if segment == month:
            parts.append(stored.get(month.start.isoformat()[:7], {}))
        elif partial is not None and segment in partial:
            parts.append(partial[segment])
        else:
            counted = reads.counted(segment)
            if partial is not None:
                partial[segment] = counted
            parts.append(counted)
    return parts


def monthly_counts(
    reads: FigureReads, period: Period, promise_ids: Sequence[str]
) -> dict[str, dict[str, int]]:
    """Records of `promise_ids` per record table and month ("2018-07") dated in `period`:
    "patrol", "safety_walk" (completed walks), "volunteer_deployment", "drug_case" (by
    detection date) and "other_activity"; tables without records are left out. The big
    tables from the stored totals (`additive_parts`), the walks counted."""
    wanted = set(promise_ids)
    result: dict[str, dict[str, int]] = {}
    if not wanted:
        return result

    def put(table: str, month: str, count: int) -> None:
        if count:
            by_month = result.setdefault(table, {})
            by_month[month] = by_month.get(month, 0) + count

    parts = additive_parts(reads, period, list(wanted))
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
    for month, count in reads.rows(WALKS_BY_MONTH_SQL, parameters):
        put("safety_walk", month, int(count))
    return result


def add_walks(rows: Iterable[Sequence[Any]], out: dict[str, PromiseFigures]) -> None:
    """Add the rows of WALKS_SQL to `out`."""
    for pid, status, count, spent, noted in rows:
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


def add_planned_ahead(rows: Iterable[Sequence[Any]], out: dict[str, PromiseFigures]) -> None:
    """Add the rows of PLANNED_AHEAD_SQL to `out`."""
    for pid, count, first in rows:
        out[pid].walks_planned_ahead += count
        out[pid].next_planned_walk = dt.date.fromisoformat(iso(first))


def action_groups_from(rows: Iterable[Sequence[Any]]) -> list[ActionGroup]:
    """The rows of ACTION_GROUPS_SQL as `ActionGroup`s (dates as "YYYY-MM-DD")."""
    return [
        (
            str(pid),
            iso(walk_date),
            None if deadline is None else iso(deadline),
            bool(closed),
            None if closed_on is None else iso(closed_on),
            int(count),
        )
        for pid, walk_date, deadline, closed, closed_on, count in rows
    ]
