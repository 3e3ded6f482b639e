"""The `.loften` package: writing one atomically, and reading an untrusted one.

A package is a zip file:

    manifest.json            format, schema version, installation, time, counts, files, checksum
    records/<type>.json      a JSON list of the records of one type (see `codec`)
    photos/<file name>       the photo files of the safety walks in the package

The manifest lists every other member with its size and SHA-256, and `content_sha256` is the
SHA-256 of the members in name order (name, NUL, size, NUL, bytes for each). `read_package`
checks everything before the caller may write anything: the zip's structure and member names,
declared and actual sizes against `Limits` (an oversized member or a zip bomb is refused before
or while reading, never after inflating it whole), every checksum, the manifest, and every record
against the schema (`codec`) and the domain rules (`domain.validation.validate`, the personnummer
guard included). It raises `PackageError` and nothing else, and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from loften_app.domain.errors import ErrorText, error_text
from loften_app.domain.personnummer import contains_identity_number
from loften_app.domain.records import PatrolData, RecordMeta, SafetyWalkData
from loften_app.domain.validation import validate
from loften_app.storage.bulk import collection_paused
from loften_app.storage.database import SCHEMA_VERSION
from loften_app.storage.exchange.codec import decode_datetime, decode_record, is_photo_name, is_uuid
from loften_app.storage.exchange.errors import PackageError, refused
from loften_app.storage.exchange.signing import sign_file
from loften_app.storage.exchange.types import RECORD_TYPES, TYPES_BY_NAME, RecordType
from loften_app.storage.files import atomic_path, os_reason

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "loften-exchange"
FORMAT_VERSION = 1
SUFFIX = ".loften"
MANIFEST = "manifest.json"
RECORDS_PREFIX = "records/"
PHOTOS_PREFIX = "photos/"
OWNER_ONLY = stat.S_IRUSR | stat.S_IWUSR
_CHUNK = 1 << 20
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Limits:
    """How large a package and its parts may be; larger ones are refused unread.

    The record limits bound the memory a package can take whatever it claims: one records
    member (at most `records_bytes`, about 85,000 patrols) is held and parsed record by record
    at a time, and all of them together are at most `records_total_bytes` (a package of about
    170,000 records; exchanges carry the changes since the last one, far fewer)."""

    package_bytes: int = 4 << 30
    members: int = 100_000
    manifest_bytes: int = 1 << 20
    records_bytes: int = 64 << 20
    records_total_bytes: int = 128 << 20
    photo_bytes: int = 50 << 20
    photos_total_bytes: int = 2 << 30
    records: int = 200_000
    #: Uncompressed size divided by compressed size above which a member is a zip bomb.
    ratio: int = 200


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Incoming:
    """One record of a package, decoded and validated."""

    type: RecordType
    meta: RecordMeta
    data: Any


@dataclass(frozen=True)
class Manifest:
    package_id: str
    installation_id: str
    schema_version: int
    created_at: dt.datetime
    created_by: str
    partner: str
    since: dt.datetime | None
    until: dt.datetime | None
    counts: dict[str, int]
    files: dict[str, tuple[int, str]]
    content_sha256: str


@dataclass(frozen=True)
class Package:
    """A checked package: its manifest, its records by type (parents first), and its photos
    (file name → (size, SHA-256)); `path` is the file, read again for the photos on import."""

    path: Path
    manifest: Manifest
    records: dict[str, list[Incoming]]
    photos: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def record_count(self) -> int:
        return sum(len(items) for items in self.records.values())


# --- writing --------------------------------------------------------------------------------------


def content_digest(members: list[tuple[str, bytes]]) -> str:
    """`content_sha256` of members (name, bytes) as `read_package` checks it."""
    digest = hashlib.sha256()
    for name, content in sorted(members):
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def write_package(
    out: Path,
    manifest: dict[str, Any],
    members: list[tuple[str, bytes]],
    *,
    key: Ed25519PrivateKey | None = None,
) -> None:
    """Write a package to `out` atomically (a temporary owner-only file beside it, synced, then
    renamed over `out`); `manifest` gets the files and the content checksum added, and `key`
    signs the whole file (`signing.sign_file`)."""
    files = {
        name: {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        for name, content in members
    }
    manifest = {**manifest, "files": files, "content_sha256": content_digest(members)}
    out = out.expanduser().resolve()
    try:
        with atomic_path(out) as temporary, temporary.open("wb") as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                archive.writestr(_info(MANIFEST), json.dumps(manifest, indent=1))
                for name, content in members:
                    archive.writestr(_info(name), content)
            handle.flush()
            handle.close()
            if key is not None:
                sign_file(temporary, key)
    except OSError as error:
        raise PackageError(
            error_text(
                "package.cannot_write",
                (
                    "Paketet kunde inte skrivas till {out} ({os_reason}). Inget paket skapades. "
                    "Kontrollera utrymmet på disken och mappen och försök igen."
                ),
                out=out,
                os_reason=os_reason(error),
            )
        ) from error


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | OWNER_ONLY) << 16
    return info


# --- reading --------------------------------------------------------------------------------------


def read_package(
    path: Path, *, limits: Limits = DEFAULT_LIMITS, today: dt.date | None = None
) -> Package:
    """Open and check the package at `path` completely (see the module); `today` is passed to
    the domain validation (records dated after it are refused where the domain says so)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PackageError(
            error_text(
                "package.unreadable",
                "Paketet {path} kunde inte läsas ({strerror}).",
                path=path,
                strerror=error.strerror,
            )
        ) from error
    if size > limits.package_bytes:
        raise refused(
            error_text(
                "package.file_too_large",
                "filen är större än {megabytes} MB.",
                megabytes=limits.package_bytes >> 20,
            )
        )
    try:
        with path.open("rb") as handle:
            return _read(path, handle, limits, today)
    except PackageError:
        raise
    except OSError as error:
        raise PackageError(
            error_text(
                "package.unreadable",
                "Paketet {path} kunde inte läsas ({strerror}).",
                path=path,
                strerror=error.strerror,
            )
        ) from error
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as error:
        raise refused(
            error_text(
                "package.not_a_package",
                "filen är inget giltigt Löften-paket eller är skadad ({error}).",
                error=error,
            )
        ) from None
    except (NotImplementedError, RuntimeError) as error:
        # unsupported compression, encrypted members
        raise refused(
            error_text(
                "package.unsupported_feature",
                "paketet använder något som Löften inte läser ({error}).",
                error=error,
            )
        ) from None
    except (ValueError, OverflowError, UnicodeError, RecursionError, MemoryError) as error:
        raise refused(
            error_text(
                "package.not_a_package_2",
                "filen är inget giltigt Löften-paket ({name}).",
                name=type(error).__name__,
            )
        ) from None


