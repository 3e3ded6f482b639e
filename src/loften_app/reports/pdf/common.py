"""Pieces both reports print: the header, a target table, the indicators."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Spacer

from loften_app.reports.content import PUBLIC_DRUG_NOTE, Header, IndicatorSection, TargetLine
from loften_app.reports.pdf.base import Styles, para, table

__all__ = ["PUBLIC_DRUG_NOTE", "header_block", "indicator_block", "target_table"]


def header_block(h: Header) -> list[Flowable]:
    lines: list[Flowable] = [
        para(h.document_title, Styles.title),
        Spacer(1, 4),
        para(h.agreement_title, Styles.subtitle),
        para(f"{h.municipality} och {h.police_area}", Styles.subtitle),
        para(f"Period: {h.period_text}", Styles.subtitle),
        para(h.made_text, Styles.meta),
    ]
    if h.public:
        lines.append(
            para(
                "Offentlig version: utan fritext utöver löftestexterna och de offentliga "
                "kommentarerna; narkotikaärenden redovisas bara för hela perioden, i "
                "uppföljningen, och antal under 5 visas inte.",
                Styles.meta,
            )
        )
    lines.append(Spacer(1, 6))
    return lines


def target_table(
    targets: Sequence[TargetLine], *, quarterly: bool, quarter_label: str = ""
) -> Flowable:
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
            [0.32, 0.11, 0.13, 0.14, 0.30],
            right=(1, 2),
        )
    with_forecast = any(t.forecast_text for t in targets)
    if with_forecast:
        rows = [[t.description, t.actual_text, t.status_text, t.forecast_text] for t in targets]
        return table(
            ["Mål", "Resultat", "Status", "Kommentar till resultatet"],
            rows,
            [0.4, 0.14, 0.14, 0.32],
            right=(1,),
        )
    rows = [[t.description, t.actual_text, t.status_text] for t in targets]
    return table(["Mål", "Resultat", "Status"], rows, [0.6, 0.2, 0.2], right=(1,))


def indicator_block(indicators: Sequence[IndicatorSection]) -> list[Flowable]:
    if not indicators:
        return [para("Inga indikatorer i registret.", Styles.body)]
    result: list[Flowable] = []
    for ind in indicators:
        block: list[Flowable] = [para(ind.name, Styles.h2)]
        source = f"Källa: {ind.source}"
        if ind.promise_number is not None:
            source += f" · Löfte {ind.promise_number}"
        source += " · lägre är bättre" if ind.lower_is_better else " · högre är bättre"
        block.append(para(source, Styles.meta))
        if ind.description:
            block.append(para(ind.description, Styles.note))
        block.append(Spacer(1, 2))
        if ind.values:
            with_notes = any(note for _, _, note in ind.values)
            if with_notes:
                block.append(
                    table(
                        ["Period", "Värde", "Anteckning"],
                        [list(v) for v in ind.values],
                        [0.25, 0.2, 0.55],
                        right=(1,),
                    )
                )
            else:
                block.append(
                    table(
                        ["Period", "Värde"],
                        [[p, v] for p, v, _ in ind.values],
                        [0.5, 0.5],
                        right=(1,),
                    )
                )
        else:
            block.append(para("Inga värden för perioden.", Styles.note))
        result.append(KeepTogether(block))
    return result
