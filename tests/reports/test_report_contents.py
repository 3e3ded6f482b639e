"""The reports hold what they promise: notes and case codes in the internal quarterly report,
other activities in both reports, a column per year in the follow-up, planned against spent
time, and the layout fixes (one "Ansvarig", cells broken only at spaces and slashes, no drug
caption in public, medians in days)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import Organisation, PromiseType
from loften_app.domain.periods import quarter
from loften_app.domain.records import Actor, OtherActivityData
from loften_app.reports.documents import ReportKind, ReportRequest, write_report
from loften_app.reports.follow_up import follow_up_report
from loften_app.reports.pdf.base import Styles, cell_paragraph
from loften_app.reports.quarterly import quarterly_report
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from tests.reports.conftest import pdf_text

ACTOR = Actor("Per Persson", Organisation.POLICE)
Q3 = quarter(2018, 3)
AFTER = dt.date(2019, 2, 1)
OTHER_WHAT = "Föräldramöte om narkotika på Skillerskolan"
PATROL_NOTE = "Lugnt på torget, samtal med butiksägare om klotter."


@pytest.fixture(scope="module")
def services(
    db_engine: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Services]:
    """A demo year, as an SQLite file or on the test PostgreSQL server (once per engine)."""
    target: Path | str = (
        tmp_path_factory.mktemp("contents") / "demo.db"
        if db_engine == "sqlite"
        else request.getfixturevalue("pg_module_url")
    )
    with open_database(target) as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2018))
        s = Services.build(database, ACTOR)
        agreement = s.agreements.current()
        assert agreement is not None
        promises = s.promises.for_agreement(agreement.id)
        patrol = next(p for p in promises if p.data.type is PromiseType.PATROL)
        s.promises.update(
            id=patrol.id,
            expected_version=patrol.version,
            data=dataclasses.replace(patrol.data, planned_hours=400.0),
        )
        drugs = next(p for p in promises if p.data.type is PromiseType.DRUGS)
        s.other_activities.add(
            data=OtherActivityData(
                promise_id=drugs.id,
                date=dt.date(2018, 8, 14),
                what=OTHER_WHAT,
                count=35,
                hours_spent=4.0,
            )
        )
        first = next(p for p in s.patrols.list_page(limit=500).items if Q3.contains(p.data.date))
        s.patrols.update(
            id=first.id,
            expected_version=first.version,
            data=dataclasses.replace(first.data, notes=PATROL_NOTE),
        )
        yield s


def made(services: Services, tmp_path: Path, kind: ReportKind, *, public: bool) -> tuple[Path, str]:
    out = tmp_path / f"{kind}-{public}.pdf"
    write_report(
        services,
        ReportRequest(kind, public=public, quarter=Q3 if kind is ReportKind.QUARTERLY else None),
        out,
        made_by=ACTOR.name,
        today=AFTER,
    )
    return out, pdf_text(out)


def test_the_internal_quarterly_report_lists_notes_and_case_codes(
    services: Services, tmp_path: Path
) -> None:
    report = quarterly_report(services, Q3, made_by="x", today=AFTER)
    assert len(report.cases) == report.drugs.cases > 0
    path, text = made(services, tmp_path, ReportKind.QUARTERLY, public=False)
    for case in report.cases:
        assert case.case_code in text
    assert PATROL_NOTE in text
    assert report.note_count >= 1 and "Anteckningar 2018 kv 3" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # internal: owner only
    _, public = made(services, tmp_path, ReportKind.QUARTERLY, public=True)
    assert PATROL_NOTE not in public and "Anteckningar" not in public
    assert not re.search(r"N-\d{4}-\d{3}", public)


def test_other_activities_are_in_both_reports(services: Services, tmp_path: Path) -> None:
    _, internal = made(services, tmp_path, ReportKind.QUARTERLY, public=False)
    _, public = made(services, tmp_path, ReportKind.QUARTERLY, public=True)
    assert "Övriga aktiviteter 2018 kv 3" in internal and OTHER_WHAT in internal
    assert "Övriga aktiviteter 2018 kv 3" in public and OTHER_WHAT not in public  # free text
    assert re.search(r"2018-08-14 4 35 4 h", public)
    follow_up = follow_up_report(services, made_by="x", today=AFTER, public=True)
    drugs = next(p for p in follow_up.promises if p.type is PromiseType.DRUGS)
    assert drugs.figures.other_activities >= 1
    patrols = follow_up.promises[0]
    assert any(name == "Övriga aktiviteter" for name, _, _ in patrols.figure_table) == (
        patrols.figures.other_activities > 0
    )


def test_the_follow_up_has_a_column_per_year_that_adds_up(services: Services) -> None:
    report = follow_up_report(services, made_by="x", today=AFTER)
    for p in report.promises:
        assert p.year_labels == ("2017", "2018")
    patrols = report.promises[0]
    row = next(r for r in patrols.figure_table if r[0] == "Patrullpass")
    assert [int(v) for v in row[1]] == [0, patrols.figures.patrols]
    assert int(row[2]) == patrols.figures.patrols
    public = follow_up_report(services, made_by="x", today=AFTER, public=True)
    drugs = next(p for p in public.promises if p.type is PromiseType.DRUGS)
    assert drugs.year_labels == ()  # public drug figures: the whole period only


def test_planned_time_against_spent_in_both_reports(services: Services, tmp_path: Path) -> None:
    report = quarterly_report(services, Q3, made_by="x", today=AFTER)
    q, ytd, per_year = report.planned[0]
    assert per_year == 400
    assert q == pytest.approx(400 * 92 / 365)
    assert ytd == pytest.approx(400 * 273 / 365)
    assert report.planned[1] == (None, None, None)  # no plan set
    _, text = made(services, tmp_path, ReportKind.QUARTERLY, public=False)
    assert "Nedlagd tid mot planerad tid" in text and "Planerat per år" in text
    follow_up = follow_up_report(services, made_by="x", today=AFTER)
    patrols = follow_up.promises[0]
    assert patrols.planned_by_year == (400, 400) and patrols.planned_total == 800
    assert ("Planerad tid", ("400 h", "400 h"), "800 h") in patrols.figure_table
    _, text = made(services, tmp_path, ReportKind.FOLLOW_UP, public=True)
    assert "Nedlagd tid mot planerad tid" in text
    spent = patrols.figures.hours_spent
    assert f"{round(100 * spent / 800)} %" in text


def test_layout_defects_are_gone(services: Services, tmp_path: Path) -> None:
    _, internal = made(services, tmp_path, ReportKind.FOLLOW_UP, public=False)
    assert "Ansvarig: Polisen Ansvarig: Polisen" not in internal
    # Promises 1 and 3, once each (the template's note only said it again).
    assert len(re.findall(r"Ansvarig: Polisen (?!och)", internal)) == 2
    _, public = made(services, tmp_path, ReportKind.QUARTERLY, public=True)
    assert "narkotikaärenden: efter datum för upptäckt" not in public
    assert ACTOR.name not in public and "av Filipstads kommun" in public
    _, internal_q = made(services, tmp_path, ReportKind.QUARTERLY, public=False)
    assert "narkotikaärenden: efter datum för upptäckt" in internal_q
    assert re.search(
        r"mediantid till kommunal kontakt \(dagar\) högst 3 per år [\d,]+ d", internal_q
    )


@pytest.mark.parametrize("width", [30.0, 45.0, 60.0, 90.0])
def test_table_cells_break_at_spaces_and_slashes_only(width: float) -> None:
    text = "Resecentrum/busstationen och Stora torget"
    cell = cell_paragraph(text, Styles.cell, width)
    lines = cell.text.split("<br/>")
    words = {"Resecentrum/", "busstationen", "och", "Stora", "torget"}
    for line in lines:
        for piece in re.split(r"(?<=/)| ", line):
            assert piece in words | {""}, (width, lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
