"""Every target status for a year on about a million records, against the raw SQL aggregate.

    .venv/bin/python benchmarks/bench_status.py [--db PATH] [--year 2018] [--runs 5]

The database is made once with `loften demo-data --scale 4300` (about a million activity
records) and kept in /tmp/loften-bench/. One target per measure is added to the matching promise
the first time, so that every measure is computed. Measured: `reports.tracking.status_report`
for the year on fresh services (an empty figure cache: every month is scanned), and then once
more on the same services (the months come from the cache); each time the agreement, promises
and targets are read through the services, every figure of every promise aggregated by
`FigureService`, every target evaluated. Baseline, in the same run: a
bare `sqlite3` connection running one COUNT/SUM per activity table (and shop visits and walk
actions through their joins) over the same rows. Prints the median times and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from loften_app.domain.enums import (  # noqa: E402
    Comparison,
    Measure,
    Organisation,
    PromiseType,
    TargetPeriod,
)
from loften_app.domain.periods import year  # noqa: E402
from loften_app.domain.records import Actor, TargetData  # noqa: E402
from loften_app.reports.tracking import status_report  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402

DEFAULT_DB = Path("/tmp/loften-bench/status-4300.db")
SCALE = 4300
ACTOR = Actor("benchmark", Organisation.MUNICIPALITY)
BENCH_NOTE = "bench_status"

#: The promise type whose records each measure counts.
MEASURE_TYPES = {
    Measure.RECORD_COUNT: PromiseType.PATROL,
    Measure.WALKS_COMPLETED: PromiseType.SAFETY_WALK,
    Measure.SHOP_VISITS: PromiseType.PATROL,
    Measure.PATROL_HOURS: PromiseType.PATROL,
    Measure.PATROL_HOURS_EVENING_NIGHT: PromiseType.PATROL,
    Measure.VOLUNTEER_DEPLOYMENTS: PromiseType.VOLUNTEERS,
    Measure.VOLUNTEER_HOURS: PromiseType.VOLUNTEERS,
    Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY: PromiseType.VOLUNTEERS,
    Measure.VOLUNTEER_SHARE_WITH_BUSINESS: PromiseType.VOLUNTEERS,
    Measure.DRUG_CASES: PromiseType.DRUGS,
    Measure.DRUG_SHARE_NOTIFIED: PromiseType.DRUGS,
    Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS: PromiseType.DRUGS,
    Measure.DRUG_MEDIAN_DAYS_TO_CONTACT: PromiseType.DRUGS,
    Measure.ACTIONS_OPEN: PromiseType.SAFETY_WALK,
    Measure.ACTIONS_OVERDUE: PromiseType.SAFETY_WALK,
    Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE: PromiseType.SAFETY_WALK,
    Measure.HOURS_SPENT: PromiseType.DRUGS,
}

ACTIVITY_TABLES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")

RAW_QUERIES = (
    "SELECT count(*), total(hours_spent) FROM patrol"
    " WHERE deleted_at IS NULL AND date BETWEEN :a AND :b",
    "SELECT count(*) FROM shop_visit JOIN patrol ON patrol.id = shop_visit.patrol_id"
    " WHERE patrol.deleted_at IS NULL AND patrol.date BETWEEN :a AND :b",
    "SELECT count(*), total(volunteers) FROM volunteer_deployment"
    " WHERE deleted_at IS NULL AND date BETWEEN :a AND :b",
    "SELECT status, count(*) FROM safety_walk"
    " WHERE deleted_at IS NULL AND date BETWEEN :a AND :b GROUP BY status",
    "SELECT count(*), total(first_contact_on IS NOT NULL) FROM drug_case"
    " WHERE deleted_at IS NULL AND detected_on BETWEEN :a AND :b",
    "SELECT count(*), total(hours_spent) FROM other_activity"
    " WHERE deleted_at IS NULL AND date BETWEEN :a AND :b",
    "SELECT count(*) FROM walk_action AS a JOIN observation AS o ON o.id = a.observation_id"
    " JOIN safety_walk AS w ON w.id = o.walk_id WHERE w.deleted_at IS NULL AND w.date <= :b",
)


def ensure_database(path: Path, y: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"creating {path} with loften demo-data --scale {SCALE} (a few minutes, once)")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    command = [sys.executable, "-m", "loften_app", "demo-data", "--db", str(partial)]
    subprocess.run([*command, "--year", str(y), "--scale", str(SCALE)], check=True)
    partial.rename(path)


def ensure_targets(services: Services) -> int:
    agreement = services.agreements.current()
    assert agreement is not None
    promises = {p.data.type: p.id for p in services.promises.for_agreement(agreement.id)}
    present = {
        t.data.measure
        for t in services.targets.list_page(limit=1000).items
        if t.data.description == BENCH_NOTE
    }
    for measure, kind in MEASURE_TYPES.items():
        if measure in present:
            continue
        services.targets.add(
            data=TargetData(
                promise_id=promises[kind],
                measure=measure,
                comparison=Comparison.AT_LEAST,
                value=1,
                period=TargetPeriod.YEAR,
                parameter=1 if measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS else None,
                description=BENCH_NOTE,
            )
        )
    return services.targets.count()


def raw_aggregate(path: Path, start: str, end: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for sql in RAW_QUERIES:
            connection.execute(sql, {"a": start, "b": end}).fetchall()
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--year", type=int, default=2018)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_database(args.db, args.year)
    period = year(args.year)
    today = dt.date(args.year + 1, 1, 15)
    with open_database(args.db, create=False) as database:
        services = Services.build(database, ACTOR)
        targets = ensure_targets(services)
        with database.engine.connect() as connection:
            records = sum(
                connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                for table in ACTIVITY_TABLES
            )
        # Warm the file cache and the services once, then interleave the runs.
        status_report(services, period=period, today=today)
        raw_aggregate(args.db, period.start.isoformat(), period.end.isoformat())
        engine_times, warm_times, raw_times = [], [], []
        for _ in range(args.runs):
            # Fresh services: an empty figure cache, so every month is scanned (cold).
            services = Services.build(database, ACTOR)
            began = time.perf_counter()
            report = status_report(services, period=period, today=today)
            engine_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            status_report(services, period=period, today=today)
            warm_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            raw_aggregate(args.db, period.start.isoformat(), period.end.isoformat())
            raw_times.append(time.perf_counter() - began)
    evaluated = sum(len(p.targets) for p in report.promises)
    engine_ms = statistics.median(engine_times) * 1000
    raw_ms = statistics.median(raw_times) * 1000
    warm_ms = statistics.median(warm_times) * 1000
    ratio = engine_ms / raw_ms
    verdict = "MET" if ratio <= 2 else "NOT MET"
    print(
        f"status for {period.label} ({evaluated} of {targets} targets, 4 promises) on "
        f"{records:,} records, cold (empty figure cache): {engine_ms:.0f} ms | "
        f"raw SQL aggregate: {raw_ms:.0f} ms | ratio {ratio:.2f} (goal <= 2) {verdict}"
    )
    print(
        f"the same again with the months cached: {warm_ms:.1f} ms "
        f"(ratio {warm_ms / raw_ms:.3f} to the raw aggregate)"
    )


if __name__ == "__main__":
    main()
