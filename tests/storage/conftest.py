"""Fixtures for storage tests: a fresh database file per test, and services on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import (
    Organisation,
    PromiseType,
)
from loften_app.domain.records import (
    Actor,
    AgreementData,
    PlaceData,
    ShopData,
    Stored,
)
from loften_app.storage.database import Database, open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template

POLICE = Actor("kommunpolis", Organisation.POLICE)
MUNICIPALITY = Actor("trygghetssamordnare", Organisation.MUNICIPALITY)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def db_argument(database: Database) -> str:
    """What names `database` on the command line (--db): its file, or its server's URL."""
    return str(getattr(database, "url", database.path))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "loften.db"


@pytest.fixture
def database(db_engine: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new database: an SQLite file at `db_path`, or one on the test PostgreSQL server (the
    test runs once per engine, see tests/conftest.py)."""
    target: Path | str = db_path if db_engine == "sqlite" else request.getfixturevalue("pg_url")
    with open_database(target) as db:
        yield db


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2018, 6, 1, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def services(database: Database, clock: FixedClock) -> Services:
    return Services.build(database, MUNICIPALITY, clock=clock)


@pytest.fixture
def police_services(database: Database, clock: FixedClock) -> Services:
    return Services.build(database, POLICE, clock=clock)


@pytest.fixture
def agreement(services: Services) -> Stored[AgreementData]:
    return apply_template(services, "filipstad-2017-2018")


@pytest.fixture
def ids(services: Services, agreement: Stored[AgreementData], clock: FixedClock) -> dict[str, str]:
    clock.now = dt.datetime(2019, 6, 1, 12, tzinfo=dt.UTC)  # every 2018 record is in the past
    promises = {p.data.type: p.id for p in services.promises.for_agreement(agreement.id)}
    shops = [services.shops.add(data=ShopData(name=f"Butik {n}")).id for n in range(3)]
    place = services.places.add(data=PlaceData(name="Testtorget")).id
    return {
        "patrol": promises[PromiseType.PATROL],
        "walk": promises[PromiseType.SAFETY_WALK],
        "volunteers": promises[PromiseType.VOLUNTEERS],
        "drugs": promises[PromiseType.DRUGS],
        **{f"shop{n}": shop for n, shop in enumerate(shops)},
        "place": place,
    }
