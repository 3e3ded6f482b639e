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

__all__ = ["AgreementListing", "find_listed", "listing_of"]


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
