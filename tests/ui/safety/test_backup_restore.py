"""Säkerhetskopiera nu, the backup at start (once a day), and Återställ säkerhetskopia through
its dialog: the old record comes back and the current file is kept as a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from loften_app.domain.records import PlaceData
from loften_app.storage.backup import list_backups, make_backup
from loften_app.storage.database import Database
from loften_app.storage.services import Services
from loften_app.ui.overview import OverviewPage
from loften_app.ui.safety.backups import RestoreDialog
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import Boxes, Launch, answer_next_dialog, settle, start_window


def place_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM place")}


def test_the_database_actions_are_disabled_until_the_database_is_open(
    qtbot: QtBot, settings: QSettings, ui_database: Database, ui_services: Services, tmp_path: Path
) -> None:
    from loften_app.ui.main_window import MainWindow

    bare = MainWindow(settings=settings, database_name="x.db")
    qtbot.addWidget(bare)
    assert not any(a.isEnabled() for a in bare.database_actions.values())
    window, _startup = start_window(qtbot, settings, ui_database.path, tmp_path / "photos")
    assert all(a.isEnabled() for a in window.database_actions.values())
    texts = [a.text() for a in window.database_actions.values()]
    assert texts == [
        "&Säkerhetskopiera nu",
        "&Återställ säkerhetskopia…",
        "&Exportera ändringar…",
        "I&mportera ändringar…",
        "&Parade installationer…",
        "Importera från E&xcel/CSV…",
        "Spara import&mall…",
        "&Förnya överenskommelsen…",
        "Exportera ändrings&logg…",
        "&Gallra nu",
    ]


def test_the_start_makes_one_backup_a_day_and_backup_now_makes_another(
    launch: Launch, ui_database: Database, ui_services: Services
) -> None:
    window, startup = launch()
    assert [b.reason for b in list_backups(ui_database.path)] == ["start"]
    assert "Säkerhetskopia gjord vid start" in window.statusBar().currentMessage()
    # A second start the same day makes none.
    launch()
    assert [b.reason for b in list_backups(ui_database.path)] == ["start"]

    assert startup.safety is not None
    window.database_actions["backup"].trigger()
    settle(startup)
    backups = list_backups(ui_database.path)
    assert [b.reason for b in backups] == ["manual", "start"]
    assert backups[0].path.is_file()
    assert backups[0].path.name in window.statusBar().currentMessage()
    assert "Ett nytt torg" not in place_names(backups[0].path)


def test_restore_brings_an_old_record_back_and_keeps_the_current_file(
    launch: Launch, ui_database: Database, ui_services: Services, boxes: Boxes
) -> None:
    ui_services.places.add(data=PlaceData(name="Gamla torget"))
    old = make_backup(ui_database.path, "manual")
    gone = ui_services.places.list_page(limit=1000).items
    for place in gone:
        if place.data.name == "Gamla torget":
            ui_services.places.delete(id=place.id)
    ui_services.places.add(data=PlaceData(name="Ett nytt torg"))
    window, startup = launch()
    shown: list[QWidget] = []

    def pick(dialog: RestoreDialog) -> None:
        screenshot(dialog, "safety-restore-dialog")
        shown.append(dialog)
        reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        # The backup made above is less than a day old: the start made none.
        assert reasons == ["Säkerhetskopiera nu"]
        row = [b.path for b in list_backups(ui_database.path)].index(old)
        dialog.table.selectRow(row)
        dialog.restore_button.click()

    errors = answer_next_dialog(RestoreDialog, pick)
    window.database_actions["restore"].trigger()
    settle(startup)
    assert not errors, errors
    assert shown
    assert boxes.texts("question") and "sparas först" in boxes.texts("question")[0]
    assert boxes.texts("information"), boxes.shown
    assert "återställd" in boxes.texts("information")[0]
    # The window is attached again, to the restored contents.
    assert isinstance(window.page("overview"), OverviewPage)
    assert window.database_actions["backup"].isEnabled()
    assert startup.services is not None
    names = {p.data.name for p in startup.services.places.list_page(limit=1000).items}
    assert "Gamla torget" in names
    assert "Ett nytt torg" not in names
    kept = [b for b in list_backups(ui_database.path) if b.reason == "before-restore"]
    assert len(kept) == 1
    assert "Ett nytt torg" in place_names(kept[0].path)


def test_a_file_that_is_not_a_backup_is_refused_and_the_data_stays(
    launch: Launch,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ui_services.places.add(data=PlaceData(name="Stannar kvar"))
    bogus = tmp_path / "inte-en-kopia.bak"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bogus), ""))
    )
    window, startup = launch()
    errors = answer_next_dialog(RestoreDialog, lambda dialog: dialog.file_button.click())
    window.database_actions["restore"].trigger()
    settle(startup)
    assert not errors, errors
    warnings = boxes.texts("warning")
    assert warnings and "Inget har ändrats" in warnings[0]
    assert isinstance(window.page("overview"), OverviewPage)
    assert startup.services is not None
    names = {p.data.name for p in startup.services.places.list_page(limit=1000).items}
    assert "Stannar kvar" in names
