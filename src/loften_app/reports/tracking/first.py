"""The overview's first cards read without SQLAlchemy (`storage.quick`), judged by the same
engine as every other status report (`engine.judged`)."""

from __future__ import annotations

import datetime as dt

from loften_app.domain.periods import Period
from loften_app.reports.tracking.engine import StatusReport, judged
from loften_app.storage.listing import AgreementListing
from loften_app.storage.quick import QuickReader

__all__ = ["quick_status"]


def quick_status(
    reader: QuickReader,
    chosen: AgreementListing,
    *,
    period: Period | None,
    today: dt.date,
) -> StatusReport:
    """`status_report(services, period=period, today=today, agreement=chosen.id)` of the
    agreement `chosen` (an entry of `reader.listing(today)`), read by `reader`."""
    promises = reader.promises_for(chosen.id)
    targets = reader.targets_by_promise(p.id for p in promises)
    return judged(
        chosen.agreement, chosen.covered, promises, targets, reader, period=period, today=today
    )
