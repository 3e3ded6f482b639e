"""The safety settings, Exportera ändringslogg and Gallra nu in the window."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from loften_app.ui.safety.preferences import (
    SETTINGS_RETENTION_MONTHS,
    backup_policy,
    retention_months,
)
from loften_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import Boxes, Launch, settle


def test_the_settings_keep_retention_months_and_backups_within_their_limits(
    qtbot: QtBot, settings: QSettings
) -> None:
    settings.setValue("user/name", "Anna")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.retention_spin.value() == 36
    assert dialog.keep_spin.value() == 10
    dialog.retention_spin.setValue(500)
    assert dialog.retention_spin.value() == 120
    dialog.retention_spin.setValue(6)
    assert dialog.retention_spin.value() == 12
    dialog.retention_spin.setValue(48)
    dialog.keep_spin.setValue(20)
    screenshot(dialog, "safety-settings")
    dialog.accept()
    assert retention_months(settings) == 48
    assert backup_policy(settings).keep_newest == 20
    settings.setValue(SETTINGS_RETENTION_MONTHS, "nonsens")
    assert retention_months(settings) == 36


def test_the_audit_trail_is_exported_to_the_chosen_file(
    launch: Launch, ui_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "logg.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), ""))
    )
    window, startup = launch()
    window.database_actions["audit"].trigger()
    settle(startup)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "nr"
    assert any(row[4] == "Skapad" for row in rows[1:])
    assert f"({len(rows) - 1} rader)" in window.statusBar().currentMessage()


def test_retention_runs_on_demand_with_the_configured_months(
    launch: Launch, ui_services: Services, settings: QSettings, boxes: Boxes
) -> None:
    fill_demo_data(
        ui_services.database,
        Actor("Anna", Organisation.MUNICIPALITY),
        DemoOptions(year=2018, seed=3),
    )
    settings.setValue(SETTINGS_RETENTION_MONTHS, 120)  # at start: nothing is old enough
    window, startup = launch()
    assert "Gallring" not in window.statusBar().currentMessage()
    noted = [
        case.id
        for case in ui_services.drug_cases.list_page(limit=10_000).items
        if case.data.police_notes and case.data.closed_on is not None
    ]
    assert noted
    settings.setValue(SETTINGS_RETENTION_MONTHS, 36)
    window.database_actions["retention"].trigger()
    settle(startup)
    assert "36 månader" in boxes.texts("question")[0]
    (info,) = boxes.texts("information")
    assert info.startswith("Gallring: ") and "narkotikaärenden avslutade före" in info
    assert int(info.split()[1]) > 0
    assert all(not ui_services.drug_cases.get(id=i).data.police_notes for i in noted)