def read_package_from(
    data: bytes, *, limits: Limits = DEFAULT_LIMITS, today: dt.date | None = None
) -> Package:
    """`read_package` of bytes in memory (for fuzzing; the path is only a label)."""
    label = Path("(minnet)")
    if len(data) > limits.package_bytes:
        raise refused(
            error_text(
                "package.file_too_large",
                "filen är större än {megabytes} MB.",
                megabytes=limits.package_bytes >> 20,
            )
        )
    try:
        return _read(label, io.BytesIO(data), limits, today)
    except PackageError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError) as error:
        raise refused(
            error_text(
                "package.not_a_package",
                "filen är inget giltigt Löften-paket eller är skadad ({error}).",
                error=error,
            )
        ) from None
    except (NotImplementedError, RuntimeError) as error:
        raise refused(
            error_text(
                "package.unsupported_feature",
                "paketet använder något som Löften inte läser ({error}).",
                error=error,
            )
        ) from None
    except (ValueError, OverflowError, UnicodeError, RecursionError, MemoryError) as error:
        raise refused(
            error_text(
                "package.not_a_package_2",
                "filen är inget giltigt Löften-paket ({name}).",
                name=type(error).__name__,
            )
        ) from None


def _read(path: Path, handle: IO[bytes], limits: Limits, today: dt.date | None) -> Package:
    with collection_paused(), zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        by_name = _check_members(infos, limits)
        manifest = _read_manifest(archive, by_name, limits)
        listed = set(manifest.files)
        present = set(by_name) - {MANIFEST}
        if listed != present:
            odd = sorted(listed ^ present)[0]
            raise refused(
                error_text(
                    "package.manifest_mismatch",
                    "innehållsförteckningen stämmer inte med filerna ({odd!r}).",
                    odd=odd,
                )
            )
        digest = hashlib.sha256()
        records: dict[str, list[Incoming]] = {}
        photos: dict[str, tuple[int, str]] = {}
        total_records = 0
        photo_total = 0
        for name in sorted(present):
            declared_size, declared_hash = manifest.files[name]
            info = by_name[name]
            if info.file_size != declared_size:
                raise refused(
                    error_text(
                        "package.size_mismatch",
                        "storleken på {name!r} stämmer inte med innehållsförteckningen.",
                        name=name,
                    )
                )
            if name.startswith(RECORDS_PREFIX):
                content = _read_member(archive, info, limits.records_bytes)
                _check_hash(name, content, declared_hash)
                digest.update(f"{name}\0{len(content)}\0".encode())
                digest.update(content)
                type_name = name[len(RECORDS_PREFIX) : -len(".json")]
                items = _decode_records(TYPES_BY_NAME[type_name], content, limits, today)
                del content
                total_records += len(items)
                if total_records > limits.records:
                    raise refused(
                        error_text(
                            "package.too_many_records",
                            "paketet har fler än {records} poster.",
                            records=limits.records,
                        )
                    )
                if manifest.counts.get(type_name, 0) != len(items):
                    raise refused(
                        error_text(
                            "package.count_mismatch",
                            "antalet poster av typen {type_name} stämmer inte.",
                            type_name=type_name,
                        )
                    )
                records[type_name] = items
            else:
                photo_total += info.file_size
                if photo_total > limits.photos_total_bytes:
                    raise refused(
                        error_text("package.photos_too_large", "fotona är tillsammans för stora.")
                    )
                size, photo_hash = _hash_member(archive, info, limits.photo_bytes, digest, name)
                if photo_hash != declared_hash:
                    raise refused(
                        error_text(
                            "package.file_checksum_mismatch",
                            "kontrollsumman för {name!r} stämmer inte: filen är skadad.",
                            name=name,
                        )
                    )
                photos[name[len(PHOTOS_PREFIX) :]] = (size, photo_hash)
        if digest.hexdigest() != manifest.content_sha256:
            raise refused(
                error_text(
                    "package.content_checksum_mismatch",
                    "kontrollsumman för innehållet stämmer inte: paketet är skadat.",
                )
            )
        if any(count and name not in records for name, count in manifest.counts.items()):
            raise refused(
                error_text(
                    "package.manifest_counts_absent",
                    "innehållsförteckningen räknar poster som saknas i paketet.",
                )
            )
    ordered = {t.name: records[t.name] for t in RECORD_TYPES if t.name in records}
    _check_unique_ids(ordered)
    return Package(path, manifest, ordered, photos)


