"""The audit trail: every add, update, delete and undelete leaves one line, in the same
transaction, with each changed field's old and new value; the lines cannot be changed."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from loften_app.domain.enums import PromiseType
from loften_app.domain.errors import ValidationError
from loften_app.domain.records import (
    AgreementData,
    IndicatorData,
    IndicatorValueData,
    ShopData,
    Stored,
)
from loften_app.storage import audit
from loften_app.storage.database import Database
from loften_app.storage.errors import StaleRecordError
from loften_app.storage.server.errors import NotAllowedError
from loften_app.storage.services import Services
from tests.factories import drug_case, patrol, place, promise_of
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock


@pytest.fixture
def refs(services: Services, agreement: Stored[AgreementData]) -> dict[str, Any]:
    shops = [
        services.shops.add(data=ShopData(name=name, kind="livsmedel")).id
        for name in ("Torgbutiken", "Kiosken")
    ]
    return {
        "patrol": promise_of(services, agreement, PromiseType.PATROL),
        "drugs": promise_of(services, agreement, PromiseType.DRUGS),
        "centrum": place(services, "Centrum"),
        "torget": place(services, "Stora torget"),
        "shops": shops,
    }


def audit_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM audit_entry").fetchone()
    return int(count)


def test_add_update_delete_undelete_each_leave_one_line_with_old_and_new_values(
    database: Database, services: Services, refs: dict[str, Any], clock: FixedClock
) -> None:
    added = services.patrols.add(data=patrol(refs))
    clock.advance(hours=1)
    changed = services.patrols.update(
        id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=3)
    )
    clock.advance(hours=1)
    services.patrols.delete(id=added.id, expected_version=changed.version)
    clock.advance(hours=1)
    services.patrols.undelete(id=added.id)

    lines = audit.history(database, added.id)
    assert [line.action for line in lines] == ["add", "update", "delete", "undelete"]
    first, second, third, fourth = lines
    assert first.actor == MUNICIPALITY.name and first.organisation == "municipality"
    assert first.record_type == "patrol"
    assert first.at == clock.now - dt.timedelta(hours=3)
    assert first.changes["officers"] == [None, 2]
    assert first.changes["date"] == [None, "2018-03-31"]
    assert first.changes["mode"] == [None, "foot"]
    assert first.changes["notes"] == [None, "Rundor i centrum"]
    assert [v["note"] for v in first.changes["shop_visits"][1]] == [
        "Lugnt i butiken",
        "Ungdomar samlas vid entrén",
    ]
    assert second.changes == {"officers": [2, 3]}
    assert second.at == clock.now - dt.timedelta(hours=2)
    assert list(third.changes) == ["deleted_at"] and third.changes["deleted_at"][0] is None
    assert fourth.changes["deleted_at"][1] is None
    assert first.action_label == "Skapad"


def test_a_changed_child_row_is_recorded_with_the_whole_old_and_new_list(
    database: Database, services: Services, refs: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(refs))
    visits = added.data.shop_visits
    new_visits = (dataclasses.replace(visits[0], note="Stökigt"), visits[1])
    services.patrols.update(
        id=added.id,
        expected_version=1,
        data=dataclasses.replace(added.data, shop_visits=new_visits),
    )
    change = audit.history(database, added.id)[-1].changes
    assert list(change) == ["shop_visits"]
    old, new = change["shop_visits"]
    assert [v["note"] for v in old] == ["Lugnt i butiken", "Ungdomar samlas vid entrén"]
    assert [v["note"] for v in new] == ["Stökigt", "Ungdomar samlas vid entrén"]


def test_a_refused_save_leaves_no_audit_line(
    db_path: Path, services: Services, police_services: Services, refs: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(refs))
    police_services.patrols.update(
        id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=4)
    )
    before = audit_count(db_path)
    with pytest.raises(StaleRecordError):
        services.patrols.update(
            id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=5)
        )
    with pytest.raises(ValidationError):
        services.patrols.add(data=patrol(refs, officers=-1))
    assert audit_count(db_path) == before
    lines = audit.history(services.database, added.id)
    assert lines[-1].actor == POLICE.name and lines[-1].organisation == "police"
    assert lines[-1].changes == {"officers": [2, 4]}


def test_an_indicator_saved_with_its_values_records_each_record(
    database: Database, services: Services
) -> None:
    indicator, values = services.indicators.save_with_values(
        id=None,
        expected_version=None,
        data=IndicatorData(name="Upplevd trygghet", source="Enkät"),
        values=[
            (None, IndicatorValueData(indicator_id="", period_key="2018-Q1", value=3.0)),
            (None, IndicatorValueData(indicator_id="", period_key="2018-Q2", value=4.0)),
        ],
    )
    assert [line.action for line in audit.history(database, indicator.id)] == ["add"]
    q1, q2 = values
    services.indicators.save_with_values(
        id=indicator.id,
        expected_version=indicator.version,
        data=indicator.data,
        values=[(q1.id, dataclasses.replace(q1.data, value=3.5))],
    )
    assert audit.history(database, q1.id)[-1].changes == {"value": [3.0, 3.5]}
    assert audit.history(database, q2.id)[-1].action == "delete"
    assert audit.history(database, indicator.id)[-1].action == "update"


def test_the_trail_cannot_be_changed_through_a_session(
    database: Database, services: Services, refs: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(refs))
    for sql in ("UPDATE audit_entry SET actor = 'någon annan'", "DELETE FROM audit_entry"):
        with (
            # SQLite's trigger aborts (IntegrityError); PostgreSQL's is classified for the user.
            pytest.raises(
                (sa_exc.IntegrityError, NotAllowedError), match=r"cannot be changed|kan inte ändras"
            ),
            database.writing() as session,
        ):
            session.execute(text(sql))
    assert audit.history(database, added.id)[0].actor == MUNICIPALITY.name


def test_drug_case_lines_can_only_have_their_values_redacted(
    db_path: Path, services: Services, refs: dict[str, Any]
) -> None:
    case = services.drug_cases.add(data=drug_case(refs))
    with sqlite3.connect(db_path) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
            connection.execute(
                "UPDATE audit_entry SET changes = '{}', actor = 'x' WHERE record_id = ?",
                (case.id,),
            )
        connection.execute("UPDATE audit_entry SET changes = '{}' WHERE record_id = ?", (case.id,))


def test_the_whole_trail_exports_to_an_owner_only_csv(
    database: Database, services: Services, refs: dict[str, Any], tmp_path: Path
) -> None:
    added = services.patrols.add(data=patrol(refs, notes='Åska, ö och "citat"'))
    services.patrols.delete(id=added.id)
    out = tmp_path / "granskning.csv"
    count = audit.export_csv(database, out)
    with database.reading() as session:
        assert count == session.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert tuple(rows[0]) == audit.CSV_HEADER
    assert len(rows) == count + 1
    mine = [row for row in rows if row[6] == added.id]
    assert [row[4] for row in mine] == ["Skapad", "Borttagen"]
    assert 'Åska, ö och \\"citat\\"' in mine[0][7]
    assert not list(tmp_path.glob("*.part"))


def test_lines_written_together_are_the_lines_written_one_by_one(
    database: Database, services: Services, refs: dict[str, Any], clock: FixedClock
) -> None:
    """`record_many` (an import's lines, in one statement) writes exactly what `record` writes
    for each record, and each line shows in its record's history."""
    first = services.patrols.add(data=patrol(refs)).data
    second = dataclasses.replace(first, notes="Lugnt", officers=3)
    lines = [("patrol", "id-1", audit.added(first)), ("patrol", "id-2", audit.diff(first, second))]
    with database.writing() as session:
        for record_type, record_id, changes in lines:
            audit.record(
                session,
                at=clock(),
                actor=POLICE,
                action=audit.IMPORT,
                record_type=record_type,
                record_id=record_id,
                changes=changes,
                note="paket A",
            )
        audit.record_many(
            session, at=clock(), actor=POLICE, action=audit.IMPORT, lines=lines, note="paket A"
        )
    columns = "at, actor, organisation, action, record_type, record_id, changes, note"
    with database.reading() as session:
        rows = [
            tuple(row)
            for row in session.execute(
                text(f"SELECT {columns} FROM audit_entry WHERE action = 'import' ORDER BY id")
            )
        ]
    assert len(rows) == 4 and rows[:2] == rows[2:]
    (entry, _again) = audit.history(database, "id-2")
    assert entry.action_label == "Importerad" and entry.note == "paket A"
    assert entry.changes == {"officers": [first.officers, 3], "notes": [first.notes, "Lugnt"]}


def _every_data_class() -> list[type]:
    from loften_app.storage.exchange.types import RECORD_TYPES

    return [record_type.data_class for record_type in RECORD_TYPES]


@pytest.mark.parametrize("data_class", _every_data_class(), ids=lambda c: c.__name__)
def test_a_new_records_audit_json_is_what_the_encoder_writes(data_class: type) -> None:
    """`added_json` (written directly, for saves and imports) gives the very text of
    `to_json(added(data))` for every kind of record, whatever its values: any text (quotes,
    control characters, non-ASCII), numbers (not finite ones too), dates, times, enums, child
    rows, empty values left out."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from loften_app.domain.enums import Organisation

    def every_field(cls: type) -> st.SearchStrategy[Any]:
        """`cls` with a value drawn for every field (its defaults too), child rows alike."""
        import typing

        hints = typing.get_type_hints(cls)

        def strategy(hint: Any) -> st.SearchStrategy[Any]:
            if dataclasses.is_dataclass(hint):
                return every_field(hint)  # type: ignore[arg-type]
            if typing.get_origin(hint) is tuple and dataclasses.is_dataclass(
                typing.get_args(hint)[0]
            ):
                return st.lists(every_field(typing.get_args(hint)[0]), max_size=3).map(tuple)
            return st.from_type(hint)

        fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(cls)}
        return st.builds(cls, **fields)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(every_field(data_class))
    def check(data: object) -> None:
        assert audit.added_json(data) == audit.to_json(audit.added(data))

    check()
    # A text subclass and a bool among ints, as the encoder writes them.
    assert audit._encoded(Organisation.POLICE) == '"police"'
    assert audit._encoded(True) == "true" and audit._encoded((1, False)) == "[1,false]"
