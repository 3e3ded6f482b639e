"""The heading of a table with its buttons: side by side on a wide form, the buttons under the
heading on a narrow one, and never wider than its widest part (a form does not scroll
sideways)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from loften_app.ui.forms.side_by_side import heading_and_buttons


def test_buttons_go_under_the_heading_when_narrow(qtbot: QtBot) -> None:
    heading = QLabel("0 butiksbesök")
    buttons = [QPushButton(text) for text in ("Lägg till", "Ta bort markerat besök", "Ny…")]
    bar = heading_and_buttons(heading, *buttons)
    host = QWidget()
    bar.setParent(host)
    qtbot.addWidget(host)
    host.show()
    together = heading.minimumSizeHint().width() + bar.minimumSizeHint().width()
    assert bar.minimumSizeHint().width() < together

    row = buttons[0].parentWidget()
    bar.resize(together + 100, 200)
    qtbot.waitUntil(bar.is_side_by_side)
    qtbot.waitUntil(lambda: row.y() == heading.y() and row.x() > heading.x())

    bar.resize(bar.minimumSizeHint().width(), 200)
    qtbot.waitUntil(lambda: not bar.is_side_by_side())
    qtbot.waitUntil(lambda: row.y() > heading.y())
    assert row.geometry().right() < bar.width()
    assert all(button.geometry().right() < row.width() for button in buttons)
