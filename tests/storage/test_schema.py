"""The schema a file must have: the stored description of the newest revision is exactly what
the migrations make, and a check of a current file finds every difference without Alembic."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from loften_app.storage.database import HEAD_REVISION, open_database
from loften_app.storage.schema import (
    STORED_SCHEMA,
    expected_schema,
    migrated_schema,
    schema_problems,
    stored_schema,
    write_stored_schema,
)


def test_the_stored_schema_is_what_the_migrations_make_at_the_head() -> None:
    stored = stored_schema()
    assert stored is not None, f"{STORED_SCHEMA} is missing or unreadable"
    revision, entries = stored
    assert revision == HEAD_REVISION, (
        f"{STORED_SCHEMA} is of revision {revision}, the newest migration is {HEAD_REVISION}: "
        "run `python -m loften_app.storage.schema`"
    )
    assert entries == migrated_schema(revision), (
        f"{STORED_SCHEMA} differs from what the migrations make: "
        "run `python -m loften_app.storage.schema`"
    )
    assert expected_schema(revision) == entries


def test_the_stored_schema_is_the_file_the_writer_writes(tmp_path: Path) -> None:
    written = tmp_path / "schema.json"
    write_stored_schema(HEAD_REVISION, written)
    assert written.read_text(encoding="utf-8") == STORED_SCHEMA.read_text(encoding="utf-8")


def test_a_missing_or_damaged_stored_schema_is_none(tmp_path: Path) -> None:
    assert stored_schema(tmp_path / "missing.json") is None
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"revision": "0005", "entries": [["index"]]}', encoding="utf-8")
    assert stored_schema(damaged) is None
    damaged.write_text("{", encoding="utf-8")
    assert stored_schema(damaged) is None


def test_an_older_revision_is_migrated_in_a_scratch_file() -> None:
    older = expected_schema("0004")
    assert older is not None
    assert older != stored_schema()[1]  # type: ignore[index]
    assert not any(name == "figure_total" for _kind, name, _table, _sql in older)
    assert expected_schema("9999") is None


def test_a_current_file_matches_and_every_change_is_named(tmp_path: Path) -> None:
    path = tmp_path / "loften.db"
    open_database(path).close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert schema_problems(connection) == []
        connection.execute("DROP TRIGGER audit_entry_no_delete")
        connection.execute("CREATE INDEX ix_extra ON place (description)")
        connection.execute("DROP INDEX ix_place_name")
        connection.execute("CREATE INDEX ix_place_name ON place (name, description)")
        problems = schema_problems(connection)
    assert problems == [
        "Utlösaren audit_entry_no_delete saknas.",
        "Indexet ix_extra hör inte dit.",
        "Indexet ix_place_name är ändrad.",
    ]


def test_the_stored_schema_lists_one_entry_a_line() -> None:
    text = STORED_SCHEMA.read_text(encoding="utf-8")
    stored = json.loads(text)
    assert len(text.splitlines()) == len(stored["entries"]) + 5
