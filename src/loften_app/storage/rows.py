"""Fast INSERTs: rows written with the DBAPI cursor, converted by SQLAlchemy's own types.

Saving one record and bulk loading a million both come down to inserting plain rows. Going
through SQLAlchemy's statement execution costs more than SQLite's work for such rows, so
`RowWriter` compiles one INSERT per table, converts every value with the column type's own bind
processor (dates, enums, UTC times exactly as the ORM stores them) and hands tuples to the
cursor's `executemany`, inside the session's transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Date, Dialect, Table, Time
from sqlalchemy.orm import Session

from loften_app.storage.engines import placeholder, session_sql

Processor = Callable[[Any], Any] | None


class RowWriter:
    """INSERT statements for one table, with the conversion of each column's values."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        columns: Sequence[Column[Any]] = list(table.columns)
        self.names = tuple(column.name for column in columns)
        placeholders = ", ".join(placeholder(dialect.name) for _ in columns)
        quoted = ", ".join(f'"{name}"' for name in self.names)
        self.sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({placeholders})'
        self.processors: tuple[Processor, ...] = tuple(
            _remembering(process)
            if process is not None and isinstance(column.type, Date | Time)
            else process
            for column, process in (
                (column, column.type.dialect_impl(dialect).bind_processor(dialect))
                for column in columns
            )
        )
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
            values = list(picked) if len(self.names) > 1 else [picked]
        except KeyError:  # a column left to its default
            values = [
                row.get(name, default)
                for name, default in zip(self.names, self.defaults, strict=True)
            ]
        for index, process in self._converted:
            value = values[index]
            if value is not None:
                values[index] = process(value)
        return tuple(values)

    def write(self, session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
        """Insert `rows` in the session's current transaction."""
        tuples = [self.to_tuple(row) for row in rows]
        if not tuples:
            return
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
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


def _scalar_default(column: Column[Any]) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", None)
    return None


@functools.cache
def writer_for(table: Table, dialect: Dialect) -> RowWriter:
    return RowWriter(table, dialect)


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """INSERT plain rows into `table` within the session's transaction."""
    writer_for(table, session.get_bind().dialect).write(session, rows)


def query_scalar(session: Session, sql: str, parameters: Sequence[Any]) -> Any:
    """The first column of the first row of a small query, on the session's connection (for
    checks on the path of every save, where statement execution would cost more than SQLite)."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        row = cursor.execute(session_sql(session, sql), tuple(parameters)).fetchone()
    finally:
        cursor.close()
    return None if row is None else row[0]
