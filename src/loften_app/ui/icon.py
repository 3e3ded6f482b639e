"""Löften's application icon (window title bar, task bar, Alt+Tab)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from loften_app.resources import resource_path

#: The rendered sizes in resources/icons/ (installer/render-icons.py makes them from the SVG).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The shield icon in every rendered size, so that Qt never has to scale a blurry one (each
    file is read when its size is first drawn: the sizes are given, not read from the files)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"loften-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
