"""docs/figures.md against a real file: shifts count whole with their record, every figure
adds up (quarters to the year, the year to the export), targets are judged per quarter or year,
and `loften status` says so for the demo year."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain import shifts
from loften_app.domain.enums import Measure, Organisation, PromiseType
from loften_app.domain.periods import Period, quarter, quarters_in, year
from loften_app.domain.records import Actor, PatrolData
from loften_app.domain.targets import TargetStatus
from loften_app.reports.exports import SHEETS
from loften_app.reports.follow_up import follow_up_report
from loften_app.reports.quarterly import quarterly_report
from loften_app.reports.tracking import render_status, status_report
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from loften_app.storage.services.figures import PromiseFigures
from loften_app.storage.services.report_queries import ReportQueries
from tests.factories import current_promise

ACTOR = Actor("trygghetssamordnare", Organisation.MUNICIPALITY)
AFTER = dt.date(2019, 2, 1)


@pytest.fixture(scope="module")
def demo(
    db_engine: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Services]:
    """A demo year, as an SQLite file or on the test PostgreSQL server (once per engine)."""
    target: Path | str = (
        tmp_path_factory.mktemp("rules") / "demo.db"
        if db_engine == "sqlite"
        else request.getfixturevalue("pg_module_url")
    )
    with open_database(target) as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2018))
        yield Services.build(database, ACTOR)


def figures(services: Services, period: Period) -> PromiseFigures:
    report = status_report(services, period=period, today=AFTER)
    return PromiseFigures.total(p.figures for p in report.promises)


def test_status_2018_says_which_quarters_missed(demo: Services) -> None:
    text = render_status(status_report(demo, period=year(2018), today=AFTER))
    for target in ("timmar polisiär närvaro kväll och natt per kvartal", "butiksbesök per kvartal"):
        line = next(x for x in text.splitlines() if target in x)
        assert re.search(r"\bej uppfyllt\s+[0-3] av 4 kvartal med minst", line), line


def test_per_quarter_targets_over_the_year_agree_with_the_quarters(demo: Services) -> None:
    of_year = status_report(demo, period=year(2018), today=AFTER)
    for promise in of_year.promises:
        for result in promise.targets:
            if result.target.data.period.value != "quarter":
                continue
            met_quarters = 0
            for q in quarters_in(year(2018)):
                alone = status_report(demo, period=q, today=AFTER)
                same = next(
                    t for p in alone.promises for t in p.targets if t.target.id == result.target.id
                )
                assert same.status in (TargetStatus.MET, TargetStatus.MISSED)
                met_quarters += same.status is TargetStatus.MET
            assert result.parts_met == (met_quarters, 4)
            expected = TargetStatus.MET if met_quarters == 4 else TargetStatus.MISSED
            assert result.status is expected


def test_the_quarters_add_up_to_the_year_and_to_the_export(demo: Services) -> None:
    whole = figures(demo, year(2018))
    parts = [figures(demo, q) for q in quarters_in(year(2018))]
    for name in ("patrols", "shop_visits", "deployments", "drug_cases", "walks_completed"):
        assert sum(getattr(p, name) for p in parts) == getattr(whole, name), name
    for name in ("patrol_hours", "patrol_hours_evening_night", "volunteer_hours", "hours_spent"):
        assert sum(getattr(p, name) for p in parts) == pytest.approx(getattr(whole, name)), name
    patrol = next(sheet for sheet in SHEETS if sheet.key == "patrol")
    rows = list(ReportQueries(demo.database).export_query(patrol.query, period=year(2018)))
    assert len(rows) == whole.patrols
    assert sum(r[5] for r in rows) == pytest.approx(whole.patrol_hours)
    assert sum(r[9] for r in rows) == whole.shop_visits
    night = sum(
        shifts.evening_night_hours(
            # Raw values: ISO text from SQLite, dates and times from PostgreSQL.
            dt.date.fromisoformat(str(r[2])),
            dt.time.fromisoformat(str(r[3])),
            dt.time.fromisoformat(str(r[4])),
        )
        for r in rows
    )
    assert night == pytest.approx(whole.patrol_hours_evening_night)
    # The quarterly reports' own columns add up too.
    reports = [
        quarterly_report(demo, quarter(2018, n), made_by="x", today=AFTER) for n in (1, 2, 3, 4)
    ]
    patrol_sections = [next(p for p in r.promises if p.type is PromiseType.PATROL) for r in reports]
    assert sum(s.quarter.patrol_hours for s in patrol_sections) == pytest.approx(
        patrol_sections[-1].year_to_date.patrol_hours
    )


def test_a_new_years_eve_patrol_keeps_all_its_hours_in_the_follow_up(tmp_path: Path) -> None:
    with open_database(tmp_path / "nyar.db") as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2018))
        services = Services.build(database, ACTOR)
        before = follow_up_report(services, made_by="x", today=AFTER)
        patrol_id = current_promise(services, None, PromiseType.PATROL)
        sample = next(
            p for p in services.patrols.list_page(limit=1).items if p.data.promise_id == patrol_id
        )
        services.patrols.add(
            data=dataclasses.replace(
                sample.data,
                date=dt.date(2018, 12, 31),
                start_time=dt.time(22),
                end_time=dt.time(4),
                shop_visits=(),
            )
        )
        after = follow_up_report(services, made_by="x", today=AFTER)
        b, a = before.promises[0].figures, after.promises[0].figures
        assert a.patrols == b.patrols + 1
        assert a.patrol_hours == pytest.approx(b.patrol_hours + 6)
        assert a.patrol_hours_evening_night == pytest.approx(b.patrol_hours_evening_night + 6)
        assert isinstance(sample.data, PatrolData)


def test_the_quarterly_reports_year_status_is_judged_per_quarter(demo: Services) -> None:
    for n in (2, 4):
        report = quarterly_report(demo, quarter(2018, n), made_by="x", today=AFTER)
        patrols = next(p for p in report.promises if p.type is PromiseType.PATROL)
        evening = next(t for t in patrols.targets if "kväll och natt per kvartal" in t.description)
        of_year = status_report(
            demo, period=Period(year(2018).start, quarter(2018, n).end), today=AFTER
        )
        same = next(
            t
            for t in of_year.promises[0].targets
            if t.target.data.measure is Measure.PATROL_HOURS_EVENING_NIGHT
        )
        assert evening.ytd_status_text == same.status_text
