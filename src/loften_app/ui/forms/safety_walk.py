"""Trygghetsvandring: the safety-walk form.

A compact top part (when, where, who took part, as counts) and below it one editable table of
the observations with their actions, so that a walk with ten observations fits on one screen
(the section page of a 1280 × 800 window). The table is in `observations`, its model in
`observations_model` and the participant counts in `participants`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import LightCondition, PromiseType, WalkStatus
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.records import SafetyWalkData
from loften_app.storage.services import RecordService, SafetyWalkService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.carried_actions import CarriedActionsBox
from loften_app.ui.forms.fields import (
    ChoiceCombo,
    DateField,
    EnumCombo,
    HoursField,
    OptionalDateField,
    TimeField,
)
from loften_app.ui.forms.observations import ObservationsTable
from loften_app.ui.forms.observations_model import Today
from loften_app.ui.forms.participants import ParticipantsBox
from loften_app.ui.forms.side_by_side import SideBySide
from loften_app.ui.kinds import FormContext
from loften_app.ui.lookups import Lookups

#: Characters a promise or place combo needs at least; longer names are cut in a narrow window.
COMBO_CHARACTERS = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyWalkForm", text)


class _OptionalTime(QWidget):
    """A time of day that may be left out (not decided yet)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.setToolTip(self.tr("Bocka ur om tiden inte är bestämd"))
        self.time = TimeField()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.time, 1)
        self.check.toggled.connect(self.time.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.time.timeChanged.connect(lambda _t: self.changed.emit())
        self.setFocusProxy(self.check)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(self.tr("%1 angiven").replace("%1", name))
        self.time.setAccessibleName(name)

    def value(self) -> dt.time | None:
        return self.time.value() if self.check.isChecked() else None

    def set_value(self, value: dt.time | None) -> None:
        self.check.setChecked(value is not None)
        self.time.setEnabled(value is not None)
        self.time.set_value(value or dt.time(18, 30))


def _narrow(combo: QComboBox) -> QComboBox:
    """Let a combo of register names be narrower than its longest name."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    return combo


class SafetyWalkForm(RecordForm[SafetyWalkData]):
    """One safety walk: when and where, who took part, and what was seen and will be done.

    Photos chosen for an observation are copied into `photo_dir`; the record keeps file names.
    A copy made here that was never saved is deleted again once the walk is saved without it,
    the form is closed or it shows another walk (`ObservationsTable.drop_unsaved_photos`).

    Signals:
        walk_requested(str): open the earlier walk with this id (a carried-over action's).
    """

    walk_requested = Signal(str)

    def __init__(
        self,
        service: RecordService[SafetyWalkData, Any],
        lookups: Lookups,
        *,
        photo_dir: Path,
        today: Today = dt.date.today,
    ) -> None:
        self._lookups = lookups
        self._photo_dir = photo_dir
        super().__init__(
            service,
            title=_tr("Trygghetsvandring"),
            today=today,
            changes=lookups.changes,
        )
        self.closed.connect(lambda: self.observations.drop_unsaved_photos(keep=()))

    # --- building -------------------------------------------------------------------------------

    def build(self) -> None:
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        left_box, right_box = QWidget(), QWidget()
        left, right = QFormLayout(left_box), QFormLayout(right_box)
        for form in (left, right):
            form.setVerticalSpacing(4)
            form.setContentsMargins(0, 0, 0, 0)

        self.promise = self.add_promise_row(
            left, lambda: self._lookups.promises(PromiseType.SAFETY_WALK)
        )
        _narrow(self.promise)
        self.status = EnumCombo(WalkStatus)
        self.add_row(
            left, "status", self.caption("status"), self.status, self.status.currentIndexChanged
        )
        self.date = DateField()
        self._walk_date = self.date.value()
        self.date.dateChanged.connect(lambda _d: self._date_changed())
        self.add_row(left, "date", self.caption("date"), self.date, self.date.dateChanged)
        self.start_time = _OptionalTime()
        self.add_row(
            left, "start_time", self.caption("start_time"), self.start_time, self.start_time.changed
        )
        self.light = EnumCombo(LightCondition, optional=True)
        self.add_row(
            left, "light", self.caption("light"), self.light, self.light.currentIndexChanged
        )
        area = QWidget()
        row = QHBoxLayout(area)
        row.setContentsMargins(0, 0, 0, 0)
        self.place = ChoiceCombo(optional=True)
        _narrow(self.place)
        self.offer_choices(self.place, self._lookups.places)
        self.place.setAccessibleName(self.tr("Område"))
        self.new_place_button = QPushButton(self.tr("Ny plats…"))
        self.new_place_button.setAccessibleName(self.tr("Lägg till en ny plats"))
        self.new_place_button.clicked.connect(self._ask_new_place)
        row.addWidget(self.place, 1)
        row.addWidget(self.new_place_button)
        self.add_row(
            left, "place_id", self.caption("place_id"), area, self.place.currentIndexChanged
        )
        self.route = self._text_box(2)
        self.route.setPlaceholderText(self.tr("T.ex. Resecentrum – Skillerälven – Stora torget"))
        self.add_row(left, "route", self.caption("route"), self.route, self.route.textChanged)

        self.preparatory = OptionalDateField(self.tr("hölls"))
        self.add_row(
            right,
            "preparatory_meeting_on",
            self.caption("preparatory_meeting_on"),
            self.preparatory,
            self.preparatory.changed,
        )
        self.protocol = OptionalDateField(self.tr("skickat/publicerat"))
        self.add_row(
            right,
            "protocol_published_on",
            self.caption("protocol_published_on"),
            self.protocol,
            self.protocol.changed,
        )
        self.cancellation_reason = QLineEdit()
        self.cancellation_reason.setPlaceholderText(self.tr("Varför vandringen ställdes in"))
        error = self.add_row(
            right,
            "cancellation_reason",
            self.caption("cancellation_reason"),
            self.cancellation_reason,
            self.cancellation_reason.textChanged,
        )
        self._reason_row = error.parentWidget()
        self._right = right
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för vandringen: förmöte, vandring, återkoppling och protokoll.")
        )
        self.add_row(
            right,
            "hours_spent",
            self.caption("hours_spent"),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        self.notes = self._text_box(3)
        self.add_row(right, "notes", self.caption("notes"), self.notes, self.notes.textChanged)
        self.status.currentIndexChanged.connect(lambda _i: self._update_status_rows())
        # Side by side where there is room, one above the other on a narrow form.
        self.head = SideBySide(left_box, right_box, self._build_participants())
        outer.addWidget(self.head)

        self.observations = ObservationsTable(
            self._lookups,
            photo_dir=self._photo_dir,
            walk_date=self.date.value,
            today=self._today,
        )
        error = self.register("observations", self.observations, self.observations.changed)
        outer.addWidget(self.observations, 1)
        # The table's messages scroll in a few lines of their own: a long list would otherwise
        # be squeezed between the table and the buttons.
        self._observation_errors = QScrollArea()
        self._observation_errors.setWidgetResizable(True)
        self._observation_errors.setFrameShape(QFrame.Shape.NoFrame)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._observation_errors.setWidget(error)
        self._observation_errors.hide()
        outer.addWidget(self._observation_errors)
        self.carried = CarriedActionsBox(today=self._today)
        self.carried.walk_requested.connect(self.walk_requested)
        outer.addWidget(self.carried)
        self.place.currentIndexChanged.connect(lambda _i: self._refresh_carried())
        self._update_status_rows()

    def _text_box(self, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _build_participants(self) -> ParticipantsBox:
        box = ParticipantsBox()
        self.participants = box.counts
        self.total = box.total
        for group, spin in box.counts.items():
            box.add_error(self.register(f"participants.{group.value}", spin, spin.valueChanged))
        # "No participants" depends on the status (a completed walk needs some).
        box.add_error(self.register("participants", box, self.status.currentIndexChanged))
        self._participants = box
        return box

    # --- reactions ------------------------------------------------------------------------------

    def _update_status_rows(self) -> None:
        cancelled = self.status.value() is WalkStatus.CANCELLED
        if self._reason_row is not None:
            self._right.setRowVisible(self._reason_row, cancelled)

    def _date_changed(self) -> None:
        new = self.date.value()
        if not self._loading:
            self.observations.model.follow_walk_date(self._walk_date, new)
        self._walk_date = new
        self._refresh_carried()

    def _refresh_carried(self) -> None:
        if not self._loading:  # `load` shows them once at its end
            self._show_carried()

    def _show_carried(self) -> None:
        """Show the open actions of earlier walks in the chosen area (none without an area)."""
        place_id = self.place.value()
        service = self.service
        if place_id is None or not isinstance(service, SafetyWalkService):
            self.carried.set_actions(())
            return
        stored = self.stored
        self.carried.set_actions(
            service.open_actions_in_area(
                place_id=place_id,
                before=self.date.value(),
                exclude_walk_id=None if stored is None else stored.id,
            )
        )

    def _ask_new_place(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Ny plats"), self.tr("Platsens namn (sparas i platsregistret):")
        )
        if ok and name.strip():
            self.add_new_place(name.strip())

    def add_new_place(self, name: str) -> None:
        """Save a new place in the register and choose it as the walk's area."""
        key, _shown = self._lookups.add_place(name)  # the registers changed: choices reload
        self.place.set_value(key)

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        super().show_issues(issues)
        self.observations.model.set_issues(issues)
        label = self._label_for("observations")
        width = self._observation_errors.viewport().width() or self.observations.width()
        needed = max(label.heightForWidth(width), label.fontMetrics().lineSpacing())
        label.setMinimumHeight(needed)
        most = 4 * label.fontMetrics().lineSpacing()
        self._observation_errors.setFixedHeight(min(needed, most))
        self._observation_errors.setVisible(not label.isHidden())

    # --- data -----------------------------------------------------------------------------------

    def save(self) -> bool:
        saved = super().save()
        if saved:
            self.observations.photos_saved()
        return saved

    def load(self, data: SafetyWalkData) -> None:
        self.promise.set_value(data.promise_id)
        self.status.set_value(data.status)
        self.date.set_value(data.date)
        self._walk_date = data.date
        self.start_time.set_value(data.start_time)
        self.light.set_value(data.light)
        self.place.set_value(data.place_id)
        self.route.setPlainText(data.route)
        self._participants.set_value(data.participants)
        self.observations.drop_unsaved_photos(keep=data.observations)
        self.observations.set_observations(data.observations)
        self.preparatory.set_value(data.preparatory_meeting_on, default=data.date)
        self.protocol.set_value(data.protocol_published_on, default=data.date)
        self.cancellation_reason.setText(data.cancellation_reason)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self.notes.setPlainText(data.notes)
        self._update_status_rows()
        self._show_carried()

    def collect(self) -> SafetyWalkData:
        status = self.status.value() or WalkStatus.PLANNED
        return SafetyWalkData(
            promise_id=self.promise.value() or "",
            date=self.date.value(),
            status=status,
            start_time=self.start_time.value(),
            light=self.light.value(),
            place_id=self.place.value(),
            route=self.route.toPlainText(),
            participants=self._participants.value(),
            observations=self.observations.model.observations(),
            preparatory_meeting_on=self.preparatory.value(),
            protocol_published_on=self.protocol.value(),
            cancellation_reason=(
                self.cancellation_reason.text() if status is WalkStatus.CANCELLED else ""
            ),
            hours_spent=self.hours_spent.value_or_none(),
            notes=self.notes.toPlainText(),
        )

    def blank(self, today: dt.date) -> SafetyWalkData:
        """A new walk: planned for `today` at 18:30 in the dark, under the first walk promise."""
        promises = self._lookups.promises(PromiseType.SAFETY_WALK)
        return SafetyWalkData(
            promise_id=promises[0][0] if promises else "",
            date=today,
            status=WalkStatus.PLANNED,
            start_time=dt.time(18, 30),
            light=LightCondition.DARK,
        )


def section_form(
    service: RecordService[SafetyWalkData, Any], context: FormContext
) -> SafetyWalkForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return SafetyWalkForm(
        service, context.lookups, photo_dir=context.photo_dir, today=context.today
    )
