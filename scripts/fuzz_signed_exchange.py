"""Optional coverage-guided fuzzing of the signed package reader with atheris (not a test
dependency), as scripts/fuzz_exchange.py fuzzes the unsigned reader.

    .venv/bin/pip install atheris
    .venv/bin/python scripts/fuzz_signed_exchange.py -atheris_runs=100000 [corpus folder]

Starts from a valid signed package of a paired installation (made once from the template in a
temporary folder). Every input goes through `trust.open_trusted` (signature, pairing, then the
whole reader with small limits); it must end in a checked package or a `PackageError`. Almost
every mutation breaks the signature, so the interesting inputs are the ones that reach the zip
and manifest parsing of `signing.verify_signature` before it. tests/storage/exchange/test_signed.py
runs a seeded random-damage variant of this as a test.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports():
    from loften_app.storage.exchange import PackageError
    from loften_app.storage.exchange.package import Limits
    from loften_app.storage.exchange.trust import open_trusted

LIMITS = Limits(records_bytes=200_000, photo_bytes=5_000, photos_total_bytes=20_000, members=50)
FOLDER = Path(tempfile.mkdtemp(prefix="loften-atheris-signed-"))
#: The paired municipal database (opened by `seed_package`).
STATE: dict[str, Any] = {}


def seed_package() -> bytes:
    """A signed package from a police database, and a municipal database paired with it."""
    from loften_app.domain.enums import Organisation
    from loften_app.domain.records import Actor
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import export_changes
    from loften_app.storage.exchange.signing import pair, verify_signature
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template

    police = Actor("fuzz", Organisation.POLICE)
    with open_database(FOLDER / "seed.db") as database:
        apply_template(Services.build(database, police), "filipstad-2017-2018")
        export_changes(Services.build(database, police), FOLDER / "seed.loften", photo_dir=None)
    database = open_database(FOLDER / "kommun.db")
    STATE["database"] = database
    apply_template(
        Services.build(database, Actor("fuzz", Organisation.MUNICIPALITY)), "filipstad-2017-2018"
    )
    pair(database, verify_signature(FOLDER / "seed.loften"))
    return (FOLDER / "seed.loften").read_bytes()


def test_one_input(data: bytes) -> None:
    path = FOLDER / "input.loften"
    path.write_bytes(data)
    with contextlib.suppress(PackageError):
        open_trusted(STATE["database"], path, limits=LIMITS)


def main() -> None:
    args = list(sys.argv)
    seed = seed_package()
    corpus = [a for a in args[1:] if not a.startswith("-")]
    if not corpus:
        folder = Path(tempfile.mkdtemp(prefix="loften-atheris-signed-corpus-"))
        (folder / "seed.loften").write_bytes(seed)
        args.append(str(folder))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
