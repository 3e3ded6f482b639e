"""Exportera ändringar and Importera ändringar in the window: a package from a demo database
into a second one from the same template (preview counts, then the records), a conflict
resolved field by field, and a damaged package refused with the file unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.exchange import export_changes, preview_import, read_package
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.safety.exchange import (
    INCOMING_COLUMN,
    LOCAL_COLUMN,
    ExportDialog,
)
from loften_app.ui.safety.preferences import partners
from loften_app.ui.section import RecordSection
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import Boxes, Launch, answer_next_dialog, settle
from tests.ui.steps import choose_file, import_through_window

POLICE = Actor("Kommunpolisen", Organisation.POLICE)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def police(tmp_path: Path) -> Iterator[Services]:
    """The police's database: the same template, and a demo year."""
    with open_database(tmp_path / "polisen.db") as database:
        services = Services.build(database, POLICE)
        apply_template(services, "filipstad-2017-2018")
        fill_demo_data(database, POLICE, DemoOptions(year=2018, seed=3))
        yield services


def test_export_from_the_window_counts_the_records_and_remembers_the_partner(
    launch: Launch,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, startup = launch()
    out = tmp_path / "ut" / "paket.loften"
    out.parent.mkdir()
    choose_file(monkeypatch, "getSaveFileName", out)

    def fill(dialog: ExportDialog) -> None:
        dialog.partner_combo.setEditText("Polisen Filipstad")
        screenshot(dialog, "safety-export-dialog")
        dialog.export_button.click()

    errors = answer_next_dialog(ExportDialog, fill)
    window.database_actions["export"].trigger()
    settle(startup)
    assert not errors, errors
    assert out.is_file()
    infos = boxes.texts("information")
    assert infos and "poster och 0 foton är exporterade" in infos[0]
    assert read_package(out).manifest.partner == "Polisen Filipstad"
    assert partners(startup.settings)[0] == "Polisen Filipstad"


def test_a_package_imports_after_its_preview_and_every_list_shows_the_records(
    launch: Launch,
    *,
    police: Services,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = tmp_path / "fran-polisen.loften"
    export_changes(police, package, photo_dir=None, partner="kommunen", actor=POLICE)
    expected = preview_import(ui_services, read_package(package))
    launched = launch()
    window, startup = launched
    dialog = import_through_window(launched, monkeypatch, package)
    assert dialog.count_labels["new"].text() == str(len(expected.new))
    assert int(dialog.count_labels["new"].text()) > 100
    assert dialog.count_labels["conflicts"].text() == "0"
    assert dialog.count_labels["unchanged"].text() == str(len(expected.unchanged))
    screenshot(dialog, "safety-import-preview")
    dialog.import_button.click()
    settle(startup)
    infos = boxes.texts("information")
    assert infos and "Importen är klar" in infos[0], boxes.shown
    assert startup.services is not None
    patrols = police.patrols.list_ids()
    assert sorted(startup.services.patrols.list_ids()) == sorted(patrols)
    section = window.page("patrols")
    assert isinstance(section, RecordSection)
    qtbot_rows = section.records.model.rowCount()
    assert qtbot_rows == len(patrols)
    # The same package again changes nothing.
    again = import_through_window(launched, monkeypatch, package)
    assert not again.import_button.isEnabled()
    assert "redan importerat" in again.notes.text()
    again.reject()


def test_a_conflict_resolved_field_by_field_gives_the_chosen_values(
    launch: Launch,
    *,
    police: Services,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tmp_path / "forsta.loften"
    export_changes(police, first, photo_dir=None, partner="kommunen", actor=POLICE)
    launched = launch()
    _window, startup = launched
    import_through_window(launched, monkeypatch, first).import_button.click()
    settle(startup)
    assert startup.services is not None
    local = startup.services
    patrol_id = sorted(police.patrols.list_ids())[0]
    theirs = police.patrols.get(id=patrol_id)
    police.patrols.update(
        id=patrol_id,
        expected_version=theirs.version,
        data=dataclasses.replace(theirs.data, disturbances=7, notes="Polisens anteckning"),
    )
    mine = local.patrols.get(id=patrol_id)
    local.patrols.update(
        id=patrol_id,
        expected_version=mine.version,
        data=dataclasses.replace(mine.data, disturbances=3, notes="Kommunens anteckning"),
    )
    second = tmp_path / "andra.loften"
    export_changes(police, second, photo_dir=None, partner="kommunen", actor=POLICE)
    dialog = import_through_window(launched, monkeypatch, second)
    assert dialog.count_labels["conflicts"].text() == "1"
    shown = [
        [dialog.tree.topLevelItem(0).child(i).text(c) for c in range(3)]  # type: ignore[union-attr]
        for i in range(dialog.tree.topLevelItem(0).childCount())  # type: ignore[union-attr]
    ]
    assert ["Ordningsstörningar i centrum", "3", "7"] in shown
    assert ["Anteckningar", "Kommunens anteckning", "Polisens anteckning"] in shown
    dialog.choose(patrol_id, INCOMING_COLUMN, "disturbances")
    dialog.choose(patrol_id, LOCAL_COLUMN, "notes")
    screenshot(dialog, "safety-import-conflict")
    dialog.import_button.click()
    settle(startup)
    assert boxes.texts("information")[-1].startswith("Importen är klar"), boxes.shown
    merged = local.patrols.get(id=patrol_id).data
    assert merged.disturbances == 7
    assert merged.notes == "Kommunens anteckning"


def test_a_damaged_package_is_refused_and_the_file_is_unchanged(
    launch: Launch,
    *,
    police: Services,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = tmp_path / "skadat.loften"
    export_changes(police, package, photo_dir=None, partner="kommunen", actor=POLICE)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    package.write_bytes(bytes(data))
    launched = launch()
    _window, startup = launched
    before = sha256_of(ui_services.database.path)
    choose_file(monkeypatch, "getOpenFileName", package)
    launched[0].database_actions["import"].trigger()
    settle(startup)
    assert startup.safety is not None and startup.safety.preview_dialog is None
    warnings = boxes.texts("warning")
    assert warnings and "Paketet kan inte importeras" in warnings[0], boxes.shown
    assert sha256_of(ui_services.database.path) == before
