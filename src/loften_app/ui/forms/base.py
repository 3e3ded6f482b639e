"""The shared form: live validation next to each field, Save that says why it is disabled,
the unsaved-changes question, and conflicts with someone else's newer version.

A subclass builds its widgets in `build()`, registers each field with `add_row()` (or
`register()`), and implements `load(data)` and `collect() -> data`. Everything else (dirty
tracking, saving through the service, errors, choices that follow the registers through
`offer_choices()`) is here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import LoftenError, ValidationError, ValidationIssue
from loften_app.domain.records import Stored
from loften_app.domain.validation import validate
from loften_app.storage.errors import DatabaseLockedError, StaleRecordError
from loften_app.storage.services import RecordService
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.errors import error_message
from loften_app.ui.forms.fields import ChoiceCombo, HasChoices, field_error_label
from loften_app.ui.forms.focus_ring import FocusRing
from loften_app.ui.forms.typed_fields import TypedField
from loften_app.ui.kinds import field_label
from loften_app.ui.safety.history import HistoryDialog
from loften_app.ui.safety.values import changed_fields, field_name, value_text
from loften_app.ui.words import InterfaceWords

if TYPE_CHECKING:
    from loften_app.ui.safety.history import HistorySource

DataT = TypeVar("DataT")
Choices = Callable[[], Sequence[tuple[str, str]]]


class RecordForm(QWidget, Generic[DataT]):
    """A form for one record.

    Signals:
        saved(object): a `Stored` record after a successful save.
        closed(): the user closed the form (after answering the unsaved-changes question).
        dirty_changed(bool): whether the form holds unsaved changes.
        agreement_needed(object): the user asks to renew or create the agreement for this date
            (a `datetime.date`), after a save refused because no agreement is in force then.
    """

    saved = Signal(object)
    closed = Signal()
    dirty_changed = Signal(bool)
    agreement_needed = Signal(object)

    def __init__(
        self,
        service: RecordService[DataT, Any],
        *,
        title: str,
        today: Callable[[], dt.date] = dt.date.today,
        changes: ChangeHub | None = None,
    ) -> None:
        """`changes` (the window's hub, usually `Lookups.changes`) tells when the registers
        behind the choices given to `offer_choices` changed: they are read again."""
        super().__init__()
        self.service = service
        #: The record kind's key (`domain.kinds`; its table): its fields' labels are captions.
        # ("" for a form of something else, such as an indicator with its values).
        model = getattr(service, "model", None)
        self.record_kind: str = getattr(model, "__tablename__", "")
        self._today = today
        self._choices: list[tuple[HasChoices, Choices]] = []
        self._stored: Stored[DataT] | None = None
        self._original: DataT | None = None
        self._errors: dict[str, QLabel] = {}
        self._loading = False
        self._saving = False
        self._dirty = False
        self._history: HistorySource | None = None
        #: Questions answered "yes" for the open record (asked once per record, see `ask_once`).
        self._answered: set[str] = set()

        self.heading = QLabel(title)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area = scroll
        self.other_errors = field_error_label()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("save_problem")
        self.problem_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setToolTip(self.tr("Spara (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.setToolTip(self.tr("Stäng formuläret (Esc)"))
        self.history_button = QPushButton(self.tr("&Historik"))
        self.history_button.setToolTip(self.tr("Visa postens historik (Ctrl+H)"))
        self.history_button.hide()  # until the composition root gives a history source
        #: Shown when a save is refused because no agreement is in force on the record's date.
        self.agreement_button = QPushButton(self.tr("Förnya överenskommelsen…"))
        self.agreement_button.setObjectName("agreement_needed")
        self.agreement_button.setToolTip(
            self.tr("Lägg upp en överenskommelse som gäller postens datum och spara sedan igen")
        )
        self.agreement_button.hide()
        self._agreement_day: dt.date | None = None
        self.agreement_button.clicked.connect(self._ask_for_agreement)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_form)
        self.history_button.clicked.connect(self.show_history)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_form)
        QShortcut(QKeySequence("Ctrl+H"), self, self.show_history)

        bar = QHBoxLayout()
        bar.addWidget(self.problem_label, 1)
        bar.addWidget(self.agreement_button)
        bar.addWidget(self.history_button)
        bar.addWidget(self.close_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.other_errors)
        layout.addLayout(bar)
        self.build()
        self.focus_ring = FocusRing(self)
        if changes is not None:
            changes.changed.connect(self._on_changed)

    # --- for subclasses -----------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def load(self, data: DataT) -> None:
        raise NotImplementedError

    def collect(self) -> DataT:
        raise NotImplementedError

    def blank(self, today: dt.date) -> DataT:
        """The starting values of a new record."""
        raise NotImplementedError

    def add_row(
        self,
        form: QFormLayout,
        field: str,
        caption: str,
        widget: QWidget,
        changed: SignalInstance,
    ) -> QLabel:
        """Add a labelled field with its error text under it; returns the error label."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self.register(field, widget, changed, caption=caption)
        column.addWidget(error)
        form.addRow(caption, box)
        return error

    def register(
        self, field: str, widget: QWidget, changed: SignalInstance, *, caption: str = ""
    ) -> QLabel:
        """Watch a field: revalidate when it changes, and show its issues in the label."""
        if caption and not widget.accessibleName():
            widget.setAccessibleName(caption.rstrip(":"))
        error = field_error_label()
        self._errors[field] = error
        changed.connect(self.on_changed)
        return error

    def offer_choices(self, widget: HasChoices, choices: Choices) -> None:
        """Fill `widget` with `choices()` now and again whenever the registers change."""
        widget.set_choices(choices())
        self._choices.append((widget, choices))

    def caption(self, name: str, *, optional: bool = False) -> str:
        """The caption of the field `name`: its label (`domain.kinds`), translated."""
        label = field_label(self.record_kind, name)
        if optional:
            return self.tr("%1 (valfritt):").replace("%1", label)
        return f"{label}:"

    def add_promise_row(self, form: QFormLayout, choices: Choices) -> ChoiceCombo:
        """The "Löfte:" row every activity form starts with (field `promise_id`)."""
        promise = ChoiceCombo()
        # Under the field while there is nothing to choose (an agreement without a promise of
        # the form's type). Not the combo's placeholder text: with one, the combo would not
        # choose the first promise by itself.
        self.promise_hint = QLabel(
            self.tr(
                "Avtalet har inget löfte av den här typen. Lägg till ett under Register › Löften."
            )
        )
        self.promise_hint.setObjectName("promise_hint")
        self.promise_hint.setStyleSheet("QLabel#promise_hint { color: #555555; }")
        self.promise_hint.setWordWrap(True)

        def offered() -> Sequence[tuple[str, str]]:
            result = choices()
            self.promise_hint.setHidden(bool(result))
            return result

        self.offer_choices(promise, offered)
        error = self.add_row(
            form, "promise_id", self.caption("promise_id"), promise, promise.currentIndexChanged
        )
        box = error.parentWidget()
        column = box.layout() if box is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.promise_hint)
        return promise

    def _on_changed(self, change: Change, _origin: object) -> None:
        if change.names_changed:
            self.reload_choices()

    def reload_choices(self) -> None:
        """Read every widget's choices again (a promise, place or shop was added or renamed);
        what is chosen stays chosen."""
        for widget, choices in self._choices:
            widget.set_choices(choices(), keep_current=True)
        if self._original is not None:  # a record is open: its state may have changed
            self.on_changed()

    def on_changed(self, *_args: object) -> None:
        """Call when anything in the form changed (child tables call it themselves)."""
        if not self._loading:
            self.refresh_state()

    # --- history ------------------------------------------------------------------------------

    def set_history_source(self, source: HistorySource | None) -> None:
        """Offer "Historik" (the audit trail of the open record) read from `source`."""
        self._history = source
        self.history_button.setVisible(source is not None)
        self.history_button.setEnabled(source is not None and self._stored is not None)

    def show_history(self) -> QWidget | None:
        """Show the open record's history in a dialog (read only); returns the dialog."""
        if self._history is None or self._stored is None:
            return None

        try:
            entries = self._history.entries(self._stored.id)
            names = self._history.names()
        except LoftenError as error:
            QMessageBox.warning(self, self.tr("Kunde inte visa historiken"), error_message(error))
            return None
        dialog = HistoryDialog(self.heading.text(), entries, names, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def stored(self) -> Stored[DataT] | None:
        return self._stored

    def open_new(self, data: DataT) -> None:
        """Show a new, unsaved record with `data` as its starting values."""
        self._stored = None
        self._answered.clear()
        self._show(data)

    def open_record(self, stored: Stored[DataT]) -> None:
        # Another record forgets the answers; a record just saved is the same record.
        other = self._stored is None or self._stored.id != stored.id
        if other and not self._saving:
            self._answered.clear()
        self._stored = stored
        self._show(stored.data)

    def first_field(self) -> QWidget | None:
        """The field a new record starts in: the first one that takes the keyboard, past a
        promise that offers no choice."""
        promise = getattr(self, "promise", None)
        widget = self.body.nextInFocusChain()
        while widget is not None and widget is not self.body:
            takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            no_choice = (
                widget is promise and isinstance(promise, ChoiceCombo) and promise.count() <= 1
            )
            if (
                takes_tab
                and self.body.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and not no_choice
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def focus_first_field(self) -> None:
        """Put the keyboard focus in `first_field()` (shown at the top of the form)."""
        self.scroll_area.verticalScrollBar().setValue(0)
        field = self.first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_once(self, key: str, question: Callable[[], bool]) -> bool:
        """Ask `question()` unless it was answered yes for this record before; remembers yes."""
        if key in self._answered:
            return True
        if question():
            self._answered.add(key)
            return True
        return False

    def confirm_save(self, data: DataT) -> bool:
        """Questions before a save (see `ask_once`); False keeps the form open, unsaved."""
        return True

    def _show(self, data: DataT) -> None:
        self._loading = True
        try:
            self.load(data)
        finally:
            self._loading = False
        self._original = self.collect()
        self.history_button.setEnabled(self._history is not None and self._stored is not None)
        self.refresh_state()

    def is_dirty(self) -> bool:
        return self._dirty

    def issues(self) -> list[ValidationIssue]:
        return validate(self.collect(), today=self._today(), words=InterfaceWords())

    def refresh_state(self) -> None:
        self.agreement_button.hide()
        data = self.collect()
        issues = validate(data, today=self._today(), words=InterfaceWords())
        self.show_issues(issues)
        dirty = data != self._original
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        can_save = not issues and (dirty or self._stored is None)
        self.save_button.setEnabled(can_save)
        if issues:
            self.problem_label.setText(
                self.tr("Kan inte sparas: %1 att rätta (se de röda texterna).").replace(
                    "%1", str(len(issues))
                )
            )
        elif not dirty and self._stored is not None:
            self.problem_label.setText(self.tr("Inga ändringar att spara."))
        else:
            self.problem_label.setText("")

    def _label_for(self, field: str) -> QLabel:
        while True:
            if field in self._errors:
                return self._errors[field]
            cut = max(field.rfind("."), field.rfind("["))
            if cut <= 0:
                return self.other_errors
            field = field[:cut]

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        messages: dict[int, tuple[QLabel, list[str]]] = {}
        for issue in issues:
            label = self._label_for(issue.field)
            messages.setdefault(id(label), (label, []))[1].append(issue.message)
        for label in [*self._errors.values(), self.other_errors]:
            entry = messages.get(id(label))
            label.setText("\n".join(entry[1]) if entry else "")
            label.setVisible(entry is not None)

    def save(self) -> bool:
        """Save through the service; on failure the form stays open with what was typed."""
        focused = self.focusWidget()
        if isinstance(focused, TypedField):
            focused.commit()  # a short form typed ("21") counts before Ctrl+S
        if not self.save_button.isEnabled():
            return False
        data = self.collect()
        if not self.confirm_save(data):
            return False
        try:
            if self._stored is None:
                stored = self.service.add(data=data)
            else:
                stored = self.service.update(
                    id=self._stored.id, expected_version=self._stored.version, data=data
                )
        except ValidationError as error:
            self.show_issues(list(error.issues))
            self._offer_agreement(data, error.issues)
            return False
        except StaleRecordError as error:
            self._resolve_conflict(error)
            return False
        except DatabaseLockedError as error:
            # Shown in the form, which keeps every typed value: Ctrl+S tries again.
            self.problem_label.setText(error_message(error))
            return False
        except LoftenError as error:
            QMessageBox.warning(self, self.tr("Kunde inte spara"), error_message(error))
            return False
        self._saving = True
        try:
            self.open_record(stored)
        finally:
            self._saving = False
        self.saved.emit(stored)
        return True

    def _offer_agreement(self, data: DataT, issues: Sequence[ValidationIssue]) -> None:
        """Offer to renew or create the agreement when none is in force on the record's date."""
        for issue in issues:
            day = getattr(data, issue.field, None)
            if issue.code == "no_agreement" and isinstance(day, dt.date):
                self._agreement_day = day
                self.agreement_button.show()
                return

    def _ask_for_agreement(self) -> None:
        if self._agreement_day is not None:
            self.agreement_needed.emit(self._agreement_day)

    def _resolve_conflict(self, error: StaleRecordError[Any]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Posten har ändrats"))
        box.setText(error_message(error))
        current = error.current
        if isinstance(current, Stored):
            details = self._conflict_details(current.data)
            if details:
                box.setInformativeText(details)
        reload = box.addButton(
            self.tr("Läs in den nya versionen"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Behåll mina värden"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if not isinstance(current, Stored):
            return
        if box.clickedButton() is reload:
            self.open_record(current)
        else:
            # Keep what the user typed, based on the newer version: the next save overwrites it.
            mine = self.collect()
            self._stored = current
            self._original = current.data
            self._loading = True
            try:
                self.load(mine)
            finally:
                self._loading = False
            self.refresh_state()

    def _conflict_details(self, theirs: DataT) -> str:
        """What the other save changed, field by field: the value you opened, the value saved
        now, and yours (rich text for the question)."""

        if self._stored is None:
            return ""
        opened = self._stored.data
        mine = self.collect()
        names = self._history.names() if self._history is not None else None
        rows = []
        for name in changed_fields(opened, theirs):
            cells = (
                field_name(name),
                value_text(name, getattr(opened, name), names),
                value_text(name, getattr(theirs, name), names),
                value_text(name, getattr(mine, name), names),
            )
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        if not rows:
            return ""
        head = "".join(
            f"<th align='left'>{escape(t)}</th>"
            for t in (
                self.tr("Fält"),
                self.tr("När du öppnade"),
                self.tr("Sparat nu"),
                self.tr("Ditt värde"),
            )
        )
        return (
            "<p>"
            + escape(self.tr("Det här ändrades av den andra sparningen:"))
            + "</p><table cellspacing='0' cellpadding='3' border='1'><tr>"
            + head
            + "</tr>"
            + "".join(rows)
            + "</table>"
        )

    def can_leave(self) -> bool:
        """Ask before unsaved changes are lost; True when the form may be left."""
        if not self._dirty:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Osparade ändringar"))
        box.setText(self.tr("Du har ändringar som inte är sparade. Vill du spara dem?"))
        save = box.addButton(self.tr("Spara"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            self.tr("Släng ändringarna"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return self.save()
        if clicked is discard:
            self._dirty = False
            self.dirty_changed.emit(False)
            return True
        return False

    def close_form(self) -> None:
        if self.can_leave():
            self.closed.emit()
