"""The rules that hide small drug-case counts in public reports."""

from __future__ import annotations

from loften_app.reports.privacy import (
    FEWER_THAN_5,
    HIDDEN,
    breakdown_texts,
    count_text,
    count_with_share,
    median_text,
    share_text,
)


def test_counts_from_one_to_four_are_fewer_than_five_in_public_only() -> None:
    assert [count_text(n, public=True) for n in range(7)] == [
        "0",
        *[FEWER_THAN_5] * 4,
        "5",
        "6",
    ]
    assert [count_text(n, public=False) for n in range(7)] == [str(n) for n in range(7)]


def test_a_share_that_would_give_a_small_count_back_is_hidden() -> None:
    assert share_text(27, 30, public=True) == HIDDEN  # 3 not notified
    assert share_text(3, 30, public=True) == HIDDEN
    assert share_text(4, 4, public=True) == HIDDEN  # base under 5
    assert share_text(30, 30, public=True) == "100 %"
    assert share_text(0, 30, public=True) == "0 %"
    assert share_text(20, 30, public=True) == "67 %"
    assert share_text(27, 30, public=False) == "90 %"
    assert share_text(0, 0, public=True) == "–"
    assert count_with_share(3, 30, public=True) == FEWER_THAN_5
    assert count_with_share(20, 30, public=True) == "20 (67 %)"


def test_a_median_of_fewer_than_five_cases_is_hidden() -> None:
    assert median_text({1: 2, 3: 2}, public=True) == HIDDEN
    assert median_text({1: 2, 3: 2}, public=False) == "2 d"
    assert median_text({1: 3, 3: 2}, public=True) == "1 d"
    assert median_text({}, public=True) == "–"


def test_one_hidden_cell_of_a_breakdown_hides_another_so_it_cannot_be_computed() -> None:
    texts = breakdown_texts({"a": 3, "b": 11, "c": 9}, public=True)
    # 23 in all is shown elsewhere: with only "a" hidden, 23 - 11 - 9 would give it back.
    assert texts == {"a": FEWER_THAN_5, "b": "11", "c": HIDDEN}
    # Two small cells that add up to under 5 (1 + 2 = 3 = 15 - 12) hide one more.
    texts = breakdown_texts({"a": 1, "b": 2, "c": 12, "d": 20}, public=True)
    assert texts == {"a": FEWER_THAN_5, "b": FEWER_THAN_5, "c": HIDDEN, "d": "20"}
    # Two small cells adding up to 5 or more, not only one way: shown as they are.
    assert breakdown_texts({"a": 2, "b": 4, "c": 12}, public=True) == {
        "a": FEWER_THAN_5,
        "b": FEWER_THAN_5,
        "c": "12",
    }
    assert breakdown_texts({"a": 0, "b": 12}, public=True) == {"a": "0", "b": "12"}
    assert breakdown_texts({"a": 3, "b": 12}, public=False) == {"a": "3", "b": "12"}
