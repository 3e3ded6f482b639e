"""Start-up benchmark: process start to the first painted main window.

    .venv/bin/python benchmarks/bench_startup.py --db PATH [--runs 15]

Löften on the given database (make one with `loften demo-data --db PATH --year 2018 --scale
4300` for about a million records) against a bare PySide6 QMainWindow shown the same way, both
in fresh processes on the offscreen platform, measured alternately in the same run. Goal: at
most 1.5 times the bare window. Also says whether SQLAlchemy, Alembic or ReportLab were already
imported at the first paint (they should not be).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = Path(__file__).with_name("startup_child.py")
GOAL = 1.5


def settings_home(folder: Path) -> dict[str, str]:
    """An environment whose Löften settings already know the user (no first-start dialog)."""
    config = folder / "Loften"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Loften.ini").write_text(
        "[user]\nname=Benchmark\norganisation=municipality\n", encoding="utf-8"
    )
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def first_paint(kind: str, db: Path, env: dict[str, str]) -> tuple[float, str]:
    result = subprocess.run(
        [sys.executable, str(CHILD), kind, str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("first-paint"))
    _, seconds, heavy = line.split()
    return float(seconds), heavy.removeprefix("heavy=")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = settings_home(Path(folder))
        loften: list[float] = []
        bare: list[float] = []
        heavy = "-"
        first_paint("loften", args.db, env)  # warm the file cache once
        for _ in range(args.runs):
            seconds, heavy = first_paint("loften", args.db, env)
            loften.append(seconds)
            bare.append(first_paint("bare", args.db, env)[0])
    ours, base = statistics.median(loften), statistics.median(bare)
    ratio = ours / base
    verdict = "MET" if ratio <= GOAL else "NOT MET"
    print(
        f"first painted window: {ours * 1000:.0f} ms | bare QMainWindow: {base * 1000:.0f} ms"
        f" | ratio {ratio:.2f} (goal <= {GOAL}) {verdict}"
    )
    print(f"heavy modules imported before the first paint: {heavy}")


if __name__ == "__main__":
    main()
