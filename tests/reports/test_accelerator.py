"""ReportLab runs with its C accelerator (`rl_accel`, a dependency through `reportlab[accel]`):
string widths of the embedded TrueType font, PDF escaping and number formatting in C."""

from __future__ import annotations

from reportlab.lib import rl_accel


def test_reportlab_uses_its_c_accelerator() -> None:
    for name in ("fp_str", "escapePDF", "instanceStringWidthTTF", "sameFrag"):
        assert getattr(rl_accel, name).__module__ == "_rl_accel", name
