"""What a spreadsheet import looks up in the database: places and shops by name, the agreements
and their promises by number, and which of the file's record ids and case codes exist already.

Read in one short session each; the import (`reports.imports`) plans with these plain values
and hands what it will add to `storage.import_writer`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from loften_app.domain import agreements as cycle
from loften_app.domain.enums import PromiseType
from loften_app.storage.database import Database
from loften_app.storage.models import Agreement, Place, Promise, Shop
from loften_app.storage.services.cycle import terms_in

__all__ = ["ImportLookup", "PromiseRef", "existing_case_codes", "existing_ids", "load_lookup"]

_CHUNK = 500


def name_key(name: str) -> str:
    """How a place or shop name is matched: case and surrounding blanks ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class PromiseRef:
    """A promise as the import matches it: its id, number and type."""

    id: str
    number: int
    type: PromiseType


@dataclass
class ImportLookup:
    """The registers as the import matches them (active entries only)."""

    #: name_key(name) → id
    places: dict[str, str]
    #: name_key(name) → id
    shops: dict[str, str]
    terms: list[cycle.Term]
    #: agreement id → its title
    titles: dict[str, str]
    #: agreement id → its promises in number order
    promises: dict[str, list[PromiseRef]]
    _in_force: dict[dt.date, cycle.Term | None] = field(default_factory=dict)

    def in_force(self, day: dt.date) -> cycle.Term | None:
        """The agreement in force on `day` (None: none is)."""
        if day not in self._in_force:
            self._in_force[day] = cycle.in_force(self.terms, day)
        return self._in_force[day]


def load_lookup(database: Database) -> ImportLookup:
    """The registers of `database` for matching an import."""
    with database.reading() as session:
        places = {
            name_key(name): id_
            for id_, name in session.execute(
                select(Place.id, Place.name).where(Place.deleted_at.is_(None))
            )
        }
        shops = {
            name_key(name): id_
            for id_, name in session.execute(
                select(Shop.id, Shop.name).where(Shop.deleted_at.is_(None))
            )
        }
        terms = terms_in(session)
        titles = dict(
            session.execute(
                select(Agreement.id, Agreement.title).where(Agreement.deleted_at.is_(None))
            ).all()
        )
        promises: dict[str, list[PromiseRef]] = {}
        rows = session.execute(
            select(Promise.agreement_id, Promise.id, Promise.number, Promise.type)
            .where(Promise.deleted_at.is_(None))
            .order_by(Promise.number)
        )
        for agreement_id, id_, number, kind in rows:
            promises.setdefault(agreement_id, []).append(
                PromiseRef(id_, int(number), PromiseType(kind))
            )
    return ImportLookup(places, shops, terms, titles, promises)


def _existing(database: Database, sql: str, values: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(values))
    found: set[str] = set()
    with database.reading() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            found.update(row[0] for row in raw.execute(sql.format(marks=marks), chunk))
    return found


def existing_ids(database: Database, table: str, ids: Iterable[str]) -> set[str]:
    """Which of `ids` are records of `table` already (deleted ones included)."""
    return _existing(database, f'SELECT id FROM "{table}" WHERE id IN ({{marks}})', ids)


def existing_case_codes(database: Database, codes: Iterable[str]) -> set[str]:
    """Which of the drug case codes `codes` are taken already."""
    return _existing(
        database, "SELECT case_code FROM drug_case WHERE case_code IN ({marks})", codes
    )
