"""Narkotika: the form for one pseudonymous drug case, with the police part and the municipal
part in two labelled groups. Editing the other organisation's part asks first, once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import (
    Accepted,
    AgeGroup,
    CaseStatus,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    NotificationKind,
    Organisation,
    PromiseType,
    SupportOffered,
)
from loften_app.domain.records import DrugCaseData, Stored
from loften_app.storage.services import RecordService
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import (
    DateField,
    EnumCombo,
    HoursField,
    OptionalDateField,
    PlaceChoice,
    compact,
    field_error_label,
)
from loften_app.ui.forms.side_by_side import SideBySide
from loften_app.ui.i18n import enum_text
from loften_app.ui.kinds import FormContext, field_label
from loften_app.ui.lookups import Lookups

#: SMADIT: the municipality contacts the person within a day of the detection.
CONTACT_TARGET_DAYS = 1

#: Whose part of the case a group is: the police part is Polisen's, the municipal Kommunen's.
POLICE_PART = Organisation.POLICE
MUNICIPAL_PART = Organisation.MUNICIPALITY

HINT_STYLE = "background: #eef3f8; border: 1px solid #b8c9dc; border-radius: 4px; padding: 6px;"


def changed_signal(widget: QWidget) -> SignalInstance:
    """The signal by which a field of the drug case says that its value changed."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, DateField):
        return widget.dateChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, PlaceChoice | OptionalDateField):
        return widget.changed
    raise TypeError(f"no change signal for {type(widget).__name__}")


def notes_field(placeholder: str) -> QPlainTextEdit:
    """Notes of one part: a few lines, and Tab moves on instead of typing a tab."""
    notes = QPlainTextEdit()
    notes.setMaximumHeight(80)
    notes.setTabChangesFocus(True)
    notes.setPlaceholderText(placeholder)
    return notes


