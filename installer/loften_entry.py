"""The bundle's entry point: the same `main` as the `loften` console script.

Hooks for the installer tests and the start-up measurement, read only when set; each writes one
line to standard output (in its encoding: the ANSI code page on Windows) and ends the process:
- LOFTEN_EXIT_AT_FIRST_PAINT=1: "first-paint SECONDS TITLE" (SECONDS since the process started)
  when the main window first paints, then exit status 0.
- LOFTEN_EXIT_AFTER_REPORT=1: once the database is open, make the report chosen on Rapporter
  (the quarterly report) as a user clicking "Skapa rapport" would, and when the report viewer
  shows it, "report-shown PAGES TITLE" and exit status 0; "report-failed MESSAGE" and status 1
  when it fails or is not shown within LOFTEN_HOOK_TIMEOUT seconds (default 240).
- LOFTEN_HOOK_SCREENSHOT=FILE.png: with the report hook, the window is saved there first.
"""

from __future__ import annotations

import os
import sys
import time


def _process_age() -> float:
    """Seconds since this process started, so the bootloader's work counts too."""
    if sys.platform == "win32":
        return _windows_process_age()
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):  # no Linux /proc
        return time.perf_counter()


def _windows_process_age() -> float:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    created, ended, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
    if not kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(created),
        ctypes.byref(ended),
        ctypes.byref(kernel),
        ctypes.byref(user),
    ):
        return time.perf_counter()
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

    def ticks(value: wintypes.FILETIME) -> int:  # 100 ns since 1601
        return (value.dwHighDateTime << 32) | value.dwLowDateTime

    return (ticks(now) - ticks(created)) / 1e7


def _say_and_exit(line: str, status: int) -> None:
    # No Python clean-up: the test reads this line and the process ends. (A Windows program
    # without a console, loftenw.exe, has no standard output at all.)
    if sys.stdout is not None:
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        print(line, flush=True)
    os._exit(status)


def _install_hooks(report: bool) -> None:
    # `ui.app.run` takes the QApplication that already exists, so the hooks can watch it.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
            if self.seen or event.type() != QEvent.Type.Paint:
                return False
            if not isinstance(watched, QMainWindow):
                return False
            self.seen = True
            if not report:
                _say_and_exit(f"first-paint {_process_age():.4f} {watched.windowTitle()}", 0)
            ReportThenExit(watched, self)
            return False

    class ReportThenExit(QObject):
        """Waits for the Rapporter page to be attached, makes its report, waits for the viewer."""

        def __init__(self, window: QMainWindow, parent: QObject) -> None:
            super().__init__(parent)
            self.window = window
            self.deadline = time.monotonic() + float(os.environ.get("LOFTEN_HOOK_TIMEOUT", "240"))
            self.page: object = None
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.poll)
            self.timer.start(250)

        def poll(self) -> None:
            from loften_app.ui.reports.page import ReportsPage

            if time.monotonic() > self.deadline:
                message = ""
                if isinstance(self.page, ReportsPage):
                    message = self.page.message_label.text()
                _say_and_exit(f"report-failed not shown in time: {message}", 1)
            if self.page is not None:
                return  # made; waiting for report_shown or report_failed
            try:
                page = self.window.page("reports")  # type: ignore[attr-defined]
            except KeyError:
                return
            if not isinstance(page, ReportsPage) or page.choice() is None or page.busy():
                return  # the database is not open yet
            self.window.show_section("reports")  # type: ignore[attr-defined]
            page.report_shown.connect(self.shown)
            page.report_failed.connect(self.failed)
            if page.make() is not None:
                self.page = page

        def shown(self, _shown: object) -> None:
            # Let the viewer paint its first page before the window is saved.
            QTimer.singleShot(1500, self.finish)

        def finish(self) -> None:
            from loften_app.ui.reports.page import ReportsPage

            assert isinstance(self.page, ReportsPage) and self.page.viewer is not None
            screenshot = os.environ.get("LOFTEN_HOOK_SCREENSHOT")
            if screenshot:
                self.window.grab().save(screenshot)
            pages = self.page.viewer.page_count()
            _say_and_exit(f"report-shown {pages} {self.page.version_banner.text()}", 0)

        def failed(self, message: str) -> None:
            _say_and_exit(f"report-failed {message}", 1)

    app = QApplication(sys.argv[:1])
    hook = FirstPaint(app)
    app.installEventFilter(hook)


if __name__ == "__main__":
    report_hook = bool(os.environ.get("LOFTEN_EXIT_AFTER_REPORT"))
    if os.environ.get("LOFTEN_EXIT_AT_FIRST_PAINT") or report_hook:
        _install_hooks(report=report_hook)
    from loften_app.__main__ import main

    sys.exit(main())
