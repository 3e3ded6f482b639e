"""Run by bench_startup.py and tests/ui/test_startup.py in a fresh process: starts either Löften
(`loften`) or a bare PySide6 window (`bare`) and exits at the first paint of the main window,
printing the seconds since the process started and which heavy modules were loaded by then
(and whether the Qt namespace was touched, which makes about a hundred enum types).
`figures` starts Löften and goes on until the overview's first promise card has been painted
(the figures on screen), printing that moment too."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

HEAVY = ("sqlalchemy", "alembic", "reportlab")


def process_age() -> float:
    """Seconds since this process started (from /proc, so interpreter start-up counts too)."""
    with open("/proc/self/stat", encoding="ascii") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


class FirstPaint(QObject):
    """Watches the main window only (see `watch_main_windows`); with `figures`, then the
    overview until its first card is painted."""

    def __init__(self, figures: bool) -> None:
        super().__init__()
        self.figures = figures
        self.window: QMainWindow | None = None
        self.card: QWidget | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(1)
        self.poll.timeout.connect(self.look_for_figures)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if watched is self.card:
            print(f"figures {process_age():.4f}")
            print(f"figures-cpu {cpu_seconds():.4f}")
            loaded = [name for name in HEAVY if name in sys.modules]
            print(f"figures-heavy {','.join(loaded) or '-'}", flush=True)
            os._exit(0)
        if isinstance(watched, QMainWindow) and self.window is None:
            loaded = [name for name in HEAVY if name in sys.modules]
            if "Qt" in vars(sys.modules["PySide6.QtCore"]):
                loaded.append("QtCore.Qt")  # the namespace's enum types were made (ui.main_window)
            print(f"first-paint {process_age():.4f} heavy={','.join(loaded) or '-'}")
            print(f"cpu {cpu_seconds():.4f}", flush=True)
            if not self.figures:
                os._exit(0)
            self.window = watched
            self.hear_early_overview(watched)
            self.poll.start()
        return False

    def hear_early_overview(self, window: QMainWindow) -> None:
        """A newer Löften shows the overview with its first cards before the database is opened
        (`MainWindow.show_early`), and makes the cards in the next turn of the event loop: hear
        of that page as it is shown, so that its first card's paint is not missed."""
        original = getattr(window, "show_early", None)
        if original is None:
            return

        def show_early(key: str, page: QWidget) -> None:
            original(key, page)
            cards_shown = getattr(page, "cards_shown", None)
            if key == "overview" and cards_shown is not None:
                cards_shown.connect(lambda: self.watch_card(page))

        window.show_early = show_early  # type: ignore[attr-defined]

    def look_for_figures(self) -> None:
        """Once the overview page is there, hear when its cards arrive (before they are painted:
        the first paint of its first card is the moment looked for)."""
        page = self.window.page("overview")  # type: ignore[union-attr]
        # The cards come first (`cards_shown`), what is due beside them after; an older
        # overview has only `updated`.
        updated = getattr(page, "cards_shown", None) or getattr(page, "updated", None)
        if updated is None:
            return
        self.poll.stop()
        if getattr(page, "cards", None):  # already there (a very quick start)
            self.watch_card(page)
            return
        updated.connect(lambda: self.watch_card(page))

    def watch_card(self, page: QWidget) -> None:
        if self.card is None and page.cards:  # type: ignore[attr-defined]
            self.card = page.cards[0]  # type: ignore[attr-defined]
            self.card.installEventFilter(self)


def watch_main_windows(hook: FirstPaint) -> None:
    """Install `hook` on every QMainWindow as it is made, and on nothing else.

    An application-wide Python event filter would be handed every event of every widget; each
    object of a Qt class not seen before then makes PySide6 set up that class and its enum
    types in the middle of the start (a QListWidget cost 166 enum types and 130 ms that way),
    which the application itself, having no such filter, never pays."""
    original = QMainWindow.__init__

    def init(self: QMainWindow, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        self.installEventFilter(hook)

    QMainWindow.__init__ = init  # type: ignore[method-assign]


def main() -> None:
    started = time.perf_counter()
    app = QApplication([sys.argv[0]])
    hook = FirstPaint(figures=sys.argv[1] == "figures")
    watch_main_windows(hook)
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from loften_app.__main__ import main as loften_main

        loften_main(["--db", sys.argv[2]])
    del started


if __name__ == "__main__":
    main()
