"""PostgreSQL server benchmark: saving one activity, 20 clients saving at once, and every target
status for a year on a million records, each against raw psycopg doing the bare work in the same
run, on the same server.

Run from the project root (it starts its own server on loopback with tests/pg_server.py, as the
tests do; that server runs with fsync off, which flatters both sides alike):

    .venv/bin/python benchmarks/bench_server.py                        # everything (~10 min)
    .venv/bin/python benchmarks/bench_server.py --status-scale 0       # no million records
    .venv/bin/python benchmarks/bench_server.py --clients 0            # no load figure
    LOFTEN_BENCH_SRC=/tmp/main/src .venv/bin/python benchmarks/bench_server.py  # another tree
    .venv/bin/python benchmarks/bench_server.py --status-scale 0 --floor  # and the floor

`--floor` runs the load figure a second time with the statements of one save (recorded from
the client's psycopg cursors) replayed with bare psycopg, new ids each time, in a transaction
or in autocommit as the save sent them: the same round trips, values and server work without
any of Löften's work on the client.

Goals (issue 19): one save at most 10 times a raw psycopg insert and commit of one row; 20
clients saving at once at least a third of the saves per second of the same clients doing raw
inserts; the status for a year on 1,000,000 records at most 2 times the raw SQL aggregate
(bench_status.py's queries). Saves are made as a police user (`server init`, `add-user`), so
the server's own triggers (who saved, the drug case's parts) run on both sides.
Nothing here asserts: the numbers are for people.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import itertools
import multiprocessing
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
# LOFTEN_BENCH_SRC=DIR runs the package from another source tree (an older commit unpacked with
# `git archive COMMIT | tar -x -C DIR/..`, resources included), the clients too; imported here,
# before bench_status puts this tree's src first.
sys.path.insert(0, os.environ.get("LOFTEN_BENCH_SRC", str(ROOT / "src")))
import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from tests.pg_server import running_server  # noqa: E402

import loften_app  # noqa: E402,F401
from bench_status import RAW_QUERIES, ensure_targets  # noqa: E402
from bench_storage import ACTOR, one_patrol, service_saves, timed_runs, verdict  # noqa: E402
from loften_app.domain.periods import year  # noqa: E402
from loften_app.domain.records import PatrolData  # noqa: E402
from loften_app.reports.tracking import status_report  # noqa: E402
from loften_app.storage import totals  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.demo.common import DemoOptions  # noqa: E402
from loften_app.storage.demo.fill import fill_demo_data  # noqa: E402
from loften_app.storage.models import Base  # noqa: E402
from loften_app.storage.server import create_user, init_server  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402

YEAR = 2018
USER = "bench_police"
#: The demo file copied into the server for the status figure (made once, kept).
STATUS_DIR = Path("/tmp/loften-bench-save")
#: Tables the copy leaves out: the server database has its own bookkeeping.
NOT_COPIED = ("meta", "alembic_version", "audit_entry", "figure_total", "figure_total_change")

RAW_INSERT = (
    "INSERT INTO patrol (id, version, organisation, created_at, created_by, updated_at, "
    "updated_by, promise_id, date, start_time, end_time, mode, officers, disturbances, "
    "visible_drug_use, notes) VALUES "
    "(%s, 1, 'police', %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def as_user(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def raw_values(data: PatrolData) -> tuple[Any, ...]:
    now = dt.datetime(2018, 11, 17, 8, 0, tzinfo=dt.UTC)
    return (
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
    )


def raw_saves(url: str, data: PatrolData) -> Iterator[None]:
    """Insert and commit one patrol row with bare psycopg (the same values, a new id each)."""
    with psycopg.connect(url) as connection:
        while True:
            connection.execute(RAW_INSERT, raw_values(data))
            connection.commit()
            yield


def raw_aggregate(url: str, start: dt.date, end: dt.date) -> None:
    with psycopg.connect(url) as connection:
        for sql in RAW_QUERIES:
            pg_sql = sql.replace(":a", "%(a)s").replace(":b", "%(b)s")
            connection.execute(pg_sql, {"a": start, "b": end}).fetchall()


#: One save's statements as its client sent them: (whether through a ClientCursor, the SQL,
#: the values), the ids that are new in each save, and whether they were sent in autocommit
#: (each statement its own transaction: a save of one statement) rather than in a transaction.
Script = tuple[list[tuple[bool, str, list[Any] | None]], frozenset[str], bool]
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def captured_save(services: Services, data: PatrolData) -> Script:
    """The statements that `services.patrols.add(data=data)` sends (psycopg's implicit BEGIN
    aside), recorded from two saves: the ids that differ between them are the new ones."""

    autocommit: list[bool] = []

    def record(seen: list[Any]) -> list[tuple[bool, str, list[Any] | None]]:
        original = psycopg.Cursor.execute

        def execute(self: Any, query: Any, params: Any = None, **kwargs: Any) -> Any:
            values = None if params is None else list(params)
            seen.append((isinstance(self, psycopg.ClientCursor), str(query), values))
            autocommit.append(bool(self.connection.autocommit))
            return original(self, query, params, **kwargs)

        psycopg.Cursor.execute = execute  # type: ignore[method-assign]
        # A tree whose saves send statements with libpq's own calls (`server.prepared.run`,
        # on a connection in autocommit): those are recorded too.
        try:
            prepared: Any = importlib.import_module("loften_app.storage.server.prepared")
        except ModuleNotFoundError:  # an older tree
            prepared = None
        run = getattr(prepared, "run", None)
        if prepared is not None and run is not None:

            def recorded_run(connection: Any, sql: str, values: Any) -> Any:
                seen.append((False, sql, list(values)))
                autocommit.append(bool(connection.autocommit))
                return run(connection, sql, values)

            prepared.run = recorded_run
        try:
            services.patrols.add(data=data)
        finally:
            psycopg.Cursor.execute = original  # type: ignore[method-assign]
            if prepared is not None and run is not None:
                prepared.run = run
        return seen

    # No fold of the totals' changes (every FOLD_EVERY-th write) among the two saves recorded.
    totals._writes = itertools.count(1)  # type: ignore[attr-defined]
    first, second = record([]), record([])
    fresh = {
        b
        for (_, _, one), (_, _, two) in zip(first, second, strict=True)
        for a, b in zip(one or [], two or [], strict=True)
        if isinstance(b, str) and _UUID.match(b) and a != b
    }
    return second, frozenset(fresh), all(autocommit)


def replayed_saves(url: str, script: Script) -> Iterator[None]:
    """`script` sent with bare psycopg in a transaction of the save's isolation level, new ids
    each time: a save's protocol and server work without any of Löften's work on the client."""
    statements, fresh, autocommit = script
    with psycopg.connect(url, autocommit=autocommit) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        while True:
            new = {old: str(uuid.uuid4()) for old in fresh}
            for client_side, sql, values in statements:
                params = None if values is None else [new.get(v, v) for v in values]
                cursor = psycopg.ClientCursor(connection) if client_side else connection.cursor()
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
            connection.commit()
            yield


def cpu_per_step(action: Iterator[None], runs: int) -> float:
    """This process's CPU seconds per step of `action` (mean of `runs`)."""
    began = time.process_time()
    for _ in range(runs):
        next(action)
    return (time.process_time() - began) / runs


