"""The follow-up (`FollowUpReport`) as a PDF."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from loften_app.reports.follow_up import FollowUpReport
from loften_app.reports.pdf.base import Styles, build_pdf, para, table
from loften_app.reports.pdf.common import (
    PUBLIC_DRUG_NOTE,
    header_block,
    indicator_block,
    target_table,
)

__all__ = ["render_follow_up"]


def render_follow_up(report: FollowUpReport) -> bytes:
    """The PDF of a follow-up, internal or public."""
    h = report.header
    story: list[Flowable] = header_block(h)
    if report.as_of < h.period.end:
        story.append(
            para(
                "Perioden är inte slut: resultaten gäller till och med "
                f"{report.as_of.isoformat()}.",
                Styles.meta,
            )
        )
    for p in report.promises:
        story.append(CondPageBreak(160))
        intro: list[Flowable] = [
            para(f"Löfte {p.number}: {p.short_title}", Styles.h1),
            para(p.text, Styles.quote),
            para(f"Ansvarig: {p.responsible}", Styles.body),
        ]
        if p.responsibility_note:
            intro.append(para(p.responsibility_note, Styles.note))
        story.append(KeepTogether(intro))
        story.append(para("Mål och resultat", Styles.h2))
        if p.targets:
            story.append(target_table(p.targets, quarterly=False))
        else:
            story.append(para("Inga mål satta för löftet.", Styles.note))
        story.append(Spacer(1, 4))
        story.append(
            table(
                ["Genomfört", "Hela perioden"],
                [list(r) for r in p.figure_lines],
                [0.6, 0.4],
                right=(1,),
            )
        )
        if p.public_comment:
            story.append(para("Kommentar", Styles.h2))
            story.append(para(p.public_comment, Styles.body))
        if p.internal_comment:
            story.append(para("Intern kommentar", Styles.h2))
            story.append(para(p.internal_comment, Styles.body))
        if p.drug_table is not None:
            story.append(Spacer(1, 6))
            story.append(
                KeepTogether(
                    [
                        table(
                            ["Åldersgrupp", "Ärenden"],
                            [[name, cell.text] for name, cell in p.drug_table.ages],
                            [0.6, 0.4],
                            right=(1,),
                        ),
                        Spacer(1, 6),
                        table(
                            ["Typ av ärende", "Ärenden"],
                            [[name, cell.text] for name, cell in p.drug_table.kinds],
                            [0.6, 0.4],
                            right=(1,),
                        ),
                    ]
                )
            )
        if h.public and p.type.value == "drugs":
            story.append(para(PUBLIC_DRUG_NOTE, Styles.note))
    story.append(CondPageBreak(150))
    story.append(para("Indikatorer", Styles.h1))
    story.extend(indicator_block(report.indicators))
    if report.publication:
        story.append(Spacer(1, 6))
        story.append(para(f"Uppföljningen publiceras: {report.publication}", Styles.meta))
    return build_pdf(
        story,
        title=f"{h.document_title}: {h.agreement_title}",
        author=h.made_by,
        subject=f"{h.document_title} av medborgarlöftena {h.period_text}",
        footer=f"{h.agreement_title} · {h.document_title}",
    )
