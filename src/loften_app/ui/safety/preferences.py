"""The settings of backups, retention and the exchange, read through `ui.settings` (no storage
import at the top: the settings dialog loads before the database)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from loften_app.ui.settings import KEEP_BACKUPS, PARTNER, PARTNERS, RETENTION_MONTHS

if TYPE_CHECKING:
    from loften_app.storage.backup import BackupPolicy

#: The keys as text, for the tests that write a settings file as a user's would be.
SETTINGS_RETENTION_MONTHS = RETENTION_MONTHS.key
SETTINGS_KEEP_BACKUPS = KEEP_BACKUPS.key


def retention_months(settings: QSettings) -> int:
    """Months after closing before a drug case is retained (12–120, default 36)."""
    return RETENTION_MONTHS.read(settings)


def keep_backups(settings: QSettings) -> int:
    """How many of the newest backups are kept (1–100, default 10)."""
    return KEEP_BACKUPS.read(settings)


def backup_policy(settings: QSettings) -> BackupPolicy:
    from loften_app.storage.backup import BackupPolicy

    return BackupPolicy(keep_newest=keep_backups(settings))


def partners(settings: QSettings) -> list[str]:
    """The partners exported to before, the last one first."""
    last = PARTNER.read(settings)
    ordered = [last] if last else []
    ordered.extend(name for name in PARTNERS.read(settings) if name != last)
    return ordered


def remember_partner(settings: QSettings, name: str) -> None:
    known = partners(settings)
    PARTNER.write(settings, name)
    PARTNERS.write(settings, [name, *[n for n in known if n != name]])
