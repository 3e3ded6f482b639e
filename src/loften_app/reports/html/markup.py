"""The building blocks of the HTML reports: escaping, tables with headers, inline SVG charts,
the page around the content and its style sheet (WCAG 2.1 AA contrast and sizes, print CSS).

Everything is plain strings; no scripts, no external files: the page is one self-contained file.
A *fragment* (for pasting into a web publishing system) is the same content without `<html>`,
`<head>` and the style sheet: it keeps only the few `loften-*` classes and the charts carry their
colours as SVG attributes, so they look the same without the style sheet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol

__all__ = [
    "BACKGROUNDS",
    "CSS",
    "TEXT_COLOURS",
    "Chart",
    "Html",
    "Table",
    "Writer",
    "bar_chart",
    "page",
    "table",
]

#: Colours of text in the style sheet, each meant for every background in `BACKGROUNDS`.
TEXT_COLOURS = {"text": "#1a1a1a", "accent": "#1f4e79", "meta": "#4d4d4d"}
#: The backgrounds text is drawn on: the page, table headers, the quoted promise text.
BACKGROUNDS = {"page": "#ffffff", "header": "#e8eef5", "quote": "#f3f6f9"}
#: The chart's bars (non-text: 3:1 against the page is enough, WCAG 1.4.11) and grid.
BAR = "#1f4e79"
GRID = "#8a99a8"

CSS = f"""
html {{ font-size: 100%; }}
body {{ font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 1rem;
  line-height: 1.5; color: {TEXT_COLOURS["text"]}; background: {BACKGROUNDS["page"]};
  max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }}
h1, h2, h3 {{ color: {TEXT_COLOURS["accent"]}; line-height: 1.25; }}
h1 {{ font-size: 2rem; margin: 0.5rem 0 0.75rem; }}
h2 {{ font-size: 1.5rem; margin: 2.5rem 0 0.5rem; border-bottom: 2px solid {BAR}; }}
h3 {{ font-size: 1.2rem; margin: 1.5rem 0 0.4rem; }}
.loften-meta {{ color: {TEXT_COLOURS["meta"]}; font-size: 0.9375rem; }}
.loften-note {{ color: {TEXT_COLOURS["meta"]}; font-size: 0.9375rem; font-style: italic; }}
blockquote.loften-promise {{ margin: 0.5rem 0 1rem; padding: 0.5rem 1rem;
  background: {BACKGROUNDS["quote"]}; color: {TEXT_COLOURS["text"]};
  border-left: 4px solid {BAR}; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }}
caption {{ text-align: left; font-weight: bold; padding: 0.25rem 0; }}
th, td {{ border: 1px solid {GRID}; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }}
thead th {{ background: {BACKGROUNDS["header"]}; color: {TEXT_COLOURS["text"]}; }}
tbody th {{ font-weight: normal; }}
.loften-number {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
figure.loften-chart {{ margin: 1rem 0 1.5rem; }}
figure.loften-chart svg {{ width: 100%; max-width: 36rem; height: auto; }}
figcaption {{ font-weight: bold; }}
@page {{ size: A4; margin: 18mm; }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 11pt; }}
  h1 {{ font-size: 20pt; }}
  h2 {{ font-size: 15pt; break-after: avoid; page-break-after: avoid; }}
  h3 {{ font-size: 12pt; break-after: avoid; page-break-after: avoid; }}
  table, figure, blockquote {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
}}
"""


@dataclass(frozen=True)
class Table:
    """A table: column headers, rows (the first cell heads its row), a caption, and the
    columns (by index) that hold numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str
    numbers: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A bar chart of counts with a title and a description (its text alternative)."""

    chart_id: str
    title: str
    description: str
    values: tuple[tuple[str, int], ...]
    unit: str


class Writer(Protocol):
    """What the report builders write to: the HTML page here, the Word document in
    `reports.docx`. Heading levels: 1 the document's title, 2 its parts, 3 within a part."""

    def heading(self, level: int, text: str) -> None: ...
    def para(self, text: str, kind: str = "") -> None: ...
    def lead(self, title: str, lines: Sequence[str]) -> None: ...
    def quote(self, text: str) -> None: ...
    def add(self, block: Table | Chart) -> None: ...
    def begin_section(self) -> None: ...
    def end_section(self) -> None: ...


