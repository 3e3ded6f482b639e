"""The agreement cycle in storage: agreements in force, the span each covers, finding one by id
or year, renewing one for the next period, and the promise a record belongs to on its date.

The rules themselves are in `domain.agreements`; this module reads the agreements and writes
renewals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loften_app.domain import agreements as cycle
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData
from loften_app.storage.engines import session_sql
from loften_app.storage.listing import AgreementListing
from loften_app.storage.models import Agreement, Promise
from loften_app.storage.report_sql import lineage_with
from loften_app.storage.rows import driver_rows, query_scalar

__all__ = [
    "AgreementListing",
    "PromiseFacts",
    "in_force_promise",
    "promise_facts",
    "renewed_title",
    "terms_in",
]


def terms_in(session: Session) -> list[cycle.Term]:
    """The active agreements of the file as `Term`s."""
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.period_start,
            Agreement.period_end,
            Agreement.valid_until_replaced,
        ).where(Agreement.deleted_at.is_(None))
    ).all()
    return [cycle.Term(r[0], r[1], r[2], bool(r[3])) for r in rows]


_YEARS = re.compile(r"(?<!\d)(\d{4})(?:\s*[-–]\s*(\d{4}))?(?!\d)")


def renewed_title(title: str, old: Period, new: Period) -> str:
    """The title of a renewal: the years of the old period replaced by those of the new one
    ("Medborgarlöften 2025" → "Medborgarlöften 2026"); else the new years appended."""
    years = (
        str(new.start.year)
        if new.start.year == new.end.year
        else f"{new.start.year}–{new.end.year}"
    )
    match = _YEARS.search(title)
    if match is None or int(match.group(1)) != old.start.year:
        return f"{title} {years}".strip()
    return title[: match.start()] + years + title[match.end() :]


@dataclass(frozen=True)
class PromiseFacts:
    """What a save needs to know about the promise a record names and the agreements, read in
    one query (`promise_facts`)."""

    #: The promise's type (its stored value) and agreement; None when there is no such promise.
    type: str | None
    agreement_id: str | None
    #: Whether the promise exists and is not deleted.
    active: bool
    #: Every active agreement.
    terms: tuple[cycle.Term, ...]
    #: `cycle.in_force(terms, day)` by day, as asked (these facts serve save after save).
    _in_force: dict[dt.date, cycle.Term | None] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def in_force(self, day: dt.date) -> cycle.Term | None:
        """The agreement in force on `day` (`cycle.in_force`), worked out once a day."""
        if day in self._in_force:
            return self._in_force[day]
        term = cycle.in_force(self.terms, day)
        if len(self._in_force) < _IN_FORCE_KEPT:
            self._in_force[day] = term
        return term


#: Days whose agreement one `PromiseFacts` keeps (a year of records, then worked out each time).
_IN_FORCE_KEPT = 1024


#: One round trip for the promise and every active agreement: a row per agreement, each carrying
#: the promise's columns (one row of NULL agreement columns when there is no agreement).
_PROMISE_FACTS = (
    "SELECT p.type, p.agreement_id, p.deleted_at IS NULL, "
    "a.id, a.period_start, a.period_end, a.valid_until_replaced "
    "FROM (SELECT 1 AS one) AS only_row "
    "LEFT JOIN promise AS p ON p.id = ? "
    "LEFT JOIN agreement AS a ON a.deleted_at IS NULL"
)


def _date(value: object) -> dt.date:
    """A date column's value from the DB-API driver (sqlite3 gives the ISO text)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def promise_facts(session: Session, promise_id: str) -> PromiseFacts:
    """The promise `promise_id` (type, agreement, not deleted) and every active agreement, in
    one statement on the session's connection (the path of every save)."""
    rows = driver_rows(session, session_sql(session, _PROMISE_FACTS), (promise_id,))
    key = tuple(rows)
    facts = _FACTS.get(key)
    if facts is None:
        promise_type, agreement_id, active = rows[0][:3] if rows else (None, None, False)
        terms = tuple(
            cycle.Term(r[3], _date(r[4]), _date(r[5]), bool(r[6])) for r in rows if r[3] is not None
        )
        facts = PromiseFacts(
            None if promise_type is None else str(promise_type),
            agreement_id,
            promise_type is not None and bool(active),
            terms,
        )
        if len(_FACTS) >= _FACTS_KEPT:
            _FACTS.clear()
        _FACTS[key] = facts
    return facts


