"""Targets (mål) and their status: pure rules, no database.

A target says "`comparison` `value` `measure` per `period`" ("minst 2 genomförda
trygghetsvandringar per år"). Evaluating it for a period the user chose takes three steps:

1. `target_window` turns the target's period and the chosen period into the *full* period the
   target applies to (a per-year target viewed for 2018 Q3 applies to 2018) and the *measured*
   part of it, from its start to the end of the chosen period (the year so far).
2. The figures are computed from the records for the measured period (storage and reports).
3. `evaluate` compares the actual value with the target as of a date (today, or the end of the
   chosen period if that is earlier) and gives a `TargetStatus` and a `Forecast`.

Shares are stored in targets as fractions (0–1, as validation and the target form have them:
"minst 80 % kontakt inom 1 dag" has value 0.8) and computed and shown as percentages (0–100).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from loften_app.domain.enums import Comparison, Measure, TargetPeriod, label
from loften_app.domain.periods import Period, quarter_key, quarters_in, year, years_in
from loften_app.domain.records import TargetData

__all__ = [
    "DEFAULT_CONTACT_DAYS",
    "SWEDISH",
    "Forecast",
    "MeasureKind",
    "PartResult",
    "TargetStatus",
    "Window",
    "Words",
    "combined_status",
    "default_period",
    "describe_target",
    "evaluate",
    "forecast_text",
    "format_number",
    "format_value",
    "measure_kind",
    "median_from_histogram",
    "parts_text",
    "round_half_up",
    "share",
    "share_within",
    "shown_value",
    "status_label",
    "sub_periods",
    "target_window",
]

#: SMADIT aims at a first contact within 24 hours: "within N days" when a target gives no N.
DEFAULT_CONTACT_DAYS = 1


class TargetStatus(StrEnum):
    """Where a target stands: met, on track, at risk, missed, or nothing to measure."""

    MET = "met"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_DATA = "no_data"


class Words:
    """How the texts below are put together: Swedish, as the command line and reports print
    them. The UI passes a subclass whose `text` translates each template (context "targets")
    and whose `label` translates enum labels; scripts/update-translations.sh finds every
    `words.text("...")` template in the domain and the reports for the translation file."""

    #: The decimal separator of numbers.
    decimal = ","

    def text(self, template: str) -> str:
        """`template` in the reader's language (placeholders in braces stay as they are)."""
        return template

    def label(self, member: StrEnum) -> str:
        """An enum member's label in the reader's language."""
        return label(member)

    def field(self, label: str) -> str:
        """A field's label (`domain.kinds.Field.label`) in the reader's language."""
        return label


SWEDISH = Words()


def status_label(status: TargetStatus, *, words: Words = SWEDISH) -> str:
    """The words for a status ("i fas")."""
    texts = {
        TargetStatus.MET: words.text("uppfyllt"),
        TargetStatus.ON_TRACK: words.text("i fas"),
        TargetStatus.AT_RISK: words.text("risk"),
        TargetStatus.MISSED: words.text("ej uppfyllt"),
        TargetStatus.NO_DATA: words.text("saknar data"),
    }
    return texts[status]


class MeasureKind(StrEnum):
    """How a measure behaves over time."""

    #: Whole numbers that only grow during a period (walks, shop visits, cases).
    COUNT = "count"
    #: Amounts that only grow (hours).
    AMOUNT = "amount"
    #: A percentage of something (0–100); None when there is nothing to divide by.
    SHARE = "share"
    #: A state at a date that may go up and down (open actions, median days).
    LEVEL = "level"


_KINDS: dict[Measure, MeasureKind] = {
    Measure.RECORD_COUNT: MeasureKind.COUNT,
    Measure.WALKS_COMPLETED: MeasureKind.COUNT,
    Measure.SHOP_VISITS: MeasureKind.COUNT,
    Measure.PATROL_HOURS: MeasureKind.AMOUNT,
    Measure.PATROL_HOURS_EVENING_NIGHT: MeasureKind.AMOUNT,
    Measure.VOLUNTEER_DEPLOYMENTS: MeasureKind.COUNT,
    Measure.VOLUNTEER_HOURS: MeasureKind.AMOUNT,
    Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY: MeasureKind.SHARE,
    Measure.VOLUNTEER_SHARE_WITH_BUSINESS: MeasureKind.SHARE,
    Measure.DRUG_CASES: MeasureKind.COUNT,
    Measure.DRUG_SHARE_NOTIFIED: MeasureKind.SHARE,
    Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS: MeasureKind.SHARE,
    Measure.DRUG_MEDIAN_DAYS_TO_CONTACT: MeasureKind.LEVEL,
    Measure.ACTIONS_OPEN: MeasureKind.LEVEL,
    Measure.ACTIONS_OVERDUE: MeasureKind.LEVEL,
    Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE: MeasureKind.SHARE,
    Measure.HOURS_SPENT: MeasureKind.AMOUNT,
}


