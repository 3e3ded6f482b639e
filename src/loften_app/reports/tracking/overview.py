"""What the overview screen shows, as plain data: the status report for a period plus what is
due beside it (the next planned walk, overdue walk actions, the follow-up date, indicators).

`overview(services, period=..., today=...)` reads everything in the helper thread; the UI only
lays it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from loften_app.domain.enums import WalkStatus
from loften_app.domain.periods import Period, parse_period
from loften_app.domain.records import IndicatorData, SafetyWalkData, Stored
from loften_app.reports.tracking.engine import StatusReport, status_report
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.activities import CarriedAction

__all__ = ["Due", "IndicatorSeries", "Overview", "due_on", "overview", "warm"]

#: The overdue actions listed beside the cards (the rest is counted).
OVERDUE_SHOWN = 8


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator and its values in period order: (period, value, source note)."""

    indicator: Stored[IndicatorData]
    values: tuple[tuple[Period, float, str], ...]


@dataclass(frozen=True)
class Due:
    """What is due on `today`, whatever the period shown: the next planned walk and the
    overdue walk actions (the oldest OVERDUE_SHOWN of them, and how many there are in all)."""

    today: dt.date
    next_walk: Stored[SafetyWalkData] | None
    overdue: tuple[CarriedAction, ...]
    overdue_total: int


@dataclass(frozen=True)
class Overview:
    """Everything on the overview for one period, judged on `today`."""

    report: StatusReport
    due: Due
    indicators: tuple[IndicatorSeries, ...]

    @property
    def today(self) -> dt.date:
        return self.due.today

    @property
    def next_walk(self) -> Stored[SafetyWalkData] | None:
        return self.due.next_walk

    @property
    def overdue(self) -> tuple[CarriedAction, ...]:
        return self.due.overdue

    @property
    def overdue_total(self) -> int:
        return self.due.overdue_total

    @property
    def days_to_follow_up(self) -> int | None:
        """Days from today until the follow-up is due (negative when late), if a date is set."""
        due = self.report.agreement.data.follow_up_due
        return None if due is None else (due - self.today).days


def overview(
    services: Services, *, period: Period | None, today: dt.date, due: Due | None = None
) -> Overview:
    """The overview of `period` (default: the current year within the agreement) on `today`;
    `due` is reused when given (it does not depend on the period)."""
    report = status_report(services, period=period, today=today)
    if due is None or due.today != today:
        due = due_on(services, report, today)
    return Overview(report=report, due=due, indicators=_indicators(services))


def due_on(services: Services, report: StatusReport, today: dt.date) -> Due:
    """The next planned walk from `today` to the end of the agreement, and overdue actions."""
    agreement = report.agreement.data
    ahead = Period(today, max(today, agreement.period_end))
    walks = services.safety_walks.list_page(
        filter=RecordFilter(period=ahead, status=WalkStatus.PLANNED.value),
        sort="date",
        descending=False,
        offset=0,
        limit=1,
    )
    return Due(
        today=today,
        next_walk=walks.items[0] if walks.items else None,
        overdue=tuple(services.safety_walks.overdue_actions(on=today, limit=OVERDUE_SHOWN)),
        overdue_total=services.safety_walks.count_overdue_actions(on=today),
    )


def warm(services: Services, periods: Sequence[Period], today: dt.date) -> None:
    """Compute the status of each of `periods` once, so that the figure cache answers when
    one of them is chosen (run on the helper thread while the user reads the overview)."""
    for period in periods:
        status_report(services, period=period, today=today)


def _indicators(services: Services) -> tuple[IndicatorSeries, ...]:
    result: list[IndicatorSeries] = []
    offset = 0
    while True:
        page = services.indicators.list_page(
            filter=RecordFilter(), sort="name", descending=False, offset=offset, limit=200
        )
        for indicator in page.items:
            values = []
            for stored in services.indicator_values.for_indicator(indicator.id):
                try:
                    period = parse_period(stored.data.period_key)
                except ValueError:
                    continue  # validation refuses such keys; an old file may still hold one
                values.append((period, stored.data.value, stored.data.source_note))
            values.sort(key=lambda v: (v[0].start, v[0].end))
            result.append(IndicatorSeries(indicator, tuple(values)))
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return tuple(result)
