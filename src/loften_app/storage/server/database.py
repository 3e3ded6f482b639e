"""A Löften database on a shared PostgreSQL server (`--db postgresql://user@host:port/dbname`).

`open_server_database(url)` connects with psycopg (v3), builds or upgrades the schema with the
same Alembic migrations as a laptop's SQLite file (when the logged-in role may: normally
`loften server init` has done it), and returns a `ServerDatabase`: a `Database` whose

- write sessions run at REPEATABLE READ, so two people saving the same record at once cannot
  both pass the version check (the second gets a serialization failure, classified in
  `storage/server/errors.py` as a "try again"); a new record, whose save writes one statement
  after its checks (its rows, audit line, totals' changes and notification), is that statement
  alone in autocommit on a connection the thread keeps (`Database.saving(single_statement=
  True)`, statements sent by `storage/server/prepared.py`): two round trips, no BEGIN or COMMIT;
- change marker is the server's WAL insert position: every commit by anyone, on any
  connection, moves it forward (PostgreSQL's counterpart of SQLite's `PRAGMA data_version`);
- actor (the user and organisation recorded in every change) comes from the logged-in role
  (`storage/server/roles.py`), never from the settings; the server's own triggers enforce it.
"""

from __future__ import annotations

import contextlib
import logging
import select
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from loften_app.domain.errors import error_text
from loften_app.domain.records import Actor
from loften_app.storage import totals
from loften_app.storage.database import Database, _classified, alembic_config
from loften_app.storage.errors import DatabaseTooNewError, StorageError
from loften_app.storage.rows import driver_connection

if TYPE_CHECKING:
    from loften_app.storage.server.notify import ChangeListener

log = logging.getLogger(__name__)

#: Sent in every write transaction; the server delivers it when, and only if, it commits.
NOTIFY_SQL = "SELECT pg_notify('loften_changes', current_user)"
#: Set in a session's `info` once its transaction has sent `NOTIFY_SQL`.
_ANNOUNCED = "loften_announced"
#: Set in the `info` of a session of `saving(single_statement=True)`.
_SINGLE_STATEMENT = "loften_single_statement"
#: Changes to the totals in one INSERT of `_before_commit`.
_CHANGES_AT_ONCE = 500
_MARKER = text("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn")


