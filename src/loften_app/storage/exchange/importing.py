"""Importing a checked package: a preview of what would happen, then one transaction.

Rules (ISSUE 6, "Offline exchange"):

- Records merge by UUID. A register record whose UUID is unknown is matched by its natural key
  (`types`), so databases made from the same template share their agreement, promises, places
  and indicators; the package's references to it are mapped to the local id.
- A record equal to the local one (data and deletion) is unchanged. A record changed on both
  sides since the last exchange with the package's installation (the latest `at` of
  `exchange_log` for that partner; no exchange yet: every record counts as changed) is a
  conflict, resolved record by record or field by field (`Side`, or a mapping field → `Side`).
  Otherwise the newer version (`updated_at`, then `version`) wins.
- Deletions travel as soft deletions (`deleted_at` is one more field).
- A drug case code that another local case already holds: a new incoming case gets the next free
  number of its year (reported in `renumbered`); a known case keeps its local code.
- A package already imported (its id in `exchange_log`) changes nothing.

`apply_import` makes a backup first, checks again inside its write transaction, writes every
record, one audit line per written record (all in one statement) and the log line in that one
transaction, and copies the photos into the photo folder (new names only; removed again if the
transaction fails).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from loften_app.domain.enums import PromiseType
from loften_app.domain.errors import ValidationError, error_text
from loften_app.domain.records import Actor, RecordMeta, Stored
from loften_app.domain.validation import validate
from loften_app.storage import audit
from loften_app.storage.backup import make_backup as backup_now
from loften_app.storage.bulk import collection_paused, larger_page_cache
from loften_app.storage.engines import SQLITE
from loften_app.storage.exchange.case_mark import mark_if_same_organisation
from loften_app.storage.exchange.errors import PackageError, refused
from loften_app.storage.exchange.export import IMPORT, installation_id
from loften_app.storage.exchange.package import Package, open_photo
from loften_app.storage.exchange.types import REFERENCE_TARGETS, TYPES_BY_NAME, RecordType
from loften_app.storage.files import atomic_path, private_folder
from loften_app.storage.models import Base, ExchangeLog, Promise, table_of
from loften_app.storage.services import Services
from loften_app.storage.services.base import utc_now

_ID_CHUNK = 500
_INSERT_CHUNK = 5000
#: The pseudo-field of a conflict that stands for the record's deletion.
DELETED = "deleted_at"


class Side(StrEnum):
    """Which copy of a conflicting record (or field) to keep."""

    LOCAL = "local"
    INCOMING = "incoming"


#: How one conflict is resolved: one side for the whole record, or a side per field (fields
#: left out keep the local value).
Resolution = Side | Mapping[str, Side]


@dataclass(frozen=True)
class RecordRef:
    """A record of the preview: its type (table name), local id, and a Swedish label."""

    type: str
    id: str
    label: str


@dataclass(frozen=True)
class FieldDifference:
    field: str
    local: Any
    incoming: Any


@dataclass(frozen=True)
class Conflict:
    """A record changed on both sides since the last exchange."""

    ref: RecordRef
    local: Stored[Any]
    incoming: Stored[Any]
    fields: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class Matched:
    """A register record of the package matched to a local one by its natural key."""

    type: str
    incoming_id: str
    local_id: str
    label: str


@dataclass(frozen=True)
class Renumbered:
    """A new drug case whose code was taken here, and the code it got instead."""

    id: str
    package_code: str
    new_code: str


@dataclass(frozen=True)
class ImportPreview:
    """What importing the package would do (nothing is written to make it)."""

    package_id: str
    partner: str
    created_at: dt.datetime
    created_by: str
    already_imported: bool
    new: tuple[RecordRef, ...] = ()
    updated: tuple[RecordRef, ...] = ()
    unchanged: tuple[RecordRef, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    matched: tuple[Matched, ...] = ()
    renumbered: tuple[Renumbered, ...] = ()
    missing_photos: tuple[str, ...] = ()

    @property
    def changes_anything(self) -> bool:
        return bool(self.new or self.updated or self.conflicts)


@dataclass(frozen=True)
class ImportResult:
    """What `apply_import` wrote."""

    preview: ImportPreview
    added: int
    updated: int
    merged: int
    kept_local: int
    photos: int
    backup: Path | None


@dataclass
class _Plan:
    preview: ImportPreview
    new: list[tuple[RecordType, RecordMeta, Any]] = field(default_factory=list)
    updates: list[tuple[RecordType, Stored[Any], RecordMeta, Any]] = field(default_factory=list)
    conflicts: list[tuple[RecordType, Stored[Any], RecordMeta, Any]] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)


# --- public API ----------------------------------------------------------------------------------


def preview_import(services: Services, package: Package) -> ImportPreview:
    """What importing `package` (checked by `read_package`) would do; writes nothing."""
    with collection_paused(), services.database.reading() as session:
        return _plan(session, services, package, photo_dir=None).preview


def apply_import(
    services: Services,
    package: Package,
    *,
    actor: Actor,
    photo_dir: Path | None,
    resolutions: Mapping[str, Resolution] | None = None,
    unresolved: Side | None = None,
    make_backup: Callable[[Path], Path | None] | None = None,
    clock: Callable[[], dt.datetime] = utc_now,
) -> ImportResult:
    """Import `package` in one transaction and return what was written.

    `resolutions` maps the local id of each conflict (`ImportPreview.conflicts[i].ref.id`) to
    a `Resolution`. A conflict without one is resolved by `unresolved`; when that is None, the
    import is refused (`PackageError`) and nothing is written. `make_backup(database path)`
    runs first (default: the backup of `storage.backup`, if present).
    """
    resolutions = resolutions or {}
    backup = _backup(services, make_backup)
    now = clock()
    written_photos: list[Path] = []
    try:
        with (
            collection_paused(),
            services.database.writing() as session,
            larger_page_cache(session),
        ):
            plan = _plan(session, services, package, photo_dir=photo_dir)
            if not plan.preview.already_imported:
                mark_if_same_organisation(session, package, actor.organisation)
            result = _write(
                session,
                services,
                plan,
                actor=actor,
                now=now,
                resolutions=resolutions,
                unresolved=unresolved,
            )
            if photo_dir is not None and not plan.preview.already_imported:
                written_photos = _copy_photos(package, plan.photos, photo_dir)
            photos = len(written_photos)
            if not plan.preview.already_imported:
                session.execute(
                    insert(table_of(ExchangeLog)).values(
                        partner=package.manifest.installation_id,
                        direction=IMPORT,
                        package_id=package.manifest.package_id,
                        at=audit.stamp(now),
                        until=None
                        if package.manifest.until is None
                        else audit.stamp(package.manifest.until),
                        records=result[0] + result[1] + result[2],
                    )
                )
    except BaseException:
        for path in written_photos:
            path.unlink(missing_ok=True)
        raise
    added, updated, merged, kept = result
    return ImportResult(plan.preview, added, updated, merged, kept, photos, backup)


# --- planning ------------------------------------------------------------------------------------


def _plan(
    session: Session, services: Services, package: Package, *, photo_dir: Path | None
) -> _Plan:
    manifest = package.manifest
    if manifest.installation_id == installation_id(session):
        raise refused(
            error_text("exchange.own_package", "paketet är exporterat från just den här databasen.")
        )
    already = session.scalar(
        select(func.count()).where(
            ExchangeLog.package_id == manifest.package_id, ExchangeLog.direction == IMPORT
        )
    )
    header = ImportPreview(
        package_id=manifest.package_id,
        partner=manifest.installation_id,
        created_at=manifest.created_at,
        created_by=manifest.created_by,
        already_imported=bool(already),
    )
    if already:
        return _Plan(header)
    last = session.scalar(
        select(func.max(ExchangeLog.at)).where(ExchangeLog.partner == manifest.installation_id)
    )
    since = None if last is None else dt.datetime.fromisoformat(last)
    plan = _Plan(header)
    id_map: dict[str, str] = {}
    new: list[RecordRef] = []
    updated: list[RecordRef] = []
    unchanged: list[RecordRef] = []
    matched: list[Matched] = []
    renumbered: list[Renumbered] = []
    incoming_promise_types: dict[str, PromiseType] = {}
    new_ids: dict[str, set[str]] = {}
    for type_name, items in package.records.items():
        record_type = TYPES_BY_NAME[type_name]
        service = record_type.service_of(services)
        remapped = [(item.meta, _remap(item.data, id_map)) for item in items]
        local = _load(session, service, [meta.id for meta, _ in remapped])
        if record_type.is_register:
            remapped = _match(
                session,
                service,
                record_type=record_type,
                remapped=remapped,
                local=local,
                id_map=id_map,
                matched=matched,
            )
        if record_type.renumber is not None:
            remapped, changed_codes = record_type.renumber(session, remapped, local)
            renumbered.extend(Renumbered(*change) for change in changed_codes)
        for meta, data in remapped:
            if type_name == "promise":
                incoming_promise_types[meta.id] = data.type
            ref = RecordRef(type_name, meta.id, _label(record_type, data))
            current = local.get(meta.id)
            if current is None:
                new.append(ref)
                plan.new.append((record_type, meta, data))
                new_ids.setdefault(type_name, set()).add(meta.id)
                continue
            if _same(current, meta, data):
                unchanged.append(ref)
                continue
            local_changed = since is None or current.meta.updated_at > since
            remote_changed = since is None or meta.updated_at > since
            if local_changed and remote_changed:
                plan.conflicts.append((record_type, current, meta, data))
            elif (meta.updated_at, meta.version) > (
                current.meta.updated_at,
                current.meta.version,
            ):
                updated.append(ref)
                plan.updates.append((record_type, current, meta, data))
            else:
                unchanged.append(ref)
    changed = [(t, m, d) for t, m, d in plan.new] + [
        (t, m, d) for t, _c, m, d in (*plan.updates, *plan.conflicts)
    ]
    _check_references(session, changed, new_ids, incoming_promise_types)
    plan.photos, missing = _photos(package, changed, photo_dir)
    conflicts = tuple(
        Conflict(
            RecordRef(t.name, current.id, _label(t, data)),
            current,
            Stored(meta, data),
            _differences(current, meta, data),
        )
        for t, current, meta, data in plan.conflicts
    )
    plan.preview = dataclasses.replace(
        plan.preview,
        new=tuple(new),
        updated=tuple(updated),
        unchanged=tuple(unchanged),
        conflicts=conflicts,
        matched=tuple(matched),
        renumbered=tuple(renumbered),
        missing_photos=tuple(missing),
    )
    return plan


def _load(session: Session, service: Any, ids: list[str]) -> dict[str, Stored[Any]]:
    """The local copies of the records with these ids, by id."""
    found: dict[str, Stored[Any]] = service.load_in(session, ids)
    return found


def _match(
    session: Session,
    service: Any,
    *,
    record_type: RecordType,
    remapped: list[tuple[RecordMeta, Any]],
    local: dict[str, Stored[Any]],
    id_map: dict[str, str],
    matched: list[Matched],
) -> list[tuple[RecordMeta, Any]]:
    """Register records with an unknown id that match an active local record by natural key
    take that record's id (and the package's references to them are mapped)."""
    key_of = record_type.natural_key
    assert key_of is not None
    unknown = [meta.id for meta, _ in remapped if meta.id not in local]
    if not unknown:
        return remapped
    incoming_ids = {meta.id for meta, _ in remapped}
    candidates: dict[tuple[Any, ...], Stored[Any]] = {}
    for stored in service.every_active_in(session):
        if stored.id not in incoming_ids:
            candidates.setdefault(key_of(stored.data), stored)
    result = []
    for meta, data in remapped:
        found = None
        if meta.id not in local and meta.deleted_at is None:
            found = candidates.pop(key_of(data), None)
        if found is None:
            result.append((meta, data))
            continue
        id_map[meta.id] = found.id
        label = _label(record_type, data)
        matched.append(Matched(record_type.name, meta.id, found.id, label))
        local.update(_load(session, service, [found.id]))
        result.append((dataclasses.replace(meta, id=found.id), data))
    return result


_ReferencePlan = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]
_REFERENCE_PLANS: dict[type, _ReferencePlan] = {}


def _reference_plan(data_class: type) -> _ReferencePlan:
    """(reference field, its target type) pairs of `data_class`, and its fields that hold a
    tuple of child data classes; worked out once a class from the type hints."""
    plan = _REFERENCE_PLANS.get(data_class)
    if plan is None:
        plan = _REFERENCE_PLANS[data_class] = _work_out_plan(data_class)
    return plan


def _work_out_plan(data_class: type) -> _ReferencePlan:
    hints = typing.get_type_hints(data_class)
    references: list[tuple[str, str]] = []
    children: list[str] = []
    for f in dataclasses.fields(data_class):
        target = REFERENCE_TARGETS.get(f.name)
        if target is not None:
            references.append((f.name, target))
            continue
        hint = hints[f.name]
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and args and dataclasses.is_dataclass(args[0]):
            children.append(f.name)
    return tuple(references), tuple(children)


def _remap(data: Any, id_map: Mapping[str, str]) -> Any:
    """`data` with its references to matched register records replaced by the local ids."""
    if not id_map:
        return data
    references, children = _reference_plan(type(data))
    changes: dict[str, Any] = {}
    for name, _target in references:
        value = getattr(data, name)
        if value is None:
            continue
        if value.__class__ is tuple:
            if id_map.keys().isdisjoint(value):
                continue
            changes[name] = tuple([id_map.get(v, v) for v in value])
        elif value in id_map:
            changes[name] = id_map[value]
    for name in children:
        value = getattr(data, name)
        items = [_remap(item, id_map) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            changes[name] = tuple(items)
    return _replaced(data, changes) if changes else data


def _replaced(data: Any, changes: dict[str, Any]) -> Any:
    """`dataclasses.replace(data, **changes)`, quicker for a data class whose `__init__` only
    sets its fields (no `__post_init__`): a copy of its fields with `changes` over them."""
    data_class = type(data)
    if hasattr(data_class, "__post_init__") or not hasattr(data, "__dict__"):
        return dataclasses.replace(data, **changes)
    copy = object.__new__(data_class)
    copy.__dict__.update(data.__dict__, **changes)
    return copy


def _same(current: Stored[Any], meta: RecordMeta, data: Any) -> bool:
    return bool(current.data == data) and current.meta.is_deleted == meta.is_deleted


def _differences(current: Stored[Any], meta: RecordMeta, data: Any) -> tuple[FieldDifference, ...]:
    found = [
        FieldDifference(f.name, getattr(current.data, f.name), getattr(data, f.name))
        for f in dataclasses.fields(data)
        if getattr(current.data, f.name) != getattr(data, f.name)
    ]
    if current.meta.is_deleted != meta.is_deleted:
        found.append(FieldDifference(DELETED, current.meta.deleted_at, meta.deleted_at))
    return tuple(found)


def _refers_to_own_type(data_class: type, type_name: str) -> bool:
    """Whether a record of `data_class` (a child of it included) may refer to a record of its
    own type `type_name`."""
    references, children = _reference_plan(data_class)
    if any(target == type_name for _name, target in references):
        return True
    hints = typing.get_type_hints(data_class)
    return any(_refers_to_own_type(typing.get_args(hints[name])[0], type_name) for name in children)


def _meta_id(item: tuple[RecordMeta, Any]) -> str:
    return item[0].id


def _collect_references(data: Any, into: dict[str, set[str]]) -> None:
    """Add the id of every reference in `data`, children included, to `into[target type]`."""
    references, children = _reference_plan(type(data))
    for name, target in references:
        value = getattr(data, name)
        if isinstance(value, tuple):
            into.setdefault(target, set()).update(value)
        elif value is not None:
            into.setdefault(target, set()).add(value)
    for name in children:
        for item in getattr(data, name):
            _collect_references(item, into)


def _check_references(
    session: Session,
    changed: list[tuple[RecordType, RecordMeta, Any]],
    new_ids: dict[str, set[str]],
    incoming_promise_types: dict[str, PromiseType],
) -> None:
    referred: dict[str, set[str]] = {}
    for _t, _meta, data in changed:
        _collect_references(data, referred)
    wanted = {
        target: ids - new_ids.get(target, set())
        for target, ids in referred.items()
        if ids - new_ids.get(target, set())
    }
    for target, ids in wanted.items():
        table = Base.metadata.tables[target]
        listed = sorted(ids)
        found: set[str] = set()
        for start in range(0, len(listed), _ID_CHUNK):
            chunk = listed[start : start + _ID_CHUNK]
            found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        missing = ids - found
        if missing:
            raise refused(
                error_text(
                    "exchange.missing_reference",
                    "en post hänvisar till en {noun} som varken finns här eller i paketet ({id}).",
                    noun=TYPES_BY_NAME[target].noun,
                    id=sorted(missing)[0],
                )
            )
    promise_types = dict(session.execute(select(Promise.id, Promise.type)).all())
    promise_types.update(incoming_promise_types)
    for record_type, meta, data in changed:
        expected = record_type.promise_type
        if expected is not None and promise_types.get(data.promise_id) != expected:
            raise refused(
                error_text(
                    "exchange.wrong_promise_type",
                    "{noun} {id} hör till ett löfte av en annan sort än {noun}.",
                    noun=record_type.noun,
                    id=meta.id,
                )
            )


def _photos(
    package: Package, changed: list[tuple[RecordType, RecordMeta, Any]], photo_dir: Path | None
) -> tuple[list[str], list[str]]:
    """(photos of the package to copy, photos referred to that neither side has)."""
    wanted: list[str] = []
    missing: list[str] = []
    for record_type, _m, data in changed:
        for name in record_type.photos(data):
            if name in package.photos:
                wanted.append(name)
            elif photo_dir is None or not (photo_dir / name).is_file():
                missing.append(name)
    return list(dict.fromkeys(wanted)), list(dict.fromkeys(missing))


def _label(record_type: RecordType, data: Any) -> str:
    """The record's noun and the first of its kind's label fields that has a value."""
    for name in record_type.label_fields:
        value = getattr(data, name, None)
        if value:
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
            return f"{record_type.noun} {text}"
    return record_type.noun


# --- writing -------------------------------------------------------------------------------------


def _write(
    session: Session,
    services: Services,
    plan: _Plan,
    *,
    actor: Actor,
    now: dt.datetime,
    resolutions: Mapping[str, Resolution],
    unresolved: Side | None,
) -> tuple[int, int, int, int]:
    conflicts: list[tuple[RecordType, Stored[Any], RecordMeta, Any]] = []
    merged_updates: list[tuple[RecordType, Stored[Any], RecordMeta, Any]] = []
    kept = 0
    missing = [c for _t, c, _m, _d in plan.conflicts if c.id not in resolutions]
    if missing and unresolved is None:
        raise PackageError(
            error_text(
                "exchange.unresolved_conflicts",
                "{count} poster är ändrade både här och i paketet sedan det senaste utbytet. "
                "Välj för varje konflikt vilka värden som ska gälla och importera igen. "
                "Databasen har inte ändrats.",
                count=len(missing),
            )
        )
    for record_type, current, meta, data in plan.conflicts:
        resolution = resolutions.get(current.id, unresolved)
        if resolution == Side.LOCAL:
            kept += 1
        elif resolution == Side.INCOMING:
            conflicts.append((record_type, current, meta, data))
        else:
            assert isinstance(resolution, Mapping)
            merged_updates.append(
                _merge(record_type, current, meta, data, choice=resolution, actor=actor, now=now)
            )
    written: list[tuple[RecordType, RecordMeta, Any]] = []
    for record_type, items in _by_type(plan.new).items():
        service = record_type.service_of(services)
        if not _refers_to_own_type(record_type.data_class, record_type.name):
            # In key order, each index of the table (and of its child rows, by the record's
            # id) grows at one end instead of at random places: much less of a large file is
            # read and written. Records that may refer to one of their own type keep the
            # package's order (a promise continues an earlier one).
            items.sort(key=_meta_id)
        for start in range(0, len(items), _INSERT_CHUNK):
            chunk = items[start : start + _INSERT_CHUNK]
            with _refused_if_invalid():
                done = service.insert_in(session, chunk)
            written.extend((record_type, meta, data) for meta, data in done)
    updates = [*plan.updates, *conflicts]
    replaced: list[tuple[RecordType, Stored[Any], RecordMeta, Any]] = []
    for record_type, current, meta, data in [*updates, *merged_updates]:
        service = record_type.service_of(services)
        with _refused_if_invalid():
            stored = service.replace_one_in(session, current=current, meta=meta, data=data)
        replaced.append((record_type, current, meta, stored.data))
    audit.record_many(
        session,
        at=now,
        actor=actor,
        action=audit.IMPORT,
        lines=_audit_lines(written, replaced),
        note=f"paket {plan.preview.package_id}",
    )
    return len(plan.new), len(updates), len(merged_updates), kept


def _audit_lines(
    written: list[tuple[RecordType, RecordMeta, Any]],
    replaced: list[tuple[RecordType, Stored[Any], RecordMeta, Any]],
) -> Iterator[tuple[str, str, dict[str, list[Any]] | str]]:
    """One audit line per record written (type, id, changes): the fields of each new one, and
    what changed in each replaced one (its deletion too)."""
    for record_type, meta, data in written:
        yield record_type.name, meta.id, audit.added_json(data)
    for record_type, current, meta, data in replaced:
        changes = audit.diff(current.data, data)
        if current.meta.deleted_at != meta.deleted_at:
            changes[DELETED] = [current.meta.deleted_at, meta.deleted_at]
        yield record_type.name, current.id, changes


def _by_type(
    items: list[tuple[RecordType, RecordMeta, Any]],
) -> dict[RecordType, list[tuple[RecordMeta, Any]]]:
    grouped: dict[RecordType, list[tuple[RecordMeta, Any]]] = {}
    for record_type, meta, data in items:
        grouped.setdefault(record_type, []).append((meta, data))
    return grouped


def _merge(
    record_type: RecordType,
    current: Stored[Any],
    meta: RecordMeta,
    data: Any,
    *,
    choice: Mapping[str, Side],
    actor: Actor,
    now: dt.datetime,
) -> tuple[RecordType, Stored[Any], RecordMeta, Any]:
    names = {f.name for f in dataclasses.fields(data)} | {DELETED}
    unknown = set(choice) - names
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)} for {record_type.name}")
    values = {
        f.name: getattr(data if choice.get(f.name) == Side.INCOMING else current.data, f.name)
        for f in dataclasses.fields(data)
    }
    merged = type(data)(**values)
    issues = validate(merged, today=None)
    if issues:
        raise PackageError(
            error_text(
                "exchange.merged_invalid",
                "De valda värdena för {record} går inte ihop: {problem} Välj andra värden. "
                "Databasen har inte ändrats.",
                record=_label(record_type, merged),
                problem=issues[0].message,
            )
        )
    take_deleted = choice.get(DELETED) == Side.INCOMING
    deleted_at = meta.deleted_at if take_deleted else current.meta.deleted_at
    merged_meta = dataclasses.replace(
        current.meta,
        version=max(current.meta.version, meta.version) + 1,
        updated_at=now,
        updated_by=actor.name,
        deleted_at=deleted_at,
    )
    return record_type, current, merged_meta, merged


@contextlib.contextmanager
def _refused_if_invalid() -> Iterator[None]:
    """Around a service's write verb: a reference that does not hold refuses the package (the
    plan has checked the references already, so this is a last guard)."""
    try:
        yield
    except ValidationError as error:
        raise refused(error.issues[0].message) from error


def _copy_photos(package: Package, names: list[str], photo_dir: Path) -> list[Path]:
    """Copy the package's photos that the folder lacks; returns the files made (the caller
    removes them if the transaction fails). A name already present is left alone."""
    made: list[Path] = []
    private_folder(photo_dir, own=True)
    try:
        for name in names:
            target = photo_dir / name
            if target.exists():
                continue
            digest = hashlib.sha256()
            with atomic_path(target) as partial:
                with partial.open("wb") as handle:
                    for chunk in open_photo(package, name):
                        digest.update(chunk)
                        handle.write(chunk)
                if digest.hexdigest() != package.photos[name][1]:
                    raise refused(
                        error_text(
                            "exchange.photo_changed",
                            "fotot {name} har ändrats sedan paketet kontrollerades.",
                            name=name,
                        )
                    )
            made.append(target)
    except OSError as error:
        for path in made:
            path.unlink(missing_ok=True)
        raise PackageError(
            error_text(
                "exchange.photos_not_copied",
                "Fotona kunde inte kopieras till {folder} ({reason}). Databasen har inte ändrats.",
                folder=photo_dir,
                reason=error.strerror,
            )
        ) from error
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return made


def _backup(services: Services, make_backup: Callable[[Path], Path | None] | None) -> Path | None:
    """A backup of the database before the import: `make_backup`, or by default
    `storage.backup.make_backup` (reason "before-import"). None on a server: its backups are
    the IT department's, and the import is one transaction there too."""
    if services.database.engine.dialect.name != SQLITE:  # a server (no Alembic loaded to ask)
        return None
    if make_backup is not None:
        return make_backup(services.database.path)
    return backup_now(services.database.path, "before-import")
