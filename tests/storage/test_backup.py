"""Backups with the online backup API, pruning, restoring (verified, kept, audited), checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from loften_app.domain.records import AgreementData, PlaceData, Stored
from loften_app.storage.backup import (
    BackupError,
    BackupPolicy,
    backup_if_due,
    check_database,
    export_backup,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
    verify_backup,
)
from loften_app.storage.database import SCHEMA_VERSION, Database, open_database, read_header
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY

T0 = dt.datetime(2018, 6, 1, 12, 0, tzinfo=dt.UTC)

#: Backups here are copies of the SQLite file (a server's are pg_dump's, issue 19).
pytestmark = pytest.mark.sqlite_only


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def place_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {
            name
            for (name,) in connection.execute("SELECT name FROM place WHERE deleted_at IS NULL")
        }


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_whole_owner_only_copy_in_an_owner_only_folder(
    database: Database, services: Services, agreement: Stored[AgreementData]
) -> None:
    services.places.add(data=PlaceData(name="Parken"))
    backup = make_backup(database, "manual", now=T0)
    assert backup.parent == database.path.parent / "backups"
    assert mode(backup.parent) == 0o700
    assert mode(backup) == 0o600
    assert backup.name == "loften.db.20180601T120000000000Z.manual.bak"
    assert "Parken" in place_names(backup)
    assert place_names(backup) == place_names(database.path)
    assert check_database(backup).ok
    assert not backup.with_name(backup.name + "-wal").exists()
    assert [info.path for info in list_backups(database)] == [backup]


def test_a_backup_sees_only_committed_work_while_another_connection_writes(
    database: Database, services: Services, agreement: Stored[AgreementData]
) -> None:
    writer = sqlite3.connect(database.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE place SET name = 'halvfärdig'")
        backup = make_backup(database, "manual", now=T0)
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert "halvfärdig" not in place_names(backup)


def test_pruning_keeps_the_newest_ten_and_one_a_month(
    database: Database, agreement: Stored[AgreementData]
) -> None:
    policy = BackupPolicy(keep_newest=3, keep_monthly=4)
    made = [make_backup(database, "start", policy=BackupPolicy(99, 99), now=T0)]
    # Five months back, two backups each month, then five in the current month.
    for months_back in range(5, 0, -1):
        for day in (3, 20):
            when = dt.datetime(2018, 6 - months_back, day, tzinfo=dt.UTC)
            made.append(make_backup(database, "start", policy=BackupPolicy(99, 99), now=when))
    for day in range(2, 7):
        made.append(
            make_backup(database, "start", policy=BackupPolicy(99, 99), now=T0.replace(day=day))
        )
    prune_backups(database, policy)
    left = [info.made_at for info in list_backups(database)]
    newest_three = [T0.replace(day=6), T0.replace(day=5), T0.replace(day=4)]
    monthly = [dt.datetime(2018, month, 20, tzinfo=dt.UTC) for month in (5, 4, 3)]
    assert left == newest_three + monthly


def test_the_backup_just_made_is_never_pruned(
    database: Database, agreement: Stored[AgreementData]
) -> None:
    for day in (10, 11, 12):
        make_backup(database, "x", now=T0.replace(day=day))
    old = make_backup(database, "x", policy=BackupPolicy(keep_newest=1, keep_monthly=0), now=T0)
    assert old.exists()


def test_start_backs_up_only_when_the_newest_is_more_than_a_day_old(
    database: Database, agreement: Stored[AgreementData]
) -> None:
    first = backup_if_due(database, now=T0)
    assert first is not None and "start" in first.name
    assert backup_if_due(database, now=T0 + dt.timedelta(hours=23)) is None
    assert backup_if_due(database, now=T0 + dt.timedelta(hours=25)) is not None


def test_export_backup_writes_an_owner_only_file_where_asked(
    database: Database, agreement: Stored[AgreementData], tmp_path: Path
) -> None:
    out = export_backup(database, tmp_path / "ut" / "kopia.db")
    assert mode(out) == 0o600
    assert place_names(out) == place_names(database.path)
    with pytest.raises(BackupError):
        export_backup(database, database.path)


def test_restore_keeps_the_current_file_replaces_the_contents_and_is_audited(
    db_path: Path, services: Services, agreement: Stored[AgreementData], tmp_path: Path
) -> None:
    services.places.add(data=PlaceData(name="Före kopian"))
    backup = make_backup(db_path, "manual", now=T0)
    services.places.add(data=PlaceData(name="Efter kopian"))
    after = place_names(db_path)
    services.database.close()

    kept = restore_backup(db_path, backup, actor=MUNICIPALITY, now=T0 + dt.timedelta(hours=1))

    assert kept is not None and "before-restore" in kept.name
    assert place_names(kept) == after
    names = place_names(db_path)
    assert "Före kopian" in names and "Efter kopian" not in names
    assert mode(db_path) == 0o600
    assert check_database(db_path).ok
    with open_database(db_path) as db, db.reading() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        (action, actor, note) = raw.execute(
            "SELECT action, actor, note FROM audit_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (action, actor) == ("backup_restore", MUNICIPALITY.name)
    assert backup.name in note and kept.name in note


def test_restore_works_while_the_database_is_open(
    database: Database, services: Services, agreement: Stored[AgreementData]
) -> None:
    backup = make_backup(database, "manual", now=T0)
    services.places.add(data=PlaceData(name="Ny plats"))
    restore_backup(database.path, backup, now=T0)
    assert "Ny plats" not in {p.data.name for p in services.places.list_page().items}
    services.places.add(data=PlaceData(name="Efteråt"))
    assert "Efteråt" in place_names(database.path)


@pytest.mark.parametrize(
    "damage",
    ["not a database", "truncated", "foreign sqlite", "missing"],
)
def test_a_bad_backup_file_is_refused_and_the_database_is_untouched(
    db_path: Path, database: Database, agreement: Stored[AgreementData], tmp_path: Path, damage: str
) -> None:
    good = make_backup(database, "manual", now=T0)
    bad = tmp_path / "dålig.bak"
    if damage == "not a database":
        bad.write_bytes(b"Det har ar ingen databas\n" * 200)
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "foreign sqlite":
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE t (x)")
    database.close()
    before = sha256(db_path)
    backups_before = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    with pytest.raises(BackupError) as caught:
        restore_backup(db_path, bad)
    assert "Inget har ändrats" in caught.value.message
    assert sha256(db_path) == before
    assert sorted(p.name for p in (db_path.parent / "backups").iterdir()) == backups_before


def test_a_damaged_page_fails_the_integrity_check(
    db_path: Path, database: Database, agreement: Stored[AgreementData], tmp_path: Path
) -> None:
    good = make_backup(database, "manual", now=T0)
    content = bytearray(good.read_bytes())
    page = 4096
    for number in range(2, 8):  # the b-tree page headers of pages 2 to 7
        start = (number - 1) * page
        content[start : start + 12] = b"\xff" * 12
    damaged = tmp_path / "skadad.bak"
    damaged.write_bytes(bytes(content))
    report = check_database(damaged)
    assert not report.ok and report.integrity
    assert "Integritet: FEL" in "\n".join(report.lines())
    with pytest.raises(BackupError):
        verify_backup(damaged)


def test_check_reports_schema_version_and_broken_references(
    db_path: Path, database: Database, agreement: Stored[AgreementData]
) -> None:
    report = check_database(db_path)
    assert report.ok, report.lines()
    assert report.schema_version == SCHEMA_VERSION
    assert read_header(db_path) is not None
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("UPDATE promise SET agreement_id = 'finns-inte'")
        connection.commit()
    report = check_database(db_path)
    assert not report.ok and report.foreign_keys and not report.integrity
    assert "promise" in report.foreign_keys[0]
