"""`loften export` of a current local file reads its rows on a plain `sqlite3` connection
(`storage.quick`) and writes the very files the services' path writes: compared byte for byte,
every file, on demo files of 2018 and of this year, whole and for a period or an agreement
(`LOFTEN_NO_QUICK` takes the services' path). A file with an older schema is still upgraded
(after its backup) and exported by the services."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from loften_app.cli import reports as cli_reports
from loften_app.cli.reports import ENV_NO_QUICK
from loften_app.storage.database import (
    SCHEMA_VERSION,
    alembic_config,
    make_engine,
    upgrade_backup_path,
)
from tests.cli_runner import run_cli

VARIANTS = {
    "all": [],
    "period": ["--from", "{year}-03-01", "--to", "{year}-09-30"],
    "agreement": ["--agreement", "2017"],
    "agreement and period": ["--agreement", "2017", "--from", "{year}-06-15"],
    "another year": ["--from", "{other}-01-01", "--to", "{other}-12-31"],
}


@pytest.fixture(scope="module", params=["2018", "2026"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(f"demo{request.param}") / "loften.db"
    made = run_cli("demo-data", "--db", str(path), "--year", request.param)
    assert made.returncode == 0, made.stderr
    return path


def _export(
    db: Path, out: Path, fmt: str, args: list[str], *, quick: bool, falls_back: bool = False
) -> list[str]:
    """`loften export`, on the quick path (`quick`) or told to take the services; `falls_back`:
    the quick path must give the file to the services."""
    env = {"LOFTEN_USER": "Test", ENV_NO_QUICK: "" if quick else "1"}
    taken: list[str] = []
    services = cli_reports._export_services

    def through_services(*given: Any) -> list[Path]:
        taken.append("services")
        return services(*given)

    with pytest.MonkeyPatch.context() as patch:
        # Which path wrote the files (the path itself runs unchanged).
        patch.setattr(cli_reports, "_export_services", through_services)
        result = run_cli(
            "--db", str(db), "export", "--format", fmt, "--out", str(out), *args, env=env
        )
    assert result.returncode == 0, result.stderr
    assert taken == ([] if quick and not falls_back else ["services"])
    return result.stdout.splitlines()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_csv_files_are_the_services_files_byte_for_byte(
    demo: Path, tmp_path: Path, variant: str
) -> None:
    year = demo.parent.name.removeprefix("demo")[:4]
    other = "2026" if year == "2018" else "2018"
    args = [arg.format(year=year, other=other) for arg in VARIANTS[variant]]
    quick = _export(demo, tmp_path / "quick", "csv", args, quick=True)
    full = _export(demo, tmp_path / "full", "csv", args, quick=False)
    assert [line.replace("quick", "full") for line in quick] == full
    names = sorted(p.name for p in (tmp_path / "full").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "quick").iterdir())
    assert len(names) > 5
    for name in names:
        ours = (tmp_path / "quick" / name).read_bytes()
        assert ours == (tmp_path / "full" / name).read_bytes(), name
    # The demo's patrols were read (there are none in the other year).
    patrols = (tmp_path / "quick" / "patrullpass.csv").read_bytes().count(b"\r\n")
    assert patrols == 1 if variant == "another year" else patrols > 1


def test_the_workbook_is_the_services_workbook(demo: Path, tmp_path: Path) -> None:
    args = ["--agreement", "2017", "--from", "2018-06-15", "--to", "2026-06-30"]
    _export(demo, tmp_path / "quick.xlsx", "xlsx", args, quick=True)
    _export(demo, tmp_path / "full.xlsx", "xlsx", args, quick=False)
    with (
        zipfile.ZipFile(tmp_path / "quick.xlsx") as quick,
        zipfile.ZipFile(tmp_path / "full.xlsx") as full,
    ):
        assert quick.namelist() == full.namelist()
        for name in full.namelist():
            if name != "docProps/core.xml":  # the time the workbook was made
                assert quick.read(name) == full.read(name), name


def test_an_unknown_agreement_is_named_as_the_services_name_it(demo: Path, tmp_path: Path) -> None:
    results = [
        run_cli(
            "--db",
            str(demo),
            "export",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "out"),
            "--agreement",
            "1999",
            env={"LOFTEN_USER": "Test", ENV_NO_QUICK: flag},
        )
        for flag in ("", "1")
    ]
    assert results[0] == results[1]
    assert results[0].returncode == 1
    assert "Ingen överenskommelse heter 1999" in results[0].stderr
    assert not (tmp_path / "out").exists()


def test_a_file_with_an_older_schema_is_upgraded_and_exported(demo: Path, tmp_path: Path) -> None:
    from alembic import command

    expected = tmp_path / "expected"
    _export(demo, expected, "csv", [], quick=False)
    old = tmp_path / "old.db"
    old.write_bytes(demo.read_bytes())
    engine = make_engine(old)
    with engine.connect() as connection, connection.begin():
        command.downgrade(alembic_config(connection), f"{SCHEMA_VERSION - 1:04d}")
    engine.dispose()
    with sqlite3.connect(old) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    raw.close()

    _export(old, tmp_path / "out", "csv", [], quick=True, falls_back=True)

    folder = upgrade_backup_path(old, SCHEMA_VERSION - 1).parent
    assert list(folder.glob(f"old.db.*.before-upgrade-v{SCHEMA_VERSION - 1}.bak"))
    with sqlite3.connect(old) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
    for path in sorted(expected.iterdir()):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_export_leaves_the_file_and_its_folder_as_the_services_do(
    demo: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db" / "loften.db"
    db.parent.mkdir()
    db.write_bytes(demo.read_bytes())
    before = db.read_bytes()
    _export(db, tmp_path / "quick", "csv", [], quick=True)
    after_quick = sorted(p.name for p in db.parent.iterdir())
    _export(db, tmp_path / "full", "csv", [], quick=False)
    # No write-ahead log left beside it (a read-only connection would leave one).
    assert after_quick == sorted(p.name for p in db.parent.iterdir()) == ["loften.db"]
    assert db.read_bytes() == before
