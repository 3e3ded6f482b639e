"""RecordTableModel: Qt's model checks for every record type, lazy pages, server-side sorting,
and precise change notifications."""

from __future__ import annotations

import dataclasses
import datetime as dt
from array import array

import pytest
from PySide6.QtCore import QModelIndex, Qt

from loften_app.domain.enums import PatrolMode, PromiseType
from loften_app.storage.database import Database
from loften_app.storage.services import Deleted, RecordFilter, Services
from loften_app.ui.lists.specs import (
    SPECS,
    DrugCaseColumn,
    PatrolColumn,
    SafetyWalkColumn,
    TargetColumn,
    VolunteerColumn,
)
from loften_app.ui.lists.table_model import ID_ROLE, SORT_ROLE, RecordTableModel, diff_keys
from tests.ui.lists.conftest import (
    ACTOR,
    CountingPatrolService,
    Refs,
    add_patrols,
    add_samples,
    patrol,
)


def loaded(services: Services, names, name: str) -> RecordTableModel:
    model = RecordTableModel(getattr(services, name), SPECS[name], names)
    model.refresh()
    return model


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_record_type_passes_qt_model_checks(
    qtmodeltester, services: Services, refs: Refs, names, name: str
) -> None:
    add_samples(services, refs)
    model = loaded(services, names, name)
    assert model.rowCount() > 0, name
    qtmodeltester.check(model)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert isinstance(model.data(index), str)
            assert model.data(index, SORT_ROLE) is not None
        assert model.data(model.index(row, 0), ID_ROLE) == model.id_at(row)
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)


