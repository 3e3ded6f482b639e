"""The validation messages next to a form's fields come in the interface's language: the form
passes `InterfaceWords` to the domain's `validate`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loften_app.domain.personnummer import find_identity_numbers, identity_number_message
from loften_app.domain.targets import Words
from loften_app.storage.services import Services
from loften_app.ui.forms.other_activity import OtherActivityForm
from loften_app.ui.i18n import Translations
from loften_app.ui.lookups import Lookups
from loften_app.ui.words import InterfaceWords
from tests.ui.conftest import screenshot

TODAY = dt.date(2018, 6, 1)
NOTES = "Pratade med eleven 811218-9876 efter lektionen."

SWEDISH_WHAT = "Vad som gjordes saknas. Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8."
SWEDISH_NOTES = (
    "Anteckningar: Texten verkar innehålla ett personnummer (811218-****). Löften får aldrig "
    "lagra personnummer eller samordningsnummer. Ta bort numret och beskriv i stället personen "
    "utan att peka ut hen, till exempel med åldersgrupp (under 18, 18–25, 26 och äldre)."
)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> OtherActivityForm:
    form = OtherActivityForm(
        ui_services.other_activities, Lookups(ui_services), today=lambda: TODAY
    )
    qtbot.addWidget(form)
    form.open_new(form.blank(dt.date(2018, 4, 12)))
    ((key, _name), *_rest) = form._lookups.promises()
    form.promise.set_value(key)
    form.what.setText("")
    form.notes.setPlainText(NOTES)
    return form


def expected(words: Words) -> tuple[str, str]:
    """The two messages put together from the domain's templates through `words`."""
    what = words.text("{field} saknas. {hint}").format(
        field=words.field("Vad som gjordes"),
        hint=words.text("Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8."),
    )
    notes = words.text("{field}: {message}").format(
        field=words.field("Anteckningar"),
        message=identity_number_message(find_identity_numbers(NOTES)[0], words=words),
    )
    return what, notes


def shown(form: OtherActivityForm) -> tuple[str, str]:
    form.refresh_state()
    assert not form.save_button.isEnabled()
    return form._label_for("what").text(), form._label_for("notes").text()


def test_swedish_messages_are_the_old_ones(form: OtherActivityForm) -> None:
    assert shown(form) == (SWEDISH_WHAT, SWEDISH_NOTES)
    assert expected(InterfaceWords()) == (SWEDISH_WHAT, SWEDISH_NOTES)


def test_english_messages_come_through_the_translator(
    form: OtherActivityForm,
    english: Translations,
) -> None:
    assert shown(form) == expected(InterfaceWords())
    what, notes = shown(form)
    assert what.startswith("What was done is missing.")
    assert "personal identity number" in notes and "Löften must never store" in notes
    form.resize(900, 700)
    screenshot(form, "english-form-validation")


class Marked(QTranslator):
    """Translates every template of the context "targets" and every field label (context
    "FieldLabel") to itself between « and »."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context in ("targets", "FieldLabel") else ""


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[Marked]:
    translator = Marked()
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_messages_are_translated_when_the_translator_knows_them(
    form: OtherActivityForm, marked: Marked
) -> None:
    what, notes = shown(form)
    assert (what, notes) == expected(InterfaceWords())
    assert what.startswith("««Vad som gjordes» saknas.")
    assert what.endswith("«Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8.»»")
    assert notes.startswith("««Anteckningar»: «Texten verkar innehålla ett «personnummer»")
