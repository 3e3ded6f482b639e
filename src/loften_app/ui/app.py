"""Starting the window: show it first, then open the database and fill it in.

SQLAlchemy, Alembic and ReportLab are imported only after the window is on screen
(ARCHITECTURE.md: imports that are slow load late).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from loften_app.domain.enums import Organisation
from loften_app.paths import ServerPath, default_database_path, user_data_dir
from loften_app.ui.i18n import Translations, enum_text
from loften_app.ui.icon import application_icon
from loften_app.ui.main_window import MainWindow
from loften_app.ui.settings import (
    DATABASE_KIND,
    DATABASE_SERVER,
    LANGUAGE,
    ORGANISATION,
    USER_NAME,
    application_settings,
)

if TYPE_CHECKING:
    from loften_app.domain.records import Actor
    from loften_app.storage.services import Services
    from loften_app.ui.background import Background
    from loften_app.ui.overview import OverviewPage
    from loften_app.ui.safety.actions import SafetyActions
    from loften_app.ui.safety.sheet_import import SheetImport


def _actor(user: tuple[str, Organisation]) -> Actor:
    from loften_app.domain.records import Actor

    return Actor(*user)


class Startup:
    """Asks who is working (first start), opens the database and attaches the pages; lets go
    of the database and opens it again around a restore (`detach`, `reopen`)."""

    def __init__(
        self,
        window: MainWindow,
        settings: QSettings,
        database_path: Path,
        *,
        photo_dir: Path | None = None,
        choose: bool = False,
    ) -> None:
        self.window = window
        self.settings = settings
        self.database_path = database_path
        #: The default file (no --db, no LOFTEN_DB): the first start asks file or server.
        self.choose = choose
        #: The local file the database dialog offers (the default one when a server was named).
        self.file_path = (
            default_database_path() if isinstance(database_path, ServerPath) else database_path
        )
        #: The server being connected to (the helper thread opens it), else None.
        self.connecting: str | None = None
        self.services: Services | None = None
        self.background: Background | None = None
        self.safety: SafetyActions | None = None
        self.sheet_import: SheetImport | None = None
        self.user: tuple[str, Organisation] | None = None
        #: The overview shown with its first cards before the database was opened (given to
        #: the pages when they are attached).
        self.early_overview: OverviewPage | None = None
        self._photo_dir = photo_dir
        window.database_actions["renew"].triggered.connect(self.renew_agreement)
        window.settings_saved.connect(self.apply_user_settings)
        self._first_start = False

    def finish(self) -> None:
        """Let the helper thread finish its call before the application ends."""
        if self.background is not None:
            self.background.wait()

    def saved_user(self) -> tuple[str, Organisation] | None:
        """The name and organisation kept in the settings, if both are there."""
        name = USER_NAME.read(self.settings)
        organisation = ORGANISATION.read(self.settings)
        from loften_app.domain.personnummer import contains_identity_number

        # A name holding an identity number (a hand-edited settings file) is asked for again.
        valid_name = bool(name) and not contains_identity_number(name)
        if valid_name and organisation in {o.value for o in Organisation}:
            return name, Organisation(organisation)
        return None

    def apply_user_settings(self) -> None:
        """Inställningar was saved: a changed name or organisation is recorded from the next save
        on, in the history and the audit trail, and shown in the status bar at once."""
        user = self.saved_user()
        if user is None or user == self.user:
            return
        self.user = user
        actor = _actor(user)
        if self.services is not None:
            self.services.set_actor(actor)
            if self.safety is not None:
                self.safety.actor = actor
        self.window.set_user(f"{user[0]} ({enum_text(user[1])})")
        from loften_app.ui.composition import set_made_by

        set_made_by(self.window, user[0])

    def ensure_user(self) -> tuple[str, Organisation] | None:
        saved = self.saved_user()
        if saved is not None:
            return saved
        from loften_app.ui.first_start import UserDialog

        name = USER_NAME.read(self.settings)
        dialog = UserDialog(self.window, name=name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self._first_start = True
        USER_NAME.write(self.settings, dialog.name())
        ORGANISATION.write(self.settings, dialog.organisation().value)
        self.settings.sync()
        return dialog.name(), dialog.organisation()

    def ensure_agreement(self, services: Services) -> bool:
        if services.agreements.current() is not None:
            return True
        from loften_app.domain.errors import LoftenError
        from loften_app.storage.template import apply_template, available_templates
        from loften_app.ui.errors import error_message
        from loften_app.ui.first_start import AgreementDialog

        templates = [(t.name, t.label) for t in available_templates()]
        dialog = AgreementDialog(templates, self.window)
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            package = dialog.package()
            if package is None:
                break
            try:
                self.start_from_package(services, package)
            except LoftenError as error:
                dialog.show_package_error(error_message(error))  # and ask again
                continue
            return True
        template = dialog.template()
        from PySide6.QtCore import Qt

        # Creating from a template takes a moment: show that work is going on.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Skapar överenskommelsen…")
        )
        QApplication.processEvents()
        try:
            if template is not None:
                apply_template(services, template)
            else:
                services.agreements.add(data=dialog.agreement())
        finally:
            QApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()
        return True

    def start_from_package(self, services: Services, package: Path) -> None:
        """The first start from the other organisation's package (see `start_from_package`)."""
        from loften_app.ui.first_start import start_from_package

        start_from_package(services, package, photo_dir=self.photo_dir(), parent=self.window)

    def start(self) -> None:
        user = self.ensure_user()
        if user is None:
            self.window.close()
            return
        self.user = user
        target = self.chosen_database() if self.choose else self.database_path
        if target is None:
            self.window.close()
            return
        if isinstance(target, ServerPath):
            self.connect_server(target.url)
            return
        self.database_path = target
        if not self._show_first_cards(target):
            self._open_file()

    def _show_first_cards(self, path: Path) -> bool:
        """Show the overview with its first cards read without SQLAlchemy (a current local
        file: `reports.tracking.first`), and open the database once they are painted (which
        imports SQLAlchemy and the services: longer than all the rest). False, with nothing
        shown, when the file cannot be read so."""
        from loften_app.reports.tracking.first import open_quick_overview

        quick = open_quick_overview(path)
        if quick is None:
            return False
        from loften_app.ui.background import Background
        from loften_app.ui.overview import OverviewPage

        if self.background is None:
            self.background = Background(self.window)
        opened: list[bool] = []

        def open_now() -> None:
            if not opened:
                opened.append(True)
                self._open_file()

        def cards_shown() -> None:
            if not opened:
                after_first_paint(page.cards[0] if page.cards else page, open_now)

        page = OverviewPage(None, self.background, settings=self.settings, quick=quick)
        # Connected before the page reads (on the helper thread) or fails: nothing is missed.
        page.cards_shown.connect(cards_shown)
        page.quick_failed.connect(lambda: QTimer.singleShot(0, page, open_now))
        self.early_overview = page
        self.window.show_early("overview", page)
        page.refresh()
        # Should neither come (a fault in the quick read): open the database all the same.
        QTimer.singleShot(EARLY_CARDS_WAIT_MS, page, open_now)
        return True

    def _open_file(self) -> None:
        """Open the local file `database_path` and attach the pages."""
        from loften_app.domain.errors import LoftenError
        from loften_app.ui.errors import error_message

        assert self.user is not None
        try:
            from loften_app.storage.database import open_database
            from loften_app.storage.services import Services

            database = open_database(self.database_path)
            services = Services.build(database, _actor(self.user))
        except LoftenError as error:
            self._drop_early_overview()
            self.window.show_error(error_message(error))
            return
        self.opened(services)

    def _drop_early_overview(self) -> None:
        """The early overview page will not get the services: let go of its file."""
        if self.early_overview is not None:
            self.early_overview.stop_quick()
            self.early_overview = None

    def chosen_database(self) -> Path | None:
        """The database of a start without --db or LOFTEN_DB: the server or file chosen at the
        first start; the first start itself asks ("Lokal fil" or "Gemensam server") unless the
        default file already exists. None when the user cancels."""
        kind = DATABASE_KIND.read(self.settings)
        server = DATABASE_SERVER.read(self.settings)
        if kind == "server" and server:
            return ServerPath(server)
        if kind == "file" or self.file_path.exists():
            return self.file_path
        return self.ask_database()

    def ask_database(self, server: str = "", error: str = "") -> Path | None:
        """The first start's choice of a database (again after a failed connection, with its
        `error`): the file, a `ServerPath` with the typed password (in memory only), or None."""
        from loften_app.ui.first_start import DatabaseDialog

        dialog = DatabaseDialog(self.file_path, self.window, server=server, error=error)
        self.database_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.is_server():
            return ServerPath(dialog.connect_url())
        DATABASE_KIND.write(self.settings, "file")
        self.settings.sync()
        return self.file_path

    def connect_server(self, url: str) -> None:
        """Open the server's database (and look up the logged-in role) on the helper thread,
        with "Ansluter till servern…" in the status bar: the window does not freeze."""
        from PySide6.QtCore import Qt

        from loften_app.ui.background import Background

        assert self.user is not None
        if self.background is None:
            self.background = Background(self.window)
        self.connecting = url
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Startup", "Ansluter till servern…")
        )
        job = self.background.run(_ServerOpener(url, _actor(self.user)))
        job.succeeded.connect(self._server_opened)
        job.failed.connect(self._server_failed)

    def _connected(self) -> None:
        QApplication.restoreOverrideCursor()
        self.window.statusBar().clearMessage()

    def _server_opened(self, services: Services) -> None:
        from loften_app.ui.first_start import without_password

        self._connected()
        url, self.connecting = self.connecting, None
        assert url is not None
        self.database_path = ServerPath(url)
        self.window.set_database_name(self.database_path.name)
        if self.choose:  # remembered without the password
            DATABASE_KIND.write(self.settings, "server")
            DATABASE_SERVER.write(self.settings, without_password(url))
            self.settings.sync()
        self.opened(services)

    def _server_failed(self, message: str) -> None:
        """Say what went wrong and let the user try again or choose another database."""
        self._connected()
        url, self.connecting = self.connecting, None
        text = QCoreApplication.translate(
            "Startup", "Det gick inte att ansluta till servern: %1"
        ).replace("%1", message)
        target = self.ask_database(server=url or "", error=text)
        if target is None:
            self.window.show_error(text)
            return
        if isinstance(target, ServerPath):
            self.connect_server(target.url)
            return
        self.choose = False
        self.database_path = target
        self.start()

    def opened(self, services: Services) -> None:
        """The database is open: an agreement for an empty one, then the pages."""
        from loften_app.domain.errors import LoftenError
        from loften_app.ui.errors import error_message

        try:
            if not self.ensure_agreement(services):
                self._drop_early_overview()
                self.window.close()
                return
        except LoftenError as error:
            self._drop_early_overview()
            self.window.show_error(error_message(error))
            return
        self.services = services
        # On a shared server the logged-in role is who works (storage/server), not the settings.
        user = (services.actor.name, services.actor.organisation)
        self.attach(services, user)
        if self._first_start:
            self._first_start = False
            self.window.show_getting_started()
        if services.database.read_only:
            self.show_read_only(services.database.path)

    def show_read_only(self, path: Path) -> None:
        """Tell the user, once, that the write-protected file was opened for reading only."""
        text = QCoreApplication.translate(
            "Startup",
            "Databasfilen %1 är skrivskyddad, så Löften har öppnat den bara för läsning: du kan "
            "titta och ta fram rapporter, men inget kan sparas. Löften ändrar inte filens "
            "behörigheter; vill du spara, be den som äger filen att göra den skrivbar, eller "
            "arbeta i en kopia.",
        ).replace("%1", str(path))
        box = QMessageBox(QMessageBox.Icon.Warning, "Löften", text, parent=self.window)
        box.setObjectName("read_only_message")
        box.open()
        self.read_only_message = box

    def renew_agreement(self) -> bool:
        """Arkiv → Förnya överenskommelsen: Register, and its renewal dialog; True when saved."""
        self.window.show_section("registers")
        if self.window.current_section() != "registers":
            return False  # the page shown kept its unsaved changes
        return self.renew_for(None)

    def renew_for(self, day: object) -> bool:
        """The renewal dialog, for an agreement that covers `day` when it is a date (a form's
        save was refused: no agreement in force then). The form stays as it is, with what was
        typed, to be saved again."""
        from loften_app.ui.composition import open_renewal

        return open_renewal(self.window, day)

    def photo_dir(self) -> Path:
        if self._photo_dir is None:
            self._photo_dir = user_data_dir() / "photos"
        return self._photo_dir

    def attach(self, services: Services, user: tuple[str, Organisation]) -> None:
        """Build the pages of the open database and put them in the window."""
        from loften_app.ui.composition import attach

        self.services = services
        self.user = user
        early, self.early_overview = self.early_overview, None
        attach(self, services, user, overview=early)

    def detach(self, message: str) -> None:
        """Let go of the open database: the helper finishes its calls, the pages give way to
        placeholders showing `message`, and the database is closed."""
        if self.background is not None:
            self.background.wait()
        if self.safety is not None:
            self.safety.detach()
        self.window.detach(message)
        if self.services is not None:
            self.services.database.close()
            self.services = None

    def reopen(self) -> bool:
        """Open the database again and attach new pages (after a restore); False, with the
        message in the window, when it cannot be opened."""
        from loften_app.domain.errors import LoftenError
        from loften_app.storage.database import open_database
        from loften_app.storage.services import Services
        from loften_app.ui.errors import error_message

        assert self.user is not None
        try:
            database = open_database(self.database_path, create=False)
            services = Services.build(database, _actor(self.user))
        except LoftenError as error:
            self.window.show_error(error_message(error))
            return False
        self.attach(services, self.user)
        return True


