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
from loften_app.storage.services.report_queries import OverdueAction, ReportQueries

__all__ = ["Due", "IndicatorSeries", "Overview", "due_on", "first_figures", "overview", "warm"]

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
    overdue: tuple[OverdueAction, ...]
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
    def overdue(self) -> tuple[OverdueAction, ...]:
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
    services: Services,
    *,
    period: Period | None,
    today: dt.date,
    due: Due | None = None,
    agreement: str | None = None,
) -> Overview:
    """The overview of `period` (default: the current year within the agreement) of `agreement`
    (an id; default: see `status_report`) on `today`; `due` is reused when given (it does not
    depend on the period)."""
    report, indicators = first_figures(services, period=period, today=today, agreement=agreement)
    if due is None or due.today != today:
        due = due_on(services, report, today)
    return Overview(report=report, due=due, indicators=indicators)


def first_figures(
    services: Services,
    *,
    period: Period | None,
    today: dt.date,
    agreement: str | None = None,
) -> tuple[StatusReport, tuple[IndicatorSeries, ...]]:
    """What the overview shows besides what is due: the cards' status report and the
    indicators (the window shows these first, then asks for `due_on`)."""
    report = status_report(services, period=period, today=today, agreement=agreement)
    return report, _indicators(services)


def due_on(services: Services, report: StatusReport, today: dt.date) -> Due:
    """The next planned walk from `today` to the end of the agreement, and overdue actions."""
    queries = ReportQueries(services.database)
    # Open actions stay open across agreements: those of the promises these continue count too.
    ids = [p.promise.id for p in report.promises]
    ids += [old for pid in list(ids) for old in services.promises.lineage(pid)]
    ahead = Period(today, max(today, _last_day(services, report, today)))
    walks = services.safety_walks.list_page(
        filter=RecordFilter(period=ahead, status=WalkStatus.PLANNED.value),
        sort="date",
        descending=False,
        offset=0,
        limit=1,
    )
    overdue, total = queries.overdue_actions_counted(
        ref=today, promise_ids=ids, limit=OVERDUE_SHOWN
    )
    return Due(
        today=today,
        next_walk=walks.items[0] if walks.items else None,
        overdue=tuple(overdue),
        overdue_total=total,
    )


def _last_day(services: Services, report: StatusReport, today: dt.date) -> dt.date:
    """The last day a walk planned now belongs to the agreement: the day before the next one
    starts, else (valid until replaced, or still running) two years ahead at least."""
    covered = services.agreements.covered(report.agreement.id, today)
    later = [
        a
        for a in services.agreements.listing(today)
        if a.agreement.data.period_start > report.agreement.data.period_start
    ]
    if later:
        return covered.end
    return max(covered.end, report.agreement.data.period_end, today + dt.timedelta(days=730))


def warm(
    services: Services, periods: Sequence[Period], today: dt.date, agreement: str | None = None
) -> None:
    """Compute the status of each of `periods` (of `agreement`) once, so that the figure cache
    answers when one of them is chosen (run on the helper thread while the user reads the
    overview)."""
    for period in periods:
        status_report(services, period=period, today=today, agreement=agreement)


def _indicators(services: Services) -> tuple[IndicatorSeries, ...]:
    """Every active indicator with its values in period order (one query for the values)."""
    indicators = services.indicators.list_page(
        filter=RecordFilter(), sort="name", descending=False, limit=10_000
    ).items
    values = ReportQueries(services.database).indicator_values()
    result: list[IndicatorSeries] = []
    for indicator in indicators:
        series = []
        for key, value, note in values.get(indicator.id, []):
            try:
                period = parse_period(key)
            except ValueError:
                continue  # validation refuses such keys; an old file may still hold one
            series.append((period, value, note))
        series.sort(key=lambda v: (v[0].start, v[0].end))
        result.append(IndicatorSeries(indicator, tuple(series)))
    return tuple(result)
