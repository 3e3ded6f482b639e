"""Commands import only what they need (issue 20: every command at real size at most 1.5 times
`import sqlalchemy.orm`). Each case runs a real `python -m loften_app` process and reads, at
exit, which modules it imported; no timing is asserted."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import PROBE, imported, run_cli

#: Never needed by a command that neither migrates a file nor writes a report or an export.
#: (`loften check` compares a current file's schema with the one stored beside the migrations;
#: only an older file's check migrates a scratch file with Alembic.)
HEAVY = {"alembic", "mako", "pygments", "reportlab", "openpyxl", "docx", "lxml", "PySide6"}


@pytest.fixture
def current_file(tmp_path: Path) -> Path:
    path = tmp_path / "loften.db"
    made = run_cli("new", "--db", str(path), "--template", "filipstad-2017-2018")
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["status", "--year", "2018"],
        ["agreements"],
        ["backup", "--out", "{tmp}/copy.db"],
        ["audit", "--out", "{tmp}/audit.csv"],
        ["check"],
    ],
)
def test_a_command_on_a_current_file_imports_no_alembic_and_no_report_code(
    tmp_path: Path, current_file: Path, command: list[str]
) -> None:
    args = [part.format(tmp=tmp_path) for part in command]
    modules, ours = imported(tmp_path, "--db", str(current_file), *args)
    assert "sqlalchemy" in modules
    assert modules & HEAVY == set()
    assert not any(name.startswith("loften_app.reports.documents") for name in ours)
    # The demo's modules load for `loften demo-data` only (storage.kinds names them).
    assert not any(name.startswith("loften_app.storage.demo") for name in ours)


@pytest.mark.parametrize("command", [["check"], ["backup", "--out", "{tmp}/copy.db"]])
def test_check_and_backup_map_no_models_and_build_no_services(
    tmp_path: Path, current_file: Path, command: list[str]
) -> None:
    # `check` recounts the stored totals with the figure queries alone (`storage.totals`):
    # mapping the models and building the services would be most of its time.
    args = [part.format(tmp=tmp_path) for part in command]
    _modules, ours = imported(tmp_path, "--db", str(current_file), *args)
    assert "loften_app.storage.totals" in ours or command != ["check"]
    assert not any(
        name.startswith(("loften_app.storage.services", "loften_app.storage.models"))
        for name in ours
    )


@pytest.mark.parametrize(
    "extra",
    [[], ["--agreement", "2017", "--from", "2018-01-01"]],
)
def test_the_csv_export_of_a_current_file_imports_no_sqlalchemy(
    tmp_path: Path, current_file: Path, extra: list[str]
) -> None:
    out = tmp_path / "csv"
    args = ["--db", str(current_file), "export", "--format", "csv", "--out", str(out), *extra]
    modules, ours = imported(tmp_path, *args)
    assert "sqlalchemy" not in modules
    assert modules & HEAVY == set()
    assert not any(name.startswith("loften_app.storage.services") for name in ours)
    assert (out / "patrullpass.csv").exists()


def test_the_export_takes_the_services_when_told(
    tmp_path: Path, current_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "csv"
    args = ["--db", str(current_file), "export", "--format", "csv", "--out", str(out)]
    monkeypatch.setenv("LOFTEN_NO_QUICK", "1")
    modules, _ours = imported(tmp_path, *args)
    assert "sqlalchemy" in modules
    assert (out / "patrullpass.csv").exists()


@pytest.mark.parametrize(
    "report",
    [["quarterly", "--quarter", "2018-Q3"], ["follow-up", "--public", "--format", "html"]],
)
@pytest.mark.parametrize("no_quick", ["", "1"])
def test_the_report_of_a_current_file_imports_no_sqlalchemy_unless_told(
    tmp_path: Path,
    current_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    report: list[str],
    no_quick: str,
) -> None:
    out = tmp_path / "report.out"
    monkeypatch.setenv("LOFTEN_NO_QUICK", no_quick)
    modules, ours = imported(
        tmp_path, "--db", str(current_file), "report", *report, "--out", str(out)
    )
    assert ("sqlalchemy" in modules) is bool(no_quick)
    assert "alembic" not in modules
    services = any(name.startswith("loften_app.storage.services") for name in ours)
    assert services is bool(no_quick)
    assert out.stat().st_size > 1000


def test_check_finds_a_changed_schema_without_alembic(tmp_path: Path, current_file: Path) -> None:
    with sqlite3.connect(current_file) as connection:
        connection.execute("DROP TRIGGER audit_entry_no_delete")
    connection.close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "LOFTEN_USER": "Test"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(current_file), "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Utlösaren audit_entry_no_delete saknas." in result.stdout
    modules = set(result.stdout.split("MODULES ", 1)[1].splitlines()[0].split())
    assert modules & HEAVY == set()


def test_the_version_imports_neither_sqlalchemy_nor_the_commands(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    probe = (
        "import sys\nfrom loften_app.__main__ import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.startswith("Löften ")
    modules = set(result.stdout.split("MODULES ", 1)[1].split())
    assert "sqlalchemy" not in modules
    assert "argparse" not in modules
    assert not any(name.startswith("loften_app.cli.") for name in modules)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "a.db"], (True, "a.db")),
        (["--db=a.db"], (True, "a.db")),
        (["--db", "a.db", "status"], (False, None)),
        (["status"], (False, None)),
        (["--db", "--version"], (False, None)),
        (["--help"], (False, None)),
    ],
)
def test_only_the_database_starts_the_window_without_the_parser(
    argv: list[str], expected: tuple[bool, str | None]
) -> None:
    from loften_app.__main__ import window_arguments

    assert window_arguments(argv) == expected


def test_each_subcommand_is_built_by_the_module_the_map_names() -> None:
    import argparse

    from loften_app import cli

    found: dict[str, str] = {}
    for module in cli._COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers(dest="command")
        __import__(module, fromlist=["register"]).register(
            commands, argparse.ArgumentParser(add_help=False)
        )
        found.update(dict.fromkeys(commands.choices, module))
    assert found == cli.COMMAND_MODULE


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["status", "--year", "2018"], "loften_app.cli.records"),
        (["--db", "check", "backup", "--out", "x"], "loften_app.cli.safety"),
        (["--db=status", "audit"], "loften_app.cli.safety"),
        (["report", "quarterly"], "loften_app.cli.reports"),
        (["--help"], None),
        (["-h", "status"], None),
        (["--d", "x", "status"], None),
        (["nothing-like-it"], None),
        ([], None),
    ],
)
def test_the_parser_is_built_for_the_subcommand_alone(argv: list[str], module: str | None) -> None:
    from loften_app import cli

    assert cli.command_module(argv) == module


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "a.db", "status", "--year", "2018", "--today", "2018-12-31"],
        ["agreements", "--db", "b.db", "--user", "Anna", "--organisation", "police"],
        ["check", "--rebuild-totals"],
        ["backup", "--out", "x.db"],
        ["report", "quarterly", "--quarter", "2018-Q3", "--out", "r.pdf"],
    ],
)
def test_the_narrow_parser_reads_what_the_whole_one_reads(argv: list[str]) -> None:
    from loften_app import cli

    whole = vars(cli.build_parser().parse_args(argv))
    narrow = vars(cli.build_parser(argv).parse_args(argv))
    assert narrow == whole


def test_an_unknown_subcommand_lists_every_command(tmp_path: Path) -> None:
    result = run_cli("statsu")
    assert result.returncode == 2
    assert "status" in result.stderr and "backup" in result.stderr and "server" in result.stderr


def test_a_command_of_its_own_process_collects_less_often_and_not_on_its_way_out(
    tmp_path: Path, current_file: Path
) -> None:
    probe = (
        "import gc, sys\nfrom loften_app.__main__ import main\n"
        "code = main()\n"
        "print('GC', gc.get_threshold()[0], gc.get_freeze_count() > 0)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "LOFTEN_USER": "Test"}
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(current_file), "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Resultat: allt i ordning" in result.stdout
    assert "GC 10000 True" in result.stdout


def test_a_command_called_by_a_caller_leaves_the_collector_alone(current_file: Path) -> None:
    import gc

    before = gc.get_threshold(), gc.get_freeze_count()
    assert run_cli("--db", str(current_file), "agreements").returncode == 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
