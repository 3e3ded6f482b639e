"""The agreement cycle across the two installations.

- `start_from_package`: the other side starts its file from the first package it receives, so
  that both files hold the same agreement, promises and registers under the same ids, and every
  later change arrives as an update instead of a second copy.
- `cycle_warnings`: what an import would do to the agreements that the preview must say before
  anything is written: a second agreement over a period one already covers, or an agreement
  whose new period leaves records outside every agreement.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from loften_app.domain import agreements as cycle
from loften_app.domain.errors import error_text
from loften_app.domain.records import AgreementData
from loften_app.storage.errors import StorageError
from loften_app.storage.exchange.importing import (
    ImportPreview,
    Side,
    apply_import,
    preview_import,
)
from loften_app.storage.exchange.package import Package
from loften_app.storage.exchange.trust import open_trusted
from loften_app.storage.kinds import ACTIVITY_STORAGE_KINDS
from loften_app.storage.services import Services
from loften_app.storage.services.cycle import terms_in

__all__ = ["cycle_warnings", "start_from_package"]

#: Record tables and their date column, for records that must stay within an agreement.
_DATED = tuple((kind.table, kind.domain.date_field or "date") for kind in ACTIVITY_STORAGE_KINDS)


def _agreements_in(package: Package) -> list[tuple[str, AgreementData]]:
    return [(item.meta.id, item.data) for item in package.records.get("agreement", [])]


def start_from_package(
    services: Services,
    path: Path | Package,
    *,
    photo_dir: Path | None,
    trust: str | None = None,
) -> str:
    """Fill an empty file from the other organisation's package (its agreement, promises,
    registers and records, under the same ids); returns a short summary. Refused, with the file
    unchanged, when the file already has an agreement or the package holds none.

    A path is opened as every import opens a package: signed by a paired installation, or by
    an unknown one whose fingerprint `trust` confirms (else `UnknownSignerError`, which names
    the fingerprint to compare)."""
    if services.agreements.current() is not None:
        raise StorageError(
            error_text(
                "package.already_has_agreement",
                (
                    "Databasen har redan en överenskommelse. Börja från ett paket bara i en ny, "
                    "tom fil; importera annars paketet som vanligt (Importera ändringar)."
                ),
            )
        )
    if isinstance(path, Package):
        package = path
    else:
        package = open_trusted(services.database, path, trust=trust).package
    found = _agreements_in(package)
    if not found:
        raise StorageError(
            error_text(
                "package.no_agreement",
                (
                    "Paketet innehåller ingen överenskommelse, så det går inte att börja från "
                    "det. Be den andra organisationen exportera alla ändringar (utan startdatum) "
                    "och försök igen."
                ),
            )
        )
    result = apply_import(
        services,
        package,
        actor=services.actor,
        photo_dir=photo_dir,
        unresolved=Side.INCOMING,
        make_backup=lambda _path: None,  # an empty file has nothing to keep
    )
    titles = ", ".join(data.title for _, data in found)
    return f"{titles}; {result.added} poster"


def cycle_warnings(
    services: Services, package: Package, preview: ImportPreview | None = None
) -> list[str]:
    """Sentences for the import preview (Swedish): a new agreement that overlaps one of this
    file's (a second copy), and changed agreement periods that would leave records outside every
    agreement. Empty when the import keeps the cycle as it is."""
    warnings: list[str] = []
    preview = preview or preview_import(services, package)
    # A package's agreement matched to one here by name (files made before the cycle) is no
    # second copy: only one the preview would really add is.
    added = {ref.id for ref in preview.new if ref.type == "agreement"}
    with services.database.reading() as session:
        local = terms_in(session)
        titles = {r[0]: r[1] for r in session.execute(text("SELECT id, title FROM agreement"))}
        known = {t.id for t in local}
        incoming = _agreements_in(package)
        after = {t.id: t for t in local}
        for agreement_id, data in incoming:
            term = cycle.Term(
                agreement_id, data.period_start, data.period_end, data.valid_until_replaced
            )
            if agreement_id in added:
                clash = cycle.overlapping(term.period, local)
                if clash:
                    names = ", ".join(titles.get(t.id, t.id) for t in clash)
                    warnings.append(
                        f"Paketet skapar en andra överenskommelse, {data.title} "
                        f"({data.period_start.isoformat()} – {data.period_end.isoformat()}), "
                        f"över samma tid som {names} här. Löftena och målen skulle då finnas två "
                        "gånger. Importera inte, eller låt den andra organisationen börja från "
                        "ett paket från den här filen."
                    )
            if agreement_id in known or agreement_id in added:
                after[agreement_id] = term
        moved = _moved(session, package)
        if moved:
            warnings.append(
                f"Paketet flyttar {moved} poster här till en annan överenskommelse (deras löfte "
                "hör till en annan överenskommelse i paketet än här)."
            )
        if incoming and any(i in known for i, _ in incoming):
            outside = _outside(session, list(after.values()))
            if outside:
                warnings.append(
                    f"Paketet ändrar en överenskommelses period så att {outside} poster här inte "
                    "längre hör till någon överenskommelse."
                )
    return warnings


def _outside(session: object, terms: list[cycle.Term]) -> int:
    """How many active records have a date on which no agreement of `terms` is in force."""
    count = 0
    for table, column in _DATED:
        rows = session.execute(  # type: ignore[attr-defined]
            text(
                f"SELECT {column}, count(*) FROM {table} WHERE deleted_at IS NULL GROUP BY {column}"
            )
        ).all()
        for day, n in rows:
            date = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            if cycle.in_force(terms, date) is None:
                count += int(n)
    return count


def _moved(session: Session, package: Package) -> int:
    """How many records of this file the package would tie to a promise of another agreement."""
    agreement_of = {
        row[0]: row[1] for row in session.execute(text("SELECT id, agreement_id FROM promise"))
    }
    for item in package.records.get("promise", []):
        agreement_of.setdefault(item.meta.id, item.data.agreement_id)
    count = 0
    for table, _column in _DATED:
        items = package.records.get(table, [])
        if not items:
            continue
        for item in items:
            local = session.execute(
                text(f"SELECT promise_id FROM {table} WHERE id = :id"), {"id": item.meta.id}
            ).scalar()
            new = getattr(item.data, "promise_id", None)
            if local is None or new is None or local == new:
                continue
            if agreement_of.get(local) != agreement_of.get(new):
                count += 1
    return count
