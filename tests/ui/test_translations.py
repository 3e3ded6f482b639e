"""The English translation: complete, up to date with the code, and what an English user sees.

The .ts is the source of the English texts (Swedish is the source language of every string);
`scripts/update-translations.sh` brings it and the generated `ui/enum_labels.py` up to date with
the code, and `scripts/setup.sh` compiles the .qm that `Translations.apply("en")` loads.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import ALL_ENUMS, Organisation, label
from loften_app.domain.records import Actor
from loften_app.storage.database import Database
from loften_app.storage.demo import DemoOptions, fill_demo_data
from loften_app.storage.services import Deleted, RecordFilter, RecordService, Services
from loften_app.storage.template import available_templates
from loften_app.ui.app import SETTINGS_LANGUAGE, SETTINGS_USER
from loften_app.ui.first_start import AgreementDialog, UserDialog
from loften_app.ui.i18n import (
    ENGLISH,
    LANGUAGES,
    SWEDISH,
    Translations,
    enum_text,
    translation_file,
)
from loften_app.ui.main_window import SECTION_KEYS, MainWindow
from loften_app.ui.pages import build_pages
from loften_app.ui.registers.page import RegistersPage
from loften_app.ui.section import RecordSection
from loften_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import overview_ready, screenshot

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "loften_en.ts"
UI = ROOT / "src" / "loften_app" / "ui"
GENERATED = UI / "enum_labels.py"
UPDATE_SCRIPT = ROOT / "scripts" / "update-translations.sh"
BIN = Path(sys.executable).parent
FIX = "Run scripts/update-translations.sh, then translate the new entries in loften_en.ts."

#: Names that stay as they are in every language: the product's, and Brå (the Swedish National
#: Council for Crime Prevention, known abroad by that name).
PROPER_NAMES = ("Löften", "Brå")
#: Words that only Swedish UI text has (the English translation uses none of them).
SWEDISH_WORDS = frozenset(
    re.findall(
        r"\w+",
        """och eller för inte från till med att som alla visa spara stäng avbryt ny nytt sök
        datum plats platser antal timmar dagar dag poster namn typ vad mål ansvarig beskrivning
        källa enhet ja nej kommunen polisen inga ingen ange lägg bort kv ej senast angiven""",
    )
)
SWEDISH_LETTERS = re.compile("[åäöÅÄÖ]")


# --- the .ts file -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # the translation's type attribute: "" when finished


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type", ""),
                )
            )
    return messages


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\d", text))


def test_every_message_is_translated() -> None:
    messages = read_ts(TS)
    assert len(messages) > 400
    problems = []
    for m in messages:
        where = f"[{m.context}] {m.source!r}"
        if m.kind:
            problems.append(f"{where}: type={m.kind!r}")
        elif not m.translation.strip():
            problems.append(f"{where}: empty translation")
        elif placeholders(m.translation) != placeholders(m.source):
            problems.append(f"{where}: placeholders differ in {m.translation!r}")
        elif m.translation.count("\n") != m.source.count("\n"):
            problems.append(f"{where}: line breaks differ in {m.translation!r}")
        elif ("&" in m.source) != ("&" in m.translation):
            problems.append(f"{where}: accelerator (&) differs in {m.translation!r}")
    assert not problems, "\n".join(problems)


def lupdate_into(ts: Path) -> None:
    sources = sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.py"))
    result = subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-silent",
            "-source-language",
            "sv_SE",
            "-target-language",
            "en_GB",
            "-no-obsolete",
            *sources,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    copy = tmp_path / "loften_en.ts"
    shutil.copyfile(TS, copy)
    lupdate_into(copy)
    committed = {(m.context, m.source) for m in read_ts(TS)}
    current = {(m.context, m.source) for m in read_ts(copy)}
    missing = sorted(current - committed)
    vanished = sorted(committed - current)
    report = [f"missing from loften_en.ts: [{c}] {s!r}" for c, s in missing]
    report += [f"no longer in the code: [{c}] {s!r}" for c, s in vanished]
    assert not report, "\n".join([*report, FIX])


def marked_texts(source: str) -> list[tuple[str, str]]:
    """The (context, text) pairs of the QT_TRANSLATE_NOOP calls in a module's source."""
    pairs = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP"
        ):
            context, text = (ast.literal_eval(arg) for arg in node.args)
            pairs.append((context, text))
    return pairs


