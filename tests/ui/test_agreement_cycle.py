"""The agreement cycle in the window: the agreement picker of the overview and the reports page,
renewing the agreement, a record dated where no agreement is in force, the first start from the
other organisation's package, and settings that apply at once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation, PromiseType, Responsible
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import Actor, AgreementData, PatrolData, SafetyWalkData, Stored
from loften_app.storage.audit import history
from loften_app.storage.database import Database, open_database
from loften_app.storage.exchange import export_changes
from loften_app.storage.exchange.signing import verify_signature
from loften_app.storage.services import RecordFilter, Services
from loften_app.ui.app import Startup
from loften_app.ui.background import Background
from loften_app.ui.first_start import AgreementDialog
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.lookups import Lookups
from loften_app.ui.main_window import MainWindow
from loften_app.ui.overview import OverviewPage
from loften_app.ui.pages import build_pages
from loften_app.ui.registers.page import RegistersPage
from loften_app.ui.registers.renew import COL_RESPONSIBLE, COL_SHORT, RenewDialog
from loften_app.ui.reports import ReportsPage
from loften_app.ui.reports.jobs import ShownReport
from loften_app.ui.section import RecordSection
from loften_app.ui.settings import SETTINGS_ORGANISATION, SETTINGS_USER
from loften_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import overview_ready, screenshot
from tests.ui.starting import start

#: Today, as the issue tells it: December 2026, the template's 2017–2018 agreement in its
#: extension.
TODAY = dt.date(2026, 12, 2)
TITLE = "Medborgarlöften Filipstad 2017–2018"
#: Screenshots are taken at the scale the test runs with (QT_SCALE_FACTOR=1.5 for the second set).
SCALE = os.environ.get("QT_SCALE_FACTOR", "1")


def shot(widget: QWidget, name: str) -> None:
    """A page as the window shows it on a 1366×768 screen; a dialog at its own size."""
    if not isinstance(widget, QDialog):
        # What the window leaves a page on a 1366×768 screen: less the navigation (250), the
        # menu, the status bar and the window's frame; in logical pixels at the scale.
        scale = float(SCALE)
        widget.resize(int(1366 / scale) - 250, int(768 / scale) - 90)
    screenshot(widget, f"{name}-x{SCALE}")


def patrol(services: Services, day: dt.date) -> PatrolData:
    promise = next(
        p
        for p in services.promises.for_agreement(services.agreements.current(TODAY).id)  # type: ignore[union-attr]
        if p.data.type is PromiseType.PATROL
    )
    place = services.places.list_page(sort="name", descending=False).items[0]
    return PatrolData(
        promise_id=promise.id,
        date=day,
        place_ids=(place.id,),
        start_time=dt.time(20, 0),
        end_time=dt.time(23, 0),
    )


def in_force(services: Services) -> Stored[AgreementData]:
    found = services.agreements.current(TODAY)
    assert found is not None
    return found


def when_modal(qtbot: QtBot, kind: type[QDialog], answer: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog of `kind` once it is shown (the caller then opens it)."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answer(dialog)
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


# --- the picker -----------------------------------------------------------------------------


def test_a_fresh_template_offers_this_year_and_a_record_of_today_shows_in_overview_and_report(
    qtbot: QtBot, ui_services: Services, background: Background, settings: QSettings, tmp_path: Path
) -> None:
    overview = OverviewPage(ui_services, background, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(overview)
    overview.show()
    overview_ready(qtbot, overview)
    assert [overview.agreement.itemText(i) for i in range(overview.agreement.count())] == [
        "2017–2018 (gäller, förlängd)"
    ]
    tip = overview.agreement.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"{TITLE}\ngäller 2017-01-01 – 2018-12-31, förlängd giltighet till")
    offered = [overview.period.itemText(i) for i in range(overview.period.count())]
    assert offered[:5] == ["2017", "2017 kv 1", "2017 kv 2", "2017 kv 3", "2017 kv 4"]
    assert offered[-5:] == ["2026", "2026 kv 1", "2026 kv 2", "2026 kv 3", "2026 kv 4"]
    assert overview.period.currentText() == "2026"
    assert "förlängd giltighet till 2026-12-02" in overview.facts.text()

    ui_services.patrols.add(data=patrol(ui_services, TODAY))
    walks = next(
        p
        for p in ui_services.promises.for_agreement(in_force(ui_services).id)
        if p.data.type is PromiseType.SAFETY_WALK
    )
    next_week = TODAY + dt.timedelta(days=7)
    ui_services.safety_walks.add(data=SafetyWalkData(promise_id=walks.id, date=next_week))
    with qtbot.waitSignal(overview.updated, timeout=10_000):
        overview.refresh()
    # The walk planned in the extension is the next one (not "Ingen planerad").
    assert overview.data is not None and overview.data.next_walk is not None
    assert overview.data.next_walk.data.date == next_week
    assert overview.data is not None
    card = next(c for c in overview.cards if c.status.promise.data.type is PromiseType.PATROL)
    assert card.status.figures.patrols == 1
    with qtbot.waitSignal(overview.updated, timeout=10_000):
        overview.select_period(quarter(2026, 4))
    card = next(c for c in overview.cards if c.status.promise.data.type is PromiseType.PATROL)
    assert card.status.figures.patrols == 1
    shot(overview, "cycle-overview-extension")

    reports = ReportsPage(
        ui_services,
        settings,
        background=Background(),  # the page's own: it goes with the page
        made_by="Anna",
        today=lambda: TODAY,
        report_dir=tmp_path / "made",
    )
    (tmp_path / "made").mkdir()
    qtbot.addWidget(reports)
    reports.show()
    assert reports.agreement_combo.currentText() == "2017–2018 (gäller, förlängd)"
    assert reports.quarter_combo.currentText() == "2026 kv 4"
    assert reports.quarter_combo.findText("2019 kv 1") >= 0
    assert "förlängd giltighet till 2026-12-02" in reports.agreement_label.text()
    with qtbot.waitSignal(reports.report_shown, timeout=60_000) as shown:
        reports.make()
    report = shown.args[0]
    assert isinstance(report, ShownReport)
    assert report.choice.agreement == ui_services.agreements.current(TODAY).id  # type: ignore[union-attr]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(report.path).pages)
    assert "2026 kv 4" in text
    qtbot.waitUntil(lambda: not reports.busy())
    shot(reports, "cycle-reports-extension")


def renewed_file(services: Services) -> tuple[str, str]:
    """The template's agreement renewed for 2025 and again for 2026: (2025's id, 2026's id)."""
    first = services.agreements.renew(period=year(2025), today=TODAY)
    second = services.agreements.renew(from_id=first.id, period=year(2026), today=TODAY)
    return first.id, second.id


