"""The guard without a way around: every way of writing a personnummer is found (issue 14).

The 43 spellings below are the ones the attack on the guard tried (23 of them were missed before
the text was normalised); each must be refused as plain text, inside a sentence, and in every
free-text field of a record. Generated spellings (separators, invisible characters, other digit
forms) are checked as properties, and names and ordinary numbers still pass.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loften_app.domain.personnummer import (
    contains_identity_number,
    find_identity_numbers,
    identity_number_problem,
    luhn_check_digit,
)
from loften_app.domain.records import OtherActivityData
from loften_app.domain.validation import check_free_text, validate
from tests.domain.validation_data import CIRCLED as _CIRCLED
from tests.domain.validation_data import FULL_WIDTH as _FULL_WIDTH
from tests.domain.validation_data import SPELLINGS
from tests.domain.validation_data import SUPERSCRIPT as _SUPERSCRIPT


def _found_by_the_old_guard(text: str) -> bool:
    """The guard as it was before normalisation: one dash or plus between date and serial."""
    import re

    separators = "-+\u2010\u2011\u2012\u2013\u2014\u2212\uff0b\uff0d"
    pattern = re.compile(rf"(?<!\d)(?:\d{{2}})?(\d{{6}})[{re.escape(separators)}]?(\d{{4}})(?!\d)")
    for candidate in pattern.finditer(text):
        date, serial = candidate.group(1), candidate.group(2)
        date = "".join(str(int(c)) for c in date)
        serial = "".join(str(int(c)) for c in serial)
        if luhn_check_digit(date + serial[:3]) == int(serial[3]):
            return True
    return False


def test_there_are_43_spellings_and_23_were_missed_before() -> None:
    assert len(SPELLINGS) == 43
    assert len({text for text, _ in SPELLINGS}) == 43
    assert sum(1 for _, before in SPELLINGS if not before) == 23
    for text, before in SPELLINGS:
        assert _found_by_the_old_guard(text) == before, repr(text)


@pytest.mark.parametrize(("text", "before"), SPELLINGS)
def test_every_spelling_is_refused_alone_and_in_a_sentence(text: str, before: bool) -> None:
    assert contains_identity_number(text)
    sentence = f"Pratade med {text} vid torget."
    (match,) = find_identity_numbers(sentence)
    assert sentence[match.start : match.end] == match.text
    # The mask never shows the serial number, however it was written.
    digits = "".join(c for c in match.masked if c.isdigit())
    assert digits in {"811218", "19811218", "701063", "19701063"}
    assert match.masked.endswith("****")
    problem = identity_number_problem(sentence)
    assert problem is not None
    assert "9876" not in problem
    assert "2391" not in problem


@pytest.mark.parametrize(("text", "before"), SPELLINGS)
def test_every_spelling_is_refused_in_every_free_text_field(text: str, before: bool) -> None:
    data = OtherActivityData(
        promise_id="p",
        date=dt.date(2018, 5, 1),
        what="Information",
        count=1,
    )
    text_fields = [
        f.name
        for f in dataclasses.fields(data)
        if f.type in ("str", str) and not f.name.endswith("_id")
    ]
    assert text_fields
    for name in text_fields:
        issues = check_free_text(dataclasses.replace(data, **{name: f"Möte {text}."}))
        assert [issue.field for issue in issues] == [name]
        assert [issue.code for issue in issues] == ["personnummer"]
    full = validate(dataclasses.replace(data, notes=text))
    assert any(issue.code == "personnummer" for issue in full)


# --- generated spellings ------------------------------------------------------------------------

_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u0301", "\u0308"]
_SEPARATOR_CHARS = [" ", "\u00a0", "\u202f", ".", "/", "_", "-", "–", "—", "−", "\t", "\n", "\r"]
_DIGIT_FORMS = [
    str.maketrans("", ""),
    _SUPERSCRIPT,
    _CIRCLED,
    _FULL_WIDTH,
    str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"),  # mathematical bold
]

separator_runs = st.lists(st.sampled_from(_SEPARATOR_CHARS), min_size=1, max_size=4).map("".join)
optional_separator = st.one_of(st.just(""), separator_runs)


@st.composite
def identity_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(a valid number written with any separators, the digits of its YYMMDD part)."""
    birth = draw(st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2025, 12, 31)))
    day = birth.day + (60 if draw(st.booleans()) else 0)
    serial = draw(st.integers(min_value=0, max_value=999))
    yy, mm, dd = f"{birth.year % 100:02d}", f"{birth.month:02d}", f"{day:02d}"
    check = luhn_check_digit(f"{yy}{mm}{dd}{serial:03d}")
    century = f"{birth.year // 100:02d}" if draw(st.booleans()) else ""
    parts = [
        century + yy,
        draw(optional_separator),
        mm,
        draw(optional_separator),
        dd,
        draw(optional_separator),
        f"{serial:03d}{check}",
    ]
    return "".join(parts), yy + mm + dd