class Html:
    """An HTML document being written (a `Writer`): escaped text, then `str()`."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def add(self, block: Table | Chart) -> None:
        self._parts.append(html_table(block) if isinstance(block, Table) else html_chart(block))

    def begin_section(self) -> None:
        self._parts.append('<section class="loften-promise">')

    def end_section(self) -> None:
        self._parts.append("</section>")

    def lead(self, title: str, lines: Sequence[str]) -> None:
        rest = "".join(f"<br>{escape(line)}" for line in lines)
        self._parts.append(f'<p class="loften-lead"><strong>{escape(title)}</strong>{rest}</p>')

    def heading(self, level: int, text: str) -> None:
        self._parts.append(f"<h{level}>{escape(text)}</h{level}>")

    def para(self, text: str, kind: str = "") -> None:
        cls = f' class="loften-{kind}"' if kind else ""
        self._parts.append(f"<p{cls}>{escape(text)}</p>")

    def quote(self, text: str) -> None:
        paragraphs = "".join(f"<p>{escape(t)}</p>" for t in text.split("\n\n") if t.strip())
        self._parts.append(f'<blockquote class="loften-promise">{paragraphs}</blockquote>')

    def __str__(self) -> str:
        return "\n".join(self._parts)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str,
    numbers: Sequence[int] = (),
) -> Table:
    """A `Table` of `rows` under `headers`."""
    return Table(tuple(headers), tuple(tuple(r) for r in rows), caption, tuple(numbers))


def html_table(t: Table) -> str:
    """A table with a caption, column headers (`scope="col"`) and each row's first cell as its
    row header (`scope="row"`); the columns in `numbers` are right-aligned."""
    headers, rows, caption, numbers = t.headers, t.rows, t.caption, t.numbers

    def cls(i: int) -> str:
        return ' class="loften-number"' if i in numbers else ""

    head = "".join(
        f'<th scope="col"{cls(i)}>{escape(h or "Uppgift")}</th>' for i, h in enumerate(headers)
    )
    body: list[str] = []
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>'] if row else []
        cells += [f"<td{cls(i)}>{escape(v)}</td>" for i, v in enumerate(row) if i > 0]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _step(highest: int) -> int:
    """A whole-number tick step giving at most five ticks up to `highest` (as in the PDF)."""
    if highest <= 5:
        return 1
    rough = highest / 4
    magnitude = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= rough and float(step).is_integer():
            return int(step)
    return int(10 * magnitude)


def bar_chart(
    chart_id: str, title: str, description: str, values: Sequence[tuple[str, int]], unit: str
) -> Chart:
    """A `Chart` of `values` (label, count)."""
    return Chart(chart_id, title, description, tuple(values), unit)


def chart_table(c: Chart) -> Table:
    """A chart's numbers as a table: one column per bar."""
    return table(
        ["Månad", *(name for name, _ in c.values)],
        [[c.unit, *(str(n) for _, n in c.values)]],
        caption=f"{c.title}: siffrorna i diagrammet",
        numbers=tuple(range(1, len(c.values) + 1)),
    )


def html_chart(c: Chart) -> str:
    """A bar chart as inline SVG (`role="img"`, `<title>` and `<desc>`), followed by the same
    numbers as a table, both inside one `<figure>`."""
    chart_id, title, description, values = c.chart_id, c.title, c.description, c.values
    width, height = 480, 220
    left, bottom, top = 40, 30, 24
    plot_w, plot_h = width - left - 10, height - bottom - top
    highest = max([n for _, n in values] + [1])
    step = _step(highest)
    scale_max = step * math.ceil(highest * 1.15 / step)
    slot = plot_w / max(len(values), 1)
    bar_w = min(28.0, slot * 0.6)
    listed = ", ".join(f"{name} {n}" for name, n in values)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(f"{description} {listed}.")}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for tick in range(0, scale_max + 1, step):
        y = top + plot_h - plot_h * tick / scale_max
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="13" '
            f'fill="{TEXT_COLOURS["text"]}">{tick}</text>'
        )
    for i, (name, n) in enumerate(values):
        x = left + slot * i + (slot - bar_w) / 2
        h = plot_h * n / scale_max
        y = top + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}"/>'
            f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
            f'font-size="13" fill="{TEXT_COLOURS["text"]}">{n}</text>'
            f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" text-anchor="middle" '
            f'font-size="13" fill="{TEXT_COLOURS["text"]}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    data = html_table(chart_table(c))
    return (
        f'<figure class="loften-chart"><figcaption>{escape(title)}</figcaption>'
        f"{''.join(parts)}{data}</figure>"
    )


def page(title: str, body: str, *, fragment: bool) -> str:
    """The whole self-contained page in Swedish, or (`fragment`) the content alone."""
    if fragment:
        return f'<div class="loften-report" lang="sv">\n{body}\n</div>\n'
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
