"""Retention (gallring) of closed drug cases: figures stay, notes and exact dates go, in the
case and in its audit lines; recorded in the trail; a second run changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import text as sa_text

from loften_app.cli import build_parser, run
from loften_app.domain.enums import (
    Accepted,
    AgeGroup,
    CaseStatus,
    NotificationKind,
    SupportOffered,
)
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import DrugCaseData
from loften_app.storage import audit
from loften_app.storage.database import Database
from loften_app.storage.retention import months_before, run_retention
from loften_app.storage.services import Services
from tests.factories import drug_case_on as case
from tests.factories import period_figures as figures
from tests.storage.conftest import FixedClock

NOW = dt.datetime(2021, 9, 15, 8, 0, tzinfo=dt.UTC)


def closed_case(ids: dict[str, str], on: dt.date, closed: dt.date, **rest: Any) -> DrugCaseData:
    return dataclasses.replace(
        case(ids, on, 3),
        municipality_notified_on=on + dt.timedelta(days=1),
        notification_kind=NotificationKind.REPORT_OF_CONCERN,
        support_offered=SupportOffered.SSPF,
        accepted=Accepted.YES,
        status=CaseStatus.CLOSED,
        closed_on=closed,
        police_notes="Påträffad vid kontroll bakom stationen",
        municipal_notes="Samtal med vårdnadshavare",
        hours_spent=4.5,
        **rest,
    )


def test_months_before_handles_short_months_and_years() -> None:
    assert months_before(dt.date(2021, 9, 15), 36) == dt.date(2018, 9, 15)
    assert months_before(dt.date(2021, 3, 31), 1) == dt.date(2021, 2, 28)
    assert months_before(dt.date(2021, 1, 10), 13) == dt.date(2019, 12, 10)


def test_an_old_closed_case_keeps_its_figures_and_loses_notes_and_exact_dates(
    database: Database, services: Services, ids: dict[str, str], clock: FixedClock
) -> None:
    old = services.drug_cases.add(data=closed_case(ids, dt.date(2018, 2, 10), dt.date(2018, 5, 20)))
    recent = services.drug_cases.add(
        data=closed_case(ids, dt.date(2018, 11, 5), dt.date(2018, 12, 20))
    )
    ongoing = services.drug_cases.add(data=case(ids, dt.date(2018, 1, 17), 2))
    services.drug_cases.update(
        id=old.id,
        expected_version=1,
        data=dataclasses.replace(old.data, municipal_notes="Uppföljning i maj"),
    )
    before = {p.key: figures(services, ids, p) for p in (quarter(2018, 1), year(2018))}

    result = run_retention(database, now=NOW, months=36)

    assert result.cases == 1 and result.closed_before == dt.date(2018, 9, 15)
    kept = services.drug_cases.get(id=old.id)
    assert kept.data.police_notes == "" and kept.data.municipal_notes == ""
    assert kept.data.detected_on == dt.date(2018, 2, 1)
    assert kept.data.municipality_notified_on == dt.date(2018, 2, 2)
    assert kept.data.days_to_contact == 3
    assert kept.data.closed_on == dt.date(2018, 5, 11)
    assert (kept.data.age_group, kept.data.kind, kept.data.support_offered) == (
        AgeGroup.UNDER_18,
        old.data.kind,
        SupportOffered.SSPF,
    )
    assert kept.data.case_code == old.data.case_code and kept.data.hours_spent == 4.5
    assert kept.meta.version == 3
    assert services.drug_cases.get(id=recent.id).data.police_notes != ""
    assert services.drug_cases.get(id=ongoing.id).data.detected_on == dt.date(2018, 1, 17)
    after = {p.key: figures(services, ids, p) for p in (quarter(2018, 1), year(2018))}
    # Every figure stays; only the count of records with a note falls: its notes are gone.
    assert {k: dataclasses.replace(f, noted=0) for k, f in after.items()} == {
        k: dataclasses.replace(f, noted=0) for k, f in before.items()
    }
    assert [after[k].noted for k in after] == [before[k].noted - 1 for k in before]

    lines = audit.history(database, old.id)
    assert [line.action for line in lines] == ["add", "update", "retention"]
    text = repr([line.changes for line in lines])
    for secret in ("bakom stationen", "vårdnadshavare", "Uppföljning", "2018-02-10", "2018-05-20"):
        assert secret not in text
    assert lines[0].changes["police_notes"] == [None, audit.REDACTED]
    assert lines[0].changes["kind"] == [None, old.data.kind.value]  # figures stay readable
    assert lines[2].changes["detected_on"] == [audit.REDACTED, "2018-02-01"]
    with database.reading() as session:  # on either engine; every value as text
        rows = session.execute(
            sa_text("SELECT * FROM drug_case WHERE id = :id"), {"id": old.id}
        ).all()
        rows += session.execute(
            sa_text("SELECT * FROM audit_entry WHERE record_id = :id"), {"id": old.id}
        ).all()
    stored_text = repr([tuple(str(value) for value in row) for row in rows])
    assert "bakom stationen" not in stored_text and "2018-02-10" not in stored_text
    summary = [line for line in audit_lines(database) if line[0] == "retention" and line[1] is None]
    assert len(summary) == 1 and "1 ärenden" in summary[0][2]


def audit_lines(database: Database) -> list[tuple[Any, ...]]:
    with database.reading() as session:
        return [
            tuple(row)
            for row in session.execute(
                sa_text("SELECT action, record_id, note FROM audit_entry ORDER BY id")
            )
        ]


def test_a_second_run_changes_nothing_and_writes_nothing(
    database: Database, services: Services, ids: dict[str, str]
) -> None:
    services.drug_cases.add(data=closed_case(ids, dt.date(2018, 2, 10), dt.date(2018, 5, 20)))
    assert run_retention(database, now=NOW).cases == 1
    lines = audit_lines(database)
    assert run_retention(database, now=NOW + dt.timedelta(days=1)).cases == 0
    assert audit_lines(database) == lines


def test_deleted_cases_are_retained_too(
    database: Database, services: Services, ids: dict[str, str]
) -> None:
    stored = services.drug_cases.add(
        data=closed_case(ids, dt.date(2018, 2, 10), dt.date(2018, 5, 20))
    )
    services.drug_cases.delete(id=stored.id)
    assert run_retention(database, now=NOW).cases == 1
    assert services.drug_cases.get(id=stored.id).data.police_notes == ""


def test_status_works_on_a_retained_case(
    db_path: Path, services: Services, ids: dict[str, str], capsys: Any
) -> None:
    services.drug_cases.add(data=closed_case(ids, dt.date(2018, 2, 10), dt.date(2018, 5, 20)))
    status = ["--db", str(db_path), "status", "--year", "2018"]
    assert run(build_parser().parse_args(status)) == 0
    before = capsys.readouterr().out
    run_retention(services.database, now=NOW)
    assert run(build_parser().parse_args(status)) == 0
    assert capsys.readouterr().out == before
