"""Writing a checked spreadsheet import: every new place, shop and record in one transaction,
one audit line each, after a backup.

The records arrive validated and complete (`reports.imports` plans them: ids, promises of the
agreement in force on each date, child rows); this module only writes. It goes through the
services' public in-session verb `insert_in` (the one write path the exchange uses too: the
service's own preparation, a drug case's code, the promise check) and records the audit lines
itself, with the action "import" and the file's name as the note. Inside the transaction it
checks again that none of the ids exists yet, so that a change made between the preview and the
import cannot be doubled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.records import Actor, RecordMeta
from loften_app.storage import audit
from loften_app.storage.backup import make_backup as backup_now
from loften_app.storage.rows import query_scalar
from loften_app.storage.services import RecordService, Services
from loften_app.storage.services.base import utc_now

__all__ = ["ImportBatch", "ImportWritten", "write_import"]

#: The record kinds an import writes, by table, in writing order (registers first).
SERVICE_OF: dict[str, Callable[[Services], RecordService[Any, Any]]] = {
    "place": lambda s: s.places,
    "shop": lambda s: s.shops,
    "patrol": lambda s: s.patrols,
    "safety_walk": lambda s: s.safety_walks,
    "volunteer_deployment": lambda s: s.volunteer_deployments,
    "drug_case": lambda s: s.drug_cases,
    "other_activity": lambda s: s.other_activities,
}

_CHUNK = 5000


@dataclass
class ImportBatch:
    """What an import adds: per table (a key of `SERVICE_OF`), (id, organisation or None for
    the actor's, data) in the order given."""

    records: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)
    #: The name of the file it came from (the audit lines' note).
    source: str = ""

    def add(self, table: str, id: str, data: Any, organisation: Any = None) -> None:
        self.records.setdefault(table, []).append((id, organisation, data))

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.records.values())


@dataclass(frozen=True)
class ImportWritten:
    """What `write_import` wrote: records per table, and the backup made first."""

    added: dict[str, int]
    backup: Path | None


def write_import(
    services: Services,
    batch: ImportBatch,
    *,
    make_backup: Callable[[Path], Path | None] | None = None,
    clock: Callable[[], dt.datetime] = utc_now,
) -> ImportWritten:
    """Back the database up (`make_backup(path)`, by default `storage.backup.make_backup` with
    the reason "before-import"), then write `batch` in one transaction: all or nothing."""
    backup: Path | None
    if make_backup is None:
        backup = backup_now(services.database.path, "before-import")
    else:
        backup = make_backup(services.database.path)
    actor = services.actor
    now = clock()
    note = f"import från {batch.source}" if batch.source else "import"
    with services.database.writing() as session:
        for table, items in batch.records.items():
            _write_table(session, services, table, items, actor=actor, now=now, note=note)
    return ImportWritten({t: len(items) for t, items in batch.records.items()}, backup)


def _write_table(
    session: Session,
    services: Services,
    table: str,
    items: Sequence[tuple[str, Any, Any]],
    *,
    actor: Actor,
    now: dt.datetime,
    note: str,
) -> None:
    """The write step: one table's new records, their child rows and audit lines."""
    service = SERVICE_OF[table](services)
    for start in range(0, len(items), _CHUNK):
        chunk = items[start : start + _CHUNK]
        _refuse_existing(session, table, [id_ for id_, _, _ in chunk])
        written = service.insert_in(
            session,
            [
                (_meta(id_, organisation or actor.organisation, actor, now), data)
                for id_, organisation, data in chunk
            ],
        )
        for meta, data in written:
            audit.record(
                session,
                at=now,
                actor=actor,
                action=audit.IMPORT,
                record_type=table,
                record_id=meta.id,
                changes=audit.added_json(data),
                note=note,
            )


def _meta(id_: str, organisation: Any, actor: Actor, now: dt.datetime) -> RecordMeta:
    return RecordMeta(
        id=id_,
        version=1,
        organisation=organisation,
        created_at=now,
        created_by=actor.name,
        updated_at=now,
        updated_by=actor.name,
    )


def _refuse_existing(session: Session, table: str, ids: list[str]) -> None:
    marks = ", ".join("?" for _ in ids)
    taken = query_scalar(session, f'SELECT count(*) FROM "{table}" WHERE id IN ({marks})', ids)
    if taken:
        raise LoftenError(
            error_text(
                "import.changed_since_preview",
                "Databasen har ändrats sedan förhandsgranskningen: en del av posterna finns "
                "redan. Ingenting har importerats. Förhandsgranska filen igen.",
            )
        )
