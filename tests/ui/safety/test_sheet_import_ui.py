"""Arkiv → Importera från Excel/CSV… in the window: a file with a problem is previewed with the
problem named and Importera disabled; a good file imports and the lists show its records."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from loften_app.domain.periods import year
from loften_app.reports.exports import ExportFormat, export
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.safety.sheet_import import SheetImportDialog
from loften_app.ui.section import RecordSection
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import Boxes, Launch, settle

PNR = "811218-9876"


@pytest.fixture
def workbook(tmp_path: Path, ui_services: Services) -> Path:
    """A demo year exported from another file made from the same template."""
    with open_database(tmp_path / "andra.db") as database:
        services = Services.build(database, ui_services.actor)
        apply_template(services, "filipstad-2017-2018")
        fill_demo_data(database, ui_services.actor, DemoOptions(year=2018, seed=5))
        out = tmp_path / "demo.xlsx"
        export(services, ExportFormat.XLSX, out, period=year(2018))
    return out


def choose(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *_a, **_k: (str(path), "")))


def open_preview(launch_result: tuple[object, object]) -> SheetImportDialog:
    window, startup = launch_result
    window.database_actions["sheet_import"].trigger()  # type: ignore[attr-defined]
    settle(startup)  # type: ignore[arg-type]
    dialog = startup.sheet_import.preview_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, SheetImportDialog)
    return dialog


def test_a_bad_row_is_named_and_importera_stays_disabled_then_a_good_file_imports(
    launch: Launch,
    ui_services: Services,
    workbook: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tmp_path = workbook.parent
    book = load_workbook(workbook)
    sheet = book["Patrullpass"]
    notes = [c.value for c in sheet[1]].index("Anteckningar") + 1
    sheet.cell(row=4, column=notes, value=f"Talade med {PNR}")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    digest = hashlib.sha256(bad.read_bytes()).hexdigest()
    window, startup = launched = launch()
    choose(monkeypatch, "getOpenFileName", bad)
    dialog = open_preview(launched)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.count() == 1
    text = dialog.problems.item(0).text()
    assert text.startswith("Patrullpass, rad 4, kolumn") and "«Anteckningar»" in text
    assert PNR not in text
    screenshot(dialog, f"sheet-import-problem-{os.environ.get('QT_SCALE_FACTOR', '1')}")
    dialog.reject()
    settle(startup)
    assert ui_services.patrols.count() == 0
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest

    choose(monkeypatch, "getOpenFileName", workbook)
    dialog = open_preview(launched)
    assert dialog.import_button.isEnabled()
    assert dialog.problems.isHidden()
    assert "Patrullpass:" in dialog.summary.text()
    screenshot(dialog, f"sheet-import-ok-{os.environ.get('QT_SCALE_FACTOR', '1')}")
    dialog.import_button.click()
    settle(startup)
    assert startup.sheet_import.preview_dialog is None
    added = ui_services.patrols.count()
    assert added > 100
    page = window.page("patrols")
    assert isinstance(page, RecordSection)
    settle(startup)
    assert page.records.model.rowCount() == added
    assert any("Importen är klar" in text for text in boxes.texts("information"))

    # The same file again: nothing to add, Importera disabled.
    dialog = open_preview(launched)
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    settle(startup)


def test_the_template_is_saved_from_the_menu(
    launch: Launch,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, startup = launch()
    out = tmp_path / "mall"
    choose(monkeypatch, "getSaveFileName", out)
    window.database_actions["sheet_template"].trigger()
    settle(startup)
    assert boxes.shown == []
    book = load_workbook(tmp_path / "mall.xlsx")
    assert "Patrullpass" in book.sheetnames
