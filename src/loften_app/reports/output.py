"""Writing output files whole or not at all, with clear Swedish messages when it cannot be done."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from loften_app.domain.errors import LoftenError

__all__ = ["check_writable_folder", "write_atomically", "writing_atomically"]


def check_writable_folder(folder: Path) -> None:
    """Raise `LoftenError` unless `folder` is an existing folder we may write in."""
    if not folder.exists():
        raise LoftenError(f"Mappen {folder} finns inte. Välj en befintlig mapp.")
    if not folder.is_dir():
        raise LoftenError(f"{folder} är inte en mapp.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LoftenError(f"Du får inte skriva i mappen {folder}. Välj en annan mapp.")


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise LoftenError(f"{out} är en mapp. Ange ett filnamn, t.ex. {out / 'rapport.pdf'}.")
    check_writable_folder(out.parent if str(out.parent) else Path("."))
    if out.exists() and not os.access(out, os.W_OK):
        raise LoftenError(f"Filen {out} är skrivskyddad. Välj ett annat filnamn.")


@contextlib.contextmanager
def writing_atomically(out: Path, *, private: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write; on success it replaces `out`, on any error it is removed.

    `private`: the file is readable by its owner only (internal reports and exports hold
    sensitive data); otherwise it gets the usual permissions (umask).
    """
    _check_target(out)
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise LoftenError(f"Kan inte skapa en fil i {folder}: {error.strerror}.") from error
    temp_path = Path(temporary)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_path, 0o666 & ~umask)
        os.replace(temp_path, out)
    except OSError as error:
        temp_path.unlink(missing_ok=True)
        raise LoftenError(f"Kan inte skriva {out}: {error.strerror or error}.") from error
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise


def write_atomically(
    out: Path, content: bytes | Callable[[BinaryIO], None], *, private: bool = True
) -> None:
    """Write `content` (bytes, or a function writing to a binary stream) to `out` atomically."""
    with writing_atomically(out, private=private) as stream:
        if isinstance(content, bytes):
            stream.write(content)
        else:
            content(stream)
