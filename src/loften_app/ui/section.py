"""A section of the window for one record type: its list, and its form for one record.

Delete works with undo (a message bar with "Ångra", and Ctrl+Z); "Ny från föregående" starts a
new record from the latest one of the same type, dated today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMargins, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period
from loften_app.domain.records import Stored
from loften_app.storage.services import RecordService
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.errors import error_message
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.lists.columns import ListSpec
from loften_app.ui.lists.record_list import RecordListWidget
from loften_app.ui.lists.specs import SPECS
from loften_app.ui.lists.table_model import RecordTableModel
from loften_app.ui.lookups import Lookups

UNDO_SECONDS = 15

#: Date fields a copy gets today's date in, and fields a copy must not keep (generated codes,
#: what happened later in the record's life).
_DATE_FIELDS = ("date", "detected_on")
_CLEARED_IN_COPY: dict[str, Any] = {
    "case_code": "",
    "protocol_published_on": None,
    "preparatory_meeting_on": None,
    "municipality_notified_on": None,
    "notification_kind": None,
    "first_contact_on": None,
    "support_offered": None,
    "accepted": None,
    "closed_on": None,
    "observations": (),
    "police_notes": "",
    "municipal_notes": "",
}
#: What does not recur from one record to the next: counts of what was seen, notes, comments
#: and hours. A copy gets the field's default instead.
_NOT_RECURRING = (
    "disturbances",
    "visible_drug_use",
    "observations_passed",
    "count",
    "participants",
    "hours_spent",
    "volunteer_hours_override",
    "notes",
    "cancellation_reason",
    "with_municipality",
    "with_business",
)


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING


def copy_for_new(data: Any, today: dt.date) -> Any:
    """A new record's data from a previous one: only what recurs (a patrol's places, mode,
    officers, times and the shops visited without what the shopkeepers said; a deployment's
    places, task, number of volunteers and times), dated today, child rows without their ids;
    never counts of what was seen, notes, comments or hours, nor what belonged only to the old
    record (case code, later dates, observations)."""
    fields = dataclasses.fields(data)
    names = {f.name for f in fields}
    changes: dict[str, Any] = {name: today for name in _DATE_FIELDS if name in names}
    for name, empty in _CLEARED_IN_COPY.items():
        if name in names:
            changes[name] = empty
    for f in fields:
        if f.name == "status" and f.default is not dataclasses.MISSING:
            changes["status"] = f.default  # a copy starts planned / ongoing
        if f.name in _NOT_RECURRING and _default(f) is not dataclasses.MISSING:
            changes[f.name] = _default(f)
    if "shop_visits" in names:
        changes["shop_visits"] = tuple(
            dataclasses.replace(visit, id=None, note="") for visit in data.shop_visits
        )
    return dataclasses.replace(data, **changes)


class MessageBar(QFrame):
    """A line above the list that says what just happened, with an optional action button."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("message_bar")
        self.setStyleSheet("QFrame#message_bar { background: #fff4ce; border: 1px solid #e0c060; }")
        self.text = QLabel()
        self.button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()


