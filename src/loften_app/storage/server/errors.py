"""Errors of a PostgreSQL server, classified as storage/errors.py does SQLite's: what the
environment caused (server down, password wrong, a right the role lacks, a concurrent save)
becomes a clear Swedish message; anything else is a bug and keeps its traceback."""

from __future__ import annotations

import psycopg
from psycopg import errors as pg

from loften_app.domain.errors import error_text
from loften_app.storage.errors import (
    DatabaseLockedError,
    DuplicateError,
    MissingReferenceError,
    StorageError,
)


class ServerUnavailableError(StorageError):
    """The server could not be reached, or refused the login."""


class NotAllowedError(StorageError):
    """The logged-in role lacks the right for what was asked; nothing was saved."""


_PARTS = {
    "loften: municipal part of drug case": error_text(
        "server.municipal_part_only",
        "Kommunens del av narkotikaärendet kan bara ändras av en användare från kommunen. "
        "Servern har inte sparat något.",
    ),
    "loften: police part of drug case": error_text(
        "server.police_part_only",
        "Polisens del av narkotikaärendet kan bara ändras av en användare från polisen. "
        "Servern har inte sparat något.",
    ),
}


def classify_server_error(original: BaseException) -> StorageError | None:
    """The user-facing error for a psycopg error the environment caused, or None."""
    if not isinstance(original, psycopg.Error):
        return None
    text = str(original)
    if isinstance(original, pg.InsufficientPrivilege):
        for key, message in _PARTS.items():
            if key in text:
                return NotAllowedError(message)
        return NotAllowedError(
            error_text(
                "server.not_allowed",
                "Din användare på servern har inte rätt att göra detta, så inget har sparats. "
                "Be den som administrerar servern om behörighet.",
            )
        )
    if isinstance(original, pg.RaiseException) and "audit entries" in text:
        return NotAllowedError(
            error_text(
                "server.audit_read_only",
                "Ändringsloggen kan inte ändras, bara läsas. Inget har ändrats.",
            )
        )
    if isinstance(original, pg.ForeignKeyViolation):
        return MissingReferenceError(
            error_text(
                "server.missing_reference",
                "Posten hänvisar till en plats, butik, ett löfte eller en annan post som inte "
                "finns (längre). Inget har sparats. Välj en annan i listan och spara igen.",
            )
        )
    if isinstance(original, pg.UniqueViolation):
        return DuplicateError(
            error_text(
                "server.duplicate",
                "Det finns redan en post med samma nummer eller kod. Inget har sparats. "
                "Ändra numret eller koden och spara igen.",
            )
        )
    if isinstance(original, pg.SerializationFailure | pg.DeadlockDetected | pg.LockNotAvailable):
        return DatabaseLockedError()
    if isinstance(original, psycopg.OperationalError):
        lowered = text.lower()
        if "password" in lowered or "authentication" in lowered:
            return ServerUnavailableError(
                error_text(
                    "server.login_refused",
                    "Servern godtog inte inloggningen (fel användarnamn eller lösenord). Inget "
                    "har ändrats. Kontrollera uppgifterna och försök igen.",
                )
            )
        if "permission denied" in lowered:
            return NotAllowedError(
                error_text(
                    "server.connect_not_allowed",
                    "Din användare har inte rätt att ansluta till databasen på servern. Inget "
                    "har ändrats. Be den som administrerar servern om behörighet (loften server "
                    "add-user).",
                )
            )
        if "does not exist" in lowered:
            return ServerUnavailableError(
                error_text(
                    "server.no_such_database",
                    "Databasen eller användaren finns inte på servern ({reason}). "
                    "Kontrollera adressen.",
                    reason=text.strip(),
                )
            )
        return ServerUnavailableError(
            error_text(
                "server.unreachable",
                "Det gick inte att nå databasservern (servern är nere eller nätverket borta). "
                "Inget har sparats; det du skrivit finns kvar. Försök igen om en stund.",
            )
        )
    return None
