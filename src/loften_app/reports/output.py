"""Writing output files whole or not at all, with clear Swedish messages when it cannot be done."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from loften_app.domain.errors import LoftenError, error_text
from loften_app.storage.files import atomic_write, check_output_path

__all__ = ["check_writable_folder", "write_atomically", "writing_atomically"]


def check_writable_folder(folder: Path) -> None:
    """Raise `LoftenError` unless `folder` is an existing folder we may write in."""
    if not folder.exists():
        raise LoftenError(
            error_text(
                "output.folder_missing",
                "Mappen {folder} finns inte. Välj en befintlig mapp.",
                folder=folder,
            )
        )
    if not folder.is_dir():
        raise LoftenError(
            error_text("output.not_a_folder", "{folder} är inte en mapp.", folder=folder)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LoftenError(
            error_text(
                "output.not_allowed",
                "Du får inte skriva i mappen {folder}. Välj en annan mapp.",
                folder=folder,
            )
        )


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise LoftenError(
            error_text(
                "output.is_a_folder",
                "{out} är en mapp. Ange ett filnamn, t.ex. {out2}.",
                out=out,
                out2=out / "rapport.pdf",
            )
        )
    check_writable_folder(out.parent if str(out.parent) else Path("."))
    if out.exists() and not os.access(out, os.W_OK):
        raise LoftenError(
            error_text(
                "output.read_only",
                "Filen {out} är skrivskyddad. Välj ett annat filnamn.",
                out=out,
            )
        )


@contextlib.contextmanager
def writing_atomically(
    out: Path, *, private: bool = True, database: Path | None = None
) -> Iterator[BinaryIO]:
    """A binary file to write; on success it replaces `out`, on any error it is removed
    (`storage.files.atomic_write`).

    `private`: the file is readable by its owner only (internal reports and exports hold
    sensitive data); otherwise it gets the usual permissions (umask). `database`: the open
    database, which `out` may not be (nor its side files or backups).
    """
    if database is not None:
        check_output_path(out, database)
    _check_target(out)
    with atomic_write(out, private=private) as stream:
        yield stream


def write_atomically(
    out: Path,
    content: bytes | Callable[[BinaryIO], None],
    *,
    private: bool = True,
    database: Path | None = None,
) -> None:
    """Write `content` (bytes, or a function writing to a binary stream) to `out` atomically."""
    with writing_atomically(out, private=private, database=database) as stream:
        if isinstance(content, bytes):
            stream.write(content)
        else:
            content(stream)
