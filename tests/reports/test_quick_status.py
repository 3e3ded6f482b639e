"""The overview's first cards read without SQLAlchemy (`storage.quick`, `tracking.first`) are the
very report the services give: compared whole, for every agreement and every period the picker
offers, on demo files of 2026 (judged today and on other days) and of 2017-2018."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import Organisation
from loften_app.domain.periods import Period, quarters_in, years_in
from loften_app.domain.records import Actor
from loften_app.reports.tracking.engine import status_report
from loften_app.reports.tracking.first import quick_status
from loften_app.storage import kinds as storage_kinds
from loften_app.storage.database import SCHEMA_VERSION, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.figure_sql import FLAT_KINDS
from loften_app.storage.quick import open_quick, schema_version
from loften_app.storage.services import Services

ACTOR = Actor("Trygghetssamordnaren", Organisation.MUNICIPALITY)


def _offered(span: Period) -> list[Period | None]:
    """The default period and every year and quarter of `span` (what the picker offers)."""
    periods: list[Period | None] = [None]
    for year in years_in(span):
        periods.append(year.overlap(span) or year)
        periods.extend(q.overlap(span) or q for q in quarters_in(year))
    return periods


@pytest.fixture(scope="module", params=[(2026,), (2017, 2018)], ids=["2026", "2017-2018"])
def demo_file(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Path, Services]]:
    path = tmp_path_factory.mktemp("quick") / "demo.db"
    with open_database(path) as database:
        for year in request.param:
            fill_demo_data(database, ACTOR, DemoOptions(year=year))
        yield path, Services.build(database, ACTOR)


@pytest.mark.parametrize(
    "today",
    [dt.date.today(), dt.date(2026, 12, 2), dt.date(2026, 3, 31), dt.date(2018, 7, 15)],
    ids=str,
)
def test_the_quick_cards_are_the_services_report(
    demo_file: tuple[Path, Services], today: dt.date
) -> None:
    path, services = demo_file
    reader = open_quick(path)
    assert reader is not None
    with reader:
        listing = reader.listing(today)
        assert listing == services.agreements.listing(today)
        for chosen in listing:
            for period in _offered(chosen.covered):
                quick = quick_status(reader, chosen, period=period, today=today)
                full = status_report(services, period=period, today=today, agreement=chosen.id)
                assert quick == full, (chosen.id, period)


def test_the_quick_reader_sees_a_save_at_once(demo_file: tuple[Path, Services]) -> None:
    """A record saved after the reader opened counts in its next read (a new snapshot)."""
    path, services = demo_file
    today = dt.date(2026, 12, 2)
    reader = open_quick(path)
    assert reader is not None
    with reader:
        chosen = reader.listing(today)[0]
        before = quick_status(reader, chosen, period=None, today=today)
        patrol = services.patrols.list_page(limit=1).items[0]
        services.patrols.delete(id=patrol.id, expected_version=patrol.version)
        after = quick_status(reader, chosen, period=None, today=today)
        assert after == status_report(services, today=today, agreement=chosen.id)
        services.patrols.undelete(id=patrol.id)
        assert quick_status(reader, chosen, period=None, today=today) == before


def test_the_quick_path_reads_only_a_current_file(tmp_path: Path) -> None:
    assert schema_version() == SCHEMA_VERSION
    assert open_quick(tmp_path / "missing.db") is None
    (tmp_path / "text.db").write_text("not a database", encoding="utf-8")
    assert open_quick(tmp_path / "text.db") is None
    old = tmp_path / "old.db"
    with open_database(old):
        pass
    import sqlite3

    with sqlite3.connect(old) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    connection.close()
    assert open_quick(old) is None


def test_the_flat_kinds_agree_with_storage() -> None:
    stored = [
        (kind.key, kind.table, kind.domain.date_field or "date", dict(kind.figures.sums))
        for kind in storage_kinds.FLAT_FIGURE_KINDS
        if kind.figures is not None
    ]
    assert stored == [(k.key, k.table, k.date, dict(k.sums)) for k in FLAT_KINDS]


def test_the_quick_path_imports_no_sqlalchemy() -> None:
    code = (
        "import sys, loften_app.reports.tracking.first, loften_app.reports.kinds;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
