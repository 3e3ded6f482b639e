"""Tests for the guard against personnummer and samordningsnummer in free text."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loften_app.domain.personnummer import (
    IdentityNumberMatch,
    contains_identity_number,
    find_identity_numbers,
    identity_number_message,
    luhn_check_digit,
)

# --- helpers ---------------------------------------------------------------------------------


def _luhn_valid(digits: str) -> bool:
    """Independent Luhn validation: from the right, double every second digit."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


@dataclass(frozen=True)
class Parts:
    """The parts of a (possibly invalid) identity number, before rendering."""

    year: int  # four digits
    month: int
    day: int  # as written, i.e. +60 for a samordningsnummer
    serial: int  # three digits

    def check_digit(self) -> int:
        return luhn_check_digit(
            f"{self.year % 100:02d}{self.month:02d}{self.day:02d}{self.serial:03d}"
        )

    def render(self, long_year: bool, separator: str, check_digit: int | None = None) -> str:
        check = self.check_digit() if check_digit is None else check_digit
        year = f"{self.year:04d}" if long_year else f"{self.year % 100:02d}"
        return f"{year}{self.month:02d}{self.day:02d}{separator}{self.serial:03d}{check}"


FORMATS: list[tuple[bool, str]] = [
    (False, "-"),
    (False, "+"),
    (False, ""),
    (True, "-"),
    (True, "+"),
    (True, ""),
]

formats = st.sampled_from(FORMATS)


@st.composite
def valid_parts(draw: st.DrawFn) -> tuple[Parts, str]:
    """A valid number (date 1890–2025, leap days included) and its expected kind."""
    date = draw(st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2025, 12, 31)))
    coordination = draw(st.booleans())
    serial = draw(st.integers(min_value=0, max_value=999))
    day = date.day + 60 if coordination else date.day
    kind = "samordningsnummer" if coordination else "personnummer"
    return Parts(date.year, date.month, day, serial), kind


# Free text whose last (prefix) or first (suffix) character is not a digit.
prefixes = st.text(max_size=30).filter(lambda s: not s or not s[-1].isdecimal())
suffixes = st.text(max_size=30).filter(lambda s: not s or not s[0].isdecimal())

# Free text without any digit at all, so that the embedded string is the only digit run.
no_digits = st.text(
    # Nor characters that normalise to digits (½ is "1⁄2"): the search reads the NFKC form.
    alphabet=st.characters(exclude_categories=("Nd", "Cs")).filter(
        lambda c: not any(part.isdigit() for part in unicodedata.normalize("NFKC", c))
    ),
    max_size=30,
)


def _assert_passes(text: str) -> None:
    assert find_identity_numbers(text) == []
    assert not contains_identity_number(text)


# --- luhn_check_digit ------------------------------------------------------------------------


def test_luhn_check_digit_of_well_known_test_numbers() -> None:
    assert luhn_check_digit("811218987") == 6
    assert luhn_check_digit("701063239") == 1
    assert _luhn_valid("8112189876")
    assert _luhn_valid("7010632391")


@pytest.mark.parametrize("bad", ["", "12345678", "1234567890", "12345678a", "12345-678"])
def test_luhn_check_digit_rejects_anything_but_nine_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="nine digits"):
        luhn_check_digit(bad)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_luhn_check_digit_completes_a_valid_luhn_number(nine: str) -> None:
    check = luhn_check_digit(nine)
    assert 0 <= check <= 9
    assert _luhn_valid(nine + str(check))
    assert not any(_luhn_valid(nine + str(other)) for other in range(10) if other != check)


