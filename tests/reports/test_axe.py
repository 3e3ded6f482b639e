"""The public HTML reports checked with axe-core in headless Chromium: zero violations of the
WCAG 2.0/2.1 A and AA rules. Needs Debian's `chromium` and axe-core from npm (`npm install
axe-core` in the checkout, or LOFTEN_AXE=/path/to/axe.min.js); skipped when either is missing."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from loften_app.reports.documents import ReportFormat, ReportKind, ReportRequest, write_report
from loften_app.storage.services import Services
from tests.reports.report_data import AFTER, Q3, TODAY

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("LOFTEN_AXE", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
RUNNER = """<script>%s</script><script>
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
  .then(function (r) {
    var pre = document.createElement("pre");
    pre.id = "axe-result";
    pre.textContent = JSON.stringify({
      violations: r.violations.map(function (v) { return [v.id, v.help, v.nodes.length]; }),
      passes: r.passes.map(function (v) { return v.id; })
    });
    document.body.appendChild(pre);
  });
</script></body>"""

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not AXE.exists(), reason="needs chromium and axe-core (npm)"
)


@pytest.mark.parametrize("kind", [ReportKind.FOLLOW_UP, ReportKind.QUARTERLY])
def test_axe_finds_no_wcag_violation(
    demo_services: Services, tmp_path: Path, kind: ReportKind
) -> None:
    assert CHROMIUM is not None
    today, q = (AFTER, None) if kind is ReportKind.FOLLOW_UP else (TODAY, Q3)
    out = tmp_path / "rapport.html"
    request = ReportRequest(kind, public=True, quarter=q, format=ReportFormat.HTML)
    write_report(demo_services, request, out, made_by="Anna", today=today)
    checked = tmp_path / "checked.html"
    page = out.read_text(encoding="utf-8")
    checked.write_text(
        page.replace("</body>", RUNNER % AXE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=20000",
            "--dump-dom",
            checked.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    ).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    result = json.loads(html.unescape(found.group(1)))
    assert result["violations"] == []
    assert {"html-has-lang", "document-title", "color-contrast"} <= set(result["passes"])
