"""Polisiär närvaro och butiksbesök: the patrol form, with shop visits in a small table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import PatrolMode, PromiseType
from loften_app.domain.records import PatrolData, ShopVisitData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    ChoiceCombo,
    CountField,
    DateField,
    EnumCombo,
    HoursField,
    PlacesPicker,
    ShiftTimes,
    compact,
    form_layout,
)
from loften_app.ui.forms.side_by_side import heading_and_buttons
from loften_app.ui.kinds import FormContext
from loften_app.ui.lookups import Lookups


class ShopVisitsTable(QWidget):
    """The shops visited on a patrol, each with an optional note of what the shopkeeper said."""

    COL_SHOP = 0
    COL_NOTE = 1

    def __init__(self, lookups: Lookups, on_changed: Callable[[], None]) -> None:
        super().__init__()
        self._lookups = lookups
        self._on_changed = on_changed
        self._ids: list[str | None] = []
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Butik"), self.tr("Vad butiken berättade")])
        header = self.table.horizontalHeader()
        # Cell widgets do not count for ResizeToContents: the width follows the shop names.
        header.setSectionResizeMode(self.COL_SHOP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setAccessibleName(self.tr("Butiksbesök"))
        self.add_button = QPushButton(self.tr("Lägg till butiksbesök"))
        self.remove_button = QPushButton(self.tr("Ta bort markerat besök"))
        self.new_shop_button = QPushButton(self.tr("Ny butik…"))
        self.add_button.clicked.connect(lambda: self.add_visit(None))
        self.remove_button.clicked.connect(self.remove_current)
        self.new_shop_button.clicked.connect(self._ask_new_shop)
        self.count_label = QLabel()
        # The buttons go under the count on a narrow form (1366×768 at 150 %).
        self.bar = heading_and_buttons(
            self.count_label, self.add_button, self.remove_button, self.new_shop_button
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.bar)
        self._update_count()
        self._fit_shop_column(self._lookups.shops())

    def _fit_shop_column(self, choices: Sequence[tuple[str, str]]) -> None:
        """The shop column as wide as the longest shop name with the combo box's arrow, within
        a third and two thirds of a usual form (the note keeps the rest)."""
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(name) for _key, name in choices), default=0)
        low = metrics.horizontalAdvance("M") * 14
        high = metrics.horizontalAdvance("M") * 30
        self.table.setColumnWidth(self.COL_SHOP, min(max(longest + 48, low), high))

    def add_visit(self, visit: ShopVisitData | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = ChoiceCombo(optional=True)  # a new row starts empty ("–"), not at a shop
        combo.set_choices(self._lookups.shops())
        combo.setAccessibleName(self.tr("Butik, rad %1").replace("%1", str(row + 1)))
        note = QLineEdit()
        note.setAccessibleName(self.tr("Anteckning, rad %1").replace("%1", str(row + 1)))
        if visit is not None:
            combo.set_value(visit.shop_id)
            note.setText(visit.note)
        combo.currentIndexChanged.connect(lambda _i: self._changed())
        note.textChanged.connect(lambda _t: self._changed())
        self.table.setCellWidget(row, self.COL_SHOP, combo)
        self.table.setCellWidget(row, self.COL_NOTE, note)
        self._ids.append(visit.id if visit else None)
        self._changed()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        del self._ids[row]
        self._changed()

    def set_visits(self, visits: tuple[ShopVisitData, ...]) -> None:
        self.table.setRowCount(0)
        self._ids.clear()
        for visit in visits:
            self.add_visit(visit)

    def visits(self) -> tuple[ShopVisitData, ...]:
        result = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, self.COL_SHOP)
            note = self.table.cellWidget(row, self.COL_NOTE)
            assert isinstance(combo, ChoiceCombo) and isinstance(note, QLineEdit)
            result.append(
                ShopVisitData(shop_id=combo.value() or "", note=note.text(), id=self._ids[row])
            )
        return tuple(result)

    def _changed(self) -> None:
        self._update_count()
        self._on_changed()

    def _update_count(self) -> None:
        count = self.table.rowCount()
        if count == 1:
            self.count_label.setText(self.tr("1 butiksbesök"))
        else:
            self.count_label.setText(self.tr("%1 butiksbesök").replace("%1", str(count)))

    def _ask_new_shop(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Ny butik"), self.tr("Butikens namn (sparas i butiksregistret):")
        )
        if ok and name.strip():
            self.add_new_shop(name.strip())

    def set_choices(
        self, choices: Sequence[tuple[str, str]], *, keep_current: bool = False
    ) -> None:
        """Offer `choices` in every visit's shop combo (new visits read them from lookups)."""
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, self.COL_SHOP)
            if isinstance(combo, ChoiceCombo):
                combo.set_choices(choices, keep_current=keep_current)
        self._fit_shop_column(choices)

    def _empty_row(self) -> int:
        """A visit row with no shop chosen (the current one first), or -1."""
        rows: list[int] = [self.table.currentRow(), *range(self.table.rowCount())]
        for row in rows:
            combo = self.table.cellWidget(row, self.COL_SHOP) if row >= 0 else None
            if isinstance(combo, ChoiceCombo) and not combo.value():
                return row
        return -1

    def add_new_shop(self, name: str) -> None:
        """Save a new shop in the register and visit it: in an empty visit row if there is
        one, else in a new row."""
        key, _shown = self._lookups.add_shop(name)
        self.set_choices(self._lookups.shops(), keep_current=True)
        row = self._empty_row()
        if row < 0:
            self.add_visit(ShopVisitData(shop_id=key))
            return
        combo = self.table.cellWidget(row, self.COL_SHOP)
        assert isinstance(combo, ChoiceCombo)
        combo.set_value(key)


