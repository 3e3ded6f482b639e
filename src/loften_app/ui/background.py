"""Slow work off the UI thread, through one helper thread.

`Background.run(call)` queues `call` (a plain function taking no arguments) on the application's
single helper thread and returns a `Job`, whose signals report its end on the UI thread. Calls
run one after another in the order they were given, so two calls never use the database at once
from the helper. Nothing else in the UI starts threads.

Connect a job's signals to bound methods, not to lambdas or partials that close over a widget:
the job is deleted after it is done, and a closure holding the last reference to a widget
would delete that widget in the middle of the job's own deletion (a crash). A receiver that
keeps only its newest job compares `self.sender()` with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from loften_app.domain.errors import LoftenError
from loften_app.ui.errors import error_message

__all__ = ["Background", "Job"]

_log = logging.getLogger(__name__)


class Job(QObject):
    """One queued call.

    Signals:
        succeeded(object): the call's return value.
        failed(str): a message for the user (an environment error's own message, or a general
            one for a bug, whose traceback is logged).
        done(): after either of the two.
    """

    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.result: Any = None
        self.error: str | None = None
        self.finished = False

    def _finish(self, result: Any, error: str | None) -> None:
        # Runs on the UI thread (a queued call from the helper).
        self.result, self.error, self.finished = result, error, True
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.done.emit()


class _Relay(QObject):
    """Lives on the UI thread; the helper emits `arrived`, Qt queues it to the UI thread."""

    arrived = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.arrived.connect(self._deliver)

    @staticmethod
    def _deliver(job: Job, result: Any, error: str | None) -> None:
        job._finish(result, error)


class _Task(QRunnable):
    def __init__(self, job: Job, relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._relay = relay

    def run(self) -> None:
        try:
            result, error = self._job.call(), None
        except LoftenError as exc:
            result, error = None, error_message(exc)
        except Exception:
            _log.exception("Background call failed")
            result = None
            error = QCoreApplication.translate(
                "background",
                "Ett oväntat fel inträffade. Försök igen; om felet kvarstår, kontakta supporten.",
            )
        self._relay.arrived.emit(self._job, result, error)


class Background(QObject):
    """The one helper thread of the application. Pass it to whoever has slow work."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)

    def run(self, call: Callable[[], Any]) -> Job:
        """Queue `call`; its result arrives through the returned job's signals."""
        job = Job(call, self)
        job.done.connect(job.deleteLater)
        self._pool.start(_Task(job, self._relay))
        return job

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued call has run (at shutdown and in tests)."""
        done = self._pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents()
        return bool(done)
