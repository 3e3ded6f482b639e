"""Löften: record and follow up the medborgarlöften of a municipality and its local police."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("loften")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
