"""Making a report file: the one entry point for the window and the command line.

`write_report(services, ReportRequest(...), out, made_by=...)` computes the report's figures
(`reports.quarterly` / `reports.follow_up`), renders them to PDF (`reports.pdf`) and writes the
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

from loften_app.domain.periods import Period
from loften_app.reports.output import write_atomically
from loften_app.storage.files import check_output_path
from loften_app.storage.services import Services

__all__ = ["Progress", "ReportKind", "ReportRequest", "write_report"]

#: `progress(done, total)`: called a few times while a report is made (from any thread).
Progress = Callable[[int, int], None]


class ReportKind(StrEnum):
    """Which report: the quarterly summary or the follow-up of the whole agreement period."""

    QUARTERLY = "quarterly"
    FOLLOW_UP = "follow-up"


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


def write_report(
    services: Services,
    request: ReportRequest,
    out: Path,
    *,
    made_by: str,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Make the report `request` asks for as a PDF at `out`; returns `out`.

    `made_by` is printed in the header; `today` (default: today) is the date the targets are
    judged on and the report is dated. `progress(done, total)` is called a few times. Raises
    `LoftenError` when the file has no agreement, the quarter is missing or outside the
    agreement, or `out` cannot be written; the file at `out` is then left as it was.
    """
    from loften_app.reports.pdf import render_follow_up, render_quarterly

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    today = today or dt.date.today()
    out = Path(out)
    check_output_path(out, services.database.path)
    step(0, 3)
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
        pdf = render_quarterly(quarterly)
    else:
        from loften_app.reports.follow_up import follow_up_report

        follow_up = follow_up_report(
            services,
            made_by=made_by,
            today=today,
            public=request.public,
            agreement=request.agreement,
        )
        step(1, 3)
        pdf = render_follow_up(follow_up)
    step(2, 3)
    write_atomically(out, pdf, private=not request.public, database=services.database.path)
    step(3, 3)
    return out
