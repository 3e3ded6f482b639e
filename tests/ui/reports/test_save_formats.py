"""Saving the report shown as a web page (HTML) or a Word document from the reports page."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from loften_app.storage.services import Services
from tests.ui.conftest import screenshot
from tests.ui.reports.conftest import MakePage
from tests.ui.steps import make_report


@pytest.mark.parametrize(("public", "file_format"), [(True, "html"), (False, "docx")])
def test_save_as_html_or_word_makes_the_report_in_that_format(
    qtbot: QtBot,
    *,
    make_page: MakePage,
    ui_services: Services,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    public: bool,
    file_format: str,
) -> None:
    page = make_page(ui_services)
    page.public_radio.setChecked(public)
    make_report(qtbot, page)
    page.format_combo.setCurrentIndex(page.format_combo.findData(file_format))
    asked: list[tuple[Any, ...]] = []

    def answer(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(tmp_path / "till webben"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    with qtbot.waitSignal(page.report_saved, timeout=60_000) as saved:
        target = page.save_as()
    expected = tmp_path / f"till webben.{file_format}"
    assert target == expected and saved.args == [expected]
    qtbot.waitUntil(lambda: not page.busy())
    # The dialog proposed the report's name with the format's extension and filter.
    assert Path(asked[0][2]).suffix == f".{file_format}"
    assert f"*.{file_format}" in asked[0][3]
    assert page.message_label.text() == f"Sparad som {expected}."
    assert settings.value("reports/save_folder") == str(tmp_path)
    mode = stat.S_IMODE(expected.stat().st_mode)
    if file_format == "html":
        markup = expected.read_text(encoding="utf-8")
        assert '<html lang="sv">' in markup and "offentlig version" in markup
        assert mode & stat.S_IRGRP
    else:
        document = Document(str(expected))
        assert document.paragraphs[0].style.name == "Title"
        assert mode == 0o600  # internal: readable by its owner only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    screenshot(page, f"reports-save-{file_format}")
