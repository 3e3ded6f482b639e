"""A form's Historik, and two writers on one file: what the other save changed is shown before
the choice, and a locked file is reported in the form without losing what was typed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage import database as database_module
from loften_app.storage.database import Database, open_database
from loften_app.storage.services import Services
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.lookups import Lookups
from loften_app.ui.safety.history import HistoryDialog, HistorySource
from tests.ui.conftest import screenshot
from tests.ui.safety.conftest import answer_next_dialog

TODAY = dt.date(2018, 6, 1)
POLICE = Actor("Kommunpolisen", Organisation.POLICE)


def patrol_form(qtbot: QtBot, services: Services) -> PatrolForm:
    form = PatrolForm(services.patrols, Lookups(services), today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(900, 800)
    form.set_history_source(HistorySource(services))
    form.open_new(form.blank(dt.date(2018, 3, 31)))
    form.show()
    return form


def tick_place(form: PatrolForm, name: str) -> None:
    for key, shown in form._lookups.places():
        if shown == name:
            form.places.set_value((*form.places.value(), key))
            return
    raise AssertionError(name)


@pytest.fixture
def second(ui_services: Services) -> Iterator[Services]:
    """Another window's services on the same file (its own engine and connections)."""
    with open_database(ui_services.database.path) as database:
        yield Services.build(database, POLICE)


def test_history_lists_every_change_with_old_and_new_values(
    qtbot: QtBot, ui_services: Services
) -> None:
    form = patrol_form(qtbot, ui_services)
    assert form.history_button.isVisible()
    assert not form.history_button.isEnabled()  # a new record has no history
    tick_place(form, "Centrum")
    form.disturbances.setValue(2)
    assert form.save()
    assert form.history_button.isEnabled()
    form.disturbances.setValue(4)
    form.notes.setPlainText("Lugnare än förra veckan")
    assert form.save()
    form.activateWindow()
    form.setFocus()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = form.findChild(HistoryDialog)
    assert isinstance(dialog, HistoryDialog)
    rows = dialog.rows()
    events = [row for row in rows if row[3]]
    assert [row[3] for row in events] == ["Skapad", "Ändrad"]
    assert all(row[1] == "Anna" and row[2] == "Kommunen" for row in events)
    assert ["Ordningsstörningar i centrum", "—", "2", ""] in rows
    assert ["Ordningsstörningar i centrum", "2", "4", ""] in rows
    assert ["Anteckningar", "—", "Lugnare än förra veckan", ""] in rows
    assert ["Platser", "—", "Centrum", ""] in rows  # the place's name, not its id
    assert ["Färdsätt", "—", "till fots", ""] in rows
    screenshot(dialog, "safety-history")
    dialog.close()


def test_a_stale_save_shows_what_the_other_save_changed_and_keeps_mine(
    qtbot: QtBot, ui_services: Services, second: Services
) -> None:
    form = patrol_form(qtbot, ui_services)
    tick_place(form, "Centrum")
    assert form.save()
    stored = form.stored
    assert stored is not None
    theirs = second.patrols.get(id=stored.id)
    second.patrols.update(
        id=stored.id,
        expected_version=theirs.version,
        data=dataclasses.replace(theirs.data, officers=5, disturbances=1),
    )
    form.officers.setValue(3)
    seen: list[tuple[str, str]] = []

    def keep(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText()))
        screenshot(box, "safety-stale-record")
        for button in box.buttons():
            if button.text() == "Behåll mina värden":
                button.click()

    errors = answer_next_dialog(QMessageBox, keep)
    assert not form.save()
    assert not errors, errors
    text, details = seen[0]
    assert "har ändrats av Kommunpolisen" in text
    assert "<td>Antal poliser</td><td>2</td><td>5</td><td>3</td>" in details
    assert "<td>Ordningsstörningar i centrum</td><td>0</td><td>1</td><td>0</td>" in details
    assert form.officers.value() == 3  # what I typed is still there
    assert form.save()
    assert second.patrols.get(id=stored.id).data.officers == 3


def test_a_locked_file_is_reported_in_the_form_and_nothing_typed_is_lost(
    qtbot: QtBot, ui_database: Database, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    with open_database(ui_database.path) as database:
        services = Services.build(database, Actor("Anna", Organisation.MUNICIPALITY))
        form = patrol_form(qtbot, services)
        tick_place(form, "Centrum")
        form.notes.setPlainText("Sparas när låset släpper")
        other = sqlite3.connect(ui_database.path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            assert not form.save()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert "används just nu" in form.problem_label.text()
        screenshot(form, "safety-form-locked")
        assert form.notes.toPlainText() == "Sparas när låset släpper"
        assert form.is_dirty()
        assert form.save()
        assert services.patrols.get(id=form.stored.id).data.notes == "Sparas när låset släpper"  # type: ignore[union-attr]
