"""`--user` and `LOFTEN_USER` are checked for identity numbers like any free text (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loften_app.cli import ENV_USER
from tests.cli_runner import run_cli as loften


@pytest.mark.parametrize("name", ["811218 9876", "Anna 19811218_9876", "8112\u200b18-9876"])
def test_a_user_name_holding_a_personnummer_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "k.db"
    assert loften("new", "--template", "filipstad-2017-2018", "--db", str(path)).returncode == 0
    before = path.read_bytes()
    for args, env in [
        (["demo-data", "--year", "2018", "--db", str(path), "--user", name], None),
        (["demo-data", "--year", "2018", "--db", str(path)], {ENV_USER: name}),
    ]:
        result = loften(*args, env=env)
        assert result.returncode == 1
        assert "personnummer" in result.stderr
        assert "9876" not in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_an_ordinary_name_passes(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    result = loften(
        "new", "--template", "filipstad-2017-2018", "--db", str(path), "--user", "Åsa Öberg"
    )
    assert result.returncode == 0, result.stderr