class RecordSection(QStackedWidget):
    """The list of one record type and, in its place while open, the form for one record.

    What a save, delete or restore here changes (`subject`) is told to the `ChangeHub`; the
    section reads its list again when the hub tells of a change of its kind made elsewhere
    (an import), and its place filter when a register changed.

    Signals:
        record_saved(object): a `Stored` record was saved (added or changed) from the form.
        records_changed(): a record was saved, deleted or restored here.
    """

    record_saved = Signal(object)
    records_changed = Signal()

    def __init__(
        self,
        *,
        service: RecordService[Any, Any],
        records: RecordListWidget,
        form: RecordForm[Any],
        today: Callable[[], dt.date] = dt.date.today,
        changes: ChangeHub | None = None,
        subject: Change | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.changes = changes if changes is not None else ChangeHub()
        self.subject = subject if subject is not None else Change()
        self.records = records
        self.form = form
        self._today = today
        self._last_deleted: str | None = None

        self.message_bar = MessageBar()
        self.message_bar.button.setText(self.tr("Ångra"))
        self.message_bar.button.setToolTip(self.tr("Ångra borttagningen (Ctrl+Z)"))
        self.message_bar.button.clicked.connect(self.undo_delete)
        self.new_from_previous_button = QPushButton(self.tr("Ny från föregående"))
        self.new_from_previous_button.setToolTip(
            self.tr("En ny post ifylld som den senaste, daterad i dag (Ctrl+Skift+N)")
        )
        self.new_from_previous_button.clicked.connect(self.new_from_previous)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self._forget_undo)

        list_page = QWidget()
        column = QVBoxLayout(list_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(records, 1)
        # Below the list (it has no place for more buttons beside "Ny"), inside its margins;
        # a page without the button (in the registers) has no row for it.
        buttons = QHBoxLayout()
        list_layout = records.layout()
        self._button_margins = QMargins() if list_layout is None else list_layout.contentsMargins()
        self._button_margins.setTop(0)
        self._buttons = buttons
        buttons.addStretch(1)
        buttons.addWidget(self.new_from_previous_button)
        column.addLayout(buttons)
        self.new_from_previous_button.installEventFilter(self)
        self._fit_button_row()
        self.addWidget(list_page)
        self.addWidget(form)
        self._list_page = list_page

        records.new_requested.connect(self.new_record)
        records.open_requested.connect(self.open_record)
        records.delete_requested.connect(self.delete_record)
        records.record_restored.connect(lambda _id: self._changed_here())
        form.saved.connect(self._saved)
        self.changes.changed.connect(self._on_changed)
        form.closed.connect(self.show_list)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_record)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self._new_from_previous_key)
        QShortcut(QKeySequence.StandardKey.Undo, list_page, self.undo_delete)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = (QEvent.Type.ShowToParent, QEvent.Type.HideToParent)
        if watched is self.new_from_previous_button and event.type() in shown:
            self._fit_button_row()
        return super().eventFilter(watched, event)

    def _fit_button_row(self) -> None:
        hidden = self.new_from_previous_button.isHidden()
        self._buttons.setContentsMargins(QMargins() if hidden else self._button_margins)

    # --- the list -----------------------------------------------------------------------------

    def show_list(self) -> None:
        self.setCurrentWidget(self._list_page)
        self.records.view.setFocus()

    def show_period(self, period: Period) -> None:
        """Show the list filtered to `period` (unless an unsaved form may not be left)."""
        if self.showing_form() and not self.form.can_leave():
            return
        self.records.filter_bar.set_period(period)
        self.show_list()

    def showing_form(self) -> bool:
        return self.currentWidget() is self.form

    def new_record(self) -> None:
        if self.showing_form() and not self.form.can_leave():
            return
        self.form.open_new(self.form.blank(self._today()))
        self.setCurrentWidget(self.form)
        self.form.focus_first_field()

    def _new_from_previous_key(self) -> None:
        if not self.new_from_previous_button.isHidden():  # not offered for every register
            self.new_from_previous()

    def new_from_previous(self) -> None:
        if self.showing_form() and not self.form.can_leave():
            return
        ids = self.service.list_ids(sort=self.service.sort_keys[0], descending=True)
        if not ids:
            self.new_record()
            return
        previous = self.service.get(id=ids[0])
        self.form.open_new(copy_for_new(previous.data, self._today()))
        self.setCurrentWidget(self.form)
        self.form.focus_first_field()

    def open_record(self, id: str) -> None:
        if self.showing_form() and not self.form.can_leave():
            return
        try:
            stored = self.service.get(id=id)
        except LoftenError as error:
            QMessageBox.warning(self, self.tr("Kunde inte öppna posten"), error_message(error))
            self.records.reload()
            return
        self.form.open_record(stored)
        self.setCurrentWidget(self.form)
        self.form.focus_first_field()

    def delete_record(self, id: str) -> None:
        try:
            self.service.delete(id=id)
        except LoftenError as error:
            QMessageBox.warning(self, self.tr("Kunde inte ta bort posten"), error_message(error))
            return
        self._last_deleted = id
        self.records.model.record_changed(id)
        self.message_bar.text.setText(
            self.tr(
                "Posten togs bort. Du kan ångra det (Ctrl+Z), eller återställa den senare "
                "under Visa borttagna."
            )
        )
        self.message_bar.button.show()
        self.message_bar.show()
        self._hide_timer.start(UNDO_SECONDS * 1000)
        self._changed_here()

    def undo_delete(self) -> None:
        if self._last_deleted is None:
            return
        id, self._last_deleted = self._last_deleted, None
        try:
            self.service.undelete(id=id)
        except LoftenError as error:
            QMessageBox.warning(self, self.tr("Kunde inte ångra"), error_message(error))
            return
        self.records.model.record_changed(id)
        self.records.select_id(id)
        self.message_bar.hide()
        self._changed_here()

    def _forget_undo(self) -> None:
        self._last_deleted = None
        self.message_bar.hide()

    def _saved(self, stored: Stored[Any]) -> None:
        self.records.model.record_changed(stored.id)
        self.record_saved.emit(stored)
        self._changed_here()

    # --- changes --------------------------------------------------------------------------------

    def _changed_here(self) -> None:
        self.changes.notify(self.subject, self)
        self.records_changed.emit()

    def _on_changed(self, change: Change, origin: object) -> None:
        if change.names_changed:
            self.records.reload_places()
        if origin is not self and any(change.has_kind(kind) for kind in self.subject.kinds):
            self.records.reload()

    # --- leaving --------------------------------------------------------------------------------

    def can_leave(self) -> bool:
        return not self.showing_form() or self.form.can_leave()


def build_section(
    spec: ListSpec | str,
    service: RecordService[Any, Any],
    form: RecordForm[Any],
    *,
    lookups: Lookups,
    settings: QSettings,
    period: Period | None,
    subject: Change,
    today: Callable[[], dt.date] = dt.date.today,
) -> RecordSection:
    """The list of one record type (its `ListSpec`, or its name in `SPECS`) and `form`;
    `today` dates new records (give the form the same one); what is saved here is told to the
    lookups' `ChangeHub` as `subject`."""
    if isinstance(spec, str):
        spec = SPECS[spec]
    model = RecordTableModel(service, spec, lookups.names)
    records = RecordListWidget(
        model,
        settings=settings,
        settings_key=f"lists/{spec.name}",
        place_choices=lookups.places,
        period=period,
    )  # which reads the list (its first window, then the count: not again here)
    return RecordSection(
        service=service,
        records=records,
        form=form,
        today=today,
        changes=lookups.changes,
        subject=subject,
    )