def cell(model: RecordTableModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_patrol_cells_show_names_time_spans_and_derived_values(
    services: Services, refs: Refs, names
) -> None:
    services.patrols.add(data=patrol(refs, 1))
    model = loaded(services, names, "patrols")
    assert cell(model, 0, PatrolColumn.DATE) == "2018-01-02"
    assert cell(model, 0, PatrolColumn.SHIFT) == "21:00–02:00 (5 h)"
    assert cell(model, 0, PatrolColumn.PLACES) == "Stora torget, Resecentrum/busstationen"
    assert cell(model, 0, PatrolColumn.MODE) == "bil"
    assert cell(model, 0, PatrolColumn.OFFICERS) == "3"
    assert cell(model, 0, PatrolColumn.SHOP_VISITS) == "1"
    assert cell(model, 0, PatrolColumn.EVENING_NIGHT) == "ja"
    assert cell(model, 0, PatrolColumn.OFFICERS, SORT_ROLE) == 3
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert cell(model, 0, PatrolColumn.OFFICERS, Qt.ItemDataRole.TextAlignmentRole) == right


def test_other_types_show_their_derived_values(services: Services, refs: Refs, names) -> None:
    add_samples(services, refs)
    walks = loaded(services, names, "safety_walks")
    completed = walks.row_of(
        next(
            s.id
            for s in services.safety_walks.list_page().items
            if s.data.date == dt.date(2018, 3, 20)
        )
    )
    assert cell(walks, completed, SafetyWalkColumn.STATUS) == "genomförd"
    assert cell(walks, completed, SafetyWalkColumn.AREA) == "Centrum"
    assert cell(walks, completed, SafetyWalkColumn.OBSERVATIONS) == "2"
    assert cell(walks, completed, SafetyWalkColumn.OPEN_ACTIONS) == "1"
    assert cell(walks, completed, SafetyWalkColumn.PARTICIPANTS) == "11"

    volunteers = loaded(services, names, "volunteer_deployments")
    assert cell(volunteers, 0, VolunteerColumn.SHIFT) == "20:00–01:30 (5,5 h)"
    assert cell(volunteers, 0, VolunteerColumn.VOLUNTEER_HOURS) == "22"
    assert cell(volunteers, 0, VolunteerColumn.CONSULTED) == "kommunen, näringslivet"

    cases = loaded(services, names, "drug_cases")
    texts = [cell(cases, row, DrugCaseColumn.DAYS_TO_CONTACT) for row in range(2)]
    assert sorted(texts) == ["", "3"]
    # Entered by Kommunen's installation: its own prefix.
    assert {cell(cases, row, DrugCaseColumn.CASE_CODE) for row in range(2)} == {
        "K-2018-001",
        "K-2018-002",
    }

    targets = loaded(services, names, "targets")
    row = next(
        r for r in range(targets.rowCount()) if "3 dagar" in cell(targets, r, TargetColumn.MEASURE)
    )
    assert cell(targets, row, TargetColumn.TARGET) == "minst 0,8"
    assert cell(targets, row, TargetColumn.PROMISE).startswith("4. ")


def test_only_the_visible_pages_are_fetched(
    database: Database, services: Services, refs: Refs, names
) -> None:
    add_patrols(database, services, refs, 2_000)
    counting = CountingPatrolService(database, ACTOR)
    model = RecordTableModel(counting, SPECS["patrols"], names, page_size=200)
    model.refresh()
    assert model.rowCount() == 2_000
    assert counting.fetches == []

    assert cell(model, 0, PatrolColumn.DATE)
    assert cell(model, 199, PatrolColumn.DATE)
    assert len(counting.fetches) == 1
    assert len(counting.fetches[0]) == 200

    assert cell(model, 1_999, PatrolColumn.DATE)
    assert len(counting.fetches) == 2
    assert len(counting.fetches[1]) == 200  # rows 1 800 to 1 999, not everything before


def test_the_first_page_reads_the_rows_shown_first_and_the_rest_when_asked(
    database: Database, services: Services, refs: Refs, names, qtmodeltester
) -> None:
    add_patrols(database, services, refs, 120)
    counting = CountingPatrolService(database, ACTOR)
    model = RecordTableModel(counting, SPECS["patrols"], names, page_size=50)
    model.first_rows = 12  # what a list on screen sets from its height
    model.refresh()
    plain = loaded(services, names, "patrols")

    assert cell(model, 0, PatrolColumn.DATE)
    assert [len(keys) for keys in counting.fetches] == [12]
    assert cell(model, 11, PatrolColumn.PLACES) == cell(plain, 11, PatrolColumn.PLACES)
    assert len(counting.fetches) == 1
    # A row past those: the rest of the page, once.
    assert cell(model, 30, PatrolColumn.SHIFT) == cell(plain, 30, PatrolColumn.SHIFT)
    assert model.record_at(49) == plain.record_at(49)
    assert [len(keys) for keys in counting.fetches] == [12, 38]
    assert model.id_at(12) == plain.id_at(12)
    assert cell(model, 60, PatrolColumn.DATE)  # other pages whole
    assert [len(keys) for keys in counting.fetches] == [12, 38, 50]
    for row in range(120):
        assert model.record_at(row) == plain.record_at(row)

    fresh = RecordTableModel(counting, SPECS["patrols"], names, page_size=50)
    fresh.first_rows = 7
    fresh.refresh()
    assert fresh.record_at(40) == plain.record_at(40)  # asked first for a row after those
    assert fresh.record_at(3) == plain.record_at(3)
    qtmodeltester.check(fresh)


def test_the_page_cache_is_bounded(
    database: Database, services: Services, refs: Refs, names
) -> None:
    add_patrols(database, services, refs, 1_000)
    counting = CountingPatrolService(database, ACTOR)
    model = RecordTableModel(counting, SPECS["patrols"], names, page_size=100, max_pages=3)
    model.refresh()
    for row in range(0, 1_000, 100):
        model.record_at(row)
    assert len(counting.fetches) == 10
    model.record_at(999)  # still cached (most recent)
    assert len(counting.fetches) == 10
    model.record_at(0)  # evicted long ago
    assert len(counting.fetches) == 11


def test_sorting_asks_the_database_again(
    database: Database, services: Services, refs: Refs, names
) -> None:
    add_patrols(database, services, refs, 50)
    counting = CountingPatrolService(database, ACTOR)
    model = RecordTableModel(counting, SPECS["patrols"], names)
    model.refresh()
    reads = counting.key_reads

    model.sort(PatrolColumn.OFFICERS, Qt.SortOrder.AscendingOrder)
    assert counting.key_reads == reads + 1
    officers = [cell(model, row, PatrolColumn.OFFICERS, SORT_ROLE) for row in range(50)]
    assert officers == sorted(officers)
    assert model.sort_column == PatrolColumn.OFFICERS

    model.sort(PatrolColumn.DATE, Qt.SortOrder.DescendingOrder)
    dates = [cell(model, row, PatrolColumn.DATE, SORT_ROLE) for row in range(50)]
    assert dates == sorted(dates, reverse=True)

    model.sort(PatrolColumn.PLACES, Qt.SortOrder.AscendingOrder)  # by the first place's name
    assert counting.key_reads == reads + 3
    assert model.sort_column == PatrolColumn.PLACES
    firsts = [cell(model, row, PatrolColumn.PLACES).split(", ")[0] for row in range(50)]
    assert firsts == sorted(firsts)


def test_filter_narrows_the_rows(database: Database, services: Services, refs: Refs, names):
    add_patrols(database, services, refs, 100)
    model = loaded(services, names, "patrols")
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.set_filter(RecordFilter(place_id=refs.places["Skillerälven"]))
    assert 0 < model.rowCount() < 100
    assert counts == [model.rowCount()]
    assert all("Skillerälven" in cell(model, r, 2) for r in range(model.rowCount()))


def test_an_update_in_place_changes_only_its_row(
    qtbot, services: Services, refs: Refs, names
) -> None:
    stored = [services.patrols.add(data=patrol(refs, number)) for number in range(10)]
    model = loaded(services, names, "patrols")
    target = stored[4]
    row = model.row_of(target.id)
    assert cell(model, row, PatrolColumn.OFFICERS) == "3"  # cached now
    services.patrols.update(
        id=target.id,
        expected_version=target.version,
        data=dataclasses.replace(target.data, officers=7, mode=PatrolMode.BICYCLE),
    )
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changes.append((a.row(), b.row())))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted):
        model.record_changed(target.id)
    assert changes == [(row, row)]
    assert cell(model, row, PatrolColumn.OFFICERS) == "7"