def measure_kind(measure: Measure) -> MeasureKind:
    """How `measure` behaves; a measure of a record kind not listed here is a count."""
    return _KINDS.get(measure, MeasureKind.COUNT)


def _additive(measure: Measure) -> bool:
    return measure_kind(measure) in (MeasureKind.COUNT, MeasureKind.AMOUNT)


# --- Periods ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """The periods a target is judged over for a chosen period.

    `full`: the whole period the target applies to; `measured`: the part of it whose records
    count (from its start to the end of the chosen period); `factor`: how many of the target's
    periods `full` spans (a per-quarter target viewed for a year spans 4).
    """

    full: Period
    measured: Period
    factor: int = 1


def target_window(period: TargetPeriod, chosen: Period, agreement: Period) -> Window:
    """The window of a target with period `period` viewed for `chosen`.

    Per quarter: the quarters of `chosen` (one for a quarter, four for a year). Per year: the
    years of `chosen` (a quarter shows its year so far). Whole agreement: the agreement period,
    measured from its start to the end of `chosen`.
    """
    if period is TargetPeriod.QUARTER:
        parts = quarters_in(chosen)
    elif period is TargetPeriod.YEAR:
        parts = years_in(chosen)
    else:
        parts = [agreement]
    full = Period(parts[0].start, parts[-1].end)
    end = min(full.end, max(full.start, chosen.end))
    return Window(full=full, measured=Period(full.start, end), factor=len(parts))


def default_period(agreement: Period, today: dt.date) -> Period:
    """The period shown when none is chosen: the current year clipped to the agreement, or,
    outside the agreement, its last year (clipped as well)."""
    y = today.year if agreement.start.year <= today.year <= agreement.end.year else None
    chosen = year(agreement.end.year if y is None else y)
    clipped = chosen.overlap(agreement)
    assert clipped is not None  # the year lies within the agreement's years
    return clipped


def scaled_value(target: TargetData, factor: int) -> float:
    """The target value over `factor` of its periods: counts and hours add up, shares do not."""
    if _additive(target.measure):
        return target.value * factor
    if measure_kind(target.measure) is MeasureKind.SHARE:
        return target.value * 100  # stored as a fraction, measured in percent
    return target.value


# --- Figures ------------------------------------------------------------------------------------


def share(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent; None when `whole` is 0 (nothing to measure)."""
    return None if whole <= 0 else 100.0 * part / whole


def share_within(histogram: Mapping[int, int], days: int) -> float | None:
    """Percent of the cases (days → number of cases) with at most `days` days."""
    total = sum(histogram.values())
    return share(sum(n for d, n in histogram.items() if d <= days), total)


def median_from_histogram(histogram: Mapping[int, int]) -> float | None:
    """The median of values given as value → how many times; None when there are none."""
    total = sum(n for n in histogram.values() if n > 0)
    if total == 0:
        return None
    ordered = sorted((v, n) for v, n in histogram.items() if n > 0)

    def nth(index: int) -> int:
        seen = 0
        for value, n in ordered:
            seen += n
            if index < seen:
                return value
        raise AssertionError("index beyond the histogram")  # pragma: no cover

    middle = total // 2
    if total % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2


# --- Status and forecast ------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """What the period is heading for.

    `projected`: the value expected at the end of the full period (None when it cannot be
    told); `planned`: planned records still to come (planned safety walks), counted apart from
    the completed ones in the actual value; `next_planned`: the date of the first of them.
    """

    projected: float | None
    planned: int = 0
    next_planned: dt.date | None = None
    period_over: bool = False


def round_half_up(value: float, decimals: int = 0) -> float:
    """`value` rounded to `decimals` places, halves away from zero (62,5 → 63; 46,79 → 47):
    the one rounding of every number the application shows (docs/figures.md)."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def shown_value(measure: Measure, value: float) -> float:
    """`value` as it is printed: counts whole, hours and the rest to one decimal, shares whole."""
    kind = measure_kind(measure)
    return round_half_up(value, 0 if kind in (MeasureKind.COUNT, MeasureKind.SHARE) else 1)


