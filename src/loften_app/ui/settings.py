"""The application's `QSettings`: where they are kept, and the keys of who is working."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_USER = "user/name"
SETTINGS_ORGANISATION = "user/organisation"
SETTINGS_LANGUAGE = "language"


def application_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Loften", "Loften")
