"""Exporting the changes since the last exchange with a partner (or since a date) to a package.

Activity records travel when their `updated_at` is after the cut-off (deleted ones too: a
deletion travels as a soft deletion). The registers (agreement, promises, targets, places, shops,
indicators and their values) always travel whole: they are few, and every activity refers to
them, so the receiver can always match them (see `types`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.personnummer import identity_number_problem
from loften_app.domain.records import Actor, SafetyWalkData
from loften_app.storage.database import SCHEMA_VERSION, Database
from loften_app.storage.exchange.codec import encode_record, is_photo_name
from loften_app.storage.exchange.errors import PackageError
from loften_app.storage.exchange.package import (
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    PHOTOS_PREFIX,
    RECORDS_PREFIX,
    write_package,
)
from loften_app.storage.exchange.signing import installation_key, signer_entry
from loften_app.storage.exchange.types import RECORD_TYPES, RecordType
from loften_app.storage.files import FileWriteError, check_output_path
from loften_app.storage.models import ExchangeLog, Meta, table_of
from loften_app.storage.services import Services
from loften_app.storage.services.base import new_id, utc_now

EXPORT = "export"
IMPORT = "import"


@dataclass(frozen=True)
class ExportResult:
    """What `export_changes` wrote."""

    path: Path
    package_id: str
    partner: str
    since: dt.datetime | None
    until: dt.datetime | None
    counts: dict[str, int]
    photos: int
    missing_photos: tuple[str, ...]

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def installation_id(session: Session) -> str:
    """This database's installation id (made by the migration to schema version 2)."""
    value = session.scalar(select(Meta.value).where(Meta.key == "installation_id"))
    if not value:
        raise PackageError(
            error_text(
                "exchange.no_installation_id",
                "Databasen saknar sitt installations-id och kan inte utbyta ändringar. "
                "Kör 'loften check' och kontakta supporten.",
            )
        )
    return value


def last_export_until(session: Session, partner: str) -> dt.datetime | None:
    """The high-water mark of the last export to `partner` (None if there was none)."""
    value = session.scalar(
        select(ExchangeLog.until)
        .where(ExchangeLog.partner == partner, ExchangeLog.direction == EXPORT)
        .order_by(ExchangeLog.id.desc())
        .limit(1)
    )
    return None if value is None else dt.datetime.fromisoformat(value)


def export_changes(
    services: Services,
    out: Path,
    *,
    photo_dir: Path | None,
    partner: str = "",
    since: dt.datetime | None = None,
    actor: Actor | None = None,
    clock: Any = utc_now,
) -> ExportResult:
    """Write every record changed after `since` (default: since the last export to `partner`,
    or everything when there was none) to the package `out`, with the photos of its safety
    walks from `photo_dir`, and log the export (its `until` is the time the records were read,
    the `since` of the next export to `partner`). The file is written atomically, owner-only."""
    database: Database = services.database
    if since is not None and since.tzinfo is None:
        raise ValueError("since must be timezone-aware")
    try:
        check_output_path(out, database.path)
    except FileWriteError as error:
        raise PackageError(error.text) from error
    problem = identity_number_problem(partner)
    if problem is not None:
        raise LoftenError(
            error_text(
                "exchange.bad_partner_name",
                "Partnerns namn kan inte användas. {problem}",
                problem=problem,
            )
        )
    # The high-water mark is the time before the records are read: a change saved after it
    # goes in the next package. (Not the newest `updated_at` read: records imported from a
    # partner whose clock runs ahead would hide local changes made in between.)
    now = clock()
    with database.reading() as session:
        source = installation_id(session)
        if since is None and partner:
            since = last_export_until(session, partner)
        members: list[tuple[str, bytes]] = []
        counts: dict[str, int] = {}
        photo_names: list[str] = []
        for record_type in RECORD_TYPES:
            encoded: list[dict[str, Any]] = []
            for meta, data in _changed(session, services, record_type, since):
                encoded.append(encode_record(meta, data))
                if isinstance(data, SafetyWalkData):
                    photo_names.extend(p for o in data.observations for p in o.photos)
            if encoded:
                counts[record_type.name] = len(encoded)
                content = json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))
                members.append((f"{RECORDS_PREFIX}{record_type.name}.json", content.encode()))
    missing: list[str] = []
    photo_count = 0
    for name in dict.fromkeys(photo_names):
        photo = _photo_bytes(photo_dir, name)
        if photo is None:
            missing.append(name)
        else:
            members.append((PHOTOS_PREFIX + name, photo))
            photo_count += 1
    until = now
    package_id = new_id()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "package_id": package_id,
        "installation_id": source,
        "created_at": now.astimezone(dt.UTC).isoformat(),
        "created_by": actor.name if actor is not None else "",
        "partner": partner,
        "since": None if since is None else since.astimezone(dt.UTC).isoformat(),
        "until": None if until is None else until.astimezone(dt.UTC).isoformat(),
        "counts": counts,
    }
    signer = actor if actor is not None else services.agreements.actor
    key = installation_key(database.path)
    manifest["signer"] = signer_entry(key, signer.organisation, signer.name)
    write_package(out, manifest, members, key=key)
    with database.writing() as session:
        session.execute(
            insert(table_of(ExchangeLog)).values(
                partner=partner,
                direction=EXPORT,
                package_id=package_id,
                at=now.astimezone(dt.UTC).isoformat(),
                until=manifest["until"],
                records=sum(counts.values()),
            )
        )
    return ExportResult(out, package_id, partner, since, until, counts, photo_count, tuple(missing))


def _changed(
    session: Session, services: Services, record_type: RecordType, since: dt.datetime | None
) -> Iterator[tuple[Any, Any]]:
    service = record_type.service_of(services)
    model = service.model
    query = select(model.id).order_by(model.updated_at, model.id)
    if since is not None and not record_type.is_register:
        query = query.where(model.updated_at > since)
    yield from service.iter_in(session, list(session.scalars(query)))


def _photo_bytes(photo_dir: Path | None, name: str) -> bytes | None:
    if photo_dir is None or not is_photo_name(name):
        return None
    path = photo_dir / name
    try:
        if not path.is_file() or path.stat().st_size > DEFAULT_LIMITS.photo_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None