def _projection(
    measure: Measure,
    actual: float,
    full: Period,
    as_of: dt.date,
    planned: int | None,
) -> float | None:
    """The value expected at the end of `full`: completed plus planned where records are
    planned (walks); for other counts and amounts the pace so far, linear by days; a share or a
    level stays as it is now. None before the period has begun."""
    if not _additive(measure):
        return actual
    if as_of >= full.end:
        return actual
    if planned is not None:
        return actual + planned
    fraction = full.elapsed_fraction(as_of)
    return actual / fraction if fraction > 0 else None


def evaluate(
    target: TargetData,
    *,
    actual: float | None,
    window: Window,
    as_of: dt.date,
    planned: int | None = None,
    next_planned: dt.date | None = None,
) -> tuple[TargetStatus, Forecast]:
    """Status and forecast of `target` with `actual` measured over `window.measured` on `as_of`.

    `planned` is the number of planned records still to come in the full period, for measures
    that have them (safety walks: the forecast is completed plus planned); None for the others,
    whose forecast is the pace so far, linear by days. The rules (docs/figures.md):

    - An ended period is "uppfyllt" or "ej uppfyllt", never "i fas" or "risk".
    - A count or amount "at least" is met once reached; else on track only when its forecast,
      as printed, reaches the target, else at risk. "At most": missed once over (it cannot
      come down), else on track while its forecast stays within, else at risk.
    - A share or a level (open or overdue actions, a median) is judged on its value now: met
      or (while the period runs) at risk.
    """
    full = window.full
    over = as_of >= full.end
    value = scaled_value(target, window.factor)
    if actual is None:
        return TargetStatus.NO_DATA, Forecast(None, planned or 0, next_planned, over)
    projected = _projection(target.measure, actual, full, as_of, planned)
    forecast = Forecast(projected, planned or 0, next_planned, over)
    at_most = target.comparison is Comparison.AT_MOST

    def meets(x: float) -> bool:
        return x <= value if at_most else x >= value

    if over:
        return (TargetStatus.MET if meets(actual) else TargetStatus.MISSED), forecast
    if not _additive(target.measure):
        return (TargetStatus.MET if meets(actual) else TargetStatus.AT_RISK), forecast
    if at_most and actual > value:
        return TargetStatus.MISSED, forecast
    if not at_most and actual >= value:
        return TargetStatus.MET, forecast
    if projected is None:
        return TargetStatus.NO_DATA, forecast
    on_track = meets(shown_value(target.measure, projected))
    return (TargetStatus.ON_TRACK if on_track else TargetStatus.AT_RISK), forecast


# --- Targets per quarter or per year over a longer period ---------------------------------------


@dataclass(frozen=True)
class PartResult:
    """A per-quarter or per-year target judged on one of its quarters or years."""

    period: Period
    actual: float | None
    status: TargetStatus
    forecast: Forecast

    def finished(self, as_of: dt.date) -> bool:
        return as_of >= self.period.end

    def started(self, as_of: dt.date) -> bool:
        return as_of >= self.period.start


def sub_periods(period: TargetPeriod, chosen: Period) -> list[Period]:
    """The quarters or years of `chosen` that a per-quarter or per-year target is judged on
    one by one; a single period (judged as it is) for the others."""
    if period is TargetPeriod.QUARTER:
        return quarters_in(chosen)
    if period is TargetPeriod.YEAR:
        return years_in(chosen)
    return []


def combined_status(parts: Sequence[PartResult], as_of: dt.date) -> TargetStatus:
    """The status of a target judged per quarter or year over several of them: "ej uppfyllt"
    once a finished one missed it; else the status of the one running; "uppfyllt" only when
    every finished one met it; "saknar data" when none has begun or a finished one had
    nothing to measure."""
    started = [p for p in parts if p.started(as_of)]
    finished = [p for p in started if p.finished(as_of)]
    if any(p.status is TargetStatus.MISSED for p in started):
        return TargetStatus.MISSED
    if any(p.status is TargetStatus.NO_DATA for p in finished) or not started:
        return TargetStatus.NO_DATA
    running = [p for p in started if not p.finished(as_of)]
    return running[0].status if running else TargetStatus.MET


def parts_text(
    target: TargetData, parts: Sequence[PartResult], as_of: dt.date, *, words: Words = SWEDISH
) -> str:
    """How many finished quarters or years met the target: "2 av 4 kvartal med minst 150 h",
    and the running one's forecast ("2018-Q4: prognos 160 h av minst 150 h")."""
    finished = [p for p in parts if p.finished(as_of)]
    running = [p for p in parts if p.started(as_of) and not p.finished(as_of)]
    goal = words.text("{comparison} {value}").format(
        comparison=words.label(target.comparison),
        value=format_value(target.measure, scaled_value(target, 1), words=words),
    )
    quarters = target.period is TargetPeriod.QUARTER
    texts: list[str] = []
    if finished:
        met = sum(1 for p in finished if p.status is TargetStatus.MET)
        if running:
            template = (
                words.text("{met} av {count} avslutade kvartal med {goal}")
                if quarters
                else words.text("{met} av {count} avslutade år med {goal}")
            )
        else:
            template = (
                words.text("{met} av {count} kvartal med {goal}")
                if quarters
                else words.text("{met} av {count} år med {goal}")
            )
        texts.append(template.format(met=met, count=len(finished), goal=goal))
    for part in running:
        window = Window(full=part.period, measured=part.period)
        texts.append(
            f"{_part_label(part.period, words)}: "
            + forecast_text(target, part.forecast, window=window, words=words)
        )
    return "; ".join(texts)


