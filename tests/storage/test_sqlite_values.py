"""Dates and datetimes bound as raw parameters: Löften's own adapters, the old text exactly."""

from __future__ import annotations

import datetime as dt
import sqlite3
import warnings
from pathlib import Path

import pytest
from sqlalchemy import text

from loften_app.storage.database import Database


def bound(value: object) -> object:
    with sqlite3.connect(":memory:") as connection:
        result = connection.execute("SELECT ?", (value,)).fetchone()[0]
    connection.close()
    return result


def test_dates_and_datetimes_give_the_text_that_sqlite3s_default_adapters_gave() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # sqlite3's own adapters warn on Python 3.12+
        assert bound(dt.date(2018, 7, 1)) == "2018-07-01"
        assert bound(dt.datetime(2018, 7, 1, 21, 30)) == "2018-07-01 21:30:00"
        assert bound(dt.datetime(2018, 7, 1, 21, 30, 5, 120)) == "2018-07-01 21:30:05.000120"
        aware = dt.datetime(2018, 7, 1, 21, 30, tzinfo=dt.UTC)
        assert bound(aware) == "2018-07-01 21:30:00+00:00"


@pytest.mark.sqlite_only
def test_a_text_query_with_dates_finds_what_the_orm_stored(database: Database) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with database.writing() as session:
            session.execute(text("CREATE TABLE day (d DATE)"))
            session.execute(
                text("INSERT INTO day (d) VALUES (:d)"),
                [{"d": dt.date(2018, 1, 31)}, {"d": dt.date(2018, 2, 1)}],  # executemany
            )
        with database.reading() as session:
            found = session.execute(
                text("SELECT d FROM day WHERE d >= :start"), {"start": dt.date(2018, 2, 1)}
            ).all()
    assert found == [("2018-02-01",)]


def test_the_file_holds_the_dates_as_iso_text(database: Database, db_path: Path) -> None:
    with database.writing() as session:
        session.execute(text("CREATE TABLE day (d DATE)"))
        session.execute(text("INSERT INTO day (d) VALUES (:d)"), {"d": dt.date(2018, 12, 24)})
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT typeof(d), d FROM day").fetchone() == (
            "text",
            "2018-12-24",
        )
    connection.close()


def test_remembered_date_and_time_conversions_equal_sqlalchemys() -> None:
    """Row writing converts each distinct date and naive time once; the text is the same."""
    import datetime as dt

    from sqlalchemy.dialects import sqlite

    from loften_app.storage.models import Base
    from loften_app.storage.rows import RowWriter

    dialect = sqlite.dialect()
    table = Base.metadata.tables["patrol"]
    writer = RowWriter(table, dialect)
    for name in ("date", "start_time"):
        index = writer.names.index(name)
        plain = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values: list[object] = [dt.date(2018, 1, 1) + dt.timedelta(days=n) for n in range(400)]
        if name == "start_time":
            values = [dt.time(h, m, s) for h in range(24) for m in (0, 30) for s in (0, 5)]
            values += [dt.time(21, 0, tzinfo=dt.timezone(dt.timedelta(hours=h))) for h in (0, 1)]
        for _twice in range(2):
            for value in values:
                assert writer.processors[index](value) == plain(value), (name, value)


@pytest.mark.parametrize("dialect_name", ["sqlite", "postgresql"])
def test_every_converted_column_gives_what_sqlalchemy_gives(dialect_name: str) -> None:
    """Row writing's quicker enum and UTC-time conversions (and the remembered ones) equal the
    column type's own bind processor for every column of every table, on both engines: every
    member of an enum, its value as text, and aware times in UTC and in other zones."""
    import enum

    from sqlalchemy import Enum
    from sqlalchemy.dialects import postgresql, sqlite

    from loften_app.storage.models import Base
    from loften_app.storage.rows import RowWriter

    dialect = sqlite.dialect() if dialect_name == "sqlite" else postgresql.psycopg.dialect()
    times = [
        dt.datetime(2018, 11, 17, 8, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 3, 10, 6, 35, 123_456, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 3, 10, 6, 35, 123_456, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.datetime(999, 1, 1, tzinfo=dt.UTC),
    ]
    checked = 0
    for table in Base.metadata.tables.values():
        writer = RowWriter(table, dialect)
        for name, process in zip(writer.names, writer.processors, strict=True):
            if process is None:
                continue
            column_type = table.c[name].type
            plain = column_type.dialect_impl(dialect).bind_processor(dialect)
            assert plain is not None
            values: list[object] = []
            if isinstance(column_type, Enum) and column_type.enum_class is not None:
                members: list[enum.Enum] = list(column_type.enum_class)
                values = [*members, *(member.value for member in members)]
            elif "_at" in name:
                values = times
            for value in [*values, *values]:  # twice: what is remembered too
                assert process(value) == plain(value), (table.name, name, value)
                checked += 1
    assert checked > 500
