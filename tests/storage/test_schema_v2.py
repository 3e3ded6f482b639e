"""Schema version 2: meta (installation id), the audit trail and the exchange log; a version-1
file upgrades and keeps its records."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from loften_app.domain.records import AgreementData, Stored
from loften_app.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    open_database,
    read_header,
)
from tests.factories import make_version_1_file


def test_schema_version_is_at_least_two() -> None:
    assert SCHEMA_VERSION >= 2


def test_a_version_1_file_upgrades_keeps_its_records_and_gets_an_installation_id(
    db_path: Path,
) -> None:
    promises = make_version_1_file(db_path)
    with open_database(db_path):
        pass
    assert read_header(db_path) == (APPLICATION_ID, SCHEMA_VERSION)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM promise").fetchone() == (promises,)
        (installation,) = connection.execute(
            "SELECT value FROM meta WHERE key = 'installation_id'"
        ).fetchone()
        assert uuid.UUID(installation).version == 4
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert {"meta", "audit_entry", "exchange_log"} <= tables
    backups = list((db_path.parent / "backups").glob("*.bak"))
    assert len(backups) == 1
    assert read_header(backups[0]) == (APPLICATION_ID, 1)


def test_each_new_file_gets_its_own_installation_id(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        with open_database(tmp_path / name), sqlite3.connect(tmp_path / name) as connection:
            ids.append(connection.execute("SELECT value FROM meta").fetchone()[0])
    assert ids[0] != ids[1]


def test_audit_rows_cannot_be_changed_or_deleted(
    db_path: Path, agreement: Stored[AgreementData]
) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO audit_entry (at, action, record_type, record_id, changes) "
            "VALUES ('2018-01-01T00:00:00+00:00', 'add', 'place', 'x', '{}')"
        )
        connection.commit()
        for sql in (
            "UPDATE audit_entry SET action = 'delete'",
            "UPDATE audit_entry SET changes = '{\"a\": [1, 2]}'",
            "DELETE FROM audit_entry",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
                connection.execute(sql)
        assert connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0] >= 1


def test_the_exchange_log_refuses_the_same_package_twice_in_one_direction(db_path: Path) -> None:
    with open_database(db_path), sqlite3.connect(db_path) as connection:
        row = "(?, ?, 'p1', '2018-01-01T00:00:00+00:00', NULL, 3)"
        sql = (
            "INSERT INTO exchange_log (partner, direction, package_id, at, until, records) "
            f"VALUES {row}"
        )
        connection.execute(sql, ("kommun", "export"))
        connection.execute(sql, ("kommun", "import"))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(sql, ("kommun", "import"))
