"""Pieces both HTML reports show, mirroring `reports.pdf.common`: header, targets, indicators."""

from __future__ import annotations

from collections.abc import Sequence

from loften_app.reports.content import PUBLIC_DRUG_NOTE, Header, IndicatorSection, TargetLine
from loften_app.reports.html.markup import Table, Writer, table

__all__ = ["PUBLIC_DRUG_NOTE", "PUBLIC_NOTE", "header_block", "indicator_block", "target_table"]

#: What a public report says about its privacy rules (the PDF's words).
PUBLIC_NOTE = (
    "Offentlig version: utan fritext utöver löftestexterna och de offentliga "
    "kommentarerna; narkotikaärenden redovisas bara för hela perioden, i "
    "uppföljningen, och antal under 5 visas inte."
)


def header_block(doc: Writer, h: Header) -> None:
    doc.heading(1, h.document_title)
    doc.lead(
        h.agreement_title, [f"{h.municipality} och {h.police_area}", f"Period: {h.period_text}"]
    )
    doc.para(h.made_text, "meta")
    if h.public:
        doc.para(PUBLIC_NOTE, "meta")


def target_table(
    targets: Sequence[TargetLine], *, caption: str, quarterly: bool, quarter_label: str = ""
) -> Table:
    if quarterly:
        rows = [
            [
                t.description,
                t.actual_text,
                t.ytd_text,
                t.status_text
                if t.ytd_status_text in ("", t.status_text)
                else f"{t.status_text} (året: {t.ytd_status_text})",
                t.forecast_text,
            ]
            for t in targets
        ]
        return table(
            ["Mål", quarter_label, "Året hittills", "Status", "Prognos"],
            rows,
            caption=caption,
            numbers=(1, 2),
        )
    if any(t.forecast_text for t in targets):
        rows = [[t.description, t.actual_text, t.status_text, t.forecast_text] for t in targets]
        return table(
            ["Mål", "Resultat", "Status", "Kommentar till resultatet"],
            rows,
            caption=caption,
            numbers=(1,),
        )
    rows = [[t.description, t.actual_text, t.status_text] for t in targets]
    return table(["Mål", "Resultat", "Status"], rows, caption=caption, numbers=(1,))


def indicator_block(doc: Writer, indicators: Sequence[IndicatorSection], *, level: int) -> None:
    if not indicators:
        doc.para("Inga indikatorer i registret.")
        return
    for ind in indicators:
        doc.heading(level, ind.name)
        source = f"Källa: {ind.source}"
        if ind.promise_number is not None:
            source += f" · Löfte {ind.promise_number}"
        source += " · lägre är bättre" if ind.lower_is_better else " · högre är bättre"
        doc.para(source, "meta")
        if ind.description:
            doc.para(ind.description, "note")
        if not ind.values:
            doc.para("Inga värden för perioden.", "note")
        elif any(note for _, _, note in ind.values):
            doc.add(
                table(
                    ["Period", "Värde", "Anteckning"],
                    [list(v) for v in ind.values],
                    caption=ind.name,
                    numbers=(1,),
                )
            )
        else:
            doc.add(
                table(
                    ["Period", "Värde"],
                    [[p, v] for p, v, _ in ind.values],
                    caption=ind.name,
                    numbers=(1,),
                )
            )
