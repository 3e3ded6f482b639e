"""Storage benchmark: bulk loading demo data, and saving one patrol into a large database.

Run from the project root:

    .venv/bin/python benchmarks/bench_storage.py                   # about 1,000,000 records
    .venv/bin/python benchmarks/bench_storage.py --records 20000   # a quick check

A record is an activity (patrol, safety walk, volunteer deployment, drug case, other activity);
its child rows (shop visits, place links, observations, actions) come on top.

Each figure is printed with a bare-sqlite3 baseline measured in the same run, and the ratio
against the goal (see benchmarks/README.md). Nothing here asserts: the numbers are for people.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# LOFTEN_BENCH_SRC=DIR runs the package from another source tree (an older commit unpacked with
# `git archive COMMIT src | tar -x -C /tmp/before`, then LOFTEN_BENCH_SRC=/tmp/before/src).
sys.path.insert(0, os.environ.get("LOFTEN_BENCH_SRC", str(ROOT / "src")))

from loften_app.domain.enums import Organisation, PatrolMode, PromiseType  # noqa: E402
from loften_app.domain.records import Actor, PatrolData, ShopVisitData  # noqa: E402
from loften_app.storage import totals  # noqa: E402
from loften_app.storage.database import BUSY_TIMEOUT_MS, open_database  # noqa: E402
from loften_app.storage.demo.common import DemoOptions  # noqa: E402
from loften_app.storage.demo.fill import fill_demo_data  # noqa: E402
from loften_app.storage.models import Base  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402

YEAR = 2018
ACTOR = Actor("kommunpolis (benchmark)", Organisation.POLICE)
BULK_GOAL = 1 / 3  # at least a third of the raw executemany rate
SAVE_GOAL = 6.0  # at most six times the raw insert-and-commit time (issue 20)
#: The top-level records that `--records` counts (their child rows come on top).
ACTIVITY_TABLES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")


def random_id() -> str:
    """A random (version 4) UUID as text: the raw baselines' id, as every earlier figure had."""
    return str(uuid.uuid4())


