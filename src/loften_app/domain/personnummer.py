"""Find Swedish personal identity numbers in free text, so that they are never stored.

Every free-text field in Löften is checked with `find_identity_numbers` (or
`contains_identity_number`) and the entry is refused with `identity_number_message`.

Recognised are personnummer and samordningsnummer (coordination numbers, whose day is the day
of birth plus 60, i.e. 61-91) in these forms, anywhere in the text:

    YYMMDD-NNNN    YYMMDD+NNNN    YYMMDDNNNN
    YYYYMMDD-NNNN  YYYYMMDD+NNNN  YYYYMMDDNNNN

A candidate counts only if

- its digits are not part of a longer run of digits (so "+46701234567" or a 14-digit
  reference number is not a match);
- the date is valid: month 1-12 and a day that exists in that month (for a samordningsnummer
  after subtracting 60). For the 12-digit form the century must be 18, 19 or 20 and 29 February
  needs a real leap year; for the 10-digit form the century is unknown, so 29 February is
  accepted whenever YY % 4 == 0 (2000 was a leap year, so "00" is fine);
- the last digit is the Luhn check digit over the ten-digit form YYMMDDNNN.

Plain dates ("2018-03-15", "20180315"), times and phone numbers in their usual written forms
("070-123 45 67", "+46 70 123 45 67", "08-123 456 78", "+46701234567") therefore pass.

Known limitation, accepted on purpose: a bare run of exactly ten digits that happens to be a
valid personnummer is refused even if it was meant as something else. A phone number written
without any spaces, such as "0701234567", reads as someone born on 23 January 2007 and is
refused when its last digit happens to match the check digit (about one time in ten); the two
cannot be told apart, and refusing is the safe side.

To be safe against text pasted from word processors, digits of any script (for example
full-width digits) are recognised as well as ASCII digits, and the dash may be any of the
common hyphen and dash characters.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from loften_app.domain.targets import SWEDISH, Words

__all__ = [
    "IdentityNumberMatch",
    "contains_identity_number",
    "find_identity_numbers",
    "identity_number_message",
    "luhn_check_digit",
]

_PERSONNUMMER = "personnummer"
_SAMORDNINGSNUMMER = "samordningsnummer"

# The day of a samordningsnummer is the day of birth plus this offset.
_COORDINATION_DAY_OFFSET = 60

# Centuries accepted for the 12-digit form (1800s to 2000s).
_CENTURIES = frozenset({18, 19, 20})

# "-" and "+" as written by the Swedish Tax Agency, plus the hyphens, dashes and full-width forms
# that word processors substitute for them.
_SEPARATORS = "-+\u2010\u2011\u2012\u2013\u2014\u2212\uff0b\uff0d"

_CANDIDATE = re.compile(
    r"(?<!\d)"
    r"(?P<century>\d{2})?"
    r"(?P<date>\d{6})"
    rf"(?P<separator>[{re.escape(_SEPARATORS)}])?"
    r"(?P<serial>\d{4})"
    r"(?!\d)"
)


@dataclass(frozen=True)
class IdentityNumberMatch:
    """One personnummer or samordningsnummer found in a text.

    `start` and `end` are offsets into the searched text (`text == searched[start:end]`) and
    `kind` is "personnummer" or "samordningsnummer".
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def masked(self) -> str:
        """The number with its last four digits hidden, e.g. "811218-****"."""
        return self.text[:-4] + "****"


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit for the nine digits YYMMDDNNN of a personnummer.

    Raises ValueError unless `nine_digits` is exactly nine decimal digits.
    """
    if len(nine_digits) != 9 or not nine_digits.isdecimal():
        raise ValueError(f"expected exactly nine digits, got {nine_digits!r}")
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """Every valid personnummer and samordningsnummer in `text`, in order of appearance."""
    matches: list[IdentityNumberMatch] = []
    for candidate in _CANDIDATE.finditer(text):
        kind = _kind_if_valid(
            century=candidate.group("century"),
            date=candidate.group("date"),
            serial=candidate.group("serial"),
        )
        if kind is not None:
            matches.append(
                IdentityNumberMatch(
                    start=candidate.start(),
                    end=candidate.end(),
                    text=candidate.group(0),
                    kind=kind,
                )
            )
    return matches


def contains_identity_number(text: str) -> bool:
    """Whether `text` contains at least one valid personnummer or samordningsnummer."""
    return bool(find_identity_numbers(text))


def identity_number_message(match: IdentityNumberMatch, *, words: Words = SWEDISH) -> str:
    """A message for the user that explains why the text cannot be saved, Swedish unless `words`
    says otherwise (see `loften_app.domain.targets.Words`)."""
    kinds = {
        _PERSONNUMMER: words.text("personnummer"),
        _SAMORDNINGSNUMMER: words.text("samordningsnummer"),
    }
    return words.text(
        "Texten verkar innehålla ett {kind} ({masked}). "
        "Löften får aldrig lagra personnummer eller samordningsnummer. "
        "Ta bort numret och beskriv i stället personen utan att peka ut hen, "
        "till exempel med åldersgrupp (under 18, 18–25, 26 och äldre)."
    ).format(kind=kinds.get(match.kind, match.kind), masked=match.masked)


def _kind_if_valid(century: str | None, date: str, serial: str) -> str | None:
    """The kind of number if the parts make a valid one, otherwise None."""
    year_in_century = int(date[0:2])
    month = int(date[2:4])
    day = int(date[4:6])

    kind = _PERSONNUMMER
    if day > _COORDINATION_DAY_OFFSET:
        kind = _SAMORDNINGSNUMMER
        day -= _COORDINATION_DAY_OFFSET

    if not 1 <= month <= 12 or day < 1:
        return None
    if century is None:
        # Unknown century: accept 29 February in every year that can be a leap year.
        leap = year_in_century % 4 == 0
    else:
        if int(century) not in _CENTURIES:
            return None
        leap = calendar.isleap(int(century) * 100 + year_in_century)
    days_in_month = 29 if month == 2 and leap else calendar.monthrange(2001, month)[1]
    if day > days_in_month:
        return None

    if luhn_check_digit(date + serial[:3]) != int(serial[3]):
        return None
    return kind