def _part_label(period: Period, words: Words) -> str:
    """A quarter or year in the user's language ("2026 kv 4", "Q4 2026"; "2026")."""
    if period.key == quarter_key(period.start):
        number = (period.start.month - 1) // 3 + 1
        return words.text("{year} kv {quarter}").format(year=period.start.year, quarter=number)
    return period.label


# --- Words --------------------------------------------------------------------------------------


def format_number(value: float, decimals: int = 1, *, words: Words = SWEDISH) -> str:
    """A number as text, rounded half up to `decimals` places: whole numbers without decimals,
    else with the decimal separator of `words` (a comma in Swedish)."""
    rounded = round_half_up(value, decimals)
    if rounded == math.floor(rounded):
        return str(int(rounded))
    return f"{rounded:.{decimals}f}".replace(".", words.decimal)


def format_value(measure: Measure, value: float | None, *, words: Words = SWEDISH) -> str:
    """An actual value in words: "3", "12,5 h", "83 %", "3,5 d", or "–" when there is none."""
    if value is None:
        return "–"
    kind = measure_kind(measure)
    if kind is MeasureKind.SHARE:
        return f"{format_number(value, 0, words=words)} %"
    if kind is MeasureKind.AMOUNT:
        return f"{format_number(value, words=words)} h"
    if measure is Measure.DRUG_MEDIAN_DAYS_TO_CONTACT:
        return f"{format_number(value, words=words)} d"
    return format_number(value, words=words)


def _measure_words(target: TargetData, words: Words) -> str:
    text = words.label(target.measure)
    if target.measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS:
        days = target.parameter if target.parameter is not None else DEFAULT_CONTACT_DAYS
        within = words.text("{days} dag") if days == 1 else words.text("{days} dagar")
        text = text.replace(words.text("N dagar"), within.format(days=days))
    return text


def describe_target(target: TargetData, *, words: Words = SWEDISH) -> str:
    """The target in words: "minst 2 genomförda trygghetsvandringar per år"."""
    parts = {
        "comparison": words.label(target.comparison),
        "period": words.label(target.period),
        "measure": _measure_words(target, words),
        "value": format_number(target.value, words=words),
    }
    if measure_kind(target.measure) is MeasureKind.SHARE:
        percent = format_number(target.value * 100, words=words)
        return words.text("{measure} {comparison} {percent} % {period}").format(
            percent=percent, **parts
        )
    if target.measure is Measure.DRUG_MEDIAN_DAYS_TO_CONTACT:
        return words.text("{measure} {comparison} {value} {period}").format(**parts)
    return words.text("{comparison} {value} {measure} {period}").format(**parts)


def forecast_text(
    target: TargetData, forecast: Forecast, *, window: Window, words: Words = SWEDISH
) -> str:
    """The forecast line: "1 planerad (nästa 2018-12-05): prognos 3 av minst 2"."""
    value = scaled_value(target, window.factor)
    goal = words.text("{comparison} {value}").format(
        comparison=words.label(target.comparison),
        value=format_value(target.measure, value, words=words),
    )
    parts: list[str] = []
    if forecast.planned:
        planned = (
            words.text("{count} planerade")
            if forecast.planned > 1
            else words.text("{count} planerad")
        ).format(count=forecast.planned)
        if forecast.next_planned is not None:
            planned += words.text(" (nästa {date})").format(date=forecast.next_planned.isoformat())
        parts.append(planned)
    if forecast.projected is None:
        parts.append(words.text("ingen prognos"))
    elif forecast.period_over:
        parts.append(
            words.text("utfall {value} av {goal}").format(
                value=format_value(target.measure, forecast.projected, words=words), goal=goal
            )
        )
    else:
        projected = shown_value(target.measure, forecast.projected)
        parts.append(
            words.text("prognos {value} av {goal}").format(
                value=format_value(target.measure, projected, words=words), goal=goal
            )
        )
    return ": ".join(parts)
