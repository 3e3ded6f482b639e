"""Errors that carry a message meant for the user: a code, parameters and a Swedish template.

An error says what went wrong as `ErrorText`: a stable `code` (as a `ValidationIssue` has), a
Swedish `template` with `{placeholders}` (`str.format` fields, format specs allowed) and the
`params` that fill them. `message` is the Swedish rendering (what the command line prints); the
window renders the same error in the user's language through `ErrorText.render(translate)`
(`ui.errors.error_text`). scripts/update-translations.sh finds every
`error_text("code", "template", ...)` in the package for the translation file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def _same(template: str) -> str:
    return template


@dataclass(frozen=True)
class ErrorText:
    """What an error says, before it is put into words: see the module's docstring."""

    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """The text, with `translate` applied to this template and to every `ErrorText` among
        the parameters (Swedish when `translate` leaves a template as it is)."""
        if not self.code:  # a plain message: no fields to fill (braces in it stay as they are)
            return translate(self.template)
        values = {
            key: value.render(translate) if isinstance(value, ErrorText) else value
            for key, value in self.params.items()
        }
        return translate(self.template).format(**values)


def error_text(code: str, template: str, /, **params: Any) -> ErrorText:
    """An error's text: `template` is Swedish, a string literal (the translation script reads
    it from the call), with a `{name}` field for each of `params`."""
    return ErrorText(code, template, params)


class LoftenError(Exception):
    """Base of every error that the user should see as a plain message.

    `message` is complete Swedish text that says what is wrong and what to do; `text` the same
    as an `ErrorText` (with its `code` and `params`), so that the window can translate it. An
    error made from a plain string has the code "" and the string as its template.
    """

    def __init__(self, message: str | ErrorText) -> None:
        text = message if isinstance(message, ErrorText) else ErrorText("", message)
        rendered = text.render()
        super().__init__(rendered)
        self.text = text
        self.message = rendered

    @property
    def code(self) -> str:
        return self.text.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.text.params


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
