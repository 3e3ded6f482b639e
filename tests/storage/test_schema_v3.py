"""Schema version 3: a promise's lineage (the promise it continues) and its planned hours; a
version-2 file upgrades after a backup and keeps its records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from loften_app.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    open_database,
    read_header,
)
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY
from tests.storage.test_schema_v2 import make_file_at


def make_version_2_file(path: Path) -> int:
    return make_file_at(path, "0002", 2)


def test_schema_version_is_at_least_three() -> None:
    assert SCHEMA_VERSION >= 3


def test_a_version_2_file_upgrades_with_a_backup_and_keeps_its_promises(db_path: Path) -> None:
    promises = make_version_2_file(db_path)
    with open_database(db_path) as db:
        stored = Services.build(db, MUNICIPALITY).promises.for_agreement(
            Services.build(db, MUNICIPALITY).agreements.current().id  # type: ignore[union-attr]
        )
    assert read_header(db_path) == (APPLICATION_ID, SCHEMA_VERSION)
    assert len(stored) == promises
    assert all(p.data.continues_id is None and p.data.planned_hours is None for p in stored)
    with sqlite3.connect(db_path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(promise)")}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {"continues_id", "planned_hours"} <= columns
    (backup,) = (db_path.parent / "backups").glob("*before-upgrade-v2*.bak")
    assert read_header(backup) == (APPLICATION_ID, 2)
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT count(*) FROM promise").fetchone() == (promises,)
