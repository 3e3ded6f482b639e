"""The reports page keeps document and choices together: a shown report goes away as soon as a
choice changes, "Spara som…" saves only what is shown under a name that says its version, and an
internal copy is readable by its owner only."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from loften_app.storage.services import Services
from loften_app.ui.reports import ReportsPage
from loften_app.ui.reports.jobs import ShownReport
from tests.ui.conftest import screenshot
from tests.ui.reports.conftest import MakePage


def make(qtbot: QtBot, page: ReportsPage) -> ShownReport:
    with qtbot.waitSignal(page.report_shown, timeout=60_000) as shown:
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy())
    report = shown.args[0]
    assert isinstance(report, ShownReport)
    return report


def save(
    page: ReportsPage, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path | None, list[str]]:
    asked: list[str] = []

    def answer(*args: Any) -> tuple[str, str]:
        asked.append(Path(args[2]).name)
        return str(folder / Path(args[2]).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return page.save_as(), asked


@pytest.mark.parametrize(
    "change",
    ["version", "kind", "quarter"],
)
def test_changing_a_choice_takes_the_shown_report_away(
    qtbot: QtBot,
    make_page: MakePage,
    ui_services: Services,
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    page = make_page(ui_services)
    make(qtbot, page)
    assert page.version_banner.isVisible() and "INTERN" in page.version_banner.text()
    if change == "version":
        page.public_radio.setChecked(True)
    elif change == "kind":
        page.follow_up_radio.setChecked(True)
    else:
        page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2017 kv 1"))
    assert page.shown is None
    assert not page.version_banner.isVisible()
    assert page.stack.currentWidget() is page.placeholder
    assert not page.save_button.isEnabled()
    assert page.message_label.text() == "Valen har ändrats: skapa rapporten igen."
    screenshot(page, f"reports-changed-{change}")
    saved, asked = save(page, Path("nowhere"), monkeypatch)
    assert (saved, asked) == (None, [])  # nothing to save: the internal one is gone


def test_a_report_finished_after_the_choices_changed_is_not_shown(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    job = page.make()
    assert job is not None
    # The radios are disabled while busy; a change of choices can still come from elsewhere.
    page.public_radio.setEnabled(True)
    page.public_radio.setChecked(True)
    qtbot.waitUntil(lambda: not page.busy(), timeout=60_000)
    assert page.shown is None
    assert not page.version_banner.isVisible()


def test_the_saved_copy_says_its_version_and_an_internal_one_is_owner_only(
    qtbot: QtBot,
    make_page: MakePage,
    ui_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(ui_services)
    make(qtbot, page)
    saved, asked = save(page, tmp_path, monkeypatch)
    assert asked == ["Kvartalsrapport 2018-Q3 (intern).pdf"]
    assert saved is not None and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "INTERN VERSION" in page.version_banner.text()

    page.follow_up_radio.setChecked(True)
    page.public_radio.setChecked(True)
    report = make(qtbot, page)
    assert report.choice.public and report.choice.kind == "follow-up"
    saved, asked = save(page, tmp_path, monkeypatch)
    assert asked == ["Uppföljning 2017-2018 (offentlig).pdf"]
    assert saved is not None and saved.read_bytes() == report.path.read_bytes()
    assert "OFFENTLIG VERSION" in page.version_banner.text()
    assert "Uppföljning" in page.version_banner.text()
