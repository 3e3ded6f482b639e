"""Fixtures for GUI tests: Swedish locale, settings in a temporary file, a real database."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import Database, open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.background import Background
from loften_app.ui.i18n import (
    ENGLISH,
    SWEDISH,
    Translations,
    translation_file,
)
from tests.factories import demo_services_for

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(autouse=True)
def swedish(qapp: QApplication) -> Iterator[Translations]:
    """Swedish, as a user starts it: Swedish locale and Qt's own Swedish texts."""
    translations = Translations(qapp)
    translations.apply(SWEDISH)
    yield translations
    translations.remove()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ui_database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "filipstad.db") as database:
        yield database


@pytest.fixture
def ui_services(ui_database: Database) -> Services:
    services = Services.build(ui_database, Actor("Anna", Organisation.MUNICIPALITY))
    apply_template(services, "filipstad-2017-2018")
    return services


@pytest.fixture
def background(qtbot: QtBot) -> Iterator[Background]:
    """The helper thread; at the end the test waits for its last call (before the database
    closes)."""
    runner = Background()
    yield runner
    runner.wait()


def overview_ready(qtbot: QtBot, page: QWidget) -> None:
    """Wait until the overview shows figures computed for its current period."""
    from loften_app.ui.overview import OverviewPage

    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(lambda: page.data is not None and not page.pending, timeout=10_000)


def screenshot(widget: QWidget, name: str) -> Path:
    """Save what the widget shows to screenshots/NAME.png (git ignores the folder)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    # Let nested layouts catch up with error texts just shown or hidden before the picture.
    for _ in range(5):
        QApplication.processEvents()
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def english(swedish: Translations) -> Iterator[Translations]:
    """English, built from the .ts when the .qm is missing or older (as scripts/setup.sh does);
    Swedish again afterwards (the `swedish` fixture)."""
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "loften_en.ts"
    qm = Path(translation_file(ENGLISH))
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    remove_every_translator()
    assert swedish.apply(ENGLISH)
    assert swedish.language == ENGLISH
    yield swedish
    swedish.apply(SWEDISH)


def remove_every_translator() -> None:
    """Each test's `swedish` fixture makes its own `Translations`, which removes only its own
    translators: earlier tests' Swedish ones stay installed, and Qt falls back to them for every
    text that qtbase_en leaves as it is ("Cancel" became "Avbryt"). Start from none."""
    app = QApplication.instance()
    assert app is not None
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)


@pytest.fixture
def demo_services(ui_database: Database) -> Services:
    """The 2018 demo data, saved by Anna of the municipality."""
    return demo_services_for(ui_database, Organisation.MUNICIPALITY)
