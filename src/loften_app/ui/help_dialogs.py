# ruff: noqa: E501 (each text is one literal, so that lupdate finds it)
"""Help → Kortkommandon (every shortcut) and Kom igång (one page, shown on the first start)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def shortcuts() -> list[tuple[str, str]]:
    """Every shortcut of the window, as (keys, what they do), in the user's language."""
    return [
        ("Ctrl+1 … Ctrl+8", _tr("Byt avsnitt: Översikt, Närvaro, Vandringar, Volontärer, …")),
        ("Ctrl+N", _tr("Ny post i den lista som visas")),
        ("Ctrl+Shift+N", _tr("Ny från föregående: som den senaste posten, daterad i dag")),
        (_tr("Enter / dubbelklick"), _tr("Öppna den valda posten")),
        ("Ctrl+F", _tr("Sök i listan (platser, butiker, koder, status, datum)")),
        (_tr("Klick på kolumnrubrik"), _tr("Sortera listan; ▲ stigande, ▼ fallande")),
        ("Delete", _tr("Ta bort den valda posten")),
        ("Ctrl+Z", _tr("Ångra borttagningen")),
        ("Tab / Shift+Tab", _tr("Nästa / föregående fält i formuläret")),
        ("Ctrl+S", _tr("Spara formuläret")),
        ("Esc", _tr("Stäng formuläret (du får frågan om osparade ändringar)")),
        ("Ctrl+H", _tr("Den öppna postens historik")),
        (_tr("D / G i ett datumfält"), _tr("I dag / i går")),
        (_tr("Upp / ned i ett datumfält"), _tr("En dag framåt / bakåt")),
        (_tr("PgUp / PgDn i ett datumfält"), _tr("En månad framåt / bakåt")),
        (_tr("Alt+Ned i ett datumfält"), _tr("Visa kalendern")),
        (_tr("Upp / ned i ett tidsfält"), _tr("En timme (markerat) eller en minut (i minuterna)")),
        ("Alt+P", _tr("Översiktens period")),
        ("Ctrl+P", _tr("Skriv ut rapporten (under Rapporter)")),
        ("F1", _tr("Kom igång")),
        ("Ctrl+Q", _tr("Avsluta Löften")),
    ]


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.accepted.connect(dialog.accept)
    return buttons


class ShortcutsDialog(QDialog):
    """A table of every shortcut (`shortcuts()`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Kortkommandon"))
        rows = shortcuts()
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(_tr("Kortkommandon"))
        self.table.setHorizontalHeaderLabels([_tr("Tangenter"), _tr("Vad de gör")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_closing_buttons(self))
        self.resize(640, 520)


def getting_started_html() -> str:
    """The one page of Kom igång, in the user's language (rich text)."""
    steps = [
        _tr(
            "Välj avsnitt till vänster (eller Ctrl+1 … Ctrl+8): närvaro, vandringar, volontärer, narkotikaärenden, övriga aktiviteter."
        ),
        _tr(
            "Ny post: Ctrl+N. Markören står i första fältet. Skriv datum och tider direkt (2026-12-01, 1/12, 2100, 21:00; D = i dag, G = i går) och gå vidare med Tab."
        ),
        _tr(
            "Som förra gången: Ctrl+Skift+N fyller i platser, sätt, poliser, tider och butiker från den senaste posten – ändra datumet och spara med Ctrl+S."
        ),
        _tr(
            "Hitta: Ctrl+F söker på allt som syns i listan; klicka på en kolumnrubrik för att sortera."
        ),
        _tr("Rapporter: kvartalsrapporten och uppföljningen görs med ett klick under Rapporter."),
    ]
    items = "".join(f"<li>{escape(step)}</li>" for step in steps)
    return (
        f"<h2>{escape(_tr('Kom igång med Löften'))}</h2>"
        f"<p>{escape(_tr('Varje aktivitet förs in som en post; översikten och rapporterna räknas fram av sig själva.'))}</p>"
        f"<ol>{items}</ol>"
        f"<p><b>{escape(_tr('Skriv aldrig personnummer eller namn på invånare, misstänkta eller volontärer: Löften vägrar spara dem.'))}</b></p>"
        f"<p>{escape(_tr('Alla kortkommandon finns under Hjälp → Kortkommandon. Den här sidan: Hjälp → Kom igång (F1).'))}</p>"
    )


class GettingStartedDialog(QDialog):
    """One page on how to start: sections, a new record, the keys that save most time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Kom igång"))
        self.text = QLabel(getting_started_html())
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(_closing_buttons(self))
        self.resize(620, 480)
