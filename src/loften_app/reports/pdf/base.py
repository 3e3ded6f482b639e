"""The page, the fonts, the styles and the table helper that both reports use."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from loften_app.resources import resource_path

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
#: Width of the text frame: tables are laid out to fit exactly within it.
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

ACCENT = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#b8c4d0")


def register_fonts() -> None:
    """Register the shipped DejaVu Sans (regular and bold) with ReportLab, once."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 9, "leading": 11.5}
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    title = _style("title", fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT)
    subtitle = _style("subtitle", fontSize=11, leading=14, spaceAfter=2)
    meta = _style("meta", fontSize=8.5, textColor=colors.HexColor("#555555"))
    h1 = _style(
        "h1",
        fontName=BOLD,
        fontSize=14,
        leading=17,
        textColor=ACCENT,
        spaceBefore=10,
        spaceAfter=5,
        keepWithNext=1,
    )
    h2 = _style(
        "h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3, keepWithNext=1
    )
    body = _style("body", spaceAfter=4)
    quote = _style(
        "quote",
        leftIndent=8,
        fontSize=9,
        leading=12,
        spaceAfter=4,
        textColor=colors.HexColor("#333333"),
    )
    cell = _style("cell", fontSize=8, leading=10)
    cell_right = _style("cell_right", fontSize=8, leading=10, alignment=TA_RIGHT)
    head = _style("head", fontName=BOLD, fontSize=8, leading=10, textColor=colors.white)
    head_right = _style(
        "head_right",
        fontName=BOLD,
        fontSize=8,
        leading=10,
        textColor=colors.white,
        alignment=TA_RIGHT,
    )
    note = _style("note", fontSize=7.5, leading=9.5, textColor=colors.HexColor("#555555"))


def para(text: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of plain text (escaped: the user's text is never markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


#: Horizontal padding of a table cell, each side (points).
_CELL_PADDING = 4
_SMALLEST_FONT = 6.0


def _atoms(line: str) -> list[tuple[str, str]]:
    """`line` as (piece, separator before it): pieces split at spaces and after slashes, the
    only places a cell may break ("Resecentrum/" + "busstationen", never "busst" + "ationen")."""
    atoms: list[tuple[str, str]] = []
    for i, word in enumerate(line.split(" ")):
        parts = re.split(r"(?<=/)", word)
        for j, part in enumerate(p for p in parts if p):
            atoms.append((part, " " if i > 0 and j == 0 else ""))
    return atoms


def wrap_cell(text: str, font: str, size: float, width: float) -> tuple[list[str], float]:
    """`text` broken into lines no wider than `width` in `font` at `size`, only at spaces and
    after slashes; a word wider than `width` makes the whole text smaller (down to 6 pt)
    instead of being broken inside. Returns the lines and the font size."""
    lines = text.split("\n")
    if all(stringWidth(line, font, size) <= width for line in lines):
        return lines, size  # the common case: nothing to break
    atoms = [_atoms(line) for line in lines]
    widest = max((stringWidth(p, font, size) for line in atoms for p, _ in line), default=0.0)
    if widest > width:
        size = max(_SMALLEST_FONT, size * width / widest)
    wrapped: list[str] = []
    for line in atoms:
        current = ""
        for piece, separator in line:
            candidate = current + separator + piece if current else piece
            if current and stringWidth(candidate, font, size) > width:
                wrapped.append(current)
                current = piece
            else:
                current = candidate
        wrapped.append(current)
    return wrapped, size


def cell_paragraph(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A table cell that breaks lines only at spaces and after slashes; a word wider than the
    cell is set in a smaller font (down to 6 pt) instead of being broken inside."""
    wrapped, size = wrap_cell(text, style.fontName, style.fontSize, width)
    if size != style.fontSize:
        style = ParagraphStyle(
            f"{style.name}-{size:.2f}", parent=style, fontSize=size, leading=size * 1.25
        )
    return Paragraph("<br/>".join(escape(w) for w in wrapped), style)


#: A table cell's font size and leading (points), as `Styles.cell`.
_CELL_SIZE = 8.0
_CELL_LEADING = 10.0


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
) -> Table:
    """A table whose cells wrap (never wider than the frame): `widths` are fractions of the
    text width; the columns in `right` are right-aligned (figures).

    The cells are plain text, wrapped here (`wrap_cell`) and drawn by the table itself: a
    Paragraph per cell (its markup parsed, its lines broken again) took most of a long
    report's time."""
    assert abs(sum(widths) - 1) < 1e-6, widths
    col_widths = [w * CONTENT_WIDTH for w in widths]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), _CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), _CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right]
    inner = [w - 2 * _CELL_PADDING for w in col_widths]
    data: list[list[str]] = []
    for r, row in enumerate([header, *rows]):
        font = BOLD if r == 0 else FONT
        cells: list[str] = []
        for c, value in enumerate(row):
            lines, size = wrap_cell(str(value), font, _CELL_SIZE, inner[c])
            if size != _CELL_SIZE:
                commands.append(("FONTSIZE", (c, r), (c, r), size))
                commands.append(("LEADING", (c, r), (c, r), size * 1.25))
            cells.append("\n".join(lines))
        data.append(cells)
    commands += [("BACKGROUND", (0, i), (-1, i), LIGHT) for i in range(2, len(data), 2)]
    result = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that knows the page count at the end, for "Sida X av Y"."""

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Otherwise the canvas starts in Helvetica, a font the PDF would name but not embed.
        if kwargs.get("initialFontName") is None:
            kwargs["initialFontName"] = FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.setStrokeColor(GRID)
        self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        self.drawString(MARGIN, 9 * mm, self.footer_left)
        self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, f"Sida {self._pageNumber} av {total}")
        self.restoreState()


def build_pdf(
    story: list[Flowable], *, title: str, author: str, subject: str, footer: str
) -> bytes:
    """Lay out `story` on A4 pages and return the PDF."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 2 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="Löften",
        initialFontName=FONT,
        lang="sv-SE",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvas_class = type("FooterCanvas", (_NumberedCanvas,), {"footer_left": footer})
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


# Paragraph styles name the fonts: they must be known before the first paragraph is made.
register_fonts()
