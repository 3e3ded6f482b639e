"""Rendering the reports' figures to PDF with ReportLab (platypus). No Qt.

`render_quarterly(report)` and `render_follow_up(report)` return the PDF as bytes: A4, the
embedded DejaVu Sans font (å, ä, ö), "Sida X av Y" in the footer, and the PDF's title, author
and subject set. Each is imported when first asked for, so that a quarterly report never loads
the follow-up's modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loften_app.reports.pdf.follow_up import render_follow_up
    from loften_app.reports.pdf.quarterly import render_quarterly

__all__ = ["render_follow_up", "render_quarterly"]


def __getattr__(name: str) -> Any:
    if name == "render_quarterly":
        from loften_app.reports.pdf.quarterly import render_quarterly  # noqa: PLC0415 -- lazy

        return render_quarterly
    if name == "render_follow_up":
        from loften_app.reports.pdf.follow_up import render_follow_up  # noqa: PLC0415 -- lazy

        return render_follow_up
    raise AttributeError(name)
