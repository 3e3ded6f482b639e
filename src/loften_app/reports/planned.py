"""Planned time against spent time (Brå: the police spent less time than planned).

A promise's planned time is hours per year (`PromiseData.planned_hours`); for any other period it
is the part of each calendar year the period covers, by days (a quarter of 2018: 90/365 of the
year's hours; a whole year: all of them).
"""

from __future__ import annotations

from loften_app.domain.periods import Period, years_in
from loften_app.domain.records import PromiseData
from loften_app.domain.targets import format_number

__all__ = ["planned_hours", "planned_text", "spent_of_planned"]


def planned_hours(promise: PromiseData, period: Period) -> float | None:
    """The hours planned for `promise` within `period`; None when no plan is set."""
    if promise.planned_hours is None:
        return None
    total = 0.0
    for y in years_in(period):
        part = y.overlap(period)
        if part is not None:
            total += promise.planned_hours * part.days / y.days
    return total


def planned_text(hours: float | None) -> str:
    """ "120 h", or "–" when no plan is set."""
    return "–" if hours is None else f"{format_number(hours)} h"


def spent_of_planned(spent: float, planned: float | None) -> str:
    """Spent as a share of planned: "85 %", or "–" without a plan."""
    if planned is None or planned <= 0:
        return "–"
    return f"{format_number(100 * spent / planned, 0)} %"
