"""Parts of a form side by side where there is room, one above the other where there is not
(1366×768 at 150 % leaves a form about 550 pixels): the form never scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QWidget


class SideBySide(QWidget):
    """Holds `parts` left to right when its width allows each its minimum, else top to bottom.
    Its minimum width is that of its widest part, so a scroll area around it can narrow it."""

    def __init__(self, *parts: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for part in parts:
            self._layout.addWidget(part, 1, Qt.AlignmentFlag.AlignTop)

    def _side_by_side_width(self) -> int:
        spacing = max(self._layout.spacing(), 0) * (len(self._parts) - 1)
        return sum(part.minimumSizeHint().width() for part in self._parts) + spacing

    def is_side_by_side(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def minimumSizeHint(self) -> QSize:
        widest = max((part.minimumSizeHint().width() for part in self._parts), default=0)
        return QSize(widest, self._layout.minimumSize().height())

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)


def heading_and_buttons(heading: QWidget, *buttons: QWidget) -> SideBySide:
    """A table's heading (a title, a count) with its buttons on the right, or the buttons in a
    row under the heading on a narrow form."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addStretch(1)
    for button in buttons:
        layout.addWidget(button)
    return SideBySide(heading, row)
