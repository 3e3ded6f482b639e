"""Plain data shared by the reports: the header, promise sections, targets and indicators.

Everything here is computed from storage (through a `reports.source.ReportSource`: the
services or the quick reader, and the target engine) into frozen dataclasses whose texts are
ready to print; the raw figures stay alongside for the tests and the exports. No ReportLab, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loften_app.domain.enums import Measure, PromiseType
from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import Period, parse_period
from loften_app.domain.records import AgreementData, Stored
from loften_app.domain.targets import (
    format_number,
    format_value,
)
from loften_app.reports.kinds import main_figures
from loften_app.reports.public_drugs import IN_FOLLOW_UP, PublicDrugTable, drug_figure_lines
from loften_app.reports.source import ReportSource
from loften_app.reports.tracking.engine import (
    TargetResult,
    chosen_agreement,
    measure_value,
)
from loften_app.storage.figure_sql import PromiseFigures

__all__ = [
    "DRUG_MEASURES",
    "PUBLIC_DRUG_NOTE",
    "Header",
    "IndicatorSection",
    "TargetLine",
    "current_agreement",
    "figure_lines",
    "indicator_sections",
    "target_actual_text",
]

#: Measures that count or derive from drug cases (masked in public reports).
DRUG_MEASURES = frozenset(
    {
        Measure.DRUG_CASES,
        Measure.DRUG_SHARE_NOTIFIED,
        Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS,
        Measure.DRUG_MEDIAN_DAYS_TO_CONTACT,
    }
)


#: How a public document explains its drug figures (docs/figures.md, rule 5).
PUBLIC_DRUG_NOTE = (
    "Narkotikaärenden redovisas offentligt bara i uppföljningen, för hela perioden när den är "
    'slut. Antal från 0 till 4 visas som "färre än 5", och ett antal som annars skulle gå att '
    'räkna ut visas inte ("visas inte").'
)


@dataclass(frozen=True)
class Header:
    """What the first lines of a report say."""

    document_title: str
    agreement_title: str
    municipality: str
    police_area: str
    period: Period
    period_text: str
    made_on: dt.date
    made_at: dt.datetime
    made_by: str
    public: bool

    @property
    def made_text(self) -> str:
        return f"Gjord {self.made_at.strftime('%Y-%m-%d %H:%M')} av {self.made_by}"

    @classmethod
    def of(
        cls,
        title: str,
        agreement: AgreementData,
        period: Period,
        period_text: str,
        *,
        made_on: dt.date,
        made_at: dt.datetime | None,
        made_by: str,
        public: bool,
    ) -> Header:
        """The header of report `title` on `agreement` (marked public when it is). A public
        document names the organisations of the agreement, never the person (`made_by`)."""
        return cls(
            document_title=title + (" (offentlig version)" if public else ""),
            agreement_title=agreement.title,
            municipality=agreement.municipality,
            police_area=agreement.police_area,
            period=period,
            period_text=period_text,
            made_on=made_on,
            made_at=made_at or dt.datetime.now().astimezone(),
            made_by=f"{agreement.municipality} och {agreement.police_area}" if public else made_by,
            public=public,
        )


@dataclass(frozen=True)
class TargetLine:
    """A target with its result in a report; texts already follow the privacy rules."""

    description: str
    actual: float | None
    actual_text: str
    status_text: str
    forecast_text: str
    #: The year so far (quarterly report only; None in the follow-up).
    ytd_actual: float | None = None
    ytd_text: str = ""
    ytd_status_text: str = ""


@dataclass(frozen=True)
class IndicatorSection:
    """An indicator with its values in the report's period."""

    name: str
    unit: str
    source: str
    description: str
    lower_is_better: bool
    promise_number: int | None
    #: (period label, value text, source note) in period order.
    values: tuple[tuple[str, str, str], ...]


def current_agreement(
    source: ReportSource,
    agreement: Stored[AgreementData] | str | None = None,
    *,
    period: Period | None = None,
    today: dt.date | None = None,
) -> Stored[AgreementData]:
    """The agreement a report is about: `agreement` (stored, id or start year), else the one in
    force during `period`, else the one in force today."""
    if source.agreements.current(today) is None:
        raise LoftenError(
            error_text(
                "report.no_agreement",
                "Databasen har ingen överenskommelse att göra en rapport om. Skapa en först "
                "(Register, eller loften new).",
            )
        )
    return chosen_agreement(
        source.agreements, agreement, period=period, today=today or dt.date.today()
    )


