"""What differs between the two database engines Löften runs on, in one place.

A Löften database is an SQLite file on a laptop or a database on a shared PostgreSQL server
(`postgresql://user@host:port/dbname`, see storage/server/). The ORM and Core statements are
the same on both; what is not lives here, one function per difference, each giving the text or
expression for the engine at hand:

- raw DB-API statements (the fast paths in rows.py, audit.py, retention.py) are written with
  `?` or `:name` placeholders, as sqlite3 takes them; psycopg takes `%s` and `%(name)s`
  (`driver_sql`, `session_named_sql`);
- date arithmetic: SQLite's julianday() against PostgreSQL's date subtraction (`days_between`);
- a stored time as seconds after midnight, and a date's month "YYYY-MM" (`seconds_of_day_sql`,
  `month_sql`): SQLite reads them from the stored text; PostgreSQL has native functions for
  them. Its SQL functions with SQLite's names (storage/server/compat.py) would give the same,
  but they format every row's value as text first, which a save's totals delta and a year's
  figures pay for on every row.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Integer, cast, func
from sqlalchemy.orm import Session

from loften_app.storage import figure_sql as _text

# The engine-neutral SQL text lives in `figure_sql` (no SQLAlchemy), shared with the figures.
POSTGRESQL = _text.POSTGRESQL
SQLITE = _text.SQLITE
count_true_sql = _text.count_true_sql
days_between_sql = _text.days_between_sql
month_sql = _text.month_sql
seconds_of_day_sql = _text.seconds_of_day_sql

SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_server_url(target: object) -> bool:
    """Whether `target` (a --db value) names a database on a PostgreSQL server."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def dialect_of(session: Session) -> str:
    return bind_dialect(session).name


def bind_dialect(session: Session) -> Dialect:
    """The dialect of the engine `session` is bound to (its `bind` when it has one: every
    session of Löften's, quicker than `get_bind()`, which a save asks for several times)."""
    bind = session.bind
    return (bind if bind is not None else session.get_bind()).dialect


@functools.cache
def _percent_style(sql: str) -> str:
    # Löften's raw statements never hold a literal `?` or `%`: every value is a parameter.
    return sql.replace("%", "%%").replace("?", "%s")


def driver_sql(sql: str, dialect: str) -> str:
    """A raw statement written with `?` placeholders, for the DB-API driver of `dialect`."""
    return sql if dialect == SQLITE else _percent_style(sql)


def session_sql(session: Session, sql: str) -> str:
    """`driver_sql` for the engine of `session`."""
    return driver_sql(sql, dialect_of(session))


_NAMED = re.compile(r"(?<![:\w]):(\w+)")


@functools.cache
def _pyformat(sql: str) -> str:
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


def session_named_sql(session: Session, sql: str) -> str:
    """A raw statement written with `:name` placeholders (sqlite3's named style), for the
    DB-API driver of `session`'s engine (psycopg: `%(name)s`)."""
    return sql if dialect_of(session) == SQLITE else _pyformat(sql)


def placeholder(dialect: str) -> str:
    """The DB-API placeholder of `dialect`'s driver."""
    return "?" if dialect == SQLITE else "%s"


def days_between(later: ColumnElement[Any], earlier: ColumnElement[Any], dialect: str) -> Any:
    """`days_between_sql` as a Core expression (sorting lists by it)."""
    if dialect == SQLITE:
        return func.julianday(later) - func.julianday(earlier)
    return cast(later - earlier, Integer)
