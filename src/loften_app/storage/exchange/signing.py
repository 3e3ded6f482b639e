"""Signed packages and paired installations (Ed25519, from the `cryptography` package).

Each installation has its own signing key, made at its first export and kept owner-only beside
the database (`<database>.signing-key`, PKCS#8 PEM, 0600). The manifest of every package names
its signer (installation, organisation, name, public key), and the package is signed over its
whole content: the signature is made over the SHA-256 of every byte of the zip file as written
with an empty zip comment, and is then stored as that comment (`SIGNATURE_MAGIC` + 64 bytes).
Changing any byte (a record, a hash in the manifest, the zip's own structure, the signature)
therefore makes the check fail.

A package is accepted only from a paired installation: `verify_signature` reads the signer from
the manifest (bounded) and checks the signature with a fixed amount of memory; the first package
of an unknown installation raises `UnknownSignerError`, which carries what the user compares
with the sender (organisation, name and a short fingerprint of the key) before `pair` trusts it.
Pairings are kept in the database's `meta` table (`partner:<installation id>`), so no schema
change is needed; `partners` lists them and `revoke` removes one.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import delete, select

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import error_text
from loften_app.domain.personnummer import identity_number_problem
from loften_app.storage.database import Database
from loften_app.storage.exchange.errors import PackageError, refused
from loften_app.storage.files import atomic_path
from loften_app.storage.models import Meta

__all__ = [
    "Partner",
    "Signer",
    "UnknownSignerError",
    "fingerprint",
    "installation_key",
    "pair",
    "partners",
    "revoke",
    "sign_file",
    "verify_signature",
]

KEY_SUFFIX = ".signing-key"
SIGNATURE_MAGIC = b"LOFTEN-SIG-1"
SIGNATURE_BYTES = 64
COMMENT_BYTES = len(SIGNATURE_MAGIC) + SIGNATURE_BYTES
_CONTEXT = b"loften-package-signature-v1\0"
_EOCD = b"PK\x05\x06"
_EOCD_BYTES = 22
_PARTNER_PREFIX = "partner:"
_CHUNK = 1 << 20
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Signer:
    """Who signed a package, as its manifest says (the signature proves the key)."""

    installation_id: str
    organisation: Organisation
    name: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


@dataclass(frozen=True)
class Partner:
    """A paired installation whose packages are trusted."""

    installation_id: str
    organisation: Organisation
    name: str
    public_key: bytes
    paired_at: dt.datetime

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


class UnknownSignerError(PackageError):
    """The package is signed by an installation that is not paired (yet); `signer` says who, for
    the user to compare the fingerprint with the sender before pairing."""

    def __init__(self, signer: Signer) -> None:
        super().__init__(
            f"Paketet kommer från en installation som inte är parad med den här: "
            f"{signer.organisation.value}, {signer.name or '(inget namn)'}, fingeravtryck "
            f"{signer.fingerprint}. Ring avsändaren och jämför fingeravtrycket innan du litar "
            "på det. Databasen har inte ändrats."
        )
        self.signer = signer


def fingerprint(public_key: bytes) -> str:
    """A short fingerprint of a public key to read aloud: 16 hex digits in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def normalise_fingerprint(text: str) -> str:
    digits = "".join(c for c in text.upper() if c in "0123456789ABCDEF")
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


# --- this installation's key ----------------------------------------------------------------------


def key_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + KEY_SUFFIX)


def installation_key(database_path: Path) -> Ed25519PrivateKey:
    """This installation's signing key, made (owner-only, beside the database) at first use."""
    path = key_path(database_path)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            with atomic_path(path, exclusive=True) as temporary:
                temporary.write_bytes(pem)
        except FileExistsError:  # made by another process just now
            return installation_key(database_path)
        return key
    except OSError as error:
        raise PackageError(
            error_text(
                "package.signing_key_unreadable",
                "Installationens signeringsnyckel {path} kunde inte läsas ({strerror}).",
                path=path,
                strerror=error.strerror,
            )
        ) from error
    loaded = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise PackageError(
            error_text(
                "package.not_a_signing_key",
                "Filen {path} är ingen signeringsnyckel för Löften.",
                path=path,
            )
        )
    return loaded


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def signer_entry(key: Ed25519PrivateKey, organisation: Organisation, name: str) -> dict[str, str]:
    """The manifest's `signer` object (the installation id is the manifest's own)."""
    return {
        "organisation": organisation.value,
        "name": name,
        "public_key": base64.b64encode(public_bytes(key)).decode("ascii"),
    }


