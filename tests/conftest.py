"""Shared fixtures. Qt runs offscreen; every test gets its own real SQLite file."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `slow` first (in their order): with several workers (scripts/test.sh runs
    pytest-xdist) the installer build then overlaps the rest of the suite instead of ending it."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
