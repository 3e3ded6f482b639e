"""Importing a package of about 100,000 records into a database of about a million, against raw
`sqlite3.executemany` of the same rows in the same run.

    .venv/bin/python benchmarks/bench_exchange.py [--dir /tmp/loften-bench]

Made once and kept in `--dir`: the target (`loften demo-data --year 2018 --scale 4300`, about a
million activity records), the source (`--year 2019 --scale 430`, about 100,000) and the package
exported from the source. Each run copies the target twice (not timed). Measured: `read_package`
(every check of the untrusted file, the domain validation of every record) plus `apply_import`
(the plan: natural-key matching of the registers, which are different UUIDs here, the lookup of
every id, references and case codes; then the one transaction with every record, its children,
one audit line per record and the log line; the commit). The backup before the import is left
out (`make_backup` returns None): it is part A's, and benchmarked there. Baseline: the same
record and child rows, read back from the imported copy (not timed), inserted into the second
copy with a bare `sqlite3` connection (same pragmas), `executemany` per table, one transaction
with its commit. Goal: at least 50,000 records/s, and at least a third of the raw rate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# LOFTEN_BENCH_SRC=DIR imports the package from another source tree (as bench_storage.py).
sys.path.insert(0, os.environ.get("LOFTEN_BENCH_SRC", str(ROOT / "src")))

from loften_app.domain.enums import Organisation  # noqa: E402
from loften_app.domain.records import Actor  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.exchange import (  # noqa: E402
    Side,
    apply_import,
    export_changes,
    read_package,
)
from loften_app.storage.services import Services  # noqa: E402

ACTOR = Actor("benchmark", Organisation.MUNICIPALITY)
TARGET_SCALE = 4300
SOURCE_SCALE = 430

#: (table, column tying the row to a record of the package, parent table of that column)
CHILDREN = (
    ("patrol_place", "patrol_id"),
    ("shop_visit", "patrol_id"),
    ("observation", "walk_id"),
    ("deployment_place", "deployment_id"),
)
ACTIVITIES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")


def ensure_database(path: Path, year: int, scale: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"creating {path} with loften demo-data --scale {scale} (minutes, once)")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    command = [sys.executable, "-m", "loften_app", "demo-data", "--db", str(partial)]
    subprocess.run([*command, "--year", str(year), "--scale", str(scale)], check=True)
    partial.rename(path)


def ensure_package(source: Path, out: Path) -> None:
    if out.exists():
        return
    print(f"exporting {out} from {source} (once)")
    with open_database(source, create=False) as database:
        export_changes(Services.build(database, ACTOR), out, photo_dir=None, actor=ACTOR)


def copy_database(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def connect_raw(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 5000")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def imported_rows(path: Path, ids: dict[str, list[str]]) -> list[tuple[str, list[tuple[object]]]]:
    """The rows of the package's records and their children in the imported copy, per table,
    parents first."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)")
    connection.executemany(
        "INSERT OR IGNORE INTO wanted VALUES (?)",
        [(i,) for name in ACTIVITIES for i in ids.get(name, [])],
    )
    tables: list[tuple[str, list[tuple[object]]]] = []
    for name in ACTIVITIES:
        tables.append(
            (name, connection.execute(f"SELECT * FROM {name} WHERE id IN wanted").fetchall())
        )
    for table, column in CHILDREN:
        rows = connection.execute(f"SELECT * FROM {table} WHERE {column} IN wanted").fetchall()
        tables.append((table, rows))
    for table in ("observation_photo", "walk_action"):
        rows = connection.execute(
            f"SELECT * FROM {table} WHERE observation_id IN "
            "(SELECT id FROM observation WHERE walk_id IN wanted)"
        ).fetchall()
        tables.append((table, rows))
    connection.close()
    return tables


def raw_insert(path: Path, tables: list[tuple[str, list[tuple[object]]]]) -> float:
    connection = connect_raw(path)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/loften-bench"))
    args = parser.parse_args()
    target = args.dir / f"exchange-target-{TARGET_SCALE}.db"
    source = args.dir / f"exchange-source-{SOURCE_SCALE}.db"
    package_path = args.dir / f"exchange-{SOURCE_SCALE}.loften"
    ensure_database(target, 2018, TARGET_SCALE)
    ensure_database(source, 2019, SOURCE_SCALE)
    ensure_package(source, package_path)
    work, raw = args.dir / "exchange-work.db", args.dir / "exchange-raw.db"
    copy_database(target, work)
    copy_database(target, raw)
    # The copies' two gigabytes written out before anything is timed: otherwise the kernel
    # writes them back during the import and the raw insert, whichever comes first.
    os.sync()
    with sqlite3.connect(target) as connection:
        existing = sum(
            connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ACTIVITIES
        )
    connection.close()

    began = time.perf_counter()
    package = read_package(package_path)
    read_seconds = time.perf_counter() - began
    with open_database(work, create=False) as database:
        began = time.perf_counter()
        result = apply_import(
            Services.build(database, ACTOR),
            package,
            actor=ACTOR,
            photo_dir=None,
            unresolved=Side.LOCAL,
            make_backup=lambda _path: None,
        )
        apply_seconds = time.perf_counter() - began
    records = package.record_count
    ids = {name: [i.meta.id for i in items] for name, items in package.records.items()}
    tables = imported_rows(work, ids)
    rows = sum(len(r) for _, r in tables)
    raw_seconds = raw_insert(raw, tables)
    raw_records = sum(len(ids.get(name, [])) for name in ACTIVITIES)
    total = read_seconds + apply_seconds
    rate = records / total
    raw_rate = raw_records / raw_seconds
    ratio = rate / raw_rate
    print(
        f"package: {records:,} records ({raw_records:,} activities, {rows:,} rows with their "
        f"children) into {existing:,} activity records; {result.added:,} added, "
        f"{len(result.preview.matched)} registers matched, {len(result.preview.unchanged)} "
        "unchanged"
    )
    print(f"read and check: {read_seconds:.1f} s | plan, write, commit: {apply_seconds:.1f} s")
    goal = "MET" if rate >= 50_000 else "NOT MET"
    print(f"import: {rate:,.0f} records/s (goal >= 50,000: {goal})")
    verdict = "MET" if ratio >= 1 / 3 else "NOT MET"
    print(
        f"raw executemany of the same rows: {raw_rate:,.0f} records/s ({raw_seconds:.1f} s) | "
        f"ratio {ratio:.2f} (goal >= 0.33) {verdict}"
    )
    for path in (work, raw):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
