"""Arkiv › Parade installationer: the installations whose packages are trusted, and revoking one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loften_app.storage.database import Database
from loften_app.storage.exchange.signing import (
    fingerprint,
    installation_key,
    partners,
    public_bytes,
    revoke,
)
from loften_app.ui.i18n import enum_text


def confirm_pairing(parent: QWidget | None, signer: Any) -> bool:
    """The first package of an unknown installation: show who it claims to be and the
    fingerprint to compare with the sender; True only when the user confirms it."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SafetyActions", text)

    text = (
        tr(
            "Paketet kommer från en installation som inte är parad med den här.\n\n"
            "Organisation: %1\nNamn: %2\nFingeravtryck: %3\n\n"
            "Ring avsändaren och be hen läsa upp fingeravtrycket som Löften visar där "
            "(Arkiv › Parade installationer). Lita bara på paketet om det stämmer tecken "
            "för tecken. Stämmer fingeravtrycket?"
        )
        .replace("%1", enum_text(signer.organisation))
        .replace("%2", signer.name or tr("(inget namn)"))
        .replace("%3", signer.fingerprint)
    )
    answer = QMessageBox.question(
        parent,
        tr("Para med en ny installation?"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class PartnersDialog(QDialog):
    """The paired installations (organisation, name, fingerprint, when paired), this
    installation's own fingerprint to read to a partner, and "Ta bort parning"."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Parade installationer"))
        own = fingerprint(public_bytes(installation_key(database.path)))
        intro = QLabel(
            self.tr(
                "Paket importeras bara från installationerna nedan. Den här installationens "
                "fingeravtryck, att läsa upp för den som ska para med dig: %1"
            ).replace("%1", own)
        )
        intro.setObjectName("own_fingerprint")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Organisation"), self.tr("Namn"), self.tr("Fingeravtryck"), self.tr("Parad")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.empty = QLabel(self.tr("Inga parade installationer ännu."))
        self.revoke_button = QPushButton(self.tr("Ta bort parning"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self.refresh()

    def refresh(self) -> None:
        found = partners(self.database)
        self.table.setRowCount(len(found))
        for row, partner in enumerate(found):
            values = (
                enum_text(partner.organisation),
                partner.name,
                partner.fingerprint,
                partner.paired_at.astimezone().strftime("%Y-%m-%d"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, partner.installation_id)
                self.table.setItem(row, column, item)
        if found:
            self.table.selectRow(0)
        self.table.setVisible(bool(found))
        self.empty.setVisible(not found)
        self.revoke_button.setEnabled(bool(found))

    def revoke_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        installation = str(item.data(Qt.ItemDataRole.UserRole))
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort parning"),
            self.tr(
                "Sluta lita på paket från %1? Ett senare paket därifrån kan importeras först "
                "efter att ni har jämfört fingeravtrycket igen."
            ).replace("%1", item.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            revoke(self.database, installation)
            self.refresh()
