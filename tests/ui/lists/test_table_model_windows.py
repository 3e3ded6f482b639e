"""RecordTableModel on a large list: counted first, keys read by window (the end from the end),
the same rows in the same order as a model holding every key, and changes still reported
precisely where the windows read so far allow it (issue 20)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from loften_app.domain.periods import year
from loften_app.storage.database import Database
from loften_app.storage.services import RecordFilter, Services
from loften_app.ui.lists.specs import SPECS, PatrolColumn
from loften_app.ui.lists.table_model import ID_ROLE, RecordTableModel
from tests.ui.lists.conftest import (
    ACTOR,
    CountingPatrolService,
    Refs,
    add_patrols,
    bulk_add,
    patrol,
)

ROWS = 130
PAGE = 4  # a window is ten pages: 40 keys
#: A filter that every patrol of `many` matches (a filtered list is counted, not looked up).
WHOLE_YEAR = RecordFilter(period=year(2018))


class WindowCounting(CountingPatrolService):
    """Counts whole key reads and windowed ones apart."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.windows: list[tuple[bool, int, int | None]] = []
        self.whole_reads = 0

    def list_rowids(self, **kwargs: Any) -> Any:
        if kwargs.get("limit") is None:
            self.whole_reads += 1
        else:
            self.windows.append((kwargs["descending"], kwargs["offset"], kwargs["limit"]))
        return super().list_rowids(**kwargs)


def windowed(service: Any, names: Any) -> RecordTableModel:
    model = RecordTableModel(service, SPECS["patrols"], names, page_size=PAGE, full_keys_limit=10)
    model.set_query(filter=RecordFilter(), sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    return model


def whole(service: Any, names: Any) -> RecordTableModel:
    model = RecordTableModel(service, SPECS["patrols"], names, page_size=PAGE)
    model.set_query(filter=RecordFilter(), sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    return model


def ids(model: RecordTableModel, rows: range | list[int]) -> list[str | None]:
    return [model.id_at(row) for row in rows]


@pytest.fixture
def many(database: Database, services: Services, refs: Refs) -> None:
    add_patrols(database, services, refs, ROWS)


@pytest.mark.usefixtures("many")
def test_a_large_list_passes_qt_model_checks(qtmodeltester, services: Services, names) -> None:
    model = windowed(services.patrols, names)
    assert model.rowCount() == ROWS
    qtmodeltester.check(model)


@pytest.mark.usefixtures("many")
def test_counted_first_then_the_start_and_the_end_by_window(database: Database, names) -> None:
    counting = WindowCounting(database, ACTOR)
    model = windowed(counting, names)
    assert model.rowCount() == ROWS
    assert counting.whole_reads == 0
    assert counting.windows == []  # nothing read before the view asks

    assert model.id_at(0) is not None
    assert counting.windows == [(True, 0, 40)]
    assert model.id_at(ROWS - 1) is not None
    # The last window comes from the same query in the opposite order, from its start.
    assert counting.windows[-1] == (False, 0, ROWS - 120)
    assert counting.whole_reads == 0


@pytest.mark.usefixtures("many")
@pytest.mark.parametrize(
    ("column", "order"),
    [
        (-1, Qt.SortOrder.DescendingOrder),
        (PatrolColumn.DATE, Qt.SortOrder.AscendingOrder),
        (PatrolColumn.OFFICERS, Qt.SortOrder.DescendingOrder),
        (PatrolColumn.PLACES, Qt.SortOrder.AscendingOrder),
    ],
)
def test_windows_give_the_rows_a_whole_key_list_gives(
    services: Services, names, column: int, order: Qt.SortOrder
) -> None:
    big, small = windowed(services.patrols, names), whole(services.patrols, names)
    for model in (big, small):
        model.sort(column, order)
    rows = list(range(ROWS - 1, -1, -7)) + list(range(ROWS))  # from the end first, then all
    assert ids(big, rows) == ids(small, rows)
    assert big.data(big.index(ROWS - 1, 0), ID_ROLE) == small.id_at(ROWS - 1)


@pytest.mark.usefixtures("many")
def test_a_search_counts_and_windows_the_matches(services: Services, refs: Refs, names) -> None:
    big, small = windowed(services.patrols, names), whole(services.patrols, names)
    place = RecordFilter(place_id=refs.places["Skillerälven"])
    for model in (big, small):
        model.set_filter(place)
    assert 0 < big.rowCount() == small.rowCount() < ROWS
    assert ids(big, range(big.rowCount())) == ids(small, range(small.rowCount()))


@pytest.mark.usefixtures("many")
def test_row_of_finds_records_outside_the_windows_read(services: Services, names) -> None:
    big, small = windowed(services.patrols, names), whole(services.patrols, names)
    middle = small.id_at(70)
    assert middle is not None
    assert big.row_of(middle) == 70
    assert big.row_of("no such id") == -1


def test_changes_to_a_large_list_are_reported_precisely(
    qtbot, database: Database, services: Services, refs: Refs, names
) -> None:
    stored = [services.patrols.add(data=patrol(refs, number)) for number in range(30)]
    model = RecordTableModel(
        services.patrols, SPECS["patrols"], names, page_size=2, full_keys_limit=10
    )
    model.refresh()
    assert model.rowCount() == 30
    target = stored[4]
    row = 25  # newest first: the fifth patrol is the 26th row
    assert model.id_at(row) == target.id  # its window is read now

    services.patrols.update(
        id=target.id,
        expected_version=target.version,
        data=dataclasses.replace(target.data, officers=9),
    )
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changes.append((a.row(), b.row())))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted):
        model.record_changed(target.id)
    assert changes == [(row, row)]
    assert model.data(model.index(row, PatrolColumn.OFFICERS)) == "9"

    new = services.patrols.add(data=patrol(refs, 4, notes="ny"))
    with qtbot.waitSignal(model.rowsInserted), qtbot.assertNotEmitted(model.modelReset):
        model.record_changed(new.id)
    assert model.rowCount() == 31
    assert model.id_at(model.row_of(new.id)) == new.id

    moved = stored[0]
    services.patrols.update(
        id=moved.id,
        expected_version=moved.version,
        data=dataclasses.replace(moved.data, date=dt.date(2018, 12, 31)),
    )
    with qtbot.waitSignal(model.rowsMoved), qtbot.assertNotEmitted(model.modelReset):
        model.record_changed(moved.id)
    assert model.row_of(moved.id) == 0


