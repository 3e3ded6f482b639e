"""The main window: a navigation column, one page per section, and the status bar.

The window is built and shown before the database is opened (ARCHITECTURE.md: show the window
first); `attach()` then puts the real pages in place of the "opening" placeholders, each when it
is first needed (`page()`): the section on screen at once, another when it is chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QByteArray, QRect, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import loften_app
from loften_app.ui.kinds import RECORD_SECTIONS, SECTION_BY_KEY, section_title
from loften_app.ui.settings import WINDOW_GEOMETRY, WINDOW_MAXIMISED, WINDOW_SECTION

MINIMUM_WIDTH = 640
MINIMUM_HEIGHT = 420
NAVIGATION_MIN = 170
NAVIGATION_MAX = 250
#: A first start on a screen lower than this opens maximised (a laptop of 1366×768).
MAXIMISE_BELOW_HEIGHT = 900

# The window is painted before `Qt` (the namespace of QtCore) is touched: its first use makes
# PySide6 create about a hundred enum types, which takes longer than building this window. The
# few values needed before the first paint are set by their Qt property names and numbers, and
# shortcuts through `setShortcuts` (whose overloads, unlike `setShortcut`'s, never take a Qt.Key).
#: Qt.ItemDataRole.UserRole
_USER_ROLE = 0x0100
#: Qt.AlignmentFlag.AlignCenter
_ALIGN_CENTER = 0x0084
#: Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_SCROLL_BAR_ALWAYS_OFF = 1


def placeholder_label(text: str, *, wrap: bool = False) -> QLabel:
    """A centred message in place of a page."""
    label = QLabel(text)
    label.setProperty("alignment", _ALIGN_CENTER)
    label.setWordWrap(wrap)
    return label


SECTION_KEYS: tuple[str, ...] = (
    "overview",
    *(section.section for section in RECORD_SECTIONS),
    "registers",
    "reports",
)


@runtime_checkable
class LeavablePage(Protocol):
    """A page that may hold unsaved changes: it asks the user before it is left."""

    def can_leave(self) -> bool: ...


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen section on the right.

    The window remembers its geometry and last section in the `QSettings` it is given.

    Signals:
        settings_saved(): Inställningar was saved; who is working applies at once.
    """

    settings_saved = Signal()

    def __init__(self, *, settings: QSettings, database_name: str) -> None:
        super().__init__()
        self._settings = settings
        self._database_name = database_name
        self._agreement_title = ""
        self.setObjectName("main_window")
        # Small enough for 1366×768 at 150 % (911×512 left for windows, less the task bar).
        self.setMinimumSize(MINIMUM_WIDTH, MINIMUM_HEIGHT)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Avsnitt"))
        self.navigation.setMinimumWidth(NAVIGATION_MIN)
        self.navigation.setMaximumWidth(NAVIGATION_MAX)
        # In a narrow window a long title is shortened ("Närvaro och butiks…"), never scrolled.
        # (Its text elide mode is ElideRight, the default of item views.)
        self.navigation.setProperty("horizontalScrollBarPolicy", _SCROLL_BAR_ALWAYS_OFF)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
        )
        self.pages = QStackedWidget()
        self._page_by_key: dict[str, QWidget] = {}
        #: Where the real pages come from once the database is open (see `attach`).
        self._source: Mapping[str, QWidget] | None = None
        #: The sections whose real page is in the stack.
        self._attached: set[str] = set()
        for index, key in enumerate(SECTION_KEYS):
            item = QListWidgetItem(self.section_title(key))
            item.setData(_USER_ROLE, key)
            item.setToolTip(f"Ctrl+{index + 1}")
            self.navigation.addItem(item)
            self._set_page(key, placeholder_label(self.tr("Öppnar databasen…")))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.set_saved(True)

        self._build_menus()
        for index, key in enumerate(SECTION_KEYS):
            action = QAction(self.section_title(key), self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _checked=False, k=key: self.show_section(k))
            self.sections_menu.addAction(action)

        self._current_row = 0
        self.navigation.currentRowChanged.connect(self._on_navigation)
        self._update_title()
        self._restore()

    # --- public -------------------------------------------------------------------------------

    def section_title(self, key: str) -> str:
        if key in SECTION_BY_KEY:
            return section_title(SECTION_BY_KEY[key])
        titles = {
            "overview": self.tr("Översikt"),
            "registers": self.tr("Register"),
            "reports": self.tr("Rapporter"),
        }
        return titles[key]

    def attach(self, pages: Mapping[str, QWidget], *, agreement_title: str, user: str) -> None:
        """The database is open: `pages` gives the real page of a section key. The pages it
        already holds replace their placeholders now, the one on screen is asked for at once,
        and the others when they are first needed (`page`); `pages[key]` may build the page
        then (ui.pages), or raise KeyError (the placeholder stays)."""
        self._source = pages
        self._attached.clear()
        for key, page in list(pages.items()):
            self._set_page(key, page)
            self._attached.add(key)
        self._agreement_title = agreement_title
        self.set_user(user)
        self._update_title()
        self.page(self.current_section())
        self.pages.setCurrentIndex(self._current_row)

    def detach(self, message: str) -> None:
        """Put placeholders showing `message` in place of every page (the database is being
        replaced); the actions that need the database are disabled."""
        self.set_database_actions_enabled(False)
        self._source = None
        self._attached.clear()
        for key in SECTION_KEYS:
            self._set_page(key, placeholder_label(message, wrap=True))
        self.pages.setCurrentIndex(self._current_row)

    def show_early(self, key: str, page: QWidget) -> None:
        """Show `page` as section `key`'s before the database is attached (the overview's first
        cards, read without the services); `attach` keeps it when its pages hold it."""
        self._set_page(key, page)
        self.pages.setCurrentIndex(self._current_row)

    def set_database_actions_enabled(self, enabled: bool) -> None:
        for action in self.database_actions.values():
            action.setEnabled(enabled)

    def can_leave_all(self) -> bool:
        """Ask every page with unsaved changes; True when all may be left."""
        return all(
            page.can_leave()
            for page in self._page_by_key.values()
            if isinstance(page, LeavablePage)
        )

    def page(self, key: str) -> QWidget:
        """The page of section `key`, built now if it is not yet (its placeholder while no
        database is open)."""
        if key not in self._attached and self._source is not None:
            try:
                page = self._source[key]
            except KeyError:
                return self._page_by_key[key]
            self._set_page(key, page)
            self._attached.add(key)
            self.pages.setCurrentIndex(self._current_row)
        return self._page_by_key[key]

    def built_page(self, key: str) -> QWidget | None:
        """The page of section `key` if it has been built, else None (nothing is built)."""
        return self._page_by_key[key] if key in self._attached else None

    def current_section(self) -> str:
        return SECTION_KEYS[self._current_row]

    def show_section(self, key: str) -> None:
        self.navigation.setCurrentRow(SECTION_KEYS.index(key))

    def set_saved(self, saved: bool) -> None:
        self.saved_label.setText(
            self.tr("Allt är sparat") if saved else self.tr("Osparade ändringar")
        )

    def show_error(self, message: str) -> None:
        placeholder = placeholder_label(message, wrap=True)
        placeholder.setObjectName("error_message")
        self._attached.discard(self.current_section())
        self._set_page(self.current_section(), placeholder)
        self.pages.setCurrentIndex(self._current_row)

    def open_settings(self) -> None:
        from loften_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.settings_saved.emit()
            self.statusBar().showMessage(
                self.tr(
                    "Inställningarna är sparade. Det nya språket används nästa gång du startar "
                    "Löften."
                )
                if dialog.language_changed()
                else self.tr("Inställningarna är sparade."),
                8000,
            )

    def set_user(self, text: str) -> None:
        """Who is working, as the status bar shows it."""
        self.user_label.setText(text)

    def show_shortcuts(self) -> QWidget:
        """Help → Kortkommandon: every shortcut in a table (not modal)."""
        from PySide6.QtCore import Qt

        from loften_app.ui.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_getting_started(self) -> QWidget:
        """Help → Kom igång: one page on how to start (also shown on the first start)."""
        from PySide6.QtCore import Qt

        from loften_app.ui.help_dialogs import GettingStartedDialog

        dialog = GettingStartedDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Om Löften"),
            self.tr(
                "Löften %1\n\nRegistrera och följ upp medborgarlöften: polisiär närvaro, "
                "trygghetsvandringar, polisvolontärer och arbetet mot narkotika.\n\n"
                "Löften lagrar aldrig personnummer eller namn på invånare, misstänkta eller "
                "volontärer."
            ).replace("%1", loften_app.__version__),
        )

    # --- internals ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        #: The actions that need the open database (connected by the startup, disabled until
        #: the database is open and while it is being replaced).
        self.database_actions: dict[str, QAction] = {}
        for key, text in (
            ("backup", self.tr("&Säkerhetskopiera nu")),
            ("restore", self.tr("&Återställ säkerhetskopia…")),
            (None, ""),
            ("export", self.tr("&Exportera ändringar…")),
            ("import", self.tr("I&mportera ändringar…")),
            ("partners", self.tr("&Parade installationer…")),
            (None, ""),
            ("sheet_import", self.tr("Importera från E&xcel/CSV…")),
            ("sheet_template", self.tr("Spara import&mall…")),
            (None, ""),
            ("renew", self.tr("&Förnya överenskommelsen…")),
            (None, ""),
            ("audit", self.tr("Exportera ändrings&logg…")),
            ("retention", self.tr("&Gallra nu")),
        ):
            if key is None:
                file_menu.addSeparator()
                continue
            action = file_menu.addAction(text)
            action.setObjectName(f"action_{key}")
            action.setEnabled(False)
            self.database_actions[key] = action
        file_menu.addSeparator()
        settings_action = file_menu.addAction(self.tr("&Inställningar…"))
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings_action.triggered.connect(self.open_settings)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Avsluta"))
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.sections_menu = self.menuBar().addMenu(self.tr("A&vsnitt"))
        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        getting_started = help_menu.addAction(self.tr("&Kom igång"))
        getting_started.setShortcuts([QKeySequence("F1")])
        getting_started.triggered.connect(self.show_getting_started)
        shortcuts = help_menu.addAction(self.tr("K&ortkommandon"))
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&Om Löften"))
        about.triggered.connect(self.show_about)

    def _set_page(self, key: str, page: QWidget) -> None:
        index = SECTION_KEYS.index(key)
        old = self._page_by_key.get(key)
        if old is page:
            return
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(index, page)
        self._page_by_key[key] = page

    def set_database_name(self, name: str) -> None:
        """The database shown in the title (a server's database, once connected to)."""
        self._database_name = name
        self._update_title()

    def _update_title(self) -> None:
        parts = ["Löften"]
        if self._agreement_title:
            parts.append(self._agreement_title)
        parts.append(self._database_name)
        self.setWindowTitle(" – ".join(parts))

    def _on_navigation(self, row: int) -> None:
        if row < 0 or row == self._current_row:
            return
        current = self._page_by_key[SECTION_KEYS[self._current_row]]
        if isinstance(current, LeavablePage) and not current.can_leave():
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self._current_row)
            self.navigation.blockSignals(False)
            return
        self._current_row = row
        self.page(SECTION_KEYS[row])
        self.pages.setCurrentIndex(row)

    def _restore(self) -> None:
        """The size and place of the last session, kept inside the screen; on the first start
        maximised on a low screen, else 1280×800 or what fits."""
        geometry = WINDOW_GEOMETRY.read(self._settings)
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        self._restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if self._restored:
            self._fit_into(available)
        else:
            self.resize(min(1280, available.width()), min(800, available.height()))
            self._fit_into(available)
        self._fit_navigation(self.width())
        last = WINDOW_SECTION.read(self._settings)
        self._current_row = SECTION_KEYS.index(last) if last in SECTION_KEYS else 0
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self._current_row)
        self.navigation.blockSignals(False)
        self.pages.setCurrentIndex(self._current_row)

    def show_fitted(self) -> None:
        """Show the window as the user left it (maximised or not); on the first start
        maximised on a screen under `MAXIMISE_BELOW_HEIGHT` pixels high."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        low = screen is not None and screen.availableGeometry().height() < MAXIMISE_BELOW_HEIGHT
        maximised = WINDOW_MAXIMISED.read(self._settings)
        if maximised if self._restored else low:
            self.showMaximized()
        else:
            self.show()

    def _fit_into(self, available: QRect) -> None:
        """Shrink and move the window so that it lies wholly on the screen."""
        width = min(self.width(), available.width())
        height = min(self.height(), available.height())
        self.resize(max(width, MINIMUM_WIDTH), max(height, MINIMUM_HEIGHT))
        frame = self.frameGeometry()
        x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
        y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
        self.move(max(x, available.x()), max(y, available.y()))

    def _fit_navigation(self, width: int) -> None:
        # A quarter of a narrow window for the navigation, 250 pixels at most.
        self.navigation.setFixedWidth(max(NAVIGATION_MIN, min(NAVIGATION_MAX, width // 4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_navigation(event.size().width())
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._page_by_key.values():
            if isinstance(page, LeavablePage) and not page.can_leave():
                event.ignore()
                return
        WINDOW_GEOMETRY.write(self._settings, self.saveGeometry())
        WINDOW_MAXIMISED.write(self._settings, self.isMaximized())
        WINDOW_SECTION.write(self._settings, self.current_section())
        self._settings.sync()
        event.accept()
