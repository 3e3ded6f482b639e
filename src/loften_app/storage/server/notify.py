"""A save by anyone refreshes everyone's open windows: PostgreSQL's LISTEN/NOTIFY.

Every write transaction on a server database ends with `pg_notify('loften_changes', …)` (see
`ServerDatabase.writing`), which the server delivers to every listening connection when, and
only if, the transaction commits. A `ChangeListener` is one such connection of its own. It
starts no thread and polls nothing: the window watches its socket (`fileno()`, a
QSocketNotifier) and calls `take()` when the socket has something to read; a program without
an event loop may call `wait(timeout)`.
"""

from __future__ import annotations

import psycopg

from loften_app.domain.errors import error_text
from loften_app.storage.errors import StorageError

CHANNEL = "loften_changes"


class ChangeListener:
    """A connection that listens for the changes other connections commit."""

    def __init__(self, url: str) -> None:
        from loften_app.storage.server.database import shown_url

        try:
            self._connection = psycopg.connect(
                url.replace("postgresql+psycopg://", "postgresql://"),
                autocommit=True,
                connect_timeout=10,
                application_name="Löften (lyssnar)",
            )
            self._connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise StorageError(
                error_text(
                    "server.cannot_listen",
                    "Löften kan inte följa ändringar på servern {url} ({reason}). "
                    "Listorna uppdateras när du själv sparar eller öppnar dem igen.",
                    url=shown_url(url),
                    reason=error,
                )
            ) from error

    def fileno(self) -> int:
        """The socket to watch for reading."""
        return self._connection.fileno()

    def take(self) -> list[str]:
        """The notifications that have arrived (their payloads), without waiting."""
        return [n.payload for n in self._connection.notifies(timeout=0)]

    def wait(self, timeout: float) -> list[str]:
        """The notifications that arrive within `timeout` seconds (at least one, or none)."""
        first = [n.payload for n in self._connection.notifies(timeout=timeout, stop_after=1)]
        return first + self.take() if first else []

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
