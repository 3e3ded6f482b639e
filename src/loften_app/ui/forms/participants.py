"""Who took part in a safety walk: a count per group, never names, and the total."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from loften_app.domain.enums import ParticipantGroup
from loften_app.domain.records import Participants
from loften_app.ui.forms.fields import CountField
from loften_app.ui.i18n import enum_text

#: Groups per column of the grid: the box is two pairs of label and count wide.
ROWS = 4
#: The groups of the first column; the two long names (fastighetsägare, boende/medborgare)
#: share the second, which keeps the box narrow enough for a 1280 pixels wide window.
FIRST_COLUMN = (
    ParticipantGroup.MUNICIPALITY,
    ParticipantGroup.POLICE,
    ParticipantGroup.ASSOCIATIONS,
    ParticipantGroup.BUSINESS,
)


def _tr(text: str) -> str:
    # The texts belong to the safety-walk form, as they did before this box had a module.
    return QCoreApplication.translate("SafetyWalkForm", text)


class ParticipantsBox(QGroupBox):
    """A count for each participant group in a compact grid, the total under it, and room for
    the form's error texts (`add_error`).

    Signals:
        changed(): a count changed.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__(_tr("Deltagare (antal, aldrig namn)"))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(6)
        self.counts: dict[ParticipantGroup, CountField] = {}
        groups = [*FIRST_COLUMN, *(g for g in ParticipantGroup if g not in FIRST_COLUMN)]
        for i, group in enumerate(groups):
            text = enum_text(group)
            spin = CountField(maximum=10_000)
            spin.setAccessibleName(_tr("Antal deltagare: %1").replace("%1", text))
            label = QLabel(text[:1].upper() + text[1:] + ":")
            label.setBuddy(spin)
            grid.addWidget(label, i % ROWS, 2 * (i // ROWS))
            grid.addWidget(spin, i % ROWS, 2 * (i // ROWS) + 1)
            spin.valueChanged.connect(lambda _v: self._count_changed())
            self.counts[group] = spin
        self.total = QLabel()
        self.total.setObjectName("participants_total")
        grid.addWidget(self.total, ROWS, 0, 1, 4)
        self._errors = QVBoxLayout()
        self._errors.setSpacing(2)
        grid.addLayout(self._errors, ROWS + 1, 0, 1, 4)
        grid.setRowStretch(ROWS + 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._show_total()

    def add_error(self, label: QWidget) -> None:
        """Show a field's error text in the box, under the total."""
        self._errors.addWidget(label)

    def value(self) -> Participants:
        return Participants(**{group.value: spin.value() for group, spin in self.counts.items()})

    def set_value(self, participants: Participants) -> None:
        for group, spin in self.counts.items():
            spin.blockSignals(True)
            spin.setValue(participants.count(group))
            spin.blockSignals(False)
        self._show_total()

    def _count_changed(self) -> None:
        self._show_total()
        self.changed.emit()

    def _show_total(self) -> None:
        total = sum(spin.value() for spin in self.counts.values())
        if total == 1:
            self.total.setText(_tr("Totalt 1 deltagare"))
        else:
            self.total.setText(_tr("Totalt %1 deltagare").replace("%1", str(total)))