# --- signing and checking a file ------------------------------------------------------------------


def _message(digest: bytes) -> bytes:
    return _CONTEXT + digest


def sign_file(path: Path, key: Ed25519PrivateKey) -> None:
    """Sign the zip file at `path` (written with an empty comment) in place: the signature over
    all its bytes becomes the zip comment."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    signature = key.sign(_message(digest.digest()))
    with path.open("r+b") as handle:
        handle.seek(-_EOCD_BYTES, os.SEEK_END)
        record = handle.read(_EOCD_BYTES)
        if not record.startswith(_EOCD) or record[-2:] != b"\0\0":
            raise ValueError("the package must end in an end record without a comment")
        handle.seek(-2, os.SEEK_END)
        handle.write(struct.pack("<H", COMMENT_BYTES) + SIGNATURE_MAGIC + signature)
        handle.flush()
        os.fsync(handle.fileno())


def verify_signature(path: Path, *, manifest_limit: int = 1 << 20) -> Signer:
    """The package's signer, once its signature over the whole file holds; `PackageError` for
    an unsigned, altered or unreadable file. Reads the manifest (at most `manifest_limit`
    bytes) and hashes the file in chunks: memory does not grow with the package."""
    try:
        with path.open("rb") as handle:
            return _verify(handle, manifest_limit)
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
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        KeyError,
        zlib.error,
        struct.error,
    ) as error:
        raise refused(
            error_text(
                "package.not_a_package_2",
                "filen är inget giltigt Löften-paket ({name}).",
                name=type(error).__name__,
            )
        ) from None
    except (
        NotImplementedError,
        RuntimeError,
        OverflowError,
        UnicodeError,
        RecursionError,
        MemoryError,
    ):
        raise refused(
            error_text("package.not_a_package_3", "filen är inget giltigt Löften-paket.")
        ) from None


def _verify(handle: Any, manifest_limit: int) -> Signer:
    size = handle.seek(0, os.SEEK_END)
    if size < _EOCD_BYTES + COMMENT_BYTES:
        raise _unsigned()
    handle.seek(size - COMMENT_BYTES - _EOCD_BYTES)
    tail = handle.read(_EOCD_BYTES + COMMENT_BYTES)
    record, comment = tail[:_EOCD_BYTES], tail[_EOCD_BYTES:]
    if (
        not record.startswith(_EOCD)
        or struct.unpack("<H", record[-2:])[0] != COMMENT_BYTES
        or not comment.startswith(SIGNATURE_MAGIC)
    ):
        raise _unsigned()
    signature = comment[len(SIGNATURE_MAGIC) :]
    signer = _signer(handle, manifest_limit)
    digest = hashlib.sha256()
    handle.seek(0)
    remaining = size - COMMENT_BYTES - 2
    while remaining > 0:
        chunk = handle.read(min(_CHUNK, remaining))
        if not chunk:
            raise _unsigned()
        digest.update(chunk)
        remaining -= len(chunk)
    digest.update(b"\0\0")
    try:
        Ed25519PublicKey.from_public_bytes(signer.public_key).verify(
            signature, _message(digest.digest())
        )
    except InvalidSignature:
        raise refused(
            error_text(
                "package.bad_signature",
                (
                    "signaturen stämmer inte: paketet har ändrats efter att det skapades, eller "
                    "är skadat. Be avsändaren om ett nytt paket."
                ),
            )
        ) from None
    return signer


def _unsigned() -> PackageError:
    return refused(
        error_text(
            "package.unsigned",
            (
                "paketet är inte signerat. Bara signerade paket från en parad installation "
                "kan importeras; be avsändaren exportera på nytt med en aktuell version av "
                "Löften."
            ),
        )
    )


def _signer(handle: Any, manifest_limit: int) -> Signer:
    handle.seek(0)
    with zipfile.ZipFile(handle) as archive:
        info = archive.getinfo(_MANIFEST)
        if info.file_size > manifest_limit:
            raise refused(
                error_text(
                    "package.manifest_too_large",
                    "innehållsförteckningen är för stor.",
                )
            )
        with archive.open(info) as member:
            content = member.read(manifest_limit + 1)
        if len(content) > manifest_limit:
            raise refused(
                error_text(
                    "package.manifest_too_large",
                    "innehållsförteckningen är för stor.",
                )
            )
    try:
        raw = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise refused(
            error_text(
                "package.manifest_not_json",
                "innehållsförteckningen är inte giltig JSON.",
            )
        ) from None
    signer = raw.get("signer") if isinstance(raw, dict) else None
    installation = raw.get("installation_id") if isinstance(raw, dict) else None
    if not isinstance(signer, dict) or not isinstance(installation, str):
        raise _unsigned()
    try:
        organisation = Organisation(str(signer.get("organisation")))
        name = signer.get("name", "")
        key = base64.b64decode(str(signer.get("public_key", "")), validate=True)
    except (ValueError, TypeError):
        raise refused(
            error_text(
                "package.bad_sender",
                "paketets avsändare är felaktigt angiven.",
            )
        ) from None
    if not isinstance(name, str) or len(name) > 200 or len(key) != 32 or len(installation) > 64:
        raise refused(
            error_text(
                "package.bad_sender",
                "paketets avsändare är felaktigt angiven.",
            )
        )
    return Signer(installation, organisation, name, key)


# --- pairings -------------------------------------------------------------------------------------


def partners(database: Database) -> list[Partner]:
    """The paired installations, oldest pairing first."""
    with database.reading() as session:
        rows = session.execute(
            select(Meta.key, Meta.value).where(Meta.key.startswith(_PARTNER_PREFIX))
        ).all()
    found = [_partner(key[len(_PARTNER_PREFIX) :], value) for key, value in rows]
    return sorted(found, key=lambda p: p.paired_at)


def partner(database: Database, installation_id: str) -> Partner | None:
    with database.reading() as session:
        value = session.scalar(
            select(Meta.value).where(Meta.key == _PARTNER_PREFIX + installation_id)
        )
    return None if value is None else _partner(installation_id, value)


def _partner(installation_id: str, value: str) -> Partner:
    raw = json.loads(value)
    return Partner(
        installation_id=installation_id,
        organisation=Organisation(raw["organisation"]),
        name=raw["name"],
        public_key=base64.b64decode(raw["public_key"]),
        paired_at=dt.datetime.fromisoformat(raw["paired_at"]),
    )


def pair(database: Database, signer: Signer, *, now: dt.datetime | None = None) -> Partner:
    """Trust `signer`'s installation from now on (after the user compared the fingerprint)."""
    problem = identity_number_problem(signer.name)
    if problem is not None:
        raise PackageError(
            error_text(
                "package.bad_sender_name",
                "Avsändarens namn kan inte sparas. {problem}",
                problem=problem,
            )
        )
    moment = now or dt.datetime.now(dt.UTC)
    value = json.dumps(
        {
            "organisation": signer.organisation.value,
            "name": signer.name,
            "public_key": base64.b64encode(signer.public_key).decode("ascii"),
            "paired_at": moment.astimezone(dt.UTC).isoformat(),
        },
        ensure_ascii=False,
    )
    key = _PARTNER_PREFIX + signer.installation_id
    with database.writing() as session:
        session.execute(delete(Meta).where(Meta.key == key))
        session.add(Meta(key=key, value=value))
    return Partner(
        signer.installation_id, signer.organisation, signer.name, signer.public_key, moment
    )


def revoke(database: Database, installation_id: str) -> bool:
    """Stop trusting the installation; False if it was not paired."""
    with database.writing() as session:
        result = session.execute(delete(Meta).where(Meta.key == _PARTNER_PREFIX + installation_id))
    return bool(getattr(result, "rowcount", 0))