def test_added_and_deleted_records_insert_and_remove_rows(
    qtbot, services: Services, refs: Refs, names
) -> None:
    for number in range(10):
        services.patrols.add(data=patrol(refs, number))
    model = loaded(services, names, "patrols")
    new = services.patrols.add(data=patrol(refs, 4, notes="ny"))  # same date as the fifth
    with (
        qtbot.waitSignal(model.rowsInserted) as inserted,
        qtbot.assertNotEmitted(model.modelReset),
    ):
        model.record_changed(new.id)
    first = inserted.args[1]
    assert model.rowCount() == 11
    assert model.id_at(first) == new.id

    services.patrols.delete(id=new.id)
    with qtbot.waitSignal(model.rowsRemoved) as removed, qtbot.assertNotEmitted(model.modelReset):
        model.record_changed(new.id)
    assert removed.args[1:] == [first, first]
    assert model.rowCount() == 10
    assert model.row_of(new.id) == -1


def test_a_changed_date_moves_the_row(qtbot, services: Services, refs: Refs, names) -> None:
    stored = [services.patrols.add(data=patrol(refs, number)) for number in range(10)]
    model = loaded(services, names, "patrols")  # newest first
    oldest = stored[0]
    assert model.row_of(oldest.id) == 9
    services.patrols.update(
        id=oldest.id,
        expected_version=oldest.version,
        data=dataclasses.replace(oldest.data, date=dt.date(2018, 12, 31)),
    )
    with qtbot.waitSignal(model.rowsMoved), qtbot.assertNotEmitted(model.modelReset):
        model.record_changed(oldest.id)
    assert model.row_of(oldest.id) == 0
    assert cell(model, 0, PatrolColumn.DATE) == "2018-12-31"
    assert cell(model, 1, PatrolColumn.DATE) == "2018-01-10"


