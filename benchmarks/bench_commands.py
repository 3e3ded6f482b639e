"""Every command at real size, in fresh processes, against `python -c "import sqlalchemy.orm"`.

    .venv/bin/python benchmarks/bench_commands.py [--runs 5] [--src DIR] [--dir DIR]

Makes (once, kept in `--dir`, default /tmp/loften-bench/) two demo databases of real size with
`loften demo-data --year 2018`: scale 1 (about 236 activity records) and scale 30 (about 7,000).
Then runs each command as a user does, `python -m loften_app ...` in a fresh process, on both
files, alternating with the two baselines in the same run: `python -c pass` (for `--version`) and
`python -c "import sqlalchemy.orm"` (for every other command). Prints the median wall time of
`--runs` and the ratio to its baseline. Goal: every command at most 1.5 times the import of
`sqlalchemy.orm`, `--version` close to `python -c pass`. Commands that write (backup, export,
report) write into a temporary folder that is removed afterwards.

`--src DIR` runs the package from another source tree (for example an older commit unpacked
with `git archive COMMIT src | tar -x -C /tmp/before`), so that before and after can be
compared with the same interpreter and the same files.

The children may write their bytecode (`PYTHONDONTWRITEBYTECODE` is dropped, and each command
runs once before the timing), as an installed Löften has it compiled. A command collects
garbage less often and not on its way out (`__main__._fewer_collections`, `gc.freeze()`); a
third baseline, the same import of `sqlalchemy.orm` with those settings, shows how much of the
ratio that is.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.5
SCALES = (1, 30)

#: name → arguments after `--db FILE` (the folder `{out}` is a fresh temporary one).
COMMANDS: dict[str, list[str]] = {
    "status": ["status", "--year", "2018", "--today", "2018-12-31"],
    "agreements": ["agreements"],
    "check": ["check"],
    "backup": ["backup", "--out", "{out}/backup.db"],
    "audit": ["audit", "--out", "{out}/audit.csv"],
    "export csv": ["export", "--format", "csv", "--out", "{out}/csv"],
    "report pdf": [
        "report",
        "quarterly",
        "--quarter",
        "2018-Q3",
        "--today",
        "2018-12-31",
        "--out",
        "{out}/report.pdf",
    ],
    "follow-up pdf": [
        "report",
        "follow-up",
        "--today",
        "2018-12-31",
        "--out",
        "{out}/follow-up.pdf",
    ],
}


#: `import sqlalchemy.orm` with the garbage collection settings of a Löften command.
ORM_AS_A_COMMAND = "import gc; gc.set_threshold(10_000); import sqlalchemy.orm; gc.freeze()"


#: The CPU time (user + system) of each child, by its wall time: steadier than the wall time
#: on a shared machine, printed beside it.
CPU: dict[float, float] = {}


def timed(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[wall] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall


def cpu(times: list[float]) -> float:
    """The median CPU time of the runs whose wall times are `times`."""
    return statistics.median(CPU[t] for t in times)


def ensure_database(folder: Path, scale: int) -> Path:
    path = folder / f"real-{scale}.db"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "loften_app",
                "demo-data",
                "--db",
                str(path),
                "--year",
                "2018",
                "--scale",
                str(scale),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the package's source tree")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "loften-bench")
    parser.add_argument("--only", nargs="*", help="only these commands (names as printed)")
    args = parser.parse_args()
    env = {
        # An installed Löften has its bytecode compiled: let the warm-up runs write it.
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(args.src.resolve()),
        "LOFTEN_USER": "benchmark",
    }
    python = sys.executable
    with tempfile.TemporaryDirectory() as home:
        env["XDG_DATA_HOME"] = home  # the command log goes here, not into the user's folder
        databases = {scale: ensure_database(args.dir, scale) for scale in SCALES}
        print(f"source: {args.src} | load average: {os.getloadavg()[0]:.2f}")
        base_pass: list[float] = []
        base_orm: list[float] = []
        base_orm_gc: list[float] = []
        version: list[float] = []
        measured: dict[tuple[str, int], list[float]] = {}
        names = [n for n in COMMANDS if not args.only or n in args.only]

        def command(name: str, db: Path, out: str) -> list[str]:
            argv = [a.format(out=out) for a in COMMANDS[name]]
            return [python, "-m", "loften_app", "--db", str(db), *argv]

        for name in names:  # warm-up: writes the bytecode of what each command imports
            with tempfile.TemporaryDirectory() as out:
                timed(command(name, databases[SCALES[0]], out), env)
        for _ in range(args.runs):
            base_pass.append(timed([python, "-c", "pass"], env))
            version.append(timed([python, "-m", "loften_app", "--version"], env))
            for name in names:
                base_orm_gc.append(timed([python, "-c", ORM_AS_A_COMMAND], env))
                for scale, db in databases.items():
                    base_orm.append(timed([python, "-c", "import sqlalchemy.orm"], env))
                    with tempfile.TemporaryDirectory() as out:
                        measured.setdefault((name, scale), []).append(
                            timed(command(name, db, out), env)
                        )
        bare = statistics.median(base_pass)
        orm = statistics.median(base_orm)
        orm_gc = statistics.median(base_orm_gc)
        v = statistics.median(version)
        print(
            f"python -c pass: {bare * 1000:.0f} ms | import sqlalchemy.orm: {orm * 1000:.0f} ms "
            f"| the same with a command's collection settings: {orm_gc * 1000:.0f} ms"
        )
        print(f"loften --version: {v * 1000:.0f} ms | ratio to python -c pass {v / bare:.1f}")
        print(
            f"CPU: import sqlalchemy.orm {cpu(base_orm) * 1000:.0f} ms | with a command's "
            f"collection settings {cpu(base_orm_gc) * 1000:.0f} ms"
        )
        for (name, scale), times in measured.items():
            t = statistics.median(times)
            ratio = t / orm
            verdict = "MET" if ratio <= GOAL else "NOT MET"
            print(
                f"{name:<11} scale {scale:>2}: {t * 1000:5.0f} ms | ratio {ratio:.2f} "
                f"(goal <= {GOAL}) {verdict} | CPU {cpu(times) / cpu(base_orm):.2f} | "
                f"{t / orm_gc:.2f} to the import as a command (CPU "
                f"{cpu(times) / cpu(base_orm_gc):.2f})"
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
