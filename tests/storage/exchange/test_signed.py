"""Signed, paired exchange (issue 14, holes 1, 2, 7 and 8): forged, altered and unpaired
packages are refused with the database untouched; ownership of a drug case's parts is enforced
field by field; the preview shows field changes and deletions; versions and times from the
future are refused; a package claiming huge records is refused unread."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from loften_app.storage.exchange import PackageError, apply_import, export_changes, preview_import
from loften_app.storage.exchange.package import MANIFEST, Limits
from loften_app.storage.exchange.signing import (
    UnknownSignerError,
    fingerprint,
    installation_key,
    key_path,
    pair,
    partners,
    public_bytes,
    revoke,
    sign_file,
    signer_entry,
    verify_signature,
)
from loften_app.storage.exchange.trust import (
    describe_changes,
    enforce_ownership,
    open_trusted,
)
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock
from tests.storage.exchange.conftest import forge, members_of, sha256_of, with_records


def _no_backup(_path: Path) -> None:
    return None


@pytest.fixture
def package(police: Services, tmp_path: Path, clock: FixedClock) -> Path:
    out = tmp_path / "polisen.loften"
    export_changes(police, out, photo_dir=None, actor=POLICE)  # made now, as a user makes it
    return out


def _police_fingerprint(police: Services) -> str:
    return fingerprint(public_bytes(installation_key(police.database.path)))


def _signed(members: dict[str, bytes], key: Ed25519PrivateKey, path: Path) -> Path:
    path.write_bytes(forge(members))
    sign_file(path, key)
    return path


def _set_first(field: str, value: Any) -> Any:
    def change(records: list[dict[str, Any]]) -> None:
        records[0]["data"][field] = value

    return change


# --- hole 1: forged and altered packages ----------------------------------------------------------


def test_a_package_is_signed_and_its_key_is_owner_only(police: Services, package: Path) -> None:
    signer = verify_signature(package)
    assert signer.organisation.value == "police"
    assert signer.fingerprint == _police_fingerprint(police)
    assert key_path(police.database.path).stat().st_mode & 0o777 == 0o600


def test_a_forged_package_is_refused_rehashed_or_resigned(
    police: Services,
    municipality: Services,
    municipality_path: Path,
    package: Path,
    tmp_path: Path,
) -> None:
    pair(municipality.database, verify_signature(package))  # the police are a known partner
    members = members_of(package)
    forged = with_records(members, "patrol", _set_first("notes", "Ändrad av någon annan"))

    def raise_version(records: list[dict[str, Any]]) -> None:
        records[0]["version"] += 5

    forged = with_records(forged, "patrol", raise_version)
    checksum = sha256_of(municipality_path)
    rehashed = tmp_path / "omräknad.loften"
    rehashed.write_bytes(forge(forged))  # sizes and hashes recomputed, no signature
    with pytest.raises(PackageError, match="inte signerat"):
        open_trusted(municipality.database, rehashed)
    # Signed with the attacker's own key, claiming to be the police installation.
    attacker = Ed25519PrivateKey.generate()

    def claim(manifest: dict[str, Any]) -> None:
        manifest["signer"] = signer_entry(attacker, POLICE.organisation, "kommunpolis")

    resigned = tmp_path / "omsignerad.loften"
    resigned.write_bytes(forge(forged, manifest=claim))
    sign_file(resigned, attacker)
    with pytest.raises(PackageError, match="annan nyckel"):
        open_trusted(municipality.database, resigned)
    assert sha256_of(municipality_path) == checksum


def test_a_package_altered_in_any_byte_is_refused(
    municipality: Services, municipality_path: Path, package: Path, tmp_path: Path
) -> None:
    pair(municipality.database, verify_signature(package))
    data = package.read_bytes()
    checksum = sha256_of(municipality_path)
    positions = sorted(
        {*range(0, len(data), max(1, len(data) // 60)), *range(len(data) - 90, len(data))}
    )
    altered = tmp_path / "ändrad.loften"
    for position in positions:
        changed = bytearray(data)
        changed[position] ^= 0x01
        altered.write_bytes(bytes(changed))
        with pytest.raises(PackageError):
            open_trusted(municipality.database, altered)
    assert sha256_of(municipality_path) == checksum


# --- pairing --------------------------------------------------------------------------------------


def test_an_unpaired_installation_is_refused_until_its_fingerprint_is_confirmed(
    police: Services, municipality: Services, municipality_path: Path, package: Path
) -> None:
    checksum = sha256_of(municipality_path)
    with pytest.raises(UnknownSignerError) as unknown:
        open_trusted(municipality.database, package)
    assert unknown.value.signer.fingerprint == _police_fingerprint(police)
    assert unknown.value.signer.fingerprint in unknown.value.message
    assert "police" in unknown.value.message
    with pytest.raises(PackageError, match="stämmer inte"):
        open_trusted(municipality.database, package, trust="0000-0000-0000-0000")
    assert sha256_of(municipality_path) == checksum
    assert partners(municipality.database) == []
    trusted = open_trusted(
        municipality.database, package, trust=_police_fingerprint(police).lower().replace("-", "")
    )
    assert trusted.partner.organisation.value == "police"
    assert [p.fingerprint for p in partners(municipality.database)] == [_police_fingerprint(police)]
    open_trusted(municipality.database, package)  # paired: no confirmation needed
    assert revoke(municipality.database, trusted.partner.installation_id)
    with pytest.raises(UnknownSignerError):
        open_trusted(municipality.database, package)


# --- hole 2: ownership of a drug case's parts -----------------------------------------------------


def test_a_police_package_may_not_change_the_municipal_part_of_a_drug_case(
    police: Services, municipality: Services, tmp_path: Path, clock: FixedClock
) -> None:
    first = tmp_path / "1.loften"
    export_changes(police, first, photo_dir=None, actor=POLICE)
    pair(municipality.database, verify_signature(first))
    trusted = open_trusted(municipality.database, first)
    package, refused = enforce_ownership(municipality, trusted)
    assert refused == ()
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, make_backup=_no_backup)

    case = municipality.drug_cases.list_page().items[0]
    clock.advance(hours=1)
    municipality.drug_cases.update(
        id=case.id,
        expected_version=case.version,
        data=dataclasses.replace(case.data, municipal_notes="Kommunens anteckning"),
    )
    # The police change their own part and, wrongly, the municipality's.
    clock.advance(hours=1)
    theirs = police.drug_cases.get(id=case.id)
    police.drug_cases.update(
        id=case.id,
        expected_version=theirs.version,
        data=dataclasses.replace(
            theirs.data, police_notes="Polisens anteckning", municipal_notes="Polisens version"
        ),
    )
    second = tmp_path / "2.loften"
    clock.advance(hours=1)
    export_changes(police, second, photo_dir=None, actor=POLICE)
    package, refused = enforce_ownership(municipality, open_trusted(municipality.database, second))
    assert [(r.record_id, r.field) for r in refused] == [(case.id, "municipal_notes")]
    assert refused[0].incoming == "Polisens version"
    assert refused[0].local == "Kommunens anteckning"
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, make_backup=_no_backup)
    after = municipality.drug_cases.get(id=case.id).data
    assert after.municipal_notes == "Kommunens anteckning"
    assert after.police_notes == "Polisens anteckning"


# --- the preview: field changes and deletions -----------------------------------------------------


def test_the_preview_lists_changed_fields_and_deletions(
    police: Services, municipality: Services, tmp_path: Path, clock: FixedClock
) -> None:
    first = tmp_path / "1.loften"
    export_changes(police, first, photo_dir=None, actor=POLICE)
    pair(municipality.database, verify_signature(first))
    package, _ = enforce_ownership(municipality, open_trusted(municipality.database, first))
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, make_backup=_no_backup)
    patrols = police.patrols.list_page().items
    clock.advance(hours=1)
    police.patrols.delete(id=patrols[0].id)
    police.patrols.update(
        id=patrols[1].id,
        expected_version=patrols[1].version,
        data=dataclasses.replace(patrols[1].data, officers=7, notes="Ny anteckning"),
    )
    second = tmp_path / "2.loften"
    clock.advance(hours=1)
    export_changes(police, second, photo_dir=None, actor=POLICE)
    package, _ = enforce_ownership(municipality, open_trusted(municipality.database, second))
    preview = preview_import(municipality, package)
    changes = {change.id: change for change in describe_changes(municipality, package, preview)}
    assert changes[patrols[0].id].deleted
    fields = {name: (old, new) for name, old, new in changes[patrols[1].id].fields}
    assert fields["officers"] == (patrols[1].data.officers, 7)
    assert fields["notes"][1] == "Ny anteckning"
    assert not changes[patrols[1].id].deleted


# --- hole 7: the future ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"version": 2**53},
        {"updated_at": "2099-01-01T00:00:00+00:00"},
        {"deleted_at": "2099-01-01T00:00:00+00:00"},
    ],
)
def test_versions_and_times_from_the_future_are_refused(
    police: Services,
    municipality: Services,
    *,
    municipality_path: Path,
    package: Path,
    tmp_path: Path,
    change: dict[str, Any],
) -> None:
    pair(municipality.database, verify_signature(package))

    def future(records: list[dict[str, Any]]) -> None:
        records[0].update(change)

    key = installation_key(police.database.path)
    forged = _signed(
        with_records(members_of(package), "patrol", future), key, tmp_path / "f.loften"
    )
    checksum = sha256_of(municipality_path)
    with pytest.raises(PackageError, match=r"version|senare"):
        open_trusted(municipality.database, forged)
    assert sha256_of(municipality_path) == checksum


def test_a_package_made_in_the_future_is_refused(
    police: Services, municipality: Services, package: Path, tmp_path: Path
) -> None:
    pair(municipality.database, verify_signature(package))
    key = installation_key(police.database.path)
    members = members_of(package)
    manifest = json.loads(members[MANIFEST])
    manifest["created_at"] = "2099-01-01T00:00:00+00:00"
    forged = tmp_path / "framtid.loften"
    forged.write_bytes(forge({**members, MANIFEST: json.dumps(manifest).encode()}))
    sign_file(forged, key)
    with pytest.raises(PackageError, match="senare än nu"):
        open_trusted(municipality.database, forged)


# --- hole 8: bounded reading ----------------------------------------------------------------------


def test_records_larger_than_the_limits_are_refused_unread(
    police: Services, municipality: Services, package: Path, tmp_path: Path
) -> None:
    pair(municipality.database, verify_signature(package))
    members = members_of(package)
    huge = b"[" + b" " * (70 << 20) + b"]"  # 70 MB of nothing, a few hundred kB packed
    bomb = tmp_path / "bomb.loften"
    bomb.write_bytes(forge({**members, "records/other_activity.json": huge}))
    sign_file(bomb, installation_key(police.database.path))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(PackageError, match="större än tillåtet"):
        open_trusted(municipality.database, bomb)
    with pytest.raises(PackageError, match="tillsammans större"):
        open_trusted(municipality.database, package, limits=Limits(records_total_bytes=100_000))


def test_signed_reader_survives_random_damage(
    police: Services, municipality: Services, package: Path, tmp_path: Path
) -> None:
    import random

    pair(municipality.database, verify_signature(package))
    data = package.read_bytes()
    rng = random.Random(14)
    target = tmp_path / "skadad.loften"
    for _ in range(150):
        changed = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(changed))
            changed[at] = (changed[at] + rng.randrange(1, 256)) % 256  # never the same byte
        if bytes(changed) == data:
            continue
        if rng.random() < 0.2:
            changed = changed[: rng.randrange(len(changed))]
        target.write_bytes(bytes(changed))
        with pytest.raises(PackageError):
            open_trusted(municipality.database, target)
