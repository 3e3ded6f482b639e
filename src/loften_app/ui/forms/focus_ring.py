"""A visible focus frame around whatever field has the keyboard focus inside a widget.

Styles draw focus very differently (Fusion's hardly shows on a combo box or a check box), and a
fast typist must see where the next key goes. `FocusRing(area)` draws a 2-pixel blue frame
around the focused widget whenever it lies inside `area`; it takes no clicks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

RING_COLOUR = QColor("#1f6fd1")
RING_WIDTH = 2
_MARGIN = 3


class FocusRing(QWidget):
    """The frame; it follows the focus inside `area` (see the module docstring)."""

    def __init__(self, area: QWidget) -> None:
        super().__init__(area)
        self.setObjectName("focus_ring")
        self._area = area
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._clip = QRect()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    @property
    def target(self) -> QWidget | None:
        """The widget the frame is drawn around (None while hidden)."""
        return self._target if self.isVisible() else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._watched = []
        target = self._ringed(new)
        self._target = target
        if target is None:
            self.hide()
            return
        # The field and everything between it and the area: a scroll moves the body, not it.
        widget: QWidget | None = target
        while widget is not None and widget is not self._area:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._place()

    def _ringed(self, widget: QWidget | None) -> QWidget | None:
        """The widget to draw around: a field's own box rather than its inner viewport."""
        if widget is None or widget is self._area or not self._area.isAncestorOf(widget):
            return None
        parent = widget.parentWidget()
        # The viewport of a list or a text box, the line edit inside a combo box or a spin box:
        # frame the whole field.
        if parent is not None and (
            isinstance(parent, QAbstractScrollArea) or widget.objectName() == "qt_spinbox_lineedit"
        ):
            return parent
        if parent is not None and parent.focusProxy() is widget:
            return parent
        return widget

    def _place(self) -> None:
        target = self._target
        if target is None:
            return
        area = self._area
        top_left = target.mapTo(area, QPoint(0, 0))
        rect = QRect(top_left, target.size()).adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        # Clipped to what a scroll area around the field shows of it.
        widget = target.parentWidget()
        while widget is not None and widget is not area:
            if isinstance(widget, QAbstractScrollArea):
                viewport = widget.viewport()
                shown = QRect(viewport.mapTo(area, QPoint(0, 0)), viewport.size())
                rect = rect.intersected(shown.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))
            widget = widget.parentWidget()
        if rect.isEmpty():
            self.hide()
            return
        self.setGeometry(rect)
        self._clip = QRect(top_left - rect.topLeft(), target.size()).adjusted(
            -_MARGIN, -_MARGIN, _MARGIN, _MARGIN
        )
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        elif watched is self._target and kind == QEvent.Type.Hide:
            self.hide()
        return super().eventFilter(watched, event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(RING_COLOUR, RING_WIDTH)
        painter.setPen(pen)
        inset = RING_WIDTH / 2 + 0.5
        frame = self._clip.toRectF().adjusted(inset, inset, -inset, -inset)
        painter.drawRoundedRect(frame, 3, 3)
