"""Löften: record and follow up the medborgarlöften of a municipality and its local police."""

from __future__ import annotations

import os
import sys

_DIST = "loften"


def _installed_version() -> str:
    """The version in the installed metadata (`loften-X.dist-info/METADATA` on `sys.path`, the
    first one found, as `importlib.metadata` would choose). Reading that one file directly takes
    about a millisecond where importing `importlib.metadata` takes tens of them."""
    prefix = f"{_DIST}-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not (name.startswith(prefix) and name.endswith(".dist-info")):
                continue
            try:
                with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the end of the headers
            except OSError:
                continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(_DIST)
    except PackageNotFoundError:  # a source tree that is not installed
        return "0.0.0"


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for.
    if name == "__version__":
        return _installed_version()
    raise AttributeError(name)


__all__ = ["__version__"]