class DrugCaseForm(RecordForm[DrugCaseData]):
    """One drug case: the police part (detection and prosecution) beside the municipal part
    (contact, support, status), with the days from detection to first contact.

    `organisation` is the current user's: a change in the other organisation's part is
    confirmed first (Organisation.OTHER confirms both parts).
    """

    def __init__(
        self,
        service: RecordService[DrugCaseData, Any],
        lookups: Lookups,
        *,
        organisation: Organisation,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        self._organisation = organisation
        self._case_code = ""
        self._confirmed: set[Organisation] = set()
        self._asking = False
        super().__init__(
            service,
            title=QCoreApplication.translate("DrugCaseForm", "Narkotikaärende"),
            today=today,
            changes=lookups.changes,
        )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    # --- building -----------------------------------------------------------------------------

    def build(self) -> None:
        column = QVBoxLayout(self.body)
        head = QFormLayout()
        column.addLayout(head)
        self.promise = self.add_promise_row(head, lambda: self._lookups.promises(PromiseType.DRUGS))
        self.case_code = QLabel()
        self.case_code.setObjectName("case_code")
        self.case_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_code.setAccessibleName(field_label("drug_case", "case_code"))
        # The code is read-only, so no change signal to register: its issues (a stored code of
        # the wrong form) are still shown under it.
        self.case_code_error = field_error_label()
        self._errors["case_code"] = self.case_code_error
        code_box = QWidget()
        code_column = QVBoxLayout(code_box)
        code_column.setContentsMargins(0, 0, 0, 0)
        code_column.addWidget(self.case_code)
        code_column.addWidget(self.case_code_error)
        head.addRow(self.caption("case_code"), code_box)
        self.privacy_hint = QLabel(
            self.tr(
                "Ärendet är pseudonymt: skriv aldrig namn, personnummer eller Polisens "
                "ärendenummer – ärendekoden ersätter dem."
            )
        )
        self.privacy_hint.setObjectName("privacy_hint")
        self.privacy_hint.setWordWrap(True)
        self.privacy_hint.setStyleSheet(HINT_STYLE)
        column.addWidget(self.privacy_hint)

        self.police_group = QGroupBox(self.tr("Polisens del – fylls i av Polisen"))
        self.municipal_group = QGroupBox(self.tr("Kommunens del – fylls i av Kommunen"))
        # Side by side where there is room, one above the other on a narrow form.
        self.parts = SideBySide(self.police_group, self.municipal_group)
        column.addWidget(self.parts)
        self._build_police_part(self._part_form(self.police_group, POLICE_PART))
        self._build_municipal_part(self._part_form(self.municipal_group, MUNICIPAL_PART))

        tail = QFormLayout()
        column.addLayout(tail)
        self.hours_spent = HoursField()
        self.hours_spent.setToolTip(
            self.tr("Hela tiden för ärendet: utredning, underrättelse, kontakt och uppföljning.")
        )
        self.add_row(
            tail,
            "hours_spent",
            self.caption("hours_spent", optional=True),
            self.hours_spent,
            self.hours_spent.valueChanged,
        )
        compact(self.hours_spent)
        column.addStretch(1)

    def _part_form(self, group: QGroupBox, part: Organisation) -> QFormLayout:
        group.setStyleSheet("QGroupBox { font-weight: bold; }")
        form = QFormLayout(group)
        if part is not self._organisation:
            note = QLabel(self.tr("Du får en fråga när du går in i den här delen."))
            note.setObjectName("other_part_note")
            note.setStyleSheet("font-weight: normal; font-style: italic;")
            note.setWordWrap(True)
            form.addRow(note)
        return form

    def _add_part(
        self, form: QFormLayout, rows: Sequence[tuple[str, str, QWidget]], *, part: Organisation
    ) -> None:
        """Fields of one organisation's part: a change by the other organisation asks first."""
        for field, caption, widget in rows:
            changed = changed_signal(widget)
            self.add_row(form, field, caption, widget, changed)
            changed.connect(lambda *_args: self._part_changed(part))

    def _build_police_part(self, form: QFormLayout) -> None:
        self.detected_on = DateField()
        self.place = PlaceChoice(self._lookups.add_place)
        self.offer_choices(self.place, self._lookups.places)
        self.age_group = EnumCombo(AgeGroup, optional=True)
        self.kind = EnumCombo(DrugCaseKind, optional=True)
        self.detection_method = EnumCombo(DetectionMethod, optional=True)
        self.legal_outcome = EnumCombo(LegalOutcome, optional=True)
        self.municipality_notified_on = OptionalDateField(self.tr("Underrättad"))
        self.notification_kind = EnumCombo(NotificationKind, optional=True)
        self.notification_kind.setToolTip(
            self.tr("Under 18 år: orosanmälan. Annars underrättelse eller erbjudande om kontakt.")
        )
        self.police_notes = notes_field(self.tr("Inga namn, personnummer eller ärendenummer."))
        rows: list[tuple[str, str, QWidget]] = [
            ("detected_on", self.caption("detected_on"), self.detected_on),
            ("place_id", self.caption("place_id"), self.place),
            ("age_group", self.caption("age_group"), self.age_group),
            ("kind", self.caption("kind"), self.kind),
            ("detection_method", self.caption("detection_method"), self.detection_method),
            ("legal_outcome", self.caption("legal_outcome"), self.legal_outcome),
            (
                "municipality_notified_on",
                self.caption("municipality_notified_on"),
                self.municipality_notified_on,
            ),
            ("notification_kind", self.caption("notification_kind"), self.notification_kind),
            ("police_notes", self.caption("police_notes"), self.police_notes),
        ]
        self._add_part(form, rows, part=POLICE_PART)

    def _build_municipal_part(self, form: QFormLayout) -> None:
        self.first_contact_on = OptionalDateField(self.tr("Kontakt tagen"))
        self.days_to_contact = QLabel()
        self.days_to_contact.setObjectName("days_to_contact")
        self.days_to_contact.setWordWrap(True)
        self.days_to_contact.setAccessibleName(self.tr("Dagar från upptäckt till första kontakt"))
        self.support_offered = EnumCombo(SupportOffered, optional=True)
        self.accepted = EnumCombo(Accepted, optional=True)
        self.status = EnumCombo(CaseStatus, optional=True)
        self.closed_on = OptionalDateField(self.tr("Avslutat"))
        self.municipal_notes = notes_field(self.tr("Inga namn och inga personnummer."))
        first = [("first_contact_on", self.caption("first_contact_on"), self.first_contact_on)]
        self._add_part(form, first, part=MUNICIPAL_PART)
        form.addRow(self.tr("Dagar från upptäckt\ntill första kontakt:"), self.days_to_contact)
        rows: list[tuple[str, str, QWidget]] = [
            ("support_offered", self.caption("support_offered"), self.support_offered),
            ("accepted", self.caption("accepted"), self.accepted),
            ("status", self.caption("status"), self.status),
            ("closed_on", self.caption("closed_on"), self.closed_on),
            ("municipal_notes", self.caption("municipal_notes"), self.municipal_notes),
        ]
        self._add_part(form, rows, part=MUNICIPAL_PART)
        self.detected_on.dateChanged.connect(lambda _date: self._update_days())
        self.first_contact_on.changed.connect(self._update_days)

    # --- derived value ------------------------------------------------------------------------

    def _update_days(self) -> None:
        contact = self.first_contact_on.value()
        late = False
        if contact is None:
            text = self.tr("– (ingen första kontakt ännu)")
        else:
            days = (contact - self.detected_on.value()).days
            if days < 0:
                text = "–"
            elif days == 0:
                text = self.tr("0 dagar (samma dag)")
            elif days == 1:
                text = self.tr("1 dag")
            else:
                text = self.tr("%1 dagar").replace("%1", str(days))
            if days > CONTACT_TARGET_DAYS:
                late = True
                text += " – " + self.tr("längre än målet inom ett dygn (SMADIT)")
        self.days_to_contact.setText(text)
        self.days_to_contact.setProperty("late", late)
        self.days_to_contact.setStyleSheet("color: #b35900; font-weight: bold;" if late else "")

    # --- the other organisation's part -------------------------------------------------------

    def first_field(self) -> QWidget | None:
        """The first field of the user's own part (no question before the first key)."""
        if self._organisation is MUNICIPAL_PART:
            return self.first_contact_on.check
        return self.detected_on

    def _group_of(self, part: Organisation) -> QGroupBox:
        return self.police_group if part is POLICE_PART else self.municipal_group

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Entering the other organisation's part asks once, before anything is typed there."""
        if new is None or self._loading or self._asking or not self.isVisible():
            return
        for part in (POLICE_PART, MUNICIPAL_PART):
            group = self._group_of(part)
            if part is self._organisation or part in self._confirmed:
                continue
            if not group.isAncestorOf(new):
                continue
            self._asking = True
            try:
                confirmed = self._confirm_editing(part)
            finally:
                self._asking = False
            if confirmed:
                self._confirmed.add(part)
                new.setFocus(Qt.FocusReason.OtherFocusReason)
            elif old is not None and not group.isAncestorOf(old) and self.isAncestorOf(old):
                old.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.promise.setFocus(Qt.FocusReason.OtherFocusReason)
            return

    def _part_changed(self, part: Organisation) -> None:
        if self._loading or self._asking or part in self._confirmed:
            return
        if part is self._organisation:
            return
        self._asking = True
        try:
            confirmed = self._confirm_editing(part)
        finally:
            self._asking = False
        if confirmed:
            self._confirmed.add(part)
        else:
            self._reload_part(part)

    def _confirm_editing(self, part: Organisation) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Fylls i av %1").replace("%1", enum_text(part)))
        box.setText(
            self.tr("Den här delen fylls i av %1. Vill du ändra den ändå?").replace(
                "%1", enum_text(part)
            )
        )
        change = box.addButton(self.tr("Ändra ändå"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is change

    def _reload_part(self, part: Organisation) -> None:
        """Undo the change: the part's values as they were when the case was opened."""
        original = self._original
        if original is None:
            return
        self._loading = True
        try:
            if part is POLICE_PART:
                self._load_police_part(original)
            else:
                self._load_municipal_part(original)
        finally:
            self._loading = False
        self._update_days()
        self.refresh_state()

    def open_new(self, data: DrugCaseData) -> None:
        self._confirmed.clear()
        super().open_new(data)

    def open_record(self, stored: Stored[DrugCaseData]) -> None:
        if self.stored is None or self.stored.id != stored.id:
            self._confirmed.clear()
        super().open_record(stored)

    def save(self) -> bool:
        confirmed = set(self._confirmed)
        saved = super().save()
        # The same case stays open after saving: what was confirmed stays confirmed.
        self._confirmed = confirmed
        return saved

    # --- values -------------------------------------------------------------------------------

    def _load_police_part(self, data: DrugCaseData) -> None:
        self.detected_on.set_value(data.detected_on)
        self.place.set_value(data.place_id)
        self.age_group.set_value(data.age_group)
        self.kind.set_value(data.kind)
        self.detection_method.set_value(data.detection_method)
        self.legal_outcome.set_value(data.legal_outcome)
        self.municipality_notified_on.set_value(
            data.municipality_notified_on, default=data.detected_on
        )
        self.notification_kind.set_value(data.notification_kind)
        self.police_notes.setPlainText(data.police_notes)

    def _load_municipal_part(self, data: DrugCaseData) -> None:
        today = self._today()
        self.first_contact_on.set_value(data.first_contact_on, default=today)
        self.support_offered.set_value(data.support_offered)
        self.accepted.set_value(data.accepted)
        self.status.set_value(data.status)
        self.closed_on.set_value(data.closed_on, default=today)
        self.municipal_notes.setPlainText(data.municipal_notes)

    def load(self, data: DrugCaseData) -> None:
        self.promise.set_value(data.promise_id)
        self._case_code = data.case_code
        if data.case_code:
            self.case_code.setText(data.case_code)
            self.case_code.setStyleSheet("font-weight: bold;")
        else:
            self.case_code.setText(self.tr("tilldelas när ärendet sparas"))
            self.case_code.setStyleSheet("font-style: italic;")
        self._load_police_part(data)
        self._load_municipal_part(data)
        self.hours_spent.set_value_or_none(data.hours_spent)
        self._update_days()

    def collect(self) -> DrugCaseData:
        own_police = self._organisation is POLICE_PART

        def police(value: Any, default: Any) -> Any:
            """The other organisation's part stays empty until that organisation fills it."""
            return (value or default) if own_police else value

        def municipal(value: Any, default: Any) -> Any:
            return value if own_police else (value or default)

        return DrugCaseData(
            promise_id=self.promise.value() or "",
            case_code=self._case_code,
            detected_on=self.detected_on.value(),
            place_id=self.place.value(),
            age_group=police(self.age_group.value(), AgeGroup.UNDER_18),
            kind=police(self.kind.value(), DrugCaseKind.OWN_USE),
            detection_method=police(self.detection_method.value(), DetectionMethod.CHECK),
            legal_outcome=police(self.legal_outcome.value(), LegalOutcome.UNDER_INVESTIGATION),
            municipality_notified_on=self.municipality_notified_on.value(),
            notification_kind=self.notification_kind.value(),
            police_notes=self.police_notes.toPlainText(),
            first_contact_on=self.first_contact_on.value(),
            support_offered=self.support_offered.value(),
            accepted=self.accepted.value(),
            status=municipal(self.status.value(), CaseStatus.ONGOING),
            closed_on=self.closed_on.value(),
            municipal_notes=self.municipal_notes.toPlainText(),
            hours_spent=self.hours_spent.value_or_none(),
        )

    def blank(self, today: dt.date) -> DrugCaseData:
        """A new case detected today; the case code is given when it is saved. The other
        organisation's part starts empty."""
        promises = self._lookups.promises(PromiseType.DRUGS)
        police = self._organisation is POLICE_PART
        return DrugCaseData(
            promise_id=promises[0][0] if promises else "",
            detected_on=today,
            age_group=AgeGroup.UNDER_18 if police else None,
            kind=DrugCaseKind.OWN_USE if police else None,
            detection_method=DetectionMethod.CHECK if police else None,
            legal_outcome=LegalOutcome.UNDER_INVESTIGATION if police else None,
            status=None if police else CaseStatus.ONGOING,
        )


def section_form(service: RecordService[DrugCaseData, Any], context: FormContext) -> DrugCaseForm:
    """The form of the section (`loften_app.ui.kinds`)."""
    return DrugCaseForm(
        service, context.lookups, organisation=context.organisation, today=context.today
    )
