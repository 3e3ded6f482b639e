"""The public suppression of drug counts (docs/figures.md, rule 5): the rule's own unit tests.
The proof over every public document of an agreement is in test_public_solver.py."""

from __future__ import annotations

from loften_app.reports.privacy import (
    FEWER_THAN_5,
    HIDDEN,
    Cell,
    Shown,
    count_with_share,
    median_text,
    public_count_text,
    public_median_text,
    reader_ranges,
    share_text,
    suppress,
)


def texts(total: int, *groups: list[int]) -> tuple[str, list[list[str]]]:
    head, table = suppress(total, [[(v, True) for v in g] for g in groups])
    return head.text, [[c.text for c in g] for g in table]


def test_counts_from_zero_to_four_are_fewer_than_five() -> None:
    assert [public_count_text(n) for n in range(7)] == [*[FEWER_THAN_5] * 5, "5", "6"]


def test_a_lone_small_cell_hides_the_smallest_shown_one_of_its_group() -> None:
    # 23 in all: with only the 3 hidden, 23 − 11 − 9 would give it back.
    assert texts(23, [3, 11, 9]) == ("23", [[FEWER_THAN_5, "11", HIDDEN]])
    # 5 + 1: the 1 could be worked out from 6 − 5.
    assert texts(6, [5, 1]) == ("6", [[HIDDEN, FEWER_THAN_5]])
    # Two small cells (0–4 each) with a rest of 3: neither is pinned, nothing more is hidden.
    assert texts(15, [1, 2, 12]) == ("15", [[FEWER_THAN_5, FEWER_THAN_5, "12"]])


def test_all_small_cells_that_must_all_be_four_are_not_left_pinned() -> None:
    # 8 = 4 + 4 with every other cell shown: both 4s would be pinned.
    head, table = suppress(18, [[(4, True), (4, True), (10, True)]])
    ranges = reader_ranges(head, table)
    assert all(lo < hi for (lo, hi), c in zip(ranges[1:], table[0], strict=True) if c.value == 4)


def test_a_complement_that_is_small_hides_its_part() -> None:
    # 27 of 30 notified: the 3 not notified (never printed) would follow from 30 − 27.
    head, (pair,) = suppress(30, [[(27, True), (3, False)]])
    assert (head.text, pair[0].text, pair[1].shown) == ("30", HIDDEN, Shown.HIDDEN)
    head, (pair,) = suppress(30, [[(20, True), (10, False)]])
    assert pair[0].text == "20"


def test_reader_ranges_are_exact_for_a_star_of_sums() -> None:
    total = Cell(9, Shown.EXACT)
    group = [Cell(5, Shown.EXACT), Cell(3, Shown.SMALL), Cell(1, Shown.SMALL)]
    assert reader_ranges(total, [group]) == [(9, 9), (5, 5), (0, 4), (0, 4)]
    group = [Cell(5, Shown.EXACT), Cell(4, Shown.SMALL)]
    assert reader_ranges(total, [group])[2] == (4, 4)  # what suppress must not leave


def test_internal_texts_and_public_medians() -> None:
    assert share_text(5, 8) == "63 %"  # half up
    assert count_with_share(27, 30) == "27 (90 %)"
    assert median_text({1: 2, 3: 2}) == "2 d"
    assert median_text({}) == "–"
    assert public_median_text({1: 9}) == HIDDEN  # fewer than 10 contacts
    assert public_median_text({0: 5, 2: 5}) == "1 d"
