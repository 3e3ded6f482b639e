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

Before looking, the text is normalised so that no way of writing a number slips through
(`normalise_for_search`): every character is brought to its Unicode NFKC form (full-width,
superscript and circled digits become plain digits), format and zero-width characters (U+200B,
U+200C, U+200D, U+2060, U+FEFF, the soft hyphen) and combining marks are dropped, digits of any
script count as digits, and any run of spaces (the non-breaking one too), tabs, line breaks,
dots, slashes, underscores, dashes or plus signs is one separator. A separator may stand between
the date and the serial number and between the year, month and day ("81 12 18 - 9876",
"1981.12.18/9876"); the four digits of the serial number must stay together, which keeps phone
numbers apart from identity numbers. Names contain no digits and always pass.

Accepted on purpose as well: a date followed by a four-digit time written without a colon
("2018-03-15 1430") reads as a 12-digit number and is refused when the check digit happens to
match.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

from loften_app.domain.targets import SWEDISH, Words

__all__ = [
    "IdentityNumberMatch",
    "contains_identity_number",
    "find_identity_numbers",
    "identity_number_message",
    "identity_number_problem",
    "luhn_check_digit",
    "normalise_for_search",
]

_PERSONNUMMER = "personnummer"
_SAMORDNINGSNUMMER = "samordningsnummer"

# The day of a samordningsnummer is the day of birth plus this offset.
_COORDINATION_DAY_OFFSET = 60

# Centuries accepted for the 12-digit form (1800s to 2000s).
_CENTURIES = frozenset({18, 19, 20})

# The one character every separator run is written as in the normalised text.
_SEPARATOR = " "

# Characters that separate digit groups, besides whitespace and the Unicode dashes (category Pd):
# "-" and "+" as the Swedish Tax Agency writes them, the minus sign, and what people put between
# the parts of a date or a number.
_SEPARATOR_CHARACTERS = frozenset("-+\u2212./_\\")

# Unicode categories dropped before the search: format characters (zero-width space, joiners,
# word joiner, byte order mark, soft hyphen) and combining marks.
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Mc", "Me"})

_S = f"{_SEPARATOR}?"
_CANDIDATE = re.compile(
    r"(?<!\d)"
    r"(?P<century>\d{2})?"
    rf"(?P<date>\d{{2}}{_S}\d{{2}}{_S}\d{{2}})"
    rf"(?P<separator>{_S})"
    r"(?P<serial>\d{4})"
    r"(?!\d)",
    re.ASCII,
)

# The text as written is searched too, with one dash or plus between date and serial: what this
# finds stays refused whatever the normalisation does to the characters around it (a superscript
# digit after a number, say, which NFKC would join to it).
_WRITTEN_SEPARATORS = "-+\u2010\u2011\u2012\u2013\u2014\u2212\uff0b\uff0d"
_WRITTEN_CANDIDATE = re.compile(
    r"(?<!\d)"
    r"(?P<century>\d{2})?"
    r"(?P<date>\d{6})"
    rf"(?P<separator>[{re.escape(_WRITTEN_SEPARATORS)}])?"
    r"(?P<serial>\d{4})"
    r"(?!\d)"
)


def normalise_for_search(text: str) -> tuple[str, list[int]]:
    """`text` normalised for the search, and for every character of the result the offset of the
    character of `text` it came from (one more entry at the end: `len(text)`).

    NFKC per character, format characters and combining marks dropped, every decimal digit
    written as an ASCII digit, and every run of separators (whitespace, dashes, "+", ".", "/",
    "_", "\\") written as one space.
    """
    chars: list[str] = []
    origins: list[int] = []
    for index, original in enumerate(text):
        pieces = original if original.isascii() else unicodedata.normalize("NFKC", original)
        for char in pieces:
            if char.isascii():
                if char.isdigit():
                    out = char
                elif char in _SEPARATOR_CHARACTERS or char.isspace():
                    out = _SEPARATOR
                elif unicodedata.category(char) == "Cc" and not char.isspace():
                    continue
                else:
                    out = char
            else:
                category = unicodedata.category(char)
                if category in _DROPPED_CATEGORIES:
                    continue
                if category == "Nd":
                    out = str(unicodedata.decimal(char))
                elif category == "Pd" or char in _SEPARATOR_CHARACTERS or char.isspace():
                    out = _SEPARATOR
                else:
                    out = char
            if out == _SEPARATOR and chars and chars[-1] == _SEPARATOR:
                continue
            chars.append(out)
            origins.append(index)
    origins.append(len(text))
    return "".join(chars), origins


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
        """The number with its last four digits hidden, e.g. "811218-****" (read from the
        normalised text, so that no digit hides behind an invisible character)."""
        normalised = normalise_for_search(self.text)[0].strip(_SEPARATOR)
        head, separator = normalised[:-4], ""
        if head.endswith(_SEPARATOR):
            plus = "+" in unicodedata.normalize("NFKC", self.text)
            separator = "+" if plus else "-"
        return head.replace(_SEPARATOR, "") + separator + "****"


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


