"""Inställningar: the user's name and organisation, and the language of the interface."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import Organisation
from loften_app.ui.app import SETTINGS_LANGUAGE, SETTINGS_ORGANISATION, SETTINGS_USER
from loften_app.ui.forms.fields import field_error_label
from loften_app.ui.i18n import LANGUAGES, SWEDISH, enum_text


class SettingsDialog(QDialog):
    """Edits the settings in place; a changed language applies at the next start."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Inställningar"))
        self.name_edit = QLineEdit(str(settings.value(SETTINGS_USER, "") or ""))
        self.name_edit.setAccessibleName(self.tr("Ditt namn"))
        self.name_error = field_error_label()
        self.organisation_combo = QComboBox()
        self.organisation_combo.setAccessibleName(self.tr("Organisation"))
        for organisation in Organisation:
            self.organisation_combo.addItem(enum_text(organisation), organisation.value)
        current = self.organisation_combo.findData(settings.value(SETTINGS_ORGANISATION))
        self.organisation_combo.setCurrentIndex(max(current, 0))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Språk"))
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self._language = str(settings.value(SETTINGS_LANGUAGE, SWEDISH))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self._language), 0))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.language_combo.currentIndexChanged.connect(self._language_note)
        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Organisation:"), self.organisation_combo)
        form.addRow(self.tr("Språk:"), self.language_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def language_changed(self) -> bool:
        return str(self.language_combo.currentData()) != self._language

    def _language_note(self) -> None:
        self.note.setText(
            self.tr("Det nya språket används nästa gång du startar Löften.")
            if self.language_changed()
            else ""
        )

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_error.setText(self.tr("Skriv ditt namn (eller din roll)."))
            self.name_error.show()
            return
        self._settings.setValue(SETTINGS_USER, name)
        self._settings.setValue(SETTINGS_ORGANISATION, self.organisation_combo.currentData())
        self._settings.setValue(SETTINGS_LANGUAGE, self.language_combo.currentData())
        self._settings.sync()
        super().accept()
