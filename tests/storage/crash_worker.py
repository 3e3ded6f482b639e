"""A process for the crash tests: imports Löften once, then for every line on stdin forks a
child that saves records into the database in a loop and prints each id (one `os.write` per
line) once its save has returned. The test kills the child with SIGKILL; this process reports
`PID n` when a child starts and `EXIT` when it is gone.

Usage: python crash_worker.py DATABASE
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor, PlaceData
from loften_app.storage.database import open_database
from loften_app.storage.services import Services


def save_forever(path: Path) -> None:
    with open_database(path) as database:
        services = Services.build(database, Actor("krocktest", Organisation.POLICE))
        number = 0
        while True:
            number += 1
            stored = services.places.add(
                data=PlaceData(name=f"Plats {os.getpid()}-{number}", description="x" * 200)
            )
            os.write(1, f"{stored.id}\n".encode())


def main() -> None:
    path = Path(sys.argv[1])
    for _command in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(path)
            finally:
                os._exit(1)
        os.write(1, f"PID {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, b"EXIT\n")


if __name__ == "__main__":
    main()
