"""The quarterly report is a summary for a steering group at any size of file: each list is cut
(`LIST_LIMIT`, walks at `WALK_LIMIT`) and says exactly how many more there are, counted here
straight from the records through the services (the report counts notes from the stored
totals and the open cases from the figures)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import PromiseType
from loften_app.domain.periods import Period
from loften_app.domain.records import SafetyWalkData
from loften_app.reports.documents import ReportKind, ReportRequest, write_report
from loften_app.reports.quarterly import LIST_LIMIT, WALK_LIMIT, quarterly_report
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from loften_app.storage.services.report_queries import ReportQueries
from tests.reports.conftest import ACTOR, pdf_text
from tests.reports.report_data import AFTER, Q3, all_records


@pytest.fixture(scope="module")
def larger(
    db_engine: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Services]:
    """A year of demo data at twenty times the real size: every list is longer than its limit."""
    target: Path | str = (
        tmp_path_factory.mktemp("larger") / "larger.db"
        if db_engine == "sqlite"
        else request.getfixturevalue("pg_module_url")
    )
    with open_database(target) as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2018, scale=20))
        services = Services.build(database, ACTOR)
        agreement = services.agreements.current()
        assert agreement is not None
        walks = next(
            p
            for p in services.promises.for_agreement(agreement.id)
            if p.data.type is PromiseType.SAFETY_WALK
        )
        # Walks planned through the quarter (the demo has few), some with a note.
        for day in range(12):
            services.safety_walks.add(
                data=SafetyWalkData(
                    promise_id=walks.id,
                    date=dt.date(2018, 7, 5) + dt.timedelta(days=7 * day),
                    notes="Samling vid biblioteket." if day % 2 else "",
                )
            )
        yield services


def notes_in(s: Services, period: Period) -> int:
    """Records dated in `period` with a note (a drug case: either part's)."""
    count = sum(
        1
        for service in (
            s.patrols,
            s.safety_walks,
            s.volunteer_deployments,
            s.other_activities,
            s.of_kind("neighbourhood_watch"),
        )
        for r in all_records(service, period)
        if r.data.notes
    )
    return count + sum(
        1
        for c in all_records(s.drug_cases, period)
        if c.data.police_notes or c.data.municipal_notes
    )


@pytest.mark.parametrize("today", [AFTER, dt.date(2018, 8, 15)], ids=["after", "within"])
def test_every_list_is_cut_and_counts_exactly_how_many_more(
    larger: Services, tmp_path: Path, today: dt.date
) -> None:
    s = larger
    report = quarterly_report(s, Q3, made_by="x", today=today)
    walks = all_records(s.safety_walks, Q3)
    cases = all_records(s.drug_cases, Q3)
    open_cases = [c for c in cases if c.data.first_contact_on is None]
    notes = notes_in(s, Q3)
    # Every list is longer than its limit here, so each one is cut.
    assert len(walks) > WALK_LIMIT and min(len(open_cases), notes) > LIST_LIMIT
    assert report.walk_count == len(walks) and len(report.walks) == WALK_LIMIT
    assert report.note_count == notes and len(report.notes) == LIST_LIMIT
    assert report.drugs.open_count == len(open_cases)
    assert len(report.drugs.open_cases) == LIST_LIMIT
    agreement = s.agreements.current()
    assert agreement is not None
    ids = [p.id for p in s.promises.for_agreement(agreement.id)]
    overdue = ReportQueries(s.database).count_overdue_actions(ref=report.as_of, promise_ids=ids)
    assert report.overdue_count == overdue and len(report.overdue) == LIST_LIMIT < overdue
    # The cut list is summed up per owner, all of them counted.
    assert sum(n for _, n in report.overdue_by_owner) == overdue

    out = write_report(
        s,
        ReportRequest(ReportKind.QUARTERLY, quarter=Q3),
        tmp_path / "q.pdf",
        made_by="x",
        today=today,
    )
    text = pdf_text(out)
    assert f"Ytterligare {notes - LIST_LIMIT} anteckningar visas inte här" in text
    assert f"Ytterligare {len(walks) - WALK_LIMIT} trygghetsvandringar" in text
    assert f"Ytterligare {len(open_cases) - LIST_LIMIT} ärenden utan kommunal kontakt" in text
    assert f"Ytterligare {overdue - LIST_LIMIT} försenade åtgärder" in text
    owner, most = report.overdue_by_owner[0]
    assert f"Försenade åtgärder per ansvarig Antal {owner} {most}" in text
