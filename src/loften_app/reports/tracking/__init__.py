"""Promise tracking: targets with status and forecast for a period (no Qt)."""

from loften_app.reports.tracking.engine import (
    PromiseStatus,
    StatusReport,
    TargetResult,
    measure_value,
    status_report,
)
from loften_app.reports.tracking.text import render_status

__all__ = [
    "PromiseStatus",
    "StatusReport",
    "TargetResult",
    "measure_value",
    "render_status",
    "status_report",
]
