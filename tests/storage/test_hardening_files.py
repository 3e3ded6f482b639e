"""Files that protect themselves (issue 14, holes 5, 6, 9, 10, 11 and 12)."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import logging
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from loften_app.domain.errors import LoftenError
from loften_app.domain.records import OtherActivityData, PlaceData
from loften_app.reports.exports import ExportFormat, export
from loften_app.storage import audit, files
from loften_app.storage import database as database_module
from loften_app.storage.backup import BackupError, check_database, make_backup, restore_backup
from loften_app.storage.database import ReadOnlyDatabaseError, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.errors import StorageError
from loften_app.storage.logs import log_uncaught, setup_logging
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.factories import make_version_1_file
from tests.storage.conftest import MUNICIPALITY

FORMULAS = ['=HYPERLINK("http://example.com","klick")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _filled(services: Services) -> str:
    agreement = apply_template(services, "filipstad-2017-2018")
    promise = services.promises.for_agreement(agreement.id)[0]
    for index, text in enumerate(FORMULAS):
        services.other_activities.add(
            data=OtherActivityData(
                promise_id=promise.id, date=dt.date(2018, 5, 1 + index), what=text, notes=text
            )
        )
    return promise.id


# --- hole 5: formulas ---------------------------------------------------------------------------


def test_formula_cells_are_text_in_xlsx_and_quoted_in_csv(
    services: Services, tmp_path: Path
) -> None:
    _filled(services)
    (xlsx,) = export(services, ExportFormat.XLSX, tmp_path / "poster.xlsx")
    sheet = next(ws for ws in load_workbook(xlsx) if ws.title.startswith("Övrig"))
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    texts = [cell for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r"]
    assert len(texts) >= 2 * 4  # tab and CR at the start may be stripped as whitespace on save
    assert all(cell.data_type == "s" for cell in texts)
    written = export(services, ExportFormat.CSV, tmp_path / "csv")
    other = next(p for p in written if "vrig" in p.name)
    with other.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    values = [value for row in rows[1:] for value in row]
    for text in FORMULAS[:4]:
        assert "'" + text in values
        assert text not in values
    for value in values:
        assert not value.startswith(files.FORMULA_STARTS)


def test_formula_cells_are_quoted_in_the_audit_csv(services: Services, tmp_path: Path) -> None:
    _filled(services)
    out = tmp_path / "logg.csv"
    audit.export_csv(services.database, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    for row in rows:
        for value in row:
            assert not value.startswith(files.FORMULA_STARTS), value


# --- hole 4 (in process): never over the database -----------------------------------------------


def test_no_output_may_be_the_database_its_side_files_or_its_backups(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    _filled(services)
    backup = make_backup(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    for target in (db_path, wal, db_path.with_name(db_path.name + "-shm"), backup):
        before = _sha(target) if target.exists() else None
        with pytest.raises(LoftenError, match=r"databas|säkerhetskopior"):
            audit.export_csv(services.database, target)
        with pytest.raises(LoftenError, match=r"databas|säkerhetskopior"):
            export(services, ExportFormat.XLSX, target.with_suffix(target.suffix))
        assert (_sha(target) if target.exists() else None) == before
    with pytest.raises(LoftenError, match="säkerhetskopior"):
        audit.export_csv(services.database, backup.parent / "ny.csv")
    assert not (backup.parent / "ny.csv").exists()


# --- hole 6: restore trusts only an exact schema, the trail only grows ---------------------------


def test_restore_refuses_a_copy_without_the_audit_triggers(
    services: Services, db_path: Path
) -> None:
    _filled(services)
    backup = make_backup(db_path)
    with sqlite3.connect(backup) as connection:
        connection.execute("DROP TRIGGER audit_entry_no_delete")
        connection.execute("DELETE FROM audit_entry WHERE id % 2 = 0")
    connection.close()
    assert not check_database(backup).ok
    assert any("audit_entry_no_delete" in line for line in check_database(backup).lines())
    services.database.close()
    before = _sha(db_path)
    with pytest.raises(BackupError, match="inte det innehåll"):
        restore_backup(db_path, backup, actor=MUNICIPALITY)
    assert _sha(db_path) == before


def test_restore_refuses_a_file_naming_an_unknown_migration_before_touching_anything(
    services: Services, db_path: Path
) -> None:
    _filled(services)
    backup = make_backup(db_path)
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    services.database.close()
    before = _sha(db_path)
    backups_before = sorted(p.name for p in backup.parent.iterdir())
    with pytest.raises(BackupError, match="okänd"):
        restore_backup(db_path, backup, actor=MUNICIPALITY)
    assert _sha(db_path) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == backups_before
    with open_database(db_path) as database:
        assert database.path == db_path


def test_restoring_an_older_backup_keeps_the_audit_lines_written_since(
    services: Services, db_path: Path
) -> None:
    promise_id = _filled(services)
    backup = make_backup(db_path)
    for day in range(1, 4):
        services.other_activities.add(
            data=OtherActivityData(promise_id=promise_id, date=dt.date(2018, 9, day), what="Ny")
        )
    with sqlite3.connect(db_path) as connection:
        before = connection.execute(
            "SELECT at, actor, action, record_id FROM audit_entry ORDER BY id"
        ).fetchall()
    connection.close()
    services.database.close()
    restore_backup(db_path, backup, actor=MUNICIPALITY)
    with sqlite3.connect(db_path) as connection:
        after = connection.execute(
            "SELECT at, actor, action, record_id FROM audit_entry ORDER BY id"
        ).fetchall()
        activities = connection.execute("SELECT count(*) FROM other_activity").fetchone()[0]
    connection.close()
    assert activities == len(FORMULAS)  # the records are the backup's
    assert after[: len(before)] == before  # every line before the restore is still there
    assert len(after) == len(before) + 1
    assert after[-1][2] == audit.BACKUP_RESTORE


# --- hole 9: owner-only, and a read-only file stays read-only ------------------------------------


def test_the_data_folder_and_backup_folders_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "ny" / "mapp" / "loften.db"
    with open_database(path) as database:
        apply_template(Services.build(database, MUNICIPALITY), "filipstad-2017-2018")
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700
    assert _mode(path) == 0o600
    from loften_app.storage.backup import export_backup

    copy = export_backup(path, tmp_path / "kopior" / "djup" / "k.db")
    assert _mode(copy.parent) == 0o700
    assert _mode(copy.parent.parent) == 0o700
    assert _mode(copy) == 0o600


def test_a_read_only_database_is_opened_read_only_and_never_chmodded(
    services: Services, db_path: Path
) -> None:
    _filled(services)
    services.database.close()
    os.chmod(db_path, 0o444)
    before = _sha(db_path)
    with open_database(db_path) as database:
        assert database.read_only
        readers = Services.build(database, MUNICIPALITY)
        assert readers.agreements.current() is not None
        with pytest.raises(ReadOnlyDatabaseError, match="skrivskyddad"):
            readers.places.add(data=PlaceData(name="Ny plats"))
    assert _mode(db_path) == 0o444
    assert _sha(db_path) == before


# --- hole 10: the before-upgrade backup is written whole or not at all ---------------------------


def test_a_failed_before_upgrade_backup_leaves_no_file_under_its_name(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_version_1_file(db_path)
    before = _sha(db_path)
    real_replace = os.replace

    def killed(source: object, target: object) -> None:
        if "before-upgrade" in str(target):
            raise OSError(errno.EIO, "simulated crash before the rename")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(StorageError, match="säkerhetskopian"):
        open_database(db_path)
    folder = db_path.parent / "backups"
    assert list(folder.iterdir()) == []
    assert _sha(db_path) == before


# --- hole 11: a full disk gives a message and leaves no file -------------------------------------


@pytest.mark.parametrize("what", ["xlsx", "csv", "audit"])
def test_a_full_disk_gives_a_swedish_message_and_no_partial_file(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    _filled(services)
    out_folder = tmp_path / "ut"
    out_folder.mkdir()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(LoftenError, match="disken är full"):
        if what == "xlsx":
            export(services, ExportFormat.XLSX, out_folder / "poster.xlsx")
        elif what == "csv":
            export(services, ExportFormat.CSV, out_folder / "csv")
        else:
            audit.export_csv(services.database, out_folder / "logg.csv")
    leftovers = [p for p in out_folder.rglob("*") if p.is_file()]
    assert leftovers == []


def test_an_audit_export_into_a_missing_folder_is_a_message(
    services: Services, tmp_path: Path
) -> None:
    with pytest.raises(LoftenError, match="finns inte"):
        audit.export_csv(services.database, tmp_path / "saknas" / "logg.csv")
    assert not (tmp_path / "saknas").exists()


# --- hole 12: demo data never mixes with real records ---------------------------------------------


def test_demo_data_refuses_a_file_with_real_records(services: Services, db_path: Path) -> None:
    _filled(services)
    with sqlite3.connect(db_path) as connection:
        before = connection.execute("SELECT count(*) FROM other_activity").fetchone()[0]
    connection.close()
    with pytest.raises(StorageError, match="inte är demodata"):
        fill_demo_data(services.database, MUNICIPALITY, DemoOptions(year=2017, seed=1))
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM other_activity").fetchone()[0] == before
        assert connection.execute("SELECT count(*) FROM patrol").fetchone()[0] == 0
    connection.close()


def test_demo_data_may_add_another_year_to_demo_data(tmp_path: Path) -> None:
    with open_database(tmp_path / "demo.db") as database:
        fill_demo_data(database, MUNICIPALITY, DemoOptions(year=2017, seed=1))
        fill_demo_data(database, MUNICIPALITY, DemoOptions(year=2018, seed=1))


# --- the log file ---------------------------------------------------------------------------------


def test_the_log_file_is_owner_only_and_holds_warnings_with_tracebacks(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = setup_logging(folder)
    assert path is not None
    try:
        logging.getLogger("loften_app.storage.database").warning("en varning")
        try:
            raise RuntimeError("ett fel")
        except RuntimeError as error:
            log_uncaught(RuntimeError, error, error.__traceback__)
        text = path.read_text(encoding="utf-8")
        assert "en varning" in text
        assert "Traceback" in text and "ett fel" in text
        assert _mode(path) == 0o600
        assert _mode(folder) == 0o700
    finally:
        for handler in list(logging.getLogger("loften_app").handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                logging.getLogger("loften_app").removeHandler(handler)
                handler.close()


def test_writing_atomically_cleans_up_on_any_error(tmp_path: Path) -> None:
    target = tmp_path / "fil.bin"
    target.write_bytes(b"gammal")
    with pytest.raises(RuntimeError), files.atomic_write(target) as stream:
        stream.write(b"halv")
        raise RuntimeError("avbrutet")
    assert target.read_bytes() == b"gammal"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.bin"]
    _ = database_module


def test_an_exclusive_atomic_write_never_replaces_a_file_made_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "nyckel.pem"
    with files.atomic_path(target, exclusive=True) as temporary:
        temporary.write_bytes(b"den nya")
    assert target.read_bytes() == b"den nya"
    assert _mode(target) == 0o600
    with pytest.raises(FileExistsError), files.atomic_path(target, exclusive=True) as temporary:
        temporary.write_bytes(b"en till")
    assert target.read_bytes() == b"den nya"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nyckel.pem"]


def test_database_errors_are_classified_by_sqlite_result_code_not_by_text() -> None:
    from loften_app.storage.errors import (
        DatabaseLockedError,
        DiskFullError,
        MissingReferenceError,
        classify_database_error,
    )

    def error(text: str, code: int) -> sqlite3.Error:
        made = sqlite3.OperationalError(text)
        made.sqlite_errorcode = code  # type: ignore[attr-defined]
        return made

    assert isinstance(
        classify_database_error(error("whatever", sqlite3.SQLITE_FULL)), DiskFullError
    )
    assert isinstance(
        classify_database_error(error("disk is full", sqlite3.SQLITE_BUSY)), DatabaseLockedError
    )
    assert isinstance(
        classify_database_error(error("x", sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY)),
        MissingReferenceError,
    )
    assert classify_database_error(error("database is locked", sqlite3.SQLITE_ERROR)) is None
    assert classify_database_error(sqlite3.OperationalError("database is locked")) is None
