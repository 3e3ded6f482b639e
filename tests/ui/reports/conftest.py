"""Fixtures for the reports page: a page on the template database, dated in 2018-Q3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.storage.services import Services
from loften_app.ui.background import Background
from loften_app.ui.reports import ReportsPage

TODAY = dt.date(2018, 8, 15)

MakePage = Callable[..., ReportsPage]


@pytest.fixture
def make_page(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> MakePage:
    """A shown reports page on `services` (default: the template's agreement, no records)."""

    def make(services: Services, *, report_dir: Path | None = None) -> ReportsPage:
        page = ReportsPage(
            services,
            settings,
            background=Background(),
            made_by="Anna",
            today=lambda: TODAY,
            report_dir=report_dir or (tmp_path / "made"),
        )
        (report_dir or (tmp_path / "made")).mkdir(exist_ok=True)
        qtbot.addWidget(page)
        page.resize(1030, 760)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make
