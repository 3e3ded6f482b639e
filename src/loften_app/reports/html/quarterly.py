"""The quarterly summary (`QuarterlyReport`) as an accessible HTML page, mirroring the PDF;
the monthly charts are inline SVG, each with its numbers as a table."""

from __future__ import annotations

from loften_app.domain.enums import label
from loften_app.domain.targets import format_number
from loften_app.reports.html.common import DRUG_NOTE, header_block, indicator_block, target_table
from loften_app.reports.html.markup import Html, Writer, bar_chart, page, table
from loften_app.reports.quarterly import QuarterlyReport

__all__ = ["render_quarterly_html", "write_quarterly"]


def render_quarterly_html(report: QuarterlyReport, *, fragment: bool = False) -> str:
    """The quarterly report as one self-contained HTML page (or, `fragment`, its content)."""
    doc = Html()
    write_quarterly(doc, report)
    h = report.header
    title = f"{h.document_title} {report.quarter.label}: {h.agreement_title}"
    return page(title, str(doc), fragment=fragment)


def write_quarterly(doc: Writer, report: QuarterlyReport) -> None:
    """The quarterly report's content, as the PDF has it, written to `doc` (HTML or Word)."""
    h = report.header
    q, ytd = report.quarter.label, "Året hittills"
    ytd_text = f"{report.year_to_date.start.isoformat()} – {report.year_to_date.end.isoformat()}"
    header_block(doc, h)
    doc.para(f'Målen bedöms per {report.as_of.isoformat()}. "Året hittills" är {ytd_text}.', "meta")

    doc.heading(2, "Löftena")
    for p in report.promises:
        doc.heading(3, f"{p.number}. {p.short_title}")
        doc.para(f"Ansvarig: {p.responsible}", "meta")
        doc.add(
            table(
                ["Siffror", q, ytd],
                [list(r) for r in p.figures],
                caption=f"Siffror för löfte {p.number}",
                numbers=(1, 2),
            )
        )
        if p.targets:
            doc.add(
                target_table(
                    p.targets, caption=f"Mål för löfte {p.number}", quarterly=True, quarter_label=q
                )
            )
        else:
            doc.para("Inga mål satta för löftet.", "note")

    doc.heading(2, "Aktiviteter per månad")
    what = (
        f"Antal poster per månad {ytd_text} (trygghetsvandringar: genomförda; "
        "narkotikaärenden: efter datum för upptäckt)."
    )
    doc.para(what, "meta")
    for i, series in enumerate(report.monthly, start=1):
        doc.add(
            bar_chart(
                f"chart-{i}",
                f"{series.title} per månad",
                f"Stapeldiagram: antal per månad {ytd_text}.",
                series.months,
                "Antal",
            )
        )

    doc.heading(2, f"Trygghetsvandringar {q}")
    if not report.walks:
        doc.para("Inga trygghetsvandringar under kvartalet.")
    for walk in report.walks:
        details = [walk.status]
        if walk.place:
            details.append(walk.place)
        if walk.light:
            details.append(walk.light)
        if walk.participants:
            details.append(f"{walk.participants} deltagare")
        title = f"{walk.date.isoformat()}: {', '.join(details)}"
        doc.heading(3, title)
        if not walk.observations:
            doc.para("Inga iakttagelser.", "note")
        elif h.public:
            doc.add(
                table(
                    ["Iakttagelse", "Plats", "Ansvarig", "Senast", "Status"],
                    [
                        [o.category, o.place, o.owner, o.deadline, o.status]
                        for o in walk.observations
                    ],
                    caption=f"Iakttagelser {walk.date.isoformat()}",
                )
            )
        else:
            doc.add(
                table(
                    ["Iakttagelse", "Åtgärd", "Ansvarig", "Senast", "Status"],
                    [
                        [f"{o.category}: {o.description}", o.action, o.owner, o.deadline, o.status]
                        for o in walk.observations
                    ],
                    caption=f"Iakttagelser {walk.date.isoformat()}",
                )
            )
    if report.walk_count > len(report.walks):
        doc.para(_more(report.walk_count - len(report.walks), "trygghetsvandringar"), "note")

    doc.heading(3, f"Försenade åtgärder per {report.as_of.isoformat()}")
    if report.overdue:
        rows = [
            [
                a.deadline.isoformat(),
                a.walk_date.isoformat(),
                a.place,
                label(a.category) if h.public else f"{label(a.category)}: {a.what}",
                label(a.owner) + ("" if h.public or not a.owner_detail else f" ({a.owner_detail})"),
                label(a.status),
            ]
            for a in report.overdue
        ]
        doc.add(
            table(
                [
                    "Senast",
                    "Vandring",
                    "Plats",
                    "Kategori" if h.public else "Åtgärd",
                    "Ansvarig",
                    "Status",
                ],
                rows,
                caption="Försenade åtgärder",
            )
        )
        if report.overdue_count > len(report.overdue):
            doc.para(
                _more(report.overdue_count - len(report.overdue), "försenade åtgärder"), "note"
            )
    else:
        doc.para("Inga försenade åtgärder.")

    doc.heading(2, "Polisvolontärer")
    doc.add(
        table(
            ["", q, ytd],
            [list(r) for r in report.volunteers.lines],
            caption="Polisvolontärer",
            numbers=(1, 2),
        )
    )

    doc.heading(2, f"Narkotikaärenden {q}")
    d = report.drugs
    doc.add(table(["", q], [list(r) for r in d.lines], caption="Narkotikaärenden", numbers=(1,)))
    doc.add(
        table(
            ["Åldersgrupp", "Ärenden"],
            [list(r) for r in d.age_lines],
            caption="Narkotikaärenden per åldersgrupp",
            numbers=(1,),
        )
    )
    doc.add(
        table(
            ["Typ av ärende", "Ärenden"],
            [list(r) for r in d.kind_lines],
            caption="Narkotikaärenden per typ",
            numbers=(1,),
        )
    )
    if h.public:
        doc.para(DRUG_NOTE, "note")
    elif d.open_cases:
        doc.heading(3, "Ärenden utan kommunal kontakt")
        doc.add(
            table(
                ["Ärende", "Upptäckt", "Kommunen underrättad"],
                [
                    [
                        c.case_code,
                        c.detected_on.isoformat(),
                        "" if c.notified_on is None else c.notified_on.isoformat(),
                    ]
                    for c in d.open_cases
                ],
                caption="Ärenden utan kommunal kontakt",
            )
        )

    doc.heading(2, "Indikatorer")
    indicator_block(doc, report.indicators, level=3)

    doc.heading(2, "Nedlagd tid per löfte")
    rows = [[name, f"{format_number(a)} h", f"{format_number(b)} h"] for name, a, b in report.hours]
    total_q = sum(a for _, a, _ in report.hours)
    total_y = sum(b for _, _, b in report.hours)
    rows.append(["Totalt", f"{format_number(total_q)} h", f"{format_number(total_y)} h"])
    doc.add(table(["Löfte", q, ytd], rows, caption="Nedlagd tid per löfte", numbers=(1, 2)))


def _more(n: int, what: str) -> str:
    return f"Ytterligare {n} {what} visas inte här; alla finns i exporten (Excel/CSV)."
