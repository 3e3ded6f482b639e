"""Connection trouble: a server that goes away gives a clear Swedish message and nothing half
saved; when it is back, the same save goes through (the window's Ctrl+S again)."""

from __future__ import annotations

import time

import psycopg
import pytest

from loften_app.domain.records import PlaceData
from loften_app.storage.database import open_database
from loften_app.storage.server.errors import ServerUnavailableError
from loften_app.storage.services import Services
from tests.pg_server import running_server
from tests.storage.conftest import MUNICIPALITY


def test_a_server_that_goes_away_and_comes_back() -> None:
    with running_server() as server:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE loften")
        with open_database(server.url("loften")) as database:
            services = Services.build(database, MUNICIPALITY)
            services.places.add(data=PlaceData(name="Torget"))
            server.stop()
            with pytest.raises(ServerUnavailableError, match="nå databasservern"):
                services.places.add(data=PlaceData(name="Parken"))
            server.start_again()
            services.places.add(data=PlaceData(name="Parken"))  # saved again: goes through
            names = sorted(p.data.name for p in services.places.list_page().items)
        assert names == ["Parken", "Torget"]


def test_a_dropped_connection_is_replaced_without_a_message(pg_url: str) -> None:
    with open_database(pg_url) as database:
        services = Services.build(database, MUNICIPALITY)
        services.places.add(data=PlaceData(name="Torget"))
        with psycopg.connect(pg_url, autocommit=True) as admin:  # the network blinked
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            # pg_terminate_backend only signals: wait until the connections are really gone,
            # as they are when a save comes after a blink (not within the same millisecond).
            for _ in range(500):
                (left,) = admin.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                ).fetchone() or (0,)
                if not left:
                    break
                time.sleep(0.01)
        services.places.add(data=PlaceData(name="Parken"))
        assert len(services.places.list_page().items) == 2


def test_a_wrong_password_is_named_in_swedish(server_url: str) -> None:
    from sqlalchemy.engine import make_url

    from loften_app.storage.server import create_user
    from tests.pg_server import PASSWORD_USER

    with psycopg.connect(server_url, autocommit=True) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_USER,)
        ).fetchone()
    if exists is None:  # roles belong to the whole server: made once per test server
        create_user(server_url, PASSWORD_USER, "police", "rätt lösen")
    base = make_url(server_url).set(username=PASSWORD_USER)
    wrong = base.set(password="fel lösen").render_as_string(hide_password=False)
    with pytest.raises(ServerUnavailableError) as refused:
        open_database(wrong)
    assert "godtog inte inloggningen (fel användarnamn eller lösenord)" in str(refused.value)
    assert "fel lösen" not in str(refused.value)  # the password is never shown
    right = base.set(password="rätt lösen").render_as_string(hide_password=False)
    with open_database(right) as database:
        assert database.actor(MUNICIPALITY).name == PASSWORD_USER