# --- hand-picked examples --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("811218-9876", "personnummer"),
        ("811218+9876", "personnummer"),
        ("8112189876", "personnummer"),
        ("19811218-9876", "personnummer"),
        ("19811218+9876", "personnummer"),
        ("198112189876", "personnummer"),
        ("701063-2391", "samordningsnummer"),
        ("701063+2391", "samordningsnummer"),
        ("7010632391", "samordningsnummer"),
        ("19701063-2391", "samordningsnummer"),
        ("197010632391", "samordningsnummer"),
    ],
)
def test_finds_well_known_test_numbers_in_every_format(number: str, kind: str) -> None:
    assert find_identity_numbers(number) == [
        IdentityNumberMatch(start=0, end=len(number), text=number, kind=kind)
    ]
    assert contains_identity_number(number)


@pytest.mark.parametrize(
    "text",
    [
        "Pratade med 811218-9876 vid torget.",
        "Pratade med 19811218-9876 vid torget.",
        "Pratade med 8112189876 vid torget.",
        "Pratade med 811218+9876 vid torget.",
        "Personen (811218-9876) var orolig.",
        "Pnr:811218-9876.",
        "Nr 811218-9876, ungdom.",
        "Samordningsnummer 701063-2391 noterat.",
    ],
)
def test_finds_numbers_embedded_in_swedish_text(text: str) -> None:
    matches = find_identity_numbers(text)
    assert len(matches) == 1
    match = matches[0]
    assert text[match.start : match.end] == match.text
    assert match.text in {
        "811218-9876",
        "19811218-9876",
        "8112189876",
        "811218+9876",
        "701063-2391",
    }


def test_finds_every_number_in_order() -> None:
    text = "Först 811218-9876, sedan 701063-2391 och till sist 198112189876."
    matches = find_identity_numbers(text)
    assert [m.text for m in matches] == ["811218-9876", "701063-2391", "198112189876"]
    assert [m.kind for m in matches] == ["personnummer", "samordningsnummer", "personnummer"]
    assert all(text[m.start : m.end] == m.text for m in matches)


@pytest.mark.parametrize(
    "text",
    [
        "８１１２１８－９８７６",  # full-width digits and hyphen
        "811218–9876",  # en dash, as word processors write it
        "811218−9876",  # minus sign
        "811218‑9876",  # non-breaking hyphen
    ],
)
def test_finds_numbers_written_with_other_digits_or_dashes(text: str) -> None:
    assert contains_identity_number(text)


def test_accepts_feb_29_in_ten_digit_form_when_year_divisible_by_four() -> None:
    for year in (1900, 1996, 2000, 2004):
        parts = Parts(year, 2, 29, 123)
        assert contains_identity_number(parts.render(long_year=False, separator="-"))
    assert not contains_identity_number(Parts(2001, 2, 29, 123).render(False, "-"))


def test_feb_29_in_twelve_digit_form_needs_a_real_leap_year() -> None:
    assert contains_identity_number(Parts(1896, 2, 29, 123).render(True, "-"))
    assert contains_identity_number(Parts(2000, 2, 29, 123).render(True, "-"))
    assert not contains_identity_number(Parts(1900, 2, 29, 123).render(True, "-"))
    assert not contains_identity_number(Parts(1999, 2, 29, 123).render(True, ""))


@pytest.mark.parametrize("year", [1781, 2181, 1081])
def test_twelve_digit_form_needs_century_18_19_or_20(year: int) -> None:
    _assert_passes(Parts(year, 12, 18, 987).render(True, "-"))
    _assert_passes(Parts(year, 12, 18, 987).render(True, ""))


@pytest.mark.parametrize(
    "parts",
    [
        Parts(1981, 13, 18, 987),  # month 13
        Parts(1981, 0, 18, 987),  # month 0
        Parts(1981, 12, 32, 987),  # day 32
        Parts(1981, 12, 0, 987),  # day 0
        Parts(1981, 4, 31, 987),  # 31 April
        Parts(1981, 2, 30, 987),  # 30 February
    ],
)
def test_invalid_dates_pass_with_a_correct_check_digit(parts: Parts) -> None:
    for long_year, separator in FORMATS:
        _assert_passes(f"Pratade med {parts.render(long_year, separator)} vid torget.")


