"""Which page each section shows: the one place that builds them from the services."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget

from loften_app.storage.services import Services
from loften_app.ui.overview import OverviewPage


def coming_later(text: str) -> QWidget:
    label = QLabel(text)
    label.setObjectName("coming_later")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def build_pages(services: Services, settings: QSettings) -> dict[str, QWidget]:
    """The real page of every section, for `MainWindow.attach`."""
    translate = QCoreApplication.translate
    pages: dict[str, QWidget] = {"overview": OverviewPage(services)}
    for key in (
        "patrols",
        "safety_walks",
        "volunteers",
        "drug_cases",
        "other_activities",
        "registers",
    ):
        pages[key] = coming_later(
            translate("pages", "Listor och formulär för det här avsnittet kommer i nästa version.")
        )
    pages["reports"] = coming_later(
        translate("pages", "Kvartalsrapporten och uppföljningen kommer i en senare version.")
    )
    return pages
