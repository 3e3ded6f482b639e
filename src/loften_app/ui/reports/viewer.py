"""A PDF shown inside Löften (QtPdf): the pages, page navigation and zoom.

QtPdf comes from PySide6-Addons (Python 3.11) or PySide6-Pdf (3.12+). This module is imported
only when the first report is shown, so QtPdf never weighs on start-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QIcon, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfPageNavigator
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import LoftenError

#: Zoom steps of "Förstora"/"Förminska", as factors of the page's natural size.
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class PdfViewer(QWidget):
    """One PDF document: a bar with the page number and zoom, and its pages below.

    `load(path)` shows a file (raises `LoftenError` when it cannot be read); `clear()` shows
    nothing. The document, view and navigator are public for the page and the tests.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_viewer")
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.navigator: QPdfPageNavigator = self.view.pageNavigator()

        self.previous_button = self._tool(self.tr("Föregående sida"), "go-previous", "‹")
        self.next_button = self._tool(self.tr("Nästa sida"), "go-next", "›")
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setAccessibleName(self.tr("Sida"))
        self.page_spin.setKeyboardTracking(False)
        self.page_count_label = QLabel()
        self.zoom_out_button = self._tool(self.tr("Förminska (Ctrl+-)"), "zoom-out", "−")
        self.zoom_in_button = self._tool(self.tr("Förstora (Ctrl++)"), "zoom-in", "+")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_width_button = QToolButton()
        self.fit_width_button.setText(self.tr("Fyll bredden"))
        self.fit_width_button.setCheckable(True)
        self.fit_page_button = QToolButton()
        self.fit_page_button.setText(self.tr("Hela sidan"))
        self.fit_page_button.setCheckable(True)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.setSpacing(6)
        bar.addWidget(self.previous_button)
        bar.addWidget(QLabel(self.tr("Sida")))
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(8)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(-1))
        self.fit_width_button.clicked.connect(
            lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_button.clicked.connect(
            lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitInView)
        )
        self.navigator.currentPageChanged.connect(self._update_bar)
        self.view.zoomFactorChanged.connect(self._update_bar)
        self.view.zoomModeChanged.connect(self._update_bar)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom(-1))
        self._update_bar()

    def _tool(self, tip: str, icon: str, fallback: str) -> QToolButton:
        button = QToolButton()
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        themed = QIcon.fromTheme(icon)
        if themed.isNull():
            button.setText(fallback)
        else:
            button.setIcon(themed)
        return button

    # --- public -------------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Show the PDF at `path` from its first page."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self._update_bar()
            raise LoftenError(
                self.tr("Rapporten %1 kan inte visas (filen går inte att läsa som PDF).").replace(
                    "%1", str(path)
                )
            )
        self.go_to(0)
        self._update_bar()

    def clear(self) -> None:
        self.document.close()
        self._update_bar()

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return int(self.navigator.currentPage())

    def go_to(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_bar()

    def zoom(self, steps: int) -> None:
        """One step bigger (+1) or smaller (-1) than the zoom shown now."""
        factor = self.effective_zoom()
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > factor + 0.001]
            factor = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < factor - 0.001]
            factor = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_bar()

    def effective_zoom(self) -> float:
        """The zoom shown now, also when the view fits the page to its width or to itself."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(self.view.zoomFactor())
        points = self.document.pagePointSize(max(self.current_page(), 0))
        scale = self.logicalDpiX() / 72.0
        if points.width() <= 0 or points.height() <= 0:
            return float(self.view.zoomFactor())
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        factor = width / (points.width() * scale)
        if mode == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            factor = min(factor, height / (points.height() * scale))
        return max(factor, 0.01)

    def set_zoom_mode(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._update_bar()

    # --- internals ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_bar()

    def _update_bar(self, *_args: object) -> None:
        count = self.page_count()
        page = self.current_page() if count else 0
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1 if count else 0, max(count, 0))
        self.page_spin.setValue(page + 1 if count else 0)
        self.page_spin.blockSignals(False)
        self.page_count_label.setText(self.tr("av %1").replace("%1", str(count)))
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        self.page_spin.setEnabled(count > 0)
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)} %" if count else "")
        for widget in (self.zoom_in_button, self.zoom_out_button):
            widget.setEnabled(count > 0)