# --- 20 clients at once ----------------------------------------------------------------------


def client(
    url: str,
    seconds: float,
    rounds: int,
    barrier: Any,
    results: Any,
    *,
    replay: Script | None = None,
) -> None:
    """One client process: saves patrols through Löften and inserts raw rows in turns, each
    turn `seconds` long and begun by every client at once (`barrier`, which the parent passes
    too), `rounds` of each; puts its counts of acknowledged saves and raw inserts in
    `results`. With `replay`, the saves are that script of a save's statements sent with bare
    psycopg (`replayed_saves`) instead."""
    with open_database(url) as database:
        services = Services.build(database, ACTOR)
        data = one_patrol(services)
        saves = service_saves(services, data) if replay is None else replayed_saves(url, replay)
        steps = {False: saves, True: raw_saves(url, data)}
        counts = {False: 0, True: 0}
        for raw in (False, True):
            next(steps[raw])  # connected and warm
        for _round in range(rounds):
            for raw in (False, True):
                barrier.wait()
                end = time.monotonic() + seconds
                count = 0
                while time.monotonic() < end:
                    next(steps[raw])
                    count += 1
                counts[raw] += count
        barrier.wait()  # the last turn is over
        results.put((counts[False], counts[True]))


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_times(pids: list[int] | None = None, parent: int | None = None) -> dict[int, float]:
    """CPU seconds (user and system) used so far by the processes `pids`, or by every child of
    `parent` (a PostgreSQL server's processes), by pid."""
    if pids is None:
        pids = [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]
    out: dict[int, float] = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rfind(")") + 2 :].split()
            if parent is None or int(fields[1]) == parent:
                out[pid] = (int(fields[11]) + int(fields[12])) / _TICK
    return out


