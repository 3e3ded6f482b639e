"""Run by test_screen_fit in a fresh process (QT_SCALE_FACTOR and the offscreen screen size are
read when the application starts): open the window as a first start does, show every section
and every record form, and print as JSON each control that lies outside what can be seen.

Usage: screen_fit_child.py DATABASE SETTINGS SCREENSHOT_PREFIX
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.i18n import SWEDISH, Translations
from loften_app.ui.main_window import SECTION_KEYS, MainWindow
from loften_app.ui.pages import build_pages
from loften_app.ui.section import RecordSection

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QTabBar,
)


def settle(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def scrolled(widget: QWidget) -> bool:
    """Whether the widget lies inside a scroll area's contents (reached by scrolling)."""
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def problems(window: MainWindow, screen: str) -> list[str]:
    found = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or scrolled(widget):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # their own line edits: the box itself is checked
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        shown = rect
        parent = widget.parentWidget()
        while parent is not None and parent is not window:  # what every parent lets show
            shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        cut = shown.width() < widget.width() - 2 or shown.height() < widget.height() - 2
        if not frame.contains(rect) or cut:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
            found.append(
                f"{screen}: {type(widget).__name__} '{name}' at {rect.getRect()} "
                f"(shown {shown.width()}×{shown.height()} of {widget.width()}×{widget.height()}, "
                f"window {frame.width()}×{frame.height()})"
            )
    return found


def sideways(window: MainWindow, screen: str) -> list[str]:
    """A form that scrolls sideways: the user has to scroll to reach half a form."""
    return [
        f"{screen}: {area.objectName() or type(area).__name__} scrolls sideways "
        f"({area.horizontalScrollBar().maximum()} px)"
        for area in window.findChildren(QAbstractScrollArea)
        if isinstance(area, QScrollArea)
        and area.isVisible()
        and area.horizontalScrollBar().isVisible()
    ]


def main() -> int:
    database_path, settings_path, prefix = sys.argv[1:4]
    app = QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.apply(SWEDISH)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    with open_database(Path(database_path)) as database:
        services = Services.build(database, Actor("Anna", Organisation.MUNICIPALITY))
        if services.agreements.current() is None:
            apply_template(services, "filipstad-2017-2018")
        window = MainWindow(settings=settings, database_name="fit.db")
        pages = build_pages(
            services,
            settings,
            organisation=Organisation.MUNICIPALITY,
            photo_dir=Path(database_path).parent,
            today=lambda: dt.date(2018, 6, 30),
        )
        window.attach(pages, agreement_title="Medborgarlöften Filipstad 2017–2018", user="Anna")
        window.show_fitted()  # as `loften` starts it
        settle(app)
        # The pages are built when first shown: wait for the overview's cards (its figures come
        # from the helper thread) so that they are checked and in the screenshot too.
        overview = window.page("overview")
        deadline = time.monotonic() + 60
        while getattr(overview, "data", None) is None or getattr(overview, "pending", True):
            app.processEvents()
            time.sleep(0.005)
            if time.monotonic() > deadline:
                break
        settle(app)
        available = window.screen().availableGeometry()
        report: dict[str, object] = {
            "screen": list(available.getRect()),
            "window": list(window.frameGeometry().getRect()),
            "maximised": window.isMaximized(),
            "problems": [],
        }
        found: list[str] = []
        # A scaled screen is rounded to whole pixels: one pixel over is no cut-off.
        if not available.adjusted(-1, -1, 1, 1).contains(window.frameGeometry()):
            found.append(f"window {window.frameGeometry().getRect()} on {available.getRect()}")
        for key in SECTION_KEYS:
            window.show_section(key)
            settle(app)
            found.extend(problems(window, key))
            window.grab().save(f"{prefix}-{key}.png")
            page = window.page(key)
            if isinstance(page, RecordSection):
                page.new_record()
                settle(app)
                found.extend(problems(window, f"{key} form"))
                found.extend(sideways(window, f"{key} form"))
                window.grab().save(f"{prefix}-{key}-form.png")
                page.form.close_form()
                settle(app)
        report["problems"] = found
        print(json.dumps(report))
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
