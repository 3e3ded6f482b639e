"""The one error type of the exchange: every refusal is a `PackageError` with an `ErrorText`
(its code, parameters and Swedish template)."""

from __future__ import annotations

from loften_app.domain.errors import ErrorText, error_text
from loften_app.storage.errors import StorageError


class PackageError(StorageError):
    """A package cannot be exported, read or imported; nothing was written.

    `message` says in Swedish what is wrong and what to do. The reader of untrusted packages
    raises this type and no other.
    """


NOTHING_CHANGED = "Databasen har inte ändrats."


def refused(reason: str | ErrorText) -> PackageError:
    """A refused package: `reason` (a Swedish sentence, or its `ErrorText`) and that nothing
    was changed."""
    return PackageError(
        error_text(
            "package.refused",
            "Paketet kan inte importeras: {reason} Databasen har inte ändrats.",
            reason=reason,
        )
    )
