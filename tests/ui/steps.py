"""Steps of GUI tests that several test modules take (clicking through a dialog, a report)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from loften_app.ui.reports import ReportsPage
from loften_app.ui.reports.jobs import ShownReport
from loften_app.ui.safety.exchange import (
    ImportPreviewDialog,
)
from tests.ui.safety.conftest import settle


def choose_file(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *_a, **_k: (str(path), "")))


def import_through_window(
    launch_result: tuple[object, object], monkeypatch: pytest.MonkeyPatch, package: Path
) -> ImportPreviewDialog:
    window, startup = launch_result
    choose_file(monkeypatch, "getOpenFileName", package)
    window.database_actions["import"].trigger()  # type: ignore[attr-defined]
    settle(startup)  # type: ignore[arg-type]
    dialog = startup.safety.preview_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, ImportPreviewDialog)
    return dialog


def make_report(qtbot: QtBot, page: ReportsPage) -> ShownReport:
    """Click "Skapa rapport" and wait until the report is shown."""
    with qtbot.waitSignal(page.report_shown, timeout=60_000) as shown:
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    report = shown.args[0]
    assert isinstance(report, ShownReport)
    qtbot.waitUntil(lambda: not page.busy())
    return report
