"""The overview's first cards read without SQLAlchemy (`storage.quick`), judged by the same
engine as every other status report (`engine.judged`).

The window shows them right after its first paint, while SQLAlchemy and the services are still
to be imported; the overview then reads everything through the services as before.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from loften_app.domain.periods import Period
from loften_app.reports.tracking.engine import StatusReport, judged
from loften_app.storage.listing import AgreementListing
from loften_app.storage.quick import QuickReader, open_quick

__all__ = ["QuickOverview", "open_quick_overview", "quick_status"]

log = logging.getLogger(__name__)


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


class QuickOverview:
    """The agreements and the cards of a local file read without SQLAlchemy. A read that fails
    gives None: the caller waits for the services instead (which then say what is wrong)."""

    def __init__(self, reader: QuickReader) -> None:
        self._reader: QuickReader | None = reader

    def listing(self, today: dt.date) -> list[AgreementListing] | None:
        if self._reader is None:
            return None
        try:
            return self._reader.listing(today)
        except (sqlite3.Error, LookupError, ValueError):
            log.info("the quick overview could not list the agreements", exc_info=True)
            return None

    def status(
        self, chosen: AgreementListing, *, period: Period | None, today: dt.date
    ) -> StatusReport | None:
        if self._reader is None:
            return None
        try:
            return quick_status(self._reader, chosen, period=period, today=today)
        except (sqlite3.Error, LookupError, ValueError):
            log.info("the quick overview could not read the figures", exc_info=True)
            return None

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def open_quick_overview(path: Path) -> QuickOverview | None:
    """The quick overview of the local file `path`, or None when it cannot be read so (see
    `storage.quick.open_quick`)."""
    reader = open_quick(path)
    return None if reader is None else QuickOverview(reader)
