"""The reports as accessible, self-contained HTML (for the municipality's web site).

`render_quarterly_html` and `render_follow_up_html` are imported when first asked for, so that
one report never loads the other's modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loften_app.reports.html.follow_up import render_follow_up_html
    from loften_app.reports.html.quarterly import render_quarterly_html

__all__ = ["render_follow_up_html", "render_quarterly_html"]


def __getattr__(name: str) -> Any:
    if name == "render_quarterly_html":
        from loften_app.reports.html.quarterly import render_quarterly_html  # noqa: PLC0415 -- lazy

        return render_quarterly_html
    if name == "render_follow_up_html":
        from loften_app.reports.html.follow_up import render_follow_up_html  # noqa: PLC0415 -- lazy

        return render_follow_up_html
    raise AttributeError(name)
