"""Löften: record and follow up the medborgarlöften of a municipality and its local police."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for: importlib.metadata
    # costs about 20 ms, which the window's start-up should not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("loften")
        except PackageNotFoundError:  # a source tree that is not installed
            return "0.0.0"
    raise AttributeError(name)


__all__ = ["__version__"]
