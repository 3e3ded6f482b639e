"""Twenty clients saving and editing at once on one server, for a bounded time: no
acknowledged save lost, none twice, every stale edit refused, every change in the audit trail
exactly once."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text as sa_text

WORKER = Path(__file__).with_name("load_worker.py")
CLIENTS = 20
#: Seconds of saving, after every client has started (the issue allows at most a minute).
SAVING = 8.0


@pytest.mark.slow
def test_twenty_clients_at_once(pg_url: str, tmp_path: Path) -> None:
    results = _run_clients(pg_url, tmp_path)

    added = [id_ for r in results for id_ in r["added"]]
    updates = collections.Counter(id_ for r in results for id_ in r["updated"])
    refused = sum(r["refused"] for r in results)
    with psycopg.connect(pg_url) as connection:
        rows = dict(connection.execute("SELECT id, version FROM place").fetchall())
        lines = connection.execute(
            "SELECT action, record_id, count(*) FROM audit_entry "
            "WHERE record_type = 'place' GROUP BY action, record_id"
        ).fetchall()
    # Every acknowledged add is there, once; nothing that was not acknowledged.
    assert len(added) == len(set(added)) == len(rows)
    assert set(rows) == set(added)
    # No acknowledged edit lost: each record's version counts its acknowledged edits exactly.
    for id_, version in rows.items():
        assert version == 1 + updates[id_], id_
    # The audit trail holds each change exactly once.
    audit = {(action, id_): count for action, id_, count in lines}
    assert {id_ for (action, id_) in audit if action == "add"} == set(added)
    assert all(count == 1 for (action, _), count in audit.items() if action == "add")
    assert {id_: audit.get(("update", id_), 0) for id_ in rows} == {
        id_: updates[id_] for id_ in rows
    }
    print(
        f"\n{CLIENTS} clients, {SAVING:.0f} s: {len(added)} adds, {sum(updates.values())} edits "
        f"saved, {refused} stale edits refused"
    )
    assert refused > 0  # the clients did get in each other's way


@pytest.mark.slow
def test_twenty_clients_saving_patrols_of_one_promise_and_month(
    pg_url: str, tmp_path: Path
) -> None:
    """Every save changes the same stored totals (storage/totals.py; on a server as change rows
    of its own): none is refused or lost, and the totals equal a recount."""
    from loften_app.domain.enums import PromiseType
    from loften_app.domain.records import PlaceData
    from loften_app.storage import totals
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template
    from tests.storage.conftest import MUNICIPALITY

    with open_database(pg_url) as database:
        services = Services.build(database, MUNICIPALITY)
        agreement = apply_template(services, "filipstad-2017-2018")
        promise_id = next(
            p.id
            for p in services.promises.for_agreement(agreement.id)
            if p.data.type is PromiseType.PATROL
        )
        place_id = services.places.add(data=PlaceData(name="Torget")).id
    results = _run_clients(pg_url, tmp_path, promise_id, place_id)
    added = [id_ for r in results for id_ in r["added"]]
    with open_database(pg_url) as database, database.reading() as session:
        have, want = totals.stored(session), totals.recount(session)
        rows = set(session.execute(sa_text("SELECT id FROM patrol")).scalars())
    assert len(added) == len(set(added)) and set(added) <= rows
    assert not totals.differences(have, want)
    may = {k: v for k, v in have.items() if k[:2] == (promise_id, "2018-05")}
    assert may[(promise_id, "2018-05", "patrols")] == len(added)
    print(f"\n{CLIENTS} clients, {SAVING:.0f} s: {len(added)} patrols of one promise and month")


def _run_clients(pg_url: str, tmp_path: Path, *arguments: str) -> list[dict[str, Any]]:
    """Start CLIENTS worker processes (`arguments` passed on), let them all save for SAVING
    seconds at once, and return each one's report."""
    root = Path(__file__).resolve().parents[3]
    processes = [
        subprocess.Popen(
            [sys.executable, str(WORKER), pg_url, str(n), str(tmp_path), *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        for n in range(CLIENTS)
    ]
    # Every client connected first (their imports take a while on few cores), then all at once.
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < CLIENTS:
        assert all(p.poll() is None for p in processes), "a client stopped early"
        assert time.monotonic() < deadline, "the clients did not start"
        time.sleep(0.05)
    go = tmp_path / "go.part"
    go.write_text(str(time.time() + SAVING))
    go.rename(tmp_path / "go")
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results
