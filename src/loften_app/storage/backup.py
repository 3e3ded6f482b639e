"""Backups, restoring one, and checking a database file.

Backups are made with SQLite's online backup API (a consistent copy while others may be
writing) into `backups/` beside the database: the folder is owner-only (0700), each file too
(0600). A backup is written under a temporary name, made a self-contained file (rollback
journal, no WAL), synced and only then renamed, so a crash never leaves a half backup that
looks whole. After each backup the folder is pruned: the newest `keep_newest` stay, plus the
newest backup of each of the last `keep_monthly` months (older monthly backups go, so that
backups do not keep what retention has removed from the database for ever).

When Löften makes them:
- at start, when the newest backup is more than a day old (`backup_if_due`);
- before every migration (storage/database.py writes that one itself, into the same folder);
- before every import (the exchange calls `make_backup(path, "before-import")`);
- before every restore (`restore_backup` does it).

`restore_backup` verifies the chosen file (SQLite header, Löften application id, a schema
version this Löften can open, `PRAGMA integrity_check`), keeps the current file as a backup,
then writes the backup's pages into the database in one SQLite transaction (the backup API
again, so the write-ahead log of the open file stays consistent and a crash leaves either the
old or the new contents), and records the restore in the audit trail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from loften_app.domain.errors import error_text
from loften_app.domain.records import Actor
from loften_app.storage import audit, totals
from loften_app.storage.database import (
    APPLICATION_ID,
    BACKUP_STAMP,
    BACKUP_SUFFIX,
    BUSY_TIMEOUT_MS,
    HEAD_REVISION,
    OWNER_ONLY,
    SCHEMA_VERSION,
    Database,
    backup_copy,
    backup_folder,
    make_engine,
    new_backup_path,
    open_database,
    read_header,
)
from loften_app.storage.errors import StorageError, classify_database_error
from loften_app.storage.files import (
    FileWriteError,
    atomic_path,
    check_output_path,
    private_folder,
)
from loften_app.storage.schema import schema_problems

PART_SUFFIX = ".part"


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups are kept, and how old the newest may be before start makes one."""

    keep_newest: int = 10
    keep_monthly: int = 12
    max_age: dt.timedelta = dt.timedelta(days=1)


DEFAULT_POLICY = BackupPolicy()


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in a database's backup folder."""

    path: Path
    made_at: dt.datetime
    reason: str
    size: int


class BackupError(StorageError):
    """A backup could not be made, or a file cannot be restored; nothing was changed."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _path_of(source: Path | str | Database) -> Path:
    if isinstance(source, Database):
        return source.path
    return Path(source).expanduser().resolve()


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")
    return slug or "manual"


def _write_copy(source: Path, target: Path) -> None:
    """A consistent, self-contained owner-only copy of `source` at `target`, written under a
    temporary name and renamed when complete."""
    backup_copy(source, target)


def _failed(what: str, error: BaseException) -> BackupError:
    classified = classify_database_error(error)
    detail = classified.text if classified is not None else str(error)
    return BackupError(
        error_text(
            "backup.nothing_changed",
            "{what} Inget har ändrats. ({detail})",
            what=what,
            detail=detail,
        )
    )


def make_backup(
    source: Path | str | Database,
    reason: str = "manual",
    *,
    policy: BackupPolicy = DEFAULT_POLICY,
    now: dt.datetime | None = None,
) -> Path:
    """Back the database up into its `backups/` folder and prune old backups; returns the new
    file. `reason` ("start", "before-import", "manual", ...) becomes part of the file name."""
    path = _path_of(source)
    now = now or _utc_now()
    try:
        target = new_backup_path(path, _reason_slug(reason), now=now)
        _write_copy(path, target)
    except (OSError, sqlite3.Error) as error:
        raise _failed("Säkerhetskopian kunde inte skrivas.", error) from error
    prune_backups(path, policy, keep=target)
    return target


def export_backup(source: Path | str | Database, target: Path | str) -> Path:
    """A backup at a place the user chose (`loften backup --out FILE`), owner-only; an
    existing file there is replaced only once the new copy is complete."""
    path = _path_of(source)
    target = Path(target).expanduser().resolve()
    if target == path:
        raise BackupError(
            error_text(
                "backup.cannot_write",
                "Säkerhetskopian kan inte skrivas över själva databasfilen.",
            )
        )
    try:
        check_output_path(target, path)
    except FileWriteError as error:
        raise BackupError(error.text) from error
    try:
        private_folder(target.parent)
        _write_copy(path, target)
    except (OSError, sqlite3.Error) as error:
        raise _failed("Säkerhetskopian kunde inte skrivas.", error) from error
    return target


_NAME = re.compile(r"^(?P<db>.+)\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<reason>[a-z0-9-]+)\.bak$")


def list_backups(source: Path | str | Database) -> list[BackupInfo]:
    """The database's backups, newest first."""
    path = _path_of(source)
    folder = path.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for file in folder.iterdir():
        match = _NAME.match(file.name)
        if match is None or match["db"] != path.name or not file.is_file():
            continue
        made_at = dt.datetime.strptime(match["stamp"], BACKUP_STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupInfo(file, made_at, match["reason"], file.stat().st_size))
    found.sort(key=lambda info: (info.made_at, info.path.name), reverse=True)
    return found


