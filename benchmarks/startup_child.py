"""Run by bench_startup.py and tests/ui/test_startup.py in a fresh process: starts either Löften
(`loften`) or a bare PySide6 window (`bare`) and exits at the first paint of the main window,
printing the seconds since the process started and which heavy modules were loaded by then."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = ("sqlalchemy", "alembic", "reportlab")


def process_age() -> float:
    """Seconds since this process started (from /proc, so interpreter start-up counts too)."""
    with open("/proc/self/stat", encoding="ascii") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            loaded = [name for name in HEAVY if name in sys.modules]
            print(f"first-paint {process_age():.4f} heavy={','.join(loaded) or '-'}", flush=True)
            os._exit(0)
        return False


def main() -> None:
    started = time.perf_counter()
    app = QApplication([sys.argv[0]])
    hook = FirstPaint()
    app.installEventFilter(hook)
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
