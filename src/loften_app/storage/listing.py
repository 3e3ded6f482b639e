"""The agreements as the pickers list them, without SQLAlchemy: `AgreementService.listing` and
the overview's first figures (`storage.quick`) order them with the same function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from loften_app.domain import agreements as cycle
from loften_app.domain.periods import Period
from loften_app.domain.records import AgreementData, Stored

__all__ = ["AgreementListing", "listing_of"]


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
