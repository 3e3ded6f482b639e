"""Every `QSettings` key of the application, with its type, default and bounds, in one place.

The settings file is INI (`application_settings`), where every value comes back as text: a
`Setting` reads it as its type (a value that cannot be read, or lies outside the bounds, gives
the default or the nearest bound) and writes it so that it reads back the same. Nothing else in
the UI spells a settings key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool)


def application_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Loften", "Loften")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key: its value is a `str`, an `int` (kept within `low`–`high`) or a `bool`."""

    key: str
    default: T
    low: int | None = None
    high: int | None = None

    def read(self, settings: QSettings) -> T:
        raw = settings.value(self.key, None)
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            text = str(raw).strip().lower()
            return text == "true" if text in {"true", "false"} else self.default
        if isinstance(self.default, int):
            try:
                number = int(str(raw).strip())
            except ValueError:
                return self.default
            if self.low is not None:
                number = max(number, self.low)
            if self.high is not None:
                number = min(number, self.high)
            return number
        return str(raw or "") or self.default

    def write(self, settings: QSettings, value: T) -> None:
        if isinstance(value, bool):
            settings.setValue(self.key, "true" if value else "false")
        else:
            settings.setValue(self.key, value)


@dataclass(frozen=True)
class ListSetting:
    """A key holding a list of texts (the newest first), at most `limit` long."""

    key: str
    limit: int

    def read(self, settings: QSettings) -> list[str]:
        value = settings.value(self.key, [])
        items: Sequence[object] = (
            [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
        )
        return [str(item) for item in items if item]

    def write(self, settings: QSettings, values: Sequence[str]) -> None:
        settings.setValue(self.key, list(values)[: self.limit])


@dataclass(frozen=True)
class BytesSetting:
    """A key holding Qt's own bytes (a window's geometry); None when there are none."""

    key: str

    def read(self, settings: QSettings) -> QByteArray | None:
        value = settings.value(self.key)
        return value if isinstance(value, QByteArray) else None

    def write(self, settings: QSettings, value: QByteArray) -> None:
        settings.setValue(self.key, value)


# --- who is working, and in which language ------------------------------------------------------

USER_NAME = Setting("user/name", "")
#: An `Organisation` value ("police", "municipality"); anything else counts as not chosen.
ORGANISATION = Setting("user/organisation", "")
#: "sv" or "en" (`ui.i18n`).
LANGUAGE = Setting("language", "sv")

# --- which database ------------------------------------------------------------------------------

#: "file" or "server": what the first start chose (nothing: not asked yet).
DATABASE_KIND = Setting("database/kind", "")
#: The shared server chosen at the first start, as a URL WITHOUT a password
#: (postgresql://user@host:port/dbname). The password is never kept in the settings: it is
#: asked for when connecting, or libpq finds it in the user's ~/.pgpass.
DATABASE_SERVER = Setting("database/server", "")

# --- the window -----------------------------------------------------------------------------------

WINDOW_GEOMETRY = BytesSetting("window/geometry")
WINDOW_MAXIMISED = Setting("window/maximised", False)
#: The section shown last (a key of `main_window.SECTION_KEYS`).
WINDOW_SECTION = Setting("window/section", "overview")

# --- pages ----------------------------------------------------------------------------------------

#: The period the overview showed last (a `Period.key`), "" for the default.
OVERVIEW_PERIOD = Setting("overview/period", "")
#: "quarterly" or "follow-up" (`ui.reports.choices`).
REPORT_KIND = Setting("reports/kind", "quarterly")
REPORT_QUARTER = Setting("reports/quarter", "")
REPORT_PUBLIC = Setting("reports/public", False)
REPORT_SAVE_FOLDER = Setting("reports/save_folder", "")

# --- safety and the exchange --------------------------------------------------------------------

#: Months after closing before a drug case is retained.
RETENTION_MONTHS = Setting("safety/retention_months", 36, low=12, high=120)
#: How many of the newest backups are kept.
KEEP_BACKUPS = Setting("safety/keep_backups", 10, low=1, high=100)
#: The partner exported to last, and those before (the newest first).
PARTNER = Setting("exchange/partner", "")
PARTNERS = ListSetting("exchange/partners", limit=20)


# --- each list (one set per list: "lists/patrols/...") ------------------------------------------


def list_column_widths(list_key: str) -> Setting[str]:
    """The widths of a list's columns, as "120,80,…" (in the order of its columns)."""
    return Setting(f"{list_key}/column_widths", "")


def list_sort_key(list_key: str) -> Setting[str]:
    """The sort key of the column a list was sorted by ("" for its default)."""
    return Setting(f"{list_key}/sort_key", "")


def list_sort_descending(list_key: str) -> Setting[str]:
    """ "descending" or "ascending"."""
    return Setting(f"{list_key}/sort_order", "descending")


#: The keys as text, for the tests that write a settings file as a user's would be.
SETTINGS_USER = USER_NAME.key
SETTINGS_ORGANISATION = ORGANISATION.key
SETTINGS_LANGUAGE = LANGUAGE.key
