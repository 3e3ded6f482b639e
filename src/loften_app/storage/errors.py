"""Errors raised at the storage boundary, each with a Swedish message for the user.

`classify_database_error` sorts what the environment caused (a locked file, a full disk, a file
that is not a database) from what is a bug: the first kind becomes one of the errors below, the
second is left alone so that it reaches the log with its traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy import exc as sa_exc

from loften_app.domain.errors import ErrorText, LoftenError, error_text

T = TypeVar("T")


class StorageError(LoftenError):
    """Something about the database file or its contents stops the operation."""


class NotFoundError(StorageError):
    """The record does not exist (or no longer exists)."""


class StaleRecordError(StorageError, Generic[T]):
    """The record was changed by someone else since it was read; `current` is the newer copy."""

    def __init__(self, message: str | ErrorText, current: T | None = None) -> None:
        super().__init__(message)
        self.current = current


class MissingReferenceError(StorageError):
    """A record refers to a place, shop or promise that does not exist."""


class DuplicateError(StorageError):
    """A value that must be unique is already used."""


class NotALoftenDatabaseError(StorageError):
    """The file is not a Löften database; it was left untouched."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            error_text(
                "database.not_loften",
                "Filen {path} är inte en Löften-databas. Den har inte ändrats. Välj en annan "
                "fil, eller ange ett nytt filnamn för att skapa en ny databas.",
                path=path,
            )
        )
        self.path = path


class DatabaseTooNewError(StorageError):
    """The file was written by a newer version of Löften; it was left untouched."""

    def __init__(self, path: Path, found: str, supported: str) -> None:
        super().__init__(
            error_text(
                "database.too_new",
                "Databasen {path} är skapad av en nyare version av Löften (databasversion "
                "{found}; den här versionen klarar till och med {supported}). Filen har inte "
                "ändrats. Uppdatera Löften för att öppna den.",
                path=path,
                found=found,
                supported=supported,
            )
        )
        self.path = path


class DatabaseLockedError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            error_text(
                "database.locked",
                "Databasen används just nu av ett annat Löften-fönster eller program och kunde "
                "inte låsas inom några sekunder. Inget har sparats. Försök igen om en stund.",
            )
        )


class DiskFullError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            error_text(
                "database.disk_full",
                "Disken är full, så inget kunde sparas. Inget har ändrats. Frigör utrymme och "
                "försök igen.",
            )
        )


class ReadOnlyDatabaseError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            error_text(
                "database.read_only",
                "Databasfilen går inte att skriva till (skrivskyddad fil eller mapp). Inget har "
                "sparats. Kontrollera behörigheterna eller välj en annan fil.",
            )
        )


class DatabaseUnavailableError(StorageError):
    def __init__(self, detail: str | ErrorText) -> None:
        super().__init__(
            error_text(
                "database.unavailable",
                "Databasfilen kunde inte läsas eller skrivas ({detail}). Inget har ändrats. "
                "Kontrollera att disken är ansluten och att filen finns kvar.",
                detail=detail,
            )
        )


#: SQLite's primary result codes (the low byte of an extended code) that the environment
#: causes; sqlite3.Error carries the code as `sqlite_errorcode` (Python 3.11 and later).
_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_UNAVAILABLE = {
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_NOTADB,
    sqlite3.SQLITE_CORRUPT,
}


def classify_database_error(error: BaseException) -> StorageError | None:
    """The user-facing error for an environment problem, or None when `error` is a bug.

    Classified by SQLite's result code, never by the message text (which differs between
    SQLite versions)."""
    original = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        if original is not None and type(original).__module__.startswith("psycopg"):
            from loften_app.storage.server.errors import (  # noqa: PLC0415 (psycopg on a server only)
                classify_server_error,
            )

            return classify_server_error(original)
        return None
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    if code == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
        return MissingReferenceError(
            error_text(
                "database.missing_reference",
                "Posten hänvisar till en plats, butik, ett löfte eller en annan post som inte "
                "finns (längre). Inget har sparats. Välj en annan i listan och spara igen.",
            )
        )
    if code in (sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY):
        return DuplicateError(
            error_text(
                "database.duplicate",
                "Det finns redan en post med samma nummer eller kod. Inget har sparats. Ändra "
                "numret eller koden och spara igen.",
            )
        )
    primary = code & 0xFF
    if primary in _LOCKED:
        return DatabaseLockedError()
    if primary == sqlite3.SQLITE_FULL:
        return DiskFullError()
    if primary == sqlite3.SQLITE_READONLY:
        return ReadOnlyDatabaseError()
    if primary in _UNAVAILABLE:
        return DatabaseUnavailableError(str(original))
    return None
