"""What every record form does because it is a `RecordForm`, tested once on the base class with
the smallest form there is (one line of text, a place's name)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from loften_app.domain.records import PlaceData
from loften_app.storage.services import Services
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.fields import form_layout
from tests.ui.forms.conftest import answer_next_message_box


class NameForm(RecordForm[PlaceData]):
    """A place with only its name: nothing but what the base class does."""

    def build(self) -> None:
        form = form_layout(self.body)
        self.name = QLineEdit()
        self.add_row(form, "name", "Namn:", self.name, self.name.textChanged)

    def load(self, data: PlaceData) -> None:
        self.name.setText(data.name)

    def collect(self) -> PlaceData:
        return PlaceData(name=self.name.text())

    def blank(self, today: dt.date) -> PlaceData:
        return PlaceData(name="")


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services) -> NameForm:
    form = NameForm(ui_services.places, title="Plats")
    qtbot.addWidget(form)
    form.open_new(form.blank(dt.date(2018, 4, 1)))
    return form


def test_leaving_with_unsaved_changes_asks_and_each_answer_does_what_it_says(
    form: NameForm, ui_services: Services, qtbot: QtBot
) -> None:
    before = ui_services.places.count()
    form.name.setText("Parken vid biblioteket")
    assert form.is_dirty()
    seen: list[str] = []
    answer_next_message_box("Avbryt", seen)
    assert not form.can_leave()
    assert "inte är sparade" in seen[0]
    assert ui_services.places.count() == before

    answer_next_message_box("Släng ändringarna")
    with qtbot.waitSignal(form.closed):
        form.close_form()
    assert ui_services.places.count() == before

    form.name.setText("Parken vid skolan")
    answer_next_message_box("Spara")
    assert form.can_leave()
    assert ui_services.places.count() == before + 1
    assert not form.is_dirty()
