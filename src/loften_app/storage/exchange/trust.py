"""Importing only what a paired partner may change: the steps around `read_package`.

`open_trusted(database, path, trust=...)`:
1. checks the signature over the whole file (`signing.verify_signature`, bounded memory);
2. requires the signer to be paired; an unknown one raises `UnknownSignerError` unless `trust`
   is the fingerprint the user compared with the sender, which pairs it; a paired installation
   signing with another key is refused;
3. reads and checks the package (`package.read_package`) and that its installation is the
   signer's;
4. refuses versions and times from the future: any record time later than the package's own
   time or than now (with `CLOCK_ALLOWANCE` for clocks), a package made in the future, or a
   version above `MAX_VERSION`.

`enforce_ownership(services, trusted)` then gives back the package with every field of a drug
case that belongs to the other organisation's part replaced by the local value (and a deletion
of a case whose other part holds anything undone), and lists what was refused, field by field,
for the preview. `describe_changes` lists per record which fields an import changes and which
records it deletes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import error_text
from loften_app.domain.records import MUNICIPAL_PART_FIELDS, POLICE_PART_FIELDS
from loften_app.storage.database import Database
from loften_app.storage.errors import NotFoundError
from loften_app.storage.exchange.errors import PackageError, refused
from loften_app.storage.exchange.importing import ImportPreview
from loften_app.storage.exchange.package import (
    DEFAULT_LIMITS,
    Incoming,
    Limits,
    Package,
    read_package,
)
from loften_app.storage.exchange.signing import (
    Partner,
    UnknownSignerError,
    normalise_fingerprint,
    pair,
    partner,
    verify_signature,
)
from loften_app.storage.exchange.types import TYPES_BY_NAME
from loften_app.storage.services import Services

__all__ = [
    "CLOCK_ALLOWANCE",
    "MAX_VERSION",
    "RecordChange",
    "RefusedField",
    "Trusted",
    "describe_changes",
    "enforce_ownership",
    "open_trusted",
]

#: How far ahead of the package's time or of now a record's time may be (clocks differ a little).
CLOCK_ALLOWANCE = dt.timedelta(minutes=30)
#: No record is changed a million times; a larger version is forged to win every merge.
MAX_VERSION = 1_000_000

#: The part of a drug case each organisation owns.
OWNED_PARTS: Mapping[Organisation, tuple[str, ...]] = {
    Organisation.POLICE: POLICE_PART_FIELDS,
    Organisation.MUNICIPALITY: MUNICIPAL_PART_FIELDS,
}


@dataclass(frozen=True)
class Trusted:
    """A checked package from a paired partner."""

    package: Package
    partner: Partner


@dataclass(frozen=True)
class RefusedField:
    """A field of a record that the sender may not change; the local value was kept."""

    record_id: str
    label: str
    field: str
    local: Any
    incoming: Any


@dataclass(frozen=True)
class RecordChange:
    """What an import does to one existing record: changed fields (name, local, incoming), or
    that it deletes (or brings back) the record."""

    type: str
    id: str
    label: str
    fields: tuple[tuple[str, Any, Any], ...]
    deleted: bool = False
    undeleted: bool = False


def open_trusted(
    database: Database,
    path: Path,
    *,
    trust: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
) -> Trusted:
    """The package at `path` once it is signed by a paired partner and fully checked (see the
    module); `trust` is a fingerprint the user confirmed, which pairs an unknown signer."""
    signer = verify_signature(path, manifest_limit=limits.manifest_bytes)
    known = partner(database, signer.installation_id)
    if known is None:
        if trust is None or normalise_fingerprint(trust) != signer.fingerprint:
            if trust is not None:
                raise PackageError(
                    error_text(
                        "package.fingerprint_mismatch",
                        (
                            "Fingeravtrycket {trust} stämmer inte med paketets ({fingerprint}). "
                            "Installationen paras inte och databasen har inte ändrats."
                        ),
                        trust=trust,
                        fingerprint=signer.fingerprint,
                    )
                )
            raise UnknownSignerError(signer)
        package = _read_checked(path, signer.installation_id, limits, now, today)
        return Trusted(package, pair(database, signer))
    if known.public_key != signer.public_key:
        raise refused(
            error_text(
                "package.other_key",
                (
                    "paketet är signerat med en annan nyckel ({fingerprint}) än den som parades "
                    "för installationen ({fingerprint2}). Det kan vara förfalskat. Om avsändaren "
                    "har installerat om Löften: ta bort parningen (loften exchange partners "
                    "--revoke) och para på nytt efter att ha jämfört fingeravtrycket."
                ),
                fingerprint=signer.fingerprint,
                fingerprint2=known.fingerprint,
            )
        )
    return Trusted(_read_checked(path, signer.installation_id, limits, now, today), known)


def _read_checked(
    path: Path,
    installation_id: str,
    limits: Limits,
    now: dt.datetime | None,
    today: dt.date | None,
) -> Package:
    package = read_package(path, limits=limits, today=today)
    if package.manifest.installation_id != installation_id:
        raise refused(
            error_text(
                "package.installation_mismatch",
                "paketets installation är inte den som signerade det.",
            )
        )
    check_times(package, now or dt.datetime.now(dt.UTC))
    return package


def check_times(package: Package, now: dt.datetime) -> None:
    """Refuse a package with versions or times from the future (see the module)."""
    manifest = package.manifest
    latest_now = now + CLOCK_ALLOWANCE
    if manifest.created_at > latest_now:
        raise refused(
            error_text(
                "package.created_in_future",
                (
                    "paketet säger sig vara skapat {created_at:%Y-%m-%d %H:%M} UTC, senare än "
                    "nu. Kontrollera klockan på den dator som skapade det."
                ),
                created_at=manifest.created_at,
            )
        )
    latest = min(manifest.created_at, now) + CLOCK_ALLOWANCE
    for type_name, items in package.records.items():
        for item in items:
            meta = item.meta
            if meta.version > MAX_VERSION or meta.version < 1:
                raise refused(
                    error_text(
                        "package.unreasonable_version",
                        "en post ({type_name} {id}) har en orimlig version.",
                        type_name=type_name,
                        id=meta.id,
                    )
                )
            for moment in (meta.created_at, meta.updated_at, meta.deleted_at):
                if moment is not None and moment > latest:
                    raise refused(
                        error_text(
                            "package.changed_in_future",
                            (
                                "en post ({type_name} {id}) är ändrad "
                                "{moment:%Y-%m-%d %H:%M} UTC, senare än paketet skapades "
                                "eller än nu. Kontrollera klockan på den dator som skapade "
                                "paketet."
                            ),
                            type_name=type_name,
                            id=meta.id,
                            moment=moment,
                        )
                    )


# --- ownership ------------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value in (None, "", ())


def enforce_ownership(
    services: Services, trusted: Trusted
) -> tuple[Package, tuple[RefusedField, ...]]:
    """The package with the fields of drug cases that the sender does not own kept as they are
    here, and what was refused (see the module)."""
    sender = trusted.partner.organisation
    own = OWNED_PARTS.get(sender)
    if own is None:  # another organisation owns no part: it may change neither
        foreign: tuple[str, ...] = POLICE_PART_FIELDS + MUNICIPAL_PART_FIELDS
    else:
        foreign = tuple(f for f in POLICE_PART_FIELDS + MUNICIPAL_PART_FIELDS if f not in own)
    package = trusted.package
    cases = package.records.get("drug_case")
    if not cases:
        return package, ()
    refused_fields: list[RefusedField] = []
    kept: list[Incoming] = []
    for item in cases:
        try:
            local = services.drug_cases.get(id=item.meta.id)
        except NotFoundError:
            kept.append(item)
            continue
        label = getattr(local.data, "case_code", "") or item.meta.id
        changes: dict[str, Any] = {}
        for name in foreign:
            mine, theirs = getattr(local.data, name), getattr(item.data, name)
            if mine != theirs:
                changes[name] = mine
                refused_fields.append(RefusedField(item.meta.id, label, name, mine, theirs))
        meta = item.meta
        if (
            meta.deleted_at is not None
            and local.meta.deleted_at is None
            and any(not _empty(getattr(local.data, name)) for name in foreign)
        ):
            refused_fields.append(
                RefusedField(item.meta.id, label, "deleted_at", None, meta.deleted_at)
            )
            meta = dataclasses.replace(meta, deleted_at=None)
        if changes or meta is not item.meta:
            kept.append(
                dataclasses.replace(item, meta=meta, data=dataclasses.replace(item.data, **changes))
            )
        else:
            kept.append(item)
    records = {**package.records, "drug_case": kept}
    return dataclasses.replace(package, records=records), tuple(refused_fields)


# --- what changes ---------------------------------------------------------------------------------


def describe_changes(
    services: Services, package: Package, preview: ImportPreview
) -> tuple[RecordChange, ...]:
    """For every record the preview updates or has in conflict: the fields the package changes
    (local and incoming value), and whether it deletes or brings back the record."""
    incoming: dict[tuple[str, str], Incoming] = {
        (type_name, item.meta.id): item
        for type_name, items in package.records.items()
        for item in items
    }
    changes: list[RecordChange] = []
    refs = [*preview.updated, *(conflict.ref for conflict in preview.conflicts)]
    for ref in refs:
        item = incoming.get((ref.type, ref.id))
        if item is None:
            continue
        service = TYPES_BY_NAME[ref.type].service_of(services)
        try:
            local = service.get(id=ref.id)
        except NotFoundError:
            continue
        fields = tuple(
            (f.name, getattr(local.data, f.name), getattr(item.data, f.name))
            for f in dataclasses.fields(item.data)
            if getattr(local.data, f.name) != getattr(item.data, f.name)
        )
        deleted = item.meta.deleted_at is not None and local.meta.deleted_at is None
        undeleted = item.meta.deleted_at is None and local.meta.deleted_at is not None
        changes.append(RecordChange(ref.type, ref.id, ref.label, fields, deleted, undeleted))
    return tuple(changes)


def short(value: Any, width: int = 60) -> str:
    """A value for a one-line preview."""
    if value is None or value == "":
        return "(tomt)"
    if isinstance(value, tuple):
        text = ", ".join(short(v, width) for v in value) or "(tomt)"
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    else:
        text = str(getattr(value, "value", value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
