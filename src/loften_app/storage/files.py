"""Files Löften writes: whole or not at all, owner-only, never over the database.

- `atomic_path(target)`: a temporary owner-only file beside `target` to write by any means
  (SQLite's backup API, a zip writer); when the block ends it is synced and renamed over
  `target`, and the folder synced; on any error it is removed and `target` is untouched.
- `atomic_write(target)`: the same as a binary stream, with `OSError` turned into a Swedish
  `FileWriteError` (full disk, missing folder, no permission).
- `check_output_path(out, database)`: refuses an output path that is the database, one of its
  SQLite side files (-wal, -shm, -journal) or a file in its backups folder.
- `private_folder(path)`: a folder (and missing parents) made owner-only (0700).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from loften_app.domain.errors import LoftenError, error_text

__all__ = [
    "OWNER_ONLY_FILE",
    "OWNER_ONLY_FOLDER",
    "FileWriteError",
    "atomic_path",
    "atomic_write",
    "check_output_path",
    "csv_safe",
    "looks_like_formula",
    "os_reason",
    "private_folder",
    "protected_paths",
]

OWNER_ONLY_FILE = stat.S_IRUSR | stat.S_IWUSR
OWNER_ONLY_FOLDER = stat.S_IRWXU

#: SQLite's side files of a database `x.db`: `x.db-wal`, `x.db-shm`, `x.db-journal`.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_BACKUP_FOLDER = "backups"


class FileWriteError(LoftenError):
    """A file could not be written; nothing was left behind (message in Swedish)."""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in Swedish where the reason is a common one."""
    reasons = {
        errno.ENOSPC: "disken är full",
        errno.EDQUOT: "diskkvoten är slut",
        errno.EACCES: "du saknar behörighet",
        errno.EPERM: "du saknar behörighet",
        errno.ENOENT: "mappen finns inte",
        errno.ENOTDIR: "en del av sökvägen är inte en mapp",
        errno.EROFS: "platsen är skrivskyddad",
        errno.EISDIR: "det finns redan en mapp med det namnet",
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path, *, private: bool = True, exclusive: bool = False) -> Iterator[Path]:
    """A temporary file beside `target` (owner-only, empty) to write; renamed over `target` when
    the block ends without an error, removed otherwise. The file is synced before the rename
    and its folder after it, so that a crash leaves the old file or the new one, whole.
    `private=False` gives the finished file the usual permissions (umask) instead of 0600;
    `exclusive=True` never replaces a file that is there (`FileExistsError`, even when another
    process made it meanwhile). Raises `OSError` as it comes.

    Every writer that puts a whole file in place uses this (or `atomic_write`)."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, OWNER_ONLY_FILE)
        yield temporary
        # Windows flushes a file only through a handle open for writing (FlushFileBuffers).
        fd = os.open(temporary, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        if exclusive:
            os.link(temporary, target)  # fails when the name is taken, unlike a rename
            temporary.unlink()
        else:
            os.replace(temporary, target)
        _sync_folder(folder)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_write(target: Path, *, private: bool = True) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces `target` when the block ends; on any error no file
    is left and `OSError` becomes a `FileWriteError` with a Swedish message."""
    try:
        with atomic_path(target, private=private) as temporary, temporary.open("wb") as stream:
            yield stream
            stream.flush()
    except OSError as error:
        raise FileWriteError(
            error_text(
                "file.filen_kunde_inte_skrivas",
                "Filen {target} kunde inte skrivas ({os_reason}). Ingen fil skapades.",
                target=target,
                os_reason=os_reason(error),
            )
        ) from error
    except ValueError as error:  # "I/O operation on closed file" after a failed write
        if "closed file" not in str(error):
            raise
        raise FileWriteError(
            error_text(
                "file.filen_kunde_inte_skrivas_2",
                "Filen {target} kunde inte skrivas ({error}). Ingen fil skapades.",
                target=target,
                error=error,
            )
        ) from error


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """Whether a text cell would be read as a formula by Excel or LibreOffice."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value: str) -> str:
    """`value` for a CSV cell: a text a spreadsheet would read as a formula gets a leading `'`
    (shown by Excel as text, the apostrophe hidden)."""
    return "'" + value if looks_like_formula(value) else value


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def protected_paths(database: Path) -> tuple[Path, ...]:
    """The database file and its SQLite side files, resolved."""
    path = _resolved(database)
    return (path, *(path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES))


def check_output_path(out: Path, database: Path) -> None:
    """Raise `FileWriteError` if writing `out` could destroy `database`: `out` is the database,
    one of its side files, the backups folder or a file in it (links followed)."""
    target = _resolved(out)
    backups = _resolved(database).parent / _BACKUP_FOLDER
    if target in protected_paths(database):
        raise FileWriteError(
            error_text(
                "file.ar_sjalva_databasfilen_eller",
                (
                    "{out} är själva databasfilen (eller en av dess hjälpfiler) och kan inte "
                    "skrivas över. Välj ett annat filnamn. Inget har ändrats."
                ),
                out=out,
            )
        )
    if target == backups or backups in target.parents:
        raise FileWriteError(
            error_text(
                "file.ligger_i_databasens_mapp",
                (
                    "{out} ligger i databasens mapp för säkerhetskopior, som bara Löften skriver "
                    "i. Välj en annan mapp. Inget har ändrats."
                ),
                out=out,
            )
        )
    for path in protected_paths(database):
        if target.exists() and path.exists():
            with contextlib.suppress(OSError):
                if os.path.samefile(target, path):
                    raise FileWriteError(
                        error_text(
                            "file.ar_samma_fil_som",
                            (
                                "{out} är samma fil som databasen och kan inte skrivas över. "
                                "Välj ett annat filnamn. Inget har ändrats."
                            ),
                            out=out,
                        )
                    )


def private_folder(path: Path, *, own: bool = False) -> Path:
    """`path` as a folder, made with any missing parents, each new one owner-only (0700); `own`:
    the folder is Löften's own (data, photos, backups) and is set to 0700 even if it existed.
    Raises `OSError`."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=OWNER_ONLY_FOLDER)
        os.chmod(folder, OWNER_ONLY_FOLDER)
    if own and path.is_dir() and not missing:
        with contextlib.suppress(OSError):
            os.chmod(path, OWNER_ONLY_FOLDER)
    return path
