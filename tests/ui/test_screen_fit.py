"""Every main screen and every record form fits the laptops people have: 1366×768 at 100, 125
and 150 % and 1920×1080 at 100 and 150 % (QT_SCALE_FACTOR, offscreen). Each size runs in its own
process; a button or an input outside what can be seen (outside the window, or cut off by its
parents, and not inside a scroll area) fails the test, and so does a record form that scrolls
sideways. The screenshots are kept in
screenshots/fit-*.png."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loften_app.ui.kinds import RECORD_SECTIONS
from tests.ui.conftest import SCREENSHOTS

CHILD = Path(__file__).with_name("screen_fit_child.py")
ROOT = Path(__file__).resolve().parents[2]

SIZES = [
    (1366, 768, 1.0),
    (1366, 768, 1.25),
    (1366, 768, 1.5),
    (1920, 1080, 1.0),
    (1920, 1080, 1.5),
]


@pytest.mark.parametrize(("width", "height", "scale"), SIZES)
def test_every_screen_fits(tmp_path: Path, width: int, height: int, scale: float) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "Laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    prefix = SCREENSHOTS / f"fit-{width}x{height}-{round(scale * 100)}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [
            sys.executable,
            str(CHILD),
            str(tmp_path / "fit.db"),
            str(tmp_path / "s.ini"),
            str(prefix),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    logical_height = round(height / scale)
    # The first start opens maximised on a screen under 900 pixels high.
    assert report["maximised"] == (logical_height < 900), report
    assert report["problems"] == []
    forms = [f"{section.section}-form" for section in RECORD_SECTIONS]
    assert "neighbourhood_watch-form" in forms
    for screen in ("overview", *forms, "reports"):
        assert Path(f"{prefix}-{screen}.png").stat().st_size > 0
