"""The test PostgreSQL server itself: it runs, and each test gets a database of its own."""

from __future__ import annotations

import psycopg

from tests.pg_server import ADMIN, PostgresServer


def test_server_answers_on_loopback(pg_server: PostgresServer) -> None:
    with psycopg.connect(pg_server.url()) as connection:
        user, address = connection.execute("SELECT current_user, inet_server_addr()").fetchone()
    assert user == ADMIN
    assert str(address) == "127.0.0.1"


def test_each_test_gets_an_empty_database(pg_empty_url: str) -> None:
    with psycopg.connect(pg_empty_url) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)
