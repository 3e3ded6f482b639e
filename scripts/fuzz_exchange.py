"""Optional coverage-guided fuzzing of the package reader with atheris (not a test dependency).

    .venv/bin/pip install atheris
    .venv/bin/python scripts/fuzz_exchange.py -atheris_runs=100000 [corpus folder]

Starts from a valid package (made once from the template in a temporary folder). Every input
must end in a checked package or a `PackageError`; anything else is a crash that atheris
reports with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from loften_app.storage.exchange import PackageError, read_package_from
    from loften_app.storage.exchange.package import Limits

LIMITS = Limits(records_bytes=200_000, photo_bytes=5_000, photos_total_bytes=20_000, members=50)


def seed_package() -> bytes:
    from loften_app.domain.enums import Organisation
    from loften_app.domain.records import Actor
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import export_changes
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template

    folder = Path(tempfile.mkdtemp(prefix="loften-atheris-"))
    with open_database(folder / "seed.db") as database:
        services = Services.build(database, Actor("fuzz", Organisation.MUNICIPALITY))
        apply_template(services, "filipstad-2017-2018")
        export_changes(services, folder / "seed.loften", photo_dir=None)
    return (folder / "seed.loften").read_bytes()


def test_one_input(data: bytes) -> None:
    with contextlib.suppress(PackageError):
        read_package_from(data, limits=LIMITS)


def main() -> None:
    args = list(sys.argv)
    corpus = [a for a in args[1:] if not a.startswith("-")]
    if not corpus:
        folder = Path(tempfile.mkdtemp(prefix="loften-atheris-corpus-"))
        (folder / "seed.loften").write_bytes(seed_package())
        args.append(str(folder))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
