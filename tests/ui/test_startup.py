"""The window is on screen before SQLAlchemy, Alembic and ReportLab are imported, and the data
fills in right after (ARCHITECTURE.md: imports that are slow load late)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.storage.database import Database
from loften_app.storage.services import Services
from loften_app.ui.app import Startup, after_first_paint, quick_source_check
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER

CHILD = Path(__file__).resolve().parents[2] / "benchmarks" / "startup_child.py"


def _start_child(tmp_path: Path, mode: str, database: Path) -> str:
    """`benchmarks/startup_child.py MODE DATABASE` in a fresh process, offscreen, as a user
    who has started Löften before (settings under `tmp_path`): what it printed."""
    config = tmp_path / "config" / "Loften"
    config.mkdir(parents=True)
    (config / "Loften.ini").write_text(
        "[user]\nname=Anna\norganisation=municipality\n", encoding="utf-8"
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, str(CHILD), mode, str(database)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_first_paint_comes_before_the_slow_imports(
    tmp_path: Path, ui_database: Database
) -> None:
    stdout = _start_child(tmp_path, "loften", ui_database.path)
    assert "first-paint" in stdout
    assert "heavy=-" in stdout, stdout


def test_the_pages_are_attached_after_the_first_paint(
    qtbot: QtBot, settings: QSettings, ui_database: Database, ui_services: Services
) -> None:
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name="filipstad.db")
    qtbot.addWidget(window)
    startup = Startup(window, settings, ui_database.path)
    after_first_paint(window, startup.start)
    window.show()
    qtbot.waitUntil(lambda: startup.services is not None, timeout=20_000)
    assert isinstance(window.page("overview"), OverviewPage)
    assert "Filipstad" in window.windowTitle()


def test_the_first_cards_are_painted_before_sqlalchemy_is_imported(
    tmp_path: Path, ui_database: Database, ui_services: Services
) -> None:
    """A current local file: the overview's first cards come before SQLAlchemy, the models
    and the services are imported (`reports.tracking.first`), then the database is opened."""
    ui_database.close()  # the child opens the file alone
    stdout = _start_child(tmp_path, "figures", ui_database.path)
    assert "figures-heavy -" in stdout, stdout


def test_the_quick_source_check_answers_as_pyside_does() -> None:
    """`quick_source_check` replaces PySide6's test of whether a module uses PySide (read when a
    module is imported) by one that reads the file's bytes: the same answers."""
    import importlib

    import loften_app.domain.periods
    import loften_app.ui.main_window

    feature = importlib.import_module("PySide6.support.feature")
    original = feature._mod_uses_pyside
    try:
        if not quick_source_check():
            assert getattr(original, "quick", False)  # already quick (another start in the run)
            return
        quick = feature._mod_uses_pyside
        for module in (loften_app.ui.main_window, loften_app.domain.periods, os, sys):
            assert quick(module) == original(module), module
        assert quick(loften_app.ui.main_window) and not quick(loften_app.domain.periods)
    finally:
        feature._mod_uses_pyside = original
