"""A write that finds the file locked by another process is retried for a while (the busy
timeout), succeeds when the lock goes in time, and otherwise fails with a clear Swedish
message and nothing written."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from loften_app.domain.records import PlaceData
from loften_app.storage import database as database_module
from loften_app.storage.database import open_database
from loften_app.storage.errors import DatabaseLockedError
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY


def place_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM place").fetchone()
    return int(count)


def test_a_lock_released_in_time_is_waited_for(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 5000)
    with open_database(db_path) as db:
        services = Services.build(db, MUNICIPALITY)
        other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO meta (key, value) VALUES ('test', 'x')")
        release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
        release.start()
        try:
            stored = services.places.add(data=PlaceData(name="Väntade på låset"))
        finally:
            release.join()
            other.close()
        assert services.places.get(id=stored.id).data.name == "Väntade på låset"


def test_a_lock_held_too_long_gives_a_swedish_message_and_saves_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    with open_database(db_path) as db:
        services = Services.build(db, MUNICIPALITY)
        before = place_count(db_path)
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(DatabaseLockedError) as caught:
                services.places.add(data=PlaceData(name="Kom inte in"))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert "används just nu" in caught.value.message
        assert "Inget har sparats" in caught.value.message
        assert place_count(db_path) == before
        services.places.add(data=PlaceData(name="Nu går det"))
        assert place_count(db_path) == before + 1
