"""Size and start-up time of a built bundle against the checkout's `.venv/bin/loften`.

    installer/build-linux.sh --out /tmp/out && tar -xzf /tmp/out/loften-*.tar.gz -C /tmp/out
    .venv/bin/python installer/measure-bundle.py /tmp/out/loften-*/loften [--runs 11]

Prints the median of several runs for `loften --version` and for the window's first paint
(offscreen, through installer/loften_entry.py's LOFTEN_EXIT_AT_FIRST_PAINT hook for both), and
the bundle's size on disk. Each run is a fresh process with a clean environment.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_LOFTEN = ROOT / ".venv" / "bin" / "loften"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
ENTRY = ROOT / "installer" / "loften_entry.py"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def wall_time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def first_paint(command: list[str], env: dict[str, str]) -> float:
    result = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    line = next(x for x in result.stdout.splitlines() if x.startswith("first-paint"))
    return float(line.split()[1])


def medians(
    first: Callable[[], float], second: Callable[[], float], runs: int
) -> tuple[float, float]:
    """Median times of two measurements taken in turns (the machine's load hits both alike),
    after one warm-up run of each (the files are then in the page cache for every run)."""
    first(), second()
    pairs = [(first(), second()) for _ in range(runs)]
    return statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path, help="the bundle folder (holding `loften`)")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    bundle = args.bundle.resolve() / "loften"

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
        config = home / ".config" / "Loften"
        config.mkdir(parents=True)
        (config / "Loften.ini").write_text("[user]\nname=Anna\norganisation=municipality\n")
        database = home / "m.db"
        subprocess.run(
            [bundle, "new", "--template", "filipstad-2017-2018", "--db", database],
            env=env,
            check=True,
            capture_output=True,
        )
        window_env = {**env, "QT_QPA_PLATFORM": "offscreen", "LOFTEN_EXIT_AT_FIRST_PAINT": "1"}
        version_bundle, version_venv = medians(
            lambda: wall_time([str(bundle), "--version"], env),
            lambda: wall_time([str(VENV_LOFTEN), "--version"], env),
            args.runs,
        )
        window = ["--db", str(database)]
        paint_bundle, paint_venv = medians(
            lambda: first_paint([str(bundle), *window], window_env),
            lambda: first_paint([str(VENV_PYTHON), str(ENTRY), *window], window_env),
            args.runs,
        )

    size = folder_size(args.bundle.resolve())
    print(
        f"bundle folder: {size / 2**20:.0f} MiB in {sum(1 for _ in bundle.parent.rglob('*'))} files"
    )
    print(f"median of {args.runs} runs (seconds)       bundle    .venv   bundle/.venv")
    print(
        f"loften --version                   {version_bundle:7.3f}  {version_venv:7.3f}  "
        f"{version_bundle / version_venv:6.2f}"
    )
    print(
        f"window first paint (offscreen)     {paint_bundle:7.3f}  {paint_venv:7.3f}  "
        f"{paint_bundle / paint_venv:6.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
