"""The reports as accessible HTML: parsed back with the standard library's `html.parser`.

The page is checked for what WCAG 2.1 AA asks that a parser can see (language, heading outline,
table headers, text alternatives of the charts, colour contrast computed from the style sheet)
and against the PDF made from the same data: the same numbers in the same order, the same
"färre än 5", no free text or case code in the public version.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from loften_app.domain.errors import LoftenError
from loften_app.reports.documents import ReportFormat, ReportKind, ReportRequest, write_report
from loften_app.reports.html.common import PUBLIC_DRUG_NOTE, PUBLIC_NOTE
from loften_app.reports.quarterly import quarterly_report
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
from tests.storage.conftest import db_argument

#: Text only the page has (what the PDF says in its running footer and the tables' captions).
SKIPPED = {"style", "title", "desc", "caption", "figcaption", "svg"}


@dataclass
class Page(HTMLParser):
    """What the tests look at in an HTML document."""

    lang: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: Per <svg>: the names of its direct children.
    svgs: list[list[str]] = field(default_factory=list)
    #: Per <th>: its scope (None when missing).
    th_scopes: list[str | None] = field(default_factory=list)
    tables: int = 0
    tables_with_head: int = 0
    style: str = ""
    texts: list[str] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _heading: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        if self._open and self._open[-1] == "svg":
            self.svgs[-1].append(tag)
        if tag == "svg":
            self.svgs.append([])
        if tag == "th":
            self.th_scopes.append(a.get("scope"))
        if tag == "table":
            self.tables += 1
        if tag == "thead":
            self.tables_with_head += 1
        if tag not in ("br", "meta", "line", "rect") and not tag.startswith("!"):
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        while self._open:
            if self._open.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "style":
            self.style += data
        if self._heading is not None:
            self._heading.append(data)
        if not SKIPPED.intersection(self._open):
            self.texts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.texts)).strip()


def parse(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page


def make(
    services: Services, tmp_path: Path, request: ReportRequest, today: dt.date
) -> tuple[Path, str]:
    suffix = {ReportFormat.PDF: "pdf", ReportFormat.HTML: "html"}[request.format]
    out = tmp_path / f"{request.kind}-{request.public}-{request.fragment}.{suffix}"
    write_report(services, request, out, made_by="Anna", today=today)
    if request.format is ReportFormat.PDF:
        return out, pdf_text(out)
    return out, out.read_text(encoding="utf-8")


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    r, g, b = (int(hex_[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a known near miss


@pytest.mark.parametrize("kind", [ReportKind.FOLLOW_UP, ReportKind.QUARTERLY])
def test_the_public_page_has_the_pdfs_figures_and_privacy(
    demo_services: Services, tmp_path: Path, kind: ReportKind
) -> None:
    s = demo_services
    today, q = (AFTER, None) if kind is ReportKind.FOLLOW_UP else (TODAY, Q3)
    request = ReportRequest(kind, public=True, quarter=q, format=ReportFormat.HTML)
    out, markup = make(s, tmp_path, request, today)
    _, pdf = make(s, tmp_path, ReportRequest(kind, public=True, quarter=q), today)
    page = parse(markup)
    text = page.text
    # The same numbers in the same order as the PDF.
    assert figures(text) == figures(pdf)
    assert len(figures(text)) > 50
    assert text.count("färre än 5") == pdf.count("färre än 5") > 0
    # The PDF's privacy texts, word for word and as often.
    for note in (PUBLIC_NOTE, PUBLIC_DRUG_NOTE):
        assert text.count(note) == pdf.count(note) > 0
    # Privacy: no free text, case code, personnummer or small drug count.
    assert [t for t in free_texts(s) if t in text] == []
    assert CASE_CODE.search(markup) is None
    assert PERSONNUMMER.search(markup) is None
    assert INTERNAL_COMMENT not in markup
    if kind is ReportKind.FOLLOW_UP:
        assert PUBLIC_COMMENT in text
        assert drug_numbers(text, "Löfte 4", "Indikatorer") == []
    else:
        # The drug section ends where the other activities (promise numbers, counts) begin.
        others = "Övriga aktiviteter 2018 kv 3"
        end = others if others in text else "Indikatorer"
        assert drug_numbers(text, "Narkotikaärenden 2018 kv 3", end) == []
    # A public page gets the usual permissions; it is meant to be published.
    assert out.stat().st_mode & stat.S_IRGRP


@pytest.mark.parametrize("kind", [ReportKind.FOLLOW_UP, ReportKind.QUARTERLY])
def test_the_page_is_accessible_to_a_parser(
    demo_services: Services, tmp_path: Path, kind: ReportKind
) -> None:
    today, q = (AFTER, None) if kind is ReportKind.FOLLOW_UP else (TODAY, Q3)
    request = ReportRequest(kind, public=True, quarter=q, format=ReportFormat.HTML)
    _, markup = make(demo_services, tmp_path, request, today)
    page = parse(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert page.lang == "sv"
    assert "script" not in page.tags
    assert "title" in page.tags and "main" in page.tags
    # One h1 first, then no level skipped on the way down.
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert all(text for _, text in page.headings)
    # Every table has a header row, every header cell a scope.
    assert page.tables > 3 and page.tables_with_head == page.tables
    assert page.th_scopes and set(page.th_scopes) <= {"col", "row"}
    # Every chart has a title and a description.
    for children in page.svgs:
        assert children[:2] == ["title", "desc"]
    if kind is ReportKind.FOLLOW_UP:
        report_headings = [t for level, t in page.headings if level == 2]
        assert report_headings[0].startswith("Löfte 1: ") and report_headings[-1] == "Indikatorer"
    else:
        monthly = quarterly_report(demo_services, Q3, made_by="x", today=today, public=True)
        assert len(page.svgs) == len(monthly.monthly) > 0
        # The same numbers as a table, after each chart.
        for series in monthly.monthly:
            head = "".join(
                f'<th scope="col" class="loften-number">{m}</th>' for m, _ in series.months
            )
            cells = "".join(f'<td class="loften-number">{n}</td>' for _, n in series.months)
            assert f'{head}</tr></thead><tbody><tr><th scope="row">Antal</th>{cells}' in markup
            assert ", ".join(f"{name} {n}" for name, n in series.months) in markup
    # Contrast: every text colour of the style sheet on every background in it (WCAG 1.4.3),
    # and the chart's text on its white background.
    colours = re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", page.style)
    backgrounds = re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", page.style)
    assert len(set(colours)) >= 3 and len(set(backgrounds)) >= 3
    for fg in set(colours):
        for bg in set(backgrounds):
            assert contrast(fg, bg) >= 4.5, (fg, bg)
    for fill in set(re.findall(r'<text [^>]*fill="(#[0-9a-f]{6})"', markup)):
        assert contrast(fill, "#ffffff") >= 4.5
    for fill in set(re.findall(r'<rect [^>]*height="[\d.]+" fill="(#[0-9a-f]{6})"', markup)):
        assert fill == "#ffffff" or contrast(fill, "#ffffff") >= 3.0  # bars: non-text, 1.4.11
    # Sizes: nothing smaller than 15 px on screen or 11 pt in print; the chart's text 13 units
    # of 480 (at least 13 px at the width of the page).
    sizes = re.findall(r"font-size:\s*([\d.]+)(rem|pt|%)", page.style)
    assert sizes
    for value, unit in sizes:
        minimum = {"rem": 0.9375, "pt": 11, "%": 100}[unit]
        assert float(value) >= minimum, (value, unit)
    assert "@media print" in page.style
    assert set(re.findall(r'<text [^>]*font-size="(\d+)"', markup)) <= {"13"}


def test_the_fragment_is_the_same_content_without_page_or_styles(
    demo_services: Services, tmp_path: Path
) -> None:
    whole = ReportRequest(ReportKind.FOLLOW_UP, public=True, format=ReportFormat.HTML)
    _, page_markup = make(demo_services, tmp_path, whole, AFTER)
    part = ReportRequest(ReportKind.FOLLOW_UP, public=True, format=ReportFormat.HTML, fragment=True)
    _, fragment_markup = make(demo_services, tmp_path, part, AFTER)
    fragment = parse(fragment_markup)
    assert not {"html", "head", "body", "style", "script", "title"} & set(fragment.tags)
    assert "style=" not in fragment_markup
    assert set(re.findall(r'class="([^"]+)"', fragment_markup)) <= {
        "loften-report",
        "loften-lead",
        "loften-meta",
        "loften-note",
        "loften-promise",
        "loften-number",
        "loften-chart",
    }
    assert fragment.text == parse(page_markup).text
    assert next(level for level, _ in fragment.headings) == 1


def test_the_internal_page_is_owner_only_and_has_everything(
    demo_services: Services, tmp_path: Path
) -> None:
    request = ReportRequest(ReportKind.QUARTERLY, quarter=Q3, format=ReportFormat.HTML)
    out, markup = make(demo_services, tmp_path, request, TODAY)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert CASE_CODE.search(markup) is not None  # the open cases are listed internally
    follow_up = ReportRequest(ReportKind.FOLLOW_UP, format=ReportFormat.HTML)
    out, markup = make(demo_services, tmp_path, follow_up, AFTER)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert INTERNAL_COMMENT in parse(markup).text


def test_a_fragment_is_only_for_html_and_a_refusal_leaves_the_old_file(
    demo_services: Services, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    with pytest.raises(LoftenError, match="bara för HTML"):
        write_report(
            demo_services, ReportRequest(ReportKind.FOLLOW_UP, fragment=True), out, made_by="x"
        )
    assert out.read_bytes() == b"old"


def test_the_command_line_writes_each_format(demo_services: Services, tmp_path: Path) -> None:
    from loften_app import cli

    database = db_argument(demo_services.database)
    parser = cli.build_parser()
    for file_format, start in (("html", b"<!DOCTYPE html>"), ("docx", b"PK"), ("pdf", b"%PDF")):
        out = tmp_path / f"uppfoljning.{file_format}"
        args = ["report", "follow-up", "--db", str(database), "--public", "--today", "2019-02-01"]
        args += ["--format", file_format, "--out", str(out)]
        assert cli.run(parser.parse_args(args)) == 0
        assert out.read_bytes().startswith(start)
    fragment = tmp_path / "utdrag.html"
    args = ["report", "follow-up", "--db", str(database), "--public", "--today", "2019-02-01"]
    assert (
        cli.run(
            parser.parse_args([*args, "--format", "html", "--fragment", "--out", str(fragment)])
        )
        == 0
    )
    assert fragment.read_text(encoding="utf-8").startswith('<div class="loften-report" lang="sv">')
