"""Opening a Löften database: checks, creation, automatic upgrade, and sessions.

`open_database(path)`:
1. refuses, without writing a byte, a file that is not a Löften database or that a newer
   version of Löften wrote (read from the SQLite header: application id and user version);
2. creates a missing file readable and writable by its owner only;
3. upgrades an older schema with the Alembic migrations shipped in the package, after copying the
   file to a new backup beside it; the upgrade runs in one transaction, so a failure leaves the
   file as it was;
4. returns a `Database` whose connections use WAL, foreign keys, synchronous NORMAL and a busy
   timeout.

Services open one session per user action through `Database.reading()` and `Database.writing()`;
a write session starts with BEGIN IMMEDIATE so that two processes never deadlock on upgrade.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import stat
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from loften_app.domain.errors import error_text
from loften_app.domain.records import Actor
from loften_app.storage.engines import is_server_url
from loften_app.storage.errors import (
    DatabaseTooNewError,
    DatabaseUnavailableError,
    NotALoftenDatabaseError,
    StorageError,
    classify_database_error,
)
from loften_app.storage.files import atomic_path, private_folder

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: Where `saving()` puts the driver's connection of its transaction in the session's `info`
#: (read by `rows.driver_connection`).
DRIVER_CONNECTION = "loften_driver_connection"
#: Written into the SQLite header by the first migration: "LOFT".
APPLICATION_ID = 0x4C4F4654
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The schema generation this version of Löften writes; each migration sets PRAGMA user_version
#: to its number, so the newest migration file (versions/NNNN_*.py) gives it: a new record kind
#: adds its migration and nothing here.
SCHEMA_VERSION = max(
    int(p.name[:4]) for p in (MIGRATIONS_DIR / "versions").glob("[0-9]" * 4 + "_*.py")
)
#: The Alembic revision that writes `SCHEMA_VERSION` (migration NNNN sets user_version N).
#: Opening a file whose header and `alembic_version` both say so needs no Alembic at all, which
#: keeps about a third of a second of imports (Alembic, mako, pygments) out of every command.
HEAD_REVISION = f"{SCHEMA_VERSION:04d}"
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
OWNER_ONLY = stat.S_IRUSR | stat.S_IWUSR


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the migrations inside the package (no ini file needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The head revision according to Alembic's scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def read_header(path: Path) -> tuple[int, int] | None:
    """(application id, user version) from the SQLite header, or None if not an SQLite file."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    return application_id, user_version


def _create_owner_only(path: Path) -> None:
    private_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY)
    os.close(fd)


#: Shown when the database file may only be read (its permissions, or a read-only medium).
READ_ONLY_MESSAGE = (
    "Databasfilen {path} är skrivskyddad, så Löften har öppnat den bara för läsning: du kan "
    "titta och ta fram rapporter, men inget kan sparas. Löften ändrar inte filens behörigheter; "
    "vill du spara, be den som äger filen att göra den skrivbar, eller arbeta i en kopia."
)


