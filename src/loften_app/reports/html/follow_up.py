"""The follow-up (`FollowUpReport`) as an accessible HTML page: the public PDF's content, from
the same computed report, with one heading per promise."""

from __future__ import annotations

from loften_app.domain.targets import format_number
from loften_app.reports.follow_up import FollowUpPromise, FollowUpReport
from loften_app.reports.html.common import (
    PUBLIC_DRUG_NOTE,
    header_block,
    indicator_block,
    target_table,
)
from loften_app.reports.html.markup import Html, Table, Writer, page, table
from loften_app.reports.planned import planned_text, spent_of_planned

__all__ = ["render_follow_up_html", "write_follow_up"]


def render_follow_up_html(report: FollowUpReport, *, fragment: bool = False) -> str:
    """The follow-up as one self-contained HTML page (or, `fragment`, its content only)."""
    doc = Html()
    write_follow_up(doc, report)
    h = report.header
    return page(f"{h.document_title}: {h.agreement_title}", str(doc), fragment=fragment)


def write_follow_up(doc: Writer, report: FollowUpReport) -> None:
    """The follow-up's content, as the PDF has it, written to `doc` (HTML or Word)."""
    h = report.header
    header_block(doc, h)
    if report.as_of < h.period.end:
        doc.para(
            f"Perioden är inte slut: resultaten gäller till och med {report.as_of.isoformat()}.",
            "meta",
        )
    for p in report.promises:
        name = f"Löfte {p.number}: {p.short_title}"
        doc.begin_section()
        doc.heading(2, name)
        doc.quote(p.text)
        doc.para(f"Ansvarig: {p.responsible}")
        if p.responsibility_note:
            doc.para(p.responsibility_note, "note")
        doc.heading(3, "Mål och resultat")
        if p.targets:
            doc.add(target_table(p.targets, caption=f"Mål för löfte {p.number}", quarterly=False))
        else:
            doc.para("Inga mål satta för löftet.", "note")
        doc.add(_figure_table(p))
        if p.previous is not None:
            prev = p.previous
            title = (
                f"Föregående överenskommelse: {prev.agreement_title} ({prev.period_text}), "
                f"löfte {prev.number}"
            )
            doc.heading(3, title)
            rows = [[t.description, t.actual_text, t.status_text] for t in prev.targets]
            rows += [[label, value, ""] for label, value in prev.figure_lines]
            doc.add(
                table(
                    ["Mål och resultat då", "Utfall", "Status"],
                    rows,
                    caption=f"Löfte {prev.number} i {prev.agreement_title}",
                    numbers=(1,),
                )
            )
        if p.public_comment:
            doc.heading(3, "Kommentar")
            doc.para(p.public_comment)
        if p.internal_comment:
            doc.heading(3, "Intern kommentar")
            doc.para(p.internal_comment)
        if p.drug_table is not None:
            doc.add(
                table(
                    ["Åldersgrupp", "Ärenden"],
                    [[name, cell.text] for name, cell in p.drug_table.ages],
                    caption=f"Narkotikaärenden per åldersgrupp, löfte {p.number}",
                    numbers=(1,),
                )
            )
            doc.add(
                table(
                    ["Typ av ärende", "Ärenden"],
                    [[name, cell.text] for name, cell in p.drug_table.kinds],
                    caption=f"Narkotikaärenden per typ, löfte {p.number}",
                    numbers=(1,),
                )
            )
        if h.public and p.type.value == "drugs":
            doc.para(PUBLIC_DRUG_NOTE, "note")
        doc.end_section()
    _time_block(doc, report)
    doc.heading(2, "Indikatorer")
    indicator_block(doc, report.indicators, level=3)
    if report.publication:
        doc.para(f"Uppföljningen publiceras: {report.publication}", "meta")


def _figure_table(p: FollowUpPromise) -> Table:
    """What was done: a column per year of the agreement and one for the whole period."""
    caption = f"Genomfört inom löfte {p.number}"
    if not p.figure_table:
        rows = [list(r) for r in p.figure_lines]
        return table(["Genomfört", "Hela perioden"], rows, caption=caption, numbers=(1,))
    years = len(p.year_labels)
    rows = [[name, *by_year, total] for name, by_year, total in p.figure_table]
    return table(
        ["Genomfört", *p.year_labels, "Hela perioden"],
        rows,
        caption=caption,
        numbers=tuple(range(1, years + 2)),
    )


def _time_block(doc: Writer, report: FollowUpReport) -> None:
    """Planned against spent time per promise and year, as the PDF has it."""
    years = next((p.year_labels for p in report.promises if p.year_labels), ())
    doc.heading(2, "Nedlagd tid mot planerad tid")
    doc.para(
        "Nedlagda timmar (planering, genomförande och uppföljning) mot planerade timmar per "
        "år för varje löfte.",
        "meta",
    )
    rows: list[list[str]] = []
    for p in report.promises:
        spent = sum(p.spent_by_year) if p.spent_by_year else 0.0
        by_year = [
            f"{format_number(s)} / {planned_text(pl)}"
            for s, pl in zip(p.spent_by_year, p.planned_by_year, strict=True)
        ]
        if len(by_year) != len(years):
            by_year = ["–"] * len(years)
        rows.append(
            [
                f"{p.number}. {p.short_title}",
                *by_year,
                f"{format_number(spent)} / {planned_text(p.planned_total)}",
                spent_of_planned(spent, p.planned_total),
            ]
        )
    doc.add(
        table(
            ["Löfte (nedlagt / planerat)", *years, "Hela perioden", "Andel"],
            rows,
            caption="Nedlagd tid mot planerad tid per löfte",
            numbers=tuple(range(1, len(years) + 3)),
        )
    )
