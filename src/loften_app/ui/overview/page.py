"""The overview page: a period picker, one card per promise, and the side panel.

The figures are computed on the application's helper thread (`ui.background`); the page shows
"Räknar…" meanwhile and keeps the previous figures until the new ones arrive. A result that
arrives after a newer request was made is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.periods import Period, parse_period
from loften_app.domain.targets import default_period
from loften_app.reports.tracking.engine import StatusReport
from loften_app.reports.tracking.first import QuickOverview
from loften_app.storage.listing import AgreementListing
from loften_app.ui.agreement_picker import AgreementCombo, periods_of, span_text
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.i18n import enum_text, period_text
from loften_app.ui.kinds import SECTION_OF_TYPE
from loften_app.ui.overview.cards import PromiseCard
from loften_app.ui.overview.side import SidePanel
from loften_app.ui.settings import OVERVIEW_PERIOD
from loften_app.ui.words import InterfaceWords

if TYPE_CHECKING:
    # The figures through the services (and so SQLAlchemy) are imported when first computed:
    # the page can show its first cards before (`quick`).
    from loften_app.reports.tracking.overview import Due, IndicatorSeries, Overview
    from loften_app.storage.services import Services
    from loften_app.ui.background import Background, Job


class OverviewPage(QWidget):
    """Every promise of the chosen agreement (default: the one in force) with its targets'
    status for the chosen year or quarter of the span it covers (its extension included).

    Signals:
        cards_shown(): new cards (the promises' figures) are on screen; what is due (the side
            panel) may still be coming.
        quick_failed(): before the services are attached, the first cards could not be read
            without them (nothing to show, or the file could not be read so).
        updated(): new figures are on screen, the side panel's included.
        section_requested(str, object): show section `key`'s list filtered to a `Period`.
        walk_requested(str): open the safety walk with this id.
    """

    cards_shown = Signal()
    quick_failed = Signal()
    updated = Signal()
    section_requested = Signal(str, object)
    walk_requested = Signal(str)

    def __init__(
        self,
        services: Services | None,
        background: Background | None,
        *,
        settings: QSettings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        changes: ChangeHub | None = None,
        quick: QuickOverview | None = None,
    ) -> None:
        """Without `services` (the database is still being opened) the page shows the first
        cards read by `quick` on the helper thread `background` once `refresh` is called, and
        the rest once `attach` gives it the services."""
        super().__init__()
        self.setObjectName("overview")
        if changes is not None:
            changes.changed.connect(self._on_changed)
        self._services = services
        self._background = background
        self._quick = quick if services is None else None
        #: The cards' report on screen.
        self._shown: StatusReport | None = None
        self._settings = settings
        self._today = today
        self._job: Job | None = None
        #: What is due today (the same for every period) until something is saved.
        self._due: Due | None = None
        self._prefetched = False
        #: The cards' report and the indicators while what is due is being read.
        self._first: tuple[StatusReport, tuple[IndicatorSeries, ...]] | None = None
        self._asked_on = today()
        self.data: Overview | None = None
        self.cards: list[PromiseCard] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 0)
        outer.setSpacing(8)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("overview_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.facts)
        header.addLayout(titles, 1)
        agreement_label = QLabel(self.tr("Överens&kommelse:"))
        self.agreement = AgreementCombo()
        self.agreement.setToolTip(
            self.tr("Överenskommelsen som översikten visar; den som gäller står först (Alt+K)")
        )
        agreement_label.setBuddy(self.agreement)
        period_label = QLabel(self.tr("&Period:"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setToolTip(self.tr("Året eller kvartalet som översikten visar (Alt+P)"))
        period_label.setBuddy(self.period)
        self.busy = QLabel(self.tr("Räknar…"))
        self.busy.setObjectName("overview_busy")
        self.busy.setStyleSheet("QLabel#overview_busy { color: #555555; }")
        self.busy.setVisible(False)
        header.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(agreement_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.agreement, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(period_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.period, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(header)
        self.message = QLabel()
        self.message.setObjectName("overview_message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        outer.addWidget(self.message)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        body = QHBoxLayout(content)
        body.setContentsMargins(0, 4, 0, 16)
        body.setSpacing(16)
        cards = QWidget()
        self._cards_layout = QVBoxLayout(cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(12)
        self._cards_layout.addStretch(1)
        body.addWidget(cards, 1)
        self.side = SidePanel()
        self.side.walk_requested.connect(self.walk_requested)
        body.addWidget(self.side, 0)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)

        self._span: Period | None = None
        self.agreement.currentIndexChanged.connect(self._agreement_chosen)
        self.period.currentIndexChanged.connect(self._period_chosen)
        if services is not None:
            self.refresh()  # else the owner does, once it hears `cards_shown` and `quick_failed`

    # --- public -------------------------------------------------------------------------------

    def attach(self, services: Services, background: Background, changes: ChangeHub) -> None:
        """The database is open: the figures come from `services` from now on (the cards shown
        stay until the services' arrive, and are kept when they are the same)."""
        self._services = services
        self._background = background
        changes.changed.connect(self._on_changed)
        if self._quick is not None:
            background.wait()  # a quick read still under way (a period chosen meanwhile)
            self._quick.close()
            self._quick = None
        self.refresh()

    def _on_changed(self, _change: Change, _origin: object) -> None:
        self.refresh()  # any saved change may move a figure

    def stop_quick(self) -> None:
        """Let go of the quick reader's file (the services will not come)."""
        if self._quick is not None:
            self._quick.close()
            self._quick = None

    def selected_period(self) -> Period | None:
        data = self.period.currentData()
        return parse_period(str(data)) if data else None

    def select_period(self, period: Period) -> None:
        """Show `period` (a year or quarter offered by the picker)."""
        index = self.period.findData(period.key)
        if index >= 0:
            self.period.setCurrentIndex(index)

    def selected_agreement(self) -> AgreementListing | None:
        return self.agreement.chosen()

    def select_agreement(self, agreement_id: str) -> None:
        """Show the agreement with this id (its default period)."""
        self.agreement.select(agreement_id)

    def refresh(self) -> None:
        """Compute the figures again (after a save anywhere, or a change of registers): the
        agreements are listed again (a renewal adds one; the chosen one is kept)."""
        if self._services is not None:
            listing = self._services.agreements.listing(self._today())
        elif self._quick is not None:
            found = self._quick.listing(self._today())
            if found is None:
                self.quick_failed.emit()  # the services will tell
                return
            listing = found
        else:
            return
        if not listing:
            self.agreement.fill([])
            self.period.clear()
            self._show_message(self.tr("Databasen har ingen överenskommelse ännu."))
            if self._services is None:
                self.quick_failed.emit()
            return
        self.agreement.fill(listing, keep=self.agreement.chosen_id())
        self._show_agreement()

    def _agreement_chosen(self) -> None:
        self._show_agreement(fresh=True)

    def _show_agreement(self, *, fresh: bool = False) -> None:
        chosen = self.agreement.chosen()
        assert chosen is not None
        data = chosen.agreement.data
        self.title.setText(data.title)
        self.facts.setText(
            self.tr("%1 och %2 · %3")
            .replace("%1", data.municipality)
            .replace("%2", data.police_area)
            .replace("%3", span_text(chosen))
        )
        self._due = None
        self._prefetched = False
        if fresh or self._span != chosen.covered:
            blocked = self.period.blockSignals(True)
            self._span = self._fill_periods(chosen)
            self.period.blockSignals(blocked)
        self._compute(self.selected_period())

    @property
    def pending(self) -> bool:
        """Whether figures are being read (shown as "Räknar…" when the page is on screen)."""
        return not self.busy.isHidden()

    # --- computing ----------------------------------------------------------------------------

    def _fill_periods(self, chosen: AgreementListing) -> Period:
        """Offer the years and quarters `chosen` covers; select the one shown before (or
        remembered in the settings) if offered, else today's year within the agreement."""
        wanted = self.period.currentData()
        if not wanted and self._settings is not None:
            wanted = OVERVIEW_PERIOD.read(self._settings)
        self.period.clear()
        span = chosen.covered
        for period, whole_year in periods_of(span):
            text = str(period.start.year) if whole_year else period_text(period)
            self.period.addItem(text, period.key)
        index = self.period.findData(wanted) if wanted else -1
        if index < 0:
            index = self.period.findData(default_period(span, self._today()).key)
        if index < 0:  # a clipped first or last year: the year itself is still offered
            index = self.period.findData(str(default_period(span, self._today()).start.year))
        self.period.setCurrentIndex(max(index, 0))
        return span

    def _period_chosen(self) -> None:
        period = self.selected_period()
        if self._settings is not None and period is not None:
            OVERVIEW_PERIOD.write(self._settings, period.key)
        self._compute(period)

    def _compute(self, period: Period | None) -> None:
        self.busy.setVisible(True)
        if self._services is None:
            self._compute_quick(period)
            return
        from loften_app.reports.tracking.overview import first_figures, overview

        assert self._background is not None
        # Bound methods only (no closures over the page; see ui.background). The page tells
        # the newest request's result from older ones by the job that sent it.
        today = self._asked_on = self._today()
        agreement = self.agreement.chosen_id()
        self._first = None
        if self._due is not None and self._due.today == today:
            whole = partial(
                overview,
                self._services,
                period=period,
                today=today,
                due=self._due,
                agreement=agreement,
            )
            self._job = self._background.run(whole)
            self._job.succeeded.connect(self._arrived)
        else:
            # What is due is the same for every period but reads every walk action: the cards
            # are shown first, then it is asked for (a million records: 0.15 s later).
            cards = partial(
                first_figures, self._services, period=period, today=today, agreement=agreement
            )
            self._job = self._background.run(cards)
            self._job.succeeded.connect(self._cards_arrived)
        self._job.failed.connect(self._failed)

    def _compute_quick(self, period: Period | None) -> None:
        """The first cards, read without the services on the helper thread (the side panel
        waits for the services); `quick_failed` when they cannot be read so."""
        chosen = self.agreement.chosen()
        if self._quick is None or self._background is None or chosen is None:
            self.quick_failed.emit()
            return
        call = partial(self._quick.status, chosen, period=period, today=self._today())
        self._job = self._background.run(call)
        self._job.succeeded.connect(self._quick_arrived)
        self._job.failed.connect(self._quick_refused)

    def _quick_arrived(self, report: StatusReport | None) -> None:
        if self.sender() is not self._job or self._services is not None:
            return  # a newer request, or the services are here already
        if report is None:
            self.quick_failed.emit()
            return
        self.message.setVisible(False)
        self._show_cards(report)
        self.cards_shown.emit()

    def _quick_refused(self, _message: str) -> None:
        if self.sender() is self._job and self._services is None:
            self.quick_failed.emit()

    def _cards_arrived(self, first: tuple[StatusReport, tuple[IndicatorSeries, ...]]) -> None:
        if self.sender() is not self._job:
            return  # a newer request is under way
        from loften_app.reports.tracking.overview import due_on

        assert self._background is not None and self._services is not None
        report, indicators = first
        self.message.setVisible(False)
        self._show_cards(report)
        self._first = (report, indicators)
        self.cards_shown.emit()
        self._job = self._background.run(partial(due_on, self._services, report, self._asked_on))
        self._job.succeeded.connect(self._due_arrived)
        self._job.failed.connect(self._failed)

    def _due_arrived(self, due: Due) -> None:
        if self.sender() is not self._job or self._first is None:
            return
        from loften_app.reports.tracking.overview import Overview

        report, indicators = self._first
        self._first = None
        self._arrived(Overview(report=report, due=due, indicators=indicators), cards=False)

    def _arrived(self, data: Overview, *, cards: bool = True) -> None:
        if cards and self.sender() is not self._job:
            return  # a newer request is under way
        self.busy.setVisible(False)
        self.message.setVisible(False)
        self.data = data
        self._due = data.due
        if cards:
            self._show_cards(data.report)
            self.cards_shown.emit()
        self.side.show_overview(data, InterfaceWords())
        self.updated.emit()
        if not self._prefetched:
            self._prefetched = True
            self._prefetch(data)

    def _failed(self, message: str) -> None:
        if self.sender() is not self._job:
            return
        self.busy.setVisible(False)
        self._show_message(message)

    def _prefetch(self, data: Overview) -> Job:
        """Compute the periods the picker offers once, on the helper thread, so that choosing
        one only reads the figure cache: those of the agreement's written years and of the year
        shown (an agreement long in its extension offers many years; those are computed when
        chosen)."""
        agreement = data.report.agreement.data
        years = {*range(agreement.period_start.year, agreement.period_end.year + 1)}
        years.add(data.report.period.start.year)
        periods = [parse_period(str(self.period.itemData(i))) for i in range(self.period.count())]
        periods = [p for p in periods if p.start.year in years]
        from loften_app.reports.tracking.overview import warm

        assert self._background is not None and self._services is not None
        call = partial(warm, self._services, periods, data.today, data.report.agreement.id)
        return self._background.run(call)

    # --- showing ------------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _show_cards(self, report: StatusReport) -> None:
        if report == self._shown and self.cards:
            return  # the same figures (the services' after the quick ones): nothing to redo
        self._shown = report
        words = InterfaceWords()
        for card in self.cards:
            self._cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        period = report.period
        for status in report.promises:
            promise = status.promise.data
            card = PromiseCard(status, words, enum_text(promise.responsible))
            key = SECTION_OF_TYPE[promise.type]
            card.activated.connect(partial(self.section_requested.emit, key, period))
            self._cards_layout.insertWidget(len(self.cards), card)
            self.cards.append(card)