def prune_backups(
    source: Path | str | Database,
    policy: BackupPolicy = DEFAULT_POLICY,
    *,
    keep: Path | None = None,
) -> list[Path]:
    """Remove the backups the policy does not keep (and leftovers of interrupted backups);
    returns the removed files."""
    path = _path_of(source)
    backups = list_backups(path)
    kept = {info.path for info in backups[: policy.keep_newest]}
    months: list[str] = []
    for info in backups:  # newest first: the first one seen of a month is its newest
        month = info.made_at.strftime("%Y-%m")
        if month not in months:
            months.append(month)
            if len(months) <= policy.keep_monthly:
                kept.add(info.path)
    if keep is not None:
        kept.add(keep)
    removed = []
    for info in backups:
        if info.path not in kept:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    folder = path.parent / "backups"
    if folder.is_dir():
        leftovers = [
            *folder.glob(f"{path.name}.*{BACKUP_SUFFIX}{PART_SUFFIX}"),
            *folder.glob(f".{path.name}.*{BACKUP_SUFFIX}.*{PART_SUFFIX}"),
        ]
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def backup_if_due(
    source: Path | str | Database,
    *,
    policy: BackupPolicy = DEFAULT_POLICY,
    now: dt.datetime | None = None,
) -> Path | None:
    """At start: a backup when the newest is older than `policy.max_age` (or there is none);
    returns it, or None when none was due."""
    now = now or _utc_now()
    backups = list_backups(source)
    if backups and now - backups[0].made_at < policy.max_age:
        return None
    return make_backup(source, "start", policy=policy, now=now)


# --- checking a file ---------------------------------------------------------------------------


