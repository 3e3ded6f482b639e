"""The domain's words in the interface's language: the target engine's texts and the validation
messages (`loften_app.domain.targets.Words`), translated in the one context "targets" that
scripts/update-translations.sh writes every domain and report template into."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale

from loften_app.domain.targets import Words
from loften_app.ui.i18n import enum_text


class InterfaceWords(Words):
    """`domain.targets.Words` through Qt's translator (context "targets") and the locale's
    decimal separator, so that the overview and the validation messages speak the language the
    user chose. Make one when the texts are put together: it reads the translator then."""

    def __init__(self) -> None:
        self.decimal = QLocale().decimalPoint() or ","

    def text(self, template: str) -> str:
        return QCoreApplication.translate("targets", template)

    def label(self, member: StrEnum) -> str:
        return enum_text(member)

    def field(self, label: str) -> str:
        return QCoreApplication.translate("FieldLabel", label)
