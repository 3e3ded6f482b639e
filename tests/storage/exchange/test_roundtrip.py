"""Export from the police's demo database, import into the municipality's empty one."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

from loften_app.storage import audit
from loften_app.storage.database import Database
from loften_app.storage.exchange import (
    apply_import,
    export_changes,
    preview_import,
    read_package,
)
from loften_app.storage.exchange.importing import Side
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock
from tests.storage.exchange.conftest import dump, remapped


def _audit_count(database: Database) -> int:
    import sqlite3

    with sqlite3.connect(database.path) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'import'"
        ).fetchone()
    connection.close()
    return int(count)


def test_a_package_holds_a_manifest_and_every_record_type_and_is_owner_only(
    police: Services, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "till-kommunen.loften"
    result = export_changes(police, out, photo_dir=None, actor=POLICE, clock=clock)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == "loften-exchange"
    assert manifest["schema_version"] >= 2
    assert len(manifest["content_sha256"]) == 64
    assert set(manifest["counts"]) == {
        "agreement", "promise", "target", "place", "shop", "indicator", "indicator_value",
        "patrol", "safety_walk", "volunteer_deployment", "drug_case", "other_activity",
    }  # fmt: skip
    assert {f"records/{name}.json" for name in manifest["counts"]} <= names
    assert result.records == sum(manifest["counts"].values())
    assert not list(tmp_path.glob(".*.tmp"))


def test_import_into_an_empty_database_gives_the_same_records_and_twice_changes_nothing(
    *,
    police: Services,
    municipality: Services,
    municipality_db: Database,
    tmp_path: Path,
    photo_dir: Path,
    clock: FixedClock,
) -> None:
    out = tmp_path / "p.loften"
    export_changes(police, out, photo_dir=None, actor=POLICE, clock=clock)
    package = read_package(out)

    preview = preview_import(municipality, package)
    assert preview.new and not preview.conflicts and not preview.updated
    # The template's agreement, promises, target, places and indicators were matched, not
    # duplicated.
    assert {m.type for m in preview.matched} >= {"agreement", "promise", "place", "indicator"}
    result = apply_import(
        municipality, package, actor=MUNICIPALITY, photo_dir=photo_dir, clock=clock
    )
    assert result.added == len(preview.new)
    assert result.backup is not None and result.backup.exists()  # made before the import
    assert _audit_count(municipality_db) == result.added
    # Each imported record has its own line in its history, with every field it brought.
    stored = dump(municipality)
    for ref in preview.new:
        (entry,) = audit.history(municipality_db, ref.id)
        assert (entry.action, entry.record_type, entry.actor) == (
            "import",
            ref.type,
            MUNICIPALITY.name,
        )
        assert entry.note == f"paket {package.manifest.package_id}"
        _meta, data = stored[ref.type][ref.id]
        assert entry.changes == json.loads(audit.to_json(audit.added(data)))

    # Same records: the police's ids mapped to the municipality's for the matched registers.
    id_map = {m.incoming_id: m.local_id for m in preview.matched}
    matched_local = set(id_map.values())
    source, target = dump(police), dump(municipality)
    for type_name, records in source.items():
        assert len(target[type_name]) == len(records), type_name
        for record_id, (meta, data) in records.items():
            local_id = id_map.get(record_id, record_id)
            local_meta, local_data = target[type_name][local_id]
            assert local_data == remapped(data, id_map), (type_name, record_id)
            if local_id not in matched_local:
                assert local_meta == meta

    # The same package again: nothing happens, not even an audit line.
    before = dump(municipality)
    again = preview_import(municipality, package)
    assert again.already_imported
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=photo_dir, clock=clock)
    assert dump(municipality) == before
    assert _audit_count(municipality_db) == result.added

    # A new package of the same records (another package id) finds everything unchanged.
    clock.advance(hours=1)
    export_changes(police, tmp_path / "q.loften", photo_dir=None, clock=clock)
    second = read_package(tmp_path / "q.loften")
    preview = preview_import(municipality, second)
    assert not (preview.new or preview.updated or preview.conflicts)
    apply_import(
        municipality, second, actor=MUNICIPALITY, photo_dir=photo_dir, unresolved=Side.LOCAL
    )
    assert dump(municipality) == before


def test_the_next_export_to_a_partner_holds_only_what_changed_since(
    police: Services, tmp_path: Path, clock: FixedClock
) -> None:
    first = export_changes(
        police, tmp_path / "1.loften", photo_dir=None, partner="kommunen", clock=clock
    )
    assert first.counts["patrol"] > 1
    patrol = police.patrols.list_page(limit=1).items[0]
    clock.advance(days=1)
    police.patrols.delete(id=patrol.id)
    clock.advance(days=1)
    second = export_changes(
        police, tmp_path / "2.loften", photo_dir=None, partner="kommunen", clock=clock
    )
    assert second.counts.get("patrol") == 1
    assert "drug_case" not in second.counts
    # Registers always travel whole, so that references can be matched.
    assert second.counts["promise"] == first.counts["promise"]
    package = read_package(tmp_path / "2.loften")
    (deleted,) = package.records["patrol"]
    assert deleted.meta.id == patrol.id and deleted.meta.deleted_at is not None
