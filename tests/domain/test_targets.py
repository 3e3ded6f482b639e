"""Target status and forecast: pure rules, every status reachable."""

from __future__ import annotations

import datetime as dt

import pytest

from loften_app.domain.enums import Comparison, Measure, TargetPeriod
from loften_app.domain.periods import Period, quarter, year
from loften_app.domain.records import TargetData
from loften_app.domain.targets import (
    TargetStatus,
    Window,
    default_period,
    describe_target,
    evaluate,
    forecast_text,
    format_value,
    median_from_histogram,
    share,
    share_within,
    status_label,
    target_window,
)

AGREEMENT = Period(dt.date(2017, 1, 1), dt.date(2018, 12, 31))
WALKS = TargetData(
    promise_id="p",
    measure=Measure.WALKS_COMPLETED,
    comparison=Comparison.AT_LEAST,
    value=2,
    period=TargetPeriod.YEAR,
)


def target(measure: Measure, comparison: Comparison, value: float, **rest: object) -> TargetData:
    return TargetData(
        promise_id="p",
        measure=measure,
        comparison=comparison,
        value=value,
        period=TargetPeriod.YEAR,
        **rest,  # type: ignore[arg-type]
    )


def status_of(t: TargetData, actual: float | None, on: dt.date, **rest: object) -> TargetStatus:
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), on))
    return evaluate(t, actual=actual, window=window, as_of=on, **rest)[0]  # type: ignore[arg-type]


def test_a_per_year_target_viewed_for_a_quarter_shows_the_year_so_far() -> None:
    window = target_window(TargetPeriod.YEAR, quarter(2018, 3), AGREEMENT)
    assert window.full == year(2018)
    assert window.measured == Period(dt.date(2018, 1, 1), dt.date(2018, 9, 30))
    assert window.factor == 1


def test_a_per_quarter_target_viewed_for_a_year_counts_four_quarters() -> None:
    window = target_window(TargetPeriod.QUARTER, year(2018), AGREEMENT)
    assert (window.full, window.measured, window.factor) == (year(2018), year(2018), 4)
    q = target_window(TargetPeriod.QUARTER, quarter(2018, 1), AGREEMENT)
    assert q.full == q.measured == Period(dt.date(2018, 1, 1), dt.date(2018, 3, 31))


def test_a_whole_agreement_target_is_measured_from_its_start() -> None:
    window = target_window(TargetPeriod.AGREEMENT, year(2017), AGREEMENT)
    assert window.full == AGREEMENT
    assert window.measured == year(2017)


def test_every_status_is_reachable_for_an_at_least_count() -> None:
    assert status_of(WALKS, 2, dt.date(2018, 5, 1)) is TargetStatus.MET
    # Half the year gone: one walk keeps the pace, none does not.
    assert status_of(WALKS, 1, dt.date(2018, 7, 2)) is TargetStatus.ON_TRACK
    assert status_of(WALKS, 0, dt.date(2018, 7, 2)) is TargetStatus.AT_RISK
    assert status_of(WALKS, 1, dt.date(2018, 12, 31)) is TargetStatus.MISSED
    share_target = target(Measure.DRUG_SHARE_NOTIFIED, Comparison.AT_LEAST, 0.9)
    assert status_of(share_target, None, dt.date(2018, 5, 1)) is TargetStatus.NO_DATA


def test_early_in_the_year_no_walk_and_none_planned_is_at_risk() -> None:
    # The forecast of walks is completed plus planned: nothing done, nothing planned, risk.
    assert status_of(WALKS, 0, dt.date(2018, 3, 31), planned=0) is TargetStatus.AT_RISK
    assert status_of(WALKS, 0, dt.date(2018, 3, 31), planned=2) is TargetStatus.ON_TRACK


def test_planned_walks_that_would_meet_the_target_are_on_track_and_counted_apart() -> None:
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), dt.date(2018, 11, 1)))
    status, forecast = evaluate(
        WALKS,
        actual=1,
        window=window,
        as_of=dt.date(2018, 11, 1),
        planned=1,
        next_planned=dt.date(2018, 12, 5),
    )
    assert status is TargetStatus.ON_TRACK
    assert (forecast.projected, forecast.planned) == (2, 1)
    text = forecast_text(WALKS, forecast, window=window)
    assert text == "1 planerad (nästa 2018-12-05): prognos 2 av minst 2"
    two_planned = evaluate(WALKS, actual=0, window=window, as_of=dt.date(2018, 11, 1), planned=2)
    assert two_planned[0] is TargetStatus.ON_TRACK
    no_plan = evaluate(WALKS, actual=0, window=window, as_of=dt.date(2018, 11, 1), planned=0)
    assert no_plan[0] is TargetStatus.AT_RISK


