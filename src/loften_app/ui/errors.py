"""An error's message in the user's language: its `ErrorText` through the translation file
(context "errors"; scripts/update-translations.sh collects every template)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from loften_app.domain.errors import LoftenError


def _translate(template: str) -> str:
    return QCoreApplication.translate("errors", template)


def error_message(error: LoftenError) -> str:
    """`error`'s message as the window shows it (Swedish, or English when chosen)."""
    return error.text.render(_translate)


def translate_template(template: str) -> str:
    """One error template in the user's language (for a structure that renders itself, such as
    an import problem: `problem.render(translate_template)`)."""
    return QCoreApplication.translate("errors", template)
