"""Builders shared by test modules: records, schema files, in-process CLI runs.

A builder used by more than one test module lives here (test modules never import each other).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command

from loften_app.domain.enums import (
    Accepted,
    AgeGroup,
    CaseStatus,
    DrugCaseKind,
    NotificationKind,
    Organisation,
    PatrolMode,
    PromiseType,
    SupportOffered,
)
from loften_app.domain.periods import Period
from loften_app.domain.records import (
    Actor,
    AgreementData,
    DrugCaseData,
    PatrolData,
    ShopVisitData,
    Stored,
)
from loften_app.storage.database import (
    APPLICATION_ID,
    Database,
    alembic_config,
    open_database,
    read_header,
)
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.figures import FigureService, PromiseFigures
from loften_app.storage.template import apply_template
from tests.cli_runner import CliResult, run_cli
from tests.storage.conftest import MUNICIPALITY


def promise_of(services: Services, agreement: Stored[AgreementData], kind: PromiseType) -> str:
    return next(p.id for p in services.promises.for_agreement(agreement.id) if p.data.type is kind)


def place(services: Services, name: str) -> str:
    page = services.places.list_page(filter=RecordFilter(text=name))
    return next(p.id for p in page.items if p.data.name == name)


def patrol(ids: dict[str, Any], **changes: Any) -> PatrolData:
    data = PatrolData(
        promise_id=ids["patrol"],
        date=dt.date(2018, 3, 31),
        start_time=dt.time(21, 0),
        end_time=dt.time(2, 0),
        place_ids=(ids["centrum"], ids["torget"]),
        mode=PatrolMode.FOOT,
        officers=2,
        shop_visits=(
            ShopVisitData(shop_id=ids["shops"][0], note="Lugnt i butiken"),
            ShopVisitData(shop_id=ids["shops"][1], note="Ungdomar samlas vid entrén"),
        ),
        disturbances=1,
        visible_drug_use=2,
        hours_spent=6.5,
        notes="Rundor i centrum",
    )
    return dataclasses.replace(data, **changes)


def drug_case(ids: dict[str, Any], **changes: Any) -> DrugCaseData:
    data = DrugCaseData(
        promise_id=ids["drugs"],
        detected_on=dt.date(2018, 2, 10),
        age_group=AgeGroup.UNDER_18,
        kind=DrugCaseKind.OWN_USE,
        place_id=ids["torget"],
        municipality_notified_on=dt.date(2018, 2, 10),
        notification_kind=NotificationKind.REPORT_OF_CONCERN,
        first_contact_on=dt.date(2018, 2, 11),
        support_offered=SupportOffered.SSPF,
        accepted=Accepted.YES,
        status=CaseStatus.ONGOING,
        police_notes="Upptäckt vid kontroll",
    )
    return dataclasses.replace(data, **changes)


def period_figures(
    services: Services, ids: dict[str, str], period: Period, as_of: dt.date | None = None
) -> PromiseFigures:
    result = FigureService(services.database).period_figures(
        period=period, promise_ids=list(ids.values())[:4], as_of=as_of or period.end
    )
    return PromiseFigures.total(result.values())


def shift_patrol(ids: dict[str, str], on: dt.date, start: int, end: int, **rest: Any) -> PatrolData:
    return PatrolData(
        promise_id=ids["patrol"],
        date=on,
        start_time=dt.time(start),
        end_time=dt.time(end),
        place_ids=(ids["place"],),
        **rest,
    )


def drug_case_on(ids: dict[str, str], on: dt.date, contact_after: int | None, **rest: Any) -> Any:
    contact = None if contact_after is None else on + dt.timedelta(days=contact_after)
    values: dict[str, Any] = {
        "promise_id": ids["drugs"],
        "detected_on": on,
        "age_group": AgeGroup.UNDER_18,
        "kind": DrugCaseKind.OWN_USE,
        "first_contact_on": contact,
        "place_id": ids["place"],
    }
    values.update(rest)
    return DrugCaseData(**values)


def make_file_at(path: Path, revision: str, version: int) -> int:
    """A filled Löften file as schema `version` (Alembic `revision`) wrote it; returns how many
    promises it holds."""
    with open_database(path) as db:
        apply_template(Services.build(db, MUNICIPALITY), "filipstad-2017-2018")
        with db.engine.connect() as connection:
            # Table rebuilds must not cascade (as in storage.database._migrate).
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                command.downgrade(alembic_config(connection), revision)
            connection.commit()
            count = connection.exec_driver_sql("SELECT count(*) FROM promise").scalar()
    assert read_header(path) == (APPLICATION_ID, version)
    assert isinstance(count, int) and count > 0
    return count


def make_version_1_file(path: Path) -> int:
    return make_file_at(path, "0001", 1)


def run_cli_as_test_user(*args: str) -> CliResult:
    return run_cli(*args, env={"LOFTEN_USER": "cli-test"})


def demo_services_for(database: Database, organisation: Organisation) -> Services:
    """The 2018 demo data (seed 3) in `database`, saved by Anna of `organisation`."""
    actor = Actor("Anna", organisation)
    fill_demo_data(database, actor, DemoOptions(year=2018, seed=3))
    return Services.build(database, actor)


def current_promise(services: Services, today: dt.date | None, kind: PromiseType) -> str:
    """The id of the promise of `kind` in the agreement in force on `today` (now when None)."""
    agreement = services.agreements.current(today)
    assert agreement is not None
    return promise_of(services, agreement, kind)


def disk_full_error() -> sqlite3.OperationalError:
    """The error SQLite raises when the disk is full (with its result code, which the storage
    layer classifies by, as a real one carries)."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    return error
