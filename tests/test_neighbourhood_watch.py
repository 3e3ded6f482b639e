"""Grannsamverkan end to end (ISSUE 15): its records, figures and targets (docs/figures.md rule
7), its lines in the quarterly report and the public follow-up, its export sheet, and its way
through an exchange package to the other installation."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from loften_app.domain.enums import (
    Comparison,
    Measure,
    NeighbourhoodMeeting,
    Organisation,
    PromiseType,
    Responsible,
    TargetPeriod,
)
from loften_app.domain.errors import ValidationError
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import Actor, PromiseData, TargetData
from loften_app.domain.targets import TargetStatus
from loften_app.reports.tracking.engine import status_report
from loften_app.storage.database import open_database
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.template import apply_template
from tests.cli_runner import run_cli
from tests.reports.conftest import pdf_text

MUNICIPALITY = Actor("trygghetssamordnare", Organisation.MUNICIPALITY)
POLICE = Actor("kommunpolis", Organisation.POLICE)
NOTE = "Frågor om inbrott i förråden vid Hagaberg"


def _fill(path: Path, actor: Actor, *, meetings: bool) -> None:
    """A file from the template with a grannsamverkan promise, its targets and (with
    `meetings`) the three meetings of the example in docs/figures.md, rule 7."""
    with open_database(path) as db:
        services = Services.build(db, actor)
        agreement = apply_template(services, "filipstad-2017-2018")
        if not meetings:
            return
        number = len(services.promises.for_agreement(agreement.id)) + 1
        promise = services.promises.add(
            data=PromiseData(
                agreement_id=agreement.id,
                number=number,
                text="Vi ska starta grannsamverkan i fler bostadsområden.",
                short_title="Grannsamverkan",
                responsible=Responsible.BOTH,
                type=PromiseType.NEIGHBOURHOOD_WATCH,
            )
        )
        for measure, value in ((Measure.NEW_GROUPS, 3), (Measure.HOUSEHOLDS_REACHED, 200)):
            services.targets.add(
                data=TargetData(
                    promise_id=promise.id,
                    measure=measure,
                    comparison=Comparison.AT_LEAST,
                    value=value,
                    period=TargetPeriod.YEAR,
                )
            )
        place = services.places.list_page(filter=RecordFilter(text="Centrum")).items[0].id
        watch = services.of_kind("neighbourhood_watch")
        for day, households, groups in (
            (dt.date(2018, 2, 6), 40, 1),
            (dt.date(2018, 3, 20), 25, 0),
            (dt.date(2018, 5, 8), 30, 2),
        ):
            watch.add(
                data=NeighbourhoodWatchData(
                    promise_id=promise.id,
                    date=day,
                    meeting=NeighbourhoodMeeting.INFORMATION_EVENING,
                    place_ids=(place,),
                    households_reached=households,
                    new_groups=groups,
                    participants=20,
                    with_police=True,
                    with_landlord=True,
                    hours_spent=3,
                    notes=NOTE,
                )
            )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "grannsamverkan.db"
    _fill(path, MUNICIPALITY, meetings=True)
    return path


def test_figures_and_targets_follow_rule_7(db_path: Path) -> None:
    with open_database(db_path) as db:
        services = Services.build(db, MUNICIPALITY)
        q1 = status_report(services, period=quarter(2018, 1), today=dt.date(2018, 12, 31))
        whole = status_report(services, period=year(2018), today=dt.date(2018, 12, 31))
    (q1_watch,) = [p for p in q1.promises if p.promise.data.type is PromiseType.NEIGHBOURHOOD_WATCH]
    assert q1_watch.main_figures[:3] == [
        ("Grannsamverkansträffar", "2"),
        ("Nådda hushåll i grannsamverkan", "65"),
        ("Nya grannsamverkansgrupper", "1"),
    ]
    (watch,) = [p for p in whole.promises if p.promise.data.type is PromiseType.NEIGHBOURHOOD_WATCH]
    assert watch.figures.kind_records == {"neighbourhood_watch": 3}
    assert watch.figures.sums == {"households_reached": 95, "new_groups": 3}
    statuses = {t.target.data.measure: t.status for t in watch.targets}
    assert statuses == {
        Measure.NEW_GROUPS: TargetStatus.MET,
        Measure.HOUSEHOLDS_REACHED: TargetStatus.MISSED,
    }


def test_a_meeting_needs_an_area_and_counts_of_zero_or_more(db_path: Path) -> None:
    with open_database(db_path) as db:
        services = Services.build(db, MUNICIPALITY)
        stored = services.of_kind("neighbourhood_watch").list_page().items[0]
        with pytest.raises(ValidationError) as caught:
            services.of_kind("neighbourhood_watch").add(
                data=NeighbourhoodWatchData(
                    promise_id=stored.data.promise_id,
                    date=dt.date(2018, 6, 1),
                    households_reached=-1,
                )
            )
    fields = {issue.field for issue in caught.value.issues}
    assert fields == {"place_ids", "households_reached"}
    assert "Inget område är valt" in str(caught.value)


def test_both_reports_show_the_lines_and_the_public_ones_no_notes(
    db_path: Path, tmp_path: Path
) -> None:
    texts = {}
    for name, args in (
        ("quarterly", ("quarterly", "--quarter", "2018-Q1", "--today", "2018-04-10")),
        (
            "quarterly-public",
            ("quarterly", "--quarter", "2018-Q1", "--today", "2018-04-10", "--public"),
        ),
        ("follow-up", ("follow-up", "--today", "2019-02-01")),
        ("follow-up-public", ("follow-up", "--today", "2019-02-01", "--public")),
    ):
        out = tmp_path / f"{name}.pdf"
        result = run_cli("report", *args, "--db", str(db_path), "--out", str(out))
        assert result.returncode == 0, result.stderr
        texts[name] = pdf_text(out)
    for name, text in texts.items():
        assert "Grannsamverkansträffar" in text, name
        assert "Nådda hushåll i grannsamverkan" in text, name
        assert "minst 3 nya grannsamverkansgrupper per år" in text, name
    assert "Nådda hushåll i grannsamverkan 65" in texts["quarterly"]
    assert "Nådda hushåll i grannsamverkan 0 95 95" in texts["follow-up-public"]
    assert all(NOTE not in texts[name] for name in ("quarterly-public", "follow-up-public"))


def test_the_export_has_a_sheet_with_every_meeting(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    result = run_cli("export", "--db", str(db_path), "--format", "csv", "--out", str(folder))
    assert result.returncode == 0, result.stderr
    with (folder / "grannsamverkan.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, *meetings = rows
    assert header[:8] == [
        "Id",
        "Löfte",
        "Datum",
        "Typ av träff",
        "Område",
        "Nådda hushåll",
        "Nya grannsamverkansgrupper",
        "Antal deltagare",
    ]
    assert [row[2] for row in meetings] == ["2018-02-06", "2018-03-20", "2018-05-08"]
    assert {row[3] for row in meetings} == {"informationskväll"}
    assert [row[5] for row in meetings] == ["40", "25", "30"]
    assert meetings[0][header.index("Tillsammans med fastighetsägare")] == "ja"
    assert meetings[0][header.index("Tillsammans med förening")] == "nej"


@pytest.mark.slow
def test_meetings_travel_to_the_other_installation(db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "polisen.db"
    _fill(other, POLICE, meetings=False)
    package = tmp_path / "ändringar.loften"
    env = {"LOFTEN_USER": "cli-test"}
    exported = run_cli("exchange", "export", "--db", str(db_path), "--out", str(package), env=env)
    assert exported.returncode == 0, exported.stderr
    args = ("exchange", "import", "--db", str(other), str(package))
    unknown = run_cli(*args, env=env)
    fingerprint = unknown.stderr.rsplit("--trust ", 1)[1].strip().rstrip(".")
    assert run_cli(*args, "--trust", fingerprint, env=env).returncode == 0
    imported = run_cli(*args, "--yes", env=env)
    assert imported.returncode == 0, imported.stderr
    with open_database(db_path) as db:
        sent = Services.build(db, MUNICIPALITY).of_kind("neighbourhood_watch").list_page()
    with open_database(other) as db:
        received = Services.build(db, POLICE).of_kind("neighbourhood_watch").list_page()
    assert received.total == 3

    # Same ids; the promise and the places are this file's own (matched by natural key).
    def facts(data: NeighbourhoodWatchData) -> tuple[object, ...]:
        return (data.date, data.households_reached, data.new_groups, data.with_landlord, data.notes)

    assert {s.id: facts(s.data) for s in received.items} == {
        s.id: facts(s.data) for s in sent.items
    }