@st.composite
def with_invisibles(draw: st.DrawFn, text: str) -> str:
    """`text` with invisible characters put in anywhere and its digits in another form."""
    digits = text.translate(draw(st.sampled_from(_DIGIT_FORMS)))
    out: list[str] = []
    for char in digits:
        out.append(char)
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            out.append(draw(st.sampled_from(_INVISIBLE)))
    return "".join(out)


no_digits = st.text(alphabet=st.characters(exclude_categories=("Nd", "No", "Cs")), max_size=20)


@given(identity_numbers(), no_digits, no_digits)
def test_generated_separators_are_seen_through(
    generated: tuple[str, str], prefix: str, suffix: str
) -> None:
    number, date = generated
    text = f"{prefix} {number} {suffix}"
    matches = find_identity_numbers(text)
    assert any(date in "".join(c for c in m.masked if c.isdigit()) for m in matches), text


@given(identity_numbers().flatmap(lambda g: with_invisibles(g[0])), no_digits)
def test_generated_invisible_characters_and_digit_forms_are_seen_through(
    number: str, filler: str
) -> None:
    assert contains_identity_number(f"{filler} {number} {filler}"), repr(number)


@pytest.mark.parametrize(
    "name",
    [
        "Anna-Karin Öberg",
        "Zoë Ångström",
        "Åsa Ö. Lindqvist",
        "Jose\u0301 Martínez",
        "Ali Reza Hosseini",
        "Trygghetssamordnare Filipstad",
        "kommunpolis",
        "Marie-Louise D'Souza Nilsson",
    ],
)
def test_names_pass(name: str) -> None:
    assert identity_number_problem(name) is None


@given(
    st.text(
        alphabet=st.characters(categories=("L", "M", "Zs", "Pd", "Po")),
        max_size=60,
    )
)
def test_any_text_without_digits_passes(text: str) -> None:
    assert identity_number_problem(text) is None


# The quick answer that lets most texts skip the search (`_surely_none`) must never skip a
# text the search would refuse: characters that NFKC turns into several digits ("½", "⑳",
# "㏠"), digits of other scripts and forms, mixed with the numbers of the spellings.
_MANY_DIGIT_CHARACTERS = "½⅓¼⑳⑴⒛㉑㊿㏠㋀㍘¹²³①⓪０９٣۴߂०১੨૩୪௫౬೭൮๙໐༡၂႓០᠑𝟎𝟗"


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_MANY_DIGIT_CHARACTERS),
            st.sampled_from([text for text, _before in SPELLINGS]),
            st.characters(),
            st.sampled_from("0123456789 -+"),
        ),
        max_size=14,
    ).map("".join)
)
def test_the_quick_answer_skips_no_text_the_search_would_refuse(text: str) -> None:
    from loften_app.domain.personnummer import _search, _surely_none

    if _surely_none(text):
        assert _search(text) == [], repr(text)


@pytest.mark.parametrize(("text", "before"), SPELLINGS)
def test_no_spelling_is_surely_none(text: str, before: bool) -> None:
    from loften_app.domain.personnummer import _surely_none

    assert not _surely_none(text)
