"""The application's log file: warnings and errors, owner-only, rotating, in the data folder.

Only what went wrong and where is logged (operation, file path, exception with traceback);
never the contents of a record. `setup_logging(folder)` is called once by the window and by
the command line; `log_uncaught` is the window's last resort for an exception nobody caught.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path
from types import TracebackType

from loften_app.storage.files import OWNER_ONLY_FILE, private_folder

__all__ = ["LOG_FILE_NAME", "log_uncaught", "setup_logging"]

LOG_FILE_NAME = "loften.log"
MAX_BYTES = 1 << 20
BACKUP_COUNT = 3

log = logging.getLogger("loften_app")


class _OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose every generation is created owner-only (0600)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, OWNER_ONLY_FILE)
        return open(fd, "a", encoding=self.encoding or "utf-8")


def setup_logging(folder: Path) -> Path | None:
    """Log warnings and errors of Löften to `folder`/loften.log (rotated at 1 MB, three old
    files kept); returns the file, or None when the folder cannot be written (then the log goes
    nowhere rather than stopping the program). Calling it again with the same folder changes
    nothing."""
    path = folder / LOG_FILE_NAME
    for handler in list(log.handlers):
        if isinstance(handler, _OwnerOnlyRotatingHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)  # another data folder: the log moves with it
            handler.close()
    try:
        private_folder(folder, own=True)
        handler = _OwnerOnlyRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False
    return path


def log_uncaught(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """Write an exception nobody caught to the log, with its traceback."""
    log.error("Oväntat fel: %s", kind.__name__, exc_info=(kind, error, traceback))
