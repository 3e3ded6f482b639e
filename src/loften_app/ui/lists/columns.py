"""The declarative parts of a list: `Column` and `ListSpec`, and helpers that format values.

A column says what its header is (Swedish source text, translated when shown), how a record's
data becomes the text in a cell, which of the service's `sort_keys` sorts by it (None: not
sortable, since sorting happens in the database), how its value compares for `SORT_ROLE`, and
how it is aligned. The specs for each record type are in `specs.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.names import RegisterNames

#: Translation context of column headers and cell texts.
CONTEXT = "RecordColumns"

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter

Display = Callable[[Any, RegisterNames], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it yet (Qt's macro, typed
    as returning str; lupdate finds calls of it by name)."""
    del context
    return text


SortValue = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One column of a record list.

    `header` is the untranslated Swedish text (mark it with QT_TRANSLATE_NOOP in `CONTEXT`);
    `display` turns a record's data into cell text; `sort_key` names one of the service's
    `sort_keys` or is None; `sort_value` gives a comparable value for `SORT_ROLE` (default: the
    display text); `width` is the default width in average characters.
    """

    header: str
    display: Display
    sort_key: str | None = None
    sort_value: SortValue | None = None
    alignment: Qt.AlignmentFlag = LEFT
    width: int = 12
    #: The enum whose words the column shows: the search finds its records by those words.
    enum: type[StrEnum] | None = None

    @property
    def sortable(self) -> bool:
        return self.sort_key is not None

    def title(self) -> str:
        # A field's label (`ui.kinds.FieldLabel`) has a context of its own.
        return QCoreApplication.translate(getattr(self.header, "context", CONTEXT), self.header)


@dataclass(frozen=True)
class ListSpec:
    """Everything about a record type's list that is not data: columns and filters.

    `default_sort_column` is the column sorted by when nothing else is chosen (None: the
    service's first sort key, with no column marked); `stretch_column` takes the width the
    others leave (None: the last one); `status_enum` enables the status filter; `has_place`
    enables the place filter; `has_period` the period filter.
    """

    name: str
    title: str
    columns: Sequence[Column]
    default_sort_column: int | None = 0
    default_descending: bool = True
    stretch_column: int | None = None
    status_enum: type[StrEnum] | None = None
    has_place: bool = True
    has_period: bool = True

    def title_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    def column_of(self, sort_key: str) -> int:
        """The column sorted by `sort_key`, or -1."""
        for index, column in enumerate(self.columns):
            if column.sort_key == sort_key:
                return index
        return -1


# --- formatting helpers ---------------------------------------------------------------------


def fill(template: str, *values: str) -> str:
    """Qt-style placeholders in a translated text: fill("%1–%2", a, b)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", values[number - 1])
    return template


def date_text(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def time_text(value: dt.time | None) -> str:
    # As strftime("%H:%M") gives it (which imports a module on every call).
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def number_text(value: float | None) -> str:
    """A count or an amount in the user's locale: 1 234, 4,5, 0,75 (at most two decimals)."""
    if value is None:
        return ""
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return QLocale().toString(int(rounded))
    decimals = 1 if round(rounded, 1) == rounded else 2
    return QLocale().toString(rounded, "f", decimals)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("RecordColumns", "ja")
    return QCoreApplication.translate("RecordColumns", "nej")


def enum_or_empty(member: StrEnum | None) -> str:
    return "" if member is None else enum_text(member)


def shift_text(start: dt.time, end: dt.time, hours: float) -> str:
    """A shift as "21:00–02:00 (5 h)"."""
    return fill(
        QCoreApplication.translate("RecordColumns", "%1–%2 (%3 h)"),
        time_text(start),
        time_text(end),
        number_text(hours),
    )


def iso_or_empty(value: dt.date | dt.time | None) -> str:
    """A sort value for an optional date or time: ISO text compares in time order."""
    return "" if value is None else value.isoformat()


def number_or_minus(value: float | None) -> float:
    """A sort value for an optional number: missing values sort first."""
    return -1.0 if value is None else float(value)
