"""An indicator and its values saved in one transaction (`IndicatorService.save_with_values`):
adding, changing and removing values in one call, and failures that leave the file as it was."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from loften_app.domain.errors import ValidationError
from loften_app.domain.records import IndicatorData, IndicatorValueData, Stored
from loften_app.storage.errors import DiskFullError, NotFoundError, StaleRecordError
from loften_app.storage.rows import RowWriter
from loften_app.storage.services import Services
from tests.factories import disk_full_error
from tests.storage.conftest import FixedClock

INDICATOR = IndicatorData(name="Anmälda skadegörelsebrott", source="Polisen", unit="antal")

Snapshot = dict[str, list[tuple[Any, ...]]]


def value(period_key: str, number: float, note: str = "") -> IndicatorValueData:
    # The service fills in the indicator.
    return IndicatorValueData(
        indicator_id="", period_key=period_key, value=number, source_note=note
    )


def snapshot(path: Path) -> Snapshot:
    """Every row of every table, read on a connection of its own (what is committed)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }


def fill_disk_on_write(monkeypatch: pytest.MonkeyPatch, failing_call: int) -> list[str]:
    """Make the `failing_call`-th INSERT from now on fail as on a full disk; returns the table
    of each INSERT tried."""
    original = RowWriter.write_tuples
    tables: list[str] = []

    def write(writer: RowWriter, session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
        tables.append(writer.sql.split()[2].strip('"'))
        if len(tables) == failing_call:
            raise disk_full_error()
        original(writer, session, rows)

    monkeypatch.setattr(RowWriter, "write_tuples", write)
    return tables


def periods(values: Iterable[Stored[IndicatorValueData]]) -> list[tuple[str, float, str]]:
    return [(v.data.period_key, v.data.value, v.data.source_note) for v in values]


@pytest.fixture
def saved(
    services: Services,
) -> tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]]:
    return services.indicators.save_with_values(
        id=None,
        expected_version=None,
        data=INDICATOR,
        values=[
            (None, value("2017", 34)),
            (None, value("2018", 30, "Årsstatistik")),
            (None, value("2018q3", 7)),
        ],
    )


def test_add_change_and_remove_values_in_one_call(
    services: Services,
    clock: FixedClock,
    saved: tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]],
) -> None:
    indicator, values = saved
    assert indicator.version == 1
    assert services.indicators.get(id=indicator.id).data == INDICATOR
    assert periods(values) == [
        ("2017", 34.0, ""),
        ("2018", 30.0, "Årsstatistik"),
        ("2018-Q3", 7.0, ""),  # saved in its normal form
    ]
    assert [v.data.indicator_id for v in values] == [indicator.id] * 3
    assert values == services.indicator_values.for_indicator(indicator.id)
    v2017, v2018, vq3 = values

    clock.advance(hours=1)
    renamed = IndicatorData(name="Anmäld skadegörelse", source="Polisen", unit="antal")
    indicator2, values2 = services.indicators.save_with_values(
        id=indicator.id,
        expected_version=1,
        data=renamed,
        values=[
            (v2018.id, value("2018", 27, "Årsstatistik")),  # changed
            (vq3.id, value("2018-Q3", 7)),  # unchanged
            (None, value("2018-Q4", 6.25, "Preliminärt")),  # new
            # 2017 is left out: removed.
        ],
    )
    assert indicator2.version == 2
    assert services.indicators.get(id=indicator.id) == indicator2
    assert indicator2.data == renamed
    assert periods(values2) == [
        ("2018", 27.0, "Årsstatistik"),
        ("2018-Q3", 7.0, ""),
        ("2018-Q4", 6.25, "Preliminärt"),
    ]
    assert values2 == services.indicator_values.for_indicator(indicator.id)
    changed, unchanged, new = values2
    assert (changed.id, changed.version) == (v2018.id, 2)  # changed in place
    assert changed.meta.updated_at == clock.now
    assert unchanged == vq3  # not written at all
    assert new.version == 1
    removed = services.indicator_values.get(id=v2017.id)
    assert removed.meta.is_deleted and removed.version == 2


def test_a_new_value_takes_the_place_of_a_removed_one_with_the_same_period(
    services: Services,
    saved: tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]],
) -> None:
    indicator, (v2017, v2018, vq3) = saved
    _, values = services.indicators.save_with_values(
        id=indicator.id,
        expected_version=1,
        data=INDICATOR,
        values=[
            (None, value("2017", 35)),  # retyped instead of edited
            (v2018.id, value("2018", 30, "Årsstatistik")),
            (vq3.id, value("2018-Q3", 7)),
        ],
    )
    assert periods(values) == [
        ("2017", 35.0, ""),
        ("2018", 30.0, "Årsstatistik"),
        ("2018-Q3", 7.0, ""),
    ]
    assert [v.id for v in values] == [v2017.id, v2018.id, vq3.id]
    assert services.indicator_values.count() == 3


