"""Rapporter: the page that makes, shows, saves and prints the quarterly report and the
follow-up."""

from loften_app.ui.reports.page import ReportsPage

__all__ = ["ReportsPage"]
