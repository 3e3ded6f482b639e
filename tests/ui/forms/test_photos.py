"""Photos of observations: copied into the photo folder under a new bare name, never a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from loften_app.ui.forms.photos import (
    PhotoError,
    PhotosCell,
    copy_photo,
    copy_photos,
    image_filter,
    is_photo_name,
    new_photo_name,
    photo_path,
)
from tests.ui.forms.conftest import answer_next_message_box


def jpeg(folder: Path, name: str = "Gångtunnel.JPG") -> Path:
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#884400"))
    path = folder / name
    assert image.save(str(path), "JPEG")
    return path


def test_a_copy_gets_a_new_bare_name_with_the_suffix_in_lower_case(tmp_path: Path) -> None:
    source = jpeg(tmp_path)
    name = copy_photo(source, tmp_path / "data" / "foton")
    assert is_photo_name(name)
    assert name.endswith(".jpg") and len(name) == 32 + 4
    assert (tmp_path / "data" / "foton" / name).read_bytes() == source.read_bytes()
    assert copy_photo(source, tmp_path / "data" / "foton") != name


def test_what_is_not_an_image_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "protokoll.png"
    fake.write_text("inte en bild")
    with pytest.raises(PhotoError, match="kan inte läsas som en bild"):
        copy_photo(fake, tmp_path / "foton")
    text = tmp_path / "anteckning.txt"
    text.write_text("hej")
    with pytest.raises(PhotoError):
        copy_photo(text, tmp_path / "foton")
    assert not (tmp_path / "foton").exists() or not any((tmp_path / "foton").iterdir())


@pytest.mark.parametrize("name", ["", ".", "..", "../x.png", "a/b.png", "a\\b.png", "/etc/x"])
def test_only_bare_names_lead_to_a_file(tmp_path: Path, name: str) -> None:
    assert not is_photo_name(name)
    with pytest.raises(PhotoError):
        photo_path(tmp_path, name)


def test_names_are_unique_and_keep_only_a_plain_suffix() -> None:
    assert new_photo_name(".PNG").endswith(".png")
    assert "." not in new_photo_name(".p/ng")
    assert len({new_photo_name(".jpg") for _ in range(50)}) == 50
    assert "*.jpg" in image_filter() and image_filter().startswith("Bilder")


def test_copying_several_tells_about_the_one_that_failed(tmp_path: Path) -> None:
    good = jpeg(tmp_path)
    bad = tmp_path / "trasig.jpg"
    bad.write_bytes(b"\x00\x01")
    seen: list[str] = []
    answer_next_message_box("Ok", seen)  # Qt's own Swedish text
    names = copy_photos(None, [good, bad], tmp_path / "foton")
    assert len(names) == 1
    assert "trasig.jpg" in seen[0]


def test_the_cell_shows_the_count_and_asks_for_more(qtbot: QtBot, tmp_path: Path) -> None:
    cell = PhotosCell(tmp_path)
    qtbot.addWidget(cell)
    cell.show_row(2, ["a.jpg", "b.png"])
    assert cell.count.text() == "2"
    assert cell.button.text() == "Bifoga foto…"
    assert cell.button.accessibleName() == "Bifoga foto till iakttagelse 3"
    with qtbot.waitSignal(cell.attach_requested) as attach:
        qtbot.mouseClick(cell.button, Qt.MouseButton.LeftButton)
    assert attach.args == [2]
    cell._fill_menu()
    texts = [action.text() for action in cell.menu.actions()]
    assert texts == ["Visa foto 1", "Visa foto 2", "Ta bort foto 1", "Ta bort foto 2"]
    with qtbot.waitSignal(cell.remove_requested) as removed:
        cell.menu.actions()[3].trigger()
    assert removed.args == [2, "b.png"]
