"""Demo data (`loften demo-data`): deterministic, valid, complete and refused when repeated."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from loften_app.domain.enums import (
    ActionStatus,
    ObservationCategory,
    Organisation,
    PromiseType,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.records import Actor, Stored
from loften_app.domain.validation import validate
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.content import load_content
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.errors import StorageError
from loften_app.storage.kinds import STORAGE_KINDS
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.cli_runner import run_cli

YEAR = 2018
ACTOR = Actor("trygghetssamordnare", Organisation.MUNICIPALITY)
DEMO_USERS = {"kommunpolis (demo)", "trygghetssamordnare (demo)", "socialtjänsten (demo)"}
ACTIVITY_TABLES = ("patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity")
Dump = dict[str, list[tuple[Any, ...]]]


def make(path: Path, *, seed: int = 1, scale: int = 1, year: int = YEAR) -> dict[str, int]:
    with open_database(path) as database:
        return fill_demo_data(database, ACTOR, DemoOptions(year=year, seed=seed, scale=scale))


def dump(path: Path) -> Dump:
    """Every table's rows ordered by primary key, less `meta` (its installation id is new for
    every file, by design)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'meta' ORDER BY name"
            )
        ]
        result: Dump = {}
        for table in tables:
            info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            keys = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5] > 0]
            order = ", ".join(f'"{key}"' for key in keys) or "rowid"
            result[table] = connection.execute(
                f'SELECT * FROM "{table}" ORDER BY {order}'
            ).fetchall()
        return result


