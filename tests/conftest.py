"""Shared fixtures. Qt runs offscreen; every test gets its own real SQLite file, or its own
database on a real PostgreSQL server started once per test process."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import psycopg
import pytest

from tests.pg_server import PostgresServer, running_server

_DATABASE_NUMBERS = itertools.count(1)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
