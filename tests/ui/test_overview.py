"""The overview on the demo data: cards with the figures and statuses of `loften status`, the
period picker, clicking through to lists and walks, refresh on save, stale results dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from loften_app.__main__ import main
from loften_app.domain.enums import Organisation, PromiseType
from loften_app.domain.periods import Period, quarter, year
from loften_app.domain.records import Actor
from loften_app.domain.targets import TargetStatus, status_label
from loften_app.reports.tracking import status_report
from loften_app.storage.database import Database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import RecordFilter, Services
from loften_app.ui.app import Startup
from loften_app.ui.background import Background
from loften_app.ui.changes import Change
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.overview.cards import STATUS_STYLE
from loften_app.ui.pages import Pages
from loften_app.ui.section import RecordSection
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER
from tests.ui.conftest import overview_ready, screenshot
from tests.ui.starting import start

#: Within the agreement, so that statuses are still open: on track, at risk.
MID_2018 = dt.date(2018, 9, 20)


@pytest.fixture
def demo(ui_services: Services, ui_database: Database) -> Services:
    fill_demo_data(ui_database, Actor("Anna", Organisation.MUNICIPALITY), DemoOptions(year=2018))
    return ui_services


def make_page(
    qtbot: QtBot, services: Services, background: Background, today: dt.date
) -> OverviewPage:
    page = OverviewPage(services, background, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1250, 1300)
    page.show()
    overview_ready(qtbot, page)
    return page


def card_of(page: OverviewPage, kind: PromiseType):  # type: ignore[no-untyped-def]
    return next(c for c in page.cards if c.status.promise.data.type is kind)


def test_the_cards_show_what_loften_status_prints(
    qtbot: QtBot,
    demo: Services,
    background: Background,
    ui_database: Database,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = make_page(qtbot, demo, background, dt.date.today())
    # The demo's agreement is valid until replaced: today's year is offered (and chosen) too.
    if page.period.currentText() != "2018":
        with qtbot.waitSignal(page.updated, timeout=10_000):
            page.select_period(year(2018))
    assert page.period.currentText() == "2018"
    assert main(["status", "--db", str(ui_database.path), "--year", "2018"]) == 0
    printed = capsys.readouterr().out
    lines = [" ".join(line.split()) for line in printed.splitlines()]
    assert [c.title.text() for c in page.cards] == [
        "1. Polisiär närvaro och butiksbesök",
        "2. Trygghetsvandringar",
        "3. Polisvolontärer",
        "4. Narkotika: upptäckt, lagföring, uppföljning och vård",
    ]
    rows = [row for card in page.cards for row in card.target_rows]
    assert len(rows) == 9  # the seed's walk target and the demo's eight
    for row in rows:
        words = (
            row.description.text(),
            row.actual_text,
            status_label(row.result.status),
            row.forecast.text(),
        )
        assert " ".join(" ".join(words).split()) in lines, words
        assert row.badge.text().endswith(status_label(row.result.status))
    walk = next(r for r in rows if r.description.text().endswith("trygghetsvandringar per år"))
    assert walk.description.text() == "minst 2 genomförda trygghetsvandringar per år"
    assert walk.result.status is TargetStatus.MET
    for card in page.cards:
        for name, value in card.figures:
            assert " ".join(f"{name} {value}".split()) in lines, (name, value)
    screenshot(page, "overview-2018-after")


def test_statuses_are_told_in_words_and_symbols_not_colour_alone(
    qtbot: QtBot, demo: Services, background: Background
) -> None:
    page = make_page(qtbot, demo, background, MID_2018)
    seen = {row.result.status for card in page.cards for row in card.target_rows}
    # Mid-year the demo has met, on-track and at-risk targets.
    assert {TargetStatus.MET, TargetStatus.ON_TRACK, TargetStatus.AT_RISK} <= seen
    for card in page.cards:
        for row in card.target_rows:
            symbol, _colour = STATUS_STYLE[row.result.status]
            assert row.badge.text() == f"{symbol} {status_label(row.result.status)}"
    texts = [label.text() for label in page.side.findChildren(QLabel)]
    assert "Ska vara klar 2019-03-31, om 192 dagar." in texts
    assert page.side.findChild(QLabel, "indicator_source") is not None
    screenshot(page, "overview-sv")


def test_choosing_a_quarter_shows_its_figures(
    qtbot: QtBot, demo: Services, background: Background
) -> None:
    page = make_page(qtbot, demo, background, MID_2018)
    with qtbot.waitSignal(page.updated, timeout=10_000):
        page.period.setCurrentIndex(page.period.findText("2018 kv 3"))
    assert page.data is not None
    assert page.data.report.period == quarter(2018, 3)
    patrols = card_of(page, PromiseType.PATROL)
    # Records dated after the judging date count nowhere.
    judged = Period(quarter(2018, 3).start, min(MID_2018, quarter(2018, 3).end))
    counted = demo.patrols.count(filter=RecordFilter(period=judged))
    assert patrols.status.figures.patrols == counted > 0
    assert ("Patrullpass", str(counted)) in patrols.figures
    expected = status_report(demo, period=quarter(2018, 3), today=MID_2018)
    assert [
        [(t.description, t.actual_text, t.status_text) for t in p.targets]
        for p in expected.promises
    ] == [
        [(r.description.text(), r.actual_text, r.badge.text()[2:]) for r in c.target_rows]
        for c in page.cards
    ]


def test_a_result_for_an_older_request_is_dropped(
    qtbot: QtBot, demo: Services, background: Background
) -> None:
    page = make_page(qtbot, demo, background, MID_2018)
    shown: list[str] = []
    page.updated.connect(lambda: shown.append(page.data.report.period.key if page.data else ""))
    page.select_period(quarter(2018, 1))
    page.select_period(quarter(2018, 2))
    background.wait()
    qtbot.waitUntil(lambda: not page.pending)
    assert shown == ["2018-Q2"]


def test_without_an_agreement_the_overview_says_so(
    qtbot: QtBot, ui_database: Database, background: Background
) -> None:
    services = Services.build(ui_database, Actor("Anna", Organisation.MUNICIPALITY))
    page = OverviewPage(services, background)
    qtbot.addWidget(page)
    assert page.message.text() == "Databasen har ingen överenskommelse ännu."
    assert page.cards == []


def started_window(
    qtbot: QtBot, settings: QSettings, database: Database
) -> tuple[MainWindow, OverviewPage]:
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name="demo.db")
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    startup = Startup(window, settings, database.path)
    start(qtbot, startup)
    page = window.page("overview")
    assert isinstance(page, OverviewPage)
    overview_ready(qtbot, page)
    return window, page


def test_clicking_a_card_opens_its_list_filtered_to_the_period(
    qtbot: QtBot, settings: QSettings, demo: Services, ui_database: Database
) -> None:
    window, page = started_window(qtbot, settings, ui_database)
    with qtbot.waitSignal(page.updated, timeout=10_000):
        page.select_period(quarter(2018, 2))
    card = card_of(page, PromiseType.VOLUNTEERS)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_section() == "volunteers"
    section = window.page("volunteers")
    assert isinstance(section, RecordSection)
    assert section.records.filter_bar.selected_period() == quarter(2018, 2)
    in_quarter = demo.volunteer_deployments.count(filter=RecordFilter(period=quarter(2018, 2)))
    qtbot.waitUntil(lambda: section.records.model.rowCount() == in_quarter)
    assert 0 < in_quarter < demo.volunteer_deployments.count()
    # The keyboard does the same: Enter on a focused card.
    window.show_section("overview")
    patrols = card_of(page, PromiseType.PATROL)
    patrols.setFocus()
    qtbot.keyClick(patrols, Qt.Key.Key_Return)
    assert window.current_section() == "patrols"
    startup_background = page._background
    startup_background.wait()


def test_an_overdue_action_opens_the_walk_it_was_decided_on(
    qtbot: QtBot, settings: QSettings, demo: Services, ui_database: Database
) -> None:
    window, page = started_window(qtbot, settings, ui_database)
    assert page.data is not None and page.data.overdue
    first = page.data.overdue[0]
    assert page.side.action_buttons[0].text() == first.what
    page.side.action_buttons[0].click()
    assert window.current_section() == "safety_walks"
    section = window.page("safety_walks")
    assert isinstance(section, RecordSection)
    assert section.showing_form()
    assert section.form.stored is not None and section.form.stored.id == first.walk_id
    page._background.wait()


def test_the_whole_year_is_counted_once_and_quarters_come_from_the_cache(
    qtbot: QtBot, demo: Services, background: Background, tmp_path: Path
) -> None:
    page = make_page(qtbot, demo, background, MID_2018)
    background.wait()  # the prefetch of the whole agreement
    for number in (1, 2, 3, 4):
        with qtbot.waitSignal(page.updated, timeout=10_000):
            page.select_period(quarter(2018, number))
        assert page.data is not None
        fresh = status_report(demo, period=quarter(2018, number), today=MID_2018)
        assert [p.figures for p in page.data.report.promises] == [p.figures for p in fresh.promises]
    with qtbot.waitSignal(page.updated, timeout=10_000):
        page.select_period(year(2017))
    assert page.data is not None and page.data.report.period == year(2017)


def test_the_cards_come_before_what_is_due_and_a_newer_request_wins(
    qtbot: QtBot, demo: Services, background: Background
) -> None:
    """What is due (the side panel) reads every walk action: the cards are shown first, then
    it follows; the page stays pending until then, and a request made meanwhile wins."""
    page = OverviewPage(demo, background, today=lambda: MID_2018)
    qtbot.addWidget(page)
    events: list[str] = []
    page.cards_shown.connect(lambda: events.append("cards"))
    page.updated.connect(lambda: events.append("updated"))
    with qtbot.waitSignal(page.cards_shown, timeout=10_000):
        pass
    assert page.cards and page.pending and page.data is None
    overview_ready(qtbot, page)
    assert events == ["cards", "updated"]
    assert page.data is not None and page.data.due.today == MID_2018
    assert page.data.report.period == year(2018)

    # What is due is kept across periods: a quarter comes in one step.
    events.clear()
    with qtbot.waitSignal(page.updated, timeout=10_000):
        page.select_period(quarter(2018, 2))
    assert events == ["cards", "updated"]

    # After a change everything is read again in two steps; a period chosen while what is due
    # is being read drops the older step.
    events.clear()
    page.refresh()
    with qtbot.waitSignal(page.cards_shown, timeout=10_000):
        pass
    page.select_period(quarter(2018, 3))
    overview_ready(qtbot, page)
    background.wait()
    qtbot.wait(50)
    assert page.data is not None and page.data.report.period == quarter(2018, 3)
    assert events[-1] == "updated"
    assert events.count("updated") == 1


def test_the_first_cards_read_without_the_services_are_theirs_and_a_save_refreshes(
    qtbot: QtBot, settings: QSettings, demo: Services, ui_database: Database
) -> None:
    """The window shows the overview's first cards read without SQLAlchemy (`quick`), then
    opens the database: the services' cards are the same (and kept), what is due fills the
    side panel, and a save still refreshes the figures."""
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name="demo.db")
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    startup = Startup(window, settings, ui_database.path)
    startup.start()
    early = startup.early_overview
    assert early is not None and startup.services is None
    assert window.page("overview") is early
    with qtbot.waitSignal(early.cards_shown, timeout=10_000):
        pass
    assert startup.services is None  # not opened yet: the cards come first
    quick_cards = [(c.title.text(), c.status) for c in early.cards]
    assert quick_cards
    today = dt.date.today()
    chosen = early.agreement.chosen()
    assert chosen is not None
    full = status_report(demo, period=early.selected_period(), today=today, agreement=chosen.id)
    assert [status for _, status in quick_cards] == list(full.promises)
    first_card = early.cards[0]
    qtbot.waitUntil(lambda: startup.services is not None, timeout=20_000)
    page = window.page("overview")
    assert page is early  # the same page, now with the services
    overview_ready(qtbot, page)
    assert page.data is not None and page.data.report == full
    assert page.cards[0] is first_card  # the same figures: the cards were kept
    # A save anywhere moves the figures, through the services.
    with qtbot.waitSignal(page.updated, timeout=10_000):
        page.select_period(year(2018))
    records = page.data.report.promises[0].figures.records
    patrol = demo.patrols.list_page(filter=RecordFilter(period=year(2018)), limit=1).items[0]
    demo.patrols.delete(id=patrol.id, expected_version=patrol.version)
    pages = window._source
    assert isinstance(pages, Pages)
    with qtbot.waitSignal(page.updated, timeout=10_000):
        pages.changes.notify(Change.of(kinds=["patrols"]))
    assert page.data.report.promises[0].figures.records == records - 1
    startup.finish()
