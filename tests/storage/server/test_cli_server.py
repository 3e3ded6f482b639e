"""`loften server init`, `add-user`, then the ordinary commands with --db postgresql://…"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import psycopg

from tests.cli_runner import run_cli
from tests.pg_server import PostgresServer
from tests.storage.server.conftest import as_user


def test_init_add_user_then_work_as_that_user(pg_empty_url: str) -> None:
    result = run_cli("server", "init", "--db", pg_empty_url)
    assert result.returncode == 0, result.stderr
    assert "loften_police" in result.stdout
    # Again after an upgrade: idempotent.
    assert run_cli("server", "init", "--db", pg_empty_url).returncode == 0

    with psycopg.connect(pg_empty_url) as connection:
        known = {r[0] for r in connection.execute("SELECT rolname FROM pg_roles")}
    if "cli_kommun" not in known:
        added = run_cli(
            "server",
            "add-user",
            "cli_kommun",
            "--organisation",
            "municipality",
            "--db",
            pg_empty_url,
        )
        assert added.returncode == 0, added.stderr
        assert "loften_municipality" in added.stdout

    url = as_user(pg_empty_url, "cli_kommun")
    made = run_cli("new", "--template", "filipstad", "--db", url, "--user", "someone")
    assert made.returncode == 0, made.stderr
    status = run_cli("status", "--db", url, "--year", "2026", "--today", "2026-12-02")
    assert status.returncode == 0, status.stderr
    assert "Trygghetsvandringar" in status.stdout or status.stdout.strip()
    with psycopg.connect(pg_empty_url) as connection:
        creators = connection.execute("SELECT DISTINCT created_by FROM agreement").fetchall()
    assert creators == [("cli_kommun",)]


def test_environment_names_the_server_too(pg_empty_url: str) -> None:
    assert run_cli("server", "init", env={"LOFTEN_DB": pg_empty_url}).returncode == 0


def test_init_without_a_server_url_says_how(tmp_path: object) -> None:
    result = run_cli("server", "init", "--db", "loften.db")
    assert result.returncode == 1
    assert "postgresql://" in result.stderr


def test_an_unreachable_server_is_named_in_swedish(pg_server: object) -> None:
    result = run_cli("status", "--db", "postgresql://nobody@127.0.0.1:1/loften")
    assert result.returncode == 1
    assert "nå databasservern" in result.stderr


def test_check_compares_the_server_schema_with_the_migrations(server_url: str) -> None:
    ok = run_cli("check", "--db", server_url)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "allt i ordning" in ok.stdout
    with psycopg.connect(server_url) as connection:
        connection.execute("DROP TRIGGER audit_entry_no_delete ON audit_entry")
        connection.execute("ALTER TABLE place ADD COLUMN extra text")
        connection.execute("CREATE INDEX ix_extra ON patrol (notes)")
    broken = run_cli("check", "--db", server_url)
    assert broken.returncode == 1
    assert "Utlösaren audit_entry.audit_entry_no_delete saknas." in broken.stdout
    assert "Kolumnen place.extra hör inte dit." in broken.stdout
    assert "Indexet ix_extra hör inte dit." in broken.stdout
    with psycopg.connect(server_url) as connection:  # nothing of the check was left behind
        schemas = connection.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'loften_check%'"
        ).fetchone()
    assert schemas == (0,)


def test_backup_is_an_owner_only_pg_dump_that_restores_into_an_empty_database(
    server_url: str, pg_server: PostgresServer, tmp_path: Path
) -> None:
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "restored_{os.getpid()}"')
    empty_url = pg_server.url(f"restored_{os.getpid()}")
    made = run_cli("new", "--template", "filipstad", "--db", server_url)
    assert made.returncode == 0, made.stderr
    out = tmp_path / "kopia.dump"
    backup = run_cli("backup", "--db", server_url, "--out", str(out))
    assert backup.returncode == 0, backup.stderr
    assert out.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # Not over a database that holds anything...
    refused = run_cli("restore", str(out), "--db", server_url)
    assert refused.returncode == 1 and "inte tom" in refused.stderr
    # ...but into an empty one, which then holds the same agreement.
    restored = run_cli("restore", str(out), "--db", empty_url)
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(server_url) as a, psycopg.connect(empty_url) as b:
        query = "SELECT id, title FROM agreement ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall() != []
    assert run_cli("check", "--db", empty_url).returncode == 0
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "restored_{os.getpid()}" WITH (FORCE)')
