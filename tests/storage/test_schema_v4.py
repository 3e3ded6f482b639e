"""Schema version 4: grannsamverkan (its meetings, their places, its promise type and target
measures); a version-3 file upgrades after a backup and keeps its records."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from loften_app.domain.enums import Comparison, Measure, PromiseType, Responsible, TargetPeriod
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.domain.records import PromiseData, TargetData
from loften_app.storage.database import APPLICATION_ID, SCHEMA_VERSION, open_database, read_header
from loften_app.storage.services import RecordFilter, Services
from tests.factories import make_file_at
from tests.storage.conftest import MUNICIPALITY


def test_schema_version_is_four_or_later() -> None:
    assert SCHEMA_VERSION >= 4


def test_a_version_3_file_upgrades_with_a_backup_and_takes_grannsamverkan(db_path: Path) -> None:
    promises = make_file_at(db_path, "0003", 3)
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "neighbourhood_watch" not in tables
    with open_database(db_path) as db:
        services = Services.build(db, MUNICIPALITY)
        agreement = services.agreements.current()
        assert agreement is not None
        assert len(services.promises.for_agreement(agreement.id)) == promises
        promise = services.promises.add(
            data=PromiseData(
                agreement_id=agreement.id,
                number=promises + 1,
                text="Vi ska starta grannsamverkan i fler bostadsområden.",
                short_title="Grannsamverkan",
                responsible=Responsible.BOTH,
                type=PromiseType.NEIGHBOURHOOD_WATCH,
            )
        )
        services.targets.add(
            data=TargetData(
                promise_id=promise.id,
                measure=Measure.NEW_GROUPS,
                comparison=Comparison.AT_LEAST,
                value=3,
                period=TargetPeriod.YEAR,
            )
        )
        place = services.places.list_page(filter=RecordFilter(text="Centrum")).items[0].id
        meeting = services.of_kind("neighbourhood_watch").add(
            data=NeighbourhoodWatchData(
                promise_id=promise.id,
                date=dt.date(2018, 3, 14),
                place_ids=(place,),
                households_reached=40,
                new_groups=2,
                participants=25,
                with_police=True,
                with_landlord=True,
            )
        )
        assert services.of_kind("neighbourhood_watch").get(id=meeting.id).data == meeting.data
    assert read_header(db_path) == (APPLICATION_ID, SCHEMA_VERSION)
    (backup,) = (db_path.parent / "backups").glob("*before-upgrade-v3*.bak")
    assert read_header(backup) == (APPLICATION_ID, 3)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM promise").fetchone() == (promises + 1,)