def test_samordningsnummer_day_boundaries() -> None:
    assert contains_identity_number(Parts(1970, 1, 61, 123).render(False, "-"))
    assert contains_identity_number(Parts(1970, 1, 91, 123).render(False, "-"))
    _assert_passes(Parts(1970, 1, 92, 123).render(False, "-"))
    _assert_passes(Parts(1970, 4, 91, 123).render(False, "-"))  # 31 April
    _assert_passes(Parts(1970, 1, 60, 123).render(False, "-"))  # day 0


@pytest.mark.parametrize(
    "text",
    [
        "811218-9875",  # wrong check digit
        "8112189870",
        "19811218-9871",
        "Mötet var 2018-03-15 kl. 14:30.",
        "20180315",
        "180315",
        "2018-03-15 14:30:00",
        "070-123 45 67",
        "0701-23 45 67",
        "+46 70 123 45 67",
        "08-123 456 78",
        "054-12 34 56",
        "+46701234567",
        "0046701234567",
        "18112189876",  # eleven digits
        "81121898761",
        "1981121898761",  # thirteen digits
        "12345678901234",  # fourteen digits
        "Ärende 5811218-9876",  # a digit prepended to the date part
        "Ärende 811218-98761",  # a digit appended to the serial
    ],
)
def test_hand_picked_near_misses_pass(text: str) -> None:
    _assert_passes(text)


def test_a_bare_ten_digit_phone_number_can_be_refused() -> None:
    # The documented limitation: 070123NNNC reads as a person born on 23 January 2007.
    phone = "070123456" + str(luhn_check_digit("070123456"))
    assert contains_identity_number(phone)
    _assert_passes(f"{phone[:3]}-{phone[3:6]} {phone[6:8]} {phone[8:]}")


# --- masked and message ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("811218-9876", "811218-****"),
        ("811218+9876", "811218+****"),
        ("8112189876", "811218****"),
        ("19811218-9876", "19811218-****"),
        ("198112189876", "19811218****"),
        ("701063-2391", "701063-****"),
    ],
)
def test_masked_hides_the_last_four_digits(number: str, masked: str) -> None:
    (match,) = find_identity_numbers(f"Text {number} text")
    assert match.masked == masked


def test_match_is_frozen() -> None:
    match = IdentityNumberMatch(start=0, end=11, text="811218-9876", kind="personnummer")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.start = 1  # type: ignore[misc]


def test_message_for_personnummer() -> None:
    (match,) = find_identity_numbers("Pratade med 811218-9876 vid torget.")
    message = identity_number_message(match)
    assert "personnummer" in message
    assert "811218-****" in message
    assert "9876" not in message
    assert "Löften" in message
    assert "aldrig" in message
    assert "Ta bort" in message
    assert "åldersgrupp" in message


def test_message_for_samordningsnummer() -> None:
    (match,) = find_identity_numbers("Samordningsnummer 701063-2391 noterat.")
    message = identity_number_message(match)
    assert "ett samordningsnummer (701063-****)" in message
    assert "2391" not in message
    assert "aldrig" in message


# --- properties: valid numbers are always found ----------------------------------------------


@given(valid_parts(), formats, prefixes, suffixes)
def test_valid_numbers_are_found_in_any_text(
    generated: tuple[Parts, str], fmt: tuple[bool, str], prefix: str, suffix: str
) -> None:
    parts, kind = generated
    number = parts.render(*fmt)
    text = prefix + number + suffix
    expected = IdentityNumberMatch(
        start=len(prefix), end=len(prefix) + len(number), text=number, kind=kind
    )
    assert expected in find_identity_numbers(text)
    assert contains_identity_number(text)
    assert expected.masked == number[:-4] + "****"
    assert expected.masked.endswith("****")
    assert number[:-4] in identity_number_message(expected)


# --- properties: near misses always pass ----------------------------------------------------


