"""`StatusReport` as a plain aligned text table (the command line's `loften status`)."""

from __future__ import annotations

from loften_app.domain.enums import label
from loften_app.reports.tracking.engine import StatusReport

__all__ = ["render_status"]

_HEADERS = ("Mål", "Utfall", "Status", "Prognos")


def render_status(report: StatusReport) -> str:
    """Each promise (number, short title, responsible), its main figures and its targets."""
    agreement = report.agreement.data
    lines = [
        f"{agreement.title}: status för {report.period.label} (per {report.as_of.isoformat()})",
        "",
    ]
    rows = [
        (t.description, t.actual_text, t.status_text, t.forecast_text)
        for p in report.promises
        for t in p.targets
    ]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(_HEADERS)]
    for item in report.promises:
        promise = item.promise.data
        lines.append(f"{promise.number}. {promise.short_title} ({label(promise.responsible)})")
        figures = item.main_figures
        name_width = max(len(name) for name, _ in figures)
        lines.extend(f"   {name.ljust(name_width)}  {value}" for name, value in figures)
        if item.targets:
            lines.append("")
            lines.append("   " + _row(_HEADERS, widths))
            lines.append("   " + _row(tuple("-" * w for w in widths), widths))
            lines.extend(
                "   " + _row((t.description, t.actual_text, t.status_text, t.forecast_text), widths)
                for t in item.targets
            )
        else:
            lines.append("   Inga mål satta för löftet.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)]
    return "  ".join([*padded, cells[-1]]).rstrip()
