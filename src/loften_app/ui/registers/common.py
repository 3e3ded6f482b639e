"""What the register forms share on top of `RecordForm`: checks that need the database (a
promise number already taken, indicator value rows), choices read again each time a record is
opened, and small helpers for text fields."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QPlainTextEdit

from loften_app.domain.errors import ValidationIssue
from loften_app.domain.records import Stored
from loften_app.domain.validation import validate
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import ChoiceCombo
from loften_app.ui.words import InterfaceWords

DataT = TypeVar("DataT")


class RegisterForm(RecordForm[DataT]):
    """A `RecordForm` with two hooks for the registers.

    `extra_issues(data)` adds issues that the domain's validation cannot know (they need the
    register's other entries); they are shown and block Save like any other issue.
    `refresh_choices()` reads the pickers' choices again before a record is shown, so that a
    place or promise added in another tab is offered.
    """

    def extra_issues(self, data: DataT) -> list[ValidationIssue]:
        return []

    def refresh_choices(self) -> None:
        """Read the choices of the form's pickers again (default: the form has none)."""

    def open_new(self, data: DataT) -> None:
        self.refresh_choices()
        super().open_new(data)

    def open_record(self, stored: Stored[DataT]) -> None:
        self.refresh_choices()
        super().open_record(stored)

    def issues(self) -> list[ValidationIssue]:
        data = self.collect()
        return [*validate(data, words=InterfaceWords()), *self.extra_issues(data)]

    def refresh_state(self) -> None:
        super().refresh_state()
        data = self.collect()
        extra = self.extra_issues(data)
        if not extra:
            return
        issues = [*validate(data, words=InterfaceWords()), *extra]
        self.show_issues(issues)
        self.save_button.setEnabled(False)
        self.problem_label.setText(
            self.tr("Kan inte sparas: %1 att rätta (se de röda texterna).").replace(
                "%1", str(len(issues))
            )
        )

    def save(self) -> bool:
        # The register may have changed since the last keystroke (a number taken meanwhile).
        self.refresh_state()
        return super().save()


def text_box(lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line text field about `lines` lines high; Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setMinimumHeight(height)
    box.setMaximumHeight(height)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


def offer_choice(combo: ChoiceCombo, key: str | None, name: str) -> None:
    """Make sure `key` can be chosen in `combo` (a promise of an earlier agreement, a place
    since removed from the register), so that opening a record never changes it silently."""
    if key is not None and combo.findData(key) < 0:
        combo.addItem(name or key, key)


def stored_as(stored: Stored[Any], data: DataT) -> Stored[DataT]:
    """`stored` with other data (the same identity and version)."""
    return Stored(stored.meta, data)
