"""Errors that carry a message meant for the user (in Swedish)."""

from __future__ import annotations

from dataclasses import dataclass


class LoftenError(Exception):
    """Base of every error that the user should see as a plain message.

    `message` is complete Swedish text that says what is wrong and what to do.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ValidationIssue:
    """One problem with one field.

    `field` names the field as the record's data class does (`end_time`), with an index for
    rows of a child table (`observations[2].description`). `code` is a stable key for the kind
    of problem (`required`, `negative`, `personnummer`, ...) and `message` is Swedish text.
    """

    field: str
    code: str
    message: str


class ValidationError(LoftenError):
    """A record cannot be saved; `issues` lists every problem, field by field."""

    def __init__(self, issues: list[ValidationIssue] | tuple[ValidationIssue, ...]) -> None:
        self.issues: tuple[ValidationIssue, ...] = tuple(issues)
        lines = [issue.message for issue in self.issues]
        super().__init__(
            "Posten kan inte sparas:\n" + "\n".join(f"• {line}" for line in lines)
            if lines
            else "Posten kan inte sparas."
        )

    def for_field(self, field: str) -> list[ValidationIssue]:
        """The issues that concern `field` exactly."""
        return [issue for issue in self.issues if issue.field == field]
