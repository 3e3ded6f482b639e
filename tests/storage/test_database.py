"""Opening, creating and upgrading database files; refusing foreign and newer ones untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect

from loften_app.storage import database as database_module
from loften_app.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Database,
    alembic_config,
    head_revision,
    open_database,
    read_header,
)
from loften_app.storage.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    NotALoftenDatabaseError,
    StorageError,
)
from loften_app.storage.models import Base, on_engine


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir())}


def schema_dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()


def test_new_file_is_created_owner_only_with_the_loften_header(db_path: Path) -> None:
    with open_database(db_path):
        pass
    mode = stat.S_IMODE(db_path.stat().st_mode)
    assert mode == 0o600
    assert read_header(db_path) == (APPLICATION_ID, SCHEMA_VERSION)


def test_connections_use_wal_foreign_keys_normal_sync_and_a_busy_timeout(db_path: Path) -> None:
    with open_database(db_path) as db, db.writing() as session:
        connection = session.connection()

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") == database_module.BUSY_TIMEOUT_MS


def test_an_empty_file_upgrades_to_head_and_head_matches_the_models(db_path: Path) -> None:
    with open_database(db_path) as db, db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": on_engine(connection.dialect.name)}
        )
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []


def test_head_migration_writes_the_schema_version_the_code_expects() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    assert len(revisions) == SCHEMA_VERSION, "each migration must raise PRAGMA user_version by one"


def test_the_head_revision_without_alembic_is_alembics_head() -> None:
    # open_database skips Alembic when the file is at HEAD_REVISION: it must be the real head.
    assert head_revision() == database_module.HEAD_REVISION


def test_a_current_file_whose_revision_row_is_odd_still_goes_through_alembic(
    db_path: Path,
) -> None:
    with open_database(db_path):
        pass
    with sqlite3.connect(db_path) as connection:
        connection.execute("INSERT INTO alembic_version VALUES ('f00dfeed')")
    connection.close()
    with pytest.raises(CommandError):  # as before: Alembic refuses a table with two heads
        open_database(db_path)


def test_reopening_a_current_file_changes_nothing_and_makes_no_backup(db_path: Path) -> None:
    with open_database(db_path):
        pass
    before = folder_state(db_path.parent)
    with open_database(db_path):
        pass
    assert folder_state(db_path.parent) == before


@pytest.mark.parametrize(
    "content",
    [
        "Det här är ett Word-dokument, inte en databas.\n".encode() * 10,
        b"\x00\x01\x02" * 100,
        b"SQLite format 3",  # too short to be a database
    ],
)
def test_a_foreign_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rapport.db"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    with pytest.raises(NotALoftenDatabaseError) as caught:
        open_database(path)
    assert "inte en Löften-databas" in caught.value.message
    assert folder_state(tmp_path) == before


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "annan.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('x')")
    connection.close()
    before = folder_state(tmp_path)
    with pytest.raises(NotALoftenDatabaseError):
        open_database(path)
    assert folder_state(tmp_path) == before


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotALoftenDatabaseError):
        open_database(tmp_path)


def test_a_file_from_a_newer_schema_version_is_refused_untouched(db_path: Path) -> None:
    with open_database(db_path):
        pass
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = folder_state(db_path.parent)
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(db_path)
    assert "nyare version av Löften" in caught.value.message
    assert folder_state(db_path.parent) == before


def test_a_file_with_an_unknown_migration_revision_is_refused_untouched(db_path: Path) -> None:
    with open_database(db_path):
        pass
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    connection.close()
    before = sha256(db_path)
    with pytest.raises(DatabaseTooNewError):
        open_database(db_path)
    assert sha256(db_path) == before


def make_older_file(path: Path) -> None:
    """A Löften file from before every migration: no tables yet, schema version 0."""
    with open_database(path) as db, db.engine.connect() as connection:
        with connection.begin():
            command.downgrade(alembic_config(connection), "base")
        connection.exec_driver_sql("PRAGMA user_version = 0")
        connection.commit()
        connection.exec_driver_sql("CREATE TABLE IF NOT EXISTS marker (x)")
        connection.commit()


def test_an_older_file_is_backed_up_beside_it_then_upgraded(db_path: Path) -> None:
    make_older_file(db_path)
    old_schema = schema_dump(db_path)
    with open_database(db_path) as db, db.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    backups = sorted((db_path.parent / "backups").glob("loften.db.*.before-upgrade-v0.bak"))
    assert len(backups) == 1
    assert schema_dump(backups[0]) == old_schema
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert read_header(db_path) == (APPLICATION_ID, SCHEMA_VERSION)


def test_a_second_upgrade_never_overwrites_the_first_backup(db_path: Path) -> None:
    make_older_file(db_path)
    with open_database(db_path):
        pass
    make_older_file(db_path)
    with open_database(db_path):
        pass
    assert len(list((db_path.parent / "backups").glob("loften.db.*.before-upgrade-*.bak"))) == 2


def test_a_failing_migration_leaves_the_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_older_file(db_path)
    before = schema_dump(db_path)
    real_upgrade = command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise RuntimeError("simulated failure after the last migration step")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        open_database(db_path)
    assert schema_dump(db_path) == before


def test_an_upgrade_whose_backup_cannot_be_written_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_older_file(db_path)
    before = schema_dump(db_path)

    def no_room(source: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(database_module, "backup_copy", no_room)
    with pytest.raises(StorageError) as caught:
        open_database(db_path)
    assert "säkerhetskopian" in caught.value.message
    assert schema_dump(db_path) == before


def test_a_locked_database_gives_a_clear_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    with open_database(db_path) as db:
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(DatabaseLockedError) as caught, db.writing() as session:
                session.connection()
            assert "används just nu" in caught.value.message
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_the_header_check_needs_no_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"")
    assert read_header(path) is None
    assert os.path.getsize(path) == 0


def test_a_file_has_no_index_of_patrol_children_by_register_and_a_server_has(
    database: Database,
) -> None:
    """A file has no index of the patrols' place links by place nor of shop visits by shop
    (read by no query there, a quarter of a patrol save's pages; migration 0007); a server
    keeps both (the models have them for PostgreSQL only)."""
    wanted = {"ix_patrol_place_place_id", "ix_shop_visit_shop_id"}
    with database.engine.connect() as connection:
        dialect = connection.dialect.name
        inspector = inspect(connection)
        found = {
            index["name"]
            for table in ("patrol_place", "shop_visit")
            for index in inspector.get_indexes(table)
        }
    assert (found & wanted) == (wanted if dialect == "postgresql" else set())
