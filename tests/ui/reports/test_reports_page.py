"""The Rapporter page: reports made in the background, shown with QtPdf, saved and printed."""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import Database
from loften_app.storage.services import Services
from loften_app.ui.background import Background
from loften_app.ui.i18n import ENGLISH, Translations
from loften_app.ui.reports import ReportsPage
from tests.ui.conftest import screenshot
from tests.ui.reports.conftest import TODAY, MakePage
from tests.ui.steps import make_report

TITLE = "Medborgarlöften Filipstad 2017–2018"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def has_ink(image: QImage) -> bool:
    """Whether the picture shows dark pixels (text) somewhere, not only paper and grey."""
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).lightness() < 90:
                return True
    return False


def wait_rendered(qtbot: QtBot, page: ReportsPage) -> None:
    """QtPdf renders pages on its own renderer: wait until the first page shows its text."""
    assert page.viewer is not None
    viewport = page.viewer.view.viewport()
    qtbot.waitUntil(lambda: has_ink(viewport.grab().toImage()), timeout=20_000)


# --- making and showing ---------------------------------------------------------------------


def test_the_quarterly_report_is_made_and_shown(
    qtbot: QtBot, make_page: MakePage, demo_services: Services
) -> None:
    page = make_page(demo_services)
    # Defaults: the quarter of today (2018-08-15) within the agreement, internal.
    assert page.quarterly_radio.isChecked()
    assert page.quarter_combo.currentText() == "2018 kv 3"
    assert page.quarter_combo.count() == 8  # 2017 kv 1 … 2018 kv 4
    assert page.internal_radio.isChecked()
    assert page.agreement_combo.currentText() == "2017–2018 (gäller)"
    assert page.agreement_label.text() == f"{TITLE}\ngäller 2017-01-01 – 2018-12-31"
    assert page.period_label.text() == "2018-07-01 – 2018-09-30"
    assert not page.save_button.isEnabled()
    assert not page.open_button.isEnabled()
    screenshot(page, "reports-before")

    progress: list[tuple[int, int]] = []
    page.progress_relay.changed.connect(lambda done, total: progress.append((done, total)))
    report = make_report(qtbot, page)

    assert report.file_name == "Kvartalsrapport 2018-Q3 (intern).pdf"
    assert report.path.name == "Kvartalsrapport 2018-Q3 (intern).pdf"
    assert progress and progress[-1][0] == progress[-1][1]  # the helper's progress arrived
    assert page.viewer is not None
    assert page.stack.currentWidget() is page.viewer
    pages = len(PdfReader(report.path).pages)
    assert pages >= 2
    assert page.viewer.page_count() == pages
    assert page.viewer.page_count_label.text() == f"av {pages}"
    text = pdf_text(report.path)
    assert TITLE in text
    assert "2018 kv 3" in text
    assert "av Anna" in text  # who made it, in the header
    # The viewer holds the same document: its own text layer has the title too.
    assert TITLE in page.viewer.document.getAllText(0).text()
    assert page.version_banner.isVisible()
    assert "INTERN VERSION" in page.version_banner.text()
    assert page.message_label.text() == f"Rapporten är klar ({pages} sidor)."
    assert page.save_button.isEnabled() and page.print_button.isEnabled()
    assert page.make_button.isEnabled()

    wait_rendered(qtbot, page)
    screenshot(page, "reports-after-quarterly")
    page.viewer.go_to(1)
    assert page.viewer.current_page() == 1
    assert page.viewer.page_spin.value() == 2
    assert page.viewer.previous_button.isEnabled()
    page.viewer.zoom(+1)
    assert page.viewer.view.zoomMode() == page.viewer.view.ZoomMode.Custom
    assert page.viewer.zoom_label.text() == "100 %"
    page.viewer.fit_page_button.click()
    assert page.viewer.view.zoomMode() == page.viewer.view.ZoomMode.FitInView


