"""The agreements as the pickers list them, without SQLAlchemy: `AgreementService.listing` and
the overview's first figures (`storage.quick`) order them with the same function, and
`AgreementService.find` and the export of a current file (`cli.reports`) pick one with
`find_listed`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from loften_app.domain import agreements as cycle
from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData, Stored

__all__ = [
    "AgreementListing",
    "TermAgreements",
    "covered_of",
    "current_term",
    "find_listed",
    "for_period_term",
    "last_ended_term",
    "listing_of",
]


@dataclass(frozen=True)
class AgreementListing:
    """An agreement as `loften agreements` and the pickers list it."""

    agreement: Stored[AgreementData]
    #: The span the overview and reports offer: written period plus any extension.
    covered: Period
    in_force: bool
    #: The part after the written end date, if the agreement runs past it.
    extension: Period | None

    @property
    def id(self) -> str:
        return self.agreement.id


def listing_of(
    terms: Sequence[cycle.Term], today: dt.date, get: Callable[[str], Stored[AgreementData]]
) -> list[AgreementListing]:
    """Every agreement of `terms` (the active ones), read with `get`: the one in force on
    `today` first, then the others, latest first."""
    now = cycle.in_force(terms, today)
    ordered = sorted(terms, key=lambda t: (t.id != (now.id if now else None), t.start))
    ordered = [*ordered[:1], *sorted(ordered[1:], key=lambda t: t.start, reverse=True)]
    if now is None:
        ordered = sorted(terms, key=lambda t: t.start, reverse=True)
    return [
        AgreementListing(
            agreement=get(t.id),
            covered=cycle.covered(t, terms, today),
            in_force=now is not None and t.id == now.id,
            extension=cycle.extension(t, terms, today),
        )
        for t in ordered
    ]


def find_listed(items: Sequence[AgreementListing], ref: str) -> AgreementListing:
    """The agreement of `items` (a `listing_of`) named by `ref`: its id, or the year it starts
    ("2017"), as `--agreement` takes it. `LoftenError` with the choices when nothing or
    several match."""
    found = [a for a in items if a.id == ref]
    if not found and ref.isdigit() and len(ref) == 4:
        found = [a for a in items if a.agreement.data.period_start.year == int(ref)]
    if len(found) == 1:
        return found[0]
    choices = "; ".join(
        f"{a.agreement.data.period_start.year} ({a.agreement.data.title}, id {a.id})" for a in items
    )
    if found:
        raise LoftenError(
            error_text(
                "agreement.ambiguous",
                "Flera överenskommelser börjar {ref}; ange id i stället: {choices}.",
                ref=ref,
                choices=choices,
            )
        )
    raise LoftenError(
        error_text(
            "agreement.unknown",
            "Ingen överenskommelse heter {ref}. Ange id eller startår: {choices}.",
            ref=ref,
            choices=choices or error_text("agreement.none_exist", "inga finns"),
        )
    )


def current_term(terms: Sequence[cycle.Term], today: dt.date) -> cycle.Term | None:
    """The agreement to show when none is chosen: the one in force on `today`, else the latest
    that has started, else the first one to start; None without agreements."""
    if not terms:
        return None
    term = cycle.in_force(terms, today)
    if term is None:
        started = [t for t in terms if t.start <= today]
        pool = started or terms
        term = (
            max(pool, key=lambda t: (t.start, t.id))
            if started
            else min(pool, key=lambda t: (t.start, t.id))
        )
    return term


def for_period_term(terms: Sequence[cycle.Term], period: Period, today: dt.date) -> cycle.Term:
    """The agreement a report of `period` is about when none is chosen: the one in force on
    the period's last day (or on its first, or on `today`, in that order), else
    `current_term`. `LoftenError` without agreements."""
    for day in (period.end, period.start, today):
        found = cycle.in_force(terms, day)
        if found is not None:
            return found
    term = current_term(terms, today)
    if term is None:
        raise LoftenError(
            error_text(
                "agreement.none",
                "Databasen har ingen överenskommelse. Skapa en först (loften new).",
            )
        )
    return term


def last_ended_term(terms: Sequence[cycle.Term], today: dt.date) -> cycle.Term | None:
    """The latest agreement whose written period has ended by `today`, else None."""
    ended = [t for t in terms if t.end < today]
    return max(ended, key=lambda t: (t.start, t.id)) if ended else None


def covered_of(terms: Sequence[cycle.Term], agreement_id: str, today: dt.date) -> Period | None:
    """The span of the agreement `agreement_id` that the overview and reports offer (see
    `domain.agreements.covered`); None when `terms` has no such agreement."""
    for term in terms:
        if term.id == agreement_id:
            return cycle.covered(term, terms, today)
    return None


class TermAgreements:
    """The agreements' reads of `AgreementService` that the reports use, over `terms()` (the
    active agreements) and `get(id)` (one agreement): what the quick path reads with."""

    def __init__(
        self,
        terms: Callable[[], list[cycle.Term]],
        get: Callable[[str], Stored[AgreementData]],
    ) -> None:
        self._terms = terms
        self._get = get

    def get(self, *, id: str) -> Stored[AgreementData]:
        return self._get(id)

    def current(self, today: dt.date | None = None) -> Stored[AgreementData] | None:
        term = current_term(self._terms(), today or dt.date.today())
        return None if term is None else self._get(term.id)

    def listing(self, today: dt.date | None = None) -> list[AgreementListing]:
        return listing_of(self._terms(), today or dt.date.today(), self._get)

    def covered(self, agreement_id: str, today: dt.date | None = None) -> Period:
        found = covered_of(self._terms(), agreement_id, today or dt.date.today())
        if found is None:  # the services say it (`NotFoundError`)
            raise LookupError(agreement_id)
        return found

    def find(self, ref: str, *, today: dt.date | None = None) -> Stored[AgreementData]:
        return find_listed(self.listing(today), ref).agreement

    def for_period(self, period: Period, today: dt.date | None = None) -> Stored[AgreementData]:
        return self._get(for_period_term(self._terms(), period, today or dt.date.today()).id)

    def last_ended(self, today: dt.date | None = None) -> Stored[AgreementData] | None:
        term = last_ended_term(self._terms(), today or dt.date.today())
        return None if term is None else self._get(term.id)
