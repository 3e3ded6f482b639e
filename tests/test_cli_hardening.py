"""No command writes over the database or leaves a traceback (issue 14, holes 4 and 11)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli_runner import run_cli as loften


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "k.db"
    assert loften("new", "--template", "filipstad-2017-2018", "--db", str(path)).returncode == 0
    assert loften("backup", "--db", str(path)).returncode == 0
    return path


def test_no_out_may_be_the_database(filled: Path) -> None:
    db = str(filled)
    backup = next((filled.parent / "backups").iterdir())
    commands = [
        ["audit", "--db", db, "--out", db],
        ["report", "quarterly", "--quarter", "2018-Q3", "--db", db, "--out", db],
        ["report", "follow-up", "--db", db, "--out", db + "-wal"],
        ["exchange", "export", "--db", db, "--out", db],
        ["export", "--db", db, "--format", "csv", "--out", str(backup.parent)],
        ["audit", "--db", db, "--out", str(backup)],
        ["backup", "--db", db, "--out", str(backup)],
    ]
    before = _sha(filled)
    backup_before = _sha(backup)
    for command in commands:
        result = loften(*command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert "Välj" in result.stderr, result.stderr
        assert _sha(filled) == before
        assert _sha(backup) == backup_before


def test_an_audit_into_a_missing_folder_is_a_swedish_message(filled: Path) -> None:
    out = filled.parent / "saknas" / "logg.csv"
    result = loften("audit", "--db", str(filled), "--out", str(out))
    assert result.returncode == 1
    assert "finns inte" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.parent.exists()


def test_demo_data_refuses_a_file_with_real_records(filled: Path) -> None:
    first = loften("demo-data", "--year", "2018", "--db", str(filled), "--user", "Anna")
    assert first.returncode == 0, first.stderr  # the template alone is no real record
    copy = filled.parent / "riktig.db"
    assert loften("new", "--template", "filipstad-2017-2018", "--db", str(copy)).returncode == 0
    import sqlite3

    with sqlite3.connect(filled) as connection:
        connection.execute("UPDATE patrol SET updated_by = 'Anna' WHERE rowid = 1")
    connection.close()
    before = _sha(filled)
    again = loften("demo-data", "--year", "2017", "--db", str(filled))
    assert again.returncode == 1
    assert "inte är demodata" in again.stderr
    assert _sha(filled) == before
