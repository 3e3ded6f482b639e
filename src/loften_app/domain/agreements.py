"""The agreement cycle: which agreement is in force on a date, and the span each one covers.

A file holds any number of agreements (samverkansöverenskommelser), usually one a year. On any
date exactly one is *in force*: the latest one that has started. An agreement "valid until
replaced" (giltig tills en ny tecknas) stays in force after its end date until the next one
starts; that time is its *extension* (förlängd giltighet), and records dated in it belong to it.
An agreement that is not valid until replaced ends on its end date, and a date after it with no
newer agreement has no agreement in force.

Plain date arithmetic; the storage layer hands in `Term`s and gets answers back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from loften_app.domain.periods import Period, quarters_in, years_in

__all__ = [
    "Term",
    "choices",
    "covered",
    "extension",
    "in_force",
    "overlapping",
    "renewal_period",
    "tenure",
]


@dataclass(frozen=True)
class Term:
    """An agreement's identity and dates, as the cycle needs them."""

    id: str
    start: dt.date
    end: dt.date
    valid_until_replaced: bool = True

    @property
    def period(self) -> Period:
        """The period written in the agreement (without any extension)."""
        return Period(self.start, self.end)


def _ordered(terms: Sequence[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: (t.start, t.id))


def _successor(term: Term, terms: Sequence[Term]) -> Term | None:
    later = [t for t in _ordered(terms) if t.start > term.start]
    return later[0] if later else None


def tenure(term: Term, terms: Sequence[Term]) -> tuple[dt.date, dt.date | None]:
    """The first and last day `term` is in force among `terms` (None: no end yet, it is valid
    until replaced and nothing has replaced it). A later agreement cuts it short the day before
    it starts, even inside the written period."""
    nxt = _successor(term, terms)
    end: dt.date | None = None if term.valid_until_replaced else term.end
    if nxt is not None:
        cut = nxt.start - dt.timedelta(days=1)
        end = cut if end is None else min(end, cut)
    return term.start, end


def in_force(terms: Sequence[Term], day: dt.date) -> Term | None:
    """The agreement in force on `day`: the latest one that has started, if its tenure reaches
    `day`; None when no agreement has started, or the latest one has ended and was not valid
    until replaced."""
    started = [t for t in _ordered(terms) if t.start <= day]
    if not started:
        return None
    latest = started[-1]
    _, end = tenure(latest, terms)
    return latest if end is None or day <= end else None


def covered(term: Term, terms: Sequence[Term], today: dt.date) -> Period:
    """The span of `term` that reports and the overview offer: its written period, or the part
    of it before a later agreement started, plus its extension up to `today` when it is valid
    until replaced and still in force (or up to the day before its successor started)."""
    start, end = tenure(term, terms)
    if end is None:
        end = max(term.end, today)
    return Period(start, max(start, end))


def extension(term: Term, terms: Sequence[Term], today: dt.date) -> Period | None:
    """The part of `covered` after the written end date (förlängd giltighet), if any."""
    span = covered(term, terms, today)
    if span.end <= term.end:
        return None
    return Period(term.end + dt.timedelta(days=1), span.end)


def choices(term: Term, terms: Sequence[Term], today: dt.date) -> list[Period]:
    """The periods offered for `term`: its years, then its quarters, all clipped to `covered`."""
    span = covered(term, terms, today)
    return [*years_in(span), *quarters_in(span)]


def overlapping(period: Period, terms: Sequence[Term], *, ignore: str | None = None) -> list[Term]:
    """The agreements whose written period overlaps `period` (other than `ignore`)."""
    return [
        t
        for t in _ordered(terms)
        if t.id != ignore and t.start <= period.end and period.start <= t.end
    ]


def renewal_period(term: Term) -> Period:
    """The default period of the agreement that renews `term`: the calendar year after its
    written end (an agreement ending 2026-12-31 is renewed for 2027)."""
    year = term.end.year + 1
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
