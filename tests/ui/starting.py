"""Starting the window in GUI tests: `Startup.start()` shows the overview's first cards of a
current local file before it opens the database (in a later turn of the event loop)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from loften_app.ui.app import Startup


def start(qtbot: QtBot, startup: Startup) -> None:
    """`startup.start()`, then wait until the database is opened (or refused)."""
    startup.start()
    qtbot.waitUntil(lambda: startup.early_overview is None, timeout=20000)
