"""How dates and datetimes bound as raw parameters reach sqlite3.

The ORM's columns convert their values themselves (SQLAlchemy's SQLite `Date` and `DateTime`
types), but a `text()` query or `exec_driver_sql` hands a `datetime.date` straight to sqlite3.
Python 3.12 deprecated sqlite3's built-in adapters for these (a `DeprecationWarning` on every
binding) and will drop them, so Löften registers its own, giving exactly the text the built-in
ones gave (`2018-07-01`, `2018-07-01 21:30:00`): what is compared and stored stays the same,
byte for byte. `datetime.time` has no built-in adapter and gets none: times are converted by
their columns.
"""

from __future__ import annotations

import datetime as dt
import sqlite3


def _date(value: dt.date) -> str:
    return value.isoformat()


def _datetime(value: dt.datetime) -> str:
    return value.isoformat(" ")


def register_adapters() -> None:
    """Put Löften's adapters in place of sqlite3's deprecated ones (process-wide, idempotent)."""
    sqlite3.register_adapter(dt.date, _date)
    sqlite3.register_adapter(dt.datetime, _datetime)
