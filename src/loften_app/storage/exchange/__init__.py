"""Offline exchange between installations (police and municipality): `.loften` packages.

The API the application calls:

- "Exportera ändringar": `export_changes(services, out, photo_dir=..., partner=..., since=...)`
  → `ExportResult`.
- "Importera ändringar": `package = read_package(path)` (checks the untrusted file completely;
  `PackageError` with a Swedish message), then `preview_import(services, package)` →
  `ImportPreview` (new, updated, unchanged, conflicts, matched registers, renumbered drug
  cases), then `apply_import(services, package, actor=..., photo_dir=..., resolutions={local id:
  Side.INCOMING | Side.LOCAL | {field: Side}}, unresolved=None)` → `ImportResult`.
"""

from loften_app.storage.exchange.errors import PackageError
from loften_app.storage.exchange.export import ExportResult, export_changes
from loften_app.storage.exchange.importing import (
    DELETED,
    Conflict,
    FieldDifference,
    ImportPreview,
    ImportResult,
    Matched,
    RecordRef,
    Renumbered,
    Resolution,
    Side,
    apply_import,
    preview_import,
)
from loften_app.storage.exchange.package import (
    DEFAULT_LIMITS,
    SUFFIX,
    Limits,
    Package,
    read_package,
    read_package_from,
)
from loften_app.storage.exchange.starting import cycle_warnings, start_from_package

__all__ = [
    "DEFAULT_LIMITS",
    "DELETED",
    "SUFFIX",
    "Conflict",
    "ExportResult",
    "FieldDifference",
    "ImportPreview",
    "ImportResult",
    "Limits",
    "Matched",
    "Package",
    "PackageError",
    "RecordRef",
    "Renumbered",
    "Resolution",
    "Side",
    "apply_import",
    "cycle_warnings",
    "export_changes",
    "preview_import",
    "read_package",
    "read_package_from",
    "start_from_package",
]