def test_the_picker_lists_the_one_in_force_first_and_shows_an_earlier_one(
    qtbot: QtBot, ui_services: Services, background: Background, settings: QSettings
) -> None:
    old_id, new_id = renewed_file(ui_services)
    ui_services.patrols.add(data=patrol(ui_services, dt.date(2025, 5, 2)))
    overview = OverviewPage(ui_services, background, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(overview)
    overview.show()
    overview_ready(qtbot, overview)
    assert [overview.agreement.itemText(i) for i in range(overview.agreement.count())] == [
        "2026 (gäller)",
        "2025",
        "2017–2018 (förlängd)",  # in force 2017 until 2025's began
    ]
    assert overview.agreement.chosen_id() == new_id
    assert [overview.period.itemText(i) for i in range(overview.period.count())] == [
        "2026",
        "2026 kv 1",
        "2026 kv 2",
        "2026 kv 3",
        "2026 kv 4",
    ]
    assert overview.data is not None and overview.data.report.agreement.id == new_id
    with qtbot.waitSignal(overview.updated, timeout=10_000):
        overview.select_agreement(old_id)
    assert overview.period.currentText() == "2025"
    assert overview.data.report.agreement.id == old_id
    card = next(c for c in overview.cards if c.status.promise.data.type is PromiseType.PATROL)
    assert card.status.figures.patrols == 1
    assert overview.title.text() == "Medborgarlöften Filipstad 2025"
    # The 2017–2018 agreement, cut short by 2025's: its written years and its extension to 2024.
    with qtbot.waitSignal(overview.updated, timeout=10_000):
        overview.agreement.setCurrentIndex(2)
    assert overview.period.itemText(overview.period.count() - 1) == "2024 kv 4"
    assert overview.period.currentText() == "2024"


# --- renewing -------------------------------------------------------------------------------


def test_renewing_from_the_register_carries_the_ticked_promises_and_every_page_refreshes(
    qtbot: QtBot, ui_services: Services, settings: QSettings, tmp_path: Path
) -> None:
    background = Background()
    pages = build_pages(
        ui_services,
        settings,
        organisation=Organisation.MUNICIPALITY,
        photo_dir=tmp_path,
        today=lambda: TODAY,
        background=background,
    )
    for page in pages.values():
        qtbot.addWidget(page)
    overview, registers, reports = pages["overview"], pages["registers"], pages["reports"]
    assert isinstance(overview, OverviewPage)
    assert isinstance(registers, RegistersPage)
    assert isinstance(reports, ReportsPage)
    overview_ready(qtbot, overview)
    assert registers.cornerWidget(Qt.Corner.TopRightCorner) is registers.renew_button
    # The lists' period filter reaches today too (the extension), not only 2017–2018.
    patrols = pages["patrols"]
    assert isinstance(patrols, RecordSection)
    assert patrols.records.filter_bar.period.findText("2026 kv 4") >= 0

    dialog = registers.renewal_dialog()
    assert isinstance(dialog, RenewDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    # In December of the extension, the coming year; the title follows the period.
    assert dialog.period() == year(2027)
    assert dialog.title_edit.text() == "Medborgarlöften Filipstad 2027"
    assert dialog.table.rowCount() == 4
    assert dialog.period_error.isHidden()
    shot(dialog, "cycle-renew-dialog")

    dialog.start_edit.set_value(dt.date(2018, 7, 1))
    assert not dialog.period_error.isHidden()
    assert "överlappar Medborgarlöften Filipstad 2017–2018" in dialog.period_error.text()
    assert not dialog.save_button.isEnabled()
    shot(dialog, "cycle-renew-overlap")
    dialog.start_edit.set_value(dt.date(2027, 1, 1))
    assert dialog.period_error.isHidden()
    assert dialog.save_button.isEnabled()

    dialog.set_carried(2, False)  # 3. Polisvolontärer is dropped
    short = dialog.table.item(0, COL_SHORT)
    assert short is not None
    short.setText("Polisiär närvaro i centrum")
    with qtbot.waitSignal(registers.registers_changed), qtbot.waitSignal(overview.updated):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.renewed is not None

    old = ui_services.agreements.current(TODAY)
    assert old is not None and old.data.title == TITLE  # still in force until 2027
    new = ui_services.agreements.get(id=dialog.renewed.id)
    assert (new.data.period_start, new.data.period_end, new.data.title) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
        "Medborgarlöften Filipstad 2027",
    )
    carried = ui_services.promises.for_agreement(new.id)
    before = {p.id: p for p in ui_services.promises.for_agreement(old.id)}
    assert [p.data.number for p in carried] == [1, 2, 4]
    assert carried[0].data.short_title == "Polisiär närvaro i centrum"
    assert all(p.data.continues_id in before for p in carried)
    assert carried[0].data.text == before[carried[0].data.continues_id].data.text  # type: ignore[index]

    # Every page sees the new agreement: the overview's and the report page's pickers.
    assert overview.agreement.count() == 2
    assert overview.agreement.itemText(1) == "2027"
    reports.refresh()  # as when the page is shown
    assert reports.agreement_combo.count() == 2
    background.wait()


def test_a_period_refused_by_the_service_is_shown_next_to_the_period(
    qtbot: QtBot, ui_services: Services
) -> None:
    dialog = RenewDialog(ui_services, source=in_force(ui_services), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    # Meanwhile someone (an import) adds an agreement for the same year.
    ui_services.agreements.renew(period=year(2027), title="Från polisen", today=TODAY)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.renewed is None
    assert not dialog.period_error.isHidden()
    assert "Från polisen" in dialog.period_error.text()
    assert len(ui_services.agreements.listing(TODAY)) == 2


# --- no agreement in force ------------------------------------------------------------------


def test_a_record_dated_before_every_agreement_says_so_at_the_date_and_offers_a_renewal(
    qtbot: QtBot, ui_services: Services, settings: QSettings
) -> None:
    lookups = Lookups(ui_services)
    form = PatrolForm(ui_services.patrols, lookups, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show()
    form.open_new(form.blank(TODAY))
    form.date.set_value(dt.date(2016, 6, 1))
    form.places.set_value((lookups.places()[0][0],))
    assert form.agreement_button.isHidden()
    assert not form.save()
    date_error = form._label_for("date")
    assert not date_error.isHidden()
    assert date_error.text().startswith("Ingen överenskommelse gäller 2016-06-01.")
    assert not form.agreement_button.isHidden()
    assert ui_services.patrols.count() == 0
    with qtbot.waitSignal(form.agreement_needed) as needed:
        qtbot.mouseClick(form.agreement_button, Qt.MouseButton.LeftButton)
    assert needed.args == [dt.date(2016, 6, 1)]

    registers = RegistersPage(ui_services, lookups, settings, period=None, today=lambda: TODAY)
    qtbot.addWidget(registers)
    dialog = registers.renewal_dialog(dt.date(2016, 6, 1))
    assert isinstance(dialog, RenewDialog)
    qtbot.addWidget(dialog)
    assert dialog.period() == year(2016)
    assert dialog.title_edit.text() == "Medborgarlöften Filipstad 2016"
    dialog.accept()
    assert dialog.renewed is not None
    # Saved again, the record belongs to the new agreement.
    form.refresh_state()
    assert form.agreement_button.isHidden()
    assert form.save()
    saved = ui_services.patrols.list_page().items[0]
    promise = ui_services.promises.get(id=saved.data.promise_id)
    assert promise.data.agreement_id == dialog.renewed.id


# --- the window: first start from a package, settings at once, the menu ---------------------


@pytest.fixture
def municipality_package(tmp_path: Path) -> tuple[Path, Services]:
    """The municipality's file (template and one patrol) and its first package to the police."""
    database = open_database(tmp_path / "kommun.db")
    services = Services.build(database, Actor("Anna", Organisation.MUNICIPALITY))
    from loften_app.storage.template import apply_template

    apply_template(services, "filipstad-2017-2018")
    services.patrols.add(data=patrol(services, dt.date(2026, 11, 20)))
    package = tmp_path / "kommun.loften"
    export_changes(services, package, photo_dir=None, partner="polisen")
    return package, services


def window_for(
    qtbot: QtBot, settings: QSettings, path: Path, tmp_path: Path
) -> tuple[MainWindow, Startup]:
    window = MainWindow(settings=settings, database_name=path.name)
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, settings, path, photo_dir=tmp_path / "photos")
    return window, startup


def test_the_first_start_from_the_other_organisations_package_shares_its_agreement(
    qtbot: QtBot,
    settings: QSettings,
    tmp_path: Path,
    municipality_package: tuple[Path, Services],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package, municipality = municipality_package
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)  # the sender's fingerprint, compared on the phone
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(confirm))
    broken = tmp_path / "trasig.loften"
    broken.write_bytes(b"inte ett paket")
    settings.setValue(SETTINGS_USER, "Per")
    settings.setValue(SETTINGS_ORGANISATION, "police")
    window, startup = window_for(qtbot, settings, tmp_path / "polis.db", tmp_path)
    seen: list[str] = []

    def second(dialog: QDialog) -> None:
        assert isinstance(dialog, AgreementDialog)
        seen.append(dialog.package_error.text())
        shot(dialog, "cycle-first-start-package")
        dialog.package_edit.setText(str(package))
        dialog.accept()

    def first(dialog: QDialog) -> None:
        assert isinstance(dialog, AgreementDialog)
        dialog.package_button.setChecked(True)
        assert dialog.package_form.isEnabled() and not dialog.own_form.isEnabled()
        dialog.accept()  # no file chosen yet
        seen.append(dialog.package_error.text())
        dialog.package_edit.setText(str(broken))
        when_modal(qtbot, AgreementDialog, second)
        dialog.accept()  # read, refused, and the dialog asks again

    when_modal(qtbot, AgreementDialog, first)
    start(qtbot, startup)
    (question,) = questions
    assert verify_signature(package).fingerprint in question
    assert seen[0] == "Välj paketet (.loften-filen) först."
    assert seen[1].startswith("Paketet kan inte importeras: paketet är inte signerat")
    assert startup.services is not None
    police = startup.services
    theirs = municipality.agreements.current(TODAY)
    ours = police.agreements.current(TODAY)
    assert theirs is not None and ours is not None
    assert ours.id == theirs.id  # the same agreement, not a copy
    assert [p.id for p in police.promises.for_agreement(ours.id)] == [
        p.id for p in municipality.promises.for_agreement(theirs.id)
    ]
    assert police.patrols.count() == 1
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    overview_ready(qtbot, overview)
    assert overview.agreement.chosen_id() == ours.id
    startup.finish()
    municipality.database.close()


def test_settings_apply_at_once_and_the_menu_renews(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, ui_services: Services, ui_database: Database
) -> None:
    settings.setValue(SETTINGS_USER, "Anna")
    settings.setValue(SETTINGS_ORGANISATION, "municipality")
    window, startup = window_for(qtbot, settings, ui_database.path, tmp_path)
    start(qtbot, startup)
    assert window.user_label.text() == "Anna (Kommunen)"

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.name_edit.setText("Bertil")
        dialog.organisation_combo.setCurrentIndex(
            dialog.organisation_combo.findData(Organisation.POLICE.value)
        )
        dialog.accept()

    when_modal(qtbot, SettingsDialog, change)
    window.open_settings()
    assert window.user_label.text() == "Bertil (Polisen)"
    assert window.statusBar().currentMessage() == "Inställningarna är sparade."
    services = startup.services
    assert services is not None
    assert services.actor == Actor("Bertil", Organisation.POLICE)
    stored = services.patrols.add(data=patrol(services, dt.date(2026, 11, 3)))
    assert stored.meta.created_by == "Bertil"
    assert stored.meta.organisation is Organisation.POLICE
    trail = history(services.database, stored.id)
    assert [(e.actor, e.organisation) for e in trail] == [("Bertil", "police")]
    reports = window.page("reports")
    assert isinstance(reports, ReportsPage) and reports._made_by == "Bertil"

    # Arkiv → Förnya överenskommelsen… opens Register's dialog; saving refreshes the overview.
    action = window.database_actions["renew"]
    assert action.isEnabled()

    def renew(dialog: QDialog) -> None:
        assert isinstance(dialog, RenewDialog)
        dialog.start_edit.set_value(dt.date(2030, 1, 1))
        dialog.end_edit.set_value(dt.date(2030, 12, 31))
        dialog.accept()

    when_modal(qtbot, RenewDialog, renew)
    action.trigger()
    assert window.current_section() == "registers"
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    assert overview.agreement.count() == 2
    assert overview.agreement.itemText(1) == "2030"
    overview_ready(qtbot, overview)
    startup.finish()


def test_the_renewal_carries_the_targets_and_an_edited_responsible(
    qtbot: QtBot, ui_services: Services
) -> None:
    dialog = RenewDialog(ui_services, source=in_force(ui_services), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    combo = dialog.table.cellWidget(1, COL_RESPONSIBLE)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(Responsible.BOTH.value))
    carried = dialog.carried()
    assert len(carried) == 4
    assert carried[1][1].responsible is Responsible.BOTH
    assert all(isinstance(targets, list) for _id, _data, targets in carried)
    seed = carried[1][2]
    assert len(seed) == 1  # the seed's walk target is carried with its promise
    dialog.accept()
    assert dialog.renewed is not None
    walks = next(
        p
        for p in ui_services.promises.for_agreement(dialog.renewed.id)
        if p.data.type is PromiseType.SAFETY_WALK
    )
    assert walks.data.responsible is Responsible.BOTH
    targets = ui_services.targets.list_page(filter=RecordFilter(promise_id=walks.id)).items
    assert [(t.data.measure, t.data.value) for t in targets] == [(seed[0].measure, seed[0].value)]
