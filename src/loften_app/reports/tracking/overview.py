"""What the overview screen shows, as plain data: the status report for a period plus what is
due beside it (the next planned walk, overdue walk actions, the follow-up date, indicators).

`overview(services, period=..., today=...)` reads everything in the helper thread; the UI only
lays it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loften_app.domain.enums import WalkStatus
from loften_app.domain.periods import Period, parse_period
from loften_app.domain.records import IndicatorData, SafetyWalkData, Stored
from loften_app.reports.tracking.engine import StatusReport, status_report
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.activities import CarriedAction

__all__ = ["IndicatorSeries", "Overview", "overview"]

#: The overdue actions listed beside the cards (the rest is counted).
OVERDUE_SHOWN = 8


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator and its values in period order: (period, value, source note)."""

    indicator: Stored[IndicatorData]
    values: tuple[tuple[Period, float, str], ...]


@dataclass(frozen=True)
class Overview:
    """Everything on the overview for one period, judged on `today`."""

    report: StatusReport
    today: dt.date
    next_walk: Stored[SafetyWalkData] | None
    #: The oldest overdue actions (at most OVERDUE_SHOWN) and how many there are in all.
    overdue: tuple[CarriedAction, ...]
    overdue_total: int
    indicators: tuple[IndicatorSeries, ...]

    @property
    def days_to_follow_up(self) -> int | None:
        """Days from today until the follow-up is due (negative when late), if a date is set."""
        due = self.report.agreement.data.follow_up_due
        return None if due is None else (due - self.today).days


def overview(services: Services, *, period: Period | None, today: dt.date) -> Overview:
    """The overview of `period` (default: the current year within the agreement) on `today`."""
    report = status_report(services, period=period, today=today)
    agreement = report.agreement.data
    ahead = Period(today, max(today, agreement.period_end))
    walks = services.safety_walks.list_page(
        filter=RecordFilter(period=ahead, status=WalkStatus.PLANNED.value),
        sort="date",
        descending=False,
        offset=0,
        limit=1,
    )
    overdue = services.safety_walks.overdue_actions(on=today, limit=OVERDUE_SHOWN)
    return Overview(
        report=report,
        today=today,
        next_walk=walks.items[0] if walks.items else None,
        overdue=tuple(overdue),
        overdue_total=services.safety_walks.count_overdue_actions(on=today),
        indicators=_indicators(services),
    )


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
