"""A report imports only the renderer it writes (issue 20: `report quarterly` at real size near
`import sqlalchemy.orm`). Each case runs a real `python -m loften_app` process and reads, at
exit, which modules it imported; no timing is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import imported, run_cli


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
    tops, modules = imported(
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
    assert tops & {"alembic", "mako", "openpyxl", "docx", "lxml", "PySide6"} == set()
    # The follow-up's figures and renderers are another report's.
    assert not {"loften_app.reports.follow_up", "loften_app.reports.pdf.follow_up"} & modules
    assert ("reportlab" in tops) is (fmt == "pdf")
