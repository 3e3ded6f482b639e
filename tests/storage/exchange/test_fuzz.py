"""Fuzzing the reader of untrusted packages with hypothesis.

Whatever bytes it is given, `read_package` raises `PackageError` (a `LoftenError`) or returns a
checked package, and writes nothing. Three kinds of input: a valid package with bytes changed,
cut or inserted; random zips of plausible and implausible member names; and valid members
under random JSON manifests. `LOFTEN_FUZZ_EXAMPLES` raises the number of inputs per kind (the
default keeps the test suite quick); the number tried is printed.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loften_app.domain.enums import ObservationCategory, PromiseType, WalkStatus
from loften_app.domain.records import ObservationData, Participants, SafetyWalkData
from loften_app.storage.database import open_database
from loften_app.storage.exchange import PackageError, export_changes, read_package
from loften_app.storage.exchange.package import Limits
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.storage.conftest import MUNICIPALITY
from tests.storage.exchange.conftest import TEMPLATE, forge, members_of

EXAMPLES = int(os.environ.get("LOFTEN_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 150,
)
#: Small limits, so that the fuzzer reaches them.
LIMITS = Limits(records_bytes=200_000, photo_bytes=5_000, photos_total_bytes=20_000, members=50)
TRIED: dict[str, int] = {}


@functools.cache
def _valid_package() -> bytes:
    """A small valid package: the template's registers and one walk with a photo."""
    folder = Path(tempfile.mkdtemp(prefix="loften-fuzz-"))
    photos = folder / "photos"
    photos.mkdir()
    (photos / "abc123.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with open_database(folder / "fuzz.db") as database:
        services = Services.build(database, MUNICIPALITY)
        apply_template(services, TEMPLATE)
        promise = next(
            p for p in services.promises.list_page().items if p.data.type is PromiseType.SAFETY_WALK
        )
        services.safety_walks.add(
            data=SafetyWalkData(
                promise_id=promise.id,
                date=dt.date(2018, 4, 12),
                status=WalkStatus.COMPLETED,
                participants=Participants(municipality=2, police=1, residents=4),
                observations=(
                    ObservationData(
                        category=ObservationCategory.LIGHTING,
                        description="Trasig lampa vid gångtunneln",
                        photos=("abc123.jpg",),
                    ),
                ),
            )
        )
        export_changes(services, folder / "valid.loften", photo_dir=photos)
    return (folder / "valid.loften").read_bytes()


def _read(kind: str, content: bytes, tmp: Path) -> None:
    TRIED[kind] = TRIED.get(kind, 0) + 1
    path = tmp / "input.loften"
    path.write_bytes(content)
    before = sorted(tmp.iterdir())
    try:
        read_package(path, limits=LIMITS)
    except PackageError as error:
        assert error.message.startswith(("Paketet", "Filen"))
    assert sorted(tmp.iterdir()) == before  # the reader never writes


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def test_the_valid_package_is_read() -> None:
    package = read_package_from_bytes(_valid_package())
    assert package.photos and package.records["safety_walk"]


def read_package_from_bytes(content: bytes) -> Any:
    from loften_app.storage.exchange import read_package_from

    return read_package_from(content, limits=LIMITS)


mutation = st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255))


@FUZZ
@given(
    changes=st.lists(mutation, min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
    insert=st.binary(max_size=16),
)
def test_mutated_bytes_of_a_valid_package(
    scratch: Path, changes: list[tuple[int, int]], cut: int | None, insert: bytes
) -> None:
    data = bytearray(_valid_package())
    for position, value in changes:
        data[position % len(data)] = value
    if insert:
        at = changes[0][0] % len(data)
        data[at:at] = insert
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    _read("mutated", bytes(data), scratch)


names = st.one_of(
    st.sampled_from(
        [
            "manifest.json",
            "records/patrol.json",
            "records/safety_walk.json",
            "records/place.json",
            "photos/a.jpg",
            "photos/../a.jpg",
            "/abs.json",
            "../x",
            "records/",
            "photos/",
        ]
    ),
    # zipfile itself cannot write a name with NUL (it cuts the name there) or a lone surrogate.
    st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
        min_size=1,
        max_size=20,
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
contents = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
)


@FUZZ
@given(members=st.dictionaries(names, contents, max_size=6), stored=st.booleans())
def test_random_zips(scratch: Path, members: dict[str, bytes], stored: bool) -> None:
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    _read("zip", buffer.getvalue(), scratch)


manifest_keys = st.sampled_from(
    [
        "format",
        "format_version",
        "schema_version",
        "package_id",
        "installation_id",
        "created_at",
        "created_by",
        "partner",
        "since",
        "until",
        "counts",
        "files",
        "content_sha256",
    ]
)


@FUZZ
@given(
    changes=st.dictionaries(manifest_keys, json_values, max_size=4),
    record_change=st.one_of(st.none(), st.tuples(st.text(max_size=12), json_values)),
    forged=st.booleans(),
)
def test_random_manifests_and_records(
    scratch: Path,
    changes: dict[str, Any],
    record_change: tuple[str, Any] | None,
    forged: bool,
) -> None:
    members = members_of_bytes(_valid_package())
    if record_change is not None:
        key, value = record_change
        records = json.loads(members["records/safety_walk.json"])
        records[0]["data"][key or "notes"] = value
        members["records/safety_walk.json"] = json.dumps(records).encode()
    if forged:  # checksums that fit: the records and manifest values are what is tested
        content = forge(members, manifest=lambda m: m.update(changes))
    else:
        manifest = json.loads(members["manifest.json"])
        manifest.update(changes)
        members["manifest.json"] = json.dumps(manifest).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        content = buffer.getvalue()
    _read("manifest", content, scratch)


def members_of_bytes(content: bytes) -> dict[str, bytes]:
    return dict(_members(content))


@functools.cache
def _members(content: bytes) -> tuple[tuple[str, bytes], ...]:
    path = Path(tempfile.mkdtemp(prefix="loften-fuzz-")) / "p.loften"
    path.write_bytes(content)
    return tuple(members_of(path).items())


def test_report_how_many_inputs_were_tried(capsys: pytest.CaptureFixture[str]) -> None:
    total = sum(TRIED.values())
    with capsys.disabled():
        print(f"\nexchange fuzz: {total} inputs tried {TRIED}")
    assert total == 0 or total >= EXAMPLES
