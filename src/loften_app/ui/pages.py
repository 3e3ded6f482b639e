"""Which page each section shows: the one place that builds them from the services.

Each page is built the first time it is asked for (`Pages[key]`): the overview when the
database opens, a section when it is chosen or when something needs it (a link from the
overview, a menu action, a test). A page reads its data when it is built, so one built late is
as fresh as the others, and it subscribes to the window's `ChangeHub` from then on; nothing
else refers to a page that is not built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from loften_app.domain.enums import Organisation
from loften_app.domain.periods import Period
from loften_app.storage.services import Services
from loften_app.ui.background import Background
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.kinds import SECTION_BY_KEY, FormContext, load
from loften_app.ui.lookups import Lookups
from loften_app.ui.main_window import SECTION_KEYS
from loften_app.ui.settings import USER_NAME

if TYPE_CHECKING:
    from loften_app.ui.overview import OverviewPage
    from loften_app.ui.section import RecordSection

#: Told of every page as it is built: (section key, page).
BuiltListener = Callable[[str, QWidget], None]


class Pages(Mapping[str, QWidget]):
    """The pages of one open database, built when first asked for.

    Like a `defaultdict`: `pages[key]` builds the page of any section key (a `KeyError` for
    anything else) and keeps it; `in`, `len()` and iterating see the pages built so far.
    `pages[key] = page` puts a page of the caller's own in (tests)."""

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        *,
        organisation: Organisation,
        photo_dir: Path,
        today: Callable[[], dt.date] = dt.date.today,
        background: Background | None = None,
        changes: ChangeHub | None = None,
        overview: OverviewPage | None = None,
    ) -> None:
        """`overview`: an overview page already on screen (its first cards read before the
        database was opened), to be given the services instead of building another."""
        self._services = services
        self._early_overview = overview
        self._settings = settings
        self._today = today
        self.lookups = Lookups(services, changes)
        self.changes = self.lookups.changes
        self._own_background = background is None
        self._background = background or Background()
        self._context = FormContext(self.lookups, organisation, photo_dir, today)
        self._built: dict[str, QWidget] = {}
        self._listeners: list[BuiltListener] = []

    # --- the mapping --------------------------------------------------------------------------

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in SECTION_KEYS:
                raise KeyError(key)
            page = self._build(key)
            self._built[key] = page
            for listener in list(self._listeners):
                listener(key, page)
        return page

    def __setitem__(self, key: str, page: QWidget) -> None:
        self._built[key] = page

    def __contains__(self, key: object) -> bool:
        return key in self._built

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._built))

    def __len__(self) -> int:
        return len(self._built)

    def on_built(self, listener: BuiltListener) -> None:
        """Call `listener` for every page built so far and every one built from now on."""
        self._listeners.append(listener)
        for key, page in list(self._built.items()):
            listener(key, page)

    # --- building -----------------------------------------------------------------------------

    def _build(self, key: str) -> QWidget:
        if key == "overview":
            return self._overview()
        if key == "registers":
            from loften_app.ui.registers.page import RegistersPage

            return RegistersPage(
                self._services,
                self.lookups,
                self._settings,
                period=self._period(),
                today=self._today,
            )
        if key == "reports":
            from loften_app.ui.reports import ReportsPage

            return ReportsPage(
                self._services,
                self._settings,
                background=self._background,
                made_by=USER_NAME.read(self._settings),
                today=self._today,
                changes=self.changes,
            )
        return self._section(key)

    def _period(self) -> Period | None:
        """The lists show the records of every agreement: their period filter offers the years
        from the first agreement's start to the last one's end, or today in an extension."""
        covered = [item.covered for item in self._services.agreements.listing(self._today())]
        if not covered:
            return None
        return Period(min(c.start for c in covered), max(c.end for c in covered))

    def _overview(self) -> OverviewPage:
        from loften_app.ui.overview import OverviewPage

        overview = self._early_overview
        if overview is not None:
            self._early_overview = None
            overview.attach(self._services, self._background, self.changes)
        else:
            overview = OverviewPage(
                self._services,
                self._background,
                settings=self._settings,
                today=self._today,
                changes=self.changes,
            )
        if self._own_background:
            self._own_background = False
            self._background.setParent(overview)  # destroyed with the page, after its last call
        overview.section_requested.connect(self._show_period)
        overview.walk_requested.connect(self._open_walk)
        return overview

    def _show_period(self, key: str, period: Period) -> None:
        self.section(key).show_period(period)

    def _open_walk(self, walk_id: str) -> None:
        self.section("safety_walks").open_record(walk_id)

    def overview(self) -> OverviewPage:
        """The overview page (built if it is not yet)."""
        from loften_app.ui.overview import OverviewPage

        page = self["overview"]
        assert isinstance(page, OverviewPage)
        return page

    def section(self, key: str) -> RecordSection:
        """The record section `key` (built if it is not yet)."""
        from loften_app.ui.section import RecordSection

        page = self[key]
        assert isinstance(page, RecordSection)
        return page

    def _section(self, key: str) -> RecordSection:
        from loften_app.ui.section import build_section

        kind = SECTION_BY_KEY[key]
        service = self._services.of_kind(kind.kind)
        section = build_section(
            load(kind.spec),
            service,
            load(kind.form).section_form(service, self._context),
            lookups=self.lookups,
            settings=self._settings,
            period=self._period(),
            today=self._today,
            subject=Change.of(kinds={kind.section}),
        )
        # A carried-over action opens the walk it came from (after the unsaved-changes question).
        walk_requested = getattr(section.form, "walk_requested", None)
        if walk_requested is not None:
            walk_requested.connect(self._open_walk)
        return section


def build_pages(
    services: Services,
    settings: QSettings,
    *,
    organisation: Organisation,
    photo_dir: Path,
    today: Callable[[], dt.date] = dt.date.today,
    background: Background | None = None,
    changes: ChangeHub | None = None,
) -> Pages:
    """The pages of every section, for `MainWindow.attach`, each built when first asked for;
    `today` is what the sections and their forms take as today's date. The pages subscribe to
    `changes` (the window's hub; a new one when none is given)."""
    return Pages(
        services,
        settings,
        organisation=organisation,
        photo_dir=photo_dir,
        today=today,
        background=background,
        changes=changes,
    )
