"""`loften exchange` as a user runs it, and photos travelling with their walks."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path

import pytest

from loften_app.domain.enums import ObservationCategory, PromiseType, WalkStatus
from loften_app.domain.records import ObservationData, Participants, SafetyWalkData
from loften_app.storage.database import Database
from loften_app.storage.exchange import PackageError, apply_import, export_changes, read_package
from loften_app.storage.services import Services
from tests.factories import run_cli_as_test_user as loften
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock, db_argument
from tests.storage.exchange.conftest import forge, members_of, sha256_of


@pytest.mark.slow
def test_export_then_import_without_yes_changes_nothing_and_with_yes_imports(
    police_db: Database, municipality_db: Database, municipality_path: Path, tmp_path: Path
) -> None:
    police_db.close()
    municipality_db.close()
    package = tmp_path / "ändringar.loften"
    photos = str(tmp_path / "foton")
    exported = loften("exchange", "export", "--db", db_argument(police_db), "--out", str(package))
    assert exported.returncode == 0, exported.stderr
    assert "Skrev" in exported.stdout and stat.S_IMODE(package.stat().st_mode) == 0o600

    checksum = sha256_of(municipality_path)
    args = ("exchange", "import", "--db", str(municipality_path), str(package), "--photos", photos)
    unknown = loften(*args)  # the first package of an unpaired installation: not imported
    assert unknown.returncode == 1
    assert sha256_of(municipality_path) == checksum
    fingerprint = unknown.stderr.rsplit("--trust ", 1)[1].strip().rstrip(".")
    assert fingerprint in unknown.stdout
    assert loften(*args, "--trust", fingerprint).returncode == 0  # paired after confirming
    checksum = sha256_of(municipality_path)
    preview = loften(*args)
    assert preview.returncode == 0, preview.stderr
    assert "Nya:" in preview.stdout and "Inget har ändrats" in preview.stdout
    assert sha256_of(municipality_path) == checksum

    imported = loften(*args, "--yes")
    assert imported.returncode == 0, imported.stderr
    assert "Importerat:" in imported.stdout
    again = loften(*args, "--yes")
    assert "redan importerat" in again.stdout

    damaged = tmp_path / "skadat.loften"
    damaged.write_bytes(package.read_bytes()[:-100])
    checksum = sha256_of(municipality_path)
    refused = loften("exchange", "import", "--db", str(municipality_path), str(damaged), "--yes")
    assert refused.returncode == 1
    assert "Paketet kan inte importeras" in refused.stderr and "Traceback" not in refused.stderr
    assert sha256_of(municipality_path) == checksum


def _walk_with_photo(services: Services, photo: str) -> str:
    promise = next(
        p for p in services.promises.list_page().items if p.data.type is PromiseType.SAFETY_WALK
    )
    return services.safety_walks.add(
        data=SafetyWalkData(
            promise_id=promise.id,
            date=dt.date(2018, 9, 20),
            status=WalkStatus.COMPLETED,
            participants=Participants(municipality=3, police=1),
            observations=(
                ObservationData(
                    category=ObservationCategory.LIGHTING,
                    description="Mörkt vid gångtunneln",
                    photos=(photo,),
                ),
            ),
        )
    ).id


def test_photos_travel_into_the_photo_folder_only(
    police: Services,
    municipality: Services,
    tmp_path: Path,
    photo_dir: Path,
    clock: FixedClock,
) -> None:
    police_photos = tmp_path / "foton-polisen"
    police_photos.mkdir()
    (police_photos / "4f2a9c.jpg").write_bytes(b"\xff\xd8 bilden")
    walk_id = _walk_with_photo(police, "4f2a9c.jpg")
    out = tmp_path / "p.loften"
    result = export_changes(police, out, photo_dir=police_photos, actor=POLICE, clock=clock)
    assert result.photos == 1
    imported = apply_import(
        municipality, read_package(out), actor=MUNICIPALITY, photo_dir=photo_dir, clock=clock
    )
    assert imported.photos == 1
    assert (photo_dir / "4f2a9c.jpg").read_bytes() == b"\xff\xd8 bilden"
    assert stat.S_IMODE((photo_dir / "4f2a9c.jpg").stat().st_mode) == 0o600
    walk = municipality.safety_walks.get(id=walk_id)
    assert walk.data.observations[0].photos == ("4f2a9c.jpg",)
    assert sorted(p.name for p in photo_dir.iterdir()) == ["4f2a9c.jpg"]


def test_a_photo_whose_bytes_were_changed_is_refused(
    police: Services, tmp_path: Path, clock: FixedClock
) -> None:
    police_photos = tmp_path / "foton-polisen"
    police_photos.mkdir()
    (police_photos / "abc.jpg").write_bytes(b"original")
    _walk_with_photo(police, "abc.jpg")
    out = tmp_path / "p.loften"
    export_changes(police, out, photo_dir=police_photos, clock=clock)
    members = members_of(out)
    members["photos/abc.jpg"] = b"changed!"
    tampered = tmp_path / "t.loften"
    # The manifest keeps the old checksum of the photo: refused.
    forged = forge(
        members,
        manifest=lambda m: m["files"]["photos/abc.jpg"].update(
            sha256=hashlib.sha256(b"original").hexdigest()
        ),
    )
    tampered.write_bytes(forged)
    with pytest.raises(PackageError, match=r"abc\.jpg"):
        read_package(tampered)
