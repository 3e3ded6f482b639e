"""PySide6 6.12.0 on Python 3.11 loses a reference to None on every Qt call that returns nothing
and aborts after a few thousand (ARCHITECTURE.md). The dependency specification forbids that
pair; these tests make sure it cannot come back unnoticed."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import PySide6
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
CALLS = 20_000


def test_many_calls_of_a_qt_method_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for index in range(CALLS):
        widget.setEnabled(index % 2 == 0)  # returns None
        widget.setToolTip("")  # returns None
    after = sys.getrefcount(None)
    # Python 3.12 made None immortal (its count no longer moves); on 3.11 the broken binding
    # would have dropped it by 2 × CALLS, long before which the interpreter aborts. Other
    # threads of the process (a helper thread still reading for an earlier test's window) move
    # the count a little meanwhile (by 105 once in a full run): a margin of CALLS / 2 tells the
    # two apart.
    assert after >= before - CALLS // 2


def allowed_pyside_versions(python: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    environment = {"python_version": python, "python_full_version": python + ".0"}
    return [
        r
        for r in requirements
        if r.name.lower().startswith("pyside6")
        and (r.marker is None or Marker(str(r.marker)).evaluate(environment))
    ]


def test_the_dependency_specification_makes_pyside_6_12_0_on_python_3_11_impossible() -> None:
    on_311 = allowed_pyside_versions("3.11")
    assert on_311, "PySide6 must be a dependency on 3.11"
    for requirement in on_311:
        assert not requirement.specifier.contains("6.12.0", prereleases=True)
    for python in ("3.12", "3.13"):
        assert any(
            r.specifier.contains("6.12.0", prereleases=True)
            for r in allowed_pyside_versions(python)
        ), f"6.12.0 is fine on {python} and should stay installable"


def test_the_installed_pair_is_not_the_broken_one() -> None:
    installed = Version(PySide6.__version__)
    if sys.version_info < (3, 12):
        assert installed.release[:3] != (6, 12, 0)
