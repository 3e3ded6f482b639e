"""The window's part of the file hardening (issue 14, holes 9 and 11): the settings file is
owner-only, a write-protected database opens read-only with a message, and an exception nobody
caught is logged and shown naming the log file."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from loften_app.storage.database import Database
from loften_app.storage.logs import setup_logging
from loften_app.storage.services import Services
from loften_app.ui.app import Startup, UncaughtErrors, _make_settings_private
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER
from tests.ui.conftest import screenshot
from tests.ui.starting import start


def test_the_settings_file_and_its_folder_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "config" / "Loften" / "Loften.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    _make_settings_private(settings)
    settings.setValue(SETTINGS_USER, "Anna")
    settings.sync()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "Anna" in path.read_text(encoding="utf-8")


def test_a_write_protected_database_opens_read_only_with_a_message(
    qtbot: QtBot, settings: QSettings, ui_database: Database, ui_services: Services
) -> None:
    path = ui_database.path
    ui_database.close()
    os.chmod(path, 0o444)
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name=path.name)
    qtbot.addWidget(window)
    startup = Startup(window, settings, path)
    window.show()
    start(qtbot, startup)
    qtbot.waitUntil(lambda: isinstance(window.page("overview"), OverviewPage))
    box = window.findChild(QMessageBox, "read_only_message")
    assert box is not None and box.isVisible()
    assert "skrivskyddad" in box.text() and "inget kan sparas" in box.text()
    screenshot(box, "read-only-database")
    box.close()
    startup.finish()
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_an_uncaught_exception_is_logged_and_shown_naming_the_log_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        database_name="x.db",
    )
    qtbot.addWidget(window)
    log_file = setup_logging(tmp_path / "data")
    assert log_file is not None
    try:
        hook = UncaughtErrors(window, log_file)
        try:
            raise KeyError("oväntat")
        except KeyError as error:
            hook(KeyError, error, error.__traceback__)
        box = window.findChild(QMessageBox, "uncaught_error")
        assert box is not None and box.isVisible()
        assert str(log_file) in box.text()
        screenshot(box, "uncaught-error")
        box.close()
        text = log_file.read_text(encoding="utf-8")
        assert "Traceback" in text and "KeyError" in text
    finally:
        logger = logging.getLogger("loften_app")
        for handler in list(logger.handlers):
            if getattr(handler, "baseFilename", None) == str(log_file):
                logger.removeHandler(handler)
                handler.close()


def test_photos_and_their_folder_are_owner_only(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from loften_app.ui.forms.photos import copy_photo

    source = tmp_path / "bild.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(source))
    os.chmod(source, 0o644)
    folder = tmp_path / "data" / "photos"
    name = copy_photo(source, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert (folder / name).read_bytes() == source.read_bytes()
