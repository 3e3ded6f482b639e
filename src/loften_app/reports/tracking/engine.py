"""The target engine: every promise of the agreement with its targets' status for a period.

`status_report(services, period=..., today=...)` reads the agreement, its promises and targets
through the storage services, fetches the figures once per distinct measured period
(`FigureService`), and evaluates each target with `domain.targets`. The result is plain data
that the command line, the overview and the PDF reports render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from loften_app.domain.enums import Measure, PromiseType
from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData, PromiseData, Stored, TargetData
from loften_app.domain.targets import (
    Forecast,
    PartResult,
    TargetStatus,
    Window,
    combined_status,
    default_period,
    describe_target,
    evaluate,
    forecast_text,
    format_value,
    median_from_histogram,
    parts_text,
    share,
    status_label,
    sub_periods,
    target_window,
)
from loften_app.reports.kinds import contacted_within, main_figures
from loften_app.storage.figure_sql import PromiseFigures

if TYPE_CHECKING:
    from loften_app.storage.services import Services

__all__ = [
    "PromiseStatus",
    "StatusReport",
    "TargetResult",
    "chosen_agreement",
    "judged",
    "measure_value",
    "status_report",
]

#: Measures judged on the walk actions' figures (the only ones that read them).
_ACTION_MEASURES = frozenset(
    {Measure.ACTIONS_OPEN, Measure.ACTIONS_OVERDUE, Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE}
)
#: Measures whose forecast counts planned safety walks.
_PLANNED_MEASURES = (Measure.WALKS_COMPLETED, Measure.RECORD_COUNT)


@dataclass(frozen=True)
class TargetResult:
    """One target evaluated for a period, with its words ready to show."""

    target: Stored[TargetData]
    window: Window
    actual: float | None
    status: TargetStatus
    forecast: Forecast
    as_of: dt.date
    #: A per-quarter or per-year target over several quarters or years: each judged alone
    #: (the status is `combined_status` of them); empty when judged as one.
    parts: tuple[PartResult, ...] = ()

    @property
    def description(self) -> str:
        return describe_target(self.target.data)

    @property
    def actual_text(self) -> str:
        return format_value(self.target.data.measure, self.actual)

    @property
    def status_text(self) -> str:
        return status_label(self.status)

    @property
    def forecast_text(self) -> str:
        if self.parts:
            return parts_text(self.target.data, self.parts, self.as_of)
        return forecast_text(self.target.data, self.forecast, window=self.window)

    @property
    def parts_met(self) -> tuple[int, int]:
        """(finished quarters or years that met the target, finished ones); (0, 0) when the
        target is judged as one."""
        finished = [p for p in self.parts if p.finished(self.as_of)]
        return sum(1 for p in finished if p.status is TargetStatus.MET), len(finished)


@dataclass(frozen=True)
class PromiseStatus:
    """A promise, its main figures for the chosen period and its evaluated targets."""

    promise: Stored[PromiseData]
    figures: PromiseFigures
    targets: tuple[TargetResult, ...]

    @property
    def main_figures(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the figures that matter for the promise's type."""
        return main_figures(self.promise.data.type, self.figures)


@dataclass(frozen=True)
class StatusReport:
    """The status of every promise of an agreement for a period, judged on `as_of`."""

    agreement: Stored[AgreementData]
    period: Period
    as_of: dt.date
    promises: tuple[PromiseStatus, ...]


def measure_value(measure: Measure, f: PromiseFigures, parameter: int | None) -> float | None:
    """The actual value of `measure` from a promise's figures; None when there is nothing to
    measure (a share of no cases, a median of no contacts)."""
    values: dict[Measure, Callable[[], float | None]] = {
        Measure.RECORD_COUNT: lambda: f.records,
        Measure.WALKS_COMPLETED: lambda: f.walks_completed,
        Measure.SHOP_VISITS: lambda: f.shop_visits,
        Measure.PATROL_HOURS: lambda: f.patrol_hours,
        Measure.PATROL_HOURS_EVENING_NIGHT: lambda: f.patrol_hours_evening_night,
        Measure.VOLUNTEER_DEPLOYMENTS: lambda: f.deployments,
        Measure.VOLUNTEER_HOURS: lambda: f.volunteer_hours,
        Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY: lambda: share(
            f.deployments_with_municipality, f.deployments
        ),
        Measure.VOLUNTEER_SHARE_WITH_BUSINESS: lambda: share(
            f.deployments_with_business, f.deployments
        ),
        Measure.DRUG_CASES: lambda: f.drug_cases,
        Measure.DRUG_SHARE_NOTIFIED: lambda: share(f.drug_cases_notified, f.drug_cases),
        Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS: lambda: contacted_within(f, parameter),
        Measure.DRUG_MEDIAN_DAYS_TO_CONTACT: lambda: median_from_histogram(f.contact_days),
        Measure.ACTIONS_OPEN: lambda: f.actions_open,
        Measure.ACTIONS_OVERDUE: lambda: f.actions_overdue,
        Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE: lambda: share(
            f.actions_closed_by_deadline, f.actions_due
        ),
        Measure.HOURS_SPENT: lambda: f.hours_spent,
    }
    value = values.get(measure)
    # A measure of a kind with generic figures is the sum its kind names after it.
    return f.sums.get(measure.value, 0.0) if value is None else value()


