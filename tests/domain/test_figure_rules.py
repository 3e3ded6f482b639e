"""The examples of docs/figures.md, rule by rule (the pure rules; the database side is in
tests/reports/test_figure_rules.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from loften_app.domain import shifts
from loften_app.domain.enums import Comparison, Measure, TargetPeriod
from loften_app.domain.periods import Period, quarter, quarters_in, year
from loften_app.domain.records import TargetData
from loften_app.domain.targets import (
    Forecast,
    PartResult,
    TargetStatus,
    Window,
    combined_status,
    evaluate,
    forecast_text,
    format_number,
    format_value,
    parts_text,
    round_half_up,
    share,
    status_label,
)


def target(
    measure: Measure,
    value: float,
    period: TargetPeriod,
    comparison: Comparison = Comparison.AT_LEAST,
) -> TargetData:
    return TargetData(
        promise_id="p", measure=measure, comparison=comparison, value=value, period=period
    )


EVENING = target(Measure.PATROL_HOURS_EVENING_NIGHT, 150, TargetPeriod.QUARTER)
WALKS = target(Measure.WALKS_COMPLETED, 2, TargetPeriod.YEAR)
VISITS = target(Measure.SHOP_VISITS, 50, TargetPeriod.QUARTER)
DEPLOYMENTS = target(Measure.VOLUNTEER_DEPLOYMENTS, 40, TargetPeriod.YEAR)


def judged(
    t: TargetData, part: Period, actual: float, as_of: dt.date, **rest: object
) -> PartResult:
    window = Window(full=part, measured=Period(part.start, min(part.end, max(part.start, as_of))))
    status, forecast = evaluate(t, actual=actual, window=window, as_of=as_of, **rest)  # type: ignore[arg-type]
    return PartResult(part, actual, status, forecast)


# --- 1. A shift counts whole in the period of its date ------------------------------------------


def test_a_new_years_eve_patrol_is_six_hours_of_its_date() -> None:
    on = dt.date(2018, 12, 31)
    assert shifts.shift_hours(on, dt.time(22), dt.time(4)) == pytest.approx(6)
    assert shifts.evening_night_hours(on, dt.time(22), dt.time(4)) == pytest.approx(6)
    assert shifts.shift_hours(dt.date(2018, 5, 8), dt.time(16), dt.time(7)) == pytest.approx(15)
    assert shifts.evening_night_hours(dt.date(2018, 5, 8), dt.time(16), dt.time(7)) == (
        pytest.approx(12)
    )


# --- 2. A target is judged per the period it names ----------------------------------------------


def test_a_per_quarter_target_over_a_year_is_missed_when_one_quarter_missed() -> None:
    done = dt.date(2019, 1, 15)
    hours = [104, 170, 214, 148]
    parts = [
        judged(EVENING, q, h, done) for q, h in zip(quarters_in(year(2018)), hours, strict=True)
    ]
    assert sum(hours) == 636  # well over 4 × 150 = 600, but judged per quarter:
    assert combined_status(parts, done) is TargetStatus.MISSED
    assert parts_text(EVENING, parts, done) == "2 av 4 kvartal med minst 150 h"
    all_met = [judged(EVENING, q, 150, done) for q in quarters_in(year(2018))]
    assert combined_status(all_met, done) is TargetStatus.MET
    assert parts_text(EVENING, all_met, done) == "4 av 4 kvartal med minst 150 h"


def test_a_per_year_target_over_the_agreement_counts_years() -> None:
    done = dt.date(2019, 2, 1)
    parts = [judged(WALKS, year(2017), 3, done), judged(WALKS, year(2018), 1, done)]
    assert combined_status(parts, done) is TargetStatus.MISSED
    assert parts_text(WALKS, parts, done) == "1 av 2 år med minst 2"


def test_a_running_quarter_gives_its_status_unless_a_finished_one_missed() -> None:
    on = dt.date(2018, 11, 15)
    quarters = quarters_in(year(2018))
    parts = [judged(VISITS, q, 60, on) for q in quarters[:3]]
    parts.append(judged(VISITS, quarters[3], 30, on))  # 30 of 46 days: forecast 60
    assert combined_status(parts, on) is TargetStatus.ON_TRACK
    assert parts_text(VISITS, parts, on) == (
        "3 av 3 avslutade kvartal med minst 50; 2018 kv 4: prognos 60 av minst 50"
    )
    missed = [judged(VISITS, q, 40, on) for q in quarters[:3]] + parts[3:]
    # Three quarters already missed: not "risk" for the year, but "ej uppfyllt".
    assert combined_status(missed, on) is TargetStatus.MISSED
    assert parts_text(VISITS, missed, on).startswith("0 av 3 avslutade kvartal med minst 50")


# --- 3. Status and forecast never contradict each other -----------------------------------------


def test_one_walk_done_and_none_planned_on_2_december_is_at_risk() -> None:
    on = dt.date(2018, 12, 2)
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), on))
    status, forecast = evaluate(WALKS, actual=1, window=window, as_of=on, planned=0)
    assert status is TargetStatus.AT_RISK
    assert forecast_text(WALKS, forecast, window=window) == "prognos 1 av minst 2"
    status, forecast = evaluate(
        WALKS, actual=1, window=window, as_of=on, planned=1, next_planned=dt.date(2018, 12, 10)
    )
    assert status is TargetStatus.ON_TRACK
    assert forecast_text(WALKS, forecast, window=window) == (
        "1 planerad (nästa 2018-12-10): prognos 2 av minst 2"
    )


def test_a_linear_forecast_below_the_target_is_never_on_track() -> None:
    on = dt.date(2018, 9, 30)  # day 273 of 365
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), on))
    status, forecast = evaluate(DEPLOYMENTS, actual=29, window=window, as_of=on)
    assert forecast.projected == pytest.approx(29 / (273 / 365))
    assert forecast_text(DEPLOYMENTS, forecast, window=window) == "prognos 39 av minst 40"
    assert status is TargetStatus.AT_RISK
    # 30 deployments: forecast 40.1, printed 40, on track.
    status, forecast = evaluate(DEPLOYMENTS, actual=30, window=window, as_of=on)
    assert (status, forecast_text(DEPLOYMENTS, forecast, window=window)) == (
        TargetStatus.ON_TRACK,
        "prognos 40 av minst 40",
    )


@pytest.mark.parametrize("actual", [0, 1, 39, 40, 41])
@pytest.mark.parametrize("on", [dt.date(2018, 3, 1), dt.date(2018, 12, 30), dt.date(2019, 1, 1)])
def test_status_and_printed_forecast_agree(actual: int, on: dt.date) -> None:
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), min(on, year(2018).end)))
    status, forecast = evaluate(DEPLOYMENTS, actual=actual, window=window, as_of=on)
    text = forecast_text(DEPLOYMENTS, forecast, window=window)
    printed = int(text.split()[1])
    if on >= year(2018).end:
        assert status in (TargetStatus.MET, TargetStatus.MISSED)  # never "risk" when ended
        assert text.startswith("utfall")
    elif status is TargetStatus.ON_TRACK:
        assert printed >= 40
    elif status is TargetStatus.AT_RISK:
        assert printed < 40


def test_an_ended_period_is_never_at_risk() -> None:
    overdue = target(Measure.ACTIONS_OVERDUE, 5, TargetPeriod.YEAR, Comparison.AT_MOST)
    window = Window(full=year(2018), measured=year(2018))
    status, forecast = evaluate(overdue, actual=7, window=window, as_of=dt.date(2019, 1, 1))
    assert status is TargetStatus.MISSED
    assert forecast_text(overdue, forecast, window=window) == "utfall 7 av högst 5"
    status, _ = evaluate(overdue, actual=7, window=window, as_of=dt.date(2018, 6, 1))
    assert status is TargetStatus.AT_RISK  # a level, judged on its value now


def test_at_most_counts_follow_their_forecast_while_running() -> None:
    cases = target(Measure.DRUG_CASES, 20, TargetPeriod.YEAR, Comparison.AT_MOST)
    on = dt.date(2018, 7, 2)  # half the year
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), on))
    assert evaluate(cases, actual=8, window=window, as_of=on)[0] is TargetStatus.ON_TRACK
    assert evaluate(cases, actual=12, window=window, as_of=on)[0] is TargetStatus.AT_RISK
    assert evaluate(cases, actual=21, window=window, as_of=on)[0] is TargetStatus.MISSED


# --- 4. One rounding: half up -------------------------------------------------------------------


def test_rounding_is_half_up_everywhere() -> None:
    assert round_half_up(46.79) == 47
    assert round_half_up(62.5) == 63
    assert round_half_up(2.25, 1) == 2.3
    assert format_number(2.25) == "2,3"
    assert format_number(0.5, 0) == "1"
    assert format_value(Measure.DRUG_SHARE_NOTIFIED, share(5, 8)) == "63 %"
    forecast = Forecast(46.79)
    window = Window(full=year(2018), measured=quarter(2018, 1))
    assert forecast_text(WALKS, forecast, window=window) == "prognos 47 av minst 2"
    assert status_label(TargetStatus.MISSED) == "ej uppfyllt"
