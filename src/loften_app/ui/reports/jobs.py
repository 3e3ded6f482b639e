"""What the reports page hands to the helper thread, and copying a report whole.

`make_report` runs on the background helper (`ui.background.Background`): it imports the report
modules (ReportLab) there, off the UI thread. `ProgressRelay` carries the progress it reports
back to the UI thread.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period
from loften_app.storage.files import atomic_path
from loften_app.storage.services import Services
from loften_app.ui.reports.choices import Choice


def _tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in words a user understands (Swedish when we know it)."""
    reasons = {
        errno.ENOSPC: _tr("disken är full"),
        errno.EACCES: _tr("du saknar behörighet"),
        errno.EPERM: _tr("du saknar behörighet"),
        errno.ENOENT: _tr("mappen finns inte"),
        errno.ENOTDIR: _tr("en del av sökvägen är inte en mapp"),
        errno.EROFS: _tr("platsen är skrivskyddad"),
        errno.EISDIR: _tr("det finns redan en mapp med det namnet"),
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


class ProgressRelay(QObject):
    """Lives on the UI thread. `report` is called on the helper thread; the signal reaches the
    page through a queued connection."""

    changed = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.changed.emit(done, total)


@dataclass(frozen=True)
class ShownReport:
    """The report in the viewer: its file and what was chosen to make it."""

    path: Path
    choice: Choice
    file_name: str
    #: The agreement period it was made for.
    agreement: Period | None = None


def make_report(
    services: Services,
    choice: Choice,
    out: Path,
    file_name: str,
    *,
    made_by: str,
    today: dt.date,
    progress: Callable[[int, int], None],
    agreement: Period | None = None,
) -> ShownReport:
    """Runs on the helper thread: the report `choice` asks for, written to `out`."""
    # ReportLab loads on the helper thread, with the first report.
    from loften_app.reports.documents import (  # noqa: PLC0415
        ReportKind,
        ReportRequest,
        write_report,
    )

    try:
        out.parent.mkdir(mode=0o700)
    except OSError as error:
        raise LoftenError(
            _tr("Rapporten kan inte skrivas i den tillfälliga mappen %1: %2.")
            .replace("%1", str(out.parent))
            .replace("%2", os_reason(error))
        ) from error
    request = ReportRequest(
        kind=ReportKind(choice.kind),
        public=choice.public,
        quarter=choice.quarter,
        agreement=choice.agreement,
    )
    written = write_report(services, request, out, made_by=made_by, today=today, progress=progress)
    os.chmod(written, 0o600)  # a temporary copy: readable by its owner only, public or not
    return ShownReport(written, choice, file_name, agreement)


def save_report_as(
    services: Services,
    choice: Choice,
    target: Path,
    file_format: str,
    *,
    made_by: str,
    today: dt.date,
    progress: Callable[[int, int], None],
) -> Path:
    """Runs on the helper thread: the report `choice` asks for as `file_format` ("html": the
    accessible web page, "docx": Word), written whole to `target` (internal: owner-only)."""
    from loften_app.reports.documents import (  # noqa: PLC0415 -- ReportLab, python-docx
        ReportFormat,
        ReportKind,
        ReportRequest,
        write_report,
    )

    request = ReportRequest(
        kind=ReportKind(choice.kind),
        public=choice.public,
        quarter=choice.quarter,
        format=ReportFormat(file_format),
        agreement=choice.agreement,
    )
    return write_report(services, request, target, made_by=made_by, today=today, progress=progress)


def copy_whole(source: Path, target: Path, *, private: bool = True) -> None:
    """Copy `source` to `target` whole or not at all (a temporary file beside it, then rename).
    A `private` copy (an internal report) is readable by its owner only; a public one as the
    user's umask allows."""
    with atomic_path(target, private=private) as temporary:
        shutil.copyfile(source, temporary)