def server_url(url: str) -> str:
    """`url` with the psycopg driver named (postgresql+psycopg://)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def shown_url(url: str) -> str:
    """`url` as messages show it: without a password."""
    return make_url(url).render_as_string(hide_password=True)


def make_server_engine(url: str) -> Engine:
    engine = create_engine(
        server_url(url),
        connect_args={"connect_timeout": 10, "application_name": "Löften"},
    )
    event.listen(engine, "checkout", _gone_while_idle)
    return engine


def _gone_while_idle(dbapi_connection: Any, _record: object, _proxy: object) -> None:
    """Hand out no pooled connection that died while it waited: what `pool_pre_ping` does with
    a round trip to the server on every checkout (one more per save), this does with a look at
    the socket. An idle connection receives nothing unless the server has given up on it (the
    server stopped or restarted, the backend was terminated: its goodbye and the end of the
    stream are waiting to be read) or the connection is already known to be broken; such a
    connection is thrown away and the pool hands out another one (a new connection)."""
    if dbapi_connection.closed or dbapi_connection.broken:
        raise sa_exc.DisconnectionError("the connection is closed")
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError) as error:
        raise sa_exc.DisconnectionError(str(error)) from error
    if readable:
        raise sa_exc.DisconnectionError("the server sent something to an idle connection")


class ServerDatabase(Database):
    """An open Löften database on a PostgreSQL server."""

    def __init__(self, url: str, engine: Engine, *, local_folder: Path | None = None) -> None:
        # `path` is a stand-in in this user's own folder for the server: what a laptop keeps
        # beside its file (the exchange's signing key) is kept there. No file is ever made at
        # `path` itself.
        folder = local_folder or _local_folder(url)
        super().__init__(folder / "database", engine)
        self.url = url
        self._write_engine = engine.execution_options(
            isolation_level="REPEATABLE READ", loften_write=True
        )
        self._write_sessions.configure(bind=self._write_engine)
        #: `saving(single_statement=True)`: no transaction of its own; the one statement is.
        self._autocommit_engine = engine.execution_options(
            isolation_level="AUTOCOMMIT", loften_write=True
        )
        #: The role's actor once looked up; None: the owner, who acts as the settings say.
        self._role_actor: Actor | None = None
        self._role_looked_up = False

    def change_marker(self) -> int:
        """The server's WAL insert position: it moves forward with every commit made by anyone
        (and now and then with the server's own housekeeping, which only costs a recount)."""
        with _classified(), self.engine.connect() as connection:
            return int(connection.execute(_MARKER).scalar_one())

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction that, when it commits, tells every listening window
        (storage/server/notify.py); the payload is the user's name."""
        with super().writing() as session:
            yield session
            if not session.info.get(_ANNOUNCED):
                driver_connection(session).execute(NOTIFY_SQL)

    def _saver_engine(self) -> Engine:
        """The connections kept for `saving(single_statement=True)`: autocommit."""
        return self._autocommit_engine

    def _usable(self, saver: Any) -> bool:
        """A kept connection that died while it waited is not used (`_gone_while_idle`)."""
        try:
            _gone_while_idle(saver.raw, None, None)
        except sa_exc.DisconnectionError:
            return False
        return True

    def _saving_begun(self, session: Session, *, single_statement: bool = False) -> None:
        """A save's changes to the stored totals wait for its end (`_before_commit`); a save of
        one statement has none left for its end (the statement adds them itself)."""
        if single_statement:
            session.info[_SINGLE_STATEMENT] = True
        else:
            session.info[totals.CHANGES_AT_COMMIT] = []

    def _before_commit(self, session: Session, raw: object) -> None:
        """The end of `saving()`'s transaction: it tells every listening window too (see
        `writing`), unless the save has sent the notification already (`announce_in`), and
        adds its changes to the stored totals. Both go with the COMMIT, as one message of
        several statements (client-side parameters, the simple query protocol): one round trip
        where separate statements take three. An error in any of them leaves the transaction
        uncommitted, as before."""
        if session.info.get(_SINGLE_STATEMENT):
            # Anything more would not be part of the statement's transaction: a bug.
            if not session.info.get(_ANNOUNCED) or session.info.get(totals.CHANGES_AT_COMMIT):
                raise AssertionError("a save of one statement left something for its end")
            return
        statements: list[str] = []
        values: list[Any] = []
        if not session.info.get(_ANNOUNCED):
            statements.append(NOTIFY_SQL)
            session.info[_ANNOUNCED] = True
        changes = session.info.pop(totals.CHANGES_AT_COMMIT, None) or []
        for start in range(0, len(changes), _CHANGES_AT_ONCE):
            sql, more = totals.change_rows_sql(changes[start : start + _CHANGES_AT_ONCE])
            statements.append(sql)
            values += more
        if not statements:
            return
        statements.append("COMMIT")
        with psycopg.ClientCursor(raw) as cursor:  # type: ignore[call-overload]
            cursor.execute("; ".join(statements), values)

    def announcement_in(self, session: Session) -> str | None:
        """`NOTIFY_SQL`, for the caller to send in this transaction (the last thing of one
        statement with the save's INSERTs); the transaction counts as announced."""
        session.info[_ANNOUNCED] = True
        return NOTIFY_SQL

    def announce_in(self, session: Session) -> None:
        """The notification of this write transaction, sent now: once a transaction."""
        if not session.info.get(_ANNOUNCED):
            driver_connection(session).execute(NOTIFY_SQL)
            session.info[_ANNOUNCED] = True

    def listen(self) -> ChangeListener:
        """A listener for the changes anyone commits to this database."""
        from loften_app.storage.server.notify import ChangeListener

        return ChangeListener(self.url)

    def actor(self, fallback: Actor) -> Actor:
        """Who is logged in, as the server records them: the role's name and organisation
        (`fallback` for the owner, an administrator in no Löften group)."""
        if not self._role_looked_up:
            from loften_app.storage.server.roles import logged_in_actor

            with _classified(), self.engine.connect() as connection:
                self._role_actor = logged_in_actor(connection)
            self._role_looked_up = True
        return fallback if self._role_actor is None else self._role_actor

    def close(self) -> None:
        """The connections kept for saves closed, then the pool's."""
        super().close()


def _local_folder(url: str) -> Path:
    """This user's folder for the server database at `url` (owner-only)."""
    from loften_app.paths import user_data_dir
    from loften_app.storage.files import private_folder

    parsed = make_url(url)
    name = f"{parsed.host or 'local'}-{parsed.port or 5432}-{parsed.database or ''}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return private_folder(user_data_dir() / "servers" / safe, own=True)


def open_server_database(url: str, *, migrate: bool = True) -> ServerDatabase:
    """Open the Löften database at `url`, building or upgrading its schema when needed."""
    engine = make_server_engine(url)
    try:
        _upgrade_if_needed(engine, url, migrate=migrate)
    except BaseException:
        engine.dispose()
        raise
    return ServerDatabase(url, engine)


#: Whether the logged-in role may build tables (the owner; `server init` takes it from others).
_MAY_MIGRATE = text("SELECT has_schema_privilege('public', 'CREATE')")
#: Whether `loften server init` has set up this database (its trigger function exists).
_SECURED = text("SELECT EXISTS (SELECT FROM pg_proc WHERE proname = 'loften_stamp_record')")


def _upgrade_if_needed(engine: Engine, url: str, *, migrate: bool) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with _classified(), engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        may_migrate = connection.execute(_MAY_MIGRATE).scalar_one()
        connection.rollback()
        if current == head:
            return
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as error:  # alembic raises several kinds for an unknown revision
                raise DatabaseTooNewError(Path(shown_url(url)), current, str(head)) from error
        if not (migrate and may_migrate):
            raise StorageError(
                error_text(
                    "server.schema_outdated",
                    "Databasen {url} har inte den här versionen av Löftens schema. "
                    "Inget har ändrats. Be den som administrerar servern att köra "
                    "'loften server init'.",
                    url=shown_url(url),
                )
            )
        # PostgreSQL runs DDL in transactions: a failed upgrade leaves the database as it was.
        with connection.begin():
            secured = connection.execute(_SECURED).scalar_one()
            command.upgrade(alembic_config(connection), "head")
            if secured:
                # A server that `loften server init` had set up gets the same rights, triggers
                # and groups on the upgraded schema (new tables included) in the upgrade's
                # transaction: its users can go on working without another init.
                from loften_app.storage.server.roles import apply_security

                apply_security(connection)
        log.info("database %s migrated from %s to %s", shown_url(url), current, head)
