"""The quarterly summary (`QuarterlyReport`) as a PDF."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from loften_app.domain.enums import label
from loften_app.domain.targets import format_number
from loften_app.reports.kinds import RECORD_NAMES
from loften_app.reports.pdf.base import Styles, build_pdf, para, table
from loften_app.reports.pdf.chart import chart_grid
from loften_app.reports.pdf.common import (
    PUBLIC_DRUG_NOTE,
    header_block,
    indicator_block,
    target_table,
)
from loften_app.reports.planned import planned_text, spent_of_planned
from loften_app.reports.quarterly import QuarterlyReport

__all__ = ["render_quarterly"]


def render_quarterly(report: QuarterlyReport) -> bytes:
    """The PDF of a quarterly report."""
    h = report.header
    q, ytd = report.quarter.label, "Året hittills"
    story: list[Flowable] = header_block(h)
    story.append(
        para(
            f'Målen bedöms per {report.as_of.isoformat()}. "Året hittills" är '
            f"{report.year_to_date.start.isoformat()} – {report.year_to_date.end.isoformat()}.",
            Styles.meta,
        )
    )

    story.append(para("Löftena", Styles.h1))
    for p in report.promises:
        block: list[Flowable] = [
            para(f"{p.number}. {p.short_title}", Styles.h2),
            para(f"Ansvarig: {p.responsible}", Styles.meta),
            Spacer(1, 3),
            table(
                ["Siffror", q, ytd], [list(r) for r in p.figures], [0.5, 0.25, 0.25], right=(1, 2)
            ),
        ]
        story.append(KeepTogether(block))
        story.append(Spacer(1, 4))
        if p.targets:
            story.append(target_table(p.targets, quarterly=True, quarter_label=q))
        else:
            story.append(para("Inga mål satta för löftet.", Styles.note))

    story.append(CondPageBreak(300))
    story.append(para("Aktiviteter per månad", Styles.h1))
    counted = "trygghetsvandringar: genomförda"
    if any(s.table == "drug_case" for s in report.monthly):
        counted += "; narkotikaärenden: efter datum för upptäckt"
    story.append(
        para(
            f"Antal poster per månad {report.year_to_date.start.isoformat()} – "
            f"{report.year_to_date.end.isoformat()} ({counted}).",
            Styles.meta,
        )
    )
    story.extend(chart_grid([(s.title, s.months) for s in report.monthly]))

    story.append(para(f"Trygghetsvandringar {q}", Styles.h1))
    if not report.walks:
        story.append(para("Inga trygghetsvandringar under kvartalet.", Styles.body))
    for walk in report.walks:
        details = [walk.status]
        if walk.place:
            details.append(walk.place)
        if walk.light:
            details.append(walk.light)
        if walk.participants:
            details.append(f"{walk.participants} deltagare")
        story.append(para(f"{walk.date.isoformat()}: {', '.join(details)}", Styles.h2))
        if walk.observations:
            if h.public:
                rows = [
                    [o.category, o.place, o.owner, o.deadline, o.status] for o in walk.observations
                ]
                story.append(
                    table(
                        ["Iakttagelse", "Plats", "Ansvarig", "Senast", "Status"],
                        rows,
                        [0.28, 0.2, 0.22, 0.15, 0.15],
                    )
                )
            else:
                rows = [
                    [f"{o.category}: {o.description}", o.action, o.owner, o.deadline, o.status]
                    for o in walk.observations
                ]
                story.append(
                    table(
                        ["Iakttagelse", "Åtgärd", "Ansvarig", "Senast", "Status"],
                        rows,
                        [0.33, 0.27, 0.16, 0.12, 0.12],
                    )
                )
        else:
            story.append(para("Inga iakttagelser.", Styles.note))

    if report.walk_count > len(report.walks):
        story.append(_more(report.walk_count - len(report.walks), "trygghetsvandringar"))
    story.append(para(f"Försenade åtgärder per {report.as_of.isoformat()}", Styles.h2))
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
        story.append(
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
                [0.13, 0.13, 0.18, 0.28, 0.17, 0.11],
            )
        )
        if report.overdue_count > len(report.overdue):
            story.append(_more(report.overdue_count - len(report.overdue), "försenade åtgärder"))
        if report.overdue_by_owner:
            story.append(Spacer(1, 4))
            story.append(
                KeepTogether(
                    table(
                        ["Försenade åtgärder per ansvarig", "Antal"],
                        [[owner, str(n)] for owner, n in report.overdue_by_owner],
                        [0.6, 0.4],
                        right=(1,),
                    )
                )
            )
    else:
        story.append(para("Inga försenade åtgärder.", Styles.body))

    story.append(para("Polisvolontärer", Styles.h1))
    story.append(
        table(
            ["", q, ytd],
            [list(r) for r in report.volunteers.lines],
            [0.5, 0.25, 0.25],
            right=(1, 2),
        )
    )

    story.append(para(f"Narkotikaärenden {q}", Styles.h1))
    d = report.drugs
    if h.public:
        story.append(para(PUBLIC_DRUG_NOTE, Styles.body))
    else:
        story.append(table(["", q], [list(r) for r in d.lines], [0.6, 0.4], right=(1,)))
        story.append(Spacer(1, 6))
        story.append(
            KeepTogether(
                [
                    table(
                        ["Åldersgrupp", "Ärenden"],
                        [list(r) for r in d.age_lines],
                        [0.6, 0.4],
                        right=(1,),
                    ),
                    Spacer(1, 6),
                    table(
                        ["Typ av ärende", "Ärenden"],
                        [list(r) for r in d.kind_lines],
                        [0.6, 0.4],
                        right=(1,),
                    ),
                ]
            )
        )
    if d.open_cases:
        story.append(para("Ärenden utan kommunal kontakt", Styles.h2))
        story.append(
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
                [0.3, 0.3, 0.4],
            )
        )
        if d.open_count > len(d.open_cases):
            story.append(_more(d.open_count - len(d.open_cases), "ärenden utan kommunal kontakt"))

    story.extend(_others(report))
    if not h.public:
        story.extend(_cases_and_notes(report))

    story.append(CondPageBreak(150))
    story.append(para("Indikatorer", Styles.h1))
    story.extend(indicator_block(report.indicators))

    story.append(CondPageBreak(160))
    story.append(para("Nedlagd tid mot planerad tid", Styles.h1))
    story.append(
        para(
            "Planerad tid är timmar per år för löftet (Register, Löften), räknad för kvartalet "
            "och året hittills efter antal dagar.",
            Styles.meta,
        )
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
    story.append(
        table(
            ["Löfte", q, ytd, "Planerat hittills", "Andel", "Planerat per år"],
            rows,
            [0.34, 0.12, 0.13, 0.15, 0.11, 0.15],
            right=(1, 2, 3, 4, 5),
        )
    )

    return build_pdf(
        story,
        title=f"{h.document_title} {report.quarter.label}",
        author=h.made_by,
        subject=f"{h.document_title} {report.quarter.label}: {h.agreement_title}",
        footer=f"{h.agreement_title} · {h.document_title} {report.quarter.label}",
    )


def _others(report: QuarterlyReport) -> list[Flowable]:
    """Other activities of the quarter (any promise): what was done, where, how many, hours."""
    if not report.others:
        return []
    q = report.quarter.label
    story: list[Flowable] = [para(f"Övriga aktiviteter {q}", Styles.h1)]
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
        widths = [0.16, 0.1, 0.44, 0.15, 0.15]
        right: tuple[int, ...] = (3, 4)
    else:
        header = ["Datum", "Löfte", "Vad", "Plats", "Antal", "Timmar"]
        widths = [0.13, 0.08, 0.39, 0.2, 0.1, 0.1]
        right = (4, 5)
    story.append(table(header, rows, widths, right=right))
    if report.other_count > len(report.others):
        story.append(_more(report.other_count - len(report.others), "aktiviteter"))
    return story


_TABLE_NAMES = RECORD_NAMES


def _cases_and_notes(report: QuarterlyReport) -> list[Flowable]:
    """Internal only: the quarter's drug cases by code and every record's notes."""
    q = report.quarter.label
    story: list[Flowable] = []
    if report.cases:
        story.append(para(f"Narkotikaärenden {q} per ärende", Styles.h2))
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
        story.append(
            table(
                ["Ärende", "Upptäckt", "Ålder", "Typ", "Underrättad", "Kontakt", "Status"],
                rows,
                [0.14, 0.13, 0.14, 0.17, 0.14, 0.14, 0.14],
            )
        )
        if report.drugs.cases > len(report.cases):
            story.append(_more(report.drugs.cases - len(report.cases), "ärenden"))
    story.append(para(f"Anteckningar {q}", Styles.h1))
    if not report.notes:
        story.append(para("Inga anteckningar under kvartalet.", Styles.body))
        return story
    rows = [
        [
            n.date.isoformat(),
            _TABLE_NAMES.get(n.table, n.table) + (f" {n.case_code}" if n.case_code else ""),
            str(n.promise_number),
            n.text,
        ]
        for n in report.notes
    ]
    story.append(table(["Datum", "Post", "Löfte", "Anteckning"], rows, [0.13, 0.2, 0.08, 0.59]))
    if report.note_count > len(report.notes):
        story.append(_more(report.note_count - len(report.notes), "anteckningar"))
    return story


def _more(n: int, what: str) -> Flowable:
    return para(
        f"Ytterligare {n} {what} visas inte här; alla finns i exporten (Excel/CSV).", Styles.note
    )
