"""Quality gates that run with the test suite: layering, lint and types."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_import_contracts_hold() -> None:
    """domain, storage, reports and the CLI never import Qt; the layers only import downwards."""
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_lint_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_passes_strict_for_domain_and_storage() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_whole_file_is_put_in_place_by_atomic_path() -> None:
    """One routine renames a finished temporary file over its target, with fsync of the file
    and its folder (`storage.files.atomic_path`); no writer does it by hand."""
    package = ROOT / "src" / "loften_app"
    hand_written = re.compile(r"os\.(replace|rename)\(|\.rename\(|NamedTemporaryFile|mkstemp\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path != package / "storage" / "files.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hand_written.search(line)
    ]
    assert found == []
