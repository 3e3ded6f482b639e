"""On a shared server, a save made elsewhere appears in this window's list and overview by
itself (LISTEN/NOTIFY), without the user doing anything."""

from __future__ import annotations

import datetime as dt

import psycopg
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import AgeGroup, DrugCaseKind, Organisation, PromiseType
from loften_app.domain.records import Actor, DrugCaseData
from loften_app.paths import ServerPath
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.app import Startup
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER

POLICE = Actor("kommunpolis", Organisation.POLICE)


def test_a_case_saved_on_another_computer_appears_in_the_open_list(
    qtbot: QtBot, settings: QSettings, pg_url: str
) -> None:
    today = dt.date.today()
    with open_database(pg_url) as other_computer:
        services = Services.build(other_computer, POLICE)
        apply_template(services, "filipstad", today=today)
        agreement = services.agreements.current(today)
        assert agreement is not None
        (promise,) = (
            p
            for p in services.promises.for_agreement(agreement.id)
            if p.data.type is PromiseType.DRUGS
        )
        settings.setValue(SETTINGS_USER, "Anna")
        settings.setValue(SETTINGS_ORGANISATION, "municipality")
        window = MainWindow(settings=settings, database_name="server")
        qtbot.addWidget(window)
        startup = Startup(window, settings, ServerPath(pg_url))
        startup.start()
        qtbot.waitUntil(lambda: isinstance(window.page("overview"), OverviewPage))
        cases = window.page("drug_cases").records.model  # type: ignore[attr-defined]
        before = cases.rowCount()

        services.drug_cases.add(
            data=DrugCaseData(
                promise_id=promise.id,
                detected_on=today,
                age_group=AgeGroup.AGE_18_25,
                kind=DrugCaseKind.OWN_USE,
                status=None,
            )
        )
        # Nobody touches the window: the server's notification refreshes it (the goal
        # is two seconds).
        qtbot.waitUntil(lambda: cases.rowCount() == before + 1, timeout=2000)
        startup.detach("")


def test_the_window_works_as_the_logged_in_role_not_as_the_settings_say(
    qtbot: QtBot, settings: QSettings, pg_empty_url: str
) -> None:
    from loften_app.storage.server import create_user, init_server
    from tests.storage.server.conftest import as_user

    init_server(pg_empty_url)
    with psycopg.connect(pg_empty_url) as connection:
        known = {row[0] for row in connection.execute("SELECT rolname FROM pg_roles")}
    if "polis_ui" not in known:
        create_user(pg_empty_url, "polis_ui", "police")
    with open_database(pg_empty_url) as admin:
        apply_template(Services.build(admin, POLICE), "filipstad", today=dt.date.today())
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name="server")
    qtbot.addWidget(window)
    startup = Startup(window, settings, ServerPath(as_user(pg_empty_url, "polis_ui")))
    startup.start()
    qtbot.waitUntil(lambda: isinstance(window.page("overview"), OverviewPage))
    assert window.user_label.text() == "polis_ui (Polisen)"
    startup.detach("")