def _check_members(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > limits.members:
        raise refused(
            error_text(
                "package.too_many_files",
                "paketet har fler än {members} filer.",
                members=limits.members,
            )
        )
    by_name: dict[str, zipfile.ZipInfo] = {}
    allowed_records = {f"{RECORDS_PREFIX}{t.name}.json" for t in RECORD_TYPES}
    for info in infos:
        name = info.filename
        if name in by_name:
            raise refused(
                error_text(
                    "package.file_twice",
                    "filen {name!r} finns två gånger i paketet.",
                    name=name,
                )
            )
        photo = name.startswith(PHOTOS_PREFIX) and is_photo_name(name[len(PHOTOS_PREFIX) :])
        if name != MANIFEST and name not in allowed_records and not photo:
            raise refused(
                error_text(
                    "package.unexpected_file",
                    "paketet innehåller en fil som inte hör hemma där ({name!r}).",
                    name=name,
                )
            )
        if info.flag_bits & 0x1:
            raise refused(error_text("package.encrypted", "paketet är krypterat."))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refused(
                error_text(
                    "package.unsupported_compression",
                    "filen {name!r} är packad på ett sätt som Löften inte läser.",
                    name=name,
                )
            )
        limit = _limit_for(name, limits)
        if info.file_size > limit:
            raise refused(
                error_text(
                    "package.file_too_large_2",
                    "filen {name!r} är större än tillåtet ({megabytes} MB).",
                    name=name,
                    megabytes=limit >> 20,
                )
            )
        if info.file_size > _CHUNK and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise refused(
                error_text(
                    "package.zip_bomb",
                    "filen {name!r} packas upp till orimligt mycket (en zip-bomb?).",
                    name=name,
                )
            )
        by_name[name] = info
    records_total = sum(i.file_size for n, i in by_name.items() if n.startswith(RECORDS_PREFIX))
    if records_total > limits.records_total_bytes:
        raise refused(
            error_text(
                "package.records_too_large",
                "posterna är tillsammans större än tillåtet ({megabytes} MB).",
                megabytes=limits.records_total_bytes >> 20,
            )
        )
    if MANIFEST not in by_name:
        raise refused(
            error_text(
                "package.manifest_missing",
                "innehållsförteckningen (manifest.json) saknas.",
            )
        )
    return by_name


def _limit_for(name: str, limits: Limits) -> int:
    if name == MANIFEST:
        return limits.manifest_bytes
    if name.startswith(RECORDS_PREFIX):
        return limits.records_bytes
    return limits.photo_bytes


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's bytes in chunks; refused as soon as more than `limit` come out (a member
    whose declared size lies)."""
    read = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            read += len(chunk)
            if read > limit or read > info.file_size:
                raise refused(
                    error_text(
                        "package.file_too_large_3",
                        "filen {filename!r} är större än den säger sig vara.",
                        filename=info.filename,
                    )
                )
            yield chunk
    if read != info.file_size:
        raise refused(
            error_text(
                "package.file_too_short",
                "filen {filename!r} är kortare än den säger sig vara.",
                filename=info.filename,
            )
        )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    return b"".join(_chunks(archive, info, limit))


def _hash_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, content: Any, name: str
) -> tuple[int, str]:
    digest = hashlib.sha256()
    content.update(f"{name}\0{info.file_size}\0".encode())
    size = 0
    for chunk in _chunks(archive, info, limit):
        digest.update(chunk)
        content.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _check_hash(name: str, content: bytes, declared: str) -> None:
    if hashlib.sha256(content).hexdigest() != declared:
        raise refused(
            error_text(
                "package.file_checksum_mismatch",
                "kontrollsumman för {name!r} stämmer inte: filen är skadad.",
                name=name,
            )
        )


def _json(content: bytes, what: str) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise refused(
            error_text("package.invalid_json", "{what} är inte giltig JSON.", what=what)
        ) from None


def _read_manifest(
    archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], limits: Limits
) -> Manifest:
    raw = _json(_read_member(archive, by_name[MANIFEST], limits.manifest_bytes), MANIFEST)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise refused(
            error_text(
                "package.no_format",
                "filen är inget Löften-paket (innehållsförteckningen saknar formatet).",
            )
        )
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise refused(
            error_text(
                "package.manifest_lacks_format_version",
                "innehållsförteckningen saknar formatversion.",
            )
        )
    if version > FORMAT_VERSION:
        raise refused(
            error_text(
                "package.newer_format",
                (
                    "paketet är gjort av en nyare version av Löften (format {version}). "
                    "Uppdatera Löften och försök igen."
                ),
                version=version,
            )
        )
    if version != FORMAT_VERSION:
        raise refused(
            error_text(
                "package.unknown_format_version",
                "formatversionen {version} är okänd.",
                version=version,
            )
        )
    schema = raw.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise refused(
            error_text(
                "package.manifest_lacks_schema",
                "innehållsförteckningen saknar databasversion.",
            )
        )
    if schema > SCHEMA_VERSION:
        raise refused(
            error_text(
                "package.newer_schema",
                (
                    "paketet är gjort av en nyare version av Löften (databasversion {schema}). "
                    "Uppdatera Löften och försök igen."
                ),
                schema=schema,
            )
        )
    try:
        return Manifest(
            package_id=_manifest_uuid(raw, "package_id"),
            installation_id=_manifest_uuid(raw, "installation_id"),
            schema_version=schema,
            created_at=decode_datetime(raw.get("created_at"), "created_at"),
            created_by=_manifest_text(raw, "created_by"),
            partner=_manifest_text(raw, "partner"),
            since=None if raw.get("since") is None else decode_datetime(raw["since"], "since"),
            until=None if raw.get("until") is None else decode_datetime(raw["until"], "until"),
            counts=_manifest_counts(raw.get("counts")),
            files=_manifest_files(raw.get("files")),
            content_sha256=_manifest_hash(raw.get("content_sha256")),
        )
    except PackageError:
        raise
    except Exception as error:  # codec's _InvalidError for the times
        raise refused(
            error_text(
                "package.manifest_invalid",
                "innehållsförteckningen är felaktig ({error}).",
                error=error,
            )
        ) from None


def _manifest_uuid(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not is_uuid(value):
        raise refused(
            error_text(
                "package.manifest_lacks_key",
                "innehållsförteckningen saknar {key}.",
                key=key,
            )
        )
    return str(value)


def _manifest_text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or len(value) > 200:
        raise refused(
            error_text(
                "package.manifest_bad_key",
                "innehållsförteckningen har ett felaktigt {key}.",
                key=key,
            )
        )
    if contains_identity_number(value):
        raise refused(
            error_text(
                "package.manifest_identity_number",
                (
                    "innehållsförteckningens {key} innehåller ett personnummer eller "
                    "samordningsnummer."
                ),
                key=key,
            )
        )
    return value


def _manifest_counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise refused(
            error_text(
                "package.manifest_lacks_counts",
                "innehållsförteckningen saknar antalet poster.",
            )
        )
    counts: dict[str, int] = {}
    for key, count in value.items():
        if key not in TYPES_BY_NAME or not isinstance(count, int) or isinstance(count, bool):
            raise refused(
                error_text(
                    "package.manifest_unknown_type",
                    "innehållsförteckningen räknar en okänd sorts post ({key!r}).",
                    key=key,
                )
            )
        if count < 0:
            raise refused(
                error_text(
                    "package.manifest_negative_count",
                    "innehållsförteckningen har ett negativt antal poster.",
                )
            )
        counts[key] = count
    return counts


def _manifest_hash(value: Any) -> str:
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise refused(
            error_text(
                "package.manifest_lacks_checksum",
                "innehållsförteckningen saknar kontrollsumman.",
            )
        )
    return value


def _manifest_files(value: Any) -> dict[str, tuple[int, str]]:
    if not isinstance(value, dict):
        raise refused(
            error_text(
                "package.manifest_lacks_files",
                "innehållsförteckningen saknar fillistan.",
            )
        )
    files: dict[str, tuple[int, str]] = {}
    for name, entry in value.items():
        if not isinstance(entry, dict) or entry.keys() != {"size", "sha256"}:
            raise refused(
                error_text(
                    "package.bad_file_entry",
                    "fillistan är felaktig för {name!r}.",
                    name=name,
                )
            )
        size = entry["size"]
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise refused(
                error_text(
                    "package.bad_size",
                    "storleken på {name!r} är felaktig.",
                    name=name,
                )
            )
        files[name] = (size, _manifest_hash(entry["sha256"]))
    return files


def _decode_records(
    record_type: RecordType, content: bytes, limits: Limits, today: dt.date | None
) -> list[Incoming]:
    items: list[Incoming] = []
    data_class = record_type.data_class
    for index, value in enumerate(_json_array(content, f"posterna av typen {record_type.name}")):
        if index >= limits.records:
            raise refused(
                error_text(
                    "package.too_many_records",
                    "paketet har fler än {records} poster.",
                    records=limits.records,
                )
            )
        where = error_text(
            "exchange.record_number", "{noun} nr {number}", noun=record_type.noun, number=index + 1
        )
        meta, data = decode_record(value, data_class, where)
        issues = validate(data, today=today)
        if issues:
            raise refused(
                error_text(
                    "package.record_invalid",
                    "{where} ({id}) följer inte reglerna: {message}",
                    where=where,
                    id=meta.id,
                    message=issues[0].message,
                )
            )
        _check_children(data, where)
        items.append(Incoming(record_type, meta, data))
    return items


_SPACE = re.compile(r"[ \t\n\r]*")


def _json_array(content: bytes, what: str) -> Iterator[Any]:
    """The values of the JSON array `content`, parsed one at a time (never the whole list of
    dictionaries at once: each value is decoded into a record before the next is parsed)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise refused(
            error_text("package.invalid_json", "{what} är inte giltig JSON.", what=what)
        ) from None
    decoder = json.JSONDecoder()
    position = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", position):
        raise refused(error_text("package.not_a_list", "{what} är ingen lista.", what=what))
    position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", position):
        position += 1
    else:
        while True:
            try:
                value, position = decoder.raw_decode(text, position)
            except (json.JSONDecodeError, RecursionError):
                raise refused(
                    error_text("package.invalid_json", "{what} är inte giltig JSON.", what=what)
                ) from None
            yield value
            position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
            if text.startswith(",", position):
                position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", position):
                position += 1
                break
            raise refused(
                error_text("package.invalid_json", "{what} är inte giltig JSON.", what=what)
            )
    if _SPACE.match(text, position).end() != len(text):  # type: ignore[union-attr]
        raise refused(error_text("package.invalid_json", "{what} är inte giltig JSON.", what=what))


