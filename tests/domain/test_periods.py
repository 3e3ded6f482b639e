"""Tests of calendar periods: edges, leap years, parsing, labels, keys and month arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loften_app.domain.periods import (
    Period,
    add_months,
    month,
    months_in,
    parse_period,
    quarter,
    quarter_key,
    quarter_of,
    quarters_in,
    year,
    years_in,
)

# --- constructors and edges -------------------------------------------------------------------


def test_year_bounds() -> None:
    assert year(2018) == Period(date(2018, 1, 1), date(2018, 12, 31))
    assert year(2018).days == 365


@pytest.mark.parametrize(
    ("q", "start", "end"),
    [
        (1, date(2018, 1, 1), date(2018, 3, 31)),
        (2, date(2018, 4, 1), date(2018, 6, 30)),
        (3, date(2018, 7, 1), date(2018, 9, 30)),
        (4, date(2018, 10, 1), date(2018, 12, 31)),
    ],
)
def test_quarter_bounds(q: int, start: date, end: date) -> None:
    assert quarter(2018, q) == Period(start, end)


@pytest.mark.parametrize("q", [0, 5, -1])
def test_quarter_outside_one_to_four_is_refused(q: int) -> None:
    with pytest.raises(ValueError, match="Kvartal"):
        quarter(2018, q)


@pytest.mark.parametrize("m", [0, 13])
def test_month_outside_one_to_twelve_is_refused(m: int) -> None:
    with pytest.raises(ValueError, match="Månad"):
        month(2018, m)


def test_period_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="före"):
        Period(date(2018, 2, 1), date(2018, 1, 31))


def test_quarter_edges() -> None:
    assert quarter_of(date(2018, 3, 31)) == quarter(2018, 1)
    assert quarter_of(date(2018, 4, 1)) == quarter(2018, 2)
    assert quarter_of(date(2018, 12, 31)) == quarter(2018, 4)
    assert quarter_of(date(2019, 1, 1)) == quarter(2019, 1)
    assert quarter_key(date(2018, 3, 31)) == "2018-Q1"
    assert quarter_key(date(2018, 4, 1)) == "2018-Q2"
    assert quarter(2018, 1).contains(date(2018, 3, 31))
    assert not quarter(2018, 1).contains(date(2018, 4, 1))
    assert quarter(2018, 2).contains(date(2018, 4, 1))


@pytest.mark.parametrize(
    ("y", "leap"),
    [(2016, True), (2020, True), (2000, True), (1900, False), (2018, False), (2100, False)],
)
def test_leap_years(y: int, leap: bool) -> None:
    feb = month(y, 2)
    assert feb.days == (29 if leap else 28)
    assert year(y).days == (366 if leap else 365)
    assert quarter(y, 1).days == (91 if leap else 90)
    assert feb.contains(date(y, 2, 28))
    if leap:
        assert feb.end == date(y, 2, 29)
        assert feb.contains(date(y, 2, 29))


def test_days_counts_both_ends() -> None:
    assert Period(date(2018, 5, 5), date(2018, 5, 5)).days == 1
    assert Period(date(2017, 1, 1), date(2018, 12, 31)).days == 730


def test_contains() -> None:
    p = Period(date(2018, 1, 10), date(2018, 1, 20))
    assert p.contains(date(2018, 1, 10))
    assert p.contains(date(2018, 1, 20))
    assert not p.contains(date(2018, 1, 9))
    assert not p.contains(date(2018, 1, 21))


def test_periods_order_and_hash() -> None:
    assert sorted([quarter(2018, 2), year(2018), quarter(2018, 1)]) == [
        quarter(2018, 1),
        year(2018),
        quarter(2018, 2),
    ]
    assert {quarter(2018, 1): 1}[parse_period("2018-Q1")] == 1


# --- overlap ----------------------------------------------------------------------------------


def test_overlap() -> None:
    agreement = parse_period("2017-01-01/2018-12-31")
    assert agreement.overlap(year(2018)) == year(2018)
    assert year(2018).overlap(agreement) == year(2018)
    assert quarter(2018, 1).overlap(quarter(2018, 2)) is None
    assert Period(date(2018, 3, 1), date(2018, 4, 15)).overlap(quarter(2018, 2)) == Period(
        date(2018, 4, 1), date(2018, 4, 15)
    )
    # Touching on one day is an overlap of one day.
    assert Period(date(2018, 1, 1), date(2018, 3, 31)).overlap(
        Period(date(2018, 3, 31), date(2018, 5, 1))
    ) == Period(date(2018, 3, 31), date(2018, 3, 31))


# --- splitting into years, quarters, months --------------------------------------------------


def test_quarters_in_agreement_period() -> None:
    quarters = quarters_in(parse_period("2017-01-01/2018-12-31"))
    assert len(quarters) == 8
    assert quarters[0] == quarter(2017, 1)
    assert quarters[-1] == quarter(2018, 4)


def test_quarters_in_takes_whole_quarters_that_overlap() -> None:
    p = Period(date(2018, 3, 31), date(2018, 7, 1))
    assert quarters_in(p) == [quarter(2018, 1), quarter(2018, 2), quarter(2018, 3)]
    assert quarters_in(Period(date(2018, 5, 5), date(2018, 5, 5))) == [quarter(2018, 2)]
    assert quarters_in(Period(date(2018, 12, 31), date(2019, 1, 1))) == [
        quarter(2018, 4),
        quarter(2019, 1),
    ]


def test_months_in() -> None:
    assert months_in(quarter(2018, 3)) == [month(2018, 7), month(2018, 8), month(2018, 9)]
    assert months_in(Period(date(2018, 12, 15), date(2019, 1, 2))) == [
        month(2018, 12),
        month(2019, 1),
    ]
    assert len(months_in(parse_period("2017-01-01/2018-12-31"))) == 24


def test_years_in() -> None:
    assert years_in(parse_period("2017-01-01/2018-12-31")) == [year(2017), year(2018)]
    assert years_in(Period(date(2018, 12, 31), date(2020, 1, 1))) == [
        year(2018),
        year(2019),
        year(2020),
    ]
    assert years_in(quarter(2018, 2)) == [year(2018)]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_subdivisions_cover_the_period(start: date, length: int) -> None:
    p = Period(start, start + timedelta(days=length))
    for parts in (years_in(p), quarters_in(p), months_in(p)):
        assert parts[0].contains(p.start)
        assert parts[-1].contains(p.end)
        for before, after in pairwise(parts):
            assert after.start == before.end + timedelta(days=1)
        assert all(part.overlap(p) is not None for part in parts)


# --- labels and keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "label", "key"),
    [
        (year(2018), "2018", "2018"),
        (quarter(2018, 3), "2018 kv 3", "2018-Q3"),
        (quarter(2018, 1), "2018 kv 1", "2018-Q1"),
        (month(2018, 1), "januari 2018", "2018-01"),
        (month(2018, 3), "mars 2018", "2018-03"),
        (month(2020, 2), "februari 2020", "2020-02"),
        (month(2018, 12), "december 2018", "2018-12"),
        (
            Period(date(2017, 1, 1), date(2018, 12, 31)),
            "2017-01-01 – 2018-12-31",
            "2017-01-01/2018-12-31",
        ),
        (
            Period(date(2018, 1, 1), date(2018, 2, 28)),
            "2018-01-01 – 2018-02-28",
            "2018-01-01/2018-02-28",
        ),
        (
            Period(date(2018, 2, 1), date(2018, 4, 30)),
            "2018-02-01 – 2018-04-30",
            "2018-02-01/2018-04-30",
        ),
        (
            Period(date(2018, 1, 2), date(2018, 12, 31)),
            "2018-01-02 – 2018-12-31",
            "2018-01-02/2018-12-31",
        ),
        (
            Period(date(2018, 5, 5), date(2018, 5, 5)),
            "2018-05-05 – 2018-05-05",
            "2018-05-05/2018-05-05",
        ),
    ],
)
def test_label_and_key(period: Period, label: str, key: str) -> None:
    assert period.label == label
    assert period.key == key
    assert parse_period(key) == period


def test_february_not_in_leap_year_is_a_month() -> None:
    assert Period(date(1900, 2, 1), date(1900, 2, 28)).key == "1900-02"
    assert Period(date(2000, 2, 1), date(2000, 2, 28)).key == "2000-02-01/2000-02-28"


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)),
    st.integers(min_value=0, max_value=1000),
)
def test_key_round_trips(start: date, length: int) -> None:
    p = Period(start, start + timedelta(days=length))
    assert parse_period(p.key) == p


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018", year(2018)),
        ("2018-Q3", quarter(2018, 3)),
        ("2018-q3", quarter(2018, 3)),
        ("2018Q3", quarter(2018, 3)),
        ("2018q1", quarter(2018, 1)),
        ("2018-03", month(2018, 3)),
        ("2020-02", month(2020, 2)),
        ("2017-01-01/2018-12-31", Period(date(2017, 1, 1), date(2018, 12, 31))),
        ("2017-01-01..2018-12-31", Period(date(2017, 1, 1), date(2018, 12, 31))),
        ("2017-01-01 / 2018-12-31", Period(date(2017, 1, 1), date(2018, 12, 31))),
        ("2018-05-05/2018-05-05", Period(date(2018, 5, 5), date(2018, 5, 5))),
        ("  2018-Q4\n", quarter(2018, 4)),
        ("2020-02-29/2020-03-01", Period(date(2020, 2, 29), date(2020, 3, 1))),
    ],
)
def test_parse_period(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "18",
        "20180",
        "2018-Q5",
        "2018-Q0",
        "2018-Q",
        "Q3-2018",
        "2018 kv 3",
        "2018-13",
        "2018-00",
        "2018-3",
        "0000",
        "2018-03-05",
        "2018-02-29/2018-03-01",
        "1900-02-29/1900-03-01",
        "2017-01-01-2018-12-31",
        "2017-01-01/",
        "2017-01-01...2018-12-31",
        "٢٠١٨",  # Arabic-Indic digits are not accepted
    ],
)
def test_parse_period_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="Okänd period") as info:
        parse_period(text)
    assert "Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31." in str(info.value)


def test_parse_period_message_quotes_the_text() -> None:
    with pytest.raises(ValueError) as info:
        parse_period("x")
    assert str(info.value) == (
        "Okänd period: 'x'. Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31."
    )


def test_parse_period_refuses_end_before_start() -> None:
    with pytest.raises(ValueError, match="slutar före den börjar"):
        parse_period("2018-12-31/2017-01-01")
    with pytest.raises(ValueError, match="Okänd period"):
        parse_period("2018-01-02..2018-01-01")


# --- elapsed fraction -------------------------------------------------------------------------


def test_elapsed_fraction() -> None:
    p = year(2018)
    assert p.elapsed_fraction(date(2017, 12, 31)) == 0.0
    assert p.elapsed_fraction(date(2018, 1, 1)) == pytest.approx(1 / 365)
    assert p.elapsed_fraction(date(2018, 7, 2)) == pytest.approx(183 / 365)
    assert p.elapsed_fraction(date(2018, 12, 30)) == pytest.approx(364 / 365)
    assert p.elapsed_fraction(date(2018, 12, 31)) == 1.0
    assert p.elapsed_fraction(date(2019, 6, 1)) == 1.0


def test_elapsed_fraction_of_a_single_day() -> None:
    p = Period(date(2018, 5, 5), date(2018, 5, 5))
    assert p.elapsed_fraction(date(2018, 5, 4)) == 0.0
    assert p.elapsed_fraction(date(2018, 5, 5)) == 1.0


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(min_value=date(1999, 1, 1), max_value=date(2032, 12, 31)),
    st.dates(min_value=date(1999, 1, 1), max_value=date(2032, 12, 31)),
)
def test_elapsed_fraction_is_monotone(start: date, a: date, b: date) -> None:
    p = Period(start, start + timedelta(days=400))
    a, b = min(a, b), max(a, b)
    assert 0.0 <= p.elapsed_fraction(a) <= p.elapsed_fraction(b) <= 1.0


# --- add_months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "months", "expected"),
    [
        (date(2018, 8, 31), 6, date(2019, 2, 28)),
        (date(2019, 8, 31), 6, date(2020, 2, 29)),
        (date(2018, 3, 15), 6, date(2018, 9, 15)),
        (date(2018, 3, 31), 6, date(2018, 9, 30)),
        (date(2018, 1, 31), 1, date(2018, 2, 28)),
        (date(2016, 1, 31), 1, date(2016, 2, 29)),
        (date(1900, 1, 31), 1, date(1900, 2, 28)),
        (date(2000, 1, 31), 1, date(2000, 2, 29)),
        (date(2018, 7, 1), 6, date(2019, 1, 1)),
        (date(2018, 12, 31), 0, date(2018, 12, 31)),
        (date(2018, 12, 31), 12, date(2019, 12, 31)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2018, 3, 31), -1, date(2018, 2, 28)),
        (date(2018, 1, 15), -1, date(2017, 12, 15)),
        (date(2018, 1, 15), -25, date(2015, 12, 15)),
    ],
)
def test_add_months(d: date, months: int, expected: date) -> None:
    assert add_months(d, months) == expected


def test_add_months_outside_the_calendar_is_refused() -> None:
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(ValueError):
        add_months(date(1, 1, 1), -1)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=-120, max_value=120),
)
def test_add_months_properties(d: date, months: int) -> None:
    result = add_months(d, months)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months
    assert result.day <= d.day
    assert result.day == d.day or result == month(result.year, result.month).end
