"""Start-up benchmark: process start to the first painted main window, and to the overview's
figures on screen.

    .venv/bin/python benchmarks/bench_startup.py --db PATH [--runs 15] [--figures] [--src DIR]

Löften on the given database against a bare PySide6 QMainWindow shown the same way, both in
fresh processes on the offscreen platform, measured alternately in the same run. Goal: the first
paint at most 1.5 times the bare window's. With --figures also Löften until the overview's first
promise card is painted (the figures on screen), goal at most 4 times the bare first paint at
real size (about 7,000 records: `loften demo-data --db PATH --year 2026 --scale 30`, this
year's data so that the overview has figures to show today). `--src DIR` runs the package from
another source tree (`git archive COMMIT src resources | tar -x -C DIR`, then `DIR/src`), to
compare before and after in turns. Also says whether SQLAlchemy,
Alembic or ReportLab were already imported at the first paint, or the Qt namespace used (none
should be).

Both the wall time (the process's age) and the CPU time the process used are printed: on a
machine shared with other work the wall times swing, the CPU times much less.
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
FIGURES_GOAL = 4.0


def settings_home(folder: Path, src: Path | None = None) -> dict[str, str]:
    """An environment whose Löften settings already know the user (no first-start dialog)."""
    config = folder / "Loften"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Loften.ini").write_text(
        "[user]\nname=Benchmark\norganisation=municipality\n", encoding="utf-8"
    )
    # An installed Löften has its bytecode compiled: let the warm-up start write it here too.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        environment["PYTHONPATH"] = str(src.resolve())
    return {
        **environment,
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def start(kind: str, db: Path, env: dict[str, str]) -> dict[str, str]:
    """Run the child; its output lines as {first word: the rest}."""
    result = subprocess.run(
        [sys.executable, str(CHILD), kind, str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def first_paint(kind: str, db: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, CPU seconds, heavy modules) at the first paint."""
    lines = start(kind, db, env)
    seconds, heavy = lines["first-paint"].split()
    return float(seconds), float(lines["cpu"]), heavy.removeprefix("heavy=")


def figures(db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds, CPU seconds) until the overview's first card is painted."""
    lines = start("figures", db, env)
    return float(lines["figures"]), float(lines["figures-cpu"])


def report(what: str, ours: list[float], base: list[float], goal: float | None) -> None:
    mine, bare = statistics.median(ours), statistics.median(base)
    ratio = mine / bare
    verdict = "" if goal is None else f" (goal <= {goal}) {'MET' if ratio <= goal else 'NOT MET'}"
    print(
        f"{what}: {mine * 1000:.0f} ms | bare first paint: {bare * 1000:.0f} ms"
        f" | ratio {ratio:.2f}{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--figures", action="store_true", help="also time the overview's figures")
    parser.add_argument("--src", type=Path, help="run the package from this source tree")
    args = parser.parse_args()
    loften: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    shown: list[tuple[float, float]] = []
    heavy = "-"
    print(
        f"source: {args.src or 'installed'} | load average at the start: {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as folder:
        env = settings_home(Path(folder), args.src)
        first_paint("loften", args.db, env)  # warm the file cache (and write the bytecode) once
        first_paint("bare", args.db, env)
        for _ in range(args.runs):
            seconds, cpu, heavy = first_paint("loften", args.db, env)
            loften.append((seconds, cpu))
            bare.append(first_paint("bare", args.db, env)[:2])
            if args.figures:
                shown.append(figures(args.db, env))
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    bare_wall = [t for t, _ in bare]
    bare_cpu = [c for _, c in bare]
    report("first painted window", [t for t, _ in loften], bare_wall, GOAL)
    report("  in CPU time", [c for _, c in loften], bare_cpu, None)
    if shown:
        report("overview figures on screen", [t for t, _ in shown], bare_wall, FIGURES_GOAL)
        report("  in CPU time", [c for _, c in shown], bare_cpu, None)
    print(f"heavy modules imported (or the Qt namespace used) before the first paint: {heavy}")


if __name__ == "__main__":
    main()
