"""A save by anyone reaches every listening window at once (LISTEN/NOTIFY), and only a save
that commits does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from loften_app.domain.records import PlaceData
from loften_app.storage.database import open_database
from loften_app.storage.errors import StaleRecordError
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY

_SAVE_IN_ANOTHER_PROCESS = """
import sys
from loften_app.domain.records import PlaceData
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from tests.storage.conftest import POLICE
with open_database(sys.argv[1]) as database:
    Services.build(database, POLICE).places.add(data=PlaceData(name="Från en annan dator"))
"""


def test_a_save_in_another_process_is_heard_within_two_seconds(pg_url: str) -> None:
    with open_database(pg_url) as database, database.listen() as listener:  # type: ignore[attr-defined]
        assert listener.take() == []
        subprocess.run([sys.executable, "-c", _SAVE_IN_ANOTHER_PROCESS, pg_url], check=True)
        assert listener.wait(timeout=10) == ["loften_admin"]  # who saved


def test_a_failed_save_tells_nobody(pg_url: str) -> None:
    with open_database(pg_url) as database, database.listen() as listener:  # type: ignore[attr-defined]
        services = Services.build(database, MUNICIPALITY)
        place = services.places.add(data=PlaceData(name="Torget"))
        assert listener.wait(timeout=5)
        services.places.update(id=place.id, expected_version=1, data=PlaceData(name="Torg"))
        assert listener.wait(timeout=5)
        with pytest.raises(StaleRecordError):  # rolled back: nothing to tell
            services.places.update(id=place.id, expected_version=1, data=PlaceData(name="X"))
        assert listener.wait(timeout=0.5) == []
