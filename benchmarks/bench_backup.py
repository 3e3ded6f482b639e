"""Backup benchmark: Löften's backup of a million-record database against a plain file copy.

Run from the project root:

    .venv/bin/python benchmarks/bench_backup.py                 # the cached million-record file
    .venv/bin/python benchmarks/bench_backup.py --db FILE --runs 5

The database is the one benchmarks/bench_status.py keeps in /tmp/loften-bench/ (made with
`loften demo-data --scale 4300` if it is missing). Measured: `storage.backup.export_backup`
(SQLite's online backup API into a new owner-only file, switched to a rollback journal, synced
and renamed), against `shutil.copyfile` of the same file plus an fsync, in the same run,
alternately, each into a fresh file that is removed afterwards. Nothing here asserts.
PYTHONPATH=DIR runs the package from another source tree (to compare before and after).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loften_app.storage.backup import export_backup

CACHE = Path("/tmp/loften-bench")
SCALE = 4300
GOAL = 2.0  # at most twice a plain copy (issue 20)


def cached_database() -> Path:
    path = CACHE / f"status-{SCALE}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        loften = Path(sys.executable).with_name("loften")
        subprocess.run(
            [str(loften), "--db", str(path), "demo-data", "--year", "2018", "--scale", str(SCALE)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def plain_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def records(path: Path) -> int:
    tables = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return sum(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="database to back up (default: the cached one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = (args.db or cached_database()).resolve()
    # Fold the write-ahead log in first, so that the plain copy of the main file is whole too.
    with sqlite3.connect(source) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = source.stat().st_size
    count = records(source)
    backup_times: list[float] = []
    copy_times: list[float] = []
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        for run in range(args.runs):
            target = Path(folder) / f"backup-{run}.db"
            start = time.perf_counter()
            export_backup(source, target)
            backup_times.append(time.perf_counter() - start)
            target.unlink()
            copy = Path(folder) / f"copy-{run}.db"
            start = time.perf_counter()
            plain_copy(source, copy)
            copy_times.append(time.perf_counter() - start)
            copy.unlink()
    backup = statistics.median(backup_times)
    copy = statistics.median(copy_times)
    ratio = backup / copy
    mb = size / 1e6
    print(f"database: {source} ({count:,} activity records, {mb:,.0f} MB)")
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(
        f"backup (online backup API): {backup:.2f} s ({mb / backup:,.0f} MB/s) | "
        f"plain copy: {copy:.2f} s ({mb / copy:,.0f} MB/s) | ratio {ratio:.2f} "
        f"(goal <= {GOAL:.0f}) {'MET' if ratio <= GOAL else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
