"""The command line, run as a user runs it, on a real file: through the entry point in this
process (tests/cli_runner.py), and once as a real process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from loften_app import cli
from loften_app.paths import ENV_DATABASE, default_database_path
from tests.cli_runner import run_cli as loften


def test_new_from_the_template_creates_the_agreement(tmp_path: Path) -> None:
    path = tmp_path / "filipstad.db"
    result = loften("new", "--template", "filipstad-2017-2018", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "Medborgarlöften Filipstad 2017–2018" in result.stdout
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM promise").fetchone() == (4,)
    connection.close()


def test_the_db_option_works_before_the_subcommand_and_from_the_environment(
    tmp_path: Path,
) -> None:
    before = tmp_path / "before.db"
    assert loften("--db", str(before), "new", "--template", "filipstad-2017-2018").returncode == 0
    assert before.exists()
    from_env = tmp_path / "env.db"
    result = loften("new", "--template", "filipstad-2017-2018", env={ENV_DATABASE: str(from_env)})
    assert result.returncode == 0, result.stderr
    assert from_env.exists()


def test_errors_are_plain_swedish_messages_with_a_failing_status(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    unknown = loften("new", "--template", "okand", "--db", str(path))
    assert unknown.returncode == 1
    assert "Mallen 'okand' finns inte" in unknown.stderr
    assert not path.exists()
    foreign = tmp_path / "anteckningar.txt"
    foreign.write_text("inte en databas", encoding="utf-8")
    refused = loften("new", "--template", "filipstad-2017-2018", "--db", str(foreign))
    assert refused.returncode == 1
    assert "inte en Löften-databas" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_version_and_help() -> None:
    version = loften("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("Löften ")
    assert "demo-data" in loften("--help").stdout


def test_the_module_runs_as_a_process_with_its_exit_status(tmp_path: Path) -> None:
    def process(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "loften_app", *args],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ},
        )

    version = process("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("Löften ")
    refused = process("new", "--template", "okand", "--db", str(tmp_path / "x.db"))
    assert refused.returncode == 1
    assert "Mallen 'okand' finns inte" in refused.stderr


def test_the_default_database_is_in_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["new", "--template", "x"])
    monkeypatch.delenv(ENV_DATABASE, raising=False)
    assert cli.database_path(args) == default_database_path()
    assert default_database_path().name == "loften.db"
