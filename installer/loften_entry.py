"""The bundle's entry point: the same `main` as the `loften` console script.

One hook for the installer test and the start-up measurement, read only when set:
LOFTEN_EXIT_AT_FIRST_PAINT=1 makes the window print "first-paint SECONDS TITLE" (SECONDS since
the process started, on Linux) when the main window first paints, and exit with status 0.
"""

from __future__ import annotations

import os
import sys
import time


def _process_age() -> float:
    """Seconds since this process started (from /proc, so the bootloader's work counts too)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
    except OSError:  # not Linux
        return time.perf_counter()
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _exit_at_first_paint() -> None:
    # `ui.app.run` takes the QApplication that already exists, so the hook can watch it.
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                print(f"first-paint {_process_age():.4f} {watched.windowTitle()}", flush=True)
                os._exit(0)
            return False

    app = QApplication(sys.argv[:1])
    hook = FirstPaint(app)
    app.installEventFilter(hook)


if __name__ == "__main__":
    if os.environ.get("LOFTEN_EXIT_AT_FIRST_PAINT"):
        _exit_at_first_paint()
    from loften_app.__main__ import main

    sys.exit(main())