@given(valid_parts(), formats, st.integers(min_value=1, max_value=9), no_digits, no_digits)
def test_wrong_check_digit_passes(
    generated: tuple[Parts, str], fmt: tuple[bool, str], offset: int, prefix: str, suffix: str
) -> None:
    parts, _ = generated
    wrong = (parts.check_digit() + offset) % 10
    _assert_passes(prefix + parts.render(*fmt, check_digit=wrong) + suffix)


@given(valid_parts(), formats, st.integers(min_value=0, max_value=9), st.booleans(), no_digits)
def test_longer_digit_runs_pass(
    generated: tuple[Parts, str], fmt: tuple[bool, str], digit: int, before: bool, filler: str
) -> None:
    parts, _ = generated
    number = parts.render(*fmt)
    longer = f"{digit}{number}" if before else f"{number}{digit}"
    _assert_passes(filler + longer + filler)


@st.composite
def invalid_month_parts(draw: st.DrawFn) -> Parts:
    year = draw(st.integers(min_value=1890, max_value=2025))
    month = draw(st.one_of(st.just(0), st.integers(min_value=13, max_value=99)))
    day = draw(st.integers(min_value=1, max_value=28)) + draw(st.sampled_from([0, 60]))
    return Parts(year, month, day, draw(st.integers(min_value=0, max_value=999)))


@st.composite
def invalid_day_parts(draw: st.DrawFn) -> Parts:
    year = draw(st.integers(min_value=1890, max_value=2025))
    month = draw(st.integers(min_value=1, max_value=12))
    longest = calendar.monthrange(2000, month)[1]  # a leap year: the longest the month gets
    day = draw(
        st.one_of(
            st.just(0),
            st.integers(min_value=longest + 1, max_value=60),
            st.integers(min_value=longest + 61, max_value=99),
        )
    )
    return Parts(year, month, day, draw(st.integers(min_value=0, max_value=999)))


@given(st.one_of(invalid_month_parts(), invalid_day_parts()), formats, no_digits, no_digits)
def test_invalid_dates_pass_even_with_a_correct_check_digit(
    parts: Parts, fmt: tuple[bool, str], prefix: str, suffix: str
) -> None:
    _assert_passes(prefix + parts.render(*fmt) + suffix)


@given(
    st.integers(min_value=1890, max_value=2025).filter(lambda y: not calendar.isleap(y)),
    st.sampled_from([0, 60]),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["-", "+", ""]),
    no_digits,
)
def test_feb_29_in_a_non_leap_twelve_digit_year_passes(
    year: int, coordination: int, serial: int, separator: str, filler: str
) -> None:
    parts = Parts(year, 2, 29 + coordination, serial)
    _assert_passes(filler + parts.render(True, separator) + filler)


