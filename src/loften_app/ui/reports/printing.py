"""Printing a report: QtPdf renders its pages, QtPrintSupport puts them on paper.

`print_pdf` runs on the background helper: it opens its own `QPdfDocument` (the viewer's belongs
to the UI thread) and paints into the printer that the print dialog set up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtGui import QPainter

from loften_app.domain.errors import LoftenError

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

#: Pages are rendered at no more than this resolution: sharp on paper, bounded in memory.
MAX_DPI = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


def printing_problem() -> str | None:
    """None when this installation can print; otherwise why not, for the user."""
    try:
        from PySide6.QtPrintSupport import QPrinter  # noqa: F401
    except ImportError as error:
        return _tr(
            "Utskrift är inte möjlig i den här installationen (Qt:s utskriftsstöd saknas: %1)."
        ).replace("%1", str(error))
    return None


def print_pdf(
    path: Path, printer: QPrinter, *, progress: Callable[[int, int], None] | None = None
) -> int:
    """Print the pages of the PDF at `path` that `printer`'s page range asks for (all when it
    asks for none), each scaled to fit the paper; returns how many pages were printed."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise LoftenError(
            _tr("Rapporten %1 kan inte skrivas ut: filen går inte att läsa.").replace(
                "%1", str(path)
            )
        )
    count = int(document.pageCount())
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, count
    pages = range(max(first, 1) - 1, min(last, count))
    painter = QPainter()
    if not painter.begin(printer):
        raise LoftenError(
            _tr(
                "Skrivaren kunde inte startas. Kontrollera att den är påslagen och ansluten "
                "och försök igen."
            )
        )
    try:
        for done, page in enumerate(pages):
            if progress is not None:
                progress(done, len(pages))
            if done:
                printer.newPage()
            _paint_page(document, page, painter)
    finally:
        painter.end()
        document.close()
    if progress is not None:
        progress(len(pages), len(pages))
    return len(pages)


def _paint_page(document: object, page: int, painter: QPainter) -> None:
    from PySide6.QtPdf import QPdfDocument

    assert isinstance(document, QPdfDocument)
    target = painter.viewport()
    points = document.pagePointSize(page)
    if points.width() <= 0 or points.height() <= 0:
        return
    scale = min(target.width() / points.width(), target.height() / points.height())
    width, height = round(points.width() * scale), round(points.height() * scale)
    # The image: the size it takes on paper, but no finer than MAX_DPI.
    limit = MAX_DPI / 72.0
    pixels = QSize(
        max(1, min(width, round(points.width() * limit))),
        max(1, min(height, round(points.height() * limit))),
    )
    image = document.render(page, pixels)
    left = target.x() + (target.width() - width) // 2
    top = target.y() + (target.height() - height) // 2
    painter.drawImage(QRect(left, top, width, height), image)
