"""Photo files of a safety walk: a copy that no saved walk ever referred to is deleted again
when the walk is saved without it, or left; a photo that was saved keeps its file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from loften_app.storage.services import Services
from loften_app.ui.forms.observations_model import COL_DESCRIPTION
from loften_app.ui.forms.safety_walk import SafetyWalkForm
from loften_app.ui.lookups import Lookups
from tests.ui.forms.conftest import answer_next_message_box

WALK = dt.date(2018, 5, 15)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services, tmp_path: Path) -> SafetyWalkForm:
    form = SafetyWalkForm(
        ui_services.safety_walks,
        Lookups(ui_services),
        photo_dir=tmp_path / "foton",
        today=lambda: dt.date(2018, 6, 1),
    )
    qtbot.addWidget(form)
    form.open_new(form.blank(WALK))
    return form


def attach(form: SafetyWalkForm, tmp_path: Path, row: int | None = None) -> str:
    if row is None:
        row = form.observations.add_observation()
        form.observations.model.set_value(row, COL_DESCRIPTION, "Trasig lampa")
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    source = tmp_path / "bild.png"
    assert image.save(str(source))
    (name,) = form.observations.attach_files(row, [source])
    return name


def kept(tmp_path: Path, name: str) -> bool:
    return (tmp_path / "foton" / name).exists()


def test_a_photo_removed_before_saving_is_deleted_when_the_walk_is_saved(
    form: SafetyWalkForm, tmp_path: Path
) -> None:
    first = attach(form, tmp_path)
    second = attach(form, tmp_path, row=0)
    form.observations.model.remove_photo(0, first)
    assert kept(tmp_path, first)  # until the walk is saved
    assert form.save()
    assert not kept(tmp_path, first)
    assert kept(tmp_path, second)


def test_photos_of_a_removed_observation_are_deleted_when_the_walk_is_saved(
    form: SafetyWalkForm, tmp_path: Path
) -> None:
    name = attach(form, tmp_path)
    form.observations.remove_current()
    assert form.save()
    assert not kept(tmp_path, name)


def test_copies_of_a_walk_that_is_not_saved_are_deleted(
    form: SafetyWalkForm, tmp_path: Path
) -> None:
    name = attach(form, tmp_path)
    answer_next_message_box("Släng ändringarna")
    form.close_form()
    assert not kept(tmp_path, name)

    other = attach(form, tmp_path)
    form.open_new(form.blank(WALK))  # the section opens another walk in the same form
    assert not kept(tmp_path, other)


def test_a_photo_that_was_saved_keeps_its_file(
    form: SafetyWalkForm, tmp_path: Path, ui_services: Services
) -> None:
    name = attach(form, tmp_path)
    assert form.save()
    form.observations.model.remove_photo(0, name)
    assert form.save()
    # An older version, a backup or another user's open form may still refer to it.
    assert kept(tmp_path, name)
    (walk,) = ui_services.safety_walks.list_page().items
    assert walk.data.observations[0].photos == ()
