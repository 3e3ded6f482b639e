"""How drug-case figures are shown in a public report (DOMAIN.md, "Privacy").

Small numbers in a small town identify people, so a public report shows every count of drug
cases from 1 to 4 as "färre än 5". The rule, applied to every drug-case figure:

- A count (all cases, cases per age group, per kind, notified, contacted) of 1–4 is "färre än 5";
  0 and 5 or more are shown.
- A share (notified, contacted) is shown only when its base is 5 or more and neither the part
  nor the rest (base − part) is 1–4; otherwise it would give a small count back ("90 % of 30"
  says 3 were not notified). It is then "visas inte".
- A median (days to contact) is shown only when it is the median of 5 or more cases.
- A breakdown (per age group, per kind) whose total is shown must not let the reader compute a
  hidden cell from the total: when the hidden cells could be worked out (one hidden cell, a
  remainder under 5, or a remainder only one combination gives), the smallest shown non-zero
  cell is hidden as well ("visas inte"), until none can. Known limit: when every cell is hidden
  and they are all 4 (8 = 4 + 4), the total still tells; the total is shown elsewhere anyway,
  and it is 5 or more.

Hours spent and the records of the other promise types are not counts of people and are shown
as they are. Indicators are published statistics from their named sources and are shown as
given. Internal reports show everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from loften_app.domain.targets import format_number, median_from_histogram, share

__all__ = [
    "FEWER_THAN_5",
    "HIDDEN",
    "breakdown_texts",
    "count_text",
    "count_with_share",
    "is_small",
    "median_text",
    "share_text",
]

K = TypeVar("K")

FEWER_THAN_5 = "färre än 5"
HIDDEN = "visas inte"
SMALLEST_SHOWN = 5


def is_small(n: int) -> bool:
    """Whether a count is one that a public report hides (1–4)."""
    return 0 < n < SMALLEST_SHOWN


def count_text(n: int, *, public: bool) -> str:
    """A drug-case count as text: "färre än 5" for 1–4 in a public report."""
    return FEWER_THAN_5 if public and is_small(n) else str(n)


def _share_shown(part: int, whole: int) -> bool:
    return whole >= SMALLEST_SHOWN and not is_small(part) and not is_small(whole - part)


def share_text(part: int, whole: int, *, public: bool) -> str:
    """`part` of `whole` as "83 %" ("–" with no base; "visas inte" where it would reveal)."""
    percent = share(part, whole)
    if percent is None:
        return "–"
    if public and not _share_shown(part, whole):
        return HIDDEN
    return f"{format_number(percent, 0)} %"


def count_with_share(part: int, whole: int, *, public: bool) -> str:
    """ "27 (90 %)", with the public rules for the count and the share."""
    count = count_text(part, public=public)
    percent = share_text(part, whole, public=public)
    return count if percent in ("–", HIDDEN) else f"{count} ({percent})"


def median_text(histogram: Mapping[int, int], *, public: bool, unit: str = "d") -> str:
    """The median of days → cases, "–" for none, "visas inte" of fewer than 5 in public."""
    median = median_from_histogram(histogram)
    if median is None:
        return "–"
    if public and sum(histogram.values()) < SMALLEST_SHOWN:
        return HIDDEN
    return f"{format_number(median)} {unit}"


def _solvable(values: list[int], primary: list[bool], remainder: int) -> bool:
    """Whether hidden cells summing to `remainder` could be worked out from it."""
    if not values:
        return False
    if len(values) == 1 or remainder < SMALLEST_SHOWN:
        return True
    lowest = sum(1 if p else SMALLEST_SHOWN for p in primary)
    return remainder == lowest or (all(primary) and remainder == 4 * len(values))


def breakdown_texts(counts: Mapping[K, int], *, public: bool) -> dict[K, str]:
    """Each cell of a breakdown of drug cases as text, hidden where the rules say so."""
    texts = {key: str(n) for key, n in counts.items()}
    if not public:
        return texts
    hidden = {key for key, n in counts.items() if is_small(n)}
    primary = set(hidden)
    total_shown = not is_small(sum(counts.values()))
    while hidden and total_shown:
        values = [counts[k] for k in hidden]
        if not _solvable(values, [k in primary for k in hidden], sum(values)):
            break
        candidates = sorted(
            (n, i) for i, (k, n) in enumerate(counts.items()) if n > 0 and k not in hidden
        )
        if not candidates:
            break
        keys = list(counts)
        hidden.add(keys[candidates[0][1]])
    for key in hidden:
        texts[key] = FEWER_THAN_5 if key in primary else HIDDEN
    return texts