def activity_count(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return sum(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ACTIVITY_TABLES
        )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "seed1.db"
    make(path)
    return path


@pytest.fixture
def services(demo_db: Path) -> Iterator[Services]:
    with open_database(demo_db) as database:
        yield Services.build(database, ACTOR)


def everything(services: Services) -> list[Stored[Any]]:
    records: list[Stored[Any]] = []
    for service in (
        services.agreements,
        services.promises,
        services.targets,
        services.places,
        services.shops,
        services.indicators,
        services.indicator_values,
        services.patrols,
        services.safety_walks,
        services.volunteer_deployments,
        services.drug_cases,
        services.other_activities,
    ):
        page = service.list_page(limit=100_000)
        assert len(page.items) == page.total
        records.extend(page.items)
    return records


def test_the_same_seed_gives_identical_tables_and_another_seed_does_not(
    demo_db: Path, tmp_path: Path
) -> None:
    make(tmp_path / "again.db")
    make(tmp_path / "seed2.db", seed=2)
    first = dump(demo_db)
    assert sum(len(rows) for rows in first.values()) > 700
    assert dump(tmp_path / "again.db") == first
    other = dump(tmp_path / "seed2.db")
    assert other != first
    assert other["patrol"] != first["patrol"]


def test_the_template_takes_its_time_from_the_year_not_the_clock(services: Services) -> None:
    agreement = services.agreements.current()
    assert agreement is not None
    assert agreement.meta.created_by == ACTOR.name
    assert agreement.meta.created_at == dt.datetime(YEAR - 1, 12, 18, 9, tzinfo=dt.UTC)
    promises = services.promises.for_agreement(agreement.id)
    assert {p.meta.created_at for p in promises} == {agreement.meta.created_at}


def test_the_texts_cover_every_category_and_task() -> None:
    content = load_content()
    assert set(content.categories) == set(ObservationCategory)
    for category, spec in content.categories.items():
        assert spec.descriptions, category
        assert bool(spec.actions) == (category is not ObservationCategory.POSITIVE), category
    assert set(content.volunteer_notes) == set(VolunteerTask) - {VolunteerTask.EVENT}
    assert {spec.promise_type for spec in content.other_activities} == set(PromiseType) - {
        PromiseType.OTHER
    }


def test_the_file_is_consistent(demo_db: Path) -> None:
    with contextlib.closing(sqlite3.connect(demo_db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_summary_counts_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "summary.db"
    summary = make(path)
    assert summary["Överenskommelse (från mallen)"] == 1
    assert summary["Butiker (nya)"] == 8
    assert 140 <= summary["Patrullpass"] <= 160
    assert 30 <= summary["Volontärinsatser"] <= 50
    assert 25 <= summary["Narkotikaärenden"] <= 35
    assert 3 <= summary["Trygghetsvandringar"] <= 4
    assert summary["Indikatorvärden"] == 8
    with contextlib.closing(sqlite3.connect(path)) as connection:
        for table, label in (
            ("patrol", "Patrullpass"),
            ("shop_visit", "Butiksbesök"),
            ("observation", "Iakttagelser"),
            ("walk_action", "Åtgärder"),
            ("drug_case", "Narkotikaärenden"),
            ("other_activity", "Övriga aktiviteter"),
        ):
            assert (
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                == (summary[label])
            )


def test_every_promise_type_has_records_entered_by_its_organisation(services: Services) -> None:
    agreement = services.agreements.current()
    assert agreement is not None
    promises = {p.data.type: p.id for p in services.promises.for_agreement(agreement.id)}
    patrols = services.patrols.list_page(limit=1000).items
    walks = services.safety_walks.list_page(limit=100).items
    deployments = services.volunteer_deployments.list_page(limit=1000).items
    cases = services.drug_cases.list_page(limit=1000).items
    for records, promise_type, organisation in (
        (patrols, PromiseType.PATROL, Organisation.POLICE),
        (walks, PromiseType.SAFETY_WALK, Organisation.MUNICIPALITY),
        (deployments, PromiseType.VOLUNTEERS, Organisation.POLICE),
        (cases, PromiseType.DRUGS, Organisation.POLICE),
    ):
        assert records
        assert {r.data.promise_id for r in records} == {promises[promise_type]}
        assert {r.meta.organisation for r in records} == {organisation}
    assert sum(p.data.shop_visit_count for p in patrols) > 100
    assert sum(p.data.is_evening_or_night for p in patrols) > len(patrols) / 2
    assert any(p.data.end_time < p.data.start_time for p in patrols)  # across midnight
    assert {w.data.status for w in walks} == set(WalkStatus)
    assert any(d.data.with_municipality for d in deployments)
    assert services.other_activities.count() >= 5


def test_actions_are_in_every_state_and_some_are_overdue(services: Services) -> None:
    actions = [
        observation.action
        for walk in services.safety_walks.list_page(limit=100).items
        for observation in walk.data.observations
        if observation.action is not None
    ]
    assert {action.status for action in actions} == set(ActionStatus)
    assert any(action.is_overdue(dt.date(YEAR, 12, 31)) for action in actions)
    for action in actions:
        assert (action.closed_on is not None) == action.is_closed
        if action.status is ActionStatus.REJECTED:
            assert action.rejection_reason


def test_drug_cases_are_numbered_in_order_of_detection(services: Services) -> None:
    cases = services.drug_cases.list_page(limit=1000, sort="case_code", descending=False).items
    assert [c.data.case_code for c in cases] == [
        f"N-{YEAR}-{n:03d}" for n in range(1, len(cases) + 1)
    ]
    detected = [c.data.detected_on for c in cases]
    assert detected == sorted(detected)
    ages = Counter(c.data.age_group for c in cases)
    assert len(ages) == 3
    assert sum(c.data.municipality_notified_on is not None for c in cases) > len(cases) / 2
    contact = [c.data.days_to_contact for c in cases if c.data.days_to_contact is not None]
    assert any(days <= 1 for days in contact)
    assert any(days > 1 for days in contact)
    assert len(contact) < len(cases)


def test_every_record_read_back_passes_validation(services: Services) -> None:
    records = everything(services)
    assert len(records) > 250
    for record in records:
        assert validate(record.data, today=None) == [], record
        # Nothing lies after the end of the year: the data is as it stood on 31 December.
        assert validate(record.data, today=dt.date(YEAR, 12, 31)) == [], record
        assert record.meta.created_at <= record.meta.updated_at
        assert {record.meta.created_by, record.meta.updated_by} <= DEMO_USERS | {ACTOR.name}


def test_a_year_still_running_has_nothing_that_the_forms_refuse_as_after_today(
    tmp_path: Path,
) -> None:
    """Made on 2 December of the running year (as `loften demo-data` does with the real date):
    no drug case detected, notified, contacted or closed after that day, so every record
    passes the forms' validation on that day (and this year's export imports back)."""
    today = dt.date(2026, 12, 2)
    path = tmp_path / "running.db"
    with open_database(path) as database:
        summary = fill_demo_data(database, ACTOR, DemoOptions(year=2026, today=today))
        services = Services.build(database, ACTOR)
        records = everything(services)
    with open_database(tmp_path / "ended.db") as database:
        whole_year = fill_demo_data(database, ACTOR, DemoOptions(year=2026))
    assert summary["Narkotikaärenden"] < whole_year["Narkotikaärenden"]
    assert len(records) > 250
    for record in records:
        assert validate(record.data, today=today) == [], record


def test_running_twice_for_a_year_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    make(path)
    before = dump(path)
    with pytest.raises(StorageError, match=f"redan .* aktiviteter daterade {YEAR}"):
        make(path, seed=7)
    assert dump(path) == before
    count = activity_count(path)
    summary = make(path, year=YEAR - 1)  # another year is fine, with its own case codes
    assert "Överenskommelse (från mallen)" not in summary
    assert "Butiker (nya)" not in summary
    assert activity_count(path) > count
    with contextlib.closing(sqlite3.connect(path)) as connection:
        years = connection.execute(
            "SELECT substr(case_code, 3, 4), count(*) FROM drug_case GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert [year for year, _ in years] == [str(YEAR - 1), str(YEAR)]


def test_an_existing_agreement_is_used(tmp_path: Path) -> None:
    path = tmp_path / "existing.db"
    with open_database(path) as database:
        agreement = apply_template(Services.build(database, ACTOR), "filipstad-2017-2018")
        summary = fill_demo_data(database, ACTOR, DemoOptions(year=YEAR))
        services = Services.build(database, ACTOR)
        promise_ids = {p.id for p in services.promises.for_agreement(agreement.id)}
        patrols = services.patrols.list_page(limit=5).items
    assert "Överenskommelse (från mallen)" not in summary
    assert patrols[0].data.promise_id in promise_ids


def test_scale_two_gives_about_twice_the_records(demo_db: Path, tmp_path: Path) -> None:
    make(tmp_path / "double.db", scale=2)
    ratio = activity_count(tmp_path / "double.db") / activity_count(demo_db)
    assert 1.8 <= ratio <= 2.2


def test_a_year_outside_the_supported_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="2000"):
        make(tmp_path / "bad.db", year=1999)


def test_the_command_line_fills_a_database_once(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    command = ("demo-data", "--db", str(path), "--year", "2018")
    first = run_cli(*command)
    assert first.returncode == 0, first.stderr
    assert "Demodata för 2018" in first.stdout
    assert "Patrullpass: " in first.stdout
    assert "Narkotikaärenden: " in first.stdout
    second = run_cli(*command)
    assert second.returncode == 1
    assert "redan" in second.stderr
    assert second.stdout == ""


def test_a_rows_values_read_straight_from_the_record_equal_the_dictionary_way(
    services: Services,
) -> None:
    """`insert_rows` reads a record's own row straight from its meta and data (`_row_reader`,
    every kind but the safety walk): for every record of the demo, the values, converted, are
    the ones the dictionary way gives (`meta_values`, `_root_values`, `RowWriter.to_tuple`),
    column by column."""
    from loften_app.storage.models import table_of
    from loften_app.storage.rows import writer_for
    from loften_app.storage.services.base import _row_reader, meta_values

    dialect = services.database.engine.dialect
    compared: dict[str, int] = {}
    for kind in STORAGE_KINDS:
        service = services.of_kind(kind.key)
        table = table_of(service.model)
        plain = writer_for(table, dialect)
        for stored in service.list_page(limit=100_000).items:
            reader = _row_reader(type(service), table, dialect, type(stored.data))
            if reader is None:
                continue
            writer, read = reader
            values = {**meta_values(stored.meta), **service._root_values(stored.data)}
            expected = dict(zip(plain.names, plain.to_tuple(values), strict=True))
            got = dict(zip(writer.names, read(stored.meta, stored.data), strict=True))
            assert got == expected, table.name
            compared[table.name] = compared.get(table.name, 0) + 1
    assert set(compared) >= {"patrol", "drug_case", "volunteer_deployment", "place", "promise"}


def test_every_child_tables_rows_are_written_whole(services: Services) -> None:
    """Each kind's child rows (`child_columns`, `_child_tuples`) name every column of their
    table once (none left to a default), and the tables an update clears (`children`) are
    among them; for every record of the demo, each row has a value per column."""
    from loften_app.storage.models import table_of

    counted: dict[str, int] = {}
    for kind in STORAGE_KINDS:
        service = services.of_kind(kind.key)
        tables = [table for table, _columns in service.child_columns]
        assert {table for table, _column in service.children} <= set(tables), kind.key
        for table, columns in service.child_columns:
            assert sorted(columns) == sorted(c.name for c in table.columns), table.name
        for stored in service.list_page(limit=100_000).items:
            lists = service._child_tuples(stored.id, stored.data)
            assert len(lists) == len(tables), table_of(service.model).name
            for (table, columns), rows in zip(service.child_columns, lists, strict=True):
                assert all(len(row) == len(columns) for row in rows), table.name
                counted[table.name] = counted.get(table.name, 0) + len(rows)
    assert {"patrol_place", "shop_visit", "observation", "walk_action", "deployment_place"} <= {
        name for name, rows in counted.items() if rows
    }
