"""The one error type of the exchange: every refusal is a `PackageError` with a Swedish message."""

from __future__ import annotations

from loften_app.storage.errors import StorageError


class PackageError(StorageError):
    """A package cannot be exported, read or imported; nothing was written.

    `message` says in Swedish what is wrong and what to do. The reader of untrusted packages
    raises this type and no other.
    """


NOTHING_CHANGED = "Databasen har inte ändrats."


def refused(reason: str) -> PackageError:
    """A refused package: `reason` (a Swedish sentence) and that nothing was changed."""
    return PackageError(f"Paketet kan inte importeras: {reason} {NOTHING_CHANGED}")