class ReadOnlyDatabaseError(StorageError):
    """A change was asked of a database opened read-only; nothing was written."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event below emit BEGIN itself: pysqlite's own transaction handling
    # would otherwise defer it and break SAVEPOINT and transactional DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if cursor.execute("PRAGMA query_only").fetchone()[0]:
            return
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _read_only_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        f"{path.as_uri()}?mode=ro",
        uri=True,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    connection.execute("PRAGMA query_only = 1")
    return connection


def _on_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("loften_write", False)
    # Straight to the driver: SQLAlchemy's statement execution would cost several times what
    # SQLite takes for a BEGIN, on every save and every read.
    raw = connection.connection.dbapi_connection
    assert raw is not None
    if raw.in_transaction:  # begun by `Database.saving()` itself, which the session joins
        return
    raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: _read_only_connection(path),
        )
    else:
        engine = create_engine(
            f"sqlite+pysqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class _Saver:
    """A write connection and a session bound to it, kept by one thread for its saves on a
    file (and a server's saves of one statement, in autocommit): taking a connection from the
    pool and making a session cost about 15 us a save, and an idle SQLite connection holds no
    lock, nor does an idle server connection in autocommit (`Database.close()` closes them)."""

    __slots__ = ("busy", "connection", "kept", "raw", "session", "thread")

    def __init__(self, connection: Connection, *, keep: bool) -> None:
        self.connection = connection
        raw = connection.connection.dbapi_connection
        assert raw is not None
        self.raw: sqlite3.Connection = raw  # type: ignore[assignment]
        self.session = Session(bind=connection, expire_on_commit=False)
        #: In a save now.
        self.busy = False
        #: Kept for the thread's next save (False: closed after this one).
        self.kept = keep
        #: The thread that keeps it: once that thread has ended, the next saver made closes it.
        self.thread = threading.current_thread()


class _FileSaving:
    """`Database.saving()` on a file, as a context manager of its own (two generator-based
    ones, this and `_classified`, cost about 3 us a save): BEGIN IMMEDIATE on the thread's kept
    connection; at the end the session's pending changes flushed and the transaction
    committed, or everything rolled back on an error; the session closed (when it holds
    anything) and the connection kept for the next save, unless it could not roll back. An
    error of the database, in the save or at its end, is classified as `_classified` does."""

    __slots__ = ("_database", "_saver")

    def __init__(self, database: Database) -> None:
        self._database = database

    def __enter__(self) -> Session:
        try:
            saver = self._saver = self._database._saver()
            saver.busy = True
            try:
                saver.raw.execute("BEGIN IMMEDIATE")
                saver.session.info[DRIVER_CONNECTION] = (None, saver.raw)
            except BaseException:
                self._roll_back(saver)
                self._end(saver)
                raise
        except Exception as error:
            _raise_classified(error)
        return saver.session

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: types.TracebackType | None,
    ) -> None:
        saver = self._saver
        session = saver.session
        try:
            if error is not None:
                self._roll_back(saver)
                if isinstance(error, Exception):
                    _raise_classified(error)
                return
            try:
                session.flush()
                if session.in_transaction():
                    session.commit()
                else:
                    saver.raw.commit()
            except BaseException as failed:
                self._roll_back(saver)
                if isinstance(failed, Exception):
                    _raise_classified(failed)
                raise
        finally:
            self._end(saver)

    @staticmethod
    def _roll_back(saver: _Saver) -> None:
        session, raw = saver.session, saver.raw
        try:
            if session.in_transaction():
                session.rollback()
            if raw.in_transaction:
                raw.rollback()
        except Exception:  # not kept: the next save takes a fresh connection
            saver.kept = False

    def _end(self, saver: _Saver) -> None:
        _end_save(self._database, saver)


def _end_save(database: Database, saver: _Saver) -> None:
    """The end of a save on a kept connection: its session emptied, the connection kept for
    the thread's next save unless it may not be."""
    session = saver.session
    # Closing a session that holds nothing (a save's rows go to the driver) costs more than
    # the check.
    if session.in_transaction() or session.identity_map or session.new or session.deleted:
        session.close()
    session.info.clear()
    saver.busy = False
    if not saver.kept:
        database._forget(saver)


class _StatementSaving:
    """`Database.saving(single_statement=True)` on a server: no transaction of its own (the
    kept connection is in autocommit, see `ServerDatabase._saver_engine`), so the caller's one
    statement is its own transaction. The connection and a session bound to it are this
    thread's, kept for its next save (`_Saver`), as a file's are: no pool checkout, no
    isolation level set and reset, no session made per save. An error of the database is
    classified as `_classified` does."""

    __slots__ = ("_database", "_saver")

    def __init__(self, database: Database) -> None:
        self._database = database

    def __enter__(self) -> Session:
        try:
            saver = self._saver = self._database._saver()
        except Exception as error:
            _raise_classified(error)
        saver.busy = True
        saver.session.info[DRIVER_CONNECTION] = (None, saver.raw)
        self._database._saving_begun(saver.session, single_statement=True)
        return saver.session

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: types.TracebackType | None,
    ) -> None:
        saver = self._saver
        session = saver.session
        try:
            if error is None:
                try:
                    session.flush()
                    self._database._before_commit(session, saver.raw)
                    if session.in_transaction():
                        session.commit()
                except BaseException as failed:
                    error = failed
            if error is not None:
                try:
                    if session.in_transaction():
                        session.rollback()
                    saver.connection.rollback()  # a statement left in a transaction, if any
                except Exception:  # not kept: the next save takes a fresh connection
                    saver.kept = False
                raw: Any = saver.raw  # psycopg's
                if raw.closed or raw.broken:
                    saver.kept = False
                if isinstance(error, Exception):
                    _raise_classified(error)
                if kind is None:
                    raise error
        finally:
            _end_save(self._database, saver)


