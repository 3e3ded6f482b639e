"""Löften on a shared PostgreSQL server: opening a database by URL, accounts and their rights
(`init`, `add_user`), and the server's errors in Swedish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from loften_app.paths import ServerPath
from loften_app.storage.database import SCHEMA_VERSION
from loften_app.storage.server.database import (
    ServerDatabase,
    make_server_engine,
    open_server_database,
    shown_url,
)
from loften_app.storage.server.roles import GROUPS, add_user, apply_security

if TYPE_CHECKING:
    from loften_app.storage.backup import CheckReport


def init_server(url: str) -> None:
    """Build or upgrade the schema at `url` and create the groups, rights and triggers; run by
    the owner (an administrator). Idempotent; an upgrade by the owner re-applies the rights
    (`open_server_database`), so running it again after an upgrade is harmless, not needed."""
    database = open_server_database(url)
    try:
        with database.engine.connect() as connection, connection.begin():
            apply_security(connection)
    finally:
        database.close()


def check_server(url: str) -> CheckReport:
    """`loften check` for a server database: its schema against what its revision's
    migrations make (the server itself keeps foreign keys and pages whole)."""
    from loften_app.storage.backup import CheckReport
    from loften_app.storage.database import _classified
    from loften_app.storage.server.schema import server_schema_problems

    report = CheckReport(ServerPath(shown_url(url)))
    engine = make_server_engine(url)
    try:
        with _classified(), engine.connect() as connection:
            report.schema.extend(server_schema_problems(connection))
            report.schema_version = SCHEMA_VERSION
            if not report.schema:
                from sqlalchemy.orm import Session

                from loften_app.storage.backup import totals_problems

                with Session(bind=connection) as session:
                    report.totals.extend(totals_problems(session))
    finally:
        engine.dispose()
    return report


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
    "check_server",
    "create_user",
    "init_server",
    "open_server_database",
    "shown_url",
]
