"""The main window: navigation, shortcuts, title, status bar, remembered state, first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from loften_app.storage.database import Database
from loften_app.storage.services import Services
from loften_app.ui.app import Startup
from loften_app.ui.first_start import AgreementDialog, UserDialog
from loften_app.ui.main_window import SECTION_KEYS, MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER
from tests.ui.conftest import overview_ready, screenshot
from tests.ui.starting import start

SECTION_TITLES = [
    "Översikt",
    "Närvaro och butiksbesök",
    "Trygghetsvandringar",
    "Polisvolontärer",
    "Narkotikaärenden",
    "Övriga aktiviteter",
    "Grannsamverkan",
    "Register",
    "Rapporter",
]


def make_window(qtbot: QtBot, settings: QSettings, name: str = "filipstad.db") -> MainWindow:
    window = MainWindow(settings=settings, database_name=name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def started(
    qtbot: QtBot, settings: QSettings, database: Database, services: Services
) -> MainWindow:
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = make_window(qtbot, settings)
    startup = Startup(window, settings, database.path)
    start(qtbot, startup)
    return window


def test_the_window_is_shown_before_the_database_is_opened(
    qtbot: QtBot, settings: QSettings
) -> None:
    window = make_window(qtbot, settings)
    assert window.windowTitle() == "Löften – filipstad.db"
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == SECTION_TITLES
    placeholder = window.page("overview")
    assert isinstance(placeholder, QLabel)
    assert placeholder.text() == "Öppnar databasen…"


def test_after_start_the_title_names_the_agreement_and_the_overview_shows_the_promises(
    qtbot: QtBot, settings: QSettings, ui_database: Database, ui_services: Services
) -> None:
    window = started(qtbot, settings, ui_database, ui_services)
    assert window.windowTitle() == "Löften – Medborgarlöften Filipstad 2017–2018 – filipstad.db"
    assert window.user_label.text() == "Anna (Kommunen)"
    assert window.saved_label.text() == "Allt är sparat"
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    overview_ready(qtbot, overview)
    texts = " ".join(label.text() for label in overview.findChildren(QLabel))
    assert "Trygghetsvandringar" in texts
    assert "Ansvarig: Polisen och kommunen" in texts
    screenshot(window, "main-window-overview")


def test_ctrl_digits_switch_sections_and_the_last_section_is_remembered(
    qtbot: QtBot, settings: QSettings, ui_database: Database, ui_services: Services
) -> None:
    window = started(qtbot, settings, ui_database, ui_services)
    activate(qtbot, window)
    for index, key in enumerate(SECTION_KEYS):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_section() == key
        assert window.pages.currentWidget() is window.page(key)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    window.close()
    # The offscreen screen is smaller than the window, so Qt clamps a restored size: check
    # that the geometry is kept, and the section restored.
    assert settings.value("window/geometry") == window.saveGeometry()
    again = make_window(qtbot, settings)
    assert again.current_section() == "safety_walks"
    assert again.pages.currentWidget() is again.page("safety_walks")


def test_a_page_with_unsaved_changes_can_refuse_to_be_left(
    qtbot: QtBot, settings: QSettings
) -> None:
    window = make_window(qtbot, settings)

    class Busy(QLabel):
        answer = False

        def can_leave(self) -> bool:
            return self.answer

    busy = Busy("form")
    window.attach({"patrols": busy}, agreement_title="", user="Anna")
    window.show_section("patrols")
    window.show_section("overview")
    assert window.current_section() == "patrols"
    assert not window.close()
    busy.answer = True
    window.show_section("overview")
    assert window.current_section() == "overview"


def test_the_user_dialog_needs_a_name(qtbot: QtBot) -> None:
    dialog = UserDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert not dialog.name_error.isHidden()
    assert "Skriv ditt namn" in dialog.name_error.text()
    dialog.name_edit.setText("Kommunpolisen")
    assert dialog.organisation_combo.currentText() == "– välj –"  # nothing chosen beforehand
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.organisation_error.text() == "Välj din organisation."
    dialog.organisation_combo.setCurrentIndex(1)
    screenshot(dialog, "first-start-user")
    dialog.accept()
    assert dialog.result() == UserDialog.DialogCode.Accepted
    assert dialog.name() == "Kommunpolisen"
    assert dialog.organisation().value == "police"


def test_the_agreement_dialog_offers_the_template_and_checks_an_own_agreement(
    qtbot: QtBot,
) -> None:
    dialog = AgreementDialog([("filipstad-2017-2018", "Filipstad 2017–2018")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.template() == "filipstad-2017-2018"
    assert not dialog.own_form.isEnabled()
    screenshot(dialog, "first-start-agreement")
    dialog.own_button.setChecked(True)
    assert dialog.own_form.isEnabled()
    dialog.accept()  # nothing filled in
    assert dialog.isVisible()
    assert not dialog.errors["municipality"].isHidden()
    dialog.municipality_edit.setText("Storfors kommun")
    dialog.police_area_edit.setText("Lokalpolisområde Kristinehamn")
    dialog.accept()
    assert dialog.result() == AgreementDialog.DialogCode.Accepted
    agreement = dialog.agreement()
    assert agreement.title.startswith("Medborgarlöften Storfors kommun")


def test_a_refused_database_file_shows_its_message_in_the_window(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    foreign = tmp_path / "anteckningar.db"
    foreign.write_text("inte en databas", encoding="utf-8")
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window = make_window(qtbot, settings)
    Startup(window, settings, foreign).start()
    message = window.pages.currentWidget()
    assert isinstance(message, QLabel)
    assert "inte en Löften-databas" in message.text()
    assert foreign.read_text(encoding="utf-8") == "inte en databas"
