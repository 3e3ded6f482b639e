"""Shared fixtures. Qt runs offscreen; every test gets its own real SQLite file, or its own
database on a real PostgreSQL server started once per test process."""

from __future__ import annotations

import contextlib
import inspect
import itertools
import os
from collections.abc import Iterator

import psycopg
import pytest

from tests.pg_server import PostgresServer, running_server

_DATABASE_NUMBERS = itertools.count(1)

#: The engines a test that asks for `db_engine` runs on; LOFTEN_TEST_ENGINES=sqlite leaves the
#: PostgreSQL runs out (a quick run while working).
ENGINES = tuple(os.environ.get("LOFTEN_TEST_ENGINES", "sqlite,postgresql").split(","))
TEMPLATE = "loften_template"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that uses a database through `db_engine` (the storage tests' `database` fixture)
    runs once per engine: on an SQLite file and on the test PostgreSQL server. A test that also
    takes the file's path (`db_path`) itself, or is marked `sqlite_only`, is about the file, and
    runs on SQLite only."""
    if "db_engine" not in metafunc.fixturenames:
        return
    own = set(inspect.signature(metafunc.function).parameters)
    file_only = "db_path" in own or metafunc.definition.get_closest_marker("sqlite_only")
    engines = [e for e in ENGINES if e == "sqlite" or not file_only]
    # Module-scoped: a module's shared database (the reports' demo year) is made once per engine.
    metafunc.parametrize("db_engine", engines, scope="module")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `slow` first (in their order): with several workers (scripts/test.sh runs
    pytest-xdist) the installer build then overlaps the rest of the suite instead of ending it."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test process (tests/pg_server.py), stopped at the end."""
    with running_server() as server:
        yield server


@pytest.fixture
def pg_empty_url(pg_server: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test."""
    name = f"t{next(_DATABASE_NUMBERS)}_{os.getpid()}"
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    """The name of a database migrated to the newest schema, which each test's database copies
    (CREATE DATABASE … TEMPLATE: much faster than migrating each one)."""
    from loften_app.storage.database import open_database

    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {TEMPLATE}")
    open_database(pg_server.url(TEMPLATE)).close()
    return TEMPLATE


@contextlib.contextmanager
def _new_database(server: PostgresServer, template: str) -> Iterator[str]:
    name = f"t{next(_DATABASE_NUMBERS)}_{os.getpid()}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE {template}')
    yield server.url(name)
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: PostgresServer, pg_template: str) -> Iterator[str]:
    """The URL of a new Löften database (newest schema, no records) on the test server, as its
    owner; dropped after the test."""
    with _new_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_url(pg_server: PostgresServer, pg_template: str) -> Iterator[str]:
    """`pg_url` for a whole module (a demo database that its tests only read)."""
    with _new_database(pg_server, pg_template) as url:
        yield url
