"""Löften on a shared PostgreSQL server: opening a database by URL, accounts and their rights
(`init`, `add_user`), and the server's errors in Swedish."""

from __future__ import annotations

from sqlalchemy import text

from loften_app.storage.server.database import (
    ServerDatabase,
    make_server_engine,
    open_server_database,
    shown_url,
)
from loften_app.storage.server.roles import GROUPS, add_user, apply_security


def init_server(url: str) -> None:
    """Build or upgrade the schema at `url` and create the groups, rights and triggers; run by
    the owner (an administrator). Idempotent: run it again after every Löften upgrade."""
    database = open_server_database(url)
    try:
        with database.engine.connect() as connection, connection.begin():
            apply_security(connection)
    finally:
        database.close()


def create_user(url: str, name: str, organisation: str, password: str | None = None) -> None:
    """Add a login role for one person in the group of `organisation`."""
    engine = make_server_engine(url)
    try:
        with engine.connect() as connection, connection.begin():
            add_user(connection, name, organisation, password)
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()


__all__ = [
    "GROUPS",
    "ServerDatabase",
    "create_user",
    "init_server",
    "open_server_database",
    "shown_url",
]