def test_at_most_targets_are_met_while_under_and_missed_once_over() -> None:
    overdue = target(Measure.ACTIONS_OVERDUE, Comparison.AT_MOST, 2)
    assert status_of(overdue, 1, dt.date(2018, 5, 1)) is TargetStatus.MET
    assert status_of(overdue, 3, dt.date(2018, 5, 1)) is TargetStatus.AT_RISK  # may still fall
    assert status_of(overdue, 3, dt.date(2018, 12, 31)) is TargetStatus.MISSED
    cases = target(Measure.DRUG_CASES, Comparison.AT_MOST, 10)
    assert status_of(cases, 10, dt.date(2018, 12, 31)) is TargetStatus.MET
    assert status_of(cases, 11, dt.date(2018, 4, 1)) is TargetStatus.MISSED  # cannot come down


def test_a_share_below_its_target_is_at_risk_until_the_end() -> None:
    contact = target(Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS, Comparison.AT_LEAST, 0.8)
    assert status_of(contact, 85, dt.date(2018, 5, 1)) is TargetStatus.MET
    assert status_of(contact, 50, dt.date(2018, 5, 1)) is TargetStatus.AT_RISK
    assert status_of(contact, 50, dt.date(2019, 1, 1)) is TargetStatus.MISSED


def test_hours_keep_a_pro_rata_pace_and_the_forecast_projects_it() -> None:
    hours = target(Measure.PATROL_HOURS_EVENING_NIGHT, Comparison.AT_LEAST, 365)
    on = dt.date(2018, 4, 10)  # day 100
    window = Window(full=year(2018), measured=Period(dt.date(2018, 1, 1), on))
    status, forecast = evaluate(hours, actual=100, window=window, as_of=on)
    assert status is TargetStatus.ON_TRACK
    assert forecast.projected == pytest.approx(365)
    assert status_of(hours, 99, on) is TargetStatus.AT_RISK


def test_a_per_quarter_target_over_a_year_is_scaled_for_counts_only() -> None:
    visits = TargetData(
        promise_id="p",
        measure=Measure.SHOP_VISITS,
        comparison=Comparison.AT_LEAST,
        value=12,
        period=TargetPeriod.QUARTER,
    )
    window = target_window(TargetPeriod.QUARTER, year(2018), AGREEMENT)
    done = dt.date(2019, 1, 1)
    assert evaluate(visits, actual=47, window=window, as_of=done)[0] is TargetStatus.MISSED
    assert evaluate(visits, actual=48, window=window, as_of=done)[0] is TargetStatus.MET


def test_leap_year_pace_counts_366_days() -> None:
    hours = target(Measure.PATROL_HOURS, Comparison.AT_LEAST, 366)
    full = Period(dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    on = dt.date(2016, 2, 29)  # day 60 of 366
    window = Window(full=full, measured=Period(full.start, on))
    assert evaluate(hours, actual=60, window=window, as_of=on)[0] is TargetStatus.ON_TRACK
    assert evaluate(hours, actual=59.9, window=window, as_of=on)[0] is TargetStatus.AT_RISK


def test_medians_and_shares() -> None:
    assert median_from_histogram({}) is None
    assert median_from_histogram({3: 1}) == 3
    assert median_from_histogram({1: 1, 4: 1}) == 2.5
    assert median_from_histogram({0: 2, 9: 1}) == 0
    assert share(0, 0) is None
    assert share(1, 4) == 25
    assert share_within({0: 1, 1: 1, 5: 2}, 1) == 50


def test_words() -> None:
    assert describe_target(WALKS) == "minst 2 genomförda trygghetsvandringar per år"
    contact = target(
        Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS, Comparison.AT_LEAST, 0.8, parameter=3
    )
    assert describe_target(contact) == (
        "andel ärenden med kommunal kontakt inom 3 dagar minst 80 % per år"
    )
    assert format_value(Measure.PATROL_HOURS, 12.5) == "12,5 h"
    assert format_value(Measure.DRUG_SHARE_NOTIFIED, None) == "–"
    assert [status_label(s) for s in TargetStatus] == [
        "uppfyllt",
        "i fas",
        "risk",
        "ej uppfyllt",
        "saknar data",
    ]


def test_the_default_period_is_the_current_year_within_the_agreement() -> None:
    assert default_period(AGREEMENT, dt.date(2017, 5, 1)) == year(2017)
    assert default_period(AGREEMENT, dt.date(2025, 5, 1)) == year(2018)
    short = Period(dt.date(2017, 7, 1), dt.date(2018, 6, 30))
    assert default_period(short, dt.date(2017, 9, 1)) == Period(short.start, dt.date(2017, 12, 31))