def test_a_change_the_windows_cannot_place_resets_a_large_list(
    qtbot, services: Services, refs: Refs, names
) -> None:
    stored = [services.patrols.add(data=patrol(refs, number)) for number in range(30)]
    model = RecordTableModel(
        services.patrols, SPECS["patrols"], names, page_size=2, full_keys_limit=10
    )
    model.refresh()
    assert model.id_at(0) is not None  # only the first window read
    services.patrols.delete(id=stored[3].id)  # a row in a window never read: place unknown
    with qtbot.waitSignal(model.modelReset):
        model.record_changed(stored[3].id)
    assert model.rowCount() == 29
    assert model.row_of(stored[3].id) == -1


@pytest.mark.usefixtures("many")
def test_refresh_of_a_large_list_reads_windows_again(database: Database, names) -> None:
    counting = WindowCounting(database, ACTOR)
    model = windowed(counting, names)
    first = model.id_at(0)
    model.refresh()
    assert counting.whole_reads == 0
    assert model.rowCount() == ROWS
    assert model.id_at(0) == first


@pytest.mark.usefixtures("many")
@pytest.mark.parametrize("limit", [10, 50_000], ids=["by-window", "whole-keys"])
def test_the_first_window_shows_before_the_count(
    qtbot, qtmodeltester, services: Services, names, limit: int
) -> None:
    """A list on screen (`count_later`) shows its first window at once and adds the other rows
    once counted, from the event loop: the same rows as a model that counted first."""
    model = RecordTableModel(
        services.patrols, SPECS["patrols"], names, page_size=PAGE, full_keys_limit=limit
    )
    model.count_later = True
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.set_query(filter=WHOLE_YEAR, sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    assert model.counting
    assert model.rowCount() == 40  # one window
    assert counts == []
    first = ids(model, range(40))
    with qtbot.waitSignal(model.rowsInserted):
        pass
    assert not model.counting
    assert counts == [ROWS]
    assert model.rowCount() == ROWS
    assert ids(model, range(40)) == first
    assert ids(model, range(ROWS)) == ids(whole(services.patrols, names), range(ROWS))
    qtmodeltester.check(model)


@pytest.mark.usefixtures("many")
def test_a_large_unfiltered_list_takes_the_stored_count_and_checks_it(
    qtbot, qtmodeltester, database: Database, services: Services, names
) -> None:
    """The stored totals count the patrols: the whole list shows at once, and is counted a
    moment later all the same; totals that drifted are corrected then."""
    model = RecordTableModel(
        services.patrols, SPECS["patrols"], names, page_size=PAGE, full_keys_limit=10
    )
    model.count_later = True
    model.set_query(filter=RecordFilter(), sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    assert not model.counting
    assert model.rowCount() == ROWS
    assert ids(model, range(ROWS)) == ids(whole(services.patrols, names), range(ROWS))
    qtmodeltester.check(model)

    # Totals that drifted (as `loften check` would report): two patrols too many.
    with database.writing() as session:
        session.execute(
            text(
                "UPDATE figure_total SET value = value + 2 WHERE rowid = "
                "(SELECT min(rowid) FROM figure_total WHERE measure = 'patrols')"
            )
        )
    model.set_query(filter=RecordFilter(), sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == ROWS + 2
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        pass
    assert model.rowCount() == ROWS
    assert ids(model, range(ROWS)) == ids(whole(services.patrols, names), range(ROWS))


@pytest.mark.usefixtures("many")
def test_a_change_before_the_count_finishes_it_first(services: Services, refs: Refs, names):
    model = RecordTableModel(
        services.patrols, SPECS["patrols"], names, page_size=PAGE, full_keys_limit=10
    )
    model.count_later = True
    model.set_query(filter=WHOLE_YEAR, sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    assert model.counting
    added = services.patrols.add(data=patrol(refs, 500))
    model.record_changed(added.id)
    assert not model.counting
    assert model.rowCount() == ROWS + 1
    assert model.row_of(added.id) >= 0


def test_a_short_list_is_not_counted_apart(database: Database, refs: Refs, names) -> None:
    """A list that fits in the first window is complete with it: no count is run."""
    counting = WindowCounting(database, ACTOR)
    bulk_add(database, counting, [patrol(refs, number) for number in range(7)])
    model = RecordTableModel(counting, SPECS["patrols"], names, page_size=PAGE)
    model.count_later = True
    model.set_query(filter=RecordFilter(), sort_column=-1, order=Qt.SortOrder.DescendingOrder)
    assert not model.counting
    assert model.rowCount() == 7
    assert counting.windows == [(True, 0, 41)]
