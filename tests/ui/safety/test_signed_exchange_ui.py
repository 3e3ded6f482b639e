"""The window's part of the signed exchange (issue 14): pairing by fingerprint, the list of
paired installations with revoking, and a preview that shows field changes, deletions and the
fields refused because the sender does not own them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.exchange import export_changes
from loften_app.storage.exchange.signing import (
    fingerprint,
    installation_key,
    partners,
    public_bytes,
)
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.safety.partners import PartnersDialog
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import Boxes, Launch, settle
from tests.ui.steps import choose_file, import_through_window

POLICE = Actor("Kommunpolisen", Organisation.POLICE)


@pytest.fixture
def police(tmp_path: Path) -> Iterator[Services]:
    with open_database(tmp_path / "polisen.db") as database:
        services = Services.build(database, POLICE)
        apply_template(services, "filipstad-2017-2018")
        fill_demo_data(database, POLICE, DemoOptions(year=2018, seed=3))
        yield services


def test_pairing_asks_with_the_fingerprint_and_the_preview_shows_changes_and_refusals(
    launch: Launch,
    qtbot: QtBot,
    *,
    police: Services,
    ui_services: Services,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tmp_path / "1.loften"
    export_changes(police, first, photo_dir=None, actor=POLICE)
    expected = fingerprint(public_bytes(installation_key(police.database.path)))
    launched = launch()
    window, startup = launched

    boxes.answer = QMessageBox.StandardButton.No  # not confirmed: nothing happens
    choose_file(monkeypatch, "getOpenFileName", first)
    window.database_actions["import"].trigger()  # type: ignore[attr-defined]
    settle(startup)  # type: ignore[arg-type]
    (question,) = boxes.texts("question")
    assert expected in question and "Kommunpolisen" in question
    assert startup.safety.preview_dialog is None  # type: ignore[attr-defined]
    assert partners(ui_services.database) == []

    boxes.answer = QMessageBox.StandardButton.Yes
    dialog = import_through_window(launched, monkeypatch, first)
    assert [p.fingerprint for p in partners(ui_services.database)] == [expected]
    dialog.import_button.click()
    settle(startup)  # type: ignore[arg-type]

    # The municipality's part of a case, then the police change theirs and, wrongly, that one;
    # and they delete a patrol.
    assert startup.services is not None  # type: ignore[attr-defined]
    case = startup.services.drug_cases.list_page().items[0]  # type: ignore[attr-defined]
    startup.services.drug_cases.update(  # type: ignore[attr-defined]
        id=case.id,
        expected_version=case.version,
        data=dataclasses.replace(case.data, municipal_notes="Kommunens anteckning"),
    )
    theirs = police.drug_cases.get(id=case.id)
    police.drug_cases.update(
        id=case.id,
        expected_version=theirs.version,
        data=dataclasses.replace(theirs.data, municipal_notes="Polisens version"),
    )
    patrol = police.patrols.list_page().items[0]
    police.patrols.delete(id=patrol.id)
    second = tmp_path / "2.loften"
    export_changes(police, second, photo_dir=None, actor=POLICE)
    questions = len(boxes.texts("question"))
    dialog = import_through_window(launched, monkeypatch, second)
    assert len(boxes.texts("question")) == questions  # paired: no question this time
    assert dialog.refused_label.isVisible()
    assert "Polisens version" in dialog.refused_label.text()
    tree = dialog.changes_tree
    captions = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(caption.startswith("Tas bort:") for caption in captions), captions
    screenshot(dialog, "safety-import-preview-signed")
    dialog.import_button.click()
    settle(startup)  # type: ignore[arg-type]
    kept = startup.services.drug_cases.get(id=case.id)  # type: ignore[attr-defined]
    assert kept.data.municipal_notes == "Kommunens anteckning"


def test_the_partners_dialog_lists_and_revokes(
    qtbot: QtBot, police: Services, ui_services: Services, tmp_path: Path, boxes: Boxes
) -> None:
    from loften_app.storage.exchange.signing import pair, verify_signature

    package = tmp_path / "p.loften"
    export_changes(police, package, photo_dir=None, actor=POLICE)
    pair(ui_services.database, verify_signature(package))
    dialog = PartnersDialog(ui_services.database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == verify_signature(package).fingerprint
    screenshot(dialog, "safety-partners")
    dialog.revoke_selected()
    assert boxes.texts("question")
    assert partners(ui_services.database) == []
    assert dialog.empty.isVisible()
