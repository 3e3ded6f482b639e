"""Exportera ändringar (to whom, since when) and Importera ändringar (what would happen, and
which side wins each conflict)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loften_app.storage.exchange import Side
from loften_app.storage.exchange.trust import RecordChange, RefusedField, short
from loften_app.ui.lists.names import RegisterNames
from loften_app.ui.safety.history import children
from loften_app.ui.safety.values import field_name, value_text

if TYPE_CHECKING:
    from loften_app.storage.exchange import Conflict, ImportPreview, Resolution

LOCAL_COLUMN = 1
INCOMING_COLUMN = 2


class ExportDialog(QDialog):
    """Who the package is for and what goes in it: everything changed since the last export
    to that partner, or since a chosen date."""

    def __init__(self, partners: list[str], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exportera ändringar"))
        intro = QLabel(
            self.tr(
                "Ändringarna skrivs till en paketfil (.loften) som du lämnar till den andra "
                "organisationen, t.ex. på ett USB-minne. Registren följer alltid med."
            )
        )
        intro.setWordWrap(True)
        self.partner_combo = QComboBox()
        self.partner_combo.setEditable(True)
        self.partner_combo.setAccessibleName(self.tr("Mottagare"))
        self.partner_combo.addItems(partners)
        line = self.partner_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("t.ex. Polisen Filipstad"))
        self.since_last = QRadioButton(
            self.tr("Allt som ändrats sedan förra exporten till mottagaren")
        )
        self.since_date = QRadioButton(self.tr("Allt som ändrats från och med:"))
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(self.tr("Från och med datum"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(today.year, today.month, 1))
        group = QButtonGroup(self)
        group.addButton(self.since_last)
        group.addButton(self.since_date)
        self.since_last.setChecked(True)
        self.date_edit.setEnabled(False)
        self.since_date.toggled.connect(self.date_edit.setEnabled)
        self.first_time = QLabel(self.tr("Första gången till en mottagare tas allt med."))
        self.first_time.setWordWrap(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.since_date)
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Mottagare:"), self.partner_combo)
        since = QVBoxLayout()
        since.addWidget(self.since_last)
        since.addWidget(self.first_time)
        since.addLayout(date_row)
        form.addRow(self.tr("Vad:"), since)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Välj fil och exportera…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def partner(self) -> str:
        return self.partner_combo.currentText().strip()

    def since(self) -> dt.datetime | None:
        """The chosen start (local midnight, timezone-aware), or None: since the last export."""
        if not self.since_date.isChecked():
            return None
        day = self.date_edit.date().toPython()
        assert isinstance(day, dt.date)
        return dt.datetime.combine(day, dt.time.min).astimezone()


def _choose(item: QTreeWidgetItem, column: int) -> None:
    other = INCOMING_COLUMN if column == LOCAL_COLUMN else LOCAL_COLUMN
    item.setCheckState(column, Qt.CheckState.Checked)
    item.setCheckState(other, Qt.CheckState.Unchecked)


class ImportPreviewDialog(QDialog):
    """What importing a package would do: counts of new, updated, unchanged and conflicting
    records and renumbered case codes; every conflict with its differing fields, local value
    against the package's, and a tick for the side that wins (per field, or for the whole
    record on its own row). Nothing is written until "Importera"."""

    def __init__(
        self,
        preview: ImportPreview,
        file_name: str,
        names: RegisterNames | None = None,
        parent: QWidget | None = None,
        *,
        changes: Sequence[RecordChange] = (),
        refused: Sequence[RefusedField] = (),
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Importera ändringar"))
        self._updating = False
        created = preview.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        source = QLabel(
            self.tr("Paketet %1, skapat %2 av %3.")
            .replace("%1", file_name)
            .replace("%2", created)
            .replace("%3", preview.created_by or self.tr("(okänd)"))
        )
        source.setWordWrap(True)
        counts = QGroupBox(self.tr("Det här händer vid importen"))
        grid = QGridLayout(counts)
        self.count_labels: dict[str, QLabel] = {}
        rows = (
            ("new", self.tr("Nya poster:"), len(preview.new)),
            ("updated", self.tr("Uppdateras (nyare i paketet):"), len(preview.updated)),
            ("unchanged", self.tr("Oförändrade:"), len(preview.unchanged)),
            ("conflicts", self.tr("Konflikter (ändrade på båda håll):"), len(preview.conflicts)),
            ("renumbered", self.tr("Ärenden som får ny ärendekod:"), len(preview.renumbered)),
        )
        for row, (key, caption, count) in enumerate(rows):
            value = QLabel(str(count))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setObjectName(f"count_{key}")
            self.count_labels[key] = value
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(2, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        notes = []
        for renumbered in preview.renumbered:
            notes.append(
                self.tr("Ärendekoden %1 finns redan här: ärendet får koden %2.")
                .replace("%1", renumbered.package_code)
                .replace("%2", renumbered.new_code)
            )
        if preview.missing_photos:
            notes.append(
                self.tr("%1 foton som posterna nämner finns inte i paketet.").replace(
                    "%1", str(len(preview.missing_photos))
                )
            )
        if preview.already_imported:
            notes.append(self.tr("Paketet är redan importerat. Inget ändras."))
        elif not preview.changes_anything:
            notes.append(self.tr("Paketet innehåller inget nytt."))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(counts)
        layout.addWidget(self.notes)
        self.refused_label = QLabel()
        self.refused_label.setObjectName("refused_fields")
        self.refused_label.setWordWrap(True)
        self.refused_label.setText(self._refused_text(refused))
        self.refused_label.setVisible(bool(refused))
        layout.addWidget(self.refused_label)
        self.changes_tree = QTreeWidget()
        self.changes_tree.setObjectName("record_changes")
        self.changes_tree.setAccessibleName(self.tr("Ändringar post för post"))
        self.changes_tree.setColumnCount(3)
        self.changes_tree.setHeaderLabels(
            [self.tr("Post / fält"), self.tr("Här nu"), self.tr("Efter importen")]
        )
        self.changes_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for change in changes:
            self._add_change(change)
        self.changes_tree.expandAll()
        self.changes_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.changes_tree.setVisible(bool(changes))
        layout.addWidget(self.changes_tree, 1)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Konflikter"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Post / fält"), self.tr("Här (behåll)"), self.tr("I paketet (ta in)")]
        )
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self._records: dict[str, QTreeWidgetItem] = {}
        for conflict in preview.conflicts:
            self._add_conflict(conflict, names)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemChanged.connect(self._item_changed)
        if preview.conflicts:
            explain = QLabel(
                self.tr(
                    "Posterna nedan har ändrats både här och i paketet sedan det senaste "
                    "utbytet. Bocka för det värde som ska gälla, fält för fält, eller på "
                    "postens rad för hela posten. Utan val behålls värdena här."
                )
            )
            explain.setWordWrap(True)
            layout.addWidget(explain)
            all_local = QPushButton(self.tr("Behåll alla värden här"))
            all_incoming = QPushButton(self.tr("Ta in alla värden från paketet"))
            all_local.clicked.connect(self.keep_all_local)
            all_incoming.clicked.connect(self.take_all_incoming)
            choices = QHBoxLayout()
            choices.addWidget(all_local)
            choices.addWidget(all_incoming)
            choices.addStretch(1)
            layout.addWidget(self.tree, 1)
            layout.addLayout(choices)
        else:
            self.tree.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Importera"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(not preview.already_imported)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if preview.conflicts:
            self.resize(820, 620)
        else:
            self.resize(620, self.sizeHint().height())

    # --- changes and refused fields -------------------------------------------------------------

    def _add_change(self, change: RecordChange) -> None:
        if change.deleted:
            caption = self.tr("Tas bort: %1")
        elif change.undeleted:
            caption = self.tr("Tas tillbaka (borttagen här): %1")
        else:
            caption = self.tr("Ändras: %1")
        record = QTreeWidgetItem([caption.replace("%1", change.label), "", ""])
        font = record.font(0)
        font.setBold(True)
        record.setFont(0, font)
        record.setData(0, Qt.ItemDataRole.UserRole, change.id)
        self.changes_tree.addTopLevelItem(record)
        if change.deleted:
            return
        for name, local, incoming in change.fields:
            record.addChild(QTreeWidgetItem([field_name(name), short(local), short(incoming)]))

    def _refused_text(self, refused: Sequence[RefusedField]) -> str:
        lines = [
            self.tr(
                "Avsändaren får inte ändra den andra organisationens del av ett "
                "narkotikaärende. De här ändringarna avvisas och värdena här behålls:"
            )
        ]
        for field in refused:
            if field.field == "deleted_at":
                lines.append(self.tr("• %1: borttagningen av ärendet").replace("%1", field.label))
            else:
                lines.append(
                    self.tr("• %1: %2 (%3 → %4)")
                    .replace("%1", field.label)
                    .replace("%2", field_name(field.field))
                    .replace("%3", short(field.local))
                    .replace("%4", short(field.incoming))
                )
        return "\n".join(lines)

    # --- conflicts ------------------------------------------------------------------------------

    def _add_conflict(self, conflict: Conflict, names: RegisterNames | None) -> None:
        record = QTreeWidgetItem(
            [conflict.ref.label, self.tr("Hela posten"), self.tr("Hela posten")]
        )
        font = record.font(0)
        font.setBold(True)
        record.setFont(0, font)
        record.setData(0, Qt.ItemDataRole.UserRole, conflict.ref.id)
        flags = record.flags() | Qt.ItemFlag.ItemIsUserCheckable
        record.setFlags(flags)
        self.tree.addTopLevelItem(record)
        for difference in conflict.fields:
            child = QTreeWidgetItem(
                [
                    field_name(difference.field),
                    value_text(difference.field, difference.local, names),
                    value_text(difference.field, difference.incoming, names),
                ]
            )
            child.setData(0, Qt.ItemDataRole.UserRole, difference.field)
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setToolTip(LOCAL_COLUMN, child.text(LOCAL_COLUMN))
            child.setToolTip(INCOMING_COLUMN, child.text(INCOMING_COLUMN))
            record.addChild(child)
            _choose(child, LOCAL_COLUMN)
        _choose(record, LOCAL_COLUMN)
        self._records[conflict.ref.id] = record

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column not in (LOCAL_COLUMN, INCOMING_COLUMN):
            return
        self._updating = True
        try:
            checked = item.checkState(column) == Qt.CheckState.Checked
            chosen = (
                column if checked else (INCOMING_COLUMN if column == LOCAL_COLUMN else LOCAL_COLUMN)
            )
            if item.parent() is None:  # the record's row: every field follows
                for child in children(item):
                    _choose(child, chosen)
                _choose(item, chosen)
            else:
                _choose(item, chosen)
                self._sync_record(item.parent())  # type: ignore[arg-type]
        finally:
            self._updating = False

    def _sync_record(self, record: QTreeWidgetItem) -> None:
        sides = {self._side_column(child) for child in children(record)}
        for column in (LOCAL_COLUMN, INCOMING_COLUMN):
            if sides == {column}:
                record.setCheckState(column, Qt.CheckState.Checked)
            elif column in sides:
                record.setCheckState(column, Qt.CheckState.PartiallyChecked)
            else:
                record.setCheckState(column, Qt.CheckState.Unchecked)

    @staticmethod
    def _side_column(item: QTreeWidgetItem) -> int:
        checked = item.checkState(INCOMING_COLUMN) == Qt.CheckState.Checked
        return INCOMING_COLUMN if checked else LOCAL_COLUMN

    def choose(self, record_id: str, column: int, field: str | None = None) -> None:
        """Choose a side (LOCAL_COLUMN or INCOMING_COLUMN) for a record or one of its fields."""
        record = self._records[record_id]
        if field is None:
            self._set_checked(record, column)
            return
        for child in children(record):
            if child.data(0, Qt.ItemDataRole.UserRole) == field:
                self._set_checked(child, column)
                return
        raise KeyError(field)

    def _set_checked(self, item: QTreeWidgetItem, column: int) -> None:
        item.setCheckState(column, Qt.CheckState.Checked)  # _item_changed does the rest

    def keep_all_local(self) -> None:
        for record in self._records.values():
            self._set_checked(record, LOCAL_COLUMN)

    def take_all_incoming(self) -> None:
        for record in self._records.values():
            self._set_checked(record, INCOMING_COLUMN)

    def resolutions(self) -> Mapping[str, Resolution]:
        """The choice for every conflict: one side for the whole record, or a side per field."""
        result: dict[str, Any] = {}
        for record_id, record in self._records.items():
            fields = {
                str(child.data(0, Qt.ItemDataRole.UserRole)): (
                    Side.INCOMING if self._side_column(child) == INCOMING_COLUMN else Side.LOCAL
                )
                for child in children(record)
            }
            sides = set(fields.values())
            if len(sides) > 1:
                result[record_id] = fields
            else:
                result[record_id] = sides.pop() if sides else Side.LOCAL
        return result
