"""Helpers for the safety tests: a started window on a real file, answering dialogs, and
recording the message boxes the actions show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from loften_app.ui.app import Startup
from loften_app.ui.main_window import MainWindow
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER
from tests.ui.starting import start


def start_window(
    qtbot: QtBot, settings: QSettings, path: Path, photo_dir: Path
) -> tuple[MainWindow, Startup]:
    """A window started on `path` as the application does, its startup tasks finished."""
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = MainWindow(settings=settings, database_name=path.name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    startup = Startup(window, settings, path, photo_dir=photo_dir)
    start(qtbot, startup)
    settle(startup)
    return window, startup


def settle(startup: Startup) -> None:
    """Wait for every call on the helper thread, and for calls their results started."""
    assert startup.background is not None
    for _ in range(4):
        startup.background.wait()
        QApplication.processEvents()


def answer_next_dialog(kind: type[QWidget], action: Callable[[Any], None]) -> list[BaseException]:
    """Run `action(dialog)` on the next modal dialog of `kind` that opens. An error in
    `action` closes the dialog and lands in the returned list (assert it is empty)."""
    errors: list[BaseException] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, look)
            return
        try:
            action(dialog)
        except BaseException as error:
            errors.append(error)
            dialog.close()

    QTimer.singleShot(10, look)
    return errors


@dataclass
class Boxes:
    """The message boxes shown (kind, title, text); `question` answers Yes unless told."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorded = Boxes()

    def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: Any, title: str, text: str, *_args: Any) -> Any:
            recorded.shown.append((kind, title, text))
            if kind == "question":
                return recorded.answer
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return recorded


Launch = Callable[[], tuple[MainWindow, Startup]]


@pytest.fixture
def launch(qtbot: QtBot, settings: QSettings, ui_database: Any, tmp_path: Path) -> Launch:
    """Start a window on the test's database (from the template, see `ui_services`)."""
    return lambda: start_window(qtbot, settings, ui_database.path, tmp_path / "photos")