class AgreementChooser(Protocol):
    """How `chosen_agreement` finds an agreement: `AgreementService`, or the quick path's
    `storage.listing.TermAgreements`."""

    def current(self, today: dt.date | None = None) -> Stored[AgreementData] | None: ...

    def find(self, ref: str, *, today: dt.date | None = None) -> Stored[AgreementData]: ...

    def for_period(self, period: Period, today: dt.date | None = None) -> Stored[AgreementData]: ...


def chosen_agreement(
    agreements: AgreementChooser,
    agreement: Stored[AgreementData] | str | None,
    *,
    period: Period | None,
    today: dt.date,
) -> Stored[AgreementData]:
    """The agreement a status or report is about: `agreement` (stored, or its id or start
    year as `--agreement` takes it), else the one in force during `period`, else the one in
    force today. Raises `LoftenError` when the file has no agreement."""
    if isinstance(agreement, Stored):
        return agreement
    if agreement is not None:
        return agreements.find(agreement, today=today)
    if period is not None:
        return agreements.for_period(period, today)
    found = agreements.current(today)
    if found is None:
        raise LoftenError(
            error_text(
                "agreement.none",
                "Databasen har ingen överenskommelse. Skapa en först (loften new).",
            )
        )
    return found


def status_report(
    services: Services,
    *,
    period: Period | None = None,
    today: dt.date | None = None,
    agreement: Stored[AgreementData] | str | None = None,
) -> StatusReport:
    """The status of every promise of `agreement` (see `chosen_agreement`) for `period` on
    `today`.

    `period` defaults to the current year within the agreement's span, its extension included
    (else its last year); targets are judged as of `today` or the end of the period, whichever
    is earlier, and records dated after that date count nowhere. Raises `LoftenError` when the
    file has no agreement.
    """
    today = today or dt.date.today()
    stored = chosen_agreement(services.agreements, agreement, period=period, today=today)
    span = services.agreements.covered(stored.id, today)
    promises = services.promises.for_agreement(stored.id)
    targets = targets_by_promise(services, [p.id for p in promises])
    return judged(stored, span, promises, targets, services.figures, period=period, today=today)


class FigureSource(Protocol):
    """Where `judged` reads the figures: `FigureService`, or the overview's first figures read
    without SQLAlchemy (`storage.quick`)."""

    def many_figures(
        self,
        requests: Sequence[tuple[Period, dt.date | None]],
        *,
        promise_ids: Sequence[str],
        as_of: dt.date,
        actions: Sequence[bool] | None = None,
    ) -> list[dict[str, PromiseFigures]]: ...

    def period_figures(
        self,
        *,
        period: Period,
        promise_ids: Sequence[str],
        as_of: dt.date,
        forecast_until: dt.date | None = None,
    ) -> dict[str, PromiseFigures]: ...


