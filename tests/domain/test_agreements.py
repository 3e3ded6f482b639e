"""Which agreement is in force on a date, and what span each covers (domain.agreements)."""

from __future__ import annotations

import datetime as dt

from loften_app.domain.agreements import (
    Term,
    covered,
    extension,
    in_force,
    overlapping,
    renewal_period,
    tenure,
)
from loften_app.domain.periods import Period

D = dt.date
OLD = Term("old", D(2017, 1, 1), D(2018, 12, 31), valid_until_replaced=True)
Y25 = Term("y25", D(2025, 1, 1), D(2025, 12, 31), valid_until_replaced=True)
Y26 = Term("y26", D(2026, 1, 1), D(2026, 12, 31), valid_until_replaced=False)


def test_valid_until_replaced_stays_in_force_after_its_end() -> None:
    assert in_force([OLD], D(2026, 12, 2)) == OLD
    assert in_force([OLD], D(2016, 12, 31)) is None
    assert tenure(OLD, [OLD]) == (D(2017, 1, 1), None)
    assert covered(OLD, [OLD], D(2026, 12, 2)) == Period(D(2017, 1, 1), D(2026, 12, 2))
    assert extension(OLD, [OLD], D(2026, 12, 2)) == Period(D(2019, 1, 1), D(2026, 12, 2))


def test_the_latest_started_is_in_force_and_cuts_the_earlier_short() -> None:
    terms = [OLD, Y25, Y26]
    assert in_force(terms, D(2024, 6, 1)) == OLD  # the extension of 2017-2018
    assert in_force(terms, D(2025, 6, 1)) == Y25
    assert in_force(terms, D(2026, 1, 1)) == Y26
    assert tenure(OLD, terms) == (D(2017, 1, 1), D(2024, 12, 31))
    assert covered(Y25, terms, D(2026, 12, 2)) == Period(D(2025, 1, 1), D(2025, 12, 31))
    assert extension(Y25, terms, D(2026, 12, 2)) is None


def test_an_agreement_not_valid_until_replaced_ends_on_its_end_date() -> None:
    assert in_force([Y26], D(2027, 1, 1)) is None
    assert covered(Y26, [Y26], D(2027, 6, 1)) == Period(D(2026, 1, 1), D(2026, 12, 31))


def test_overlap_and_renewal_period() -> None:
    assert overlapping(Period(D(2026, 7, 1), D(2027, 6, 30)), [Y25, Y26]) == [Y26]
    assert overlapping(Period(D(2027, 1, 1), D(2027, 12, 31)), [Y25, Y26]) == []
    assert renewal_period(Y26) == Period(D(2027, 1, 1), D(2027, 12, 31))
    assert renewal_period(OLD) == Period(D(2019, 1, 1), D(2019, 12, 31))
