"""Dates, patterns and readers shared by the report tests (test modules never import each other)."""

from __future__ import annotations

import datetime as dt
import re

from loften_app.domain.periods import Period, quarter
from loften_app.domain.records import Stored
from loften_app.storage.services import RecordFilter, Services
from tests.reports.conftest import INTERNAL_COMMENT

Q3 = quarter(2018, 3)


TODAY = dt.date(2018, 10, 10)


AFTER = dt.date(2019, 2, 1)


CASE_CODE = re.compile(r"N-\d{4}-\d{3}")


def all_records(service, period: Period | None = None) -> list[Stored]:  # type: ignore[no-untyped-def]
    return list(service.list_page(filter=RecordFilter(period=period), limit=100_000).items)


def free_texts(s: Services) -> list[str]:
    """Every free text in the database that a public report must not show."""
    texts: list[str] = []
    for p in all_records(s.patrols):
        texts += [p.data.notes, *(v.note for v in p.data.shop_visits)]
    for w in all_records(s.safety_walks):
        texts += [w.data.notes, w.data.route, w.data.cancellation_reason]
        for o in w.data.observations:
            texts.append(o.description)
            if o.action is not None:
                texts += [o.action.what, o.action.rejection_reason, o.action.owner_detail]
    texts += [d.data.notes for d in all_records(s.volunteer_deployments)]
    for c in all_records(s.drug_cases):
        texts += [c.data.police_notes, c.data.municipal_notes]
    texts += [o.data.notes for o in all_records(s.other_activities)]
    texts += [INTERNAL_COMMENT]
    texts += [v.data.source_note for v in all_records(s.indicator_values)]
    texts += [i.data.description for i in all_records(s.indicators)]
    return sorted({t.strip() for t in texts if len(t.strip()) >= 12})


SMALL = re.compile(r"(?<![\d,.:–-])[1-4](?![\d,.:–-])(?! ?%)(?! d\b)(?! h\b)")


def drug_numbers(text: str, start: str, end: str) -> list[str]:
    """The bare numbers 1–4 in the text between `start` and `end`, labels taken out."""
    section = text[text.index(start) : text.index(end, text.index(start))]
    labels = (
        r"\d{4} kv \d",
        r"inom \d+ dag(ar)?",
        r"från [01] till 4",
        r"Löfte \d",
        r"Sida \d+ av \d+",
        r"(minst|högst) \d+",  # a target's value, not a count
    )
    for label in labels:
        section = re.sub(label, "", section)
    return SMALL.findall(section)


PERSONNUMMER = re.compile(r"\b(\d{2})?\d{6}[-+]?\d{4}\b")


NUMBER = re.compile(r"\d+(?:,\d+)?")


def text_figures(text: str) -> list[str]:
    """The numbers of a report's text in order: without the PDF's running footer, the time the
    report was made, a header row the PDF repeats on a new page, and the monthly charts (drawn
    differently; checked against their tables)."""
    # The footer, and a target table's header repeated at the top of the next page.
    footer = r"Medborgarlöften [^·]{0,80}· [^·]{0,60} Sida \d+ av \d+"
    text = re.sub(footer + r"( Mål \d{4} kv \d Året hittills)?", " ", text)
    text = re.sub(r"Gjord \S+ \S+ av", " ", text)
    text = re.sub(r"Aktiviteter per månad .*?(?=Trygghetsvandringar \d{4} kv)", " ", text)
    return NUMBER.findall(text)
