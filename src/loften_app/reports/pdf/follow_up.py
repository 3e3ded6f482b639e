"""The follow-up (`FollowUpReport`) as a PDF."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from loften_app.domain.targets import format_number
from loften_app.reports.follow_up import FollowUpPromise, FollowUpReport
from loften_app.reports.pdf.base import Styles, build_pdf, para, table
from loften_app.reports.pdf.common import (
    PUBLIC_DRUG_NOTE,
    header_block,
    indicator_block,
    target_table,
)
from loften_app.reports.planned import planned_text, spent_of_planned

__all__ = ["render_follow_up"]


def _figure_table(p: FollowUpPromise) -> Flowable:
    """What was done: a column per year of the agreement and one for the whole period."""
    if not p.figure_table:
        rows = [list(r) for r in p.figure_lines]
        return table(["Genomfört", "Hela perioden"], rows, [0.6, 0.4], right=(1,))
    years = len(p.year_labels)
    first = 0.4 if years else 0.6
    rest = (1 - first) / (years + 1)
    widths = [first] + [rest] * years
    widths.append(1 - sum(widths))
    rows = [[name, *by_year, total] for name, by_year, total in p.figure_table]
    return table(
        ["Genomfört", *p.year_labels, "Hela perioden"],
        rows,
        widths,
        right=tuple(range(1, years + 2)),
    )


def _time_block(report: FollowUpReport) -> list[Flowable]:
    """Planned against spent time per promise and year (Brå's central finding)."""
    years = next((p.year_labels for p in report.promises if p.year_labels), ())
    story: list[Flowable] = [
        CondPageBreak(150),
        para("Nedlagd tid mot planerad tid", Styles.h1),
        para(
            "Nedlagda timmar (planering, genomförande och uppföljning) mot planerade timmar per "
            "år för varje löfte.",
            Styles.meta,
        ),
    ]
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
    first = 0.34
    share_width = 0.12
    rest = (1 - first - share_width) / (len(years) + 1)
    widths = [first] + [rest] * (len(years) + 1) + [share_width]
    widths[-2] = 1 - sum(widths[:-2]) - share_width
    story.append(
        table(
            ["Löfte (nedlagt / planerat)", *years, "Hela perioden", "Andel"],
            rows,
            widths,
            right=tuple(range(1, len(years) + 3)),
        )
    )
    return story


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
        story.append(_figure_table(p))
        if p.previous is not None:
            prev = p.previous
            story.append(
                para(
                    f"Föregående överenskommelse: {prev.agreement_title} ({prev.period_text}), "
                    f"löfte {prev.number}",
                    Styles.h2,
                )
            )
            rows = [[t.description, t.actual_text, t.status_text] for t in prev.targets]
            rows += [[name, value, ""] for name, value in prev.figure_lines]
            story.append(
                table(["Mål och resultat då", "Utfall", "Status"], rows, [0.55, 0.25, 0.2])
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
    story.extend(_time_block(report))
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
