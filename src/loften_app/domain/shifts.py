"""Shifts: a date with a start and an end time, such as a patrol or a volunteer deployment.

A shift is entered as the date it starts on, a start time and an end time. When the end time
is not after the start time the shift ends on the next day: 21:00–02:00 is a five-hour shift
ending at 02:00 the day after. An end time equal to the start time therefore means a shift of
exactly 24 hours here; the record forms treat that as a mistake and refuse it, so that these
functions never have to guess.

Times must be naive (no tzinfo): they are local wall-clock times, and a daylight-saving change
during a night shift is ignored (the shift counts its nominal length).

The evening and night, when the residents feel least safe in the town centre, run from 18:00
to 06:00 (`EVENING_START` to `NIGHT_END`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from loften_app.domain.periods import Period

__all__ = [
    "EVENING_START",
    "NIGHT_END",
    "evening_night_hours",
    "is_evening_or_night",
    "shift_bounds",
    "shift_hours",
    "split_evening_night_hours_by_period",
    "split_hours_by_period",
]

EVENING_START = time(18, 0)
NIGHT_END = time(6, 0)

_ONE_DAY = timedelta(days=1)
_HOUR_SECONDS = 3600.0

Interval = tuple[datetime, datetime]


def shift_bounds(on: date, start: time, end: time) -> tuple[datetime, datetime]:
    """Naive start and end datetimes of a shift starting on `on`.

    When `end <= start` the end falls on the next day; `end == start` gives 24 hours.
    Raises `ValueError` for times that carry a time zone.
    """
    if start.tzinfo is not None or end.tzinfo is not None:
        raise ValueError("shift times must be naive local times")
    begin = datetime.combine(on, start)
    finish = datetime.combine(on, end)
    if finish <= begin:
        finish += _ONE_DAY
    return begin, finish


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / _HOUR_SECONDS


def _overlap(a: Interval, b: Interval) -> timedelta:
    """Length of the intersection of two half-open intervals (zero if disjoint)."""
    start = max(a[0], b[0])
    end = min(a[1], b[1])
    return end - start if end > start else timedelta(0)


def _evening_night_parts(shift: Interval) -> list[Interval]:
    """The parts of `shift` that lie between 18:00 and 06:00, in order, non-empty."""
    parts: list[Interval] = []
    # A shift lasts at most 24 h, so it meets at most the windows that begin the evening before
    # its first day, on its first day and on the day after.
    day = shift[0].date() - _ONE_DAY
    while datetime.combine(day, EVENING_START) < shift[1]:
        window_start = datetime.combine(day, EVENING_START)
        window_end = datetime.combine(day + _ONE_DAY, NIGHT_END)
        start = max(window_start, shift[0])
        end = min(window_end, shift[1])
        if end > start:
            parts.append((start, end))
        day += _ONE_DAY
    return parts


def _period_bounds(period: Period) -> Interval:
    """A period as the half-open interval from its first midnight to the midnight after it."""
    return datetime.combine(period.start, time()), datetime.combine(period.end + _ONE_DAY, time())


def _split(parts: Sequence[Interval], periods: Sequence[Period]) -> dict[Period, float]:
    result: dict[Period, float] = {}
    for period in periods:
        bounds = _period_bounds(period)
        total = sum((_overlap(part, bounds) for part in parts), timedelta(0))
        result[period] = _hours(total)
    return result


def shift_hours(on: date, start: time, end: time) -> float:
    """Length of the shift in hours, minutes included (21:00–21:45 is 0.75)."""
    begin, finish = shift_bounds(on, start, end)
    return _hours(finish - begin)


def evening_night_hours(on: date, start: time, end: time) -> float:
    """Hours of the shift that lie between 18:00 and 06:00 (16:00–07:00 gives 12.0)."""
    parts = _evening_night_parts(shift_bounds(on, start, end))
    return _hours(sum((e - s for s, e in parts), timedelta(0)))


def is_evening_or_night(on: date, start: time, end: time) -> bool:
    """Whether any part of the shift lies between 18:00 and 06:00.

    A shift that ends exactly at 18:00 or starts exactly at 06:00 does not count.
    """
    return bool(_evening_night_parts(shift_bounds(on, start, end)))


def split_hours_by_period(
    on: date, start: time, end: time, periods: Sequence[Period]
) -> dict[Period, float]:
    """Hours of the shift that fall on the calendar dates of each period.

    Every period given is a key, with 0.0 when the shift misses it. Each period is measured on
    its own, so overlapping periods may both count the same hours. A shift from 2018-03-31
    22:00 to 02:00 gives 2.0 to 2018 Q1 and 2.0 to 2018 Q2.
    """
    return _split([shift_bounds(on, start, end)], periods)


def split_evening_night_hours_by_period(
    on: date, start: time, end: time, periods: Sequence[Period]
) -> dict[Period, float]:
    """Like `split_hours_by_period`, counting only the hours between 18:00 and 06:00."""
    return _split(_evening_night_parts(shift_bounds(on, start, end)), periods)
