"""`loften report` of a current local file reads on a plain `sqlite3` connection
(`storage.quick.QuickSource`) and makes the very report the services make: the quarterly report
and the follow-up compared whole (the dataclasses) and as PDF text, for every quarter of every
agreement the demo offers, public and internal, judged today and on other days, on demo files of
2026 and of 2017-2018. Bad requests give the services' errors and write nothing; the command
imports no SQLAlchemy; `LOFTEN_NO_QUICK` (or an older schema) takes the services."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from loften_app.cli import reports as cli_reports
from loften_app.cli.reports import ENV_NO_QUICK
from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period, quarters_in, years_in
from loften_app.domain.records import Actor
from loften_app.reports.follow_up import follow_up_report
from loften_app.reports.pdf.follow_up import render_follow_up
from loften_app.reports.pdf.quarterly import render_quarterly
from loften_app.reports.quarterly import quarterly_report
from loften_app.storage.database import (
    SCHEMA_VERSION,
    alembic_config,
    make_engine,
    open_database,
)
from loften_app.storage.quick import QuickSource, open_quick
from loften_app.storage.services import Services
from tests.cli_runner import imported, run_cli
from tests.conftest import ENGINES
from tests.reports.conftest import commented_demo, pdf_text

ACTOR = Actor("Trygghetssamordnaren", Organisation.MUNICIPALITY)
NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 3)
DAYS = [TODAY, dt.date(2026, 6, 30), dt.date(2018, 7, 15), dt.date(2019, 2, 1)]


@pytest.fixture(scope="module", params=[(2026,), (2017, 2018)], ids=["2026", "2017-2018"])
def demo_file(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Path, Services]]:
    path = tmp_path_factory.mktemp("reports") / "demo.db"
    with open_database(path) as database:
        yield path, commented_demo(database, request.param)


@pytest.fixture
def source(demo_file: tuple[Path, Services]) -> Iterator[QuickSource]:
    reader = open_quick(demo_file[0])
    assert reader is not None
    with reader:
        yield reader.report_source()


def _quarters(span: Period) -> list[Period]:
    return [q for year in years_in(span) for q in quarters_in(year) if q.overlap(span)]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_every_quarterly_report_is_the_services_report(
    demo_file: tuple[Path, Services], source: QuickSource, today: dt.date
) -> None:
    services = demo_file[1]
    listing = source.agreements.listing(today)
    assert listing == services.agreements.listing(today)
    made = 0
    for chosen in listing:
        for quarter in _quarters(chosen.covered):
            for public in (False, True):
                for agreement in (chosen.id, None):
                    given: dict[str, Any] = {
                        "made_by": "Test",
                        "today": today,
                        "public": public,
                        "now": NOW,
                        "agreement": agreement,
                    }
                    full = quarterly_report(services, quarter, **given)
                    quick = quarterly_report(source, quarter, **given)
                    assert quick == full, (chosen.id, quarter, public, agreement)
                    made += 1
    assert made >= 16


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_every_follow_up_is_the_services_follow_up(
    demo_file: tuple[Path, Services], source: QuickSource, today: dt.date
) -> None:
    services = demo_file[1]
    for agreement in [None, *(a.id for a in services.agreements.listing(today))]:
        for public in (False, True):
            given: dict[str, Any] = {
                "made_by": "Test",
                "today": today,
                "public": public,
                "now": NOW,
                "agreement": agreement,
            }
            full = follow_up_report(services, **given)
            quick = follow_up_report(source, **given)
            assert quick == full, (agreement, public)


def test_the_pdfs_read_the_same(
    demo_file: tuple[Path, Services], source: QuickSource, tmp_path: Path
) -> None:
    """The rendered PDFs of the quick and the services' reports say the same, page by page,
    for the last quarter of every year and the follow-up, public and internal."""
    services = demo_file[1]
    chosen = services.agreements.listing(TODAY)[0]
    quarters = _quarters(chosen.covered)
    texts = 0
    for public in (False, True):
        given: dict[str, Any] = {"made_by": "Test", "today": TODAY, "public": public, "now": NOW}
        pairs = [
            (quarterly_report(services, q, **given), quarterly_report(source, q, **given))
            for q in quarters
            if q.end.month == 12 or q == quarters[-1]
        ]
        made = [(render_quarterly(full), render_quarterly(quick)) for full, quick in pairs]
        made.append(
            (
                render_follow_up(follow_up_report(services, **given)),
                render_follow_up(follow_up_report(source, **given)),
            )
        )
        for full, quick in made:
            (tmp_path / "full.pdf").write_bytes(full)
            (tmp_path / "quick.pdf").write_bytes(quick)
            text = pdf_text(tmp_path / "full.pdf")
            assert pdf_text(tmp_path / "quick.pdf") == text
            assert ("Trygghetsvandringar" in text) or ("trygghetsvandring" in text.lower())
            texts += 1
    assert texts >= 4


def _quarterly_errors(services: Services, source: QuickSource, **given: Any) -> tuple[str, str]:
    messages = []
    for reader in (services, source):
        with pytest.raises(LoftenError) as raised:
            quarterly_report(reader, made_by="Test", now=NOW, **given)  # type: ignore[arg-type]
        messages.append(str(raised.value))
    return messages[0], messages[1]


@pytest.mark.parametrize(
    "given",
    [
        {"quarter": None},
        {"quarter": Period(dt.date(2018, 7, 1), dt.date(2018, 7, 31))},
        {"quarter": Period(dt.date(2015, 1, 1), dt.date(2015, 3, 31))},
        {"quarter": Period(dt.date(2018, 1, 1), dt.date(2018, 3, 31)), "agreement": "1999"},
        {"quarter": Period(dt.date(2018, 1, 1), dt.date(2018, 3, 31)), "agreement": "no-such"},
    ],
    ids=["no quarter", "a month", "outside", "unknown year", "unknown id"],
)
def test_a_bad_quarterly_request_is_the_services_error(
    demo_file: tuple[Path, Services], source: QuickSource, given: dict[str, Any]
) -> None:
    full, quick = _quarterly_errors(demo_file[1], source, today=TODAY, **given)
    assert quick == full


def test_an_unknown_agreement_of_the_follow_up_is_the_services_error(
    demo_file: tuple[Path, Services], source: QuickSource
) -> None:
    messages = []
    for reader in (demo_file[1], source):
        with pytest.raises(LoftenError) as raised:
            follow_up_report(reader, made_by="Test", today=TODAY, agreement="1999")  # type: ignore[arg-type]
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "Ingen överenskommelse heter 1999" in messages[0]


# --- the command ------------------------------------------------------------------------------


def _report(db: Path | str, out: Path, args: list[str], *, quick: bool) -> tuple[Any, list[str]]:
    """`loften report`, on the quick path (`quick`) or told to take the services; the result and
    which path made it ("services" when the services did)."""
    env = {"LOFTEN_USER": "Test", ENV_NO_QUICK: "" if quick else "1"}
    taken: list[str] = []
    services = cli_reports._report_services

    def through_services(*given: Any) -> None:
        taken.append("services")
        services(*given)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli_reports, "_report_services", through_services)
        result = run_cli("--db", str(db), "report", *args, "--out", str(out), env=env)
    return result, taken


def _made_line_out(text: str) -> str:
    """`text` without the minute it was made ("Gjord 2026-12-03 09:30 av ...")."""
    return re.sub(r"Gjord \d{4}-\d\d-\d\d \d\d:\d\d", "Gjord", text)


@pytest.mark.parametrize(
    "args",
    [
        ["quarterly", "--quarter", "2018-Q3", "--today", "2026-12-03"],
        ["quarterly", "--quarter", "2018-Q4", "--public"],
        ["follow-up", "--today", "2026-12-03"],
        ["follow-up", "--public", "--agreement", "2017"],
    ],
    ids=["quarterly", "quarterly public", "follow-up", "follow-up public"],
)
def test_the_command_writes_the_services_pdf_without_them(
    demo_file: tuple[Path, Services], tmp_path: Path, args: list[str]
) -> None:
    db = demo_file[0]
    quick, taken_quick = _report(db, tmp_path / "quick.pdf", args, quick=True)
    full, taken_full = _report(db, tmp_path / "full.pdf", args, quick=False)
    assert (taken_quick, taken_full) == ([], ["services"])
    assert quick.returncode == full.returncode == 0, (quick.stderr, full.stderr)
    assert quick.stdout.replace("quick", "full") == full.stdout
    text = _made_line_out(pdf_text(tmp_path / "full.pdf"))
    assert _made_line_out(pdf_text(tmp_path / "quick.pdf")) == text


@pytest.mark.parametrize(
    "args",
    [
        ["quarterly", "--quarter", "2018-Q3", "--today", "2026-12-03"],
        ["follow-up", "--public", "--today", "2026-12-03"],
    ],
    ids=["quarterly", "follow-up public"],
)
def test_on_a_server_the_services_make_the_files_report(
    demo_file: tuple[Path, Services],
    tmp_path: Path,
    args: list[str],
    request: pytest.FixtureRequest,
) -> None:
    """`--db postgresql://...` takes the services (the quick reader is for local files) and
    writes the report the same data in a file gives."""
    if "postgresql" not in ENGINES:
        pytest.skip("no PostgreSQL server in this run (LOFTEN_TEST_ENGINES)")
    url: str = request.getfixturevalue("pg_url")
    years: tuple[int, ...] = request.node.callspec.params["demo_file"]
    with open_database(url) as database:
        commented_demo(database, years)
    on_server, taken = _report(url, tmp_path / "server.pdf", args, quick=True)
    in_file, _ = _report(demo_file[0], tmp_path / "file.pdf", args, quick=True)
    assert taken == ["services"]
    assert on_server.returncode == in_file.returncode == 0, (on_server.stderr, in_file.stderr)
    text = _made_line_out(pdf_text(tmp_path / "file.pdf"))
    assert _made_line_out(pdf_text(tmp_path / "server.pdf")) == text
    assert "Trygghetsvandringar" in text or "trygghetsvandring" in text.lower()


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_the_other_formats_are_the_services_files(
    demo_file: tuple[Path, Services], tmp_path: Path, fmt: str
) -> None:
    import zipfile

    db = demo_file[0]
    args = ["quarterly", "--quarter", "2018-Q2", "--format", fmt]
    _report(db, tmp_path / f"quick.{fmt}", args, quick=True)
    _report(db, tmp_path / f"full.{fmt}", args, quick=False)
    if fmt == "html":
        quick = (tmp_path / "quick.html").read_text(encoding="utf-8")
        assert _made_line_out(quick) == _made_line_out(
            (tmp_path / "full.html").read_text(encoding="utf-8")
        )
        return
    with (
        zipfile.ZipFile(tmp_path / "quick.docx") as quick_docx,
        zipfile.ZipFile(tmp_path / "full.docx") as full_docx,
    ):
        body = "word/document.xml"
        assert _made_line_out(quick_docx.read(body).decode()) == _made_line_out(
            full_docx.read(body).decode()
        )


@pytest.mark.parametrize(
    "args",
    [
        ["quarterly", "--quarter", "2015-Q1"],
        ["quarterly", "--quarter", "2018-Q1", "--agreement", "1999"],
        ["follow-up", "--agreement", "1999"],
        ["quarterly", "--quarter", "2018-Q1", "--format", "pdf", "--fragment"],
    ],
    ids=["outside", "unknown agreement", "follow-up unknown", "fragment"],
)
def test_a_bad_request_gives_the_services_message_and_writes_nothing(
    demo_file: tuple[Path, Services], tmp_path: Path, args: list[str]
) -> None:
    db = demo_file[0]
    quick, taken = _report(db, tmp_path / "quick.pdf", args, quick=True)
    full, _ = _report(db, tmp_path / "full.pdf", args, quick=False)
    assert taken == []
    assert quick.returncode == full.returncode == 1
    assert quick.stderr == full.stderr
    assert not (tmp_path / "quick.pdf").exists()


def test_a_file_without_agreements_gives_the_services_message(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    open_database(db).close()
    args = ["quarterly", "--quarter", "2018-Q1"]
    quick, taken = _report(db, tmp_path / "quick.pdf", args, quick=True)
    full, _ = _report(db, tmp_path / "full.pdf", args, quick=False)
    assert taken == []
    assert quick.returncode == full.returncode == 1
    assert quick.stderr == full.stderr
    assert "ingen överenskommelse" in quick.stderr
    assert not (tmp_path / "quick.pdf").exists()


def test_the_report_command_imports_no_sqlalchemy(
    demo_file: tuple[Path, Services], tmp_path: Path
) -> None:
    db = str(demo_file[0])
    for args in (
        ["report", "quarterly", "--quarter", "2018-Q3"],
        ["report", "follow-up", "--public"],
    ):
        modules, ours = imported(tmp_path, "--db", db, *args, "--out", str(tmp_path / "r.pdf"))
        assert "sqlalchemy" not in modules, args
        assert "alembic" not in modules, args
        assert not {m for m in ours if m.startswith("loften_app.storage.services")}, args
        assert "loften_app.storage.models" not in ours, args
        assert (tmp_path / "r.pdf").stat().st_size > 1000


def test_a_file_with_an_older_schema_is_upgraded_and_reported(
    demo_file: tuple[Path, Services], tmp_path: Path
) -> None:
    from alembic import command

    old = tmp_path / "old.db"
    with sqlite3.connect(demo_file[0]) as source, sqlite3.connect(old) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    engine = make_engine(old)
    with engine.connect() as connection, connection.begin():
        command.downgrade(alembic_config(connection), f"{SCHEMA_VERSION - 1:04d}")
    engine.dispose()
    args = ["quarterly", "--quarter", "2018-Q3"]
    result, taken = _report(old, tmp_path / "old.pdf", args, quick=True)
    assert result.returncode == 0, result.stderr
    assert taken == ["services"]
    with sqlite3.connect(old) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
