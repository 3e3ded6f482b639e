"""How drug-case figures are shown, internally and in public (DOMAIN.md "Privacy";
docs/figures.md, rule 5).

Internal reports show every figure as it is. Public documents must not let anyone work out a drug
count from 1 to 4, even by reading every public document of an agreement together. The method
holds by construction:

- Public drug figures appear in one place only: the public follow-up of an agreement whose period
  has ended, for the whole period (no quarters, no years, nothing while it runs). So there are no
  year-so-far columns, per-period sums or consecutive reports to subtract from each other.
- In that one table every count from 0 to 4 is "färre än 5" (the reader knows only 0–4, so a hidden
  cell never adds a lower bound of 1 to a sum), and 5 or more is shown as it is.
- The table's identities (the total is the sum of the age groups, of the kinds, of notified and not
  notified, of contacted within a day and not) are star-shaped around the total, so what a reader
  can work out about each number is an interval that `reader_ranges` computes exactly. Where one
  pins a count from 1 to 4 to a single value, the smallest shown number of that identity is hidden
  as well ("visas inte"), and again until none does (`suppress`).
- A share is shown only when its part and the whole are both shown; a median of days to contact
  only of 10 or more contacts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from loften_app.domain.targets import SWEDISH, Words, format_number, median_from_histogram, share

__all__ = [
    "FEWER_THAN_5",
    "HIDDEN",
    "Cell",
    "Shown",
    "count_text",
    "count_with_share",
    "median_text",
    "public_count_text",
    "public_median_text",
    "public_share_text",
    "reader_ranges",
    "share_text",
    "suppress",
]

FEWER_THAN_5 = "färre än 5"
HIDDEN = "visas inte"
SMALLEST_SHOWN = 5
#: The largest value a reader can rule out for a hidden number: none.
UNBOUNDED = 10**9


class Shown(StrEnum):
    """How a number is published: as it is, as "färre än 5" (0–4), or not at all."""

    EXACT = "exact"
    SMALL = "small"
    HIDDEN = "hidden"


@dataclass
class Cell:
    """A number of a public table: its true value and how it is published. `displayed` is False
    for a number the table does not print but a reader can work out (the cases not notified:
    the total minus the notified); it is never shown exactly."""

    value: int
    shown: Shown
    displayed: bool = True

    @property
    def text(self) -> str:
        if self.shown is Shown.EXACT:
            return str(self.value)
        return FEWER_THAN_5 if self.shown is Shown.SMALL else HIDDEN

    def bounds(self) -> tuple[int, int]:
        """What a reader knows of the value from its text alone."""
        if self.shown is Shown.EXACT:
            return self.value, self.value
        if self.shown is Shown.SMALL:
            return 0, SMALLEST_SHOWN - 1
        return 0, UNBOUNDED


def public_count_text(n: int) -> str:
    """A drug count in a public document: "färre än 5" for 0–4, else the number."""
    return FEWER_THAN_5 if n < SMALLEST_SHOWN else str(n)


def _first_shown(n: int) -> Shown:
    return Shown.SMALL if n < SMALLEST_SHOWN else Shown.EXACT


def reader_ranges(total: Cell, groups: Sequence[Sequence[Cell]]) -> list[tuple[int, int]]:
    """The values a reader can narrow each number to from every published text and the
    identities "the total is the sum of each group": the total first, then each group's cells
    in order. Exact: for a fixed total the groups are independent, and a sum of integers each
    within an interval takes every value between the sums of the bounds."""
    low, high = total.bounds()
    bounds = [[c.bounds() for c in group] for group in groups]
    for group in bounds:
        low = max(low, sum(b[0] for b in group))
        high = min(high, sum(b[1] for b in group))
    ranges = [(low, high)]
    for group in bounds:
        lo, hi = sum(b[0] for b in group), sum(b[1] for b in group)
        for c_lo, c_hi in group:
            others_lo, others_hi = lo - c_lo, hi - c_hi
            ranges.append((max(c_lo, low - others_hi), min(c_hi, high - others_lo)))
    return ranges


def _pinned_small(total: Cell, groups: Sequence[Sequence[Cell]]) -> int | None:
    """The index of a group (-1: the total) with a count of 1–4 that a reader can pin down."""
    ranges = reader_ranges(total, groups)
    cells = [(-1, total)] + [(i, c) for i, g in enumerate(groups) for c in g]
    for (index, cell), (lo, hi) in zip(cells, ranges, strict=True):
        if 0 < cell.value < SMALLEST_SHOWN and lo == hi:
            return index
    return None


def suppress(
    total: int, groups: Sequence[Sequence[tuple[int, bool]]]
) -> tuple[Cell, list[list[Cell]]]:
    """The published form of a table of drug counts whose `total` is the sum of each group's
    (value, displayed) cells: 0–4 "färre än 5", the rest exact, then the smallest exact number
    hidden, one at a time, while a reader could pin a count from 1 to 4 (first in the group
    that pins it, else anywhere). Always ends: at worst everything is hidden."""
    head = Cell(total, _first_shown(total))
    table = [
        [Cell(v, _first_shown(v) if shown else Shown.HIDDEN, shown) for v, shown in group]
        for group in groups
    ]
    while (index := _pinned_small(head, table)) is not None:
        candidates = [c for c in (table[index] if index >= 0 else []) if c.shown is Shown.EXACT]
        if not candidates:
            candidates = [c for g in table for c in g if c.shown is Shown.EXACT]
        if not candidates:
            if head.shown is Shown.HIDDEN:  # pragma: no cover - nothing exact is left to pin
                break
            head.shown = Shown.HIDDEN
            continue
        min(candidates, key=lambda c: c.value).shown = Shown.HIDDEN
    return head, table


def public_share_text(part: Cell, whole: Cell) -> str:
    """A share in public: only when the part and the whole are both shown (`suppress` has then
    made sure the rest is not a count from 1 to 4)."""
    percent = share(part.value, whole.value)
    if part.shown is Shown.EXACT and whole.shown is Shown.EXACT and percent is not None:
        return f"{format_number(percent, 0)} %"
    return HIDDEN


#: A public median of days to contact needs this many contacts: a median of one day or less then
#: says that at least 5 (not 1–4) were contacted within a day.
MEDIAN_BASE = 10


def public_median_text(histogram: Mapping[int, int], unit: str = "d") -> str:
    """The median of days → cases in public: only of `MEDIAN_BASE` or more cases."""
    median = median_from_histogram(histogram)
    if median is None or sum(histogram.values()) < MEDIAN_BASE:
        return HIDDEN
    return f"{format_number(median)} {unit}"


# --- internal reports: everything as it is ------------------------------------------------------


def count_text(n: int) -> str:
    """A drug count in an internal report."""
    return str(n)


def share_text(part: int, whole: int, *, words: Words = SWEDISH) -> str:
    """`part` of `whole` as "83 %" ("–" with no base)."""
    percent = share(part, whole)
    return "–" if percent is None else f"{format_number(percent, 0, words=words)} %"


def count_with_share(part: int, whole: int, *, words: Words = SWEDISH) -> str:
    """ "27 (90 %)"."""
    percent = share_text(part, whole, words=words)
    return str(part) if percent == "–" else f"{part} ({percent})"


def median_text(histogram: Mapping[int, int], *, unit: str = "d", words: Words = SWEDISH) -> str:
    """The median of days → cases, "–" for none."""
    median = median_from_histogram(histogram)
    return "–" if median is None else f"{format_number(median, words=words)} {unit}"
