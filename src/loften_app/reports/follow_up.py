"""The follow-up (uppföljning) of the whole agreement period as plain data.

Per promise: its verbatim text, who was responsible, its targets against the result over the
agreement period (the target engine judges them), the result in figures and the coordinator's
comments stored with the promise; then the indicators over the period. The public version keeps
only the promise texts and the public comments as free text and masks drug-case counts
(`reports.privacy`); the internal one has everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loften_app.domain.enums import PromiseType, label
from loften_app.domain.periods import Period, years_in
from loften_app.domain.records import AgreementData, Stored
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
from loften_app.reports.planned import planned_hours, planned_text
from loften_app.reports.public_drugs import (
    NOT_YET,
    PublicDrugTable,
    drug_figure_lines,
    public_drug_table,
)
from loften_app.reports.source import ReportSource, report_source, source_status
from loften_app.reports.tracking.engine import PromiseStatus
from loften_app.storage.figure_sql import PromiseFigures

if TYPE_CHECKING:
    from loften_app.storage.services import Services

__all__ = ["FollowUpPromise", "FollowUpReport", "PreviousResult", "follow_up_report"]


@dataclass(frozen=True)
class FollowUpPromise:
    number: int
    short_title: str
    text: str
    responsible: str
    #: Free text: empty in the public version.
    responsibility_note: str
    type: PromiseType
    figures: PromiseFigures
    figure_lines: tuple[tuple[str, str], ...]
    targets: tuple[TargetLine, ...]
    public_comment: str
    #: Empty in the public version.
    internal_comment: str
    #: The result of the promise it continues in the previous agreement, if it has a lineage.
    previous: PreviousResult | None = None
    #: A drug promise's public figures (public follow-up of an ended agreement only).
    drug_table: PublicDrugTable | None = None
    #: The years of the agreement ("2017", "2018") that `figure_table` has a column for; empty
    #: for a public drug promise (its figures are for the whole period only).
    year_labels: tuple[str, ...] = ()
    #: (label, a text per year of `year_labels`, the text for the whole period).
    figure_table: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    #: Hours spent and planned (None: no plan) per year and for the whole period.
    spent_by_year: tuple[float, ...] = ()
    planned_by_year: tuple[float | None, ...] = ()
    planned_total: float | None = None


@dataclass(frozen=True)
class PreviousResult:
    """A continued promise's result in the previous agreement, shown beside this one's."""

    agreement_title: str
    period_text: str
    number: int
    figure_lines: tuple[tuple[str, str], ...]
    targets: tuple[TargetLine, ...]


@dataclass(frozen=True)
class FollowUpReport:
    header: Header
    as_of: dt.date
    promises: tuple[FollowUpPromise, ...]
    indicators: tuple[IndicatorSection, ...]
    publication: str


def _own_note(note: str, responsible: str) -> str:
    """The responsibility note, unless it only says who is responsible again ("Ansvarig:
    Polisen" beside "Ansvarig: Polisen")."""
    said = " ".join(note.replace(":", " ").replace(".", " ").split()).casefold()
    return "" if said in (f"ansvarig {responsible}".casefold(), responsible.casefold()) else note


def follow_up_report(
    services: Services | ReportSource,
    *,
    made_by: str,
    today: dt.date | None = None,
    public: bool = False,
    now: dt.datetime | None = None,
    agreement: Stored[AgreementData] | str | None = None,
) -> FollowUpReport:
    """The follow-up of the current agreement's whole period, judged on `today` (at the latest
    the period's last day). Raises `LoftenError` when the file has no agreement. `services`:
    the services, or any other `ReportSource` (the quick reader of a current local file)."""
    source = report_source(services)
    today = today or dt.date.today()
    if agreement is None:
        agreement = source.agreements.last_ended(today)
    agreement = current_agreement(source, agreement, today=today)
    covered = agreement_span(agreement, source=source, today=today)
    # Judged over the written period (or the part before a newer agreement started); the
    # extension (förlängd giltighet) belongs to the agreement but is no part of its promise.
    span = Period(covered.start, min(covered.end, agreement.data.period_end))
    status = source_status(source, period=span, today=today, agreement=agreement)
    previous = _previous_results(source, status.promises, today=today, public=public)
    ended = status.as_of >= span.end
    queries = source.queries
    years = [part for y in years_in(span) if (part := y.overlap(span)) is not None]
    by_year = [source_status(source, period=y, today=today, agreement=agreement) for y in years]
    promises: list[FollowUpPromise] = []
    for index, p in enumerate(status.promises):
        data = p.promise.data
        yearly = [r.promises[index].figures for r in by_year]
        drugs = data.type is PromiseType.DRUGS
        table: PublicDrugTable | None = None
        lines = figure_lines(data.type, p.figures, public=public)
        if public and drugs:
            if ended:
                kinds = queries.drug_cases_by_kind(period=span, promise_ids=[p.promise.id])
                table = public_drug_table(p.figures, {k: n for k, (n, _) in kinds.items()})
            public_lines = drug_figure_lines(p.figures, public=True, table=table, in_public=NOT_YET)
            lines = [*public_lines, lines[-1]]
        planned_by_year = tuple(planned_hours(data, y) for y in years)
        planned_total = planned_hours(data, span)
        year_labels: tuple[str, ...] = () if public and drugs else tuple(y.label for y in years)
        columns = [dict(figure_lines(data.type, f, public=public)) for f in yearly]
        rows = [
            (
                name,
                tuple(c.get(name, "0" if name == "Övriga aktiviteter" else "–") for c in columns)
                if year_labels
                else (),
                text,
            )
            for name, text in lines
        ]
        rows.append(
            (
                "Planerad tid",
                tuple(planned_text(h) for h in planned_by_year) if year_labels else (),
                planned_text(planned_total),
            )
        )
        promises.append(
            FollowUpPromise(
                number=data.number,
                short_title=data.short_title,
                text=data.text,
                responsible=label(data.responsible),
                responsibility_note=""
                if public
                else _own_note(data.responsibility_note, label(data.responsible)),
                type=data.type,
                figures=p.figures,
                figure_lines=tuple(lines),
                targets=tuple(
                    target_line(
                        t,
                        p.figures,
                        public=public,
                        drugs=drugs,
                        drug_table=table,
                    )
                    for t in p.targets
                ),
                public_comment=data.follow_up_comment,
                internal_comment="" if public else data.internal_comment,
                previous=previous.get(p.promise.id),
                drug_table=table,
                year_labels=year_labels,
                figure_table=tuple(rows),
                spent_by_year=tuple(f.hours_spent for f in yearly),
                planned_by_year=planned_by_year,
                planned_total=planned_total,
            )
        )
    header = Header.of(
        "Uppföljning",
        agreement.data,
        span,
        f"{span.start.isoformat()} – {span.end.isoformat()}",
        made_on=today,
        made_at=now,
        made_by=made_by,
        public=public,
    )
    return FollowUpReport(
        header=header,
        as_of=status.as_of,
        promises=tuple(promises),
        indicators=tuple(
            indicator_sections(
                source,
                # One series across every agreement of the file, up to this one's end.
                within=Period(_first_start(source, today), span.end),
                promise_numbers=_numbers_with_lineage(source, status.promises),
                public=public,
            )
        ),
        # Free text as well: the public version says nothing but the promises and comments.
        publication="" if public else agreement.data.publication,
    )


def _first_start(source: ReportSource, today: dt.date) -> dt.date:
    return min(a.agreement.data.period_start for a in source.agreements.listing(today))


def _numbers_with_lineage(
    source: ReportSource, promises: Sequence[PromiseStatus]
) -> dict[str, int]:
    """Promise number by promise id, the promises each one continues included (an indicator
    tied to last year's promise belongs to this year's)."""
    numbers: dict[str, int] = {}
    for p in promises:
        for pid in [p.promise.id, *source.promises.lineage(p.promise.id)]:
            numbers.setdefault(pid, p.promise.data.number)
    return numbers


def _previous_results(
    source: ReportSource, promises: Sequence[PromiseStatus], *, today: dt.date, public: bool
) -> dict[str, PreviousResult]:
    """Per promise that continues one of an earlier agreement: that promise's result over the
    earlier agreement's span (one status report per earlier agreement)."""
    # Public drug figures are published per whole agreement only, with their own suppression
    # (reports.public_drugs): last agreement's are not repeated beside this one's.
    continued = {
        p.promise.id: p.promise.data.continues_id
        for p in promises
        if not (public and p.promise.data.type is PromiseType.DRUGS)
    }
    wanted = {pid: old for pid, old in continued.items() if old is not None}
    if not wanted:
        return {}
    olds = source.promises.get_many(ids=list(wanted.values()))
    by_agreement: dict[str, list[str]] = {}
    for old in olds:
        by_agreement.setdefault(old.data.agreement_id, []).append(old.id)
    results: dict[str, PromiseStatus] = {}
    titles: dict[str, tuple[str, str]] = {}
    for agreement_id, ids in by_agreement.items():
        earlier = source.agreements.get(id=agreement_id)
        span = source.agreements.covered(agreement_id, today)
        report = source_status(source, period=span, today=today, agreement=earlier)
        for s in report.promises:
            if s.promise.id in ids:
                results[s.promise.id] = s
                titles[s.promise.id] = (
                    earlier.data.title,
                    f"{span.start.isoformat()} – {span.end.isoformat()}",
                )
    out: dict[str, PreviousResult] = {}
    for pid, old_id in wanted.items():
        found = results.get(old_id)
        if found is None:
            continue
        title, period_text = titles[old_id]
        data = found.promise.data
        out[pid] = PreviousResult(
            agreement_title=title,
            period_text=period_text,
            number=data.number,
            figure_lines=tuple(figure_lines(data.type, found.figures, public=public)),
            targets=tuple(target_line(t, found.figures, public=public) for t in found.targets),
        )
    return out