#: The longest the database waits for the overview's first cards read without it (ms).
EARLY_CARDS_WAIT_MS = 10_000


class _ServerOpener:
    """Opens a server's database and looks up the logged-in role: the helper thread's call (a
    plain object, so the job holds no widget)."""

    def __init__(self, url: str, actor: Actor) -> None:
        self.url = url
        self.actor = actor

    def __call__(self) -> Services:
        from loften_app.storage.database import open_database
        from loften_app.storage.services import Services

        database = open_database(self.url)
        try:
            services = Services.build(database, self.actor)  # looks up the logged-in role
        except BaseException:
            database.close()
            raise
        return services


def quick_source_check() -> bool:
    """Make PySide6's look at each newly imported module cheap; True when it was changed.

    PySide6 checks every module imported after it for the text "PySide6" (a module that uses
    PySide takes part in its `__feature__` switching) by reading the module's whole source with
    `inspect.getsource`: about 0.3 ms a module, 70-80 ms of CPU for the 400 modules (SQLAlchemy,
    the storage, the pages) that the window imports after its first paint. This reads the file's
    bytes instead, the same test at a tenth of the cost; modules without a `.py` file are left
    to PySide's own check. Nothing changes if PySide6 no longer has the function."""
    feature = sys.modules.get("PySide6.support.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "quick", False):
        return False

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(check(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # no source (as PySide's own check says then)
            return False

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


def run(database_path: Path, argv: list[str] | None = None, *, choose: bool = False) -> int:
    """Start the application on `database_path`; returns the exit status. `choose`: no database
    was named (--db, LOFTEN_DB), so the first start asks for a file or a server."""
    quick_source_check()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Löften")
    app.setOrganizationName("Loften")
    QApplication.setDesktopFileName("loften")  # matches loften.desktop, so desktops show the icon
    QApplication.setWindowIcon(application_icon())
    settings = application_settings()
    translations = Translations(app)
    translations.apply(LANGUAGE.read(settings))
    window = MainWindow(settings=settings, database_name=database_path.name)
    uncaught = UncaughtErrors(window, None)
    sys.excepthook = uncaught
    window.show_fitted()
    startup = Startup(window, settings, database_path, choose=choose)
    app.aboutToQuit.connect(startup.finish)

    def begin() -> None:
        # After the first paint: the log file, the settings file made private, the database.
        from loften_app.storage.logs import setup_logging

        uncaught.log_file = setup_logging(user_data_dir())
        _make_settings_private(settings)
        startup.start()

    after_first_paint(window, begin)
    return app.exec()


def _make_settings_private(settings: QSettings) -> None:
    """The settings file (the user's name and organisation) and its folder, owner-only."""
    from loften_app.storage.files import OWNER_ONLY_FILE, private_folder

    path = Path(settings.fileName())
    with contextlib.suppress(OSError):
        private_folder(path.parent, own=True)
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, OWNER_ONLY_FILE)
            os.close(fd)
        os.chmod(path, OWNER_ONLY_FILE)


class UncaughtErrors:
    """`sys.excepthook` for the window: an exception nobody caught is written to the log with its
    traceback and shown as a message that names the log file; the program goes on."""

    def __init__(self, window: QWidget, log_file: Path | None) -> None:
        self.window = window
        self.log_file = log_file

    def __call__(
        self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        from loften_app.storage.logs import log_uncaught

        log_uncaught(kind, error, traceback)
        where = (
            QCoreApplication.translate(
                "UncaughtErrors", "Felet är beskrivet i loggfilen %1."
            ).replace("%1", str(self.log_file))
            if self.log_file is not None
            else QCoreApplication.translate("UncaughtErrors", "Loggfilen kunde inte skrivas.")
        )
        text = (
            QCoreApplication.translate(
                "UncaughtErrors",
                "Ett oväntat fel inträffade i Löften. Det du redan har sparat finns kvar; det "
                "som inte var sparat kan behöva göras om.",
            )
            + " "
            + where
        )
        box = QMessageBox(QMessageBox.Icon.Critical, "Löften", text, parent=self.window)
        box.setObjectName("uncaught_error")
        box.open()
        self.message = box


class _AfterFirstPaint(QObject):
    """Calls back once the window has painted itself (or after a second at the latest)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._window.removeEventFilter(self)
            self._callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` (opening the database: the slow imports) once the window is on screen."""
    _AfterFirstPaint(window, callback)
