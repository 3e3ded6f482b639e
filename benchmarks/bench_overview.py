"""The overview on screen after choosing a period, on about a million records (offscreen).

    .venv/bin/python benchmarks/bench_overview.py [--db PATH] [--runs 3]

Uses the database of bench_status.py (made once with `loften demo-data --scale 4300`). Opens
the overview page as the application does (figures on the one helper thread), waits for the
first figures and for the prefetch of the whole agreement, then chooses each year and quarter
of the agreement in turn and measures the time from the choice until the new cards are laid out
and painted. Baseline, in the same run: the raw SQL aggregate over the same period (the queries
of bench_status.py on a bare sqlite3 connection). Goal: on screen within 300 ms of choosing.
Also printed: the first (cold) computation after opening, which scans every month once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_status import ACTOR, DEFAULT_DB, ensure_database, raw_aggregate  # noqa: E402
from loften_app.domain.periods import Period, parse_period  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402
from loften_app.ui.background import Background  # noqa: E402
from loften_app.ui.overview import OverviewPage  # noqa: E402

GOAL_MS = 300


def wait_until(app: QApplication, done: object) -> None:
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.0005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_database(args.db, 2018)
    app = QApplication.instance() or QApplication([])
    today = dt.date(2018, 9, 20)
    with open_database(args.db, create=False) as database:
        services = Services.build(database, ACTOR)
        background = Background()
        began = time.perf_counter()
        page = OverviewPage(services, background, today=lambda: today)
        page.resize(1250, 1300)
        page.show()
        wait_until(app, lambda: page.data is not None and not page.pending)
        first_ms = (time.perf_counter() - began) * 1000
        began = time.perf_counter()
        background.wait()  # the prefetch of the whole agreement
        prefetch_ms = (time.perf_counter() - began) * 1000
        keys = [page.period.itemData(i) for i in range(page.period.count())]
        periods: list[Period] = [parse_period(str(k)) for k in keys]
        shown_ms: list[float] = []
        raw_ms: list[float] = []
        for _ in range(args.runs):
            for period in periods:
                updated: list[bool] = []
                page.updated.connect(lambda flag=updated: flag.append(True))
                began = time.perf_counter()
                page.select_period(period)
                wait_until(app, lambda: bool(updated))  # noqa: B023
                page.repaint()
                shown_ms.append((time.perf_counter() - began) * 1000)
                page.updated.disconnect()
                began = time.perf_counter()
                raw_aggregate(args.db, period.start.isoformat(), period.end.isoformat())
                raw_ms.append((time.perf_counter() - began) * 1000)
        background.wait()
    median_shown = statistics.median(shown_ms)
    worst_shown = max(shown_ms)
    median_raw = statistics.median(raw_ms)
    verdict = "MET" if worst_shown <= GOAL_MS else "NOT MET"
    print(
        f"overview on screen after choosing a period ({len(periods)} periods x {args.runs}): "
        f"median {median_shown:.0f} ms, worst {worst_shown:.0f} ms (goal <= {GOAL_MS} ms) "
        f"{verdict} | raw SQL aggregate over the same periods: median {median_raw:.0f} ms | "
        f"ratio {median_shown / median_raw:.2f}"
    )
    print(
        f"first figures after opening (cold, every month of the year scanned): {first_ms:.0f} ms;"
        f" prefetch of the whole agreement: {prefetch_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