def _check_children(data: Any, where: str | ErrorText) -> None:
    """Child rows travel with their ids (the services give them one when a record is saved)."""
    if isinstance(data, PatrolData) and not all(visit.id for visit in data.shop_visits):
        raise refused(
            error_text(
                "package.shop_visit_without_id",
                "{where} har ett butiksbesök utan id.",
                where=where,
            )
        )
    if isinstance(data, SafetyWalkData):
        for observation in data.observations:
            action = observation.action
            if not observation.id or (action is not None and not action.id):
                raise refused(
                    error_text(
                        "package.observation_without_id",
                        "{where} har en iakttagelse eller åtgärd utan id.",
                        where=where,
                    )
                )


def _check_unique_ids(records: dict[str, list[Incoming]]) -> None:
    for name, items in records.items():
        seen: set[str] = set()
        children: set[str] = set()
        codes: set[str] = set()
        for item in items:
            code = getattr(item.data, "case_code", None)
            if code is not None:
                if code in codes:
                    raise refused(
                        error_text(
                            "package.case_code_twice",
                            "ärendekoden {code} finns två gånger i paketet.",
                            code=code,
                        )
                    )
                codes.add(code)
            if item.meta.id in seen:
                raise refused(
                    error_text(
                        "package.record_twice",
                        "posten {id} ({name}) finns två gånger i paketet.",
                        id=item.meta.id,
                        name=name,
                    )
                )
            seen.add(item.meta.id)
            for child in _child_ids(item.data):
                if child in children:
                    raise refused(
                        error_text(
                            "package.id_twice",
                            "id {child} används två gånger i paketet.",
                            child=child,
                        )
                    )
                children.add(child)


def _child_ids(data: Any) -> Iterator[str]:
    for visit in getattr(data, "shop_visits", ()):
        if visit.id:
            yield visit.id
    for observation in getattr(data, "observations", ()):
        if observation.id:
            yield observation.id
        if observation.action is not None and observation.action.id:
            yield observation.action.id


def open_photo(package: Package, name: str) -> Iterator[bytes]:
    """The bytes of a photo of a checked package in chunks, checked again against its size (the
    file could have changed since it was read)."""
    with package.path.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        size, _hash = package.photos[name]
        info = archive.getinfo(PHOTOS_PREFIX + name)
        yield from _chunks(archive, info, size)
