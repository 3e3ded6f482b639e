"""Photos of safety-walk observations.

A chosen image is copied into the application's photo folder under a new, unique name (a UUID
and the original suffix); the record stores only that file name, never a path, so that records
and photos move together with the data folder and a record never points outside it.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from loften_app.domain.errors import LoftenError
from loften_app.domain.personnummer import contains_identity_number
from loften_app.storage.files import atomic_path, private_folder
from loften_app.ui.errors import error_message

#: Suffixes offered in the file dialog (lower case); other files are refused.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff")

_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("photos", text)


class PhotoError(LoftenError):
    """A photo could not be attached; `message` says why in words for the user."""


def image_filter() -> str:
    """The name filter of the file dialog: the image files that can be attached."""
    patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
    return _tr("Bilder (%1)").replace("%1", patterns)


def new_photo_name(suffix: str) -> str:
    """A unique file name with `suffix` (lower case); never anything that looks like a
    personnummer, which every text of a record is checked for."""
    suffix = suffix.lower()
    if not _SAFE_SUFFIX.fullmatch(suffix):
        suffix = ""
    while True:
        name = uuid.uuid4().hex + suffix
        if not contains_identity_number(name):
            return name


def is_photo_name(name: str) -> bool:
    """Whether `name` is a bare file name (no folder, no way out of the photo folder)."""
    return bool(name) and name not in {".", ".."} and Path(name).name == name and "\\" not in name


def photo_path(photo_dir: Path, name: str) -> Path:
    """The file of a stored photo name; raises `PhotoError` for a name that is not bare."""
    if not is_photo_name(name):
        raise PhotoError(_tr("Fotots namn %1 är inte ett filnamn.").replace("%1", repr(name)))
    return photo_dir / name


def copy_photo(source: Path, photo_dir: Path) -> str:
    """Copy the image `source` into `photo_dir` under a new name and return that name.

    Raises `PhotoError` when the file is not a readable image or cannot be copied.
    """
    if source.suffix.lower() not in IMAGE_SUFFIXES or not QImageReader(str(source)).canRead():
        raise PhotoError(
            _tr(
                "Filen %1 kan inte läsas som en bild. Välj en bild i formatet JPEG eller PNG."
            ).replace("%1", source.name)
        )
    target = photo_dir / new_photo_name(source.suffix)
    try:
        private_folder(photo_dir, own=True)
        with atomic_path(target) as temporary:
            shutil.copyfile(source, temporary)
    except OSError as error:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise PhotoError(
            _tr("Fotot %1 kunde inte kopieras till fotomappen %2: %3")
            .replace("%1", source.name)
            .replace("%2", str(photo_dir))
            .replace("%3", error.strerror or str(error))
        ) from error
    return target.name


def delete_photos(photo_dir: Path, names: Iterable[str]) -> None:
    """Delete copies that no record refers to; a file that cannot be deleted is left."""
    for name in names:
        with contextlib.suppress(OSError, PhotoError):
            photo_path(photo_dir, name).unlink(missing_ok=True)


def choose_photos(parent: QWidget) -> list[Path]:
    """Ask the user for image files (none when the dialog is cancelled)."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _tr("Bifoga foto"), str(Path.home()), image_filter()
    )
    return [Path(path) for path in paths]


def copy_photos(parent: QWidget | None, paths: Sequence[Path], photo_dir: Path) -> list[str]:
    """Copy each file into `photo_dir` (see `copy_photo`); a file that cannot be copied is
    skipped with a message to the user. Returns the new names."""
    names: list[str] = []
    for path in paths:
        try:
            names.append(copy_photo(path, photo_dir))
        except PhotoError as error:
            QMessageBox.warning(parent, _tr("Kunde inte bifoga fotot"), error_message(error))
    return names


def open_photo(parent: QWidget, photo_dir: Path, name: str) -> None:
    """Show a stored photo in the system's image viewer."""
    try:
        path = photo_path(photo_dir, name)
    except PhotoError as error:
        QMessageBox.warning(parent, _tr("Kunde inte visa fotot"), error_message(error))
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def camera_icon(color: QColor) -> QIcon:
    """A small camera in `color`: the "Bifoga foto…" button of a narrow table cell."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(2, 9, 28, 19), 4, 4)
    painter.drawRect(QRectF(11, 5, 10, 5))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawEllipse(QRectF(10, 12, 12, 12))
    painter.setBrush(color)
    painter.drawEllipse(QRectF(13, 15, 6, 6))
    painter.end()
    return QIcon(pixmap)


class PhotosCell(QWidget):
    """The photos of one observation in a table cell: how many, a camera button that attaches
    more ("Bifoga foto…"), and a menu beside it to show or remove one.

    Signals:
        attach_requested(int): the button was clicked for the observation on this row.
        remove_requested(int, str): the row and the name of a photo to remove.
    """

    attach_requested = Signal(int)
    remove_requested = Signal(int, str)

    def __init__(self, photo_dir: Path) -> None:
        super().__init__()
        self.row = 0
        self._photo_dir = photo_dir
        self._photos: tuple[str, ...] = ()
        self.count = QLabel("0")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.button = QToolButton()
        self.button.setText(self.tr("Bifoga foto…"))
        self.button.setToolTip(self.button.text())
        self.button.setIcon(camera_icon(self.palette().buttonText().color()))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.clicked.connect(lambda: self.attach_requested.emit(self.row))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 2, 0)
        layout.setSpacing(4)
        layout.addWidget(self.count, 1)
        layout.addWidget(self.button)

    def show_row(self, row: int, photos: Sequence[str]) -> None:
        self.row = row
        self._photos = tuple(photos)
        self.count.setText(str(len(photos)))
        number = str(row + 1)
        self.count.setAccessibleName(self.tr("Antal foton, iakttagelse %1").replace("%1", number))
        self.button.setAccessibleName(
            self.tr("Bifoga foto till iakttagelse %1").replace("%1", number)
        )

    def _fill_menu(self) -> None:
        self.menu.clear()
        if not self._photos:
            self.menu.addAction(self.tr("Inga foton bifogade")).setEnabled(False)
        for number, name in enumerate(self._photos, start=1):
            shown = self.menu.addAction(self.tr("Visa foto %1").replace("%1", str(number)))
            shown.setToolTip(name)
            shown.triggered.connect(self._show(name))
        for number, name in enumerate(self._photos, start=1):
            removed = self.menu.addAction(self.tr("Ta bort foto %1").replace("%1", str(number)))
            removed.triggered.connect(self._remove(name))

    def _show(self, name: str) -> Callable[[], None]:
        return lambda: open_photo(self, self._photo_dir, name)

    def _remove(self, name: str) -> Callable[[], None]:
        return lambda: self.remove_requested.emit(self.row, name)
