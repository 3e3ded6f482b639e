"""`loften backup`, `restore`, `check`, `audit` and `retention` on a real file."""

from __future__ import annotations

import csv
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from loften_app.cli import build_parser, run


def loften(*args: str) -> int:
    return run(build_parser().parse_args(list(args)))


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert loften("--db", str(path), "new", "--template", "filipstad-2017-2018") == 0
    return path


def promises(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM promise").fetchone()
    return int(count)


def test_backup_check_restore_round_trip(made: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "kopia.db"
    assert loften("--db", str(made), "backup", "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert loften("--db", str(made), "backup") == 0
    assert len(list((tmp_path / "backups").glob("demo.db.*.manual.bak"))) == 1
    assert loften("--db", str(made), "check") == 0
    assert "Resultat: allt i ordning" in capsys.readouterr().out
    count = promises(made)
    with sqlite3.connect(made) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM target")
        connection.execute("DELETE FROM promise")
    assert loften("--db", str(made), "restore", str(out)) == 0
    assert promises(made) == count
    assert "före återställningen" in capsys.readouterr().out
    assert loften("--db", str(made), "check") == 0


def test_check_fails_with_a_plain_report(made: Path, capsys: Any) -> None:
    with sqlite3.connect(made) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("UPDATE promise SET agreement_id = 'borta'")
    assert loften("--db", str(made), "check") == 1
    out = capsys.readouterr().out
    assert "Främmande nycklar: FEL" in out and "Resultat: problem hittades" in out


def test_restore_of_a_bad_file_fails_with_a_message_and_changes_nothing(
    made: Path, tmp_path: Path, capsys: Any
) -> None:
    bad = tmp_path / "inte.db"
    bad.write_text("ingen databas")
    before = made.read_bytes()
    assert loften("--db", str(made), "restore", str(bad)) == 1
    assert "Inget har ändrats" in capsys.readouterr().err
    assert made.read_bytes() == before


def test_audit_export_and_retention(made: Path, tmp_path: Path, capsys: Any) -> None:
    assert loften("--db", str(made), "retention", "--months", "12") == 0
    assert "Gallring: 0" in capsys.readouterr().out
    out = tmp_path / "logg.csv"
    assert loften("--db", str(made), "audit", "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    assert len(rows) > promises(made)
    assert {row[4] for row in rows} == {"Skapad"}
    assert sum(row[5] == "promise" for row in rows) == promises(made)
    assert loften("--db", str(made), "retention", "--months", "0") == 1
