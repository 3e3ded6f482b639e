"""`Database.saving()` on a file: the driver's own transaction on a connection that each thread
keeps for its saves; and the ids a save makes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from loften_app.storage.database import open_database
from loften_app.storage.rows import driver_connection
from loften_app.storage.services import base
from loften_app.storage.services.base import new_id


def _notes(path: Path) -> list[str]:
    with open_database(path) as db, db.reading() as session:
        cursor = driver_connection(session).cursor()
        rows = cursor.execute("SELECT value FROM meta WHERE key LIKE 'test-%' ORDER BY key")
        return [row[0] for row in rows]


def _write(session: object, key: str) -> None:
    driver_connection(session).execute(  # type: ignore[arg-type]
        "INSERT INTO meta (key, value) VALUES (?, ?)", (key, key)
    )


def _open_files(path: Path) -> int:
    """How many of this process's file descriptors point at `path`."""
    target = path.resolve()
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if Path(os.readlink(f"/proc/self/fd/{fd}")) == target:
                count += 1
        except OSError:
            continue
    return count


def test_a_failed_save_writes_nothing_and_the_next_save_on_the_thread_commits(
    db_path: Path,
) -> None:
    with open_database(db_path) as db:
        with pytest.raises(RuntimeError), db.saving() as session:
            _write(session, "test-1")
            raise RuntimeError("the save fails half-way")
        with db.saving() as session:
            _write(session, "test-2")
        with db.saving() as session:
            _write(session, "test-3")
    assert _notes(db_path) == ["test-2", "test-3"]


def test_saves_from_two_threads_both_commit_and_close_lets_the_file_go(db_path: Path) -> None:
    with open_database(db_path) as db:
        with db.saving() as session:
            _write(session, "test-main")
        errors: list[BaseException] = []

        def other() -> None:
            try:
                with db.saving() as session:
                    _write(session, "test-thread")
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
        assert errors == []
        assert _open_files(db_path) > 0
    assert _open_files(db_path) == 0
    assert _notes(db_path) == ["test-main", "test-thread"]


def test_the_connection_of_a_thread_that_has_ended_is_closed_when_another_saver_is_made(
    db_path: Path,
) -> None:
    with open_database(db_path) as db:

        def save(key: str) -> None:
            with db.saving() as session:
                _write(session, key)

        for number in range(5):  # five helper threads one after the other, as a pool's may be
            worker = threading.Thread(target=save, args=(f"test-{number}",))
            worker.start()
            worker.join()
        open_before = _open_files(db_path)  # the last helper's connection, its thread ended
        save("test-main")
        # Each helper's connection was closed when the next saver was made: only the main
        # thread's is kept, in place of the last helper's.
        assert len(db._kept) == 1
        assert _open_files(db_path) == open_before
    assert _notes(db_path) == [f"test-{n}" for n in range(5)] + ["test-main"]


def test_a_database_closed_and_saved_to_again_opens_a_fresh_connection(db_path: Path) -> None:
    db = open_database(db_path)
    with db.saving() as session:
        _write(session, "test-a")
    db.close()
    with db.saving() as session:
        _write(session, "test-b")
    db.close()
    assert _notes(db_path) == ["test-a", "test-b"]


def test_new_ids_are_distinct_version_7_uuids_and_a_child_process_makes_its_own() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.write(write, new_id().encode())
        os._exit(0)
    os.waitpid(child, 0)
    from_child = os.read(read, 100).decode()
    os.close(read)
    os.close(write)
    assert from_child != new_id()
    assert uuid.UUID(from_child).version == 7


def _milliseconds(text: str) -> int:
    """The Unix time in milliseconds that a version 7 UUID carries (its first 48 bits)."""
    return uuid.UUID(text).int >> 80


def test_new_ids_sort_in_the_order_they_were_made_across_milliseconds() -> None:
    made: list[str] = []
    start = time.time_ns() // 1_000_000
    while len({_milliseconds(text) for text in made}) < 5:  # ids of at least five milliseconds
        made.extend(new_id() for _ in range(50))
        time.sleep(0.001)
    end = time.time_ns() // 1_000_000
    assert sorted(made) == made
    assert len(set(made)) == len(made)
    assert start <= _milliseconds(made[0]) <= _milliseconds(made[-1]) <= end
    # Each id's random part is random: the last 62 bits differ between ids of one millisecond.
    assert len({uuid.UUID(text).int & ((1 << 62) - 1) for text in made}) == len(made)


def test_new_ids_keep_growing_when_the_clock_stands_still_or_goes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [1_800_000_000_000 * 1_000_000]
    monkeypatch.setattr(base, "_time_ns", lambda: now[0])
    monkeypatch.setattr(base, "_ids", base._Ids())  # as in a new process (restored after)
    made = [new_id() for _ in range(300)]  # one millisecond
    now[0] -= 5_000 * 1_000_000  # the clock set back five seconds
    made += [new_id() for _ in range(300)]
    now[0] += 60_000 * 1_000_000
    made += [new_id() for _ in range(10)]
    assert sorted(made) == made
    assert len(set(made)) == len(made)
    assert all(uuid.UUID(text).version == 7 for text in made)
    assert _milliseconds(made[0]) == 1_800_000_000_000
    assert _milliseconds(made[-1]) == 1_800_000_055_000


def test_new_ids_made_by_threads_at_once_are_distinct() -> None:
    made: list[list[str]] = [[] for _ in range(4)]

    def make(into: list[str]) -> None:
        into.extend(new_id() for _ in range(3000))

    threads = [threading.Thread(target=make, args=(into,)) for into in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [text for into in made for text in into]
    assert len(set(every)) == len(every)
    for into in made:
        assert sorted(into) == into


def test_the_services_import_where_there_is_no_fork() -> None:
    # Windows has no `os.register_at_fork` (the Windows build's PyInstaller run showed it).
    # The standard library's own users of it (random, logging) are imported first, as on a
    # system that has it; then it goes, as on Windows, and the services are imported.
    code = (
        "import os, random, logging, sqlalchemy.orm; del os.register_at_fork; "
        "from loften_app.storage.services.base import new_id; print(new_id())"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert uuid.UUID(done.stdout.strip()).version == 7


def test_replaced_is_dataclasses_replace_for_the_record_data_classes() -> None:
    from dataclasses import FrozenInstanceError, replace

    from loften_app.domain.records import ShopVisitData

    visit = ShopVisitData(shop_id="s", note="n")
    copy = base.replaced(visit, id="v")
    assert copy == replace(visit, id="v")
    assert copy is not visit
    assert visit.id != "v"
    with pytest.raises(FrozenInstanceError):
        copy.note = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):  # not a field: refused as dataclasses.replace refuses it
        base.replaced(visit, colour="red")


def test_replaced_runs_init_again_for_a_class_that_keeps_more_than_its_fields() -> None:
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class Derived:
        value: int
        doubled: int = field(init=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "doubled", self.value * 2)

    @dataclass
    class Extra:
        value: int

    assert base.replaced(Derived(1), value=5).doubled == 10
    extra = Extra(1)
    extra.cache = "stale"  # type: ignore[attr-defined]
    assert not hasattr(base.replaced(extra, value=2), "cache")
