"""Helpers for form tests: answering a message box the form opens, by its button text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

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
        names = [b.text() for b in box.buttons()]
        box.reject()  # closed, so that the test goes on and fails instead of waiting for ever
        raise AssertionError(f"no button {button_text!r} in {names}")

    QTimer.singleShot(10, click)


def lookups_for(services: Services) -> Lookups:
    return Lookups(services)


INPUTS = (QComboBox, QAbstractSpinBox, QAbstractButton, QLineEdit, QPlainTextEdit, QListWidget)


def unnamed_inputs(form: QWidget) -> list[str]:
    """Inputs a screen reader could not name (the spin boxes' own line edits excluded)."""
    return [
        f"{type(widget).__name__} {widget.objectName()}"
        for widget in form.findChildren(QWidget)
        if isinstance(widget, INPUTS)
        and not isinstance(widget.parentWidget(), QAbstractSpinBox)
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ]


def tab_order(form: QWidget, first: QWidget, stops: int) -> list[QWidget]:
    """The widgets that Tab visits from `first`, each once (a date field has several sections)."""
    first.setFocus()
    seen = [first]
    for _ in range(stops * 4):
        current = form.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        widget = form.focusWidget()
        if widget is not None and widget is not seen[-1]:
            seen.append(widget)
        if len(seen) == stops:
            break
    return seen
