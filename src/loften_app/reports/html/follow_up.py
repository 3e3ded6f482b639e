"""The follow-up (`FollowUpReport`) as an accessible HTML page: the public PDF's content, from
the same computed report, with one heading per promise."""

from __future__ import annotations

from loften_app.reports.follow_up import FollowUpReport
from loften_app.reports.html.common import DRUG_NOTE, header_block, indicator_block, target_table
from loften_app.reports.html.markup import Html, Writer, page, table

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
        doc.add(
            table(
                ["Genomfört", "Hela perioden"],
                [list(r) for r in p.figure_lines],
                caption=f"Genomfört inom löfte {p.number}",
                numbers=(1,),
            )
        )
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
        if h.public and p.type.value == "drugs":
            doc.para(DRUG_NOTE, "note")
        doc.end_section()
    doc.heading(2, "Indikatorer")
    indicator_block(doc, report.indicators, level=3)
    if report.publication:
        doc.para(f"Uppföljningen publiceras: {report.publication}", "meta")
