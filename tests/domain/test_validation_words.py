"""Every validation message is put together through `Words`, so the UI can show it translated."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from loften_app.domain.errors import ValidationIssue
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation import CODE_PERIOD, check_free_text, validate
from tests.domain.validation_data import (
    PERSONNUMMER,
    RULES,
    SAMORDNINGSNUMMER,
    TODAY,
    VALID_EXAMPLES,
    replaced_at,
    text_paths,
)

_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


class Crossed(Words):
    """Every letter of every template (outside its placeholders) and every enum label becomes
    "x": a message built only through these words has no other letter, unless a value of the
    record itself is quoted in it."""

    decimal = "·"

    def text(self, template: str) -> str:
        parts = _PLACEHOLDER.split(template)
        return "".join(
            part if _PLACEHOLDER.fullmatch(part) else re.sub(r"[^\W\d_]", "x", part)
            for part in parts
        )

    def label(self, member: StrEnum) -> str:
        return "x"

    def field(self, label: str) -> str:
        return self.text(label)


CROSSED = Crossed()

# Values of the records that a message quotes on purpose (the case code as typed).
_QUOTED = re.compile(r"”[^”]*”")

# parse_period's own messages (domain/periods.py) are passed on as they are: still Swedish.
_SWEDISH_ONLY = {CODE_PERIOD}

INVALID: list[tuple[str, object]] = [(name, data) for name, data, _field, _code in RULES] + [
    (f"{key}: {path} holds {number}", replaced_at(data, path, number))
    for key, data in VALID_EXAMPLES.items()
    for path in text_paths(data)
    for number in (PERSONNUMMER, SAMORDNINGSNUMMER)
]


def escaped_letters(issue: ValidationIssue) -> str:
    """The letters of the message that did not come through the words (a field name's first
    letter is upper-cased on the way, hence "X")."""
    rest = _QUOTED.sub("", issue.message).replace("x", "").replace("X", "")
    return "".join(char for char in rest if char.isalpha())


@pytest.mark.parametrize("data", [data for _name, data in INVALID], ids=[n for n, _ in INVALID])
def test_every_message_goes_through_words(data: object) -> None:
    swedish = validate(data, today=TODAY)
    crossed = validate(data, today=TODAY, words=CROSSED)
    assert swedish, "the example must be invalid"
    assert [(i.field, i.code) for i in crossed] == [(i.field, i.code) for i in swedish]
    for issue in crossed:
        if issue.code in _SWEDISH_ONLY:
            continue
        assert escaped_letters(issue) == "", f"{issue.field}: text outside the words: {issue}"
        assert "x" in issue.message


def test_default_words_are_swedish() -> None:
    name, data = INVALID[0]
    assert validate(data, today=TODAY, words=SWEDISH) == validate(data, today=TODAY)
    assert "saknas" in validate(data, today=TODAY)[0].message, name


def test_every_record_type_is_covered() -> None:
    assert {type(data) for _name, data in INVALID} == {type(d) for d in VALID_EXAMPLES.values()}


def test_check_free_text_takes_words() -> None:
    data = next(iter(VALID_EXAMPLES.values()))
    path = next(iter(text_paths(data)))
    (issue,) = check_free_text(replaced_at(data, path, PERSONNUMMER), words=CROSSED)
    assert escaped_letters(issue) == ""
    assert "****" in issue.message  # the masked number is still shown


def test_numbers_use_the_decimal_separator_of_the_words() -> None:
    name, data = next((n, d) for n, d in INVALID if "activity hours absurd" in n)
    (issue,) = validate(data, words=CROSSED)
    assert "10000·5" in issue.message.replace(" ", ""), name
    (swedish,) = validate(data)
    assert "10000,5" in swedish.message
