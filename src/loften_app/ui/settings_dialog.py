"""Inställningar: the user's name and organisation, the language of the interface, how long
closed drug cases keep their details (gallring) and how many backups are kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import Organisation
from loften_app.domain.personnummer import identity_number_problem
from loften_app.ui.forms.fields import field_error_label
from loften_app.ui.i18n import LANGUAGES, enum_text
from loften_app.ui.settings import (
    KEEP_BACKUPS,
    LANGUAGE,
    ORGANISATION,
    RETENTION_MONTHS,
    USER_NAME,
)
from loften_app.ui.words import InterfaceWords


class SettingsDialog(QDialog):
    """Edits the settings in place; a changed language applies at the next start."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Inställningar"))
        self.name_edit = QLineEdit(USER_NAME.read(settings))
        self.name_edit.setAccessibleName(self.tr("Ditt namn"))
        self.name_error = field_error_label()
        self.organisation_combo = QComboBox()
        self.organisation_combo.setAccessibleName(self.tr("Organisation"))
        for organisation in Organisation:
            self.organisation_combo.addItem(enum_text(organisation), organisation.value)
        current = self.organisation_combo.findData(ORGANISATION.read(settings))
        self.organisation_combo.setCurrentIndex(max(current, 0))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Språk"))
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self._language = LANGUAGE.read(settings)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self._language), 0))
        self.retention_spin = QSpinBox()
        self.retention_spin.setAccessibleName(self.tr("Gallring efter antal månader"))
        self.retention_spin.setRange(RETENTION_MONTHS.low or 0, RETENTION_MONTHS.high or 0)
        self.retention_spin.setSuffix(self.tr(" månader"))
        self.retention_spin.setValue(RETENTION_MONTHS.read(settings))
        self.retention_spin.setToolTip(
            self.tr(
                "Avslutade narkotikaärenden behåller sina siffror men förlorar anteckningar och "
                "exakta datum så här länge efter att de avslutades."
            )
        )
        self.keep_spin = QSpinBox()
        self.keep_spin.setAccessibleName(self.tr("Antal säkerhetskopior att behålla"))
        self.keep_spin.setRange(KEEP_BACKUPS.low or 0, KEEP_BACKUPS.high or 0)
        self.keep_spin.setValue(KEEP_BACKUPS.read(settings))
        self.keep_spin.setToolTip(
            self.tr("De senaste säkerhetskopiorna som sparas, plus en per månad det senaste året.")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.language_combo.currentIndexChanged.connect(self._language_note)
        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Organisation:"), self.organisation_combo)
        form.addRow(self.tr("Språk:"), self.language_combo)
        form.addRow(self.tr("Gallra narkotikaärenden efter:"), self.retention_spin)
        form.addRow(self.tr("Säkerhetskopior att behålla:"), self.keep_spin)
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
        problem = identity_number_problem(name, words=InterfaceWords())
        if problem is not None:
            self.name_error.setText(problem)
            self.name_error.show()
            return
        USER_NAME.write(self._settings, name)
        ORGANISATION.write(self._settings, str(self.organisation_combo.currentData()))
        LANGUAGE.write(self._settings, str(self.language_combo.currentData()))
        RETENTION_MONTHS.write(self._settings, self.retention_spin.value())
        KEEP_BACKUPS.write(self._settings, self.keep_spin.value())
        self._settings.sync()
        super().accept()
