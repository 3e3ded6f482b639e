"""Helpers for form tests: answering a message box the form opens, by its button text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from loften_app.storage.services import Services
from loften_app.ui.lookups import Lookups


def answer_next_message_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click `button_text` in the next message box that opens (checked every 10 ms)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        if seen is not None:
            seen.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(10, click)


def lookups_for(services: Services) -> Lookups:
    return Lookups(services)


Answer = Callable[[str], None]