def time_ordered_id() -> str:
    """A time-ordered (version 7) UUID as text, made as bare as `random_id`: 48 bits of Unix
    milliseconds, then random bits (Löften's own ids since the "qsave" branch, whatever the
    tree measured makes)."""
    raw = bytearray((time.time_ns() // 1_000_000).to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def raw_connection(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the pragmas Löften's own connections use."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def table_names() -> list[str]:
    """Every data table, parents before children."""
    return [table.name for table in Base.metadata.sorted_tables]


def count_rows(path: Path, tables: Iterable[str]) -> int:
    with contextlib.closing(raw_connection(path)) as connection:
        return sum(
            connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables
        )


def fill(path: Path, scale: int) -> float:
    """Seconds `fill_demo_data` takes at `scale` on a new file (opening it not included)."""
    with open_database(path) as database:
        start = time.perf_counter()
        fill_demo_data(database, ACTOR, DemoOptions(year=YEAR, scale=scale))
        return time.perf_counter() - start


def scale_for(records: int, workdir: Path) -> tuple[int, float]:
    """The scale that gives about `records` activity records, and the records per unit of
    scale (measured on two small files)."""
    counts = []
    for scale in (1, 3):
        path = workdir / f"probe-{scale}.db"
        fill(path, scale)
        counts.append(count_rows(path, ACTIVITY_TABLES))
    per_unit = (counts[1] - counts[0]) / 2
    fixed = counts[0] - per_unit
    return max(1, round((records - fixed) / per_unit)), per_unit


def raw_executemany(source: Path, target: Path) -> tuple[int, float]:
    """Copy every row of `source` into a new file with the same schema by `executemany`, one
    transaction; returns the row count and the seconds the inserts and the commit took (reading
    the rows, one table at a time, is not timed)."""
    open_database(target).close()  # the same schema, created by the application
    rows = 0
    seconds = 0.0
    with (
        contextlib.closing(raw_connection(source)) as reader,
        contextlib.closing(raw_connection(target)) as writer,
    ):
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM meta")  # open_database wrote this file's own installation id
        for name in table_names():
            cursor = reader.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            columns = [description[0] for description in cursor.description]
            table_rows = cursor.fetchall()
            names = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("?" for _ in columns)
            start = time.perf_counter()
            writer.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', table_rows)
            seconds += time.perf_counter() - start
            rows += len(table_rows)
            del table_rows
        start = time.perf_counter()
        writer.execute("COMMIT")
        seconds += time.perf_counter() - start
    return rows, seconds


def one_patrol(services: Services) -> PatrolData:
    agreement = services.agreements.current()
    assert agreement is not None
    promise = next(
        p
        for p in services.promises.for_agreement(agreement.id)
        if p.data.type is PromiseType.PATROL
    )
    places = services.places.list_page(limit=2, sort="name", descending=False).items
    shops = services.shops.list_page(limit=3, sort="name", descending=False).items
    return PatrolData(
        promise_id=promise.id,
        date=dt.date(YEAR, 11, 16),
        start_time=dt.time(21, 0),
        end_time=dt.time(2, 0),
        place_ids=tuple(place.id for place in places),
        mode=PatrolMode.FOOT,
        officers=2,
        shop_visits=tuple(
            ShopVisitData(shop_id=shop.id, note="Lugnt i butiken.") for shop in shops
        ),
        disturbances=1,
        notes="Benchmark",
    )


def timed_runs(action: Iterator[None], runs: int) -> float:
    """Median seconds of one step of `action` over `runs` steps (after a short warm-up)."""
    for _ in range(5):
        next(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        next(action)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


#: Steps of one action timed before the next action takes its turn (`timed_in_turns`), and the
#: steps it takes untimed first at each turn.
TURN = 500
TURN_WARM_UP = 50


def timed_in_turns(actions: Sequence[Iterator[None]], runs: int) -> list[float]:
    """Median seconds of one step of each action over `runs` steps, the actions taking turns
    `TURN` timed steps at a time: a machine that slows down or speeds up during the run (other
    work, its page cache trimmed) does so for every action alike, so their ratios hold. Each
    turn begins with `TURN_WARM_UP` untimed steps: another connection's commits have emptied
    the action's page cache, and the B-trees' upper pages are read again first."""
    times: list[list[float]] = [[] for _ in actions]
    done = 0
    while done < runs:
        steps = min(TURN, runs - done)
        for action, timed in zip(actions, times, strict=True):
            for _ in range(TURN_WARM_UP):
                next(action)
            for _ in range(steps):
                start = time.perf_counter()
                next(action)
                timed.append(time.perf_counter() - start)
        done += steps
    return [statistics.median(timed) for timed in times]


def service_saves(services: Services, data: PatrolData) -> Iterator[None]:
    while True:
        services.patrols.add(data=data)
        yield


def raw_saves(path: Path, data: PatrolData, ids: Callable[[], str] = random_id) -> Iterator[None]:
    """Insert and commit one patrol row with bare sqlite3 (the same values, a new id each, made
    by `ids`)."""
    now = dt.datetime(2018, 11, 17, 8, 0).isoformat(sep=" ")
    sql = (
        "INSERT INTO patrol (id, version, organisation, created_at, created_by, updated_at, "
        "updated_by, promise_id, date, start_time, end_time, mode, officers, disturbances, "
        "visible_drug_use, notes) VALUES (?, 1, 'police', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    with contextlib.closing(raw_connection(path)) as connection:
        while True:
            values = (
                ids(),
                now,
                ACTOR.name,
                now,
                ACTOR.name,
                data.promise_id,
                data.date.isoformat(),
                data.start_time.isoformat(),
                data.end_time.isoformat(),
                data.mode.value,
                data.officers,
                data.disturbances,
                data.visible_drug_use,
                data.notes,
            )
            connection.execute("BEGIN")
            connection.execute(sql, values)
            connection.execute("COMMIT")
            yield


def raw_same_rows(
    path: Path,
    data: PatrolData,
    total_keys: Sequence[tuple[str, str, str]] = (),
    ids: Callable[[], str] = random_id,
) -> Iterator[None]:
    """Insert and commit what a save writes, with bare sqlite3: the patrol row, its 2 place links
    and 3 shop visits and one audit line (the same values, new ids each time): the floor under
    the save, which the one-row baseline does not show. With `total_keys`, also the rows of the
    stored totals that the save changes, in one upsert (adding zero: the totals stay right)."""
    now = dt.datetime(2018, 11, 17, 8, 0).isoformat(sep=" ")
    patrol = (
        "INSERT INTO patrol (id, version, organisation, created_at, created_by, updated_at, "
        "updated_by, promise_id, date, start_time, end_time, mode, officers, disturbances, "
        "visible_drug_use, notes) VALUES (?, 1, 'police', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    link = "INSERT INTO patrol_place (patrol_id, place_id, position) VALUES (?, ?, ?)"
    visit = "INSERT INTO shop_visit (id, patrol_id, shop_id, note, position) VALUES (?, ?, ?, ?, ?)"
    line = (
        "INSERT INTO audit_entry (at, actor, organisation, action, record_type, record_id, "
        "changes, note) VALUES (?, ?, 'police', 'add', 'patrol', ?, ?, NULL)"
    )
    changes = '{"notes":[null,"Benchmark"],"officers":[null,2]}'
    upsert = (
        "INSERT INTO figure_total (promise_id, month, measure, value) VALUES "
        + ", ".join(["(?, ?, ?, 0.0)"] * len(total_keys))
        + " ON CONFLICT (promise_id, month, measure) DO UPDATE SET value = figure_total.value"
        " + excluded.value"
    )
    upsert_values = [value for key in total_keys for value in key]
    with contextlib.closing(raw_connection(path)) as connection:
        while True:
            patrol_id = ids()
            values = (
                patrol_id,
                now,
                ACTOR.name,
                now,
                ACTOR.name,
                data.promise_id,
                data.date.isoformat(),
                data.start_time.isoformat(),
                data.end_time.isoformat(),
                data.mode.value,
                data.officers,
                data.disturbances,
                data.visible_drug_use,
                data.notes,
            )
            connection.execute("BEGIN")
            connection.execute(patrol, values)
            connection.executemany(
                link, [(patrol_id, place, n) for n, place in enumerate(data.place_ids)]
            )
            connection.executemany(
                visit,
                [(ids(), patrol_id, v.shop_id, v.note, n) for n, v in enumerate(data.shop_visits)],
            )
            connection.execute(line, (now, ACTOR.name, patrol_id, changes))
            if total_keys:
                connection.execute(upsert, upsert_values)
            connection.execute("COMMIT")
            yield


def verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--records", type=int, default=1_000_000, help="activity records to bulk load"
    )
    parser.add_argument("--runs", type=int, default=200, help="saves timed for the median")
    parser.add_argument("--dir", type=Path, help="keep the database files in this folder")
    parser.add_argument(
        "--db",
        type=Path,
        help="only the save figure, on this existing file (which keeps the saved patrols)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        metavar="SAVES",
        help="with --db: only the pages that SAVES saves write to the log, by table and index",
    )
    args = parser.parse_args()
    if args.db is not None and args.pages:
        print_wal_pages(args.db, args.pages)
        return
    if args.db is not None:
        save_figures(args.db, count_rows(args.db, ACTIVITY_TABLES), args.runs)
        return

    with tempfile.TemporaryDirectory(prefix="loften-bench-") as temporary:
        workdir = args.dir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        for old in workdir.glob("*.db*"):
            old.unlink()
        scale, per_unit = scale_for(args.records, workdir)
        loaded = workdir / "demo.db"
        print(f"demo data: about {per_unit:,.0f} activity records per unit of scale; scale {scale}")

        seconds = fill(loaded, scale)
        records = count_rows(loaded, ACTIVITY_TABLES)
        rows = count_rows(loaded, table_names())
        bulk_rate = rows / seconds
        raw_rows, raw_seconds = raw_executemany(loaded, workdir / "raw.db")
        assert raw_rows == rows
        raw_rate = raw_rows / raw_seconds
        ratio = bulk_rate / raw_rate
        print(
            f"loaded: {records:,} activity records, {rows:,} rows with their children and the "
            f"registers (demo-data {seconds:.1f} s, raw executemany {raw_seconds:.1f} s)"
        )
        print(
            f"bulk load: {bulk_rate:,.0f} rows/s | raw executemany: {raw_rate:,.0f} rows/s | "
            f"ratio {ratio:.2f} (goal >= {BULK_GOAL:.2f}) {verdict(ratio >= BULK_GOAL)}"
        )

        save_figures(loaded, records, args.runs)


def save_figures(loaded: Path, records: int, runs: int) -> None:
    """(b): one save into the file `loaded` of `records` activity records, against the raw
    insert of one row and of the same rows."""
    with open_database(loaded) as database:
        services = Services.build(database, ACTOR)
        data = one_patrol(services)
        one = services.patrols.add(data=data)
        with database.reading() as session:
            total_keys = sorted(totals.contribution(session, "patrol", [one.id]))
        # The save and every baseline in turns, so that each sees the machine as it is then.
        saved, raw, raw_ordered, floor, floor_ordered, floor_totals = timed_in_turns(
            [
                service_saves(services, data),
                raw_saves(loaded, data),
                raw_saves(loaded, data, time_ordered_id),
                raw_same_rows(loaded, data),
                raw_same_rows(loaded, data, ids=time_ordered_id),
                raw_same_rows(loaded, data, total_keys, time_ordered_id),
            ],
            runs,
        )
    ratio = saved / raw
    ratio_ordered = saved / raw_ordered
    print(
        f"save one patrol (2 places, 3 shop visits) among {records:,} records: "
        f"{saved * 1000:.2f} ms | "
        f"raw insert+commit of one patrol row: {raw * 1000:.3f} ms | "
        f"ratio {ratio:.1f} (goal <= {SAVE_GOAL:.0f}) {verdict(ratio <= SAVE_GOAL)}"
    )
    print(
        f"the same raw insert with a time-ordered (version 7) id: {raw_ordered * 1000:.3f} ms | "
        f"ratio {ratio_ordered:.1f} (goal <= {SAVE_GOAL:.0f}) "
        f"{verdict(ratio_ordered <= SAVE_GOAL)}"
    )
    print(
        f"the same rows as the save (patrol, 2 place links, 3 shop visits, 1 audit line) "
        f"with bare sqlite3: {floor * 1000:.3f} ms with random ids ({floor / raw:.1f} x the one "
        f"row), {floor_ordered * 1000:.3f} ms with time-ordered ids ({floor_ordered / raw:.1f} x "
        f"the one row; {floor_ordered / raw_ordered:.1f} x its time-ordered one; the save is "
        f"{saved / floor_ordered:.1f} x this)"
    )
    print(
        f"and the {len(total_keys)} rows of the stored totals the save changes, in one upsert "
        f"(time-ordered ids): {floor_totals * 1000:.3f} ms ({floor_totals / raw:.1f} x the one "
        f"row; the save is {saved / floor_totals:.1f} x this)"
    )


def wal_frames(path: Path) -> list[int]:
    """The page number of each frame in the write-ahead log of `path` (in its frame header)."""
    log = Path(f"{path}-wal").read_bytes()
    page_size = int.from_bytes(log[8:12], "big")
    frame = 24 + page_size
    return [
        int.from_bytes(log[offset : offset + 4], "big")
        for offset in range(32, len(log) - frame + 1, frame)
    ]


def print_wal_pages(path: Path, saves: int) -> None:
    """The pages one save writes to the write-ahead log (what its commit writes), by table and
    index: the log emptied by a checkpoint after a few saves, then `saves` saves (few enough
    that no checkpoint starts the log again: about 30), each frame's page looked up in SQLite's
    `dbstat` table. Beside it the same for the raw insert of one patrol row."""
    with open_database(path) as database:
        services = Services.build(database, ACTOR)
        data = one_patrol(services)
        for _ in range(10):
            services.patrols.add(data=data)
        database.close()  # its connections idle: the checkpoint below empties the log
        for label, steps in (
            ("save one patrol", service_saves(services, data)),
            ("raw insert, time-ordered id", raw_saves(path, data, time_ordered_id)),
        ):
            with contextlib.closing(raw_connection(path)) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for _ in range(saves):
                next(steps)
            frames = wal_frames(path)
            steps.close()
            database.close()
            print(f"{label}: {len(frames) / saves:.1f} pages written a save ({saves} saves)")
            for name, count in pages_by_owner(path, frames).most_common():
                print(f"  {count / saves:5.2f}  {name}")


def pages_by_owner(path: Path, frames: Sequence[int]) -> collections.Counter[str]:
    """How many of `frames` (page numbers) belong to each table and index (`dbstat`); page 1
    is the file's header, a page of no table or index one of its free list."""
    wanted = set(frames)
    owner = {1: "page 1 (the header: the file's size, the free list)"}
    with contextlib.closing(raw_connection(path)) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')"
            )
        ]
        for name in names:
            for (page,) in connection.execute("SELECT pageno FROM dbstat WHERE name = ?", (name,)):
                if page in wanted:
                    owner[page] = name
    return collections.Counter(owner.get(page, "the free list") for page in frames)


if __name__ == "__main__":
    main()
