"""A report imports only the renderer it writes (issue 20: `report quarterly` at real size near
`import sqlalchemy.orm`). Each case runs a real `python -m loften_app` process and reads, at
exit, which modules it imported; no timing is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

#: Runs the command line, then prints the name of every module imported.
PROBE = """
import sys
from loften_app.__main__ import main
code = main(sys.argv[1:])
print("MODULES", " ".join(sorted(sys.modules)))
raise SystemExit(code)
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "LOFTEN_USER": "Test"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "loften.db"
    made = run_cli("demo-data", "--db", str(path), "--year", "2018")
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_a_quarterly_report_imports_only_its_own_renderer(
    tmp_path: Path, demo_file: Path, fmt: str
) -> None:
    out = tmp_path / f"q.{fmt}"
    modules = imported(
        tmp_path,
        "--db",
        str(demo_file),
        "report",
        "quarterly",
        "--quarter",
        "2018-Q3",
        "--format",
        fmt,
        "--out",
        str(out),
    )
    assert out.exists()
    tops = {name.split(".")[0] for name in modules}
    assert tops & {"alembic", "mako", "openpyxl", "docx", "lxml", "PySide6"} == set()
    # The follow-up's figures and renderers are another report's.
    assert not {"loften_app.reports.follow_up", "loften_app.reports.pdf.follow_up"} & modules
    assert ("reportlab" in tops) is (fmt == "pdf")
