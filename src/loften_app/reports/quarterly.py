"""The quarterly summary (kvartalsrapport) as plain data: `quarterly_report(...)`.

For a chosen quarter: every promise with its figures for the quarter and the year so far and its
targets (evaluated by the target engine, `reports.tracking`), the records per month and promise
type (for the chart), the quarter's safety walks with their observations and actions and every
overdue action, the volunteers' and the drug cases' figures, the indicators and the hours spent
per promise. The same data feeds the PDF (`reports.pdf`) and the tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loften_app.domain.enums import (
    AgeGroup,
    DrugCaseKind,
    PromiseType,
    WalkStatus,
    label,
)
from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import MONTH_NAMES, Period, months_in, quarter_key
from loften_app.domain.records import AgreementData, Stored
from loften_app.domain.targets import DEFAULT_CONTACT_DAYS, format_number
from loften_app.reports import privacy
from loften_app.reports.content import (
    Header,
    IndicatorSection,
    TargetLine,
    agreement_span,
    current_agreement,
    figure_lines,
    indicator_sections,
    target_line,
)
from loften_app.reports.kinds import REPORT_KINDS
from loften_app.reports.planned import planned_hours
from loften_app.reports.public_drugs import MISSING, drug_figure_lines
from loften_app.reports.source import ReportSource, report_source, source_status
from loften_app.reports.tracking.engine import PromiseStatus, StatusReport
from loften_app.storage.figure_sql import PromiseFigures
from loften_app.storage.report_sql import (
    CaseLine,
    NoteLine,
    OpenCase,
    OtherLine,
    OverdueAction,
    ReportReads,
    ReportWalk,
)

if TYPE_CHECKING:
    from loften_app.storage.services import Services

#: At most this many overdue actions, other activities, drug cases, open cases and notes are
#: listed one by one, and at most `WALK_LIMIT` walks with their observations: a summary for a
#: steering group, whatever the size of the file. Each list that is cut ends with how many more
#: there are ("Ytterligare N ..."), counted exactly; the export has them all.
LIST_LIMIT = 25
WALK_LIMIT = 10

__all__ = [
    "DrugSummary",
    "MonthlySeries",
    "PromiseSection",
    "QuarterlyReport",
    "VolunteerSummary",
    "WalkSection",
    "quarterly_report",
]


@dataclass(frozen=True)
class PromiseSection:
    """A promise in the quarterly report."""

    number: int
    short_title: str
    text: str
    responsible: str
    type: PromiseType
    quarter: PromiseFigures
    year_to_date: PromiseFigures
    #: (label, quarter text, year-so-far text)
    figures: tuple[tuple[str, str, str], ...]
    targets: tuple[TargetLine, ...]


@dataclass(frozen=True)
class MonthlySeries:
    """Records per month of one record type (of all the agreement's promises)."""

    #: The record table: "patrol", "safety_walk", "volunteer_deployment", "drug_case",
    #: "other_activity".
    table: str
    title: str
    #: (short month name, count) for every month of the year so far.
    months: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ObservationLine:
    category: str
    place: str
    description: str
    action: str
    owner: str
    deadline: str
    status: str


@dataclass(frozen=True)
class WalkSection:
    date: dt.date
    status: str
    place: str
    light: str
    participants: int
    observations: tuple[ObservationLine, ...]


@dataclass(frozen=True)
class VolunteerSummary:
    deployments: int
    volunteer_hours: float
    with_municipality: int
    with_business: int
    lines: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class DrugSummary:
    cases: int
    by_age: dict[AgeGroup, int]
    by_kind: dict[DrugCaseKind, int]
    notified: int
    contacted: int
    contacted_within: int
    contact_days: dict[int, int]
    #: (label, text) for the quarter, privacy rules applied in a public report.
    lines: tuple[tuple[str, str], ...]
    age_lines: tuple[tuple[str, str], ...]
    kind_lines: tuple[tuple[str, str], ...]
    #: Cases without a municipal contact (internal report only; empty in public), at most
    #: `LIST_LIMIT`, and how many there are.
    open_cases: tuple[OpenCase, ...]
    open_count: int = 0


@dataclass(frozen=True)
class QuarterlyReport:
    header: Header
    quarter: Period
    year_to_date: Period
    as_of: dt.date
    promises: tuple[PromiseSection, ...]
    monthly: tuple[MonthlySeries, ...]
    #: The quarter's walks (at most `WALK_LIMIT`) and how many there are in all.
    walks: tuple[WalkSection, ...]
    walk_count: int
    #: The overdue actions (at most `LIST_LIMIT`, oldest deadline first); the count is
    #: `promises[..].quarter.actions_overdue` summed.
    overdue: tuple[OverdueAction, ...]
    overdue_count: int
    volunteers: VolunteerSummary
    drugs: DrugSummary
    indicators: tuple[IndicatorSection, ...]
    #: (promise number and title, hours in the quarter, hours in the year so far)
    hours: tuple[tuple[str, float, float], ...]
    #: Per promise, as `hours`: hours planned for the quarter, the year so far and the year
    #: (None where no plan is set).
    planned: tuple[tuple[float | None, float | None, float | None], ...] = ()
    #: Other activities of the quarter (at most `LIST_LIMIT`) and how many there are.
    others: tuple[OtherLine, ...] = ()
    other_count: int = 0
    #: When the overdue actions are more than are listed: (owner, how many) for all of them,
    #: most first.
    overdue_by_owner: tuple[tuple[str, int], ...] = ()
    #: Internal only: the quarter's drug cases by code, and the records' notes (at most
    #: `LIST_LIMIT` each) with how many notes there are.
    cases: tuple[CaseLine, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    note_count: int = 0


def check_quarter(quarter: Period | None, span: Period) -> Period:
    if quarter is None:
        raise LoftenError(
            error_text(
                "quarterly.no_quarter", "Välj ett kvartal för kvartalsrapporten, t.ex. 2018-Q3."
            )
        )
    if quarter.key != quarter_key(quarter.start):
        raise LoftenError(
            error_text(
                "quarterly.not_a_quarter",
                "{label} är inte ett kvartal. Välj ett kvartal, t.ex. 2018-Q3.",
                label=quarter.label,
            )
        )
    if quarter.overlap(span) is None:
        raise LoftenError(
            error_text(
                "quarterly.outside_agreement",
                "Kvartalet {label} ligger utanför överenskommelsens period "
                "({start} – {end}). Välj ett kvartal inom den.",
                label=quarter.label,
                start=span.start.isoformat(),
                end=span.end.isoformat(),
            )
        )
    return quarter


def quarterly_report(
    services: Services | ReportSource,
    quarter: Period | None,
    *,
    made_by: str,
    today: dt.date | None = None,
    public: bool = False,
    now: dt.datetime | None = None,
    agreement: Stored[AgreementData] | str | None = None,
) -> QuarterlyReport:
    """The quarterly summary for `quarter` of `agreement` (default: the one in force in the
    quarter), its targets judged on `today` (at the latest the quarter's last day). Raises
    `LoftenError` without an agreement or for a bad quarter. `services`: the services, or
    any other `ReportSource` (the quick reader of a current local file)."""
    source = report_source(services)
    today = today or dt.date.today()
    if quarter is None:
        check_quarter(quarter, Period(today, today))
    agreement = current_agreement(source, agreement, period=quarter, today=today)
    span = agreement_span(agreement, source=source, today=today)
    quarter = check_quarter(quarter, span)
    ytd_start = max(dt.date(quarter.start.year, 1, 1), span.start)
    year_to_date = Period(min(ytd_start, quarter.start), quarter.end)
    of_quarter = source_status(source, period=quarter, today=today, agreement=agreement)
    of_year = source_status(source, period=year_to_date, today=today, agreement=agreement)
    promise_ids = [p.promise.id for p in of_quarter.promises]
    queries = source.queries

    sections: list[PromiseSection] = []
    for q, y in zip(of_quarter.promises, of_year.promises, strict=True):
        promise = q.promise.data
        q_lines = figure_lines(promise.type, q.figures, public=public)
        y_lines = dict(figure_lines(promise.type, y.figures, public=public))
        targets = tuple(
            target_line(
                t,
                q.figures,
                public=public,
                ytd=yt,
                ytd_figures=y.figures,
                drugs=promise.type is PromiseType.DRUGS,
            )
            for t, yt in zip(q.targets, y.targets, strict=True)
        )
        sections.append(
            PromiseSection(
                number=promise.number,
                short_title=promise.short_title,
                text=promise.text,
                responsible=label(promise.responsible),
                type=promise.type,
                quarter=q.figures,
                year_to_date=y.figures,
                figures=tuple((name, value, y_lines.get(name, "")) for name, value in q_lines),
                targets=targets,
            )
        )

    header = Header.of(
        "Kvartalsrapport",
        agreement.data,
        quarter,
        f"{quarter.label} ({quarter.start.isoformat()} – {quarter.end.isoformat()})",
        made_on=today,
        made_at=now,
        made_by=made_by,
        public=public,
    )
    drug_promises = _of_type(of_quarter.promises, PromiseType.DRUGS)
    drug_ids = [p.promise.id for p in drug_promises]
    walks, walk_count = _walks(queries, quarter, promise_ids, public=public)
    notes: list[NoteLine] = []
    note_count = 0
    if not public:
        notes = queries.first_notes(period=quarter, promise_ids=promise_ids, limit=LIST_LIMIT)
        note_count = _note_count(queries, quarter, of_quarter)
    year = Period(dt.date(quarter.start.year, 1, 1), dt.date(quarter.start.year, 12, 31))
    overdue = tuple(
        queries.overdue_actions(ref=of_quarter.as_of, promise_ids=promise_ids, limit=LIST_LIMIT)
    )
    overdue_count = sum(p.figures.actions_overdue for p in of_quarter.promises)
    by_owner = (
        tuple(
            (label(owner), n)
            for owner, n in queries.overdue_by_owner(ref=of_quarter.as_of, promise_ids=promise_ids)
        )
        if overdue_count > len(overdue)
        else ()
    )
    return QuarterlyReport(
        header=header,
        quarter=quarter,
        year_to_date=year_to_date,
        as_of=of_quarter.as_of,
        promises=tuple(sections),
        monthly=_monthly(source, year_to_date, of_quarter.promises, public=public),
        walks=walks,
        walk_count=walk_count,
        overdue=overdue,
        overdue_count=overdue_count,
        overdue_by_owner=by_owner,
        volunteers=_volunteers(
            [p.figures for p in _of_type(of_quarter.promises, PromiseType.VOLUNTEERS)],
            [p.figures for p in _of_type(of_year.promises, PromiseType.VOLUNTEERS)],
        ),
        drugs=drug_summary(
            queries,
            quarter,
            [p.figures for p in drug_promises],
            [p.promise.id for p in drug_promises],
            public=public,
            after=_after(quarter, of_quarter.as_of),
        ),
        indicators=tuple(
            indicator_sections(
                source,
                within=year_to_date,
                promise_numbers={p.promise.id: p.promise.data.number for p in of_quarter.promises},
                public=public,
            )
        ),
        hours=tuple(
            (
                f"{q.promise.data.number}. {q.promise.data.short_title}",
                q.figures.hours_spent,
                y.figures.hours_spent,
            )
            for q, y in zip(of_quarter.promises, of_year.promises, strict=True)
        ),
        planned=tuple(
            (
                planned_hours(q.promise.data, quarter),
                planned_hours(q.promise.data, year_to_date),
                planned_hours(q.promise.data, year),
            )
            for q in of_quarter.promises
        ),
        others=tuple(
            # "What" is free text: a public report keeps the date, promise, count and hours.
            dataclasses.replace(o, what="") if public else o
            for o in queries.other_activities(
                period=quarter, promise_ids=promise_ids, limit=LIST_LIMIT
            )
        ),
        other_count=sum(p.figures.other_activities for p in of_quarter.promises),
        cases=()
        if public
        else tuple(queries.cases(period=quarter, promise_ids=drug_ids, limit=LIST_LIMIT)),
        notes=tuple(notes),
        note_count=note_count,
    )


def _after(quarter: Period, as_of: dt.date) -> Period | None:
    """The part of `quarter` after `as_of`, whose records the quarter's figures leave out
    (`status_report` stops at the as-of date when it lies within the period); None if none."""
    if quarter.start <= as_of < quarter.end:
        return Period(as_of + dt.timedelta(days=1), quarter.end)
    return None


def _note_count(queries: ReportReads, quarter: Period, of_quarter: StatusReport) -> int:
    """The quarter's notes: those up to the as-of date from the figures (stored per month),
    those dated after it (planned walks, say) counted from the records."""
    count = sum(p.figures.noted for p in of_quarter.promises)
    rest = _after(quarter, of_quarter.as_of)
    if rest is not None:
        ids = [p.promise.id for p in of_quarter.promises]
        count += queries.count_notes(period=rest, promise_ids=ids)
    return count


def _of_type(promises: tuple[PromiseStatus, ...], kind: PromiseType) -> list[PromiseStatus]:
    return [p for p in promises if p.promise.data.type is kind]


_SHORT_MONTHS = tuple(name[:3] for name in MONTH_NAMES)

#: The monthly chart's series: record table, title, and the promise type it belongs to (None:
#: other activities, which any promise may have; shown only when there are some).
_SERIES: tuple[tuple[str, str, PromiseType | None], ...] = tuple(
    (kind.key, kind.series_title, kind.promise_type) for kind in REPORT_KINDS
)


def _monthly(
    source: ReportSource, period: Period, promises: tuple[PromiseStatus, ...], *, public: bool
) -> tuple[MonthlySeries, ...]:
    """Records per month and record type. A public report has no drug-case series: monthly
    counts are mostly 1–4, and a bar cannot say "färre än 5"."""
    ids = [p.promise.id for p in promises]
    counts = source.figures.monthly_counts(period=period, promise_ids=ids)
    types = {p.promise.data.type for p in promises}
    months = [m.key for m in months_in(period)]
    series: list[MonthlySeries] = []
    for table, title, kind in _SERIES:
        by_month = counts.get(table, {})
        if (kind is None and not by_month) or (kind is not None and kind not in types):
            continue
        if public and table == "drug_case":
            continue
        values = tuple((_SHORT_MONTHS[int(key[5:7]) - 1], by_month.get(key, 0)) for key in months)
        series.append(MonthlySeries(table, title, values))
    return tuple(series)


def _walks(
    queries: ReportReads, quarter: Period, promise_ids: list[str], *, public: bool
) -> tuple[tuple[WalkSection, ...], int]:
    wanted = set(promise_ids)
    page, total = queries.walks(period=quarter, limit=WALK_LIMIT)
    walks: list[ReportWalk] = [w for w in page if w.promise_id in wanted]
    place_ids = {w.place_id for w in walks} | {o.place_id for w in walks for o in w.observations}
    places = queries.place_names(i for i in place_ids if i is not None)
    sections: list[WalkSection] = []
    for walk in walks:
        lines = []
        for o in walk.observations:
            action = o.action
            lines.append(
                ObservationLine(
                    category=label(o.category),
                    place=places.get(o.place_id or "", "") if o.place_id else "",
                    description="" if public else o.description,
                    action="" if action is None or public else action[0],
                    owner="" if action is None else label(action[1]),
                    deadline="" if action is None or action[2] is None else action[2].isoformat(),
                    status="" if action is None else label(action[3]),
                )
            )
        sections.append(
            WalkSection(
                date=walk.date,
                status=label(walk.status),
                place=places.get(walk.place_id or "", ""),
                light="" if walk.light is None else label(walk.light),
                participants=walk.participants if walk.status is WalkStatus.COMPLETED else 0,
                observations=tuple(lines),
            )
        )
    return tuple(sections), total


def _volunteers(quarter: list[PromiseFigures], ytd: list[PromiseFigures]) -> VolunteerSummary:
    q = PromiseFigures.total(quarter)
    y = PromiseFigures.total(ytd)

    def with_share(part: int, whole: int) -> str:
        return privacy.count_with_share(part, whole)

    lines = (
        ("Insatser", str(q.deployments), str(y.deployments)),
        (
            "Volontärtimmar",
            f"{format_number(q.volunteer_hours)} h",
            f"{format_number(y.volunteer_hours)} h",
        ),
        (
            "I samråd med kommunen",
            with_share(q.deployments_with_municipality, q.deployments),
            with_share(y.deployments_with_municipality, y.deployments),
        ),
        (
            "I samråd med näringslivet",
            with_share(q.deployments_with_business, q.deployments),
            with_share(y.deployments_with_business, y.deployments),
        ),
    )
    return VolunteerSummary(
        deployments=q.deployments,
        volunteer_hours=q.volunteer_hours,
        with_municipality=q.deployments_with_municipality,
        with_business=q.deployments_with_business,
        lines=lines,
    )


def drug_summary(
    queries: ReportReads,
    period: Period,
    figures: list[PromiseFigures],
    promise_ids: list[str],
    *,
    public: bool,
    after: Period | None = None,
) -> DrugSummary:
    """The drug cases of `period` in figures (`figures`: up to the as-of date; `after`: the
    rest of `period`, whose open cases are counted from the records). A public quarterly
    report shows none: public drug figures are published once, for the whole agreement, in the
    public follow-up (docs/figures.md, rule 5)."""
    f = PromiseFigures.total(figures)
    kinds = queries.drug_cases_by_kind(period=period, promise_ids=promise_ids)
    by_kind = {k: kinds.get(k, (0, 0))[0] for k in DrugCaseKind}
    by_age = {g: f.drug_cases_by_age.get(g, 0) for g in AgeGroup}
    contacted = sum(f.contact_days.values())
    within = sum(n for d, n in f.contact_days.items() if d <= DEFAULT_CONTACT_DAYS)
    lines = tuple(drug_figure_lines(f, public=public, section=True))
    age_lines: tuple[tuple[str, str], ...] = ()
    kind_lines: tuple[tuple[str, str], ...] = ()
    if not public:
        age_lines = tuple((label(g), str(by_age[g])) for g in AgeGroup)
        if f.drug_cases_age_missing:
            age_lines += ((MISSING, str(f.drug_cases_age_missing)),)
        kind_lines = tuple((label(k), str(by_kind[k])) for k in DrugCaseKind)
        if kinds.get(None):
            kind_lines += ((MISSING, str(kinds[None][0])),)
    return DrugSummary(
        cases=f.drug_cases,
        by_age=by_age,
        by_kind=by_kind,
        notified=f.drug_cases_notified,
        contacted=contacted,
        contacted_within=within,
        contact_days=dict(f.contact_days),
        lines=lines,
        age_lines=age_lines,
        kind_lines=kind_lines,
        open_cases=()
        if public
        else tuple(
            queries.cases_without_contact(period=period, promise_ids=promise_ids, limit=LIST_LIMIT)
        ),
        open_count=0
        if public
        else f.drug_cases
        - contacted
        + (
            0
            if after is None
            else queries.count_cases_without_contact(period=after, promise_ids=promise_ids)
        ),
    )
