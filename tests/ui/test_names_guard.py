"""The user's name is checked for identity numbers like any free text (issue 14, hole 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from loften_app.ui.first_start import UserDialog
from loften_app.ui.settings_dialog import SettingsDialog

NAMES_WITH_NUMBERS = ["811218 9876", "Anna 81.12.18-9876", "811218\u200b-9876", "⁸¹¹²¹⁸-⁹⁸⁷⁶"]


@pytest.mark.parametrize("name", NAMES_WITH_NUMBERS)
def test_the_first_start_refuses_a_name_holding_a_personnummer(qtbot: QtBot, name: str) -> None:
    dialog = UserDialog(name=name)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert "personnummer" in dialog.name_error.text()
    assert "9876" not in dialog.name_error.text()
    dialog.name_edit.setText("Anna-Karin Öberg")
    dialog.organisation_combo.setCurrentIndex(1)  # nothing is chosen beforehand
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("name", NAMES_WITH_NUMBERS)
def test_the_settings_refuse_a_name_holding_a_personnummer(
    qtbot: QtBot, settings: QSettings, name: str
) -> None:
    settings.setValue("user/name", "Anna")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText(name)
    dialog.accept()
    assert dialog.isVisible()
    assert "personnummer" in dialog.name_error.text()
    assert settings.value("user/name") == "Anna"
