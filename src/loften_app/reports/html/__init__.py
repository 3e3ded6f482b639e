"""The reports as accessible, self-contained HTML (for the municipality's web site)."""

from loften_app.reports.html.follow_up import render_follow_up_html
from loften_app.reports.html.quarterly import render_quarterly_html

__all__ = ["render_follow_up_html", "render_quarterly_html"]
