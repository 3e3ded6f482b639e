"""The reports as Word documents, read back with python-docx: headings in Word's heading
styles, tables with header rows, Swedish set as the language, and the PDF's figures."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import stat
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from loften_app.reports.documents import ReportFormat, ReportKind, ReportRequest, write_report
from loften_app.storage.services import Services
from tests.reports.conftest import INTERNAL_COMMENT, PUBLIC_COMMENT, pdf_text
from tests.reports.report_data import (
    AFTER,
    CASE_CODE,
    PERSONNUMMER,
    Q3,
    TODAY,
    drug_numbers,
    free_texts,
)
from tests.reports.report_data import text_figures as figures

HEADINGS = {"Title": 1, "Heading 1": 2, "Heading 2": 3}


def body_text(path: Path) -> tuple[str, list[tuple[int, str]], list]:  # type: ignore[type-arg]
    """The document's text in reading order (paragraphs and table cells, captions left out as
    the HTML test does), its headings as (level, text), and its tables."""
    document = Document(str(path))
    parts: list[str] = []
    headings: list[tuple[int, str]] = []
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in document.element.body.iterchildren():
        if child in paragraphs:
            p = paragraphs[child]
            if p.style.name in HEADINGS:
                headings.append((HEADINGS[p.style.name], p.text))
            if p.style.name != "Caption":
                parts.append(p.text)
        elif child in tables:
            for row in tables[child].rows:
                parts.extend(cell.text for cell in row.cells)
    return re.sub(r"\s+", " ", " ".join(parts)).strip(), headings, document.tables


def make(services: Services, tmp_path: Path, request: ReportRequest, today: dt.date) -> Path:
    suffix = "docx" if request.format is ReportFormat.DOCX else "pdf"
    out = tmp_path / f"{request.kind}-{request.public}.{suffix}"
    write_report(services, request, out, made_by="Anna", today=today)
    return out


@pytest.mark.parametrize(
    ("kind", "public"),
    [
        (ReportKind.FOLLOW_UP, True),
        (ReportKind.FOLLOW_UP, False),
        (ReportKind.QUARTERLY, True),
        (ReportKind.QUARTERLY, False),
    ],
)
def test_the_word_document_has_real_headings_tables_and_the_pdfs_figures(
    demo_services: Services, tmp_path: Path, kind: ReportKind, public: bool
) -> None:
    s = demo_services
    today, q = (AFTER, None) if kind is ReportKind.FOLLOW_UP else (TODAY, Q3)
    docx = make(s, tmp_path, ReportRequest(kind, public, q, format=ReportFormat.DOCX), today)
    pdf = pdf_text(make(s, tmp_path, ReportRequest(kind, public, q), today))
    text, headings, tables = body_text(docx)

    assert figures(text) == figures(pdf)
    assert len(figures(text)) > 50
    assert text.count("färre än 5") == pdf.count("färre än 5")
    # Title first and only once, then Heading 1 and 2 without skipping a level.
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1 and 2 in levels and 3 in levels
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    # Every table's first row is a header row (bold, marked as such for Word and readers).
    assert len(tables) > 5
    for table in tables:
        row = table.rows[0]
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in row.cells for run in cell.paragraphs[0].runs)
    # Swedish: in the document's properties and as the default language of its text.
    document = Document(str(docx))
    assert document.core_properties.language == "sv-SE"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    langs = {e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))}
    assert langs == {"sv-SE"}
    assert document.core_properties.title.startswith(("Uppföljning", "Kvartalsrapport"))
    mode = stat.S_IMODE(docx.stat().st_mode)
    if public:
        assert [t for t in free_texts(s) if t in text] == []
        assert CASE_CODE.search(text) is None and INTERNAL_COMMENT not in text
        assert PERSONNUMMER.search(text) is None
        start, end = (
            ("Löfte 4", "Indikatorer")
            if kind is ReportKind.FOLLOW_UP
            else ("Narkotikaärenden 2018 kv 3", "Indikatorer")
        )
        # The drug section ends where the other activities (promise numbers, counts) begin.
        if kind is ReportKind.QUARTERLY and "Övriga aktiviteter 2018 kv 3" in text:
            end = "Övriga aktiviteter 2018 kv 3"
        assert drug_numbers(text, start, end) == []
        assert mode & stat.S_IRGRP
    else:
        assert mode == 0o600
        if kind is ReportKind.FOLLOW_UP:
            assert INTERNAL_COMMENT in text and PUBLIC_COMMENT in text
        else:
            assert CASE_CODE.search(text) is not None
