"""Rendering the reports' figures to PDF with ReportLab (platypus). No Qt.

`render_quarterly(report)` and `render_follow_up(report)` return the PDF as bytes: A4, the
embedded DejaVu Sans font (å, ä, ö), "Sida X av Y" in the footer, and the PDF's title, author
and subject set.
"""

from __future__ import annotations

from loften_app.reports.pdf.follow_up import render_follow_up
from loften_app.reports.pdf.quarterly import render_quarterly

__all__ = ["render_follow_up", "render_quarterly"]