def test_deleted_records_are_marked_when_shown(services: Services, refs: Refs, names) -> None:
    kept = services.patrols.add(data=patrol(refs, 1))
    gone = services.patrols.add(data=patrol(refs, 2))
    services.patrols.delete(id=gone.id)
    model = loaded(services, names, "patrols")
    assert model.rowCount() == 1
    model.set_filter(RecordFilter(deleted=Deleted.ALL))
    assert model.rowCount() == 2
    deleted_row, kept_row = model.row_of(gone.id), model.row_of(kept.id)
    assert cell(model, deleted_row, 0, Qt.ItemDataRole.FontRole).strikeOut()
    assert cell(model, kept_row, 0, Qt.ItemDataRole.FontRole) is None
    assert cell(model, deleted_row, 0, Qt.ItemDataRole.ToolTipRole).startswith("Borttagen ")


def test_record_at_and_row_of_are_inverse(services: Services, refs: Refs, names) -> None:
    stored = [services.patrols.add(data=patrol(refs, number)) for number in range(5)]
    model = loaded(services, names, "patrols")
    for record in stored:
        row = model.row_of(record.id)
        assert model.record_at(row) is not None
        assert model.record_at(row).id == record.id
    assert model.row_of("no such id") == -1
    assert model.record_at(99) is None
    assert model.data(QModelIndex()) is None


def test_names_follow_a_renamed_place(services: Services, refs: Refs, names) -> None:
    services.patrols.add(data=patrol(refs, 3))  # Skillerälven and Centrum
    model = loaded(services, names, "patrols")
    assert cell(model, 0, PatrolColumn.PLACES) == "Skillerälven, Centrum"
    place = services.places.get(id=refs.places["Skillerälven"])
    services.places.update(
        id=place.id,
        expected_version=place.version,
        data=dataclasses.replace(place.data, name="Älvstråket"),
    )
    model.refresh_names()
    assert cell(model, 0, PatrolColumn.PLACES) == "Älvstråket, Centrum"


def test_unsorted_spec_uses_the_service_default(services: Services, refs: Refs, names) -> None:
    add_samples(services, refs)
    model = loaded(services, names, "targets")
    assert model.sort_column == -1
    assert model.rowCount() >= 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ([1, 2, 3], [1, 2, 3], ("same", 0, 0)),
        ([1, 2, 3], [1, 9, 2, 3], ("insert", 1, 1)),
        ([], [5, 6], ("insert", 0, 2)),
        ([1, 2, 3], [1, 2, 3, 4], ("insert", 3, 1)),
        ([1, 2, 3, 4], [1, 4], ("remove", 1, 2)),
        ([1, 2, 3], [], ("remove", 0, 3)),
        ([1, 2, 3, 4, 5], [1, 3, 4, 2, 5], ("move", 1, 3)),
        ([1, 2, 3, 4, 5], [1, 4, 2, 3, 5], ("move", 3, 1)),
        ([1, 2, 3, 4], [4, 3, 2, 1], ("reset", 0, 0)),
        ([1, 2, 3], [1, 7, 3], ("reset", 0, 0)),
        ([1, 1, 1], [1, 1, 1, 1], ("insert", 3, 1)),
    ],
)
def test_diff_keys_finds_the_simplest_edit(old, new, expected) -> None:
    assert diff_keys(array("q", old), array("q", new)) == expected


def test_promise_filter_is_kept(services: Services, refs: Refs, names) -> None:
    add_samples(services, refs)
    model = loaded(services, names, "other_activities")
    model.set_filter(RecordFilter(promise_id=refs.promises[PromiseType.DRUGS]))
    assert model.rowCount() == 0
    model.set_filter(RecordFilter(promise_id=refs.promises[PromiseType.PATROL]))
    assert model.rowCount() == 1
