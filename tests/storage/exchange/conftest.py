"""Fixtures for the exchange: two databases from the same template (one with a demo year), a
package exported from the first, and helpers that dump every record or forge packages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from loften_app.domain.records import RecordMeta
from loften_app.storage.database import Database, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.exchange.package import MANIFEST, content_digest
from loften_app.storage.exchange.types import RECORD_TYPES
from loften_app.storage.services import Deleted, RecordFilter, Services
from loften_app.storage.template import apply_template
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock

TEMPLATE = "filipstad-2017-2018"

Dump = dict[str, dict[str, tuple[RecordMeta, Any]]]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(services: Services) -> Dump:
    """Every record of every type (deleted ones included): type → id → (meta, data)."""
    result: Dump = {}
    everything = RecordFilter(deleted=Deleted.ALL)
    for record_type in RECORD_TYPES:
        service = record_type.service_of(services)
        ids = service.list_ids(filter=everything)
        result[record_type.name] = {s.id: (s.meta, s.data) for s in service.get_many(ids=ids)}
    return result


def remapped(value: Any, id_map: dict[str, str]) -> Any:
    """`value` with every id in `id_map` replaced (data classes, tuples, strings)."""
    if isinstance(value, str):
        return id_map.get(value, value)
    if isinstance(value, tuple):
        return tuple(remapped(item, id_map) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,  # type: ignore[type-var]
            **{f.name: remapped(getattr(value, f.name), id_map) for f in dataclasses.fields(value)},
        )
    return value


@pytest.fixture
def clock() -> FixedClock:
    """After the demo year, so that edits made in a test are the newest changes."""
    return FixedClock(dt.datetime(2019, 3, 1, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def police_db(db_engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The police's database: the template and a demo year (as `loften new` + `demo-data`); an
    SQLite file, or (the same tests again) a database on the test PostgreSQL server, so that a
    server installation exchanges packages with a laptop's both ways."""
    target = tmp_path / "polisen.db" if db_engine == "sqlite" else request.getfixturevalue("pg_url")
    with open_database(target) as database:
        apply_template(Services.build(database, POLICE), TEMPLATE)
        fill_demo_data(database, POLICE, DemoOptions(year=2018, seed=3))
        yield database


@pytest.fixture
def police(police_db: Database, clock: FixedClock) -> Services:
    return Services.build(police_db, POLICE, clock=clock)


@pytest.fixture
def municipality_path(tmp_path: Path) -> Path:
    return tmp_path / "kommunen.db"


@pytest.fixture
def municipality_db(municipality_path: Path) -> Iterator[Database]:
    """The municipality's database: only the template (as `loften new`)."""
    with open_database(municipality_path) as database:
        apply_template(Services.build(database, MUNICIPALITY), TEMPLATE)
        yield database


@pytest.fixture
def municipality(municipality_db: Database, clock: FixedClock) -> Services:
    return Services.build(municipality_db, MUNICIPALITY, clock=clock)


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "foton-kommunen"
    folder.mkdir()
    return folder


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def forge(
    members: dict[str, bytes], *, manifest: Callable[[dict[str, Any]], None] | None = None
) -> bytes:
    """A package of `members` with a manifest whose sizes and checksums fit them (as an attacker
    who knows the format would make it); `manifest` may change the manifest afterwards."""
    content = {name: data for name, data in members.items() if name != MANIFEST}
    base = json.loads(members[MANIFEST]) if MANIFEST in members else {}
    base["files"] = {
        name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in content.items()
    }
    base["content_sha256"] = content_digest(list(content.items()))
    if manifest is not None:
        manifest(base)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(base))
        for name, data in content.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_records(
    members: dict[str, bytes], type_name: str, change: Callable[[list[dict[str, Any]]], None]
) -> dict[str, bytes]:
    """`members` with the record list of `type_name` changed in place by `change`."""
    name = f"records/{type_name}.json"
    records = json.loads(members[name])
    change(records)
    return {**members, name: json.dumps(records).encode()}
