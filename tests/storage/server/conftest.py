"""Fixtures for the server-only tests: a database made by `loften server init`, with one user
per group."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from loften_app.storage.server import create_user, init_server


def as_user(url: str, user: str) -> str:
    """`url` logged in as `user` (the test server trusts loopback: no password)."""
    return make_url(url).set(username=user).render_as_string(hide_password=False)


@pytest.fixture
def server_url(pg_empty_url: str) -> str:
    """An initialised Löften server database with the users polis1, kommun1 and styr1; the
    admin's URL."""
    return server_with_users(pg_empty_url)


def server_with_users(pg_empty_url: str) -> str:
    """`loften server init` on `pg_empty_url` and the users polis1, kommun1 and styr1."""
    init_server(pg_empty_url)
    # Roles belong to the whole server, so they outlive each test's database: made once.
    with psycopg.connect(pg_empty_url) as connection:
        existing = {row[0] for row in connection.execute("SELECT rolname FROM pg_roles")}
    for name, organisation in (
        ("polis1", "police"),
        ("kommun1", "municipality"),
        ("styr1", "reader"),
    ):
        if name not in existing:
            create_user(pg_empty_url, name, organisation)
    return pg_empty_url
