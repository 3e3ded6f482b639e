"""Fixtures for the register tests: the Filipstad template's registers and the lookups."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.storage.services import Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.page import RegistersPage

TODAY = dt.date(2018, 6, 1)
#: The size the page gets inside the main window (1280 × 800 less navigation and status bar).
PAGE_SIZE = (1030, 750)


@pytest.fixture
def lookups(ui_services: Services) -> Lookups:
    return Lookups(ui_services)


@pytest.fixture
def page(
    qtbot: QtBot, ui_services: Services, lookups: Lookups, settings: QSettings
) -> RegistersPage:
    page = RegistersPage(ui_services, lookups, settings, period=None, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    page.show()
    qtbot.waitExposed(page)
    return page
