"""The stored totals (storage/totals.py) always equal a full recount of the records: after a
seeded random sequence of adds, edits (across months and midnight, other promise, hours, age
group, shop visits), deletes, undeletes, exchange-style writes in a caller's transaction, a
spreadsheet import and retention; on both engines. And `loften check` finds a wrong total,
`--rebuild-totals` mends it, and an upgraded file gets its totals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from loften_app.domain.enums import AgeGroup, CaseStatus, NotificationKind
from loften_app.domain.errors import ValidationError
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import (
    OtherActivityData,
    RecordMeta,
    ShopVisitData,
    VolunteerDeploymentData,
)
from loften_app.storage import totals
from loften_app.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Database,
    alembic_config,
    open_database,
    read_header,
)
from loften_app.storage.errors import NotFoundError, StaleRecordError
from loften_app.storage.import_writer import ImportBatch, write_import
from loften_app.storage.retention import run_retention
from loften_app.storage.services import Services, figures
from loften_app.storage.services.figures import FigureService
from tests.cli_runner import run_cli
from tests.factories import drug_case_on, shift_patrol
from tests.storage.conftest import MUNICIPALITY, FixedClock, db_argument


def assert_totals_match(database: Database) -> None:
    with database.reading() as session:
        have, want = totals.stored(session), totals.recount(session)
    wrong = totals.differences(have, want)
    assert not wrong, [totals.describe(key, have, want) for key in wrong[:10]]


def some_day(rng: random.Random) -> dt.date:
    return dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(730))


class Operations:
    """Random writes through every path that changes records with additive figures."""

    def __init__(self, services: Services, ids: dict[str, str], rng: random.Random) -> None:
        self.s = services
        self.ids = ids
        self.rng = rng
        #: (service, id) of every record written.
        self.written: list[tuple[Any, str]] = []

    def patrol(self) -> Any:
        r = self.rng
        visits = tuple(ShopVisitData(shop_id=self.ids[f"shop{n}"]) for n in range(r.randrange(3)))
        return shift_patrol(
            self.ids,
            some_day(r),
            r.randrange(24),
            r.randrange(24),
            shop_visits=visits,
            hours_spent=r.choice([None, 1.5, 3.25]),
        )

    def deployment(self) -> Any:
        r = self.rng
        return VolunteerDeploymentData(
            promise_id=self.ids["volunteers"],
            date=some_day(r),
            start_time=dt.time(r.randrange(24), r.choice([0, 15, 30])),
            end_time=dt.time(r.randrange(24)),
            place_ids=(self.ids["place"],),
            volunteers=r.randrange(1, 5),
            volunteer_hours_override=r.choice([None, 7.5]),
            with_municipality=r.random() < 0.5,
            with_business=r.random() < 0.3,
        )

    def case(self) -> Any:
        r = self.rng
        on = some_day(r)
        notified = r.choice([None, on + dt.timedelta(days=2)])
        data = drug_case_on(
            self.ids,
            on,
            r.choice([None, 0, 1, 3, 12]),
            age_group=r.choice([None, *AgeGroup]),
            municipality_notified_on=notified,
            notification_kind=None if notified is None else NotificationKind.REPORT_OF_CONCERN,
            hours_spent=r.choice([None, 2.0]),
        )
        if r.random() < 0.3:
            data = dataclasses.replace(
                data,
                status=CaseStatus.CLOSED,
                closed_on=on + dt.timedelta(days=40),
                police_notes="anteckning",
            )
        return data

    def other(self) -> Any:
        r = self.rng
        return OtherActivityData(
            promise_id=self.ids[r.choice(["patrol", "volunteers"])],
            date=some_day(r),
            what="Möte",
            hours_spent=r.choice([None, 0.5, 2.0]),
        )

    def new_data(self) -> tuple[Any, Any]:
        kind = self.rng.choice(["patrol", "deployment", "case", "other"])
        service = {
            "patrol": self.s.patrols,
            "deployment": self.s.volunteer_deployments,
            "case": self.s.drug_cases,
            "other": self.s.other_activities,
        }[kind]
        return service, getattr(self, kind)()

    def changed(self, service: Any, data: Any) -> Any:
        """`data` with a few fields changed the way an edit does."""
        r = self.rng
        fresh = self.new_data_for(service)
        names = [f.name for f in dataclasses.fields(data) if f.name not in ("case_code",)]
        picked = r.sample(names, k=min(3, len(names)))
        return dataclasses.replace(data, **{name: getattr(fresh, name) for name in picked})

    def new_data_for(self, service: Any) -> Any:
        if service is self.s.patrols:
            return self.patrol()
        if service is self.s.volunteer_deployments:
            return self.deployment()
        if service is self.s.drug_cases:
            return self.case()
        return self.other()

    def step(self, database: Database) -> None:
        r = self.rng
        roll = r.random()
        try:
            if roll < 0.35 or not self.written:
                service, data = self.new_data()
                self.written.append((service, service.add(data=data).id))
                return
            service, record_id = r.choice(self.written)
            current = service.get(id=record_id)
            if roll < 0.6:
                changed = self.changed(service, current.data)
                service.update(id=record_id, expected_version=current.version, data=changed)
            elif roll < 0.7:
                service.delete(id=record_id, expected_version=current.version)
            elif roll < 0.78:
                service.undelete(id=record_id, expected_version=current.version)
            elif roll < 0.9:
                self.exchange(database, service, current)
            elif roll < 0.97:
                self.spreadsheet()
            else:
                run_retention(database, now=dt.datetime(2026, 12, 2, tzinfo=dt.UTC))
        except (NotFoundError, StaleRecordError):
            pass  # an edit of a deleted record is refused: nothing changed
        except ValidationError:
            pass  # a random record or edit the domain refuses: nothing is written either

    def exchange(self, database: Database, service: Any, current: Any) -> None:
        """What an exchange import does in its transaction: a new record, a newer copy of one,
        and a deletion from the partner."""
        r = self.rng
        now = dt.datetime(2019, 7, 1, tzinfo=dt.UTC)
        meta = RecordMeta(
            id=str(uuid.uuid4()),
            version=1,
            organisation=MUNICIPALITY.organisation,
            created_at=now,
            created_by="partner",
            updated_at=now,
            updated_by="partner",
        )
        with database.writing() as session:
            data = self.new_data_for(service)
            service.insert_in(session, [(meta, data)])
            service.replace_one_in(
                session,
                current=current,
                meta=dataclasses.replace(meta, id=current.id, version=current.version + 1),
                data=self.changed(service, current.data),
            )
            service.set_deleted_in(
                session, id=meta.id, expected_version=None, deleted=r.random() < 0.5
            )
        self.written.append((service, meta.id))

    def spreadsheet(self) -> None:
        batch = ImportBatch(source="test.xlsx")
        tables = {
            "patrol": self.patrol,
            "volunteer_deployment": self.deployment,
            "drug_case": self.case,
            "other_activity": self.other,
        }
        for _ in range(self.rng.randrange(1, 6)):
            table = self.rng.choice(list(tables))
            data = tables[table]()
            if table == "drug_case":  # an import brings its cases' codes
                data = dataclasses.replace(data, case_code=f"I-{uuid.uuid4().hex[:8]}")
            batch.add(table, str(uuid.uuid4()), data)
        write_import(self.s, batch, make_backup=lambda _path: None)


@pytest.mark.parametrize("seed", [1, 2])
def test_stored_totals_equal_a_recount_after_any_sequence_of_writes(
    database: Database, services: Services, ids: dict[str, str], seed: int
) -> None:
    operations = Operations(services, ids, random.Random(seed))
    for step in range(150):
        operations.step(database)
        if step % 25 == 24:
            assert_totals_match(database)
    assert_totals_match(database)
    with database.reading() as session:
        assert totals.stored(session)  # something was counted
    # The figures from the totals are those counted from the records.
    promise_ids = list(ids.values())
    for period in (year(2017), year(2018), quarter(2018, 3)):
        from_totals = FigureService(database).period_figures(
            period=period, promise_ids=promise_ids, as_of=period.end
        )
        with database.reading() as session:
            counted = figures._additive_figures(session, period, by_month=False)
        for pid in promise_ids:
            mine = totals.measures_of(from_totals[pid])
            theirs = totals.measures_of(counted[period].get(pid, figures.PromiseFigures()))
            assert mine.keys() == theirs.keys()
            for key, value in mine.items():
                assert value == pytest.approx(theirs[key], abs=1e-6), (pid, key)


def test_check_finds_a_wrong_total_and_rebuild_mends_it(
    database: Database, services: Services, ids: dict[str, str], clock: FixedClock
) -> None:
    services.patrols.add(data=shift_patrol(ids, dt.date(2018, 5, 8), 16, 7))
    assert_totals_match(database)
    db = db_argument(database)
    assert run_cli("check", "--db", db).returncode == 0
    with database.engine.begin() as connection:  # a server's changes into figure_total
        totals.fold(connection)
    with database.writing() as session:
        session.execute(text("UPDATE figure_total SET value = value + 1 WHERE measure = 'patrols'"))
    result = run_cli("check", "--db", db)
    assert result.returncode == 1
    assert "Lagrade summor: FEL" in result.stdout
    assert "2018-05, patrols: lagrat 2, räknat 1" in result.stdout
    result = run_cli("check", "--rebuild-totals", "--db", db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 rättade" in result.stdout
    assert "Lagrade summor: ok" in result.stdout
    assert_totals_match(database)


def test_an_upgraded_file_gets_the_totals_of_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    assert run_cli("demo-data", "--year", "2018", "--db", str(path)).returncode == 0
    with open_database(path) as db, db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            command.downgrade(alembic_config(connection), "0004")
        connection.commit()
    assert read_header(path) == (APPLICATION_ID, 4)
    with open_database(path) as database:  # upgraded: the totals counted from the records
        assert read_header(path) == (APPLICATION_ID, SCHEMA_VERSION)
        with database.reading() as session:
            assert len(totals.stored(session)) > 100
        assert_totals_match(database)


def test_savers_of_the_same_promise_and_month_at_once_all_get_saved(
    database: Database, services: Services, ids: dict[str, str]
) -> None:
    """Every save of a patrol in the same month and promise changes the same totals (on a
    server each adds change rows of its own); none is lost or refused."""
    errors: list[BaseException] = []

    def saver(n: int) -> None:
        try:
            for i in range(6):
                services.patrols.add(data=shift_patrol(ids, dt.date(2018, 5, 1 + n), 8 + i, 20))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=saver, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert_totals_match(database)
    may = FigureService(database).period_figures(
        period=quarter(2018, 2), promise_ids=[ids["patrol"]], as_of=dt.date(2018, 6, 30)
    )
    assert may[ids["patrol"]].patrols == 36


def test_a_server_adds_its_changes_apart_and_a_fold_moves_them(
    database: Database, services: Services, ids: dict[str, str]
) -> None:
    """On a server a save adds rows to figure_total_change (no two writers update one row);
    a fold moves them into figure_total and the totals stay equal to a recount. SQLite
    updates figure_total at once."""
    count = text("SELECT count(*) FROM figure_total_change")
    services.patrols.add(data=shift_patrol(ids, dt.date(2018, 5, 8), 16, 7))
    services.patrols.add(data=shift_patrol(ids, dt.date(2018, 5, 9), 22, 3))
    with database.reading() as session:
        waiting = session.execute(count).scalar_one()
    on_server = database.engine.dialect.name == "postgresql"
    assert (waiting > 0) if on_server else (waiting == 0)
    assert_totals_match(database)
    with database.engine.begin() as connection:
        totals.fold(connection)
    with database.reading() as session:
        assert session.execute(count).scalar_one() == 0
        assert session.execute(text("SELECT count(*) FROM figure_total")).scalar_one() > 0
    assert_totals_match(database)


def test_a_version_5_file_gets_its_notes_counted(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    assert run_cli("demo-data", "--year", "2018", "--db", str(path)).returncode == 0
    with open_database(path) as db, db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        with connection.begin():
            command.downgrade(alembic_config(connection), "0005")
        connection.commit()
        noted = connection.exec_driver_sql(
            "SELECT count(*) FROM figure_total WHERE measure = 'noted'"
        ).scalar_one()
    assert read_header(path) == (APPLICATION_ID, 5) and noted == 0
    with open_database(path) as database:  # upgraded: the notes counted from the records
        assert read_header(path) == (APPLICATION_ID, SCHEMA_VERSION)
        with database.reading() as session:
            stored = totals.stored(session)
            with_notes = session.execute(
                text(
                    "SELECT (SELECT count(*) FROM patrol WHERE deleted_at IS NULL AND notes != '')"
                    " + (SELECT count(*) FROM volunteer_deployment"
                    "    WHERE deleted_at IS NULL AND notes != '')"
                    " + (SELECT count(*) FROM other_activity"
                    "    WHERE deleted_at IS NULL AND notes != '')"
                    " + (SELECT count(*) FROM drug_case WHERE deleted_at IS NULL"
                    "    AND (police_notes != '' OR municipal_notes != ''))"
                )
            ).scalar_one()
        assert with_notes > 0
        assert sum(v for (_, _, m), v in stored.items() if m == "noted") == with_notes
        assert_totals_match(database)


def test_a_new_records_totals_added_in_one_statement_equal_the_python_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On SQLite a new record's contribution is counted and added in one statement, whose
    # measures are read off `add_rows`: for every table with such a plan (all but drug cases,
    # whose days to contact name a measure by a value), the same totals as the Python way.
    from loften_app.storage.demo.common import DemoOptions
    from loften_app.storage.demo.fill import fill_demo_data
    from loften_app.storage.figure_sql import additive_tables

    made: dict[str, totals.Totals] = {}
    for way in ("one statement", "python"):
        if way == "python":
            monkeypatch.setattr(totals, "_add_in_sql", lambda *_: False)
        with open_database(tmp_path / f"{way}.db") as database:
            fill_demo_data(database, MUNICIPALITY, DemoOptions(year=2018, scale=1))
            assert_totals_match(database)
            with database.reading() as session:
                made[way] = totals.stored(session)
    assert made["one statement"] == made["python"]
    measures = {measure for _, _, measure in made["python"]}
    assert {"patrols", "deployments", "other_activities", "drug_cases"} <= measures
    planned = {
        table
        for table, width in totals._WIDTHS.items()
        if totals._linear_plan(table, width) is not None
    }
    assert planned == set(totals._WIDTHS) - {"drug_case"}
    assert (
        {"patrol", "volunteer_deployment", "other_activity", "drug_case"}
        <= set(totals._WIDTHS)
        <= set(additive_tables())
    )


def test_the_figures_of_many_records_by_id_are_read_by_their_primary_key(tmp_path: Path) -> None:
    # A bulk load or an import adds the figures of its records by id, a chunk of ids at a
    # time. With a long id list SQLite's planner took the (deleted_at, date) index instead of
    # the primary key and read every live record of the table for each chunk: loading grew
    # with the square of the file's size (scale 800 of demo-data 35 s, now 13 s).
    import sqlite3

    from loften_app.storage.figure_sql import IDS, SQLITE, additive_tables
    from loften_app.storage.totals import _ids_sql, figure_query

    path = tmp_path / "plans.db"
    with open_database(path):
        pass  # the schema every file has
    connection = sqlite3.connect(path)
    try:
        for table in additive_tables():
            for count in (1, 50, 500):
                sql = _ids_sql(figure_query(table, SQLITE, scope=IDS).text, count, SQLITE)
                plan = [
                    row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", ["x"] * count)
                ]
                reads = [step for step in plan if f" {table} " in f"{step} "]
                assert reads, (table, plan)
                assert all(f"sqlite_autoindex_{table}_1 (id=?)" in step for step in reads), (
                    table,
                    count,
                    plan,
                )
    finally:
        connection.close()
