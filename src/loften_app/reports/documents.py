"""Making a report file: the one entry point for the window and the command line.

`write_report(services, ReportRequest(...), out, made_by=...)` computes the report's figures
(`reports.quarterly` / `reports.follow_up`), renders them to PDF (`reports.pdf`), accessible HTML
(`reports.html`) or Word (`reports.docx`) from that same content, and writes the
file atomically: into a temporary file in the same folder, then `os.replace`, so that a failure
never leaves half a file (nor replaces a good one). Bad input raises `LoftenError` with a Swedish
message. No Qt: the window calls this from its background helper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import Period
from loften_app.reports.output import write_atomically
from loften_app.storage.bulk import collection_paused
from loften_app.storage.files import check_output_path

if TYPE_CHECKING:
    from loften_app.reports.source import ReportSource
    from loften_app.storage.services import Services

__all__ = [
    "Progress",
    "ReportFormat",
    "ReportKind",
    "ReportRequest",
    "write_report",
    "write_report_from",
]

#: `progress(done, total)`: called a few times while a report is made (from any thread).
Progress = Callable[[int, int], None]


class ReportKind(StrEnum):
    """Which report: the quarterly summary or the follow-up of the whole agreement period."""

    QUARTERLY = "quarterly"
    FOLLOW_UP = "follow-up"


class ReportFormat(StrEnum):
    """The file a report is written as: PDF (the default), accessible HTML for the web, or a
    Word document to edit."""

    PDF = "pdf"
    HTML = "html"
    DOCX = "docx"


@dataclass(frozen=True)
class ReportRequest:
    """What to make: the kind, internal or public, the quarter (quarterly reports only) and the
    agreement (its id or start year; None: the one in force in the quarter, or for the
    follow-up the latest that has ended, else the one in force)."""

    kind: ReportKind
    public: bool = False
    quarter: Period | None = None
    #: The agreement (id or start year); None: the one the report's defaults choose.
    agreement: str | None = None
    format: ReportFormat = ReportFormat.PDF
    #: HTML only: the content without `<html>`, `<head>` and styles, to paste into a web page.
    fragment: bool = False


def write_report(
    services: Services,
    request: ReportRequest,
    out: Path,
    *,
    made_by: str,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Make the report `request` asks for (as PDF, HTML or Word) at `out`; returns `out`.

    `made_by` is printed in the header; `today` (default: today) is the date the targets are
    judged on and the report is dated. `progress(done, total)` is called a few times. Raises
    `LoftenError` when the file has no agreement, the quarter is missing or outside the
    agreement, or `out` cannot be written; the file at `out` is then left as it was.
    """
    return write_report_from(
        services,
        services.database.path,
        request,
        out,
        made_by=made_by,
        today=today,
        progress=progress,
    )


def write_report_from(
    source: Services | ReportSource,
    database: Path,
    request: ReportRequest,
    out: Path,
    *,
    made_by: str,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """`write_report` read from `source` (the services, or the quick reader of the local file
    `database`, `storage.quick`)."""

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    if request.fragment and request.format is not ReportFormat.HTML:
        raise LoftenError(
            error_text(
                "report.fragment_html_only",
                "Ett utdrag (--fragment) finns bara för HTML. Välj --format html.",
            )
        )
    today = today or dt.date.today()
    out = Path(out)
    check_output_path(out, database)
    step(0, 3)
    # A report makes many small objects and no garbage cycles worth collecting: the collector
    # would walk every object of the process (SQLAlchemy's, ReportLab's) a few times over.
    with collection_paused():
        content = _make(source, request, made_by=made_by, today=today, step=step)
    step(2, 3)
    write_atomically(out, content, private=not request.public, database=database)
    step(3, 3)
    return out


def _make(
    services: Services | ReportSource,
    request: ReportRequest,
    *,
    made_by: str,
    today: dt.date,
    step: Callable[[int, int], None],
) -> bytes:
    """The report's figures computed and rendered in the requested format."""
    if request.kind is ReportKind.QUARTERLY:
        from loften_app.reports.quarterly import quarterly_report

        quarterly = quarterly_report(
            services,
            request.quarter,
            made_by=made_by,
            today=today,
            public=request.public,
            agreement=request.agreement,
        )
        step(1, 3)
        return _render(request, quarterly)
    from loften_app.reports.follow_up import follow_up_report

    follow_up = follow_up_report(
        services,
        made_by=made_by,
        today=today,
        public=request.public,
        agreement=request.agreement,
    )
    step(1, 3)
    return _render(request, follow_up)


def _render(request: ReportRequest, report: Any) -> bytes:
    """The computed `report` rendered in the requested format (all from the same content).
    Only the renderer asked for is imported (ReportLab is a tenth of a second)."""
    if request.format is ReportFormat.HTML:
        if request.kind is ReportKind.QUARTERLY:
            from loften_app.reports.html.quarterly import render_quarterly_html

            html = render_quarterly_html(report, fragment=request.fragment)
        else:
            from loften_app.reports.html.follow_up import render_follow_up_html

            html = render_follow_up_html(report, fragment=request.fragment)
        return html.encode("utf-8")
    if request.format is ReportFormat.DOCX:
        from loften_app.reports.docx import render_follow_up_docx, render_quarterly_docx

        word = (
            render_quarterly_docx if request.kind is ReportKind.QUARTERLY else render_follow_up_docx
        )
        return word(report)
    if request.kind is ReportKind.QUARTERLY:
        from loften_app.reports.pdf.quarterly import render_quarterly

        return render_quarterly(report)
    from loften_app.reports.pdf.follow_up import render_follow_up

    return render_follow_up(report)
