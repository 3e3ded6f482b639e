"""One client of the load test (test_load.py): saves and edits places on a server database
until its end time, and prints what the server acknowledged as JSON.

Usage: python load_worker.py URL NUMBER FOLDER [PROMISE_ID PLACE_ID]
It writes FOLDER/ready-NUMBER once connected, then waits for FOLDER/go, which holds the end
time (a time.time() value). With a promise and a place it adds patrols of that promise in May 2018
instead (every client updates the same stored totals), and any refused save is an error.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError
from loften_app.domain.records import Actor, PatrolData, PlaceData
from loften_app.storage.database import open_database
from loften_app.storage.errors import DatabaseLockedError, StaleRecordError
from loften_app.storage.services import Services


def patrols(url: str, number: int, folder: Path, promise_id: str, place_id: str) -> None:
    """Add patrols of one promise and month until the end time; every save must succeed."""
    added: list[str] = []
    with open_database(url) as database:
        service = Services.build(database, Actor(f"klient{number}", Organisation.POLICE)).patrols
        service.list_page(limit=1)  # connected
        (folder / f"ready-{number}").touch()
        go = folder / "go"
        while not go.exists() or not go.read_text():
            time.sleep(0.01)
        end = float(go.read_text())
        while time.time() < end:
            data = PatrolData(
                promise_id=promise_id,
                place_ids=(place_id,),
                date=dt.date(2018, 5, 1 + number % 28),
                start_time=dt.time(22),
                end_time=dt.time(2 + len(added) % 5),
            )
            added.append(service.add(data=data).id)
    print(json.dumps({"added": added, "updated": [], "refused": 0}))


def main() -> None:
    url, number, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if len(sys.argv) > 4:
        patrols(url, number, folder, sys.argv[4], sys.argv[5])
        return
    rng = random.Random(number)
    added: list[str] = []
    updated: list[str] = []
    refused = 0
    with open_database(url) as database:
        places = Services.build(database, Actor(f"klient{number}", Organisation.POLICE)).places
        places.list_page(limit=1)  # connected
        (folder / f"ready-{number}").touch()
        go = folder / "go"
        while not go.exists() or not go.read_text():
            time.sleep(0.01)
        end = float(go.read_text())
        i = 0
        while time.time() < end:
            i += 1
            if not added or rng.random() < 0.5:
                added.append(places.add(data=PlaceData(name=f"k{number}-{i}")).id)
                continue
            # Edit a place that any client may be editing too: read, think, save.
            page = places.list_page(limit=20)
            target = rng.choice(page.items)
            time.sleep(rng.random() * 0.01)
            try:
                places.update(
                    id=target.id,
                    expected_version=target.version,
                    # The name's last few edits (a place is edited many times a second,
                    # and a name has at most 200 characters).
                    data=PlaceData(name=f"{target.data.name[-150:]}+{number}"),
                )
                updated.append(target.id)
            except (StaleRecordError, DatabaseLockedError):
                refused += 1
            except LoftenError as error:
                print(json.dumps({"error": error.message}))
                raise
    print(json.dumps({"added": added, "updated": updated, "refused": refused}))


if __name__ == "__main__":
    main()
