"""Which Qt libraries a bundle's binaries link against, and which of those the bundle lacks.

A PyInstaller spec that drops a Qt library (as installer/loften.spec once dropped QtPdf) leaves
the Python extension that needs it behind: the import then fails only when a user reaches that
part of the program. `objdump -p` (binutils) reads both ELF (Linux .so: NEEDED) and PE (Windows
.pyd and .dll: DLL Name) files, so one check serves both bundles.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# PySide6's own libraries, shiboken and Qt: the libraries that the bundle must carry itself.
_QT_NAME = re.compile(r"^(lib)?(qt6|pyside6|shiboken6)", re.IGNORECASE)
_NEEDED = re.compile(r"^\s*(?:NEEDED\s+|DLL Name:\s*)(\S+)\s*$", re.MULTILINE)


def linked_libraries(binary: Path) -> list[str]:
    """The libraries `binary` names as needed (ELF) or imported from (PE)."""
    dump = subprocess.run(
        ["objdump", "-p", str(binary)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return _NEEDED.findall(dump)


@dataclass(frozen=True)
class QtLinkage:
    """For each binary checked (path within the bundle): the Qt libraries it links against, and
    those of them that the bundle does not hold (names compared without case, as on Windows)."""

    links: dict[str, list[str]]
    missing: dict[str, list[str]]


# The binaries checked: shared libraries and Python extensions.
LINUX_BINARY = re.compile(r"\.so(\.[0-9]+)*$")
WINDOWS_BINARY = re.compile(r"\.(pyd|dll)$", re.IGNORECASE)


def qt_linkage(bundle: Path, binary_name: re.Pattern[str]) -> QtLinkage:
    """The Qt linkage of every file in `bundle` whose name matches `binary_name`."""
    present = {path.name.lower() for path in bundle.rglob("*") if path.is_file()}
    links: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    for binary in sorted(bundle.rglob("*")):
        if not binary.is_file() or not binary_name.search(binary.name):
            continue
        name = binary.relative_to(bundle).as_posix()
        links[name] = [lib for lib in linked_libraries(binary) if _QT_NAME.match(lib)]
        absent = [lib for lib in links[name] if lib.lower() not in present]
        if absent:
            missing[name] = absent
    return QtLinkage(links=links, missing=missing)
