"""Which page each section shows: the one place that builds them from the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget

from loften_app.domain.enums import Organisation
from loften_app.domain.periods import Period
from loften_app.storage.services import Services
from loften_app.ui.background import Background
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.kinds import RECORD_SECTIONS, FormContext, load
from loften_app.ui.lookups import Lookups
from loften_app.ui.overview import OverviewPage
from loften_app.ui.registers.page import RegistersPage
from loften_app.ui.reports import ReportsPage
from loften_app.ui.section import RecordSection, build_section
from loften_app.ui.settings import USER_NAME


def coming_later(text: str) -> QWidget:
    label = QLabel(text)
    label.setObjectName("coming_later")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def build_pages(
    services: Services,
    settings: QSettings,
    *,
    organisation: Organisation,
    photo_dir: Path,
    today: Callable[[], dt.date] = dt.date.today,
    background: Background | None = None,
    changes: ChangeHub | None = None,
) -> dict[str, QWidget]:
    """The real page of every section, for `MainWindow.attach`; `today` is what the sections
    and their forms take as today's date. The pages subscribe to `changes` (the window's hub;
    a new one when none is given)."""
    lookups = Lookups(services, changes)
    changes = lookups.changes
    # The lists show the records of every agreement: their period filter offers the years from
    # the first agreement's start to the last one's end, or today in an extension.
    covered = [item.covered for item in services.agreements.listing(today())]
    period = Period(min(c.start for c in covered), max(c.end for c in covered)) if covered else None
    own = background is None
    background = background or Background()
    overview = OverviewPage(services, background, settings=settings, today=today, changes=changes)
    if own:
        background.setParent(overview)  # destroyed with the page, after its last call ended
    context = FormContext(lookups, organisation, photo_dir, today)
    sections: dict[str, RecordSection] = {}
    for kind in RECORD_SECTIONS:
        service = services.of_kind(kind.kind)
        sections[kind.section] = build_section(
            load(kind.spec),
            service,
            load(kind.form).section_form(service, context),
            lookups=lookups,
            settings=settings,
            period=period,
            today=today,
            subject=Change.of(kinds={kind.section}),
        )
    overview.section_requested.connect(lambda key, chosen: sections[key].show_period(chosen))
    overview.walk_requested.connect(sections["safety_walks"].open_record)
    # A carried-over action opens the walk it came from (after the unsaved-changes question).
    walk_requested = getattr(sections["safety_walks"].form, "walk_requested", None)
    if walk_requested is not None:
        walk_requested.connect(sections["safety_walks"].open_record)
    pages: dict[str, QWidget] = {"overview": overview, **sections}
    pages["registers"] = RegistersPage(services, lookups, settings, period=period, today=today)
    pages["reports"] = ReportsPage(
        services,
        settings,
        background=background,
        made_by=USER_NAME.read(settings),
        today=today,
        changes=changes,
    )
    return pages
