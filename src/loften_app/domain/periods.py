"""Calendar periods: years, quarters, months and arbitrary date ranges.

Follow-ups are made per agreement period (often two years), per year, per quarter (the steering
group's summary) and per month. A `Period` is a closed range of dates, both ends inclusive.
Everything here is plain date arithmetic on the Gregorian calendar; there are no time zones.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "MONTH_NAMES",
    "Period",
    "add_months",
    "month",
    "months_in",
    "parse_period",
    "quarter",
    "quarter_key",
    "quarter_of",
    "quarters_in",
    "year",
    "years_in",
]

#: Swedish month names, lower case as written in running text; index 0 is January.
MONTH_NAMES: tuple[str, ...] = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

_PARSE_HELP = "Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31."


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of calendar dates: `start` and `end` both belong to the period.

    Periods order by start, then end, and are hashable (usable as dict keys).
    Raises `ValueError` when `end` is before `start`.
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"Perioden slutar ({self.end.isoformat()}) före den börjar "
                f"({self.start.isoformat()})."
            )

    def contains(self, d: date) -> bool:
        """Whether the date `d` lies within the period (ends included)."""
        return self.start <= d <= self.end

    @property
    def days(self) -> int:
        """Number of days in the period, both ends counted (a year has 365 or 366)."""
        return (self.end - self.start).days + 1

    def _kind(self) -> str:
        """'year', 'quarter', 'month' or 'range': the most specific form the period has."""
        s, e = self.start, self.end
        if s.day != 1 or e.year != s.year or e != _month_end(e.year, e.month):
            return "range"
        if s.month == 1 and e.month == 12:
            return "year"
        if s.month == e.month:
            return "month"
        if s.month % 3 == 1 and e.month == s.month + 2:
            return "quarter"
        return "range"

    @property
    def label(self) -> str:
        """Swedish text for the period: "2018", "2018 kv 3", "januari 2018" or a date range."""
        kind = self._kind()
        if kind == "year":
            return str(self.start.year)
        if kind == "quarter":
            return f"{self.start.year} kv {_quarter_number(self.start)}"
        if kind == "month":
            return f"{MONTH_NAMES[self.start.month - 1]} {self.start.year}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def key(self) -> str:
        """Stable machine key: "2018", "2018-Q3", "2018-03" or "2017-01-01/2018-12-31".

        `parse_period(p.key) == p` for every period `p`.
        """
        kind = self._kind()
        if kind == "year":
            return str(self.start.year)
        if kind == "quarter":
            return quarter_key(self.start)
        if kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def overlap(self, other: Period) -> Period | None:
        """The dates the two periods have in common, or None if they are disjoint."""
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        if end < start:
            return None
        return Period(start, end)

    def elapsed_fraction(self, today: date) -> float:
        """How much of the period has passed on `today`, from 0.0 to 1.0.

        0.0 before the start, 1.0 on and after the end; in between, pro rata by days with
        `today` counted as elapsed (so the first day gives 1/days).
        """
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        return ((today - self.start).days + 1) / self.days


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _quarter_number(d: date) -> int:
    return (d.month - 1) // 3 + 1


def year(y: int) -> Period:
    """The calendar year `y`, 1 January to 31 December."""
    return Period(date(y, 1, 1), date(y, 12, 31))


def quarter(y: int, q: int) -> Period:
    """Quarter `q` (1–4) of year `y`; raises `ValueError` for any other `q`."""
    if not 1 <= q <= 4:
        raise ValueError(f"Kvartal måste vara 1–4, inte {q}.")
    first = 3 * (q - 1) + 1
    return Period(date(y, first, 1), _month_end(y, first + 2))


def month(y: int, m: int) -> Period:
    """Month `m` (1–12) of year `y`; raises `ValueError` for any other `m`."""
    if not 1 <= m <= 12:
        raise ValueError(f"Månad måste vara 1–12, inte {m}.")
    return Period(date(y, m, 1), _month_end(y, m))


def quarter_of(d: date) -> Period:
    """The quarter that contains `d` (31 March is in Q1, 1 April in Q2)."""
    return quarter(d.year, _quarter_number(d))


def quarter_key(d: date) -> str:
    """Key of the quarter that contains `d`, e.g. "2018-Q1"."""
    return f"{d.year:04d}-Q{_quarter_number(d)}"


def years_in(period: Period) -> list[Period]:
    """The whole calendar years that overlap `period`, in order (not clipped)."""
    return [year(y) for y in range(period.start.year, period.end.year + 1)]


def quarters_in(period: Period) -> list[Period]:
    """The whole quarters that overlap `period`, in order (not clipped to it)."""
    result: list[Period] = []
    y, q = period.start.year, _quarter_number(period.start)
    last = (period.end.year, _quarter_number(period.end))
    while (y, q) <= last:
        result.append(quarter(y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return result


def months_in(period: Period) -> list[Period]:
    """The whole months that overlap `period`, in order (not clipped to it)."""
    result: list[Period] = []
    y, m = period.start.year, period.start.month
    last = (period.end.year, period.end.month)
    while (y, m) <= last:
        result.append(month(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return result


_YEAR_RE = re.compile(r"([0-9]{4})")
_QUARTER_RE = re.compile(r"([0-9]{4})-?[Qq]([1-4])")
_MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
_RANGE_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\s*(?:/|\.\.)\s*([0-9]{4}-[0-9]{2}-[0-9]{2})")


def _parse_bounds(text: str) -> tuple[date, date] | None:
    """Start and end written in `text`, or None if it has none of the accepted forms.

    Raises `ValueError` for a well-formed text naming a date that does not exist.
    """
    if match := _YEAR_RE.fullmatch(text):
        p = year(int(match[1]))
    elif match := _QUARTER_RE.fullmatch(text):
        p = quarter(int(match[1]), int(match[2]))
    elif match := _MONTH_RE.fullmatch(text):
        p = month(int(match[1]), int(match[2]))
    elif match := _RANGE_RE.fullmatch(text):
        return date.fromisoformat(match[1]), date.fromisoformat(match[2])
    else:
        return None
    return p.start, p.end


def parse_period(text: str) -> Period:
    """Read a period as a user or a command line writes it.

    Accepts "2018", "2018-Q3" (also "2018-q3" and "2018Q3"), "2018-03", and
    "2017-01-01/2018-12-31" (also "2017-01-01..2018-12-31"); surrounding blanks are ignored.
    Raises `ValueError` with a Swedish message for anything else, for dates that do not exist
    (year 0, month 13, 30 February) and for a range whose end is before its start.
    """
    unknown = f"Okänd period: {text!r}. {_PARSE_HELP}"
    try:
        bounds = _parse_bounds(text.strip())
    except ValueError as exc:
        raise ValueError(unknown) from exc
    if bounds is None:
        raise ValueError(unknown)
    start, end = bounds
    if end < start:
        raise ValueError(f"Okänd period: {text!r} slutar före den börjar. {_PARSE_HELP}")
    return Period(start, end)


def add_months(d: date, months: int) -> date:
    """`d` moved by `months` calendar months (may be negative), day clamped to the month.

    2018-08-31 + 6 months is 2019-02-28; used for the default action deadline, six months
    after a safety walk.
    """
    index = d.year * 12 + (d.month - 1) + months
    y, m0 = divmod(index, 12)
    m = m0 + 1
    if not 1 <= y <= 9999:
        raise ValueError(f"Datumet hamnar utanför kalendern: år {y}.")
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