def test_the_public_follow_up_is_made_marked_and_named(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    page.follow_up_radio.setChecked(True)
    page.public_radio.setChecked(True)
    assert not page.quarter_combo.isEnabled()
    assert page.period_label.text() == "Hela överenskommelsen: 2017-01-01 – 2018-12-31"
    assert "antal under 5 visas inte" in page.version_hint.text()

    report = make_report(qtbot, page)

    assert report.file_name == "Uppföljning 2017-2018 (offentlig).pdf"
    assert report.choice.public and report.choice.quarter is None
    assert page.viewer is not None
    assert page.viewer.page_count() == len(PdfReader(report.path).pages) >= 1
    text = pdf_text(report.path)
    assert TITLE in text
    assert "Uppföljning" in text
    assert "OFFENTLIG VERSION" in page.version_banner.text()
    assert "Uppföljning 2017–2018" in page.version_banner.text()
    wait_rendered(qtbot, page)
    screenshot(page, "reports-after-public-follow-up")


def test_a_second_report_replaces_the_first_in_the_viewer(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    first = make_report(qtbot, page)
    page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2017 kv 1"))
    second = make_report(qtbot, page)
    assert second.path != first.path and first.path.exists()
    assert second.file_name == "Kvartalsrapport 2017-Q1 (intern).pdf"
    assert page.shown == second
    assert page.viewer is not None
    assert "2017 kv 1" in page.viewer.document.getAllText(0).text()


def test_the_page_is_busy_while_the_helper_works(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    background = page._background
    gate = threading.Event()
    blocker = background.run(lambda: gate.wait(60))  # the one helper is busy before us
    try:
        job = page.make()
        assert job is not None
        assert page.busy()
        assert page.make() is None  # a second click does nothing while the first runs
        for widget in (
            page.make_button,
            page.quarter_combo,
            page.follow_up_radio,
            page.public_radio,
            page.save_button,
            page.print_button,
            page.open_button,
        ):
            assert not widget.isEnabled(), widget
        assert page.progress_bar.isVisible()
        assert page.message_label.text() == "Skapar Kvartalsrapport 2018 kv 3…"
        assert page.placeholder.text() == "Skapar Kvartalsrapport 2018 kv 3…"
        # A progress report from another thread reaches the bar through the queued signal.
        reporter = threading.Thread(target=page.progress_relay.report, args=(1, 3))
        reporter.start()
        reporter.join()
        qtbot.waitUntil(lambda: page.progress_bar.value() == 1)
        assert page.progress_bar.maximum() == 3
        screenshot(page, "reports-during")
    finally:
        gate.set()
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert blocker is not None
    assert not page.busy()
    assert page.make_button.isEnabled()
    assert not page.progress_bar.isVisible()
    assert page.shown is not None


# --- failures ------------------------------------------------------------------------------


def test_an_unwritable_folder_gives_a_swedish_message_and_the_page_stays_usable(
    qtbot: QtBot, make_page: MakePage, ui_services: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    page = make_page(ui_services, report_dir=folder)
    folder.rmdir()
    folder.write_text("a file where the folder was", encoding="utf-8")

    with qtbot.waitSignal(page.report_failed, timeout=60_000) as failed:
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy())
    message = page.message_label.text()
    assert message.startswith("Rapporten kunde inte skapas.\n")
    assert "Rapporten kan inte skrivas i den tillfälliga mappen" in message
    assert message.endswith(": en del av sökvägen är inte en mapp.")
    assert page.placeholder.text().startswith("Välj rapport")
    assert failed.args[0] in message
    assert "color: #b00020" in page.message_label.styleSheet()
    assert page.shown is None
    assert page.make_button.isEnabled()
    assert not page.save_button.isEnabled()
    screenshot(page, "reports-failed")

    folder.unlink()
    folder.mkdir()
    report = make_report(qtbot, page)
    assert report.path.parent.parent == folder
    assert page.message_label.styleSheet() == ""


def test_an_agreement_deleted_after_choosing_gives_the_reports_message(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    shown = make_report(qtbot, page)
    agreement = ui_services.agreements.current()
    assert agreement is not None
    ui_services.agreements.delete(id=agreement.id)

    with qtbot.waitSignal(page.report_failed, timeout=60_000) as failed:
        page.make()
    qtbot.waitUntil(lambda: not page.busy())
    assert failed.args[0]  # the Swedish message of the reports module
    assert "överenskommelse" in failed.args[0].lower()
    assert failed.args[0] in page.message_label.text()
    # The report made before stays shown and usable.
    assert page.shown == shown
    assert page.save_button.isEnabled()


def test_without_an_agreement_the_page_says_what_to_do(
    qtbot: QtBot, make_page: MakePage, ui_database: Database
) -> None:
    services = Services.build(ui_database, Actor("Anna", Organisation.MUNICIPALITY))
    page = make_page(services)
    assert "ingen överenskommelse" in page.agreement_label.text()
    assert not page.make_button.isEnabled()
    assert page.quarter_combo.count() == 0
    assert page.make() is None
    screenshot(page, "reports-no-agreement")


# --- the report shown: open, save, print ----------------------------------------------------


def test_save_as_copies_the_report_and_remembers_the_folder(
    qtbot: QtBot,
    *,
    make_page: MakePage,
    ui_services: Services,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(ui_services)
    page.public_radio.setChecked(True)
    report = make_report(qtbot, page)
    asked: list[tuple[Any, ...]] = []
    target_folder = tmp_path / "saved"
    target_folder.mkdir()

    def answer(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target_folder / "till styrgruppen"), "PDF-dokument (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    saved = page.save_as()

    assert saved == target_folder / "till styrgruppen.pdf"
    assert saved.read_bytes() == report.path.read_bytes()
    assert Path(asked[0][2]).name == "Kvartalsrapport 2018-Q3 (offentlig).pdf"
    assert settings.value("reports/save_folder") == str(target_folder)
    assert page.message_label.text() == f"Sparad som {saved}."
    assert [p.name for p in target_folder.iterdir()] == ["till styrgruppen.pdf"]  # no leftovers

    # The next time the dialog starts in the folder used last.
    page.save_as()
    assert Path(asked[1][2]).parent == target_folder


def test_save_as_into_a_missing_folder_says_so_and_writes_nothing(
    qtbot: QtBot,
    make_page: MakePage,
    ui_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(ui_services)
    make_report(qtbot, page)
    target = tmp_path / "missing" / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert page.save_as() is None
    assert page.message_label.text().startswith(f"Rapporten kunde inte sparas som {target}:")
    assert not target.parent.exists()
    # Cancelled: nothing happens.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert page.save_as() is None


def test_open_in_the_pdf_reader_opens_the_file(
    qtbot: QtBot, make_page: MakePage, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(ui_services)
    report = make_report(qtbot, page)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert page.open_external()
    assert opened == [QUrl.fromLocalFile(str(report.path))]

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    assert not page.open_external()
    assert "Det finns inget program för PDF-filer" in page.message_label.text()


def test_print_renders_every_page_into_the_printer(
    qtbot: QtBot,
    make_page: MakePage,
    ui_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(ui_services)
    report = make_report(qtbot, page)
    printed = tmp_path / "printed.pdf"
    dialogs: list[QPrintDialog] = []

    def accept(dialog: QPrintDialog) -> int:
        dialogs.append(dialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    job = page.print_report()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    pages = len(PdfReader(report.path).pages)
    assert dialogs[0].minPage() == 1 and dialogs[0].maxPage() == pages
    assert len(PdfReader(printed).pages) == pages
    assert page.message_label.text() == f"{pages} sidor har skickats till skrivaren."
    assert page.print_button.isEnabled()


def test_print_of_a_page_range_prints_only_those_pages(
    qtbot: QtBot,
    make_page: MakePage,
    ui_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(ui_services)
    make_report(qtbot, page)
    printed = tmp_path / "page-2.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    job = page.print_report()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert len(PdfReader(printed).pages) == 1
    assert page.message_label.text() == "1 sida har skickats till skrivaren."

    # Cancelling the dialog prints nothing.
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)
    assert page.print_report() is None


# --- choices, temporary files, keys, language -----------------------------------------------


def test_the_choices_are_remembered(
    qtbot: QtBot, make_page: MakePage, ui_services: Services
) -> None:
    page = make_page(ui_services)
    page.quarter_combo.setCurrentIndex(page.quarter_combo.findText("2017 kv 2"))
    page.follow_up_radio.setChecked(True)
    page.public_radio.setChecked(True)
    again = make_page(ui_services)
    assert again.follow_up_radio.isChecked()
    assert again.public_radio.isChecked()
    assert again.quarter_combo.currentText() == "2017 kv 2"


def test_the_temporary_report_is_private_and_removed_with_the_page(
    qtbot: QtBot, ui_services: Services, settings: QSettings
) -> None:
    page = ReportsPage(
        ui_services, settings, background=Background(), made_by="Anna", today=lambda: TODAY
    )
    qtbot.addWidget(page)
    page.public_radio.setChecked(True)  # even the public one: it is our temporary copy
    report = make_report(qtbot, page)
    folder = report.path.parent.parent
    assert folder.name.startswith("loften-rapporter-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(report.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(report.path.stat().st_mode) == 0o600
    page._temporary.cleanup()  # what happens when Löften ends
    assert not folder.exists()


def test_keys_make_save_and_print_on_the_reports_page_of_the_window(
    qtbot: QtBot,
    settings: QSettings,
    ui_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from loften_app.ui.main_window import MainWindow
    from loften_app.ui.pages import build_pages

    settings.setValue("user/name", "Anna")
    window = MainWindow(settings=settings, database_name="filipstad.db")
    qtbot.addWidget(window)
    window.attach(
        build_pages(
            ui_services,
            settings,
            organisation=Organisation.MUNICIPALITY,
            photo_dir=tmp_path / "photos",
            today=lambda: TODAY,
        ),
        agreement_title=TITLE,
        user="Anna (Kommunen)",
    )
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_section("reports")
    page = window.page("reports")
    assert isinstance(page, ReportsPage)

    ctrl = Qt.KeyboardModifier.ControlModifier
    with qtbot.waitSignal(page.report_shown, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_Return, ctrl)
    qtbot.waitUntil(lambda: not page.busy())
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (asked.append("save"), ("", ""))[1]
    )
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: (asked.append("print"), 0)[1])
    qtbot.keyClick(window, Qt.Key.Key_S, ctrl)
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl)
    assert asked == ["save", "print"]
    assert page.shown is not None
    assert "av Anna" in pdf_text(page.shown.path)
    wait_rendered(qtbot, page)
    screenshot(window, "reports-in-window")


def test_english_screenshots(
    qtbot: QtBot, make_page: MakePage, ui_services: Services, swedish: Translations
) -> None:
    """The page in English, to look at (the strings translate once loften_en.ts has them)."""
    assert swedish.apply(ENGLISH)
    page = make_page(ui_services)
    screenshot(page, "english-reports-before")
    make_report(qtbot, page)
    wait_rendered(qtbot, page)
    screenshot(page, "english-reports-after")
    assert page.quarter_combo.count() == 8
