"""Damaged and hostile packages are refused with a Swedish message, and nothing is written."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loften_app.storage.exchange import (
    Limits,
    PackageError,
    apply_import,
    export_changes,
    read_package,
    read_package_from,
)
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock
from tests.storage.exchange.conftest import forge, members_of, sha256_of, with_records


@pytest.fixture
def valid(police: Services, tmp_path: Path, clock: FixedClock) -> Path:
    out = tmp_path / "giltigt.loften"
    export_changes(police, out, photo_dir=None, actor=POLICE, clock=clock)
    return out


def _set_first(field: str, value: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(records: list[dict[str, Any]]) -> None:
        records[0]["data"][field] = value

    return change


def _hostile(valid: Path) -> dict[str, bytes]:
    """Packages that are consistent zips with fitting checksums, but bad inside."""
    members = members_of(valid)
    personnummer = "Kontakt med 19811218-9876 vid torget"
    cases: dict[str, bytes] = {
        "personnummer i en anteckning": forge(
            with_records(members, "patrol", _set_first("notes", personnummer))
        ),
        "fel typ": forge(with_records(members, "patrol", _set_first("officers", "två"))),
        "okänt fält": forge(with_records(members, "patrol", _set_first("namn", "Kalle"))),
        "domänregel: negativt antal": forge(
            with_records(members, "patrol", _set_first("officers", -3))
        ),
        "id som inte är ett UUID": forge(
            with_records(members, "patrol", _set_first("promise_id", "../../etc"))
        ),
        "okänd hänvisning": forge(
            with_records(
                members,
                "patrol",
                _set_first("promise_id", "00000000-0000-4000-8000-000000000000"),
            )
        ),
        "foto med sökväg": forge(
            with_records(
                members,
                "safety_walk",
                lambda records: next(r for r in records if r["data"]["observations"])["data"][
                    "observations"
                ][0].update(photos=["../../.ssh/authorized_keys"]),
            )
        ),
        "personnummer i namnet på den som ändrade": forge(
            with_records(
                members,
                "drug_case",
                lambda records: records[0].update(updated_by="811218-9876"),
            )
        ),
        "nyare format": forge(members, manifest=lambda m: m.update(format_version=99)),
        "fel antal poster": forge(members, manifest=lambda m: m["counts"].update(patrol=1)),
    }
    for name in ("../utanför.json", "/etc/passwd", "photos/../../x.jpg", "records/okand.json"):
        extra = {**members, name: b"{}"}
        cases[f"filnamn {name}"] = forge(extra)
    tampered = dict(members)
    tampered["records/patrol.json"] = tampered["records/patrol.json"].replace(b"21:", b"22:", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # the old manifest: checksums do not fit
        for name, data in tampered.items():
            archive.writestr(name, data)
    cases["ändrat innehåll, gammal kontrollsumma"] = buffer.getvalue()
    raw = valid.read_bytes()
    cases["avkortad fil"] = raw[: len(raw) // 2]
    cases["tom fil"] = b""
    cases["inte en zip"] = b"PK\x03\x04" + b"\x00" * 100
    flipped = bytearray(raw)
    flipped[len(raw) // 3] ^= 0xFF
    cases["en byte ändrad"] = bytes(flipped)
    return cases


def test_every_hostile_package_is_refused_and_the_database_is_unchanged(
    valid: Path,
    municipality: Services,
    municipality_path: Path,
    tmp_path: Path,
    photo_dir: Path,
) -> None:
    checksum = sha256_of(municipality_path)
    for name, content in _hostile(valid).items():
        path = tmp_path / "fientligt.loften"
        path.write_bytes(content)
        with pytest.raises(PackageError) as refused:
            package = read_package(path)
            # Some faults show only against the database (a reference to an unknown record).
            apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=photo_dir)
        assert "Databasen har inte ändrats" in refused.value.message, name
        assert sha256_of(municipality_path) == checksum, name
        assert not list(photo_dir.iterdir()), name


def test_the_personnummer_guard_names_the_record(valid: Path) -> None:
    members = members_of(valid)
    forged = forge(
        with_records(members, "patrol", _set_first("notes", "ring 19811218-9876 imorgon"))
    )
    with pytest.raises(PackageError, match="personnummer"):
        read_package_from(forged)


def test_oversized_members_and_zip_bombs_are_refused_before_they_are_inflated(
    valid: Path,
) -> None:
    members = members_of(valid)
    with pytest.raises(PackageError, match="större än tillåtet"):
        read_package_from(valid.read_bytes(), limits=Limits(records_bytes=1000))
    bomb = forge({**members, "photos/bomb.jpg": b"\x00" * (20 << 20)})
    assert len(bomb) < 1 << 20
    with pytest.raises(PackageError, match="zip-bomb"):
        read_package_from(bomb)


def test_a_member_that_lies_about_its_size_is_refused_while_reading(valid: Path) -> None:
    members = members_of(valid)
    content = forge(members)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo("records/patrol.json")
        offset, declared = info.header_offset, info.file_size
    # Shrink the declared size in the central directory: the reader must stop at it.
    data = bytearray(content)
    index = data.rfind(b"records/patrol.json")
    entry = data.rfind(b"PK\x01\x02", 0, index)
    data[entry + 24 : entry + 28] = (declared // 2).to_bytes(4, "little")
    assert offset >= 0
    with pytest.raises(PackageError):
        read_package_from(bytes(data))


def test_the_manifest_is_checked_field_by_field(valid: Path) -> None:
    members = members_of(valid)
    for change in (
        lambda m: m.update(format="något annat"),
        lambda m: m.update(package_id="inte-ett-uuid"),
        lambda m: m.update(created_at="igår"),
        lambda m: m.update(counts=[1, 2]),
        lambda m: m.update(schema_version=10**6),
        lambda m: m.update(files={"records/patrol.json": {"size": -1, "sha256": "0" * 64}}),
    ):
        with pytest.raises(PackageError):
            read_package_from(forge(members, manifest=change))
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "loften-exchange"
