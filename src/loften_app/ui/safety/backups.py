"""Återställ säkerhetskopia: choose one of the database's backups, or any file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from loften_app.storage.backup import BackupInfo


def reason_text(reason: str) -> str:
    """Why a backup was made, in words (the slug in its file name)."""
    translate = QCoreApplication.translate
    labels = {
        "start": translate("RestoreDialog", "Vid start"),
        "manual": translate("RestoreDialog", "Säkerhetskopiera nu"),
        "before-import": translate("RestoreDialog", "Före import"),
        "before-restore": translate("RestoreDialog", "Före återställning"),
        "before-restore-raw": translate("RestoreDialog", "Före återställning (rå kopia)"),
    }
    reason = re.sub(r"-[0-9]+$", "", reason)  # a second backup within the same instant
    if reason.startswith("before-upgrade"):
        return translate("RestoreDialog", "Före uppgradering")
    return labels.get(reason, reason)


class RestoreDialog(QDialog):
    """The backups of the database, newest first, with when, why and size; "Välj fil…" takes
    any other file. `chosen()` is the file to restore after the dialog was accepted."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Återställ säkerhetskopia"))
        self._backups = backups
        self._chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Välj den säkerhetskopia som databasen ska återställas till. Den nuvarande "
                "databasen sparas först som en säkerhetskopia, så inget går förlorat."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3)
        self.table.setAccessibleName(self.tr("Säkerhetskopior"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Gjord"), self.tr("Varför"), self.tr("Storlek")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        locale = QLocale()
        for row, info in enumerate(backups):
            made = info.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
            size = QTableWidgetItem(locale.formattedDataSize(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(made))
            self.table.setItem(row, 1, QTableWidgetItem(reason_text(info.reason)))
            self.table.setItem(row, 2, size)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("Det finns inga säkerhetskopior ännu. Välj en fil."))
        self.empty.setVisible(not backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Återställ"))
        self.restore_button.setEnabled(False)
        self.file_button = QPushButton(self.tr("Välj fil…"))
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button.clicked.connect(self.choose_file)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._restore_selected)
        if backups:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def chosen(self) -> Path | None:
        return self._chosen

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self._chosen = self._backups[rows[0].row()].path
        self.accept()

    def choose_file(self) -> None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        start = str(self._backups[0].path.parent) if self._backups else documents
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj säkerhetskopia"),
            start,
            self.tr("Säkerhetskopior (*.bak *.db *.sqlite);;Alla filer (*)"),
        )
        if name:
            self._chosen = Path(name)
            self.accept()
