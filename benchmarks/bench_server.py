"""PostgreSQL server benchmark: saving one activity, and every target status for a year, each
against raw psycopg doing the bare work in the same run, on the same server.

Run from the project root (it starts its own server on loopback with tests/pg_server.py, as the
tests do; that server runs with fsync off, which flatters both sides alike):

    .venv/bin/python benchmarks/bench_server.py                  # demo-data --scale 20
    .venv/bin/python benchmarks/bench_server.py --scale 4300     # about a million records

Goals (issue 19): one save at most 10 times a raw psycopg insert and commit of one row; the
status for a year at most 2 times the raw SQL aggregate (bench_status.py's queries).
Nothing here asserts: the numbers are for people.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg  # noqa: E402
from tests.pg_server import running_server  # noqa: E402

from bench_status import RAW_QUERIES, ensure_targets  # noqa: E402
from bench_storage import ACTOR, one_patrol, service_saves, timed_runs, verdict  # noqa: E402
from loften_app.domain.periods import year  # noqa: E402
from loften_app.domain.records import PatrolData  # noqa: E402
from loften_app.reports.tracking import status_report  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.demo.common import DemoOptions  # noqa: E402
from loften_app.storage.demo.fill import fill_demo_data  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402

YEAR = 2018


def raw_saves(url: str, data: PatrolData) -> Iterator[None]:
    """Insert and commit one patrol row with bare psycopg (the same values, a new id each)."""
    now = dt.datetime(2018, 11, 17, 8, 0)
    sql = (
        "INSERT INTO patrol (id, version, organisation, created_at, created_by, updated_at, "
        "updated_by, promise_id, date, start_time, end_time, mode, officers, disturbances, "
        "visible_drug_use, notes) VALUES "
        "(%s, 1, 'police', %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    with psycopg.connect(url) as connection:
        while True:
            connection.execute(
                sql,
                (
                    str(uuid.uuid4()),
                    now,
                    ACTOR.name,
                    now,
                    ACTOR.name,
                    data.promise_id,
                    data.date,
                    data.start_time,
                    data.end_time,
                    data.mode.value,
                    data.officers,
                    data.disturbances,
                    data.visible_drug_use,
                    data.notes,
                ),
            )
            connection.commit()
            yield


def raw_aggregate(url: str, start: dt.date, end: dt.date) -> None:
    with psycopg.connect(url) as connection:
        for sql in RAW_QUERIES:
            pg_sql = sql.replace(":a", "%(a)s").replace(":b", "%(b)s")
            connection.execute(pg_sql, {"a": start, "b": end}).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="demo-data scale")
    parser.add_argument("--runs", type=int, default=200, help="saves measured")
    args = parser.parse_args()
    with running_server() as server:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        url = server.url("bench")
        with open_database(url) as database:
            began = time.perf_counter()
            fill_demo_data(database, ACTOR, DemoOptions(year=YEAR, scale=args.scale))
            filled = time.perf_counter() - began
            with psycopg.connect(url) as connection:
                (records,) = connection.execute(
                    "SELECT (SELECT count(*) FROM patrol) + (SELECT count(*) FROM safety_walk)"
                    " + (SELECT count(*) FROM volunteer_deployment)"
                    " + (SELECT count(*) FROM drug_case) + (SELECT count(*) FROM other_activity)"
                ).fetchone()
            print(f"demo data: {records} activity records in {filled:.1f} s")
            services = Services.build(database, ACTOR)
            data = one_patrol(services)
            save = timed_runs(service_saves(services, data), args.runs)
            raw = timed_runs(raw_saves(url, data), args.runs)
            ratio = save / raw
            print(
                f"save one patrol: {save * 1000:.2f} ms | raw psycopg insert+commit: "
                f"{raw * 1000:.2f} ms | ratio {ratio:.1f} (goal <= 10) {verdict(ratio <= 10)}"
            )
            ensure_targets(services)
            period = year(YEAR)
            raw_aggregate(url, period.start, period.end)
            engine_times, raw_times = [], []
            for _ in range(5):
                fresh = Services.build(database, ACTOR)
                began = time.perf_counter()
                status_report(fresh, period=period, today=dt.date(YEAR + 1, 1, 15))
                engine_times.append(time.perf_counter() - began)
                began = time.perf_counter()
                raw_aggregate(url, period.start, period.end)
                raw_times.append(time.perf_counter() - began)
            engine_ms = statistics.median(engine_times) * 1000
            raw_ms = statistics.median(raw_times) * 1000
            ratio = engine_ms / raw_ms
            print(
                f"status for {YEAR} ({records} records): {engine_ms:.0f} ms | raw SQL aggregate: "
                f"{raw_ms:.0f} ms | ratio {ratio:.2f} (goal <= 2) {verdict(ratio <= 2)}"
            )


if __name__ == "__main__":
    main()