class Database:
    """An open Löften database file. Owns the engine; hands out one session per action."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        #: Opened for reading only (the file is write-protected): `writing()` refuses.
        self.read_only = read_only
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        #: The engine of write transactions (BEGIN IMMEDIATE; on a server also its isolation).
        self._write_engine = engine.execution_options(loften_write=True)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        #: `saving()` runs the driver's own transaction (a file, not a server).
        self._file_saving = engine.dialect.name == "sqlite"
        #: Each thread's `_Saver` (its first save makes it), and every one kept, for `close()`.
        self._savers = threading.local()
        self._kept: list[_Saver] = []
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()

    def actor(self, fallback: Actor) -> Actor:
        """Who works in this database: on a file, `fallback` (the settings' user); a server
        database answers with its logged-in role."""
        return fallback

    def change_marker(self) -> int:
        """A number that changes whenever anyone commits to the file: this process's sessions or
        another process. Caches of figures compare it to know they are stale.

        It is `PRAGMA data_version` of a connection kept for this purpose alone, so every commit
        made through any other connection counts.
        """
        with self._watch_lock, _classified():
            if self._watch is None:
                self._watch = sqlite3.connect(self.path, check_same_thread=False)
            (version,) = self._watch.execute("PRAGMA data_version").fetchone()
            return int(version)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading; environment errors become `StorageError`s."""
        with _classified(), self._read_sessions() as session:
            yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A session in one write transaction, committed on success and rolled back otherwise."""
        self.refuse_if_read_only()
        with _classified(), self._write_sessions.begin() as session:
            yield session

    def refuse_if_read_only(self) -> None:
        """`ReadOnlyDatabaseError` when the file was opened for reading only (nothing may be
        written): what `writing()` and `saving()` say first."""
        if self.read_only:
            raise ReadOnlyDatabaseError(READ_ONLY_MESSAGE.format(path=self.path))

    def saving(
        self, *, single_statement: bool = False
    ) -> contextlib.AbstractContextManager[Session]:
        """`writing()` for one record's save (the record services' add, update, delete): the
        same single write transaction, committed on success and rolled back otherwise, with
        less of SQLAlchemy's bookkeeping on the path of every save.

        On a file the transaction is the driver's own: BEGIN IMMEDIATE and COMMIT sent straight
        to sqlite3 on a pooled connection, which a session is bound to (SQLAlchemy's
        transaction begin and commit with their events cost about 30 us of a save, SQLite's
        BEGIN and empty COMMIT 3 us). On a server, a Core connection's transaction begun before
        the session exists (`_saving_joined`). Either way the statements of the save reach
        the driver's connection directly (`rows.py`), and the session must not commit or roll
        back by itself inside (nothing in a save does).

        `single_statement`: the caller only reads (its checks) and then writes one statement
        that carries everything (a new record on a server: its rows, audit line, totals'
        changes and notification, `RecordService._write_new`). On a server that statement is
        then its own transaction (autocommit: atomic, committed when it returns, no BEGIN or
        COMMIT to wait for), and each check reads the latest commits, as a check at the start
        of a transaction would. A file ignores it."""
        self.refuse_if_read_only()
        if self._file_saving:
            return self._saving_file()
        if single_statement:
            return _StatementSaving(self)
        return self._saving_joined()

    def _saving_file(self) -> _FileSaving:
        """`saving()` on a file: the driver's transaction, on the connection and session that
        this thread keeps for its saves (`_Saver`). Should anything in the save go through the
        session's connection (an ORM flush, `session.execute`), SQLAlchemy begins its
        transaction on the one already open (`_on_begin` sends nothing then), and it is
        committed or rolled back through the session."""
        return _FileSaving(self)

    def _saver(self) -> _Saver:
        """This thread's kept connection and session for saves, made on its first save (or a
        connection and session for this save only, when the kept one is busy: a save within
        a save)."""
        saver: _Saver | None = getattr(self._savers, "saver", None)
        if saver is not None and not saver.busy:
            if saver.kept and not saver.connection.invalidated and self._usable(saver):
                return saver
            self._forget(saver)
        connection = self._saver_engine().connect()
        made = _Saver(connection, keep=saver is None or not saver.busy)
        if made.kept:
            self._savers.saver = made
            with self._watch_lock:
                # A helper thread that has ended (a thread pool lets an idle one go) no longer
                # needs its connection: closed here, so they do not pile up until `close()`.
                ended = [kept for kept in self._kept if not kept.thread.is_alive()]
                self._kept = [kept for kept in self._kept if kept not in ended]
                self._kept.append(made)
            for kept in ended:
                kept.kept = False
                with contextlib.suppress(Exception):
                    kept.session.close()
                    kept.connection.close()
        return made

    def _saver_engine(self) -> Engine:
        """The engine of the connections that `_saver` keeps (a file's write engine)."""
        return self._write_engine

    def _usable(self, saver: _Saver) -> bool:
        """Whether a kept connection may serve the next save (a server's may have died)."""
        return True

    def _forget(self, saver: _Saver) -> None:
        """Close `saver`'s session and connection and forget it."""
        saver.kept = False
        if getattr(self._savers, "saver", None) is saver:
            del self._savers.saver
        with self._watch_lock:
            if saver in self._kept:
                self._kept.remove(saver)
        with contextlib.suppress(Exception):
            saver.session.close()
            saver.connection.close()

    @contextlib.contextmanager
    def _saving_joined(self) -> Iterator[Session]:
        """`saving()` on a server: the transaction is a Core connection's, begun before the
        session exists; the session joins it (and neither begins nor commits it), so it is
        cheap to make and to close."""
        with _classified(), self._write_engine.connect() as connection, connection.begin():
            session = Session(bind=connection, expire_on_commit=False)
            raw = connection.connection.dbapi_connection
            session.info[DRIVER_CONNECTION] = (None, raw)
            self._saving_begun(session)
            try:
                yield session
                session.flush()
                self._before_commit(session, raw)
            finally:
                session.close()

    def _saving_begun(self, session: Session, *, single_statement: bool = False) -> None:
        """`saving()` has made `session` (a server keeps its totals' changes for the end)."""

    def _before_commit(self, session: Session, raw: object) -> None:
        """What `saving()` sends last in its transaction (a server's notification and totals'
        changes, which it may send with the COMMIT itself; the transaction's own commit then
        finds nothing left to commit)."""

    def announcement_in(self, session: Session) -> str | None:
        """On a server, the query that sends this write transaction's notification, for the
        caller to send (the transaction then counts as announced, see `announce_in`); None on a
        file."""
        return None

    def announce_in(self, session: Session) -> None:
        """Tell the others, when this write transaction commits, that something changed: on a
        server its notification, sent now (with a batch of the save's statements) rather than
        at the end; nothing on a file, whose readers see its `change_marker`."""

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            kept, self._kept = self._kept, []
        for saver in kept:
            saver.kept = False
            with contextlib.suppress(Exception):
                saver.session.close()
                saver.connection.close()
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _classified() -> Iterator[None]:
    try:
        yield
    except Exception as error:  # SQLAlchemy's, sqlite3's or (raw statements) psycopg's
        _raise_classified(error)


def _raise_classified(error: Exception) -> NoReturn:
    """Raise `error` as `classify_database_error` names it (from it), or as it is."""
    classified = classify_database_error(error)
    if classified is None:
        raise error
    raise classified from error


def _current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _is_current(connection: Connection) -> bool:
    """Whether the file is at this version's schema: its application id, its user version and
    its `alembic_version` row all say so, read with plain SQL in one snapshot (so a header
    still in the write-ahead log counts too). Needs no Alembic; False sends the caller to
    Alembic, which decides as before (a locked file included)."""
    try:
        with connection.begin():
            header = (
                connection.exec_driver_sql("PRAGMA application_id").scalar(),
                connection.exec_driver_sql("PRAGMA user_version").scalar(),
            )
            if header != (APPLICATION_ID, SCHEMA_VERSION):
                return False
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except sa_exc.OperationalError:
        return False
    return len(rows) == 1 and rows[0][0] == HEAD_REVISION


def backup_copy(source: Path, target: Path) -> None:
    """Copy a database consistently (SQLite's online backup API) into an owner-only file: under
    a temporary name, synced, then renamed to `target`, so that a killed copy leaves no file
    under the final name."""
    with (
        atomic_path(target) as partial,
        contextlib.closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as src,
        contextlib.closing(sqlite3.connect(partial)) as dst,
    ):
        # The copy is a temporary file until it is synced and renamed: while it is written it
        # needs no rollback journal and no sync of its own (a quarter less time for a GB).
        dst.execute("PRAGMA journal_mode = OFF")
        dst.execute("PRAGMA synchronous = OFF")
        src.backup(dst)  # every page in one step (pages=-1)
        dst.execute("PRAGMA journal_mode = DELETE")


#: Backups live in this folder beside the database (owner-only: 0700).
BACKUP_FOLDER = "backups"
BACKUP_SUFFIX = ".bak"
BACKUP_STAMP = "%Y%m%dT%H%M%S%fZ"
OWNER_ONLY_FOLDER = stat.S_IRWXU


def backup_folder(path: Path) -> Path:
    """The backup folder of the database at `path`, created owner-only if missing."""
    return private_folder(path.parent / BACKUP_FOLDER, own=True)


def new_backup_path(path: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """A fresh backup file name: `<db name>.<UTC time>.<reason>.bak`, sorting by time."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime(BACKUP_STAMP)
    folder = backup_folder(path)
    target = folder / f"{path.name}.{stamp}.{reason}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():  # two backups within one microsecond (a clock set by hand)
        counter += 1
        target = folder / f"{path.name}.{stamp}.{reason}-{counter}{BACKUP_SUFFIX}"
    return target


def upgrade_backup_path(path: Path, from_version: int) -> Path:
    return new_backup_path(path, f"before-upgrade-v{from_version}")


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the Löften database at `path`."""
    if isinstance(path, str | Path) and is_server_url(str(path)):  # --db postgresql://…
        from loften_app.storage.server.database import open_server_database

        return open_server_database(str(path))
    path = Path(path).expanduser().resolve()
    is_new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if path.exists() and not path.is_file():
        raise NotALoftenDatabaseError(path)
    if not is_new:
        try:
            header = read_header(path)
        except OSError as error:
            raise DatabaseUnavailableError(str(error)) from error
        if header is None or header[0] != APPLICATION_ID:
            raise NotALoftenDatabaseError(path)
        if header[1] > SCHEMA_VERSION:
            raise DatabaseTooNewError(path, str(header[1]), str(SCHEMA_VERSION))
    elif not create:
        raise DatabaseUnavailableError(
            error_text("database.file_missing", "filen {path} finns inte", path=path)
        )
    elif not path.exists():
        try:
            _create_owner_only(path)
        except OSError as error:
            raise DatabaseUnavailableError(str(error)) from error

    if not is_new and _write_protected(path):
        # Never chmod a file its owner has write-protected: open it for reading only.
        return _open_read_only(path)
    engine = make_engine(path)
    try:
        _upgrade_if_needed(engine, path, is_new=is_new)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)


def _write_protected(path: Path) -> bool:
    """Whether the file may not be written: by permission, or by its owner's write bit (which
    the administrator account would otherwise ignore)."""
    try:
        return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def _open_read_only(path: Path) -> Database:
    header = read_header(path)
    if header is None or header[1] != SCHEMA_VERSION:
        raise StorageError(
            error_text(
                "database.file_read_only",
                (
                    "Databasfilen {path} är skrivskyddad och behöver uppgraderas till den här "
                    "versionen av Löften, vilket kräver att den kan skrivas. Inget har ändrats. "
                    "Be den som äger filen att göra den skrivbar, eller arbeta i en kopia."
                ),
                path=path,
            )
        )
    engine = make_engine(path, read_only=True)
    try:
        with _classified(), engine.connect() as connection:
            current = _is_current(connection) or _current_revision(connection) == head_revision()
    except BaseException:
        engine.dispose()
        raise
    if not current:
        engine.dispose()
        raise StorageError(
            error_text(
                "database.file_read_only_2",
                (
                    "Databasfilen {path} är skrivskyddad och har inte den här versionen av "
                    "Löftens schema. Inget har ändrats."
                ),
                path=path,
            )
        )
    log.warning("database %s opened read-only (the file is write-protected)", path)
    return Database(path, engine, read_only=True)


def _upgrade_if_needed(engine: Engine, path: Path, *, is_new: bool) -> None:
    if not is_new:
        with _classified(), engine.connect() as connection:
            if _is_current(connection):
                return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with _classified(), engine.connect() as connection:
        current = _current_revision(connection)
        connection.rollback()
        if current == head:
            return
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as error:  # alembic raises several kinds for an unknown revision
                raise DatabaseTooNewError(path, current, str(head)) from error
        if not is_new:
            header = read_header(path)
            from_version = header[1] if header else 0
            try:
                backup_copy(path, upgrade_backup_path(path, from_version))
            except (OSError, sqlite3.Error) as error:
                raise StorageError(
                    error_text(
                        "database.upgrade_needed",
                        (
                            "Databasen behöver uppgraderas, men säkerhetskopian före "
                            "uppgraderingen kunde inte skrivas ({error}). Inget har ändrats. "
                            "Frigör utrymme eller kontrollera behörigheterna för mappen och "
                            "försök igen."
                        ),
                        error=error,
                    )
                ) from error
        _migrate(connection)
        _outside_transaction(connection, "PRAGMA wal_checkpoint(TRUNCATE)")


def _outside_transaction(connection: Connection, sql: str) -> None:
    """Run a PRAGMA that has no effect inside a transaction, on the raw driver connection."""
    assert not connection.in_transaction()
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute(sql)


def _migrate(connection: Connection) -> None:
    """Run every pending migration in one transaction, foreign keys checked at the end."""
    # Table rebuilds in batch migrations must not cascade deletes: switch enforcement off (it can
    # only change outside a transaction) and check the whole file before committing instead.
    _outside_transaction(connection, "PRAGMA foreign_keys = OFF")
    from alembic import command

    try:
        with connection.begin():
            command.upgrade(alembic_config(connection), "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StorageError(
                    error_text(
                        "database.upgrade_interrupted",
                        (
                            "Uppgraderingen av databasen avbröts eftersom den skulle lämna trasiga "
                            "kopplingar mellan poster. Inget har ändrats. Kontakta supporten."
                        ),
                    )
                )
    finally:
        if connection.in_transaction():
            connection.rollback()
        _outside_transaction(connection, "PRAGMA foreign_keys = ON")
