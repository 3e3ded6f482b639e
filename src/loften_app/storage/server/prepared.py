"""A save's statements on a server sent with libpq's own calls: prepared once per connection,
then executed with one call that waits inside libpq.

psycopg's cursors do the same work (a statement is prepared after a few executions) with a
Python generator for every step of sending, waiting and reading, a cursor per statement and,
for a statement longer than 4 kB such as a save's one statement, its placeholders parsed again
each time: about 40 us of the client's CPU a statement, as much as a save's rows. Here the
statement's `$n` form is made once, its values are dumped with psycopg's own text dumpers and
the rows loaded with its loaders (`psycopg.adapt.Transformer`: the same Python values as a
cursor gives), and errors are psycopg's (`errors.error_from_result`), so they are classified
as before (`storage/server/errors.py`).

Only for a connection in autocommit (the kept connection of `Database.saving(
single_statement=True)`): psycopg forgets every prepared statement at a ROLLBACK (DEALLOCATE
ALL), which a connection in autocommit never sends; should the server not know a statement all
the same, nothing was done, and it is prepared again.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Sequence
from typing import Any

from psycopg import Connection, errors, pq
from psycopg.adapt import PyFormat, Transformer

#: The server does not know the prepared statement (SQLSTATE invalid_sql_statement_name).
_UNKNOWN_STATEMENT = "26000"
_PLACEHOLDER = re.compile(r"%(s|%)")
#: Statement names: unique within this process (one connection never sees another's).
_numbers = itertools.count(1)


class _Prepared:
    """What one connection has prepared (SQL text: name) and its transformer."""

    __slots__ = ("names", "transformer")

    def __init__(self, connection: Connection[Any]) -> None:
        self.names: dict[str, bytes] = {}
        self.transformer = Transformer(connection)


_by_connection: weakref.WeakKeyDictionary[Connection[Any], _Prepared] = weakref.WeakKeyDictionary()
#: The `$n` form of each statement (psycopg's `%s` placeholders, `%%` for a percent sign).
_converted: dict[str, bytes] = {}


def _dollar_form(sql: str) -> bytes:
    found = _converted.get(sql)
    if found is None:
        numbers = itertools.count(1)
        found = _PLACEHOLDER.sub(
            lambda m: "%" if m.group(1) == "%" else f"${next(numbers)}", sql
        ).encode()
        _converted[sql] = found
    return found


def usable(connection: Any) -> bool:
    """Whether `connection` (a DB-API connection) is psycopg's, in autocommit."""
    return getattr(connection, "pgconn", None) is not None and bool(connection.autocommit)


def run(connection: Connection[Any], sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Execute `sql` (psycopg's placeholders) with `values` on `connection` (in autocommit);
    returns its rows (none for a statement without any)."""
    state = _by_connection.get(connection)
    if state is None:
        state = _by_connection[connection] = _Prepared(connection)
    transformer = state.transformer
    params = transformer.dump_sequence(values, [PyFormat.TEXT] * len(values))
    pgconn = connection.pgconn
    for attempt in (1, 2):
        name = state.names.get(sql)
        if name is None:
            name = f"loften_{next(_numbers)}".encode()
            _check(connection, pgconn.prepare(name, _dollar_form(sql)))
            state.names[sql] = name
        result = pgconn.exec_prepared(name, params)  # type: ignore[arg-type]  # None: NULL
        if (
            attempt == 1
            and result.status == pq.ExecStatus.FATAL_ERROR
            and result.error_field(pq.DiagnosticField.SQLSTATE) == _UNKNOWN_STATEMENT.encode()
        ):
            state.names.clear()  # the server has forgotten them (DEALLOCATE ALL)
            continue
        _check(connection, result)
        if result.status != pq.ExecStatus.TUPLES_OK or not result.ntuples:
            return []
        transformer.set_pgresult(result)
        return transformer.load_rows(0, result.ntuples, tuple)
    raise AssertionError("unreachable")


def _check(connection: Connection[Any], result: pq.abc.PGresult) -> None:
    if result.status not in (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK):
        raise errors.error_from_result(result, encoding=connection.info.encoding)
