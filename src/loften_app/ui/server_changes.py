"""On a shared server, a save by anyone refreshes this window's lists and overview.

The database's `ChangeListener` (storage/server/notify.py) is a connection that the server
tells of every committed change; this watches its socket with a QSocketNotifier, so nothing is
polled and no thread is started: when the socket has something to read, the notifications are
taken and the window's change hub hears that anything may have changed. A laptop's file has no
listener and nothing happens.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from loften_app.domain.errors import LoftenError
from loften_app.ui.changes import EVERYTHING, ChangeHub

log = logging.getLogger(__name__)


class ServerChanges(QObject):
    """Signals:
    changed(): someone (this window included) committed a change to the server database.
    """

    changed = Signal()

    def __init__(self, listener: Any, parent: QObject) -> None:
        super().__init__(parent)
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self.destroyed.connect(lambda *_: listener.close())

    def _read(self) -> None:
        try:
            heard = self._listener.take()
        except Exception:  # the connection broke: stop watching, the next save says why
            log.warning("server change listener stopped", exc_info=True)
            self._notifier.setEnabled(False)
            return
        if heard:
            self.changed.emit()


def follow_server_changes(
    database: Any, changes: ChangeHub, parent: QObject
) -> ServerChanges | None:
    """Tell `changes` that anything may have changed whenever anyone saves to `database`, if
    it is on a server (every list, the pickers and the overview read again); None for a file.
    The watcher lives as long as `parent`."""
    listen = getattr(database, "listen", None)
    if listen is None:
        return None
    try:
        listener = listen()
    except LoftenError:
        log.warning("cannot follow changes on the server", exc_info=True)
        return None
    watcher = ServerChanges(listener, parent)
    watcher.changed.connect(lambda: changes.notify(EVERYTHING, watcher))
    return watcher
