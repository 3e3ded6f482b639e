"""`loften server init`, `add-user`, then the ordinary commands with --db postgresql://…"""

from __future__ import annotations

import psycopg

from tests.cli_runner import run_cli
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