#: `promise_facts` made of the rows read, by those rows (the same promise and agreements, save
#: after save: the agreements' dates are parsed once).
_FACTS: dict[tuple[Any, ...], PromiseFacts] = {}
_FACTS_KEPT = 64


def in_force_promise(
    session: Session,
    promise_id: str,
    day: dt.date,
    *,
    field: str,
    facts: PromiseFacts | None = None,
) -> tuple[str | None, list[ValidationIssue]]:
    """The promise that a record dated `day` belongs to, given the promise chosen in the form.

    The record belongs to the agreement in force on `day`. When the chosen promise belongs to
    another agreement, the matching promise of the agreement in force takes its place: the one
    that continues it (or that it continues), else the one with the same number and type, else
    the first of the same type. An issue on `field` when no agreement is in force on `day`, or
    when that agreement has no promise of the type.
    """
    if facts is None:
        facts = promise_facts(session, promise_id)
    own = facts.agreement_id if facts.active else None
    if own is None:
        return promise_id, []  # the reference check says what is wrong
    term = facts.in_force(day)
    if term is None:
        return None, [
            ValidationIssue(
                field,
                "no_agreement",
                f"Ingen överenskommelse gäller {day.isoformat()}. Förnya överenskommelsen eller "
                "lägg till en som gäller då (Register → Överenskommelse) och spara igen.",
            )
        ]
    if term.id == own:
        return promise_id, []
    chosen = session.get(Promise, promise_id)
    assert chosen is not None
    candidates = session.scalars(
        select(Promise)
        .where(
            Promise.agreement_id == term.id,
            Promise.deleted_at.is_(None),
            Promise.type == chosen.type,
        )
        .order_by(Promise.number)
    ).all()
    if not candidates:
        return None, [
            ValidationIssue(
                "promise_id",
                "promise",
                f"Överenskommelsen som gäller {day.isoformat()} har inget löfte av den här sorten, "
                "så posten kan inte sparas för det datumet.",
            )
        ]
    lineage = {promise_id, *lineage_of(session, promise_id)}
    for candidate in candidates:
        if candidate.id in lineage or promise_id in lineage_of(session, candidate.id):
            return candidate.id, []
    for candidate in candidates:
        if candidate.number == chosen.number:
            return candidate.id, []
    return candidates[0].id, []


def lineage_of(session: Session, promise_id: str) -> list[str]:
    """The promises `promise_id` continues, nearest first (without itself)."""
    return lineage_with(
        lambda pid: query_scalar(session, "SELECT continues_id FROM promise WHERE id = ?", (pid,)),
        promise_id,
    )


def renewal_data(
    agreement: AgreementData, period: Period, *, title: str | None = None
) -> AgreementData:
    """The new agreement's data: the old one's texts for `period`, follow-up due at the end of
    the first quarter after it (as the seed says)."""
    due_year = period.end.year + 1
    return dataclasses.replace(
        agreement,
        title=title or renewed_title(agreement.title, _written(agreement), period),
        period_start=period.start,
        period_end=period.end,
        follow_up_due=dt.date(due_year, 3, 31),
    )


def _written(agreement: AgreementData) -> Period:
    return Period(agreement.period_start, agreement.period_end)


def overlap_message(period: Period, others: Sequence[cycle.Term], titles: dict[str, str]) -> str:
    names = ", ".join(
        f"{titles.get(t.id, t.id)} ({t.start.isoformat()} – {t.end.isoformat()})" for t in others
    )
    return (
        f"Perioden {period.start.isoformat()} – {period.end.isoformat()} överlappar "
        f"{names}. Välj en period som börjar efter den."
    )