def test_every_problem_is_reported_before_anything_is_written(
    services: Services,
    db_path: Path,
    saved: tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]],
) -> None:
    indicator, (v2017, *_) = saved
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        services.indicators.save_with_values(
            id=indicator.id,
            expected_version=1,
            data=IndicatorData(name="", source="Polisen"),
            values=[
                (v2017.id, value("2017", 33)),
                (None, value("2018-Q3", 1)),
                (None, value("2018q3", 2)),  # the same period written another way
                (None, value("2018-Q5", 3)),
                (None, value("2019", 4, "Uppgift från 811218-9876")),
            ],
        )
    issues = {(issue.field, issue.code) for issue in caught.value.issues}
    assert ("name", "required") in issues
    assert ("values[2].period_key", "duplicate") in issues
    assert ("values[3].period_key", "period") in issues
    assert ("values[4].source_note", "personnummer") in issues
    assert not any(field.startswith(("values[0]", "values[1]")) for field, _ in issues)
    duplicate = caught.value.for_field("values[2].period_key")[0]
    assert duplicate.message.startswith("Rad 3: Perioden 2018-Q3 finns redan på rad 2.")
    assert snapshot(db_path) == before


def test_a_full_disk_while_the_values_of_a_new_indicator_are_written_leaves_nothing(
    services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indicators_before = services.indicators.count()
    before = snapshot(db_path)
    tables = fill_disk_on_write(monkeypatch, failing_call=2)
    with pytest.raises(DiskFullError):
        services.indicators.save_with_values(
            id=None,
            expected_version=None,
            data=INDICATOR,
            values=[(None, value("2017", 34)), (None, value("2018", 30))],
        )
    assert tables == ["indicator", "indicator_value"]  # the indicator was written first
    assert snapshot(db_path) == before
    assert services.indicators.count() == indicators_before

    monkeypatch.undo()  # the file is usable again at once: no transaction was left open
    _, values = services.indicators.save_with_values(
        id=None, expected_version=None, data=INDICATOR, values=[(None, value("2017", 34))]
    )
    assert services.indicators.count() == indicators_before + 1
    assert periods(values) == [("2017", 34.0, "")]


def test_a_failure_after_updates_and_removals_leaves_every_table_unchanged(
    services: Services,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    saved: tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]],
) -> None:
    indicator, (_v2017, v2018, vq3) = saved
    before = snapshot(db_path)
    # By the first INSERT the indicator is updated, 2017 removed and 2018 changed; the second
    # INSERT fails.
    tables = fill_disk_on_write(monkeypatch, failing_call=2)
    with pytest.raises(DiskFullError):
        services.indicators.save_with_values(
            id=indicator.id,
            expected_version=1,
            data=IndicatorData(name="Ändrat namn", source="Polisen"),
            values=[
                (v2018.id, value("2018", 27)),
                (vq3.id, value("2018-Q3", 7)),
                (None, value("2018-Q4", 6)),
                (None, value("2019", 5)),
            ],
        )
    assert tables == ["indicator_value", "indicator_value"]
    assert snapshot(db_path) == before
    assert services.indicators.get(id=indicator.id) == indicator


def test_a_stale_version_is_refused_and_nothing_is_written(
    services: Services,
    db_path: Path,
    saved: tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]],
) -> None:
    indicator, values = saved
    newer = services.indicators.update(
        id=indicator.id,
        expected_version=1,
        data=IndicatorData(name="Ändrad av någon annan", source="Polisen"),
    )
    before = snapshot(db_path)
    with pytest.raises(StaleRecordError) as caught:
        services.indicators.save_with_values(
            id=indicator.id,
            expected_version=1,
            data=INDICATOR,
            values=[(values[0].id, value("2017", 99)), (None, value("2020", 1))],
        )
    assert caught.value.current == newer
    assert snapshot(db_path) == before

    services.indicators.delete(id=indicator.id)
    with pytest.raises(NotFoundError):
        services.indicators.save_with_values(
            id=indicator.id, expected_version=3, data=INDICATOR, values=[]
        )


def test_id_and_expected_version_go_together(services: Services) -> None:
    with pytest.raises(ValueError, match="together"):
        services.indicators.save_with_values(
            id="x", expected_version=None, data=INDICATOR, values=[]
        )