#: How many characters `_NormalisedCharacters` keeps (every one a text can hold would be a lot
#: of memory for an untrusted package to ask for).
_CACHED_CHARACTERS = 4096


class _NormalisedCharacters(dict[int, str]):
    """What `normalise_for_search` makes of each character, worked out the first time it is
    asked for: a `str.translate` table that gives the same text as `normalise_for_search`
    once runs of separators are made one."""

    def __missing__(self, code: int) -> str:
        value = normalise_for_search(chr(code))[0]
        if len(self) < _CACHED_CHARACTERS:
            self[code] = value
        return value


_NORMALISED = _NormalisedCharacters()
_SEPARATOR_RUN = re.compile(f"{_SEPARATOR}{{2,}}")


def _normalised_quickly(text: str) -> str:
    """`normalise_for_search(text)[0]`, without the offsets and without the per-character loop
    in Python (each character's part comes from `_NORMALISED`; a separator run is one)."""
    return _SEPARATOR_RUN.sub(_SEPARATOR, text.translate(_NORMALISED))


#: Ten ASCII digits somewhere: every candidate has at least that many (YYMMDD and NNNN).
_TEN_DIGITS = re.compile(r"(?:\D*\d){10}", re.ASCII)
#: Characters besides ASCII that neither are digits nor become any when normalised (NFKC):
#: the Latin-1 letters (å, ä, ö, é, ...), the no-break space, §, «, °, », and the dashes,
#: quotes, bullets and ellipsis of U+2010-U+2027. A test checks every one.
PLAIN_CHARACTERS = "\u00a0\u00a7\u00ab\u00b0\u00bb" + "".join(
    chr(code) for code in (*range(0xC0, 0x100), *range(0x2010, 0x2028))
)
_PLAIN = re.compile(f"[\\x00-\\x7f{re.escape(PLAIN_CHARACTERS)}]*")


def _surely_none(text: str) -> bool:
    """True when neither search finds a candidate in `text` (nearly every field of every
    record): the answer is then an empty list. False means: look properly, with offsets.
    A text of ASCII and `PLAIN_CHARACTERS` with fewer than ten digits holds none."""
    if _TEN_DIGITS.match(text) is None and (text.isascii() or _PLAIN.fullmatch(text)):
        return True
    return (
        _CANDIDATE.search(_normalised_quickly(text)) is None
        and _WRITTEN_CANDIDATE.search(text) is None
    )


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """Every valid personnummer and samordningsnummer in `text`, in order of appearance."""
    return [] if _surely_none(text) else _search(text)


def _search(text: str) -> list[IdentityNumberMatch]:
    """`find_identity_numbers` the long way, for any text."""
    found: list[IdentityNumberMatch] = []
    normalised, origins = normalise_for_search(text)
    for candidate in _CANDIDATE.finditer(normalised):
        kind = _kind_of(candidate)
        if kind is not None:
            start = origins[candidate.start()]
            end = origins[candidate.end() - 1] + 1
            found.append(IdentityNumberMatch(start=start, end=end, text=text[start:end], kind=kind))
    for candidate in _WRITTEN_CANDIDATE.finditer(text):
        kind = _kind_of(candidate)
        if kind is not None:
            found.append(
                IdentityNumberMatch(
                    start=candidate.start(), end=candidate.end(), text=candidate[0], kind=kind
                )
            )
    matches: list[IdentityNumberMatch] = []
    for match in sorted(found, key=lambda m: (m.start, -m.end)):
        if not matches or match.start >= matches[-1].end:
            matches.append(match)
    return matches


def _kind_of(candidate: re.Match[str]) -> str | None:
    return _kind_if_valid(
        century=candidate.group("century"),
        date=candidate.group("date").replace(_SEPARATOR, ""),
        serial=candidate.group("serial"),
    )


def contains_identity_number(text: str) -> bool:
    """Whether `text` contains at least one valid personnummer or samordningsnummer."""
    if text.__class__ is str and text in _CLEAN_TEXTS:
        return False
    if _TEN_DIGITS.match(text) is None and (text.isascii() or _PLAIN.fullmatch(text)):
        found = False  # `_surely_none`'s first answer, without a call (every text of a package)
    else:
        found = bool(find_identity_numbers(text))
    if not found and len(text) <= _CLEAN_LONGEST and len(_CLEAN_TEXTS) < _CLEAN_KEPT:
        _CLEAN_TEXTS.add(str(text))
    return found


#: Short texts found to hold no number, answered again at once: a save checks every text of
#: its record, and the same notes, names and words come back save after save. Only texts
#: without a number are kept, at most `_CLEAN_KEPT` (then no more are added).
_CLEAN_TEXTS: set[str] = set()
_CLEAN_KEPT = 4096
_CLEAN_LONGEST = 200


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


def identity_number_problem(text: str, *, words: Words = SWEDISH) -> str | None:
    """The message for the first personnummer or samordningsnummer in `text`, or None if it has
    none: for texts that are not fields of a record (the user's name, a partner's name)."""
    matches = find_identity_numbers(text)
    return identity_number_message(matches[0], words=words) if matches else None


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