def judged(
    agreement: Stored[AgreementData],
    span: Period,
    promises: Sequence[Stored[PromiseData]],
    targets: dict[str, list[Stored[TargetData]]],
    figures: FigureSource,
    *,
    period: Period | None,
    today: dt.date,
) -> StatusReport:
    """The status report of `promises` (of `agreement`, which covers `span`) with their
    `targets` for `period` (default: see `status_report`) on `today`: the figures read from
    `figures`, each target evaluated. Every source of the same data gives the same report."""
    chosen = period or default_period(span, today)
    as_of = min(today, chosen.end)
    promise_ids = [p.id for p in promises]

    def measured_key(measured: Period, until: dt.date) -> tuple[Period, dt.date]:
        # Records dated after the judging date count nowhere (`--today`).
        if measured.start <= as_of < measured.end:
            measured = Period(measured.start, as_of)
        return measured, until

    # Every window the report measures, asked for at once: the figures read them together
    # (one pass over the walk actions, for the windows whose actions are shown or judged).
    wanted: dict[tuple[Period, dt.date], bool] = {}

    def want(key: tuple[Period, dt.date], actions: bool) -> None:
        wanted[key] = wanted.get(key, False) or actions

    for promise in promises:
        for target in targets.get(promise.id, []):
            window = target_window(target.data.period, chosen, span)
            judged = target.data.measure in _ACTION_MEASURES
            want(measured_key(window.measured, window.full.end), judged)
            parts = sub_periods(target.data.period, chosen)
            if len(parts) > 1:
                for part in parts:
                    want(measured_key(_part_measured(part, chosen), part.end), judged)
        want(measured_key(chosen, chosen.end), True)  # the card's own figures
    unique = list(wanted)
    answers = figures.many_figures(
        unique, promise_ids=promise_ids, as_of=as_of, actions=[wanted[k] for k in unique]
    )
    cache = dict(zip(unique, answers, strict=True))

    def figures_for(measured: Period, until: dt.date) -> dict[str, PromiseFigures]:
        key = measured_key(measured, until)
        if key not in cache:  # not foreseen above (cannot happen; computed alone then)
            cache[key] = figures.period_figures(
                period=key[0], promise_ids=promise_ids, as_of=as_of, forecast_until=until
            )
        return cache[key]

    results: list[PromiseStatus] = []
    for promise in promises:
        evaluated: list[TargetResult] = []
        for target in targets.get(promise.id, []):
            window = target_window(target.data.period, chosen, span)
            f = figures_for(window.measured, window.full.end)[promise.id]
            result = _evaluate(promise.data.type, target, window, f, as_of)
            parts = sub_periods(target.data.period, chosen)
            if len(parts) > 1:
                result = _judged_per_part(
                    promise, target, result, parts=parts, chosen=chosen, figures_for=figures_for
                )
            evaluated.append(result)
        own = figures_for(chosen, chosen.end)[promise.id]
        results.append(PromiseStatus(promise, own, tuple(evaluated)))
    return StatusReport(agreement, chosen, as_of, tuple(results))


def _evaluate(
    kind: PromiseType,
    target: Stored[TargetData],
    window: Window,
    f: PromiseFigures,
    as_of: dt.date,
) -> TargetResult:
    data = target.data
    actual = measure_value(data.measure, f, data.parameter)
    with_planned = kind is PromiseType.SAFETY_WALK and data.measure in _PLANNED_MEASURES
    status, forecast = evaluate(
        data,
        actual=actual,
        window=window,
        as_of=as_of,
        planned=f.walks_planned_ahead if with_planned else None,
        next_planned=f.next_planned_walk if with_planned else None,
    )
    return TargetResult(target, window, actual, status, forecast, as_of)


def _judged_per_part(
    promise: Stored[PromiseData],
    target: Stored[TargetData],
    whole: TargetResult,
    *,
    parts: list[Period],
    chosen: Period,
    figures_for: Callable[[Period, dt.date], dict[str, PromiseFigures]],
) -> TargetResult:
    """`whole` (the target over all of `parts`) judged per quarter or year instead: each part
    measured up to the end of `chosen`, the status combined (docs/figures.md)."""
    as_of = whole.as_of
    results: list[PartResult] = []
    for part in parts:
        measured = _part_measured(part, chosen)
        window = Window(full=part, measured=measured)
        f = figures_for(measured, part.end)[promise.id]
        r = _evaluate(promise.data.type, target, window, f, as_of)
        results.append(PartResult(part, r.actual, r.status, r.forecast))
    status = combined_status(results, as_of)
    return TargetResult(
        target, whole.window, whole.actual, status, whole.forecast, as_of, tuple(results)
    )


def _part_measured(part: Period, chosen: Period) -> Period:
    """What of a quarter or year `part` of a target judged per part is measured when `chosen`
    is shown: up to the end of `chosen`."""
    return Period(part.start, max(part.start, min(part.end, chosen.end)))


def targets_by_promise(
    services: Services, promise_ids: list[str]
) -> dict[str, list[Stored[TargetData]]]:
    from loften_app.storage.services import RecordFilter  # noqa: PLC0415 -- the full path only

    wanted = set(promise_ids)
    result: dict[str, list[Stored[TargetData]]] = {}
    offset = 0
    while True:
        page = services.targets.list_page(
            filter=RecordFilter(), sort="measure", descending=False, offset=offset, limit=500
        )
        for target in page.items:
            if target.data.promise_id in wanted:
                result.setdefault(target.data.promise_id, []).append(target)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return result
