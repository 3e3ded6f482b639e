"""Crash safety: a process saving records is killed with SIGKILL at random moments, many
times; after each kill the file passes the integrity check and every save the process had
reported as done is there, with its audit line."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loften_app.storage.database import open_database

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 30


@pytest.mark.slow
def test_saves_survive_sigkill_at_random_moments(tmp_path: Path) -> None:
    path = tmp_path / "krock.db"
    open_database(path).close()
    rng = random.Random(20180601)
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    assert worker.stdin is not None and worker.stdout is not None
    reported: set[str] = set()
    try:
        for round_ in range(KILLS):
            worker.stdin.write(b"go\n")
            worker.stdin.flush()
            line = worker.stdout.readline()
            assert line.startswith(b"PID "), line
            pid = int(line.split()[1])
            # Every third child is killed at a random moment from its start (opening the file
            # included); the others once they have saved a random number of records, at a random
            # moment of the saves after that. Counting saves instead of waiting a fixed time
            # keeps the kills among the saves however slow the machine is.
            saves_first = 0 if round_ % 3 == 0 else rng.randint(1, 3)
            for _ in range(saves_first):
                line = worker.stdout.readline()
                assert line.endswith(b"\n") and line != b"EXIT\n", line
                reported.add(line.strip().decode())
            time.sleep(rng.uniform(0.0, 0.05 if saves_first else 0.25))
            os.kill(pid, signal.SIGKILL)
            while (line := worker.stdout.readline()) != b"EXIT\n":
                assert line, "the worker ended"
                if line.endswith(b"\n"):  # a line cut by the kill was never reported
                    reported.add(line.strip().decode())
            check(path, reported)
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)


def check(path: Path, reported: set[str]) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        places = {row[0] for row in connection.execute("SELECT id FROM place")}
        audited = dict(
            connection.execute(
                "SELECT record_id, count(*) FROM audit_entry WHERE action = 'add' "
                "GROUP BY record_id"
            ).fetchall()
        )
    assert reported <= places, "a save reported as done is missing"
    assert set(audited) == places, "a record without its audit line, or the other way round"
    assert all(count == 1 for count in audited.values())
