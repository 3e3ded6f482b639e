"""What the quarterly report and the follow-up read, as one small interface (`ReportSource`).

Two things give it: the services (`ServicesSource`, any database) and, for a current local file,
`storage.quick.QuickSource`, which reads on a plain `sqlite3` connection without importing
SQLAlchemy, the models or the services. Both run the same statements (`storage.figure_sql`,
`storage.report_sql`) and choose the agreement with the same functions (`storage.listing`), so
that a report built from either is the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData, PromiseData, Stored, TargetData
from loften_app.reports.tracking.engine import (
    AgreementChooser,
    FigureSource,
    StatusReport,
    chosen_agreement,
    judged,
    targets_by_promise,
)
from loften_app.storage.listing import AgreementListing
from loften_app.storage.report_sql import ReportReads

if TYPE_CHECKING:
    from loften_app.storage.services import Services

__all__ = ["ReportSource", "ServicesSource", "report_source", "source_status"]


class ReportAgreements(AgreementChooser, Protocol):
    """The agreements' reads of `AgreementService` that the reports use."""

    def get(self, *, id: str) -> Stored[AgreementData]: ...

    def listing(self, today: dt.date | None = None) -> list[AgreementListing]: ...

    def covered(self, agreement_id: str, today: dt.date | None = None) -> Period: ...

    def last_ended(self, today: dt.date | None = None) -> Stored[AgreementData] | None: ...


class ReportPromises(Protocol):
    """The promises' reads of `PromiseService` that the reports use."""

    def for_agreement(self, agreement_id: str) -> list[Stored[PromiseData]]: ...

    def get_many(self, *, ids: Sequence[str]) -> list[Stored[PromiseData]]: ...

    def lineage(self, promise_id: str) -> list[str]: ...


class ReportFigures(FigureSource, Protocol):
    """The figures' reads of `FigureService` that the reports use."""

    def monthly_counts(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[str, dict[str, int]]: ...


class ReportSource(Protocol):
    """Everything the quarterly report and the follow-up read."""

    @property
    def agreements(self) -> ReportAgreements: ...

    @property
    def promises(self) -> ReportPromises: ...

    @property
    def figures(self) -> ReportFigures: ...

    @property
    def queries(self) -> ReportReads: ...

    def targets_by_promise(
        self, promise_ids: Iterable[str]
    ) -> dict[str, list[Stored[TargetData]]]: ...


class ServicesSource:
    """`ReportSource` of the services (any database)."""

    is_report_source = True

    def __init__(self, services: Services) -> None:
        # The services' path only: the quick path never imports SQLAlchemy.
        from loften_app.storage.services.report_queries import ReportQueries  # noqa: PLC0415

        self._services = services
        self.agreements = services.agreements
        self.promises = services.promises
        self.figures = services.figures
        self.queries: ReportReads = ReportQueries(services.database)

    def targets_by_promise(self, promise_ids: Iterable[str]) -> dict[str, list[Stored[TargetData]]]:
        return targets_by_promise(self._services, list(promise_ids))


def report_source(given: Services | ReportSource) -> ReportSource:
    """`given` as a `ReportSource`: the services wrapped, a source as it is."""
    if getattr(given, "is_report_source", False):
        return given  # type: ignore[return-value]
    return ServicesSource(given)  # type: ignore[arg-type]


def source_status(
    source: ReportSource,
    *,
    period: Period | None,
    today: dt.date,
    agreement: Stored[AgreementData] | str | None,
) -> StatusReport:
    """`engine.status_report` read from `source`."""
    stored = chosen_agreement(source.agreements, agreement, period=period, today=today)
    span = source.agreements.covered(stored.id, today)
    promises = source.promises.for_agreement(stored.id)
    targets = source.targets_by_promise(p.id for p in promises)
    return judged(stored, span, promises, targets, source.figures, period=period, today=today)
