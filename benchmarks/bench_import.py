"""Importing an XLSX of about 100,000 records (`loften import`) against openpyxl reading the same
file plus a raw `sqlite3.executemany` of the rows, in the same run.

    .venv/bin/python benchmarks/bench_import.py [--dir /tmp/loften-bench] [--runs 3]

Made once and kept in `--dir`: a source database (`loften demo-data --year 2019 --scale 430`,
about 100,000 activity records with their shop visits, observations and actions), its XLSX
export (`import-430.xlsx`) and an empty file from the Filipstad template (`loften new`). Each
run copies the empty file twice (not timed).

- Measured: `reports.imports.preview_import` (openpyxl in read-only mode, every cell turned back
  into a value, the registers matched by name and number on each record's date, the domain
  validation with the personnummer guard for every record, the lookup of every id) plus
  `apply_import` (the backup of the empty file, then one transaction with every record, its
  child rows, the new shops and places, one audit line per record, and the commit).
- Baseline: `openpyxl.load_workbook(read_only=True)` reading every cell of every sheet of the
  same file, plus the same record, child and register rows (read back from the imported copy,
  not timed) inserted into the second copy with a bare `sqlite3` connection with Löften's
  pragmas, `executemany` per table, one transaction including the commit.
- Goal: the import takes at most 3 times the baseline.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from loften_app.domain.enums import Organisation  # noqa: E402
from loften_app.domain.records import Actor  # noqa: E402
from loften_app.reports.imports import apply_import, preview_import  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402

ACTOR = Actor("benchmark", Organisation.MUNICIPALITY)
SCALE = 430
#: Tables the import writes, parents first: (table, the rows the import added).
TABLES = (
    ("place", "id NOT IN (SELECT id FROM empty.place)"),
    ("shop", "id NOT IN (SELECT id FROM empty.shop)"),
    ("patrol", "1"),
    ("patrol_place", "1"),
    ("shop_visit", "1"),
    ("safety_walk", "1"),
    ("observation", "1"),
    ("walk_action", "1"),
    ("volunteer_deployment", "1"),
    ("deployment_place", "1"),
    ("drug_case", "1"),
    ("other_activity", "1"),
)
ACTIVITIES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")


def loften(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "loften_app", *args], check=True, cwd=ROOT)


def ensure_files(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"import-source-{SCALE}.db"
    workbook = folder / f"import-{SCALE}.xlsx"
    empty = folder / "import-empty.db"
    if not source.exists():
        print(f"creating {source} with loften demo-data --scale {SCALE} (minutes, once)")
        partial = source.with_name(source.name + ".partial")
        partial.unlink(missing_ok=True)
        loften("demo-data", "--db", str(partial), "--year", "2019", "--scale", str(SCALE))
        partial.rename(source)
    if not workbook.exists():
        print(f"exporting {workbook} (once)")
        loften("export", "--db", str(source), "--format", "xlsx", "--out", str(workbook))
    if not empty.exists():
        loften("new", "--db", str(empty), "--template", "filipstad-2017-2018")
    return workbook, empty


def copy_database(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(target.parent / "backups", ignore_errors=True)
    shutil.copyfile(source, target)


def read_with_openpyxl(workbook: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


def imported_rows(path: Path, empty: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    connection = sqlite3.connect(path)
    connection.execute("ATTACH DATABASE ? AS empty", (str(empty),))
    tables = [
        (table, connection.execute(f"SELECT * FROM main.{table} WHERE {where}").fetchall())
        for table, where in TABLES
    ]
    connection.close()
    return tables


def raw_insert(path: Path, tables: list[tuple[str, list[tuple[object, ...]]]]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 5000")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    began = time.perf_counter()
    connection.execute("BEGIN")
    for table, rows in tables:
        if rows:
            marks = ", ".join("?" for _ in rows[0])
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - began
    connection.close()
    return elapsed


def one_run(workbook: Path, empty: Path, work: Path, raw: Path) -> tuple[float, float, str]:
    copy_database(empty, work)
    copy_database(empty, raw)
    with open_database(work, create=False) as database:
        services = Services.build(database, ACTOR)
        began = time.perf_counter()
        preview = preview_import(services, workbook)
        checked = time.perf_counter() - began
        assert not preview.problems, preview.problems[:5]
        written = apply_import(services, preview)
        imported = time.perf_counter() - began
    tables = imported_rows(work, empty)
    records = sum(len(rows) for table, rows in tables if table in ACTIVITIES)
    rows = sum(len(rows) for _, rows in tables)
    began = time.perf_counter()
    cells = read_with_openpyxl(workbook)
    read = time.perf_counter() - began
    inserted = raw_insert(raw, tables)
    baseline = read + inserted
    text = (
        f"{sum(written.added.values()):,} written ({records:,} records, {rows:,} rows with their "
        f"children and registers) | import {imported:.1f} s (read and check {checked:.1f} s) | "
        f"openpyxl {read:.1f} s ({cells:,} cells) + executemany {inserted:.1f} s = "
        f"{baseline:.1f} s | ratio {imported / baseline:.2f}"
    )
    return imported, baseline, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/loften-bench"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    workbook, empty = ensure_files(args.dir)
    work, raw = args.dir / "import-work.db", args.dir / "import-raw.db"
    ratios = []
    for run in range(1, args.runs + 1):
        imported, baseline, text = one_run(workbook, empty, work, raw)
        ratios.append(imported / baseline)
        print(f"run {run}: {text}")
    median = statistics.median(ratios)
    verdict = "MET" if median <= 3 else "NOT MET"
    print(f"median ratio {median:.2f} (goal <= 3) {verdict}")
    for path in (work, raw):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(args.dir / "backups", ignore_errors=True)


if __name__ == "__main__":
    main()
