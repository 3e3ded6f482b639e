"""The first start without --db or LOFTEN_DB asks "Lokal fil" or "Gemensam server"; a server is
connected to on the helper thread (the window does not freeze), its URL is remembered without
the password, and a connection that fails says so and lets the user try again or choose the
file."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.paths import ServerPath
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.app import Startup
from loften_app.ui.first_start import DatabaseDialog, server_address, without_password
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.settings import (
    DATABASE_KIND,
    DATABASE_SERVER,
    SETTINGS_ORGANISATION,
    SETTINGS_USER,
)
from tests.ui.starting import start

ANNA = Actor("Anna", Organisation.MUNICIPALITY)
SECRET = "hemligt-lösen"


def answer_dialog(action: Callable[[DatabaseDialog], None]) -> QTimer:
    """Answer the next database dialog (a modal one, in its own event loop) with `action`."""
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, DatabaseDialog):
            timer.stop()
            action(dialog)

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def fill_server(dialog: DatabaseDialog, url: str, password: str = "") -> None:
    parts = urlsplit(url)
    dialog.server_button.setChecked(True)
    dialog.host_edit.setText(parts.hostname or "")
    dialog.port_edit.setValue(parts.port or 5432)
    dialog.database_edit.setText(parts.path.lstrip("/"))
    dialog.user_edit.setText(parts.username or "")
    dialog.password_edit.setText(password)


def new_window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name="loften")
    qtbot.addWidget(window)
    return window


def test_the_first_start_connects_to_a_server_and_keeps_no_password(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, pg_url: str
) -> None:
    with open_database(pg_url) as database:
        apply_template(Services.build(database, ANNA), "filipstad", today=dt.date.today())
    window = new_window(qtbot, settings)
    file = tmp_path / "loften.db"
    startup = Startup(window, settings, file, choose=True)
    seen: list[str] = []

    def choose_server(dialog: DatabaseDialog) -> None:
        fill_server(dialog, pg_url, SECRET)
        dialog.accept()

    timer = answer_dialog(choose_server)
    start(qtbot, startup)
    # Connecting runs on the helper thread: the window is free meanwhile and says so.
    seen.append(window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: isinstance(window.page("overview"), OverviewPage), timeout=20000)
    timer.stop()
    assert seen == ["Ansluter till servern…"]
    assert window.windowTitle().endswith(" – " + urlsplit(pg_url).path.lstrip("/"))
    assert not file.exists()
    assert DATABASE_KIND.read(settings) == "server"
    assert DATABASE_SERVER.read(settings) == pg_url
    settings.sync()
    assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")
    assert "hemligt" not in Path(settings.fileName()).read_text(encoding="utf-8")
    startup.detach("")

    # The next start goes to the remembered server without asking.
    again = new_window(qtbot, settings)
    second = Startup(again, settings, file, choose=True)
    start(qtbot, second)
    qtbot.waitUntil(lambda: isinstance(again.page("overview"), OverviewPage), timeout=20000)
    assert not hasattr(second, "database_dialog")
    second.detach("")


def test_a_server_that_cannot_be_reached_says_so_and_the_file_can_be_chosen(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    file = tmp_path / "loften.db"
    with open_database(file) as database:
        apply_template(Services.build(database, ANNA), "filipstad", today=dt.date.today())
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = server_address("127.0.0.1", port, "loften", "anna")
    DATABASE_KIND.write(settings, "server")
    DATABASE_SERVER.write(settings, down)
    window = new_window(qtbot, settings)
    startup = Startup(window, settings, file, choose=True)
    messages: list[str] = []

    def choose_file(dialog: DatabaseDialog) -> None:
        messages.append(dialog.error_label.text())
        assert dialog.server_button.isChecked()  # filled in as it was, to try again
        assert dialog.host_edit.text() == "127.0.0.1"
        assert dialog.port_edit.value() == port
        dialog.file_button.setChecked(True)
        dialog.accept()

    timer = answer_dialog(choose_file)
    start(qtbot, startup)
    # The server's refusal comes later; then the file's first cards, then the database.
    qtbot.waitUntil(lambda: startup.services is not None, timeout=20000)
    assert isinstance(window.page("overview"), OverviewPage)
    timer.stop()
    assert len(messages) == 1
    assert messages[0].startswith("Det gick inte att ansluta till servern:")
    assert "nätverket" in messages[0]
    assert DATABASE_KIND.read(settings) == "file"
    assert startup.services is not None
    assert not isinstance(startup.database_path, ServerPath)
    startup.detach("")


def test_the_server_fields_are_asked_for(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = DatabaseDialog(tmp_path / "loften.db")
    qtbot.addWidget(dialog)
    assert dialog.file_button.isChecked()
    assert not dialog.server_form.isEnabled()
    dialog.server_button.setChecked(True)
    dialog.host_edit.clear()
    dialog.user_edit.clear()
    dialog.accept()
    assert dialog.result() != DatabaseDialog.DialogCode.Accepted
    assert dialog.errors["host"].text() == "Skriv serverns namn eller adress."
    assert dialog.errors["user"].text() == "Skriv ditt användarnamn på servern."
    assert not dialog.errors["database"].isVisibleTo(dialog)
    fill_server(dialog, "postgresql://anna@db.kommun.se:5433/loften", "p@ss:word/")
    assert dialog.server_url() == "postgresql://anna@db.kommun.se:5433/loften"
    assert dialog.connect_url() == "postgresql://anna:p%40ss%3Aword%2F@db.kommun.se:5433/loften"
    assert without_password(dialog.connect_url()) == dialog.server_url()


def test_an_existing_file_starts_as_before_without_asking(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    file = tmp_path / "loften.db"
    with open_database(file) as database:
        apply_template(Services.build(database, ANNA), "filipstad", today=dt.date.today())
    window = new_window(qtbot, settings)
    startup = Startup(window, settings, file, choose=True)
    start(qtbot, startup)
    assert isinstance(window.page("overview"), OverviewPage) or startup.services is not None
    assert not hasattr(startup, "database_dialog")
    assert DATABASE_KIND.read(settings) == ""
    startup.detach("")


def test_a_role_without_the_right_to_connect_is_told_so_and_may_cancel(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, pg_url: str
) -> None:
    import psycopg

    database = urlsplit(pg_url).path.lstrip("/")
    with psycopg.connect(pg_url, autocommit=True) as admin:
        known = {row[0] for row in admin.execute("SELECT rolname FROM pg_roles")}
        if "utan_rätt" not in known:
            admin.execute('CREATE ROLE "utan_rätt" LOGIN')
        admin.execute(f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC')
    refused = pg_url.replace("loften_admin@", "utan_r%C3%A4tt@")
    window = new_window(qtbot, settings)
    startup = Startup(window, settings, ServerPath(refused))
    messages: list[str] = []

    def cancel(dialog: DatabaseDialog) -> None:
        messages.append(dialog.error_label.text())
        assert dialog.user_edit.text() == "utan_rätt"
        dialog.reject()

    timer = answer_dialog(cancel)
    start(qtbot, startup)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    timer.stop()
    assert messages[0].startswith("Det gick inte att ansluta till servern:")
    assert "rätt" in messages[0] or "behörighet" in messages[0], messages[0]
    assert startup.services is None
    assert DATABASE_KIND.read(settings) == ""  # a named --db is not remembered
