"""Languages: Swedish first (the source language of every string), English by translation.

Every visible string is written in Swedish inside `tr()` / `QCoreApplication.translate()`;
`resources/translations/loften_en.ts` holds the English texts and is compiled to `.qm` by
scripts/setup.sh. After changing strings, run scripts/update-translations.sh: it regenerates
`enum_labels.py` (the enum labels, which lupdate cannot see in `enum_text` calls) and updates the
.ts. Qt's own dialogs are translated with Qt's qtbase files.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from loften_app.domain.enums import label
from loften_app.resources import resource_path

if TYPE_CHECKING:  # imported when first needed: the window is painted before (ui.app)
    from loften_app.domain.periods import Period

SWEDISH = "sv"
ENGLISH = "en"
LANGUAGES = {SWEDISH: "Svenska", ENGLISH: "English"}


def locale_for(language: str) -> QLocale:
    if language == ENGLISH:
        # English words, but Swedish dates (ISO) and numbers stay what the users expect.
        return QLocale(QLocale.Language.English, QLocale.Country.Sweden)
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def translation_file(language: str) -> str:
    return str(resource_path("translations", f"loften_{language}.qm"))


class Translations:
    """Installs and swaps the translators of the running application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SWEDISH

    def remove(self) -> None:
        """Take out the translators this object installed."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def apply(self, language: str) -> bool:
        """Switch to `language`; False if its translation file is missing (Swedish is kept)."""
        self.remove()
        QLocale.setDefault(locale_for(language))
        ok = True
        if language != SWEDISH:
            own = QTranslator(self._app)
            ok = own.load(translation_file(language))
            if ok:
                self._installed.append(own)
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language if ok else SWEDISH}", qt_dir):
            self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self.language = language if ok else SWEDISH
        return ok


def enum_text(member: StrEnum) -> str:
    """The text a user sees for an enum member, in the current language (the labels are marked
    for lupdate in the generated `enum_labels.py`)."""
    return QCoreApplication.translate("enums", label(member))


def period_text(period: Period) -> str:
    """A period as the user reads it in the current language: "2018", "2018 kv 3" (English
    "2018 Q3"), a month name and year, or an ISO date range."""
    from loften_app.domain.periods import month, quarter_of, year

    start = period.start
    if period == year(start.year):
        return str(start.year)
    if period == quarter_of(start):
        number = (start.month - 1) // 3 + 1
        template = QCoreApplication.translate("periods", "%1 kv %2")
        return template.replace("%1", str(start.year)).replace("%2", str(number))
    if period == month(start.year, start.month):
        name = QLocale().standaloneMonthName(start.month, QLocale.FormatType.LongFormat)
        return f"{name} {start.year}"
    return f"{start.isoformat()} – {period.end.isoformat()}"
