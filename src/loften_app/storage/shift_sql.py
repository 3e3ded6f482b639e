"""The arithmetic of a shift (a patrol, a volunteer deployment) in SQL, written once.

Times are stored as "HH:MM:SS.ffffff". A shift whose end is not after its start ends the next
day (21:00–02:00 is five hours); it counts whole in the period of its date (docs/figures.md, rule
1), and its evening and night are its overlap with 18:00–06:00. `domain.shifts` says the same in
Python; the figures (`services.figures`), the export (`services.report_queries`) and the lists'
sorting (`services.activities`) use these.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func

from loften_app.storage import figure_sql as _text

# The text of a shift's seconds lives in `figure_sql` (no SQLAlchemy), shared with the figures.
DAY = _text.DAY
EVENING_NIGHT = _text.EVENING_NIGHT
seconds = _text.seconds
start_end = _text.start_end

_EVENING_STARTS = 18 * 60
_MORNING_ENDS = 6 * 60
_DAY_MINUTES = 24 * 60


#: The length of a shift in hours (SQL text), written in `figure_sql` (the export reads it
#: without SQLAlchemy).
shift_hours = _text.shift_hours


def minutes(time: Any) -> ColumnElement[int]:
    """Minutes after midnight of a stored time (an SQL expression)."""
    hours = cast(func.substr(time, 1, 2), Integer)
    return hours * 60 + cast(func.substr(time, 4, 2), Integer)


def shift_minutes(start: Any, end: Any) -> ColumnElement[int]:
    """The length of a shift in minutes (an end before the start is on the next day)."""
    return (minutes(end) - minutes(start) + _DAY_MINUTES) % _DAY_MINUTES


def evening_or_night(start: Any, end: Any) -> ColumnElement[int]:
    """1 when any part of the shift lies between 18:00 and 06:00 (as `is_evening_or_night`)."""
    begins = minutes(start)
    return case(
        (begins >= _EVENING_STARTS, 1),
        (begins < _MORNING_ENDS, 1),
        (begins + shift_minutes(start, end) > _EVENING_STARTS, 1),
        else_=0,
    )
