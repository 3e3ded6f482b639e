"""Översikt: every promise with its targets' status for a period, and what is due beside it."""

from loften_app.ui.overview.page import OverviewPage

__all__ = ["OverviewPage"]