class PatrolForm(RecordForm[PatrolData]):
    """One patrol: when, where, how, the shops visited and what was seen."""

    def __init__(
        self,
        service: RecordService[PatrolData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service,
            title=QCoreApplication.translate("PatrolForm", "Polisiär närvaro och butiksbesök"),
            today=today,
            changes=lookups.changes,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.promise = self.add_promise_row(
            form, lambda: self._lookups.promises(PromiseType.PATROL)
        )
        self.date = DateField()
        self.add_row(form, "date", self.caption("date"), self.date, self.date.dateChanged)
        self.times = ShiftTimes(evening_night=True)
        self.start_time = self.times.start_time
        self.end_time = self.times.end_time
        self.duration = self.times.duration
        self.register("start_time", self.start_time, self.start_time.timeChanged)
        self.add_row(form, "end_time", self.tr("Tid:"), self.times, self.end_time.timeChanged)
        self.places = PlacesPicker(self._lookups.add_place)
        self.offer_choices(self.places, self._lookups.places)
        self.add_row(form, "place_ids", self.caption("place_ids"), self.places, self.places.changed)
        self.mode = EnumCombo(PatrolMode)
        self.add_row(form, "mode", self.caption("mode"), self.mode, self.mode.currentIndexChanged)
        self.officers = CountField(minimum=0, maximum=100)
        self.add_row(
            form, "officers", self.caption("officers"), self.officers, self.officers.valueChanged
        )
        self.shop_visits = ShopVisitsTable(self._lookups, self.on_changed)
        self.offer_choices(self.shop_visits, self._lookups.shops)
        error = self.register("shop_visits", self.shop_visits, self.places.changed)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.shop_visits)
        column.addWidget(error)
        form.addRow(self.caption("shop_visits"), box)
        self.disturbances = CountField()
        self.add_row(
            form,
            "disturbances",
            self.caption("disturbances"),
            self.disturbances,
            self.disturbances.valueChanged,
        )
        self.visible_drug_use = CountField()
        self.add_row(
            form,
            "visible_drug_use",
            self.caption("visible_drug_use"),
            self.visible_drug_use,
            self.visible_drug_use.valueChanged,
        )
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för insatsen: planering, genomförande och uppföljning.")
        )
        self.add_row(
            form,
            "hours_spent",
            self.caption("hours_spent", optional=True),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.add_row(form, "notes", self.caption("notes"), self.notes, self.notes.textChanged)
        compact(self.officers, self.disturbances, self.visible_drug_use, self.hours_spent)
        for signal in (self.start_time.timeChanged, self.end_time.timeChanged):
            signal.connect(lambda _t: self._update_duration())

    def _update_duration(self) -> None:
        self.times.describe(self.date.value())

    def confirm_save(self, data: PatrolData) -> bool:
        return self.times.confirm_length(data.date, self.ask_once)

    def load(self, data: PatrolData) -> None:
        self.promise.set_value(data.promise_id)
        self.date.set_value(data.date)
        self.start_time.set_value(data.start_time)
        self.end_time.set_value(data.end_time)
        self.places.set_value(data.place_ids)
        self.mode.set_value(data.mode)
        self.officers.setValue(data.officers)
        self.shop_visits.set_visits(data.shop_visits)
        self.disturbances.setValue(data.disturbances)
        self.visible_drug_use.setValue(data.visible_drug_use)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)
        self._update_duration()

    def collect(self) -> PatrolData:
        return PatrolData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            place_ids=self.places.value(),
            mode=self.mode.value() or PatrolMode.FOOT,
            officers=self.officers.value(),
            shop_visits=self.shop_visits.visits(),
            disturbances=self.disturbances.value(),
            visible_drug_use=self.visible_drug_use.value(),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
        )

    def blank(self, today: dt.date) -> PatrolData:
        """A new patrol: today, an evening shift, two officers on foot."""
        promises = self._lookups.promises(PromiseType.PATROL)
        return PatrolData(
            promise_id=promises[0][0] if promises else "",
            date=today,
            start_time=dt.time(20, 0),
            end_time=dt.time(1, 0),
        )


def section_form(service: RecordService[PatrolData, Any], context: FormContext) -> PatrolForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return PatrolForm(service, context.lookups, today=context.today)
