"""Fast INSERTs: rows written with the DBAPI cursor, converted by SQLAlchemy's own types.

Saving one record and bulk loading a million both come down to inserting plain rows. Going
through SQLAlchemy's statement execution costs more than SQLite's work for such rows, so
`RowWriter` compiles one INSERT per table, converts every value with the column type's own bind
processor (dates, enums, UTC times exactly as the ORM stores them) and hands tuples to the
cursor's `executemany`, inside the session's transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Date, DateTime, Dialect, Enum, Table, Time, TypeDecorator
from sqlalchemy.orm import Session

from loften_app.storage.database import DRIVER_CONNECTION
from loften_app.storage.engines import bind_dialect, placeholder, session_sql

Processor = Callable[[Any], Any] | None


class RowWriter:
    """INSERT statements for one table, with the conversion of each column's values."""

    def __init__(self, table: Table, dialect: Dialect, order: Sequence[str] | None = None) -> None:
        """`order`: the table's column names in the order of the values given to
        `converted` and `write_tuples` (every column, once); by default the table's order."""
        columns: Sequence[Column[Any]] = (
            list(table.columns) if order is None else [table.c[name] for name in order]
        )
        self.names = tuple(column.name for column in columns)
        placeholders = ", ".join(placeholder(dialect.name) for _ in columns)
        quoted = ", ".join(f'"{name}"' for name in self.names)
        self.sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({placeholders})'
        #: The INSERT without its VALUES group, and one group: for `one_statement`.
        self.head = f'INSERT INTO "{table.name}" ({quoted}) VALUES '
        self.group = f"({placeholders})"
        #: One conversion shared by the datetime columns of one type (a new record's creation
        #: and change times are the same time: converted once).
        shared: dict[str, Callable[[Any], Any]] = {}
        processors: list[Processor] = []
        for column in columns:
            process: Processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None and isinstance(column.type, Date | Time):
                process = _remembering(process)
            elif process is not None and _is_datetime(column.type):
                process = shared.setdefault(
                    repr(column.type), _remembering_last(_utc_text_or(process))
                )
            elif process is not None and isinstance(column.type, Enum):
                process = _enum_value_or(column.type, process)
            processors.append(process)
        self.processors: tuple[Processor, ...] = tuple(processors)
        self.defaults = tuple(_scalar_default(column) for column in columns)
        #: Every column's value of a row that has them all, in one call.
        self._pick: Callable[[Mapping[str, Any]], Any] = operator.itemgetter(*self.names)
        #: (position, conversion) of the columns whose values are converted.
        self._converted = tuple(
            (index, process) for index, process in enumerate(self.processors) if process
        )

    def to_tuple(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        try:
            picked = self._pick(row)
            values = picked if len(self.names) > 1 else (picked,)
        except KeyError:  # a column left to its default
            values = tuple(
                row.get(name, default)
                for name, default in zip(self.names, self.defaults, strict=True)
            )
        return self.converted(values)

    def converted(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """A row's values in this writer's column order, each converted as `to_tuple` does."""
        if not self._converted:
            return values
        listed = list(values)
        for index, process in self._converted:
            value = listed[index]
            if value is not None:
                listed[index] = process(value)
        return tuple(listed)

    def write(self, session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
        """Insert `rows` in the session's current transaction."""
        self.write_tuples(session, [self.to_tuple(row) for row in rows])

    def write_values(self, session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert rows of values in this writer's column order, each converted as `converted`
        does, in the session's current transaction."""
        if self._converted:
            rows = [self.converted(values) for values in rows]
        self.write_tuples(session, rows)

    def write_tuples(self, session: Session, tuples: Sequence[tuple[Any, ...]]) -> None:
        """Insert rows of values already converted (`to_tuple`, `converted`), in the
        session's current transaction."""
        if not tuples:
            return
        raw = driver_connection(session)
        if len(tuples) == 1:  # sqlite3's and psycopg's connections both execute (a save's rows)
            raw.execute(self.sql, tuples[0]).close()
            return
        cursor = raw.cursor()
        try:
            cursor.executemany(self.sql, tuples)
        finally:
            cursor.close()


#: Converted values kept per date or time column (a year of dates, the usual clock times).
_REMEMBERED = 4096


def _remembering(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process` for a date or time column, converting each distinct plain date or naive time
    once (a bulk load or an import repeats the same few hundred); anything else as before."""
    known: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        kind = value.__class__
        if kind is dt.date or (kind is dt.time and value.tzinfo is None):
            found = known.get(value)
            if found is None:
                found = process(value)
                if len(known) < _REMEMBERED:
                    known[value] = found
            return found
        return process(value)

    return convert


def _is_datetime(column_type: Any) -> bool:
    """Whether a column holds datetimes (`models.UTCDateTime` among them)."""
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return isinstance(column_type, DateTime)


def _remembering_last(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process` for datetime columns, converting the same (aware) time once in a row."""
    last: tuple[Any, Any] = (None, None)

    def convert(value: Any) -> Any:
        nonlocal last
        seen, converted = last
        if value is seen or (seen is not None and value == seen and value.tzinfo is not None):
            return converted
        converted = process(value)
        last = (value, converted)
        return converted

    return convert


def _utc_text_or(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process` for a datetime column, or a quicker equal of it for UTC times where it writes
    them as SQLite's text ("2018-11-17 08:00:00.000000", what SQLAlchemy's SQLite `DateTime`
    writes of `models.UTCDateTime`'s naive UTC): an import converts two times a record, each
    different. Used only when it gives what `process` gives for a few sample times."""

    def quick(value: Any) -> Any:
        if value.__class__ is dt.datetime and value.tzinfo is dt.UTC:
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return process(value)

    samples = (
        dt.datetime(2018, 11, 17, 8, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 3, 23, 59, 59, 999_999, tzinfo=dt.UTC),
        dt.datetime(1, 1, 1, tzinfo=dt.UTC),
    )
    return _quick_if_same(quick, process, samples)


def _enum_value_or(column_type: Enum, process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process` for an enum column, or a quicker equal of it for the enum's own members (their
    value, without SQLAlchemy's lookup). Used only when it gives what `process` gives for
    every member."""
    enum_class = column_type.enum_class
    if enum_class is None:
        return process

    def quick(value: Any) -> Any:
        if value.__class__ is enum_class:
            return value._value_
        return process(value)

    return _quick_if_same(quick, process, list(enum_class))


def _quick_if_same(
    quick: Callable[[Any], Any], process: Callable[[Any], Any], samples: Iterable[Any]
) -> Callable[[Any], Any]:
    """`quick` when it gives what `process` gives for every sample, else `process`."""
    try:
        same = all(quick(sample) == process(sample) for sample in samples)
    except (TypeError, ValueError, LookupError):
        same = False
    return quick if same else process


def _scalar_default(column: Column[Any]) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", None)
    return None


@functools.cache
def writer_for(table: Table, dialect: Dialect, order: tuple[str, ...] | None = None) -> RowWriter:
    return RowWriter(table, dialect, order)


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """INSERT plain rows into `table` within the session's transaction."""
    writer_for(table, bind_dialect(session)).write(session, rows)


def driver_connection(session: Session) -> Any:
    """The DB-API connection (sqlite3's or psycopg's) of the session's current transaction.

    `session.connection()` walks SQLAlchemy's transaction machinery on every call (about 20 us);
    one save asks for the connection half a dozen times (the checks, each table's rows, the
    audit line), so it is kept in `session.info` for the transaction it belongs to. A session
    of `Database.saving()` has it there from the start, for its whole life (key None)."""
    cached = session.info.get(DRIVER_CONNECTION)
    if cached is not None:
        if cached[0] is None:
            return cached[1]
        if cached[0] is session.get_transaction():
            return cached[1]
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    session.info[DRIVER_CONNECTION] = (session.get_transaction(), raw)
    return raw


#: An INSERT of one statement: its head ("INSERT INTO t (a, b) VALUES "), one VALUES group
#: ("(%s, %s)") and the rows, each a tuple of the group's values.
InsertPart = tuple[str, str, Sequence[tuple[Any, ...]]]


def insert_part(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> InsertPart:
    """The rows for `table` as a part of `one_statement`, converted as `insert_rows` does."""
    writer = writer_for(table, bind_dialect(session))
    return writer.head, writer.group, [writer.to_tuple(row) for row in rows]


def one_statement(
    session: Session,
    inserts: Sequence[InsertPart],
    final: str,
    *,
    counting: tuple[str, Sequence[Any]] | None = None,
    adding: tuple[tuple[str, str], Sequence[Any]] | None = None,
) -> list[tuple[Any, ...]]:
    """PostgreSQL: the INSERTs and the query `final` as one statement, each INSERT a
    data-modifying WITH query (`WITH w0 AS (INSERT ...), w1 AS (INSERT ...) SELECT ...`): one
    round trip and one statement for the driver, where separate statements cost the client
    most of a save's time. The server checks foreign keys and runs triggers as for separate
    statements (a child row may refer to a parent row of the same statement).

    With `counting` (a query and its values), the statement also answers that query about the
    rows it inserts, and returns its rows: each INSERT returns its rows as stored (the server's
    triggers included), and a WITH query named after its table stands for the table within the
    statement, which by itself would not see them yet. So a query that reads `patrol` and
    `shop_visit` reads the patrol and shop visits being inserted, and finds nothing in tables
    that the statement does not insert into (a new record has no rows there). `final` is then
    evaluated once, before, whatever the query finds.

    With `adding` instead (`totals.adding_parts` and their values), the statement adds the
    new records' figures to the stored totals' changes itself: the same figure query, read as
    with `counting`, and the INSERT of its measures, two more WITH queries; nothing is
    returned then, and nothing is left for the COMMIT."""
    values: list[Any] = []
    for _head, _group, rows in inserts:
        for row in rows:
            values.extend(row)
    shape = (
        tuple((head, group, len(rows)) for head, group, rows in inserts),
        final,
        None if counting is None else counting[0],
        None if adding is None else adding[0],
    )
    sql = _STATEMENTS.get(shape)
    if sql is None:
        sql = _statement_text(*shape)
        if len(_STATEMENTS) >= _STATEMENTS_KEPT:
            _STATEMENTS.clear()
        _STATEMENTS[shape] = sql
    if adding is not None:
        values.extend(adding[1])
        driver_rows(session, sql, values)
        return []
    if counting is not None:
        values.extend(counting[1])
        found = driver_rows(session, sql, values)
        return [row[1:] for row in found if row[1] is not None]
    driver_rows(session, sql, values)
    return []


def driver_rows(session: Session, sql: str, values: Sequence[Any]) -> list[Any]:
    """The rows of `sql` (in the driver's placeholders) with `values`, on the session's DB-API
    connection (none for a statement without rows). A server's connection in autocommit (a
    save of one statement) sends it with libpq's own calls, prepared once
    (`storage/server/prepared.py`); any other through a cursor."""
    raw = driver_connection(session)
    if getattr(raw, "pgconn", None) is not None and raw.autocommit:
        from loften_app.storage.server import prepared  # noqa: PLC0415 -- psycopg: a server only

        return prepared.run(raw, sql, values)
    cursor = raw.execute(sql, values)
    try:
        return cursor.fetchall() if cursor.description else []
    finally:
        cursor.close()


#: `one_statement`'s SQL by the shape of the statement (the same for every save of a kind with
#: as many child rows): made once.
_STATEMENTS: dict[tuple[Any, ...], str] = {}
_STATEMENTS_KEPT = 256


def _statement_text(
    inserts: Sequence[tuple[str, str, int]],
    final: str,
    counting: str | None,
    adding: tuple[str, str] | None,
) -> str:
    """The SQL of `one_statement` for INSERTs of (head, VALUES group, rows) and the rest."""
    parts: list[str] = []
    tables: list[str] = []
    for head, group, count in inserts:
        if count:
            parts.append(head + ", ".join([group] * count))
            tables.append(_table_of(head))
    if adding is not None:
        figures, measures = adding
        withs = [f"w{number} AS ({part} RETURNING *)" for number, part in enumerate(parts)]
        withs += _standing_for(tables)
        withs += [figures, f"counted_changes AS ({measures})"]
        return f"WITH {', '.join(withs)} {final}"
    if counting is not None:
        withs = [f"w{number} AS ({part} RETURNING *)" for number, part in enumerate(parts)]
        withs += _standing_for(tables)
        return (
            f"WITH {', '.join(withs)} SELECT announced.*, counted.* FROM ({final}) AS announced"
            f" LEFT JOIN ({counting}) AS counted ON true"
        )
    withs_text = ", ".join(f"w{number} AS ({part})" for number, part in enumerate(parts))
    return f"WITH {withs_text} {final}" if parts else final


def _standing_for(tables: Sequence[str]) -> list[str]:
    """WITH queries named after the tables that the INSERTs `w0`, `w1`, ... write (in this
    order), each standing for its table within the statement: the rows being inserted."""
    named: dict[str, list[str]] = {}
    for number, table in enumerate(tables):
        named.setdefault(table, []).append(f"SELECT * FROM w{number}")
    return [f'"{table}" AS ({" UNION ALL ".join(reads)})' for table, reads in named.items()]


_INTO = re.compile(r'INSERT INTO "?(\w+)"?')


def _table_of(head: str) -> str:
    """The table of an INSERT's head ("INSERT INTO "patrol" (...) VALUES ")."""
    found = _INTO.match(head)
    assert found is not None, head
    return found.group(1)


def statement_batch(session: Session) -> contextlib.AbstractContextManager[Any]:
    """Statements whose results nobody reads (a save's INSERTs, its audit line, the server's
    notification), sent together: on a PostgreSQL server in one round trip (psycopg's pipeline
    mode: the server answers them all at the end of the block, where any error is raised); on
    SQLite, which has no round trips, nothing changes. Only raw statements on
    `driver_connection` belong inside: SQLAlchemy's statement execution reads results that a
    pipeline gives only at its end."""
    raw = driver_connection(session)
    pipeline = getattr(raw, "pipeline", None)
    return contextlib.nullcontext() if pipeline is None else pipeline()


def query_scalar(session: Session, sql: str, parameters: Sequence[Any]) -> Any:
    """The first column of the first row of a small query, on the session's connection (for
    checks on the path of every save, where statement execution would cost more than SQLite)."""
    cursor = driver_connection(session).cursor()
    try:
        row = cursor.execute(session_sql(session, sql), tuple(parameters)).fetchone()
    finally:
        cursor.close()
    return None if row is None else row[0]
