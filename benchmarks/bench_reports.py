"""The quarterly report, the follow-up and the XLSX export on about a million records.

    .venv/bin/python benchmarks/bench_reports.py [--db PATH] [--quarter 2018-Q3] [--runs 3]

Uses the database of `bench_status.py` (made once with `loften demo-data --scale 4300`, about a
million activity records, kept in /tmp/loften-bench/). Measured, median of --runs:

- quarterly: `write_report` of the internal quarterly report (every figure through the
  services and the target engine, the PDF rendered and written). Baseline in the same run: the
  raw SQL aggregates over the quarter on a bare sqlite3 connection plus ReportLab rendering the
  very same tables (`render_quarterly` of the already computed figures). Goal: under 1 s and at
  most twice the baseline. Printed twice: cold (fresh services, an empty figure cache, as right
  after opening the file: the year so far is scanned) and warm (the months already cached, as
  in the application once the overview has been shown).
- follow-up: `write_report` of the internal follow-up of the whole agreement. Goal: under 2 s.
- XLSX export of the quarter's records: records per second (no goal; reported).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_status import ACTOR, DEFAULT_DB, ensure_database, raw_aggregate  # noqa: E402
from loften_app.domain.periods import parse_period  # noqa: E402
from loften_app.reports.documents import ReportKind, ReportRequest, write_report  # noqa: E402
from loften_app.reports.exports import SHEETS, ExportFormat, export  # noqa: E402
from loften_app.reports.pdf import render_quarterly  # noqa: E402
from loften_app.reports.quarterly import quarterly_report  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402
from loften_app.storage.services.report_queries import ReportQueries  # noqa: E402

ACTIVITY_TABLES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")

SHEET_QUERIES = {sheet.key: sheet.query for sheet in SHEETS}


def timed(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--quarter", default="2018-Q3")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-export", action="store_true", help="leave the XLSX export out")
    args = parser.parse_args()
    quarter = parse_period(args.quarter)
    ensure_database(args.db, quarter.start.year)
    today = dt.date(quarter.end.year + 1, 1, 15)
    out_dir = Path(tempfile.mkdtemp(prefix="loften-bench-reports-"))
    with open_database(args.db, create=False) as database:
        services = Services.build(database, ACTOR)
        with database.engine.connect() as connection:
            records = sum(
                connection.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                for t in ACTIVITY_TABLES
            )
        quarterly = ReportRequest(ReportKind.QUARTERLY, quarter=quarter)
        follow_up = ReportRequest(ReportKind.FOLLOW_UP)
        report = quarterly_report(services, quarter, made_by="benchmark", today=today)
        render_quarterly(report)  # warm up ReportLab and the file cache

        def baseline() -> None:
            raw_aggregate(args.db, quarter.start.isoformat(), quarter.end.isoformat())
            render_quarterly(report)

        def make(request: ReportRequest, name: str) -> None:
            write_report(services, request, out_dir / name, made_by="benchmark", today=today)

        def make_cold(request: ReportRequest, name: str) -> None:
            # Fresh services: an empty figure cache, as right after opening the file.
            fresh = Services.build(database, ACTOR)
            write_report(fresh, request, out_dir / name, made_by="benchmark", today=today)

        cold_time = timed(lambda: make_cold(quarterly, "q.pdf"), args.runs)
        make(quarterly, "q.pdf")
        q_time = timed(lambda: make(quarterly, "q.pdf"), args.runs)
        base_time = timed(baseline, args.runs)
        make(follow_up, "f.pdf")
        f_time = timed(lambda: make(follow_up, "f.pdf"), args.runs)
        f_cold = timed(lambda: make_cold(follow_up, "f.pdf"), args.runs)

        if args.no_export:
            exported, x_time = 0, 0.0
        else:
            exported, x_time = measure_export(database, services, quarter, out_dir)

    for label, seconds in (
        ("cold (fresh services: the stored totals read, nothing cached)", cold_time),
        ("warm (the answer cached, as after the overview)", q_time),
    ):
        ratio = seconds / base_time
        ok = "MET" if seconds < 1 and ratio <= 2 else "NOT MET"
        print(
            f"quarterly report {quarter.label} on {records:,} records, {label}: "
            f"{seconds * 1000:.0f} ms | raw SQL aggregate + ReportLab rendering the same tables: "
            f"{base_time * 1000:.0f} ms | ratio {ratio:.2f} (goal < 1 s and <= 2) {ok}"
        )
    for label, seconds in (("cold", f_cold), ("warm", f_time)):
        ok = "MET" if seconds < 2 else "NOT MET"
        print(
            f"follow-up of the whole agreement, {label}: {seconds * 1000:.0f} ms (goal < 2 s) {ok}"
        )
    if exported:
        print(
            f"XLSX export of {quarter.label}: {exported:,} activity records in {x_time:.1f} s, "
            f"{exported / x_time:,.0f} records/s (child rows and registers included in the file)"
        )


def measure_export(
    database: Any, services: Services, quarter: Any, out_dir: Path
) -> tuple[int, float]:
    """Records in the quarter's export and the seconds the XLSX export takes."""
    exported = sum(
        ReportQueries(database).export_count(SHEET_QUERIES[name], period=quarter)
        for name in ACTIVITY_TABLES
    )
    began = time.perf_counter()
    export(services, ExportFormat.XLSX, out_dir / "e.xlsx", period=quarter)
    return exported, time.perf_counter() - began


if __name__ == "__main__":
    main()