def agreement_span(
    agreement: Stored[AgreementData],
    *,
    source: ReportSource | None = None,
    today: dt.date | None = None,
) -> Period:
    """The span a report of `agreement` covers: with `source`, its written period plus any
    extension up to `today` (förlängd giltighet, see `domain.agreements`); else as written."""
    if source is not None:
        return source.agreements.covered(agreement.id, today)
    return Period(agreement.data.period_start, agreement.data.period_end)


def target_actual_text(
    measure: Measure, f: PromiseFigures, parameter: int | None, *, public: bool
) -> str:
    """A target's actual value as text; in public a drug figure says where it is published."""
    if public and measure in DRUG_MEASURES:
        return IN_FOLLOW_UP
    return format_value(measure, measure_value(measure, f, parameter))


def target_line(
    result: TargetResult,
    figures: PromiseFigures,
    *,
    public: bool,
    ytd: TargetResult | None = None,
    ytd_figures: PromiseFigures | None = None,
    drugs: bool = False,
    drug_table: PublicDrugTable | None = None,
    withheld: str = "–",
) -> TargetLine:
    """A target's line: its value over `figures` (the report's period), its status and
    forecast as the target engine judged them (`result`), and, in the quarterly report, its
    value and status over the year so far (`ytd`, `ytd_figures`).

    In public, a drug figure (any target of a drug promise, `drugs`, or a drug measure) comes
    only from `drug_table` (the public follow-up of an ended agreement), with its status only
    when the value is shown exactly and judged as one, and no forecast; without a table it says
    where it is published (docs/figures.md, rule 5)."""
    data = result.target.data
    masked = (
        public
        and (drugs or data.measure in DRUG_MEASURES)
        and (data.measure is not Measure.HOURS_SPENT)
    )
    if masked:
        if drug_table is None:
            text, exact = withheld, False
        else:
            text, exact = drug_table.measure_text(data.measure, data.parameter)
        status = result.status_text if exact and not result.parts else ""
        return TargetLine(
            description=result.description,
            actual=None,
            actual_text=text,
            status_text=status,
            forecast_text="",
            ytd_text="" if ytd is None else withheld,
        )
    ytd_text = ""
    ytd_actual: float | None = None
    if ytd is not None and ytd_figures is not None:
        ytd_actual = measure_value(data.measure, ytd_figures, data.parameter)
        ytd_text = format_value(data.measure, ytd_actual)
    return TargetLine(
        description=result.description,
        actual=measure_value(data.measure, figures, data.parameter),
        actual_text=format_value(
            data.measure, measure_value(data.measure, figures, data.parameter)
        ),
        status_text=result.status_text,
        forecast_text=result.forecast_text,
        ytd_actual=ytd_actual,
        ytd_text=ytd_text,
        ytd_status_text="" if ytd is None else ytd.status_text,
    )


def figure_lines(kind: PromiseType, f: PromiseFigures, *, public: bool) -> list[tuple[str, str]]:
    """(label, value) of a promise's main figures: the target engine's, but for drug cases one
    line per age group; in public, drug figures are left to the public follow-up (rule 5)."""
    others = (
        [("Övriga aktiviteter", str(f.other_activities))]
        if f.other_activities and kind is not PromiseType.OTHER
        else []
    )
    if kind is not PromiseType.DRUGS:
        lines = main_figures(kind, f)
        return [*lines[:-1], *others, lines[-1]]
    hours = ("Nedlagda timmar", f"{format_number(f.hours_spent)} h")
    return [*drug_figure_lines(f, public=public), *others, hours]


def indicator_sections(
    source: ReportSource,
    *,
    within: Period,
    promise_numbers: dict[str, int],
    public: bool,
) -> list[IndicatorSection]:
    """Every active indicator with its values whose period overlaps `within`."""
    values = source.queries.indicator_values()
    sections: list[IndicatorSection] = []
    for data in source.queries.indicators():
        rows: list[tuple[Period, str, str, str]] = []
        for key, value, note in values.get(data.id, []):
            try:
                period = parse_period(key)
            except ValueError:
                continue
            if period.overlap(within) is None:
                continue
            unit = f" {data.unit}" if data.unit and data.unit not in ("antal",) else ""
            rows.append((period, period.label, f"{format_number(value)}{unit}", note))
        rows.sort()
        sections.append(
            IndicatorSection(
                name=data.name,
                unit=data.unit,
                source=data.source,
                description="" if public else data.description,
                lower_is_better=data.lower_is_better,
                promise_number=None
                if data.promise_id is None
                else promise_numbers.get(data.promise_id),
                values=tuple(
                    (text, value, "" if public else note) for _, text, value, note in rows
                ),
            )
        )
    return sections
