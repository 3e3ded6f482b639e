"""The reports as Word documents (.docx, python-docx) that the coordinator edits before
publishing: real headings (Title, Heading 1, Heading 2), tables with a repeated header row,
Swedish as the document's language. The content is written by the same builders as the HTML
page (`reports.html`), from the same computed report; the monthly charts become tables of
their numbers (editable, and readable by a screen reader)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.table import Table as DocxTable

from loften_app.reports.follow_up import FollowUpReport
from loften_app.reports.html.follow_up import write_follow_up
from loften_app.reports.html.markup import Chart, Table, chart_table
from loften_app.reports.html.quarterly import write_quarterly
from loften_app.reports.quarterly import QuarterlyReport

__all__ = ["LANGUAGE", "render_follow_up_docx", "render_quarterly_docx"]

LANGUAGE = "sv-SE"
#: The builders' heading levels as Word styles: the title, a part, a heading within a part.
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
META = RGBColor(0x4D, 0x4D, 0x4D)


class Word:
    """A Word document being written (a `reports.html.markup.Writer`)."""

    def __init__(self, *, title: str, subject: str, author: str) -> None:
        self.document = Document()
        props = self.document.core_properties
        props.title, props.subject, props.author = title, subject, author
        props.language = LANGUAGE
        # The language of every run: the document defaults, and each paragraph style.
        for rpr in self.document.styles.element.iter(qn("w:rPr")):
            _set_language(rpr)
        for style in self.document.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                _set_language(style.element.get_or_add_rPr())
        normal = self.document.styles["Normal"].font
        normal.name, normal.size = "Calibri", Pt(11)

    def heading(self, level: int, text: str) -> None:
        self.document.add_paragraph(text, style=HEADING_STYLES[min(level, 3)])

    def para(self, text: str, kind: str = "") -> None:
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(text)
        if kind in ("meta", "note"):
            run.font.color.rgb = META
            run.font.size = Pt(10)
            run.italic = kind == "note"

    def lead(self, title: str, lines: Sequence[str]) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run(title).bold = True
        for line in lines:
            paragraph.add_run().add_break()
            paragraph.add_run(line)

    def quote(self, text: str) -> None:
        for part in (t for t in text.split("\n\n") if t.strip()):
            self.document.add_paragraph(part, style="Quote")

    def add(self, block: Table | Chart) -> None:
        if isinstance(block, Chart):
            self.para(f"{block.title}. {block.description}", "meta")
            block = chart_table(block)
        self._table(block)

    def begin_section(self) -> None:
        pass

    def end_section(self) -> None:
        pass

    def _table(self, t: Table) -> None:
        caption = self.document.add_paragraph(t.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
        grid: DocxTable = self.document.add_table(rows=1 + len(t.rows), cols=len(t.headers))
        grid.style = "Table Grid"
        _repeat_header(grid)
        for i, header in enumerate(t.headers):
            cell = grid.rows[0].cells[i]
            run = cell.paragraphs[0].add_run(header or "Uppgift")
            run.bold = True
            if i in t.numbers:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r, row in enumerate(t.rows, start=1):
            for i, value in enumerate(row):
                cell = grid.rows[r].cells[i]
                cell.text = value
                if i in t.numbers:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.document.add_paragraph()

    def save(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _set_language(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), LANGUAGE)


def _repeat_header(grid: DocxTable) -> None:
    """Mark the first row as the table's header row (repeated on each page, read as headers)."""
    tr_pr = grid.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def render_follow_up_docx(report: FollowUpReport) -> bytes:
    """The follow-up (internal or public) as a Word document."""
    h = report.header
    doc = Word(
        title=f"{h.document_title}: {h.agreement_title}",
        subject=f"{h.document_title} av medborgarlöftena {h.period_text}",
        author=h.made_by,
    )
    write_follow_up(doc, report)
    return doc.save()


def render_quarterly_docx(report: QuarterlyReport) -> bytes:
    """The quarterly report (internal or public) as a Word document."""
    h = report.header
    doc = Word(
        title=f"{h.document_title} {report.quarter.label}",
        subject=f"{h.document_title} {report.quarter.label}: {h.agreement_title}",
        author=h.made_by,
    )
    write_quarterly(doc, report)
    return doc.save()
