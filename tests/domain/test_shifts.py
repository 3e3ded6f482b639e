"""Tests of shifts: midnight crossing, evening/night hours and splitting over periods."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loften_app.domain.periods import month, quarter, quarters_in, year
from loften_app.domain.shifts import (
    EVENING_START,
    NIGHT_END,
    evening_night_hours,
    is_evening_or_night,
    shift_bounds,
    shift_hours,
    split_evening_night_hours_by_period,
    split_hours_by_period,
)

DAY = date(2018, 6, 15)


def t(text: str) -> time:
    return time.fromisoformat(text)


# --- bounds and hours -------------------------------------------------------------------------


def test_constants() -> None:
    assert time(18, 0) == EVENING_START
    assert time(6, 0) == NIGHT_END


def test_shift_bounds_same_day() -> None:
    assert shift_bounds(DAY, t("08:00"), t("16:30")) == (
        datetime(2018, 6, 15, 8, 0),
        datetime(2018, 6, 15, 16, 30),
    )


def test_shift_bounds_across_midnight() -> None:
    assert shift_bounds(DAY, t("21:00"), t("02:00")) == (
        datetime(2018, 6, 15, 21, 0),
        datetime(2018, 6, 16, 2, 0),
    )


def test_shift_bounds_end_at_midnight() -> None:
    assert shift_bounds(DAY, t("20:00"), t("00:00")) == (
        datetime(2018, 6, 15, 20, 0),
        datetime(2018, 6, 16, 0, 0),
    )


def test_shift_bounds_across_year_end() -> None:
    assert shift_bounds(date(2018, 12, 31), t("22:00"), t("03:00")) == (
        datetime(2018, 12, 31, 22, 0),
        datetime(2019, 1, 1, 3, 0),
    )


def test_shift_bounds_across_leap_day() -> None:
    assert shift_bounds(date(2020, 2, 28), t("22:00"), t("01:00"))[1] == datetime(2020, 2, 29, 1)
    assert shift_bounds(date(2020, 2, 29), t("22:00"), t("01:00"))[1] == datetime(2020, 3, 1, 1)


def test_end_equal_to_start_is_24_hours() -> None:
    finish = shift_bounds(DAY, t("10:00"), t("10:00"))[1]
    assert finish == datetime(2018, 6, 16, 10, 0)
    assert shift_hours(DAY, t("10:00"), t("10:00")) == 24.0
    assert evening_night_hours(DAY, t("10:00"), t("10:00")) == 12.0


def test_aware_times_are_refused() -> None:
    with pytest.raises(ValueError):
        shift_bounds(DAY, time(21, 0, tzinfo=UTC), t("02:00"))


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("21:00", "02:00", 5.0),
        ("21:00", "21:45", 0.75),
        ("08:00", "16:30", 8.5),
        ("23:59", "00:00", 1 / 60),
        ("00:00", "23:59", 23 + 59 / 60),
        ("12:00", "14:00", 2.0),
        ("16:00", "07:00", 15.0),
        ("22:15", "06:45", 8.5),
    ],
)
def test_shift_hours(start: str, end: str, hours: float) -> None:
    assert shift_hours(DAY, t(start), t(end)) == pytest.approx(hours)


# --- evening and night ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("04:00", "08:00", 2.0),
        ("17:00", "19:00", 1.0),
        ("21:00", "02:00", 5.0),
        ("12:00", "14:00", 0.0),
        ("16:00", "07:00", 12.0),
        ("18:00", "06:00", 12.0),
        ("06:00", "18:00", 0.0),
        ("05:30", "06:00", 0.5),
        ("17:00", "18:00", 0.0),
        ("17:45", "18:30", 0.5),
        ("00:00", "00:00", 12.0),
        ("05:00", "19:00", 2.0),
        ("19:00", "05:00", 10.0),
        ("02:00", "04:00", 2.0),
        ("22:00", "08:00", 8.0),
        ("20:00", "19:00", 11.0),
    ],
)
def test_evening_night_hours(start: str, end: str, hours: float) -> None:
    assert evening_night_hours(DAY, t(start), t(end)) == pytest.approx(hours)
    assert is_evening_or_night(DAY, t(start), t(end)) == (hours > 0)


def test_is_evening_or_night_edges() -> None:
    assert not is_evening_or_night(DAY, t("06:00"), t("18:00"))
    assert not is_evening_or_night(DAY, t("10:00"), t("18:00"))
    assert is_evening_or_night(DAY, t("10:00"), t("18:01"))
    assert is_evening_or_night(DAY, t("05:59"), t("10:00"))
    assert is_evening_or_night(DAY, t("23:00"), t("23:30"))


# --- splitting over periods -------------------------------------------------------------------


def test_split_across_quarter_end() -> None:
    q1, q2 = quarter(2018, 1), quarter(2018, 2)
    split = split_hours_by_period(date(2018, 3, 31), t("22:00"), t("02:00"), [q1, q2])
    assert split == {q1: pytest.approx(2.0), q2: pytest.approx(2.0)}


def test_split_across_year_end() -> None:
    y2018, y2019 = year(2018), year(2019)
    q4, q1 = quarter(2018, 4), quarter(2019, 1)
    periods = [y2018, y2019, q4, q1]
    split = split_hours_by_period(date(2018, 12, 31), t("21:00"), t("02:30"), periods)
    assert split[y2018] == pytest.approx(3.0)
    assert split[y2019] == pytest.approx(2.5)
    assert split[q4] == pytest.approx(3.0)
    assert split[q1] == pytest.approx(2.5)


def test_split_gives_zero_for_periods_the_shift_misses() -> None:
    q1, q3 = quarter(2018, 1), quarter(2018, 3)
    split = split_hours_by_period(DAY, t("08:00"), t("12:00"), [q1, q3])
    assert split == {q1: 0.0, q3: 0.0}
    assert split_hours_by_period(DAY, t("08:00"), t("12:00"), []) == {}


def test_split_counts_overlapping_periods_each_on_their_own() -> None:
    june, q2, y = month(2018, 6), quarter(2018, 2), year(2018)
    split = split_hours_by_period(DAY, t("08:00"), t("12:00"), [june, q2, y])
    assert split == {june: 4.0, q2: 4.0, y: 4.0}


def test_split_shift_ending_at_midnight_of_quarter_end() -> None:
    q1, q2 = quarter(2018, 1), quarter(2018, 2)
    split = split_hours_by_period(date(2018, 3, 31), t("20:00"), t("00:00"), [q1, q2])
    assert split == {q1: 4.0, q2: 0.0}


def test_split_evening_night_across_quarter_end() -> None:
    q1, q2 = quarter(2018, 1), quarter(2018, 2)
    # 16:00–07:00: evening/night 18:00–24:00 in Q1 (6 h) and 00:00–06:00 in Q2 (6 h).
    split = split_evening_night_hours_by_period(date(2018, 3, 31), t("16:00"), t("07:00"), [q1, q2])
    assert split == {q1: pytest.approx(6.0), q2: pytest.approx(6.0)}


def test_split_evening_night_across_year_end() -> None:
    y2018, y2019 = year(2018), year(2019)
    split = split_evening_night_hours_by_period(
        date(2018, 12, 31), t("17:00"), t("08:00"), [y2018, y2019]
    )
    assert split == {y2018: pytest.approx(6.0), y2019: pytest.approx(6.0)}


def test_split_evening_night_of_a_day_shift_is_zero() -> None:
    q2 = quarter(2018, 2)
    assert split_evening_night_hours_by_period(DAY, t("09:00"), t("15:00"), [q2]) == {q2: 0.0}


# --- properties -------------------------------------------------------------------------------

times = st.times()
days_2017_2018 = st.dates(min_value=date(2017, 1, 1), max_value=date(2018, 12, 31))
two_years_of_quarters = quarters_in(year(2017)) + quarters_in(year(2018)) + [quarter(2019, 1)]


@given(days_2017_2018, times, times)
def test_evening_night_is_part_of_the_shift(on: date, start: time, end: time) -> None:
    total = shift_hours(on, start, end)
    evening = evening_night_hours(on, start, end)
    assert 0.0 < total <= 24.0
    assert 0.0 <= evening <= total
    assert evening <= 12.0 + 1e-9
    assert is_evening_or_night(on, start, end) == (evening > 0)


@given(st.dates(min_value=date(2017, 1, 1), max_value=date(2018, 12, 30)), times, times)
def test_split_over_quarters_of_two_years_sums_to_shift_hours(
    on: date, start: time, end: time
) -> None:
    periods = quarters_in(year(2017)) + quarters_in(year(2018))
    assert len(periods) == 8
    split = split_hours_by_period(on, start, end, periods)
    assert set(split) == set(periods)
    assert all(hours >= 0.0 for hours in split.values())
    assert sum(split.values()) == pytest.approx(shift_hours(on, start, end))
    evening = split_evening_night_hours_by_period(on, start, end, periods)
    assert sum(evening.values()) == pytest.approx(evening_night_hours(on, start, end))
    assert all(evening[p] <= split[p] + 1e-9 for p in periods)


@given(days_2017_2018, times, times)
def test_split_including_the_last_day_sums_to_shift_hours(on: date, start: time, end: time) -> None:
    # A shift on 2018-12-31 may end in 2019: with 2019 Q1 included nothing is lost.
    split = split_hours_by_period(on, start, end, two_years_of_quarters)
    assert sum(split.values()) == pytest.approx(shift_hours(on, start, end))
    evening = split_evening_night_hours_by_period(on, start, end, two_years_of_quarters)
    assert sum(evening.values()) == pytest.approx(evening_night_hours(on, start, end))
