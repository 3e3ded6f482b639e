"""The settings of backups, retention and the exchange, read from `QSettings` with their
defaults and limits (no storage import here: the settings dialog loads before the database)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from loften_app.storage.backup import BackupPolicy

SETTINGS_RETENTION_MONTHS = "safety/retention_months"
SETTINGS_KEEP_BACKUPS = "safety/keep_backups"
SETTINGS_PARTNER = "exchange/partner"
SETTINGS_PARTNERS = "exchange/partners"

RETENTION_DEFAULT, RETENTION_MIN, RETENTION_MAX = 36, 12, 120
KEEP_DEFAULT, KEEP_MIN, KEEP_MAX = 10, 1, 100


def _int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(settings.value(key, default)))
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


def retention_months(settings: QSettings) -> int:
    """Months after closing before a drug case is retained (12–120, default 36)."""
    return _int(
        settings, SETTINGS_RETENTION_MONTHS, RETENTION_DEFAULT, RETENTION_MIN, RETENTION_MAX
    )


def keep_backups(settings: QSettings) -> int:
    """How many of the newest backups are kept (1–100, default 10)."""
    return _int(settings, SETTINGS_KEEP_BACKUPS, KEEP_DEFAULT, KEEP_MIN, KEEP_MAX)


def backup_policy(settings: QSettings) -> BackupPolicy:
    from loften_app.storage.backup import BackupPolicy

    return BackupPolicy(keep_newest=keep_backups(settings))


def partners(settings: QSettings) -> list[str]:
    """The partners exported to before, the last one first."""
    value = settings.value(SETTINGS_PARTNERS, [])
    names: list[object] = []
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, list | tuple):
        names = list(value)
    last = str(settings.value(SETTINGS_PARTNER, "") or "")
    ordered = [last] if last else []
    ordered.extend(str(n) for n in names if n and str(n) != last)
    return ordered


def remember_partner(settings: QSettings, name: str) -> None:
    known = partners(settings)
    settings.setValue(SETTINGS_PARTNER, name)
    settings.setValue(SETTINGS_PARTNERS, [name, *[n for n in known if n != name]][:20])
