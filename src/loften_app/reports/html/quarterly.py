"""The quarterly summary (`QuarterlyReport`) as an accessible HTML page, mirroring the PDF;
the monthly charts are inline SVG, each with its numbers as a table."""

from __future__ import annotations

from loften_app.domain.enums import label
from loften_app.domain.targets import format_number
from loften_app.reports.html.common import (
    PUBLIC_DRUG_NOTE,
    header_block,
    indicator_block,
    target_table,
)
from loften_app.reports.html.markup import Html, Writer, bar_chart, page, table
from loften_app.reports.kinds import RECORD_NAMES
from loften_app.reports.planned import planned_text, spent_of_planned
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
    counted = "trygghetsvandringar: genomförda"
    if any(s.table == "drug_case" for s in report.monthly):
        counted += "; narkotikaärenden: efter datum för upptäckt"
    doc.para(f"Antal poster per månad {ytd_text} ({counted}).", "meta")
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
        if report.overdue_by_owner:
            doc.add(
                table(
                    ["Ansvarig", "Antal"],
                    [[owner, str(n)] for owner, n in report.overdue_by_owner],
                    caption="Försenade åtgärder per ansvarig",
                    numbers=(1,),
                )
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
    if h.public:
        doc.para(PUBLIC_DRUG_NOTE)
    else:
        doc.add(
            table(["", q], [list(r) for r in d.lines], caption="Narkotikaärenden", numbers=(1,))
        )
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
    if d.open_cases:
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
        if d.open_count > len(d.open_cases):
            doc.para(
                _more(d.open_count - len(d.open_cases), "ärenden utan kommunal kontakt"), "note"
            )

    _others(doc, report)
    if not h.public:
        _cases_and_notes(doc, report)

    doc.heading(2, "Indikatorer")
    indicator_block(doc, report.indicators, level=3)

    doc.heading(2, "Nedlagd tid mot planerad tid")
    doc.para(
        "Planerad tid är timmar per år för löftet (Register, Löften), räknad för kvartalet "
        "och året hittills efter antal dagar.",
        "meta",
    )
    planned = report.planned or tuple((None, None, None) for _ in report.hours)
    rows = [
        [
            name,
            f"{format_number(a)} h",
            f"{format_number(b)} h",
            planned_text(p_ytd),
            spent_of_planned(b, p_ytd),
            planned_text(p_year),
        ]
        for (name, a, b), (_, p_ytd, p_year) in zip(report.hours, planned, strict=True)
    ]
    total_q = sum(a for _, a, _ in report.hours)
    total_y = sum(b for _, _, b in report.hours)
    planned_ytd = [p for _, p, _ in planned if p is not None]
    planned_year = [p for _, _, p in planned if p is not None]
    total_planned = sum(planned_ytd) if planned_ytd else None
    rows.append(
        [
            "Totalt",
            f"{format_number(total_q)} h",
            f"{format_number(total_y)} h",
            planned_text(total_planned),
            "–" if len(planned_ytd) != len(planned) else spent_of_planned(total_y, total_planned),
            planned_text(sum(planned_year) if planned_year else None),
        ]
    )
    doc.add(
        table(
            ["Löfte", q, ytd, "Planerat hittills", "Andel", "Planerat per år"],
            rows,
            caption="Nedlagd tid mot planerad tid per löfte",
            numbers=(1, 2, 3, 4, 5),
        )
    )


def _others(doc: Writer, report: QuarterlyReport) -> None:
    """Other activities of the quarter (any promise): what was done, where, how many, hours."""
    if not report.others:
        return
    q = report.quarter.label
    doc.heading(2, f"Övriga aktiviteter {q}")
    public = report.header.public
    rows = [
        [o.date.isoformat(), str(o.promise_number)]
        + ([] if public else [o.what])
        + [
            o.place,
            "" if o.count is None else str(o.count),
            "" if o.hours is None else f"{format_number(o.hours)} h",
        ]
        for o in report.others
    ]
    if public:
        header = ["Datum", "Löfte", "Plats", "Antal", "Timmar"]
        numbers: tuple[int, ...] = (3, 4)
    else:
        header = ["Datum", "Löfte", "Vad", "Plats", "Antal", "Timmar"]
        numbers = (4, 5)
    doc.add(table(header, rows, caption=f"Övriga aktiviteter {q}", numbers=numbers))
    if report.other_count > len(report.others):
        doc.para(_more(report.other_count - len(report.others), "aktiviteter"), "note")


#: The records' names in the list of notes (as in the PDF).
_TABLE_NAMES = RECORD_NAMES


def _cases_and_notes(doc: Writer, report: QuarterlyReport) -> None:
    """Internal only: the quarter's drug cases by code and every record's notes."""
    q = report.quarter.label
    if report.cases:
        doc.heading(3, f"Narkotikaärenden {q} per ärende")
        rows = [
            [
                c.case_code,
                c.detected_on.isoformat(),
                "uppgift saknas" if c.age_group is None else label(c.age_group),
                "uppgift saknas" if c.kind is None else label(c.kind),
                "" if c.notified_on is None else c.notified_on.isoformat(),
                "" if c.first_contact_on is None else c.first_contact_on.isoformat(),
                "" if c.status is None else label(c.status),
            ]
            for c in report.cases
        ]
        doc.add(
            table(
                ["Ärende", "Upptäckt", "Ålder", "Typ", "Underrättad", "Kontakt", "Status"],
                rows,
                caption=f"Narkotikaärenden {q} per ärende",
            )
        )
        if report.drugs.cases > len(report.cases):
            doc.para(_more(report.drugs.cases - len(report.cases), "ärenden"), "note")
    doc.heading(2, f"Anteckningar {q}")
    if not report.notes:
        doc.para("Inga anteckningar under kvartalet.")
        return
    rows = [
        [
            n.date.isoformat(),
            _TABLE_NAMES.get(n.table, n.table) + (f" {n.case_code}" if n.case_code else ""),
            str(n.promise_number),
            n.text,
        ]
        for n in report.notes
    ]
    doc.add(table(["Datum", "Post", "Löfte", "Anteckning"], rows, caption=f"Anteckningar {q}"))
    if report.note_count > len(report.notes):
        doc.para(_more(report.note_count - len(report.notes), "anteckningar"), "note")


def _more(n: int, what: str) -> str:
    return f"Ytterligare {n} {what} visas inte här; alla finns i exporten (Excel/CSV)."
