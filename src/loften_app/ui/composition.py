"""The composition root of an open database: its pages, their change hub and the safety actions.

`ui.app` shows the window before the database is opened and imports this module only then.
Everything a page needs is passed in here; no page looks another one up. The pages are built
when first needed (ui.pages), the overview first; what only other pages or the Arkiv menu
need (the record forms, exports, imports, backups) is imported when they are built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.services import Services
from loften_app.ui.background import Background
from loften_app.ui.changes import ChangeHub
from loften_app.ui.i18n import enum_text
from loften_app.ui.main_window import MainWindow
from loften_app.ui.pages import Pages
from loften_app.ui.server_changes import follow_server_changes

if TYPE_CHECKING:
    from loften_app.ui.forms.base import RecordForm
    from loften_app.ui.overview import OverviewPage
    from loften_app.ui.safety.actions import SafetyActions
    from loften_app.ui.safety.sheet_import import SheetImport


class Host(Protocol):
    """What the composition needs from the startup that opened the database."""

    window: MainWindow
    settings: QSettings
    user: tuple[str, Organisation] | None
    background: Background | None
    safety: SafetyActions | None
    sheet_import: SheetImport | None

    def photo_dir(self) -> Path: ...

    def renew_for(self, day: object) -> bool: ...

    def detach(self, message: str) -> None: ...

    def reopen(self) -> bool: ...


def attach(
    host: Host,
    services: Services,
    user: tuple[str, Organisation],
    *,
    overview: OverviewPage | None = None,
) -> None:
    """Put the pages of `services` (built when first needed, around one new `ChangeHub`) in the
    window, and give the safety actions the database (made once per window, kept across a
    restore). `overview`: the overview page already on screen with its first cards."""
    window = host.window
    agreement = services.agreements.current()
    if host.background is None:
        host.background = Background(window)
    changes = ChangeHub()
    pages = Pages(
        services,
        host.settings,
        organisation=user[1],
        photo_dir=host.photo_dir(),
        background=host.background,
        changes=changes,
        overview=overview,
    )
    record_forms: list[RecordForm[Any]] = []

    def show_saved(_dirty: bool = False) -> None:
        window.set_saved(not any(form.is_dirty() for form in record_forms))

    def built(key: str, page: QWidget) -> None:
        """A page was built: its record forms get the history, the renewal, the saved flag."""
        if key == "overview":
            return  # the overview holds no form (and needs none of their imports)
        from loften_app.ui.forms.base import RecordForm
        from loften_app.ui.safety.history import HistorySource

        history = HistorySource(services)
        for form in [page, *page.findChildren(QWidget)]:
            if isinstance(form, RecordForm):
                form.set_history_source(history)
                form.agreement_needed.connect(host.renew_for)
                form.dirty_changed.connect(show_saved)
                record_forms.append(form)

    early = overview is not None
    overview = pages.overview()
    overview.section_requested.connect(lambda key, _period: window.show_section(key))
    overview.walk_requested.connect(lambda _id: window.show_section("safety_walks"))
    pages.on_built(built)
    show_saved()
    window.attach(
        pages,
        agreement_title=agreement.data.title if agreement else "",
        user=f"{user[0]} ({enum_text(user[1])})",
    )
    follow_server_changes(services.database, changes, overview)
    window.database_actions["renew"].setEnabled(True)  # needs only the pages
    if host.safety is not None:  # opened again (after a restore)
        attach_safety(host, services, changes)
        return
    # The Arkiv menu's actions import the exchange, the backups and retention, and the start's
    # backup runs on the helper thread: after the overview's first figures are on screen (or
    # after SAFETY_DELAY_MS at the latest, when they take long on a large file).
    done: list[bool] = []

    def start_safety() -> None:
        if not done and host.safety is None:
            done.append(True)
            attach_safety(host, services, changes)

    def figures_shown() -> None:
        # `updated` comes before the cards are painted: wait for the first card's paint (cards
        # already on screen before the database was opened are not painted again).
        if overview.cards and not done and not early:
            _AfterPaint(overview.cards[0], start_safety)
        else:
            QTimer.singleShot(0, overview, start_safety)

    overview.updated.connect(figures_shown)
    QTimer.singleShot(SAFETY_DELAY_MS, overview, start_safety)


class _AfterPaint(QObject):
    """Calls back once, just after `widget`'s next paint (it lives as long as `widget`)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


#: The longest the Arkiv menu's actions wait for the overview's first figures (ms).
SAFETY_DELAY_MS = 3000


def attach_safety(host: Host, services: Services, changes: ChangeHub) -> None:
    """Give the safety actions (made once per window) the open database, and run the start's
    backup and retention."""
    if host.safety is None:
        from loften_app.ui.safety.actions import SafetyActions
        from loften_app.ui.safety.sheet_import import SheetImport

        window = host.window
        host.safety = SafetyActions(
            window,
            host,
            host.settings,
            host.background or Background(window),
            actions=window.database_actions,
            can_leave_all=window.can_leave_all,
            photo_dir=host.photo_dir(),
        )
        host.sheet_import = SheetImport(host.safety, window.database_actions)
    # Who works now (the settings may have changed since the database was opened).
    user = host.user or (services.actor.name, services.actor.organisation)
    host.safety.attach(services, Actor(*user), changes)
    host.safety.run_startup_tasks()


def open_renewal(window: MainWindow, day: object) -> bool:
    """The renewal dialog of the Register page, for an agreement that covers `day` when it is
    a date; True when a new agreement was saved."""
    from loften_app.ui.registers.page import RegistersPage

    page = window.page("registers")
    if not isinstance(page, RegistersPage):
        return False
    return page.open_renewal(day if isinstance(day, dt.date) else None)


def set_made_by(window: MainWindow, name: str) -> None:
    """Who is working, as the reports name their maker (a reports page built later reads it
    from the settings)."""
    reports = window.built_page("reports")
    if reports is None:
        return
    from loften_app.ui.reports import ReportsPage

    if isinstance(reports, ReportsPage):
        reports.set_made_by(name)