date_formats = st.sampled_from(
    ["%Y-%m-%d", "%Y%m%d", "%y%m%d", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d kl. %H.%M", "%H:%M"]
)


@given(
    st.datetimes(min_value=dt.datetime(1890, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    date_formats,
    no_digits,
)
def test_plain_dates_and_times_pass(moment: dt.datetime, fmt: str, filler: str) -> None:
    _assert_passes(filler + moment.strftime(fmt) + filler)


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=count, max_size=count)


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    """Swedish phone numbers in the forms people usually write them."""
    mobile = "7" + draw(st.sampled_from("02369")) + draw(_digits(7))  # 70 123 45 67
    landline = draw(_digits(6))
    forms = [
        f"0{mobile[:2]}-{mobile[2:5]} {mobile[5:7]} {mobile[7:]}",  # 070-123 45 67
        f"0{mobile[:3]}-{mobile[3:5]} {mobile[5:7]} {mobile[7:]}",  # 0701-23 45 67
        f"0{mobile[:2]} {mobile[2:5]} {mobile[5:7]} {mobile[7:]}",  # 070 123 45 67
        f"+46 {mobile[:2]} {mobile[2:5]} {mobile[5:7]} {mobile[7:]}",  # +46 70 123 45 67
        f"+46{mobile}",  # +46701234567
        f"0046{mobile}",
        f"08-{draw(_digits(3))} {draw(_digits(3))} {draw(_digits(2))}",  # 08-123 456 78
        f"054-{landline[:2]} {landline[2:4]} {landline[4:]}",  # 054-12 34 56
        f"0{draw(_digits(3))}-{landline[:2]} {landline[2:4]} {landline[4:]}",  # 0912-12 34 56
    ]
    return draw(st.sampled_from(forms))


@given(phone_numbers(), no_digits, no_digits)
def test_phone_numbers_pass(phone: str, prefix: str, suffix: str) -> None:
    _assert_passes(prefix + phone + suffix)


# --- the quick answer for plain ASCII text ----------------------------------------------------


def _slow_search(text: str) -> list[IdentityNumberMatch]:
    """`find_identity_numbers` without its quick answer."""
    from loften_app.domain.personnummer import _search

    return _search(text)


_PIECES = st.sampled_from(
    [
        *("811218-9876", "19811218+9876", "8112189876", "20180315", " ", "-", "+", ".", "/"),
        *("_", "\\", "\t", "\n", "\x00", "\x1c", "\x7f", "070-123 45 67", "+46701234567"),
        *("å", "Z", "\u2013", "\u00a0", "\u200b", "\u00ad", "\uff18", "\u0661", "\u2460"),
        *("\u2469", "\u00b2"),
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=14)), max_size=8).map("".join))
def test_the_quick_search_agrees_with_the_full_one(text: str) -> None:
    """The quick answer normalises exactly as `normalise_for_search` (any text), so it never
    misses a number that the full search finds."""
    from loften_app.domain.personnummer import _normalised_quickly, normalise_for_search

    assert _normalised_quickly(text) == normalise_for_search(text)[0]
    assert find_identity_numbers(text) == _slow_search(text)


def test_the_quick_search_still_finds_every_spelling() -> None:
    for text in ("811218-9876", "Ring 811218 9876 i dag", "1981.12.18/9876", "81\x0012189876"):
        assert find_identity_numbers(text) == _slow_search(text) != []
    full_width = "\uff18\uff11\uff11\uff12\uff11\uff18\u2013\uff19\uff18\uff17\uff16"
    assert find_identity_numbers(full_width) == _slow_search(full_width) != []


def test_the_plain_characters_never_are_nor_become_digits() -> None:
    """The quick answer counts only ASCII digits in text made of ASCII and these characters."""
    import re

    from loften_app.domain.personnummer import PLAIN_CHARACTERS, normalise_for_search

    for char in PLAIN_CHARACTERS:
        assert re.match(r"\d", char) is None and not char.isdigit(), hex(ord(char))
        assert not any(c.isdigit() for c in normalise_for_search(char)[0]), hex(ord(char))
    assert set("åäöÅÄÖé–—’”…") <= set(PLAIN_CHARACTERS)
    assert not set("¹²³¼½¾") & set(PLAIN_CHARACTERS)


@given(st.text(max_size=60))
def test_the_answer_for_a_text_is_the_same_when_asked_again(text: str) -> None:
    """`contains_identity_number` keeps the short texts it found clean and answers them again
    at once: asked twice, it answers the same as `find_identity_numbers` both times."""
    expected = bool(find_identity_numbers(text))
    assert contains_identity_number(text) is expected
    assert contains_identity_number(text) is expected


def test_a_text_with_a_number_is_found_every_time_and_never_kept_as_clean() -> None:
    from loften_app.domain import personnummer

    text = "Pratade med 811218-9876 vid torget."
    for _ in range(3):
        assert contains_identity_number(text)
    assert text not in personnummer._CLEAN_TEXTS
    clean = "Lugnt vid torget, inga nummer här."
    assert not contains_identity_number(clean)
    assert clean in personnummer._CLEAN_TEXTS
    assert not contains_identity_number(clean)