def machine_busy() -> float:
    """CPU seconds that every CPU of the machine has spent busy so far (/proc/stat)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _TICK


def load_average() -> float:
    """The machine's one-minute load average."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two `cpu_times` by the processes in both."""
    return sum(after[pid] - before[pid] for pid in after.keys() & before.keys())


class Load:
    """The load figure: operations per second in total and CPU per operation (the clients' and
    the server's), of saves and of raw inserts."""

    def __init__(self) -> None:
        self.count = {False: 0, True: 0}
        self.client_cpu = {False: 0.0, True: 0.0}
        self.server_cpu = {False: 0.0, True: 0.0}
        #: CPU seconds that other processes used meanwhile, and the seconds of the turns.
        self.other_cpu = 0.0
        self.elapsed = 0.0
        #: The one-minute load average when the turns began and when they ended.
        self.load_average = (0.0, 0.0)


def load(
    url: str,
    postmaster: int,
    clients: int,
    seconds: float,
    rounds: int,
    *,
    replay: Script | None = None,
) -> Load:
    """Saves and raw inserts of `clients` processes doing each at once for `seconds` in all, in
    `rounds` turns of each taken in alternation (whatever else the machine does meanwhile falls
    on both sides alike), with the CPU time that the clients and their server processes used in
    each turn (read from /proc; the server's are the children of its `postmaster`)."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    barrier = context.Barrier(clients + 1)
    processes = [
        context.Process(
            target=client,
            args=(url, seconds / rounds, rounds, barrier, results),
            kwargs={"replay": replay},
        )
        for _ in range(clients)
    ]
    for process in processes:
        process.start()
    figure = Load()
    barrier.wait()  # every client connected
    client_pids = [int(process.pid or 0) for process in processes]
    turn = False
    began, busy, first_load = time.monotonic(), machine_busy(), load_average()
    mark = (cpu_times(client_pids), cpu_times(parent=postmaster))
    for _turn in range(2 * rounds):
        barrier.wait()  # this turn over, the next begun
        now = (cpu_times(client_pids), cpu_times(parent=postmaster))
        figure.client_cpu[turn] += used(mark[0], now[0])
        figure.server_cpu[turn] += used(mark[1], now[1])
        mark, turn = now, not turn
    figure.elapsed = time.monotonic() - began
    ours = sum(figure.client_cpu.values()) + sum(figure.server_cpu.values())
    figure.other_cpu = max(machine_busy() - busy - ours, 0.0)
    figure.load_average = (first_load, load_average())
    counts = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    figure.count = {False: sum(c[0] for c in counts), True: sum(c[1] for c in counts)}
    return figure


def print_load(figure: Load, clients: int, seconds: float, rounds: int, what: str) -> None:
    saves, inserts = (figure.count[raw] / seconds for raw in (False, True))
    ratio = saves / inserts
    print(
        f"{clients} clients for {seconds:.0f} s ({rounds} turns of each): {saves:,.0f} {what}/s"
        f" in total | raw psycopg inserts: {inserts:,.0f}/s | ratio {ratio:.2f} (goal >= 0.33)"
        f" {verdict(ratio >= 1 / 3)}"
    )
    client_us, server_us = (
        {raw: cpu[raw] / max(figure.count[raw], 1) * 1e6 for raw in (False, True)}
        for cpu in (figure.client_cpu, figure.server_cpu)
    )
    print(
        f"CPU per save during the load: clients {client_us[False]:.0f} us + server "
        f"{server_us[False]:.0f} us | per raw insert: {client_us[True]:.0f} + "
        f"{server_us[True]:.0f} us | ratio "
        f"{(client_us[True] + server_us[True]) / (client_us[False] + server_us[False]):.2f}"
        " (the load figure on CPUs that nothing else uses)"
    )
    ours = sum(figure.client_cpu.values()) + sum(figure.server_cpu.values())
    others = figure.other_cpu / figure.elapsed
    print(
        f"during the turns ({figure.elapsed:.0f} s): the clients and the server used "
        f"{ours / figure.elapsed:.2f} CPUs, other processes {others:.2f} of the machine's "
        f"{os.cpu_count()}; load average {figure.load_average[0]:.1f} at the start, "
        f"{figure.load_average[1]:.1f} at the end"
    )


# --- a million records -----------------------------------------------------------------------


def ensure_demo_file(scale: int) -> Path:
    """A demo SQLite file of `scale` (made once with `loften demo-data`, kept in STATUS_DIR)."""
    path = STATUS_DIR / f"status-{scale}.db"
    if path.exists():
        return path
    STATUS_DIR.mkdir(parents=True, exist_ok=True)
    print(f"creating {path} with loften demo-data --scale {scale} (minutes, once)")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    command = [sys.executable, "-m", "loften_app", "demo-data", "--db", str(partial)]
    subprocess.run([*command, "--year", str(YEAR), "--scale", str(scale)], check=True)
    partial.rename(path)
    return path


def copy_into_server(source: Path, url: str) -> int:
    """Every record row of the SQLite file `source` into the (new, migrated) server database
    at `url` with COPY, parents first; returns the rows copied."""
    import sqlite3

    rows = 0
    reader = sqlite3.connect(source)
    try:
        with psycopg.connect(url) as connection:
            for table in Base.metadata.sorted_tables:
                if table.name in NOT_COPIED:
                    continue
                cursor = reader.execute(f'SELECT * FROM "{table.name}"')
                columns = ", ".join(f'"{d[0]}"' for d in cursor.description)
                with connection.cursor().copy(
                    f'COPY "{table.name}" ({columns}) FROM STDIN'
                ) as copy:
                    while batch := cursor.fetchmany(10_000):
                        for row in batch:
                            copy.write_row(row)
                        rows += len(batch)
            connection.commit()
        # COPY bypasses the services: the stored totals are recounted once, as
        # `loften check --rebuild-totals` does.
        with open_database(url) as database, database.writing() as session:
            totals.rebuild(session)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    finally:
        reader.close()
    return rows


def activity_records(url: str) -> int:
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT (SELECT count(*) FROM patrol) + (SELECT count(*) FROM safety_walk)"
            " + (SELECT count(*) FROM volunteer_deployment)"
            " + (SELECT count(*) FROM drug_case) + (SELECT count(*) FROM other_activity)"
        ).fetchone()
    return int(row[0]) if row else 0


def status_figure(url: str, runs: int) -> None:
    with open_database(url) as database:
        ensure_targets(Services.build(database, ACTOR))
        records = activity_records(url)
        period = year(YEAR)
        raw_aggregate(url, period.start, period.end)  # the pages read once, for both sides
        for run in range(runs):
            fresh = Services.build(database, ACTOR)
            began = time.perf_counter()
            status_report(fresh, period=period, today=dt.date(YEAR + 1, 1, 15))
            engine_ms = (time.perf_counter() - began) * 1000
            began = time.perf_counter()
            raw_aggregate(url, period.start, period.end)
            raw_ms = (time.perf_counter() - began) * 1000
            ratio = engine_ms / raw_ms
            print(
                f"status for {YEAR} on {records:,} records, run {run + 1}, cold (empty figure "
                f"cache): {engine_ms:.0f} ms | raw SQL aggregate: {raw_ms:.0f} ms | ratio "
                f"{ratio:.2f} (goal <= 2) {verdict(ratio <= 2)}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="demo-data scale for the saves")
    parser.add_argument("--runs", type=int, default=300, help="saves measured")
    parser.add_argument("--clients", type=int, default=20, help="clients of the load figure")
    parser.add_argument(
        "--seconds", type=float, default=15, help="length of each side of the load figure"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="turns of saving and raw inserts, alternated"
    )
    parser.add_argument(
        "--status-scale",
        type=int,
        default=4300,
        help="demo-data scale of the status figure (4300: about a million records; 0: none)",
    )
    parser.add_argument("--status-runs", type=int, default=3, help="status runs")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="the load figure again, the saves' statements replayed with bare psycopg",
    )
    args = parser.parse_args()
    with running_server() as server:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        owner_url = server.url("bench")
        with open_database(owner_url) as database:
            began = time.perf_counter()
            fill_demo_data(database, ACTOR, DemoOptions(year=YEAR, scale=args.scale))
            filled = time.perf_counter() - began
        init_server(owner_url)
        create_user(owner_url, USER, "police")
        url = as_user(owner_url, USER)
        print(f"demo data: {activity_records(url):,} activity records in {filled:.1f} s")
        with open_database(url) as database:
            services = Services.build(database, ACTOR)
            data = one_patrol(services)
            saves, raws = service_saves(services, data), raw_saves(url, data)
            save = timed_runs(saves, args.runs)
            raw = timed_runs(raws, args.runs)
            save_cpu, raw_cpu = cpu_per_step(saves, args.runs), cpu_per_step(raws, args.runs)
            script = captured_save(services, data) if args.floor else None
        ratio = save / raw
        print(
            f"save one patrol (2 places, 3 shop visits) as a police user: {save * 1000:.2f} ms"
            f" | raw psycopg insert+commit of one patrol row: {raw * 1000:.2f} ms | ratio "
            f"{ratio:.1f} (goal <= 10) {verdict(ratio <= 10)}"
        )
        print(
            f"the client's CPU per save: {save_cpu * 1e6:.0f} us | raw: {raw_cpu * 1e6:.0f} us "
            f"| ratio {save_cpu / raw_cpu:.1f} (what the load figure depends on when the clients "
            "share the server's CPUs; it varies less with the machine's load than the times)"
        )
        if args.clients:
            postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
            figure = load(url, postmaster, args.clients, args.seconds, args.rounds)
            print_load(figure, args.clients, args.seconds, args.rounds, "saves")
            if script is not None:
                print(f"the same {len(script[0])} statements replayed with bare psycopg:")
                floor = load(
                    url, postmaster, args.clients, args.seconds, args.rounds, replay=script
                )
                print_load(floor, args.clients, args.seconds, args.rounds, "replayed saves")
        if args.status_scale:
            source = ensure_demo_file(args.status_scale)
            with psycopg.connect(server.url(), autocommit=True) as admin:
                admin.execute("CREATE DATABASE status")
            status_url = server.url("status")
            open_database(status_url).close()  # the schema, by the migrations
            began = time.perf_counter()
            rows = copy_into_server(source, status_url)
            print(f"copied {rows:,} rows into the server in {time.perf_counter() - began:.0f} s")
            status_figure(status_url, args.status_runs)


if __name__ == "__main__":
    main()