def test_the_generated_enum_labels_are_up_to_date() -> None:
    committed = marked_texts(GENERATED.read_text(encoding="utf-8"))
    labels = {label(member) for enum in ALL_ENUMS for member in enum}
    in_file = {text for context, text in committed if context == "enums"}
    assert in_file == labels, (
        f"not in enum_labels.py: {sorted(labels - in_file)}; "
        f"no longer labels: {sorted(in_file - labels)}. {FIX}"
    )
    # The texts of translate helpers too: the script's output is what is committed.
    result = subprocess.run(
        ["bash", str(UPDATE_SCRIPT), "--print"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(marked_texts(result.stdout)) == sorted(committed), FIX


# --- what an English user sees ------------------------------------------------------------------


@pytest.fixture
def english(swedish: Translations) -> Iterator[Translations]:
    """English, built from the .ts when the .qm is missing or older (as scripts/setup.sh does);
    Swedish again afterwards (the `swedish` fixture)."""
    qm = Path(translation_file(ENGLISH))
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True
        )
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


def untranslated_sources() -> set[str]:
    """Swedish source texts whose English differs: seeing one means it was not translated."""
    return {m.source for m in read_ts(TS) if m.translation != m.source}


def data_strings(value: Any) -> Iterator[str]:
    """Every text in a record's data (nested records and tuples included), line by line too."""
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        if value.strip():
            yield value.strip()
            yield from (line.strip() for line in value.splitlines() if line.strip())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from data_strings(getattr(value, field.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from data_strings(item)


def record_data(services: Services) -> set[str]:
    """Every text stored in the database (places, shops, promises, the agreement, notes, ...):
    what the screens show of it is the users' own words, not the interface's."""
    texts: set[str] = set()
    for field in dataclasses.fields(services):
        service = getattr(services, field.name)
        if not isinstance(service, RecordService):
            continue
        ids = service.list_ids(filter=RecordFilter(deleted=Deleted.ALL))
        for stored in service.get_many(ids=ids):
            texts.update(data_strings(stored.data))
            number = getattr(stored.data, "number", None)
            if number is not None and hasattr(stored.data, "short_title"):
                texts.add(f"{number}. {stored.data.short_title}")
    return texts


def action_texts(actions: list[QAction], where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.text():
            yield f"{where} action", action.text()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from action_texts(menu.actions(), f"{where} › {action.text()}")


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the visible widgets of `window` show."""
    yield "window title", window.windowTitle()
    if isinstance(window, QMainWindow):
        yield from action_texts(window.menuBar().actions(), "menu")
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        kind = type(widget).__name__
        if widget.toolTip():
            yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield kind, widget.text()
        if isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        if isinstance(widget, QGroupBox):
            yield kind, widget.title()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{kind} tab", widget.tabText(index)
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield f"{kind} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{kind} item", widget.itemText(index)
        if isinstance(widget, QAbstractSpinBox):
            yield f"{kind} special value", widget.specialValueText()
            if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                yield f"{kind} suffix", widget.suffix()
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            yield from item_texts(widget, kind)


def item_texts(view: QAbstractItemView, kind: str) -> Iterator[tuple[str, str]]:
    if isinstance(view, QListWidget):
        kind = "navigation" if view.objectName() == "navigation" else kind
        for row in range(view.count()):
            yield f"{kind} item", view.item(row).text()
        return
    model = view.model()
    if model is None:
        return
    display = Qt.ItemDataRole.DisplayRole
    top = QModelIndex()
    for column in range(model.columnCount(top)):
        header = model.headerData(column, Qt.Orientation.Horizontal, display)
        if header is not None:
            yield f"{kind} header", str(header)
        for row in range(min(model.rowCount(top), 25)):
            value = model.data(model.index(row, column), display)
            if isinstance(value, str):
                yield f"{kind} cell", value


def swedish_left(text: str, data: list[str]) -> str:
    """What of `text` is neither the users' data nor a proper name."""
    for item in [*data, *PROPER_NAMES]:
        text = text.replace(item, " ")
    return text


def data_bearing(where: str) -> bool:
    """Whether a text shown `where` may be the users' data even when it is also a Swedish source
    text (a promise titled "Trygghetsvandringar" in a list cell or a picker): elsewhere such a
    text (a label, a tab, the navigation) is the interface's own and must be translated."""
    return where.endswith(" cell") or (where.endswith(" item") and "Enum" not in where)


def offenders(texts: list[tuple[str, str]], data: set[str]) -> list[str]:
    sources = untranslated_sources()
    longest_first = sorted((d for d in data if len(d) >= 3), key=len, reverse=True)
    found: dict[str, str] = {}  # text → where it was first seen, with why it offends
    for where, shown in texts:
        text = shown.strip()
        if not text or text in found:
            continue
        if text in data and (text not in sources or data_bearing(where)):
            continue
        if text in sources:
            found[text] = f"{where}: {text!r} (a Swedish source text, not translated)"
            continue
        rest = swedish_left(text, longest_first)
        words = {word.lower() for word in re.findall(r"\w+", rest)}
        if SWEDISH_LETTERS.search(rest) or words & SWEDISH_WORDS:
            found[text] = f"{where}: {text!r} (looks Swedish)"
    return sorted(found.values())


@pytest.fixture
def demo_services(ui_database: Database) -> Services:
    actor = Actor("Anna", Organisation.MUNICIPALITY)
    fill_demo_data(ui_database, actor, DemoOptions(year=2018, seed=3))
    return Services.build(ui_database, actor)


def english_window(
    qtbot: QtBot, settings: QSettings, services: Services, photo_dir: Path
) -> MainWindow:
    window = MainWindow(settings=settings, database_name="demo.db")
    qtbot.addWidget(window)
    agreement = services.agreements.current()
    assert agreement is not None
    window.attach(
        build_pages(
            services, settings, organisation=Organisation.MUNICIPALITY, photo_dir=photo_dir
        ),
        agreement_title=agreement.data.title,
        user=f"Anna ({enum_text(Organisation.MUNICIPALITY)})",
    )
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    overview_ready(qtbot, window.page("overview"))
    return window


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def with_a_full_record_open(section: RecordSection) -> bool:
    """Open the fullest of the section's first records (the most to show: a walk with its
    observations rather than a planned one); False when the list is empty."""
    model = section.records.model
    ids = [model.id_at(row) for row in range(min(model.rowCount(), 10))]
    records = section.service.get_many(ids=[id for id in ids if id is not None])
    if not records:
        return False
    fullest = max(records, key=lambda stored: len(repr(stored.data)))
    section.open_record(fullest.id)
    settle()
    return True


def test_an_english_user_sees_no_swedish_interface_text(
    english: Translations,
    qtbot: QtBot,
    settings: QSettings,
    demo_services: Services,
    tmp_path: Path,
) -> None:
    window = english_window(qtbot, settings, demo_services, tmp_path)
    texts: list[tuple[str, str]] = []
    seen: list[str] = []

    def collect(screen: str) -> None:
        """Gather what `screen` shows, and keep a picture of it to look at (screenshots/)."""
        settle()
        seen.append(screen)
        texts.extend((f"{screen} › {where}", text) for where, text in shown_texts(window))
        screenshot(window, "english-" + re.sub(r"\W+", "-", screen.lower()).strip("-"))

    for key in SECTION_KEYS:
        window.show_section(key)
        collect(key)
        page = window.page(key)
        if isinstance(page, RecordSection) and with_a_full_record_open(page):
            collect(f"{key} form")
            page.show_list()
        if isinstance(page, RegistersPage):
            for index in range(page.count()):
                page.setCurrentIndex(index)
                tab = page.tabText(index)
                collect(f"{key} › {tab}")
                section = page.widget(index)
                if isinstance(section, RecordSection) and with_a_full_record_open(section):
                    collect(f"{key} › {tab} form")
                    section.show_list()
    assert len(seen) >= 8 + 5 + 6 + 5, seen
    assert len(texts) > 500

    found = offenders(texts, record_data(demo_services) | {"demo.db", "Anna"})
    print("\n".join(found))
    assert not found, "Swedish text in the English interface:\n" + "\n".join(found)


def test_the_language_choice_is_saved_and_english_applies_to_a_new_window(
    swedish: Translations, qtbot: QtBot, settings: QSettings
) -> None:
    settings.setValue(SETTINGS_USER, "Anna")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(ENGLISH))
    assert dialog.language_changed()
    assert dialog.note.text()  # "the new language is used next time"
    dialog.accept()
    assert settings.value(SETTINGS_LANGUAGE) == ENGLISH

    swedish_window = MainWindow(settings=settings, database_name="x.db")
    qtbot.addWidget(swedish_window)
    assert swedish_window.navigation.item(0).text() == "Översikt"

    remove_every_translator()
    assert swedish.apply(str(settings.value(SETTINGS_LANGUAGE)))
    try:
        window = MainWindow(settings=settings, database_name="x.db")
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert titles == [
            "Overview",
            "Presence and shop visits",
            "Safety walks",
            "Police volunteers",
            "Drug cases",
            "Other activities",
            "Neighbourhood watch",
            "Registers",
            "Reports",
        ]
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&File", "&Sections", "&Help"]
        assert enum_text(Organisation.POLICE) == "Police"
    finally:
        swedish.apply(SWEDISH)
    again = MainWindow(settings=settings, database_name="x.db")
    qtbot.addWidget(again)
    assert again.navigation.item(0).text() == "Översikt"


def test_the_first_start_and_settings_dialogs_are_english(
    english: Translations, qtbot: QtBot, settings: QSettings
) -> None:
    templates = [(t.name, t.label) for t in available_templates()]
    dialogs: list[QWidget] = [
        UserDialog(),
        AgreementDialog(templates),
        SettingsDialog(settings),
    ]
    texts: list[tuple[str, str]] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        name = type(dialog).__name__
        texts.extend((f"{name} › {where}", text) for where, text in shown_texts(dialog))
    assert len(texts) > 20
    # The languages are named in their own language; the templates' labels are their data.
    allowed = {*LANGUAGES.values(), *(label for _name, label in templates)}
    found = offenders(texts, allowed)
    print("\n".join(found))
    assert not found, "Swedish text in the English dialogs:\n" + "\n".join(found)