@dataclass
class CheckReport:
    """What `check_database` found: each list is empty when that part holds."""

    path: Path
    schema_version: int | None = None
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)
    #: Stored totals that differ from a recount of the records (storage/totals.py).
    totals: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.schema or self.totals)

    def lines(self) -> list[str]:
        """A plain Swedish report, one finding a line."""
        out = [f"Databas: {self.path}"]
        out.append(
            "Integritet: ok"
            if not self.integrity
            else "Integritet: FEL\n  " + "\n  ".join(self.integrity[:20])
        )
        out.append(
            "Främmande nycklar: ok"
            if not self.foreign_keys
            else "Främmande nycklar: FEL\n  " + "\n  ".join(self.foreign_keys[:20])
        )
        if self.schema_version is None:
            out.append("Schemaversion: okänd")
        elif not self.schema:
            out.append(f"Schemaversion: {self.schema_version} (aktuell)")
        else:
            out.append("Schemaversion: FEL\n  " + "\n  ".join(self.schema))
        if self.totals:
            out.append(
                "Lagrade summor: FEL (rätta med 'loften check --rebuild-totals')\n  "
                + "\n  ".join(self.totals[:20])
            )
        elif not self.schema and self.schema_version is not None:
            out.append("Lagrade summor: ok")
        out.append("Resultat: allt i ordning" if self.ok else "Resultat: problem hittades")
        return out


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(
        f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        yield connection
    finally:
        connection.close()


def check_database(path: Path | str) -> CheckReport:
    """Integrity, foreign keys and schema version of a file, read only (nothing is written)."""
    path = Path(path).expanduser().resolve()
    report = CheckReport(path)
    try:
        header = read_header(path)
    except OSError as error:
        report.schema.append(f"Filen kunde inte läsas: {error}")
        return report
    if header is None:
        report.integrity.append("Filen är inte en SQLite-databas.")
        return report
    application_id, user_version = header
    report.schema_version = user_version
    if application_id != APPLICATION_ID:
        report.schema.append("Filen är inte en Löften-databas (fel program-id i filhuvudet).")
    elif user_version > SCHEMA_VERSION:
        report.schema.append(
            f"Version {user_version} är nyare än den här versionen av Löften "
            f"({SCHEMA_VERSION}). Uppdatera Löften."
        )
    elif user_version < SCHEMA_VERSION:
        report.schema.append(
            f"Version {user_version} är äldre än {SCHEMA_VERSION}: filen uppgraderas "
            "(efter en säkerhetskopia) när den öppnas i Löften."
        )
    try:
        with _read_only(path) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            if [tuple(r) for r in rows] != [("ok",)]:
                report.integrity.extend(str(r[0]) for r in rows)
            for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
                report.foreign_keys.append(
                    f"{table} rad {rowid} hänvisar till en post i {parent} som inte finns"
                )
            if not report.schema and application_id == APPLICATION_ID:
                _check_revision(connection, report)
            if application_id == APPLICATION_ID and user_version <= SCHEMA_VERSION:
                report.schema.extend(
                    p for p in schema_problems(connection) if p not in report.schema
                )
    except sqlite3.Error as error:
        report.integrity.append(f"Filen kunde inte läsas som databas: {error}")
    if not (report.schema or report.integrity) and application_id == APPLICATION_ID:
        engine = make_engine(path, read_only=True)
        try:
            with Session(engine) as session:
                report.totals.extend(totals_problems(session))
        except Exception as error:
            report.totals.append(f"Summorna kunde inte räknas om: {error}")
        finally:
            engine.dispose()
    return report


def totals_problems(session: Session) -> list[str]:
    """The stored totals that differ from a recount, one line each (storage/totals.py)."""
    have, want = totals.stored(session), totals.recount(session)
    return [totals.describe(key, have, want) for key in totals.differences(have, want)]


def _check_revision(connection: sqlite3.Connection, report: CheckReport) -> None:
    head = HEAD_REVISION
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None
    if row is None or row[0] != head:
        report.schema.append(
            f"Migreringsversionen är {row[0] if row else 'okänd'}, förväntad {head}."
        )


# --- restoring ----------------------------------------------------------------------------------


def verify_backup(file: Path | str) -> int:
    """Refuse (`BackupError`) a file that is not a whole Löften database this version can open;
    returns its schema version. The file is only read."""
    file = Path(file).expanduser().resolve()
    if not file.is_file():
        raise BackupError(
            error_text(
                "backup.file_missing",
                "Filen {file} finns inte. Inget har ändrats.",
                file=file,
            )
        )
    report = check_database(file)
    if report.schema_version is None or report.integrity:
        raise BackupError(
            error_text(
                "backup.not_a_backup",
                (
                    "Filen {file} är inte en hel databas (den är skadad eller av fel sort), så "
                    "den återställdes inte. Inget har ändrats. Välj en annan säkerhetskopia."
                ),
                file=file,
            )
        )
    header = read_header(file)
    if header is None or header[0] != APPLICATION_ID:
        raise BackupError(
            error_text(
                "backup.not_a_backup_2",
                (
                    "Filen {file} är inte en Löften-databas, så den återställdes inte. Inget har "
                    "ändrats."
                ),
                file=file,
            )
        )
    if report.schema_version > SCHEMA_VERSION:
        raise BackupError(
            error_text(
                "backup.too_new",
                (
                    "Säkerhetskopian {file} är gjord av en nyare version av Löften och kan inte "
                    "återställas med den här versionen. Inget har ändrats. Uppdatera Löften."
                ),
                file=file,
            )
        )
    if report.foreign_keys:
        raise BackupError(
            error_text(
                "backup.broken_links",
                (
                    "Säkerhetskopian {file} har trasiga kopplingar mellan poster och "
                    "återställdes inte. Inget har ändrats. Välj en annan säkerhetskopia."
                ),
                file=file,
            )
        )
    try:
        with _read_only(file) as connection:
            problems = schema_problems(connection)
    except sqlite3.Error as error:
        problems = [str(error)]
    if problems:
        raise BackupError(
            error_text(
                "backup.wrong_content",
                "Säkerhetskopian {file} har inte det innehåll som en Löften-databas av sin "
                "version ska ha, så den återställdes inte. Inget har ändrats. Välj en annan "
                "säkerhetskopia.\n  {problems}",
                file=file,
                problems="\n  ".join(problems[:10]),
            )
        )
    return report.schema_version


def _safety_copy(path: Path, now: dt.datetime, policy: BackupPolicy) -> Path | None:
    """Keep the current file before it is replaced: a backup if it can be read, otherwise its
    raw bytes (a damaged file is what one restores over)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        return make_backup(path, "before-restore", policy=policy, now=now)
    except BackupError:
        target = new_backup_path(path, "before-restore-raw", now=now)
        for suffix in ("", "-wal"):
            source = path.with_name(path.name + suffix)
            if source.exists():
                with atomic_path(target.with_name(target.name + suffix)) as copy:
                    shutil.copyfile(source, copy)
        return target


def restore_backup(
    database_path: Path | str,
    file: Path | str,
    *,
    actor: Actor | None = None,
    policy: BackupPolicy = DEFAULT_POLICY,
    now: dt.datetime | None = None,
) -> Path | None:
    """Replace the database's contents with the backup `file`; returns the backup made of the
    current contents first (None when there was no database yet).

    Nothing is changed when the file fails `verify_backup` or the current file cannot be kept.
    Other connections may stay open (they read the restored contents from their next
    transaction), but an open application should reload everything it shows.
    """
    path = Path(database_path).expanduser().resolve()
    file = Path(file).expanduser().resolve()
    if file == path:
        raise BackupError(
            error_text(
                "backup.cannot_restore",
                "Databasen kan inte återställas från sig själv. Välj en säkerhetskopia.",
            )
        )
    now = now or _utc_now()
    verify_backup(file)
    carried = _audit_lines_since(path, file)
    try:
        kept = _safety_copy(path, now, policy)
    except (OSError, sqlite3.Error) as error:
        raise _failed(
            "Den nuvarande databasen kunde inte sparas undan före återställningen, så den "
            "återställdes inte.",
            error,
        ) from error
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY)
        os.close(fd)
    try:
        with (
            _read_only(file) as src,
            contextlib.closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as dst,
        ):
            dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            src.backup(dst)  # one write transaction on the destination
    except (OSError, sqlite3.Error) as error:
        raise _failed("Säkerhetskopian kunde inte återställas.", error) from error
    with open_database(path) as db, db.writing() as session:  # upgrades an older backup
        _append_audit_lines(session, carried)
        audit.record(
            session,
            at=now,
            actor=actor,
            action=audit.BACKUP_RESTORE,
            note=(
                f"Återställd från {file.name}"
                + (f"; databasen före återställningen sparades som {kept.name}" if kept else "")
            ),
        )
    return kept


_AUDIT_COLUMNS = (
    "at",
    "actor",
    "organisation",
    "action",
    "record_type",
    "record_id",
    "changes",
    "note",
)
_AUDIT_KEY = (0, 1, 2, 3, 4, 5)  # the columns retention never changes (not changes or note)


def _audit_rows(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    columns = {row[1] for row in connection.execute("PRAGMA table_info(audit_entry)")}
    if not columns:
        return []
    wanted = ", ".join(c if c in columns else "NULL" for c in _AUDIT_COLUMNS)
    return [
        tuple(row) for row in connection.execute(f"SELECT {wanted} FROM audit_entry ORDER BY id")
    ]


def _audit_lines_since(path: Path, file: Path) -> list[tuple[object, ...]]:
    """The audit lines of the database at `path` that the backup `file` does not hold (written
    since the backup was made), oldest first: a restore carries them over so that the trail
    only ever grows. A current file that cannot be read has none to give."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        with _read_only(file) as backup:
            known: dict[tuple[object, ...], int] = {}
            for row in _audit_rows(backup):
                key = tuple(row[i] for i in _AUDIT_KEY)
                known[key] = known.get(key, 0) + 1
        with _read_only(path) as current:
            rows = _audit_rows(current)
    except sqlite3.Error:
        return []
    carried = []
    for row in rows:
        key = tuple(row[i] for i in _AUDIT_KEY)
        if known.get(key, 0) > 0:
            known[key] -= 1
        else:
            carried.append(row)
    return carried


def _append_audit_lines(session: Session, rows: list[tuple[object, ...]]) -> None:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    placeholders = ", ".join("?" for _ in _AUDIT_COLUMNS)
    raw.executemany(
        f"INSERT INTO audit_entry ({', '.join(_AUDIT_COLUMNS)}) VALUES ({placeholders})", rows
    )


def backups_folder(source: Path | str | Database) -> Path:
    """The folder the backups of this database are in (created owner-only)."""
    return backup_folder(_path_of(source))
