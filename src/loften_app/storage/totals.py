"""Stored totals: the additive figures of every promise per month, kept in the database.

The figures that add up over months (patrols, their hours and shop visits, volunteer
deployments, drug cases by age group and days to contact, other activities, the generic kinds'
records and sums; `add_figures` below) are stored in `figure_total`, one row per
promise, month ("2018-07", the month of the record's date, docs/figures.md rule 1) and measure
(a figure's name, see `measures_of`). A report then reads a few hundred rows instead of scanning
the months' records.

The table is kept in the same transaction as every write to a record table with additive
figures, by the delta of the records written: their contribution is counted with the very
queries of the figures, restricted to their ids (`IDS`), before the write (subtracted)
and after it (added); so there is one rule of what a record adds up to, not two. The writers
call `tracking` around an update, a delete or an undelete, and `added` after an insert
(`services.base`, `retention`); a bulk insert counts its records in grouped queries of a few
hundred ids. On a server, the one statement that inserts a new record also adds its figures to
the totals' changes (`adding_parts`: its figure query and the INSERT of the measures, by the
plan read off `add_rows` as on SQLite, `rows.one_statement`); for a table without such a plan
(drug cases) it answers the figure query (`counting_sql`) and `added_counted` takes the rows.
`recount` counts everything afresh: `loften check` compares it with the table, and
`loften check --rebuild-totals` (and migration 0005) writes it.

On a PostgreSQL server two people saving records of the same promise and month would update
the same rows: at REPEATABLE READ the second would get a serialization failure, and a lock would
make every writer wait for every other. So there a write adds its changes as new rows to
`figure_total_change` (never a conflict; a save sends them with its COMMIT), and every so
often a writer folds them into `figure_total` in one statement (`fold`: the rows it deletes are
the rows it adds up; two folds at once never count a row twice, and `fold_now_and_then` leaves
a fold out while another runs). Readers add both tables up in one statement (one snapshot).
On SQLite, whose writers take turns anyway, a write updates `figure_total` directly. Should a
serialization failure or a deadlock happen all the same (two people saving the same record),
the service verbs run their whole unit of work again (`retrying`): the record is then found
stale, as it should be.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import math
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from loften_app.storage.engines import SQLITE, dialect_of, driver_sql, session_named_sql
from loften_app.storage.figure_sql import AGE as _AGE
from loften_app.storage.figure_sql import AMOUNTS as _AMOUNTS
from loften_app.storage.figure_sql import CONTACT as _CONTACT
from loften_app.storage.figure_sql import COUNTS as _COUNTS
from loften_app.storage.figure_sql import (
    IDS,
    MONTH,
    SPAN,
    TOTALS_BOTH,
    TOTALS_CHANGES,
    TOTALS_SQL,
    TOTALS_TABLE,
    PromiseFigures,
    add_rows,
    additive_tables,
    figure_query_text,
    months_from_rows,
)
from loften_app.storage.figure_sql import KIND as _KIND
from loften_app.storage.figure_sql import SUM as _SUM
from loften_app.storage.rows import driver_connection

__all__ = [
    "TABLE",
    "add_figures",
    "added",
    "added_counted",
    "adding_parts",
    "additive",
    "adds_in_statement",
    "counting_sql",
    "describe",
    "differences",
    "figure_query",
    "fold",
    "fold_now_and_then",
    "read_months",
    "rebuild",
    "recount",
    "retrying",
    "stored",
    "tracking",
]

log = logging.getLogger(__name__)

TABLE = TOTALS_TABLE
#: A server's changes not yet folded into TABLE.
CHANGES = TOTALS_CHANGES

#: (promise id, month "YYYY-MM", measure) → value.
Key = tuple[str, str, str]
Totals = dict[Key, float]

#: Ids in one grouped query of a write's records.
_CHUNK = 500
#: A value this close to zero is zero (hours added and subtracted leave rounding dust).
_DUST = 1e-9
#: Serialization failure and deadlock (PostgreSQL's SQLSTATE): the unit of work is run again.
_RETRY_STATES = frozenset({"40001", "40P01"})
RETRIES = 10

_PRUNE = text(
    f"DELETE FROM {TABLE} WHERE promise_id = :p AND month = :m AND measure = :k "
    f"AND abs(value) < {_DUST}"
)
_INSERT = text(f"INSERT INTO {TABLE} (promise_id, month, measure, value) VALUES (:p, :m, :k, :v)")
#: A server's session whose changes to the totals are sent with its COMMIT keeps them in its
#: `info` under this key, as (key, value) pairs (`change_rows_sql`).
CHANGES_AT_COMMIT = "loften_totals_at_commit"
_BOTH = TOTALS_BOTH
_MONTHS = text(TOTALS_SQL).bindparams(bindparam("ids", expanding=True))
_EVERY = text(_BOTH.format(where="1 = 1"))
#: Move every change into the totals: the rows deleted are the rows added up (on PostgreSQL,
#: where the changes are kept). Zeros left behind go with them.
_FOLD = f"""
WITH moved AS (DELETE FROM {CHANGES} RETURNING promise_id, month, measure, value)
INSERT INTO {TABLE} (promise_id, month, measure, value)
SELECT promise_id, month, measure, sum(value) FROM moved GROUP BY promise_id, month, measure
ON CONFLICT (promise_id, month, measure)
DO UPDATE SET value = {TABLE}.value + excluded.value
"""
_FOLD_PRUNE = f"DELETE FROM {TABLE} WHERE abs(value) < {_DUST}"
#: Taken by a fold for its transaction, if free (an advisory lock: a number of Löften's own).
_FOLD_LOCK = text("SELECT pg_try_advisory_xact_lock(1819242100)")
#: A writer folds after this many of its write transactions (`fold_now_and_then`).
FOLD_EVERY = 64

T = TypeVar("T")


def additive(table: str) -> bool:
    """Whether records of `table` have additive figures (stored totals)."""
    return table in additive_tables()


# --- the figure queries (`services.figures` reads with them too) --------------------------------


def add_figures(
    session: Session,
    figures: Callable[[str, str], PromiseFigures],
    *,
    bucket: str = MONTH,
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


@functools.cache
def figure_query(table: str, dialect: str, *, bucket: str = MONTH, scope: str = SPAN) -> TextClause:
    """The grouped figure query of the records of `table` (one with additive figures) within
    `scope`, by promise and `bucket` (default: month), in `dialect`'s SQL; its rows go to
    `add_rows` (`figure_sql.figure_query_text`, made once)."""
    return text(figure_query_text(table, dialect, bucket=bucket, scope=scope))


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


# --- a PromiseFigures as measures and back --------------------------------------------------------


def measures_of(f: Any) -> dict[str, float]:
    """The additive figures of a `PromiseFigures` by measure name (zeros left out)."""
    out: dict[str, float] = {}
    for name in (*_COUNTS, *_AMOUNTS):
        value = getattr(f, name)
        if value:
            out[name] = float(value)
    for prefix, values in (
        (_AGE, {str(k): v for k, v in f.drug_cases_by_age.items()}),
        (_CONTACT, {str(k): v for k, v in f.contact_days.items()}),
        (_KIND, f.kind_records),
        (_SUM, f.sums),
    ):
        for key, value in values.items():
            if value:
                out[prefix + key] = float(value)
    return out


def _flatten(by_bucket: dict[tuple[str, str], Any], out: Totals, sign: float = 1.0) -> None:
    for (pid, month), f in by_bucket.items():
        for measure, value in measures_of(f).items():
            key = (pid, month, measure)
            out[key] = out.get(key, 0.0) + sign * value


def _count(session: Session, parameters: dict[str, Any], scope: str, tables: Iterable[str]) -> Any:
    by_bucket: dict[tuple[str, str], Any] = {}

    def get(pid: str, month: str) -> Any:
        found = by_bucket.get((pid, month))
        if found is None:
            found = by_bucket[(pid, month)] = PromiseFigures()
        return found

    add_figures(session, get, parameters=parameters, scope=scope, tables=tables)
    return by_bucket


# --- counting -----------------------------------------------------------------------------------


def contribution(session: Session, table: str, ids: Sequence[str]) -> Totals:
    """What the records of `table` with these ids add to the totals now (deleted ones:
    nothing), by key."""
    out: Totals = {}
    if not additive(table):
        return out
    listed = list(dict.fromkeys(ids))
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        _flatten(_count(session, {"ids": chunk}, IDS, (table,)), out)
    return out


def recount(session: Session) -> Totals:
    """Every total counted afresh from the records (nonzero values only)."""
    out: Totals = {}
    _flatten(_count(session, {}, "1 = 1", additive_tables()), out)
    return {key: value for key, value in out.items() if abs(value) >= _DUST}


def stored(session: Session) -> Totals:
    """The totals as stored (on a server, with the changes not yet folded; nonzero values
    only)."""
    rows = session.execute(_EVERY)
    return {(p, m, k): float(v) for p, m, k, v in rows if abs(v) >= _DUST}


def differences(have: Totals, want: Totals, *, tolerance: float = 1e-6) -> list[Key]:
    """The keys whose values differ by more than `tolerance` (a missing key is zero)."""
    return sorted(
        key
        for key in have.keys() | want.keys()
        if not math.isclose(have.get(key, 0.0), want.get(key, 0.0), abs_tol=tolerance)
    )


def describe(key: Key, have: Totals, want: Totals) -> str:
    """One difference as `loften check` shows it."""
    promise_id, month, measure = key
    return (
        f"löfte {promise_id}, {month}, {measure}: lagrat {have.get(key, 0.0):g}, "
        f"räknat {want.get(key, 0.0):g}"
    )


# --- keeping the table --------------------------------------------------------------------------


def apply(session: Session, delta: Totals) -> None:
    """Add `delta` to the stored totals, in key order (two writers never deadlock)."""
    changes = [(key, value) for key, value in sorted(delta.items()) if abs(value) >= _DUST]
    if not changes:
        return
    if _on_server(session):  # new rows only: no writer waits for another
        pending = session.info.get(CHANGES_AT_COMMIT)
        if pending is not None:  # sent with the COMMIT (ServerDatabase.saving)
            pending.extend(changes)
            return
        session.flush()
        connection = driver_connection(session)
        for start in range(0, len(changes), _CHUNK):
            connection.execute(*change_rows_sql(changes[start : start + _CHUNK]))
        return
    # On the transaction's DB-API connection: the path of every save. Every row in one
    # statement (a save changes about seven).
    session.flush()
    cursor = driver_connection(session).cursor()
    try:
        for start in range(0, len(changes), _CHUNK):
            chunk = changes[start : start + _CHUNK]
            values: list[Any] = []
            for (promise_id, month, measure), value in chunk:
                values += (promise_id, month, measure, value)
            cursor.execute(_upsert_sql(len(chunk)), values)
        # Only a subtraction can leave a zero (a record moved away or deleted).
        shrunk = [{"p": p, "m": m, "k": k} for (p, m, k), value in changes if value < 0]
        if shrunk:
            cursor.executemany(session_named_sql(session, _PRUNE.text), shrunk)
    finally:
        cursor.close()


@functools.lru_cache(maxsize=64)
def _upsert_sql(count: int) -> str:
    """SQLite: `count` rows added to the totals in one statement (sqlite3's placeholders)."""
    groups = ", ".join(["(?, ?, ?, ?)"] * count)
    return (
        f"INSERT INTO {TABLE} (promise_id, month, measure, value) VALUES {groups} "
        f"ON CONFLICT (promise_id, month, measure) DO UPDATE SET value = {TABLE}.value + "
        "excluded.value"
    )


def counting_sql(session: Session, table: str, count: int) -> str | None:
    """The figure query that counts `count` records of `table` by id (given as `%s`
    parameters), for a server's statement that inserts them and answers it too
    (`rows.one_statement`'s `counting`); None when records of `table` add up to nothing."""
    if not additive(table):
        return None
    return _counting_sql(table, dialect_of(session), count)


@functools.cache
def _counting_sql(table: str, dialect: str, count: int) -> str:
    sql = figure_query(table, dialect, scope=IDS).text
    listed = "(" + ", ".join(["?"] * count) + ")"
    return driver_sql(sql.replace(":ids", listed), dialect)


def added_counted(session: Session, table: str, rows: Iterable[Sequence[Any]]) -> None:
    """Count the records just inserted into `table` into the totals, given the rows of their
    figure query (`counting_sql`, answered by the statement that inserted them)."""
    by_bucket: dict[tuple[str, str], Any] = {}

    def get(pid: str, month: str) -> Any:
        found = by_bucket.get((pid, month))
        if found is None:
            found = by_bucket[(pid, month)] = PromiseFigures()
        return found

    add_rows(table, rows, get)
    delta: Totals = {}
    _flatten(by_bucket, delta)
    apply(session, delta)


def change_rows_sql(changes: Sequence[tuple[Key, float]]) -> tuple[str, list[Any]]:
    """One INSERT of `changes` into a server's `figure_total_change` (psycopg's placeholders)
    and its values."""
    group = "(%s, %s, %s, %s)"
    sql = f"INSERT INTO {CHANGES} (promise_id, month, measure, value) VALUES " + ", ".join(
        [group] * len(changes)
    )
    values: list[Any] = []
    for (promise_id, month, measure), value in changes:
        values += (promise_id, month, measure, value)
    return sql, values


def added(session: Session, table: str, ids: Sequence[str]) -> None:
    """Count the records just inserted into `table` into the totals (on SQLite, for most
    tables, in one statement: `_add_in_sql`)."""
    if ids and additive(table):
        if not _on_server(session) and _add_in_sql(session, table, ids):
            return
        apply(session, contribution(session, table, ids))


# --- adding new records in one statement (SQLite) -------------------------------------------------
# A save adds its record's contribution: the figure query of its id, its rows turned into
# measures (`add_rows`, `measures_of`) and the upsert of those. For the tables whose measures
# are each a fixed sum of the query's columns (every additive table but drug cases, whose days
# to contact name a measure by a column's value), the query and the upsert are one statement
# on SQLite: the query's rows are turned into measures by SQL that says what `add_rows` and
# `measures_of` do with them. That SQL is not written by hand: it is read off `add_rows` by
# giving it rows of ones and zeros (`_linear_plan`), so there is still one rule; a table whose
# measures are not such sums has no plan and goes the way of `contribution` and `apply`.

#: A plan: (measure, ((column, factor), ...)) for every measure the query's rows can add to.
Plan = tuple[tuple[str, tuple[tuple[int, float], ...]], ...]

#: The number of columns of each table's figure query (read off the query once).
_WIDTHS: dict[str, int] = {}


def _row_measures(table: str, row: tuple[Any, ...]) -> dict[str, float]:
    """What one row of `table`'s figure query adds to each measure, as the Python path
    counts it (`add_rows`, then `measures_of`)."""
    by_bucket: dict[tuple[str, str], Any] = {}

    def get(pid: str, month: str) -> Any:
        return by_bucket.setdefault((pid, month), PromiseFigures())

    add_rows(table, [row], get)
    out: Totals = {}
    _flatten(by_bucket, out)
    return {measure: value for (_, _, measure), value in out.items()}


@functools.lru_cache(maxsize=64)
def _linear_plan(table: str, width: int) -> Plan | None:
    """How each measure follows from a row of `table`'s figure query (`width` columns: the
    promise, the month, then numbers), read off `add_rows` with one column at 1 at a time;
    None unless that sum reproduces what `add_rows` makes of rows of other numbers."""
    numbers = range(2, width)
    factors: dict[str, list[tuple[int, float]]] = {}
    try:
        for column in numbers:
            row = ("p", "m", *(1 if n == column else 0 for n in numbers))
            for measure, value in _row_measures(table, row).items():
                factors.setdefault(measure, []).append((column, value))
        plan: Plan = tuple((measure, tuple(terms)) for measure, terms in sorted(factors.items()))
        for probe in ((2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37), (1,) * width):
            values = {n: probe[n % len(probe)] for n in numbers}
            row = ("p", "m", *values.values())
            want = {
                measure: sum(factor * values[column] for column, factor in terms)
                for measure, terms in plan
            }
            if _row_measures(table, row) != {m: v for m, v in want.items() if v}:
                return None
    except (TypeError, ValueError, KeyError):  # rows of numbers are not what it takes
        return None
    return plan


def _quoted(text_value: str) -> str:
    return "'" + text_value.replace("'", "''") + "'"


def _measures_insert(plan: Plan, target: str) -> str:
    """The INSERT of the measures that the rows of `figures_of_ids` (the figure query's rows,
    columns c0, c1, ...) add up to, by `plan`, into `target` (zeros left out)."""
    measures = ", ".join(f"({n}, {_quoted(measure)})" for n, (measure, _) in enumerate(plan))
    cases = " ".join(
        f"WHEN {n} THEN "
        + " + ".join(
            f"c{column}" if factor == 1 else f"c{column} * {factor!r}" for column, factor in terms
        )
        for n, (_, terms) in enumerate(plan)
    )
    return (
        f"INSERT INTO {target} (promise_id, month, measure, value) "
        "SELECT promise_id, month, measure, value FROM ("
        f"SELECT c0 AS promise_id, c1 AS month, measures.column2 AS measure, "
        f"CASE measures.column1 {cases} END AS value "
        f"FROM figures_of_ids CROSS JOIN (VALUES {measures}) AS measures"
        f") AS counted_measures WHERE abs(value) >= {_DUST}"
    )


@functools.lru_cache(maxsize=256)
def _adding_sql(table: str, count: int, width: int) -> str | None:
    """SQLite: the figure query of `count` records of `table` by id (`?` placeholders) and the
    upsert of its measures into the totals, one statement; None when the table has no plan."""
    plan = _linear_plan(table, width)
    if plan is None:
        return None
    query = _ids_sql(figure_query(table, SQLITE, scope=IDS).text, count, SQLITE)
    columns = ", ".join(f"c{n}" for n in range(width))
    return (
        f"WITH figures_of_ids ({columns}) AS ({query}) "
        + _measures_insert(plan, TABLE)
        + " ON CONFLICT (promise_id, month, measure) DO UPDATE SET value = "
        f"{TABLE}.value + excluded.value"
    )


#: The widest figure query's row that `_plan_of` tries.
_WIDEST = 64


@functools.cache
def _plan_of(table: str) -> tuple[int, Plan] | None:
    """The width of `table`'s figure query's rows and its plan (`_linear_plan`), without
    running the query: `add_rows` takes rows of exactly that width and refuses any other; None
    when the table has no plan."""
    for width in range(3, _WIDEST):
        try:
            _row_measures(table, ("p", "m", *([0] * (width - 2))))
        except (TypeError, ValueError, KeyError):
            continue
        plan = _linear_plan(table, width)
        return None if plan is None else (width, plan)
    return None


def adds_in_statement(table: str) -> bool:
    """Whether a server's statement that inserts new records of `table` can add their figures
    to the totals' changes by itself (`adding_parts`): the table adds up to nothing, or its
    measures are fixed sums of its figure query's columns."""
    return not additive(table) or _plan_of(table) is not None


@functools.cache
def adding_parts(table: str, dialect: str, count: int) -> tuple[str, str] | None:
    """For a server's statement that inserts `count` new records of `table` (given by id as
    `%s` parameters): the WITH queries that count their figures and add them to the totals'
    changes (`rows.one_statement`'s `adding`): `figures_of_ids` (their figure query: the rule
    of what a record adds up to) and its measures inserted by the plan read off `add_rows`;
    None when the table adds up to nothing or has no plan."""
    planned = _plan_of(table) if additive(table) else None
    if planned is None:
        return None
    width, plan = planned
    sql = figure_query(table, dialect, scope=IDS).text
    query = driver_sql(sql.replace(":ids", "(" + ", ".join(["?"] * count) + ")"), dialect)
    columns = ", ".join(f"c{n}" for n in range(width))
    # The measures' names are written in: a "%" among them must not read as a placeholder.
    adding = _measures_insert(plan, CHANGES).replace("%", "%%")
    return f"figures_of_ids ({columns}) AS ({query})", adding


def _add_in_sql(session: Session, table: str, ids: Sequence[str]) -> bool:
    """SQLite: add the contribution of the new records of `table` with these ids to the totals
    in one statement per chunk of ids (`_adding_sql`); False, with nothing done, when `table`
    has no plan."""
    session.flush()
    raw = driver_connection(session)
    width = _WIDTHS.get(table)
    if width is None:
        probe = _ids_sql(figure_query(table, SQLITE, scope=IDS).text, 1, SQLITE)
        cursor = raw.execute(probe, ("",))
        width = _WIDTHS[table] = len(cursor.description)
        cursor.close()
    listed = list(dict.fromkeys(ids))
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        sql = _adding_sql(table, len(chunk), width)
        if sql is None:
            return False
        raw.execute(sql, chunk)
    return True


@contextlib.contextmanager
def tracking(session: Session, table: str, ids: Sequence[str]) -> Iterator[None]:
    """Around a write that changes the records of `table` with these ids (update, delete,
    undelete, retention): their contribution before is subtracted from the totals and their
    contribution after is added, in the caller's transaction."""
    if not ids or not additive(table):
        yield
        return
    before = contribution(session, table, ids)
    yield
    delta = contribution(session, table, ids)
    for key, value in before.items():
        delta[key] = delta.get(key, 0.0) - value
    apply(session, delta)


def rebuild(session: Session) -> list[Key]:
    """Recount the whole table from the records in the caller's transaction; returns the keys
    whose stored value was wrong (missing, extra or different)."""
    counted = recount(session)
    changed = differences(stored(session), counted)
    session.execute(text(f"DELETE FROM {CHANGES}"))
    session.execute(text(f"DELETE FROM {TABLE}"))
    rows = [{"p": p, "m": m, "k": k, "v": v} for (p, m, k), v in sorted(counted.items())]
    if rows:
        session.execute(_INSERT, rows)
    return changed


def read_months(
    session: Session, ids: Sequence[str], first: str, last: str
) -> dict[str, dict[str, Any]]:
    """The stored figures of the promises `ids` in the months `first`–`last` ("YYYY-MM"), by
    month and promise id (as `PromiseFigures`)."""
    if not ids:
        return {}
    parameters = {"ids": list(ids), "first": first, "last": last}
    return months_from_rows(session.execute(_MONTHS, parameters))


# --- PostgreSQL: the changes folded into the totals -------------------------------------------


def _on_server(session: Session) -> bool:
    return dialect_of(session) == "postgresql"


def fold(connection: Any) -> None:
    """Fold a server's changes into the totals, in the caller's transaction (any isolation:
    one statement moves what it deletes). Nothing to do on SQLite."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text(_FOLD))
    connection.execute(text(_FOLD_PRUNE))


_writes = itertools.count(1)


def fold_now_and_then(engine: Any) -> None:
    """After a write transaction on a server: every FOLD_EVERY-th one folds the changes, in a
    transaction of its own (the changes are committed already; the sum stays the same)."""
    if engine.dialect.name != "postgresql" or next(_writes) % FOLD_EVERY:
        return
    try:
        with engine.begin() as connection:
            # One fold at a time: a second would wait for the first's rows, then find them
            # gone; while one runs, the others leave it to the next writer.
            if connection.execute(_FOLD_LOCK).scalar():
                fold(connection)
    except SQLAlchemyError:  # housekeeping: the next writer folds, or `check --rebuild-totals`
        log.warning("could not fold the totals' changes", exc_info=True)


# --- PostgreSQL: a unit of work run again after a serialization failure -----------------------


def _is_retryable(error: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in _RETRY_STATES:
            return True
        original = getattr(current, "orig", None)
        if getattr(original, "sqlstate", None) in _RETRY_STATES:
            return True
        current = current.__cause__ or current.__context__
    return False


def retrying(work: Callable[[], T], *, attempts: int = RETRIES) -> T:
    """`work()` (one whole write transaction), run again up to `attempts` times when the server
    refused it with a serialization failure or a deadlock: the next run reads afresh (a
    record changed meanwhile is then reported as stale, as it should be)."""
    for attempt in range(attempts):
        try:
            return work()
        except Exception as error:
            if attempt + 1 >= attempts or not _is_retryable(error):
                raise
        # A random wait, doubling each time, so that the savers do not meet again at once.
        time.sleep(random.uniform(0, 0.01 * 2**attempt))
    raise AssertionError("unreachable")
