"""The target engine and `loften status` on demo data in a real file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import Comparison, Measure, Organisation, PromiseType, TargetPeriod
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import Actor, TargetData
from loften_app.domain.targets import TargetStatus
from loften_app.reports.tracking import StatusReport, TargetResult, render_status, status_report
from loften_app.storage.database import Database, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from tests.cli_runner import run_cli as loften

ACTOR = Actor("trygghetssamordnare", Organisation.MUNICIPALITY)


@pytest.fixture
def demo(db_engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A demo year, as an SQLite file or on the test PostgreSQL server (once per engine)."""
    target: Path | str = (
        tmp_path / "demo.db" if db_engine == "sqlite" else request.getfixturevalue("pg_url")
    )
    with open_database(target) as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2018))
        yield database


def promise_id(services: Services, kind: PromiseType) -> str:
    agreement = services.agreements.current()
    assert agreement is not None
    return next(p.id for p in services.promises.for_agreement(agreement.id) if p.data.type is kind)


def walk_target(report: StatusReport) -> TargetResult:
    return next(
        t for t in report.promises[1].targets if t.target.data.measure is Measure.WALKS_COMPLETED
    )


def test_the_walk_target_is_met_for_2018_and_on_track_with_a_planned_walk(demo: Database) -> None:
    services = Services.build(demo, ACTOR)
    report = status_report(services, period=year(2018), today=dt.date(2019, 2, 1))
    assert [p.promise.data.number for p in report.promises] == [1, 2, 3, 4]
    walks = walk_target(report)
    assert walks.description == "minst 2 genomförda trygghetsvandringar per år"
    assert (walks.actual, walks.status) == (2, TargetStatus.MET)
    # Viewed in the autumn, the October walk is not done yet: the planned one is the forecast.
    autumn = status_report(services, period=quarter(2018, 3), today=dt.date(2018, 9, 1))
    walks = walk_target(autumn)
    assert walks.actual == 1
    assert walks.forecast.planned >= 1


def test_every_measure_gives_a_value_or_no_data(demo: Database) -> None:
    services = Services.build(demo, ACTOR)
    drugs = promise_id(services, PromiseType.DRUGS)
    for measure in Measure:
        services.targets.add(
            data=TargetData(
                promise_id=drugs,
                measure=measure,
                comparison=Comparison.AT_LEAST,
                value=1,
                period=TargetPeriod.QUARTER,
                parameter=3 if measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS else None,
            )
        )
    report = status_report(services, period=quarter(2018, 2), today=dt.date(2018, 5, 15))
    results = {t.target.data.measure: t for t in report.promises[3].targets}
    assert set(results) == set(Measure)
    assert results[Measure.DRUG_CASES].actual == report.promises[3].figures.drug_cases
    # A drug promise has no volunteers of its own: a share of nothing is no data.
    assert results[Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY].status is TargetStatus.NO_DATA
    assert results[Measure.DRUG_SHARE_NOTIFIED].actual is not None
    text = render_status(report)
    assert "andel ärenden med kommunal kontakt inom 3 dagar" in text
    assert "saknar data" in text


def test_an_empty_file_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "tom.db"
    with open_database(path) as database:
        from loften_app.domain.errors import LoftenError

        with pytest.raises(LoftenError, match="ingen överenskommelse"):
            status_report(Services.build(database, ACTOR))


def test_status_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert loften("demo-data", "--db", str(path), "--year", "2018").returncode == 0
    result = loften("status", "--db", str(path), "--year", "2018")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for title in (
        "1. Polisiär närvaro och butiksbesök (Polisen)",
        "2. Trygghetsvandringar (Kommunen)",
        "3. Polisvolontärer (Polisen)",
        "4. Narkotika: upptäckt, lagföring, uppföljning och vård (Polisen och kommunen)",
    ):
        assert title in out
    line = next(x for x in out.splitlines() if "minst 2 genomförda trygghetsvandringar" in x)
    assert re.search(r"trygghetsvandringar per år\s+2\s+uppfyllt\s", line), line
    for figure in ("Butiksbesök", "varav kväll och natt", "Volontärtimmar", "Narkotikaärenden"):
        assert figure in out
    quarter_run = loften("status", "--db", str(path), "--quarter", "2018-Q3")
    assert quarter_run.returncode == 0, quarter_run.stderr
    assert "2018 kv 3" in quarter_run.stdout
    bad = loften("status", "--db", str(path), "--quarter", "2018-Q5")
    assert bad.returncode == 1
    assert "Okänd period" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = loften("status", "--db", str(tmp_path / "saknas.db"))
    assert missing.returncode == 1
    assert not (tmp_path / "saknas.db").exists()


def test_the_windows_read_together_give_what_each_read_alone_gives(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine asks for every window at once, the walk actions only where a figure of them
    is shown or judged: the same report as every window read alone with all its figures."""
    services = Services.build(demo, ACTOR)
    walks = promise_id(services, PromiseType.SAFETY_WALK)
    for measure in (Measure.ACTIONS_OPEN, Measure.ACTIONS_OVERDUE, Measure.WALKS_COMPLETED):
        for period in (TargetPeriod.QUARTER, TargetPeriod.YEAR):
            services.targets.add(
                data=TargetData(
                    promise_id=walks,
                    measure=measure,
                    comparison=Comparison.AT_MOST,
                    value=3,
                    period=period,
                )
            )
    cases = [(year(2018), dt.date(2018, 11, 20)), (quarter(2018, 4), dt.date(2019, 1, 5))]
    together = [status_report(services, period=p, today=today) for p, today in cases]

    figures = type(services.figures)
    original = figures.many_figures

    def alone(self, requests, *, promise_ids, as_of, actions=None):  # type: ignore[no-untyped-def]
        fresh = figures(demo)  # nothing cached, every figure of every window
        return [
            original(fresh, [request], promise_ids=promise_ids, as_of=as_of)[0]
            for request in requests
        ]

    monkeypatch.setattr(figures, "many_figures", alone)
    apart = [status_report(services, period=p, today=today) for p, today in cases]
    assert together == apart
    opened = [
        t for t in together[0].promises[1].targets if t.target.data.measure.name == "ACTIONS_OPEN"
    ]
    assert opened and all(t.actual is not None for t in opened)
