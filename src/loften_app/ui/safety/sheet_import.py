"""Arkiv → "Importera från Excel/CSV…" and "Spara importmall…": a workbook or CSV folder in the
export's layout, previewed (what will be added, new places and shops, every problem by sheet,
row and column), then imported in one transaction on the helper thread.

`SheetImport` works through the window's `SafetyActions` (its services, helper thread, status
bar and page refresh); `SheetImportDialog` is the preview, with "Importera" only when every row
passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import LoftenError
from loften_app.reports.import_template import write_template
from loften_app.reports.imports import apply_import, preview_import
from loften_app.ui.changes import EVERYTHING
from loften_app.ui.errors import translate_template

if TYPE_CHECKING:
    from loften_app.reports.imports import ImportPreview
    from loften_app.ui.safety.actions import SafetyActions

#: How many problems the list shows (the count says how many there are in all).
SHOWN_PROBLEMS = 1000


class SheetImportDialog(QDialog):
    """The preview of a spreadsheet import. Accepted ("Importera") only when the file can be
    imported; "Spara mall…" saves the template workbook."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Importera från Excel/CSV"))
        self.setObjectName("sheet_import_dialog")
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignTop)
        self.problems = QListWidget()
        self.problems.setObjectName("import_problems")
        self.problems.setWordWrap(True)
        for problem in preview.problems[:SHOWN_PROBLEMS]:
            self.problems.addItem(problem.render(translate_template))
        hidden = len(preview.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            self.problems.addItem(self.tr("… och %1 problem till.").replace("%1", str(hidden)))
        layout.addWidget(self.problems, 1)
        self.problems.setVisible(bool(preview.problems))
        if not preview.problems:
            layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.template_button = QPushButton(self.tr("Spara &mall…"))
        buttons.addButton(self.template_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.import_button = QPushButton(self.tr("&Importera"))
        self.import_button.setEnabled(preview.can_import)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Stäng"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if preview.can_import:
            self.import_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self._fit_screen(480 if preview.problems else 320)

    def _fit_screen(self, height: int) -> None:
        """720 × `height`, or less on a small screen (1366×768 at 150 %)."""
        parent = self.parentWidget()
        screen = self.screen() if parent is None else parent.screen()
        available = screen.availableGeometry()
        self.resize(
            min(720, int(available.width() * 0.9)), min(height, int(available.height() * 0.8))
        )

    def _names(self, names: tuple[str, ...], shown: int = 12) -> str:
        text = ", ".join(names[:shown])
        if len(names) > shown:
            text += " " + self.tr("och %1 till").replace("%1", str(len(names) - shown))
        return text

    def _summary(self) -> str:
        preview = self.preview
        lines = [self.tr("Fil: %1").replace("%1", preview.source.name)]
        for title, count in preview.added:
            lines.append(self.tr("%1: %2 nya").replace("%1", title).replace("%2", str(count)))
        for title, count in preview.existing:
            lines.append(
                self.tr("%1: %2 finns redan (ändras inte)")
                .replace("%1", title)
                .replace("%2", str(count))
            )
        if preview.new_places:
            lines.append(self.tr("Nya platser: %1").replace("%1", self._names(preview.new_places)))
        if preview.new_shops:
            lines.append(self.tr("Nya butiker: %1").replace("%1", self._names(preview.new_shops)))
        lines.extend(text.render(translate_template) for text in preview.ignored)
        if preview.problems:
            lines.append(
                self.tr(
                    "%1 problem: ingenting importeras förrän alla rader går igenom. Rätta "
                    "filen och importera igen."
                ).replace("%1", str(len(preview.problems)))
            )
        elif not preview.total:
            lines.append(self.tr("Inget nytt att importera: allt i filen finns redan."))
        else:
            lines.append(
                self.tr(
                    "Alla rader går igenom. Importera lägger till %1 poster i en enda "
                    "transaktion, efter en säkerhetskopia."
                ).replace("%1", str(preview.total))
            )
        return "\n".join(lines)


def _preview(services: Any, path: Path, today: dt.date) -> Any:
    return preview_import(services, path, today=today)


def _apply(services: Any, preview: Any) -> Any:
    return apply_import(services, preview)


class SheetImport(QObject):
    """The spreadsheet import of one window (through its `SafetyActions`)."""

    def __init__(self, actions: SafetyActions, menu: Mapping[str, QAction]) -> None:
        """`menu`: the window's database actions ("sheet_import", "sheet_template")."""
        super().__init__(actions)
        self.actions = actions
        #: The preview while it is open (tests answer it).
        self.preview_dialog: SheetImportDialog | None = None
        menu["sheet_import"].triggered.connect(self.choose)
        menu["sheet_template"].triggered.connect(self.save_template)

    def _folder(self) -> Path:
        return self.actions._documents()

    def choose(self) -> None:
        """Choose a workbook (or a CSV file of an exported folder: the whole folder is read);
        it is read and checked on the helper thread."""
        actions = self.actions
        if actions.services is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            actions.window,
            self.tr("Välj fil att importera"),
            str(self._folder()),
            self.tr("Excel-arbetsbok (*.xlsx);;CSV-filer från exporten (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() == ".csv":
            path = path.parent
        actions._status(self.tr("Läser och kontrollerar %1…").replace("%1", path.name), 0)
        actions._run(
            partial(_preview, actions.services, path, actions._today()),
            self._previewed,
            self._failed,
        )

    def _previewed(self, preview: ImportPreview) -> None:
        self.actions._status("")
        dialog = SheetImportDialog(preview, self.actions.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._apply)
        dialog.template_button.clicked.connect(self.save_template)
        dialog.finished.connect(self._closed)
        self.preview_dialog = dialog
        dialog.open()

    def _closed(self) -> None:
        dialog, self.preview_dialog = self.preview_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _apply(self) -> None:
        dialog = self.preview_dialog
        actions = self.actions
        if dialog is None or actions.services is None or not dialog.preview.can_import:
            return
        actions._status(self.tr("Importerar…"), 0)
        actions._run(
            partial(_apply, actions.services, dialog.preview), self._imported, self._failed
        )

    def _imported(self, written: Any) -> None:
        self.actions._notify(EVERYTHING)
        text = self.tr("Importen är klar: %1 poster lades till.").replace(
            "%1", str(sum(written.added.values()))
        )
        if written.backup is not None:
            text += " " + self.tr("Säkerhetskopia före importen: %1").replace(
                "%1", written.backup.name
            )
        self.actions._status(text)
        QMessageBox.information(self.actions.window, self.tr("Importen är klar"), text)

    def _failed(self, message: str) -> None:
        self.actions._status("")
        QMessageBox.warning(self.actions.window, self.tr("Filen kan inte importeras"), message)

    def save_template(self) -> None:
        """Save the template workbook where the user chooses."""
        parent = self.preview_dialog or self.actions.window
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            self.tr("Spara importmallen"),
            str(self._folder() / "loften-importmall.xlsx"),
            self.tr("Excel-arbetsbok (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_template(path, today=self.actions._today())
        except LoftenError as error:
            QMessageBox.warning(parent, self.tr("Mallen sparades inte"), error.message)
            return
        self.actions._status(self.tr("Importmallen är sparad: %1").replace("%1", str(path)))
