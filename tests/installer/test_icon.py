"""The application icon: every rendered size is there, for Qt, the Linux menu and Windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from loften_app.resources import resource_path
from loften_app.ui.icon import ICON_SIZES, application_icon


def test_the_window_icon_has_every_size(qapp: QApplication) -> None:
    icon = application_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)
    # Qt picks the exact file for a size it has, instead of scaling another one.
    assert icon.actualSize(QSize(16, 16)) == QSize(16, 16)
    assert icon.pixmap(QSize(48, 48)).toImage().pixelColor(24, 24).alpha() == 255


def test_the_windows_ico_holds_every_size_up_to_256(qapp: QApplication) -> None:
    ico = str(resource_path("icons", "loften.ico"))
    sizes = set()
    for index in range(QImageReader(ico).imageCount()):
        reader = QImageReader(ico)
        assert reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert sizes == set(ICON_SIZES)


def test_the_pngs_are_as_large_as_their_names_say(qapp: QApplication) -> None:
    for size in ICON_SIZES:
        path: Path = resource_path("icons", f"loften-{size}.png")
        assert QImageReader(str(path)).size() == QSize(size, size), path
