"""Merging by UUID after a first exchange: newer wins, conflicts, deletions, case codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from loften_app.domain.enums import AgeGroup, DrugCaseKind, PromiseType
from loften_app.domain.records import DrugCaseData
from loften_app.storage.exchange import (
    Package,
    PackageError,
    Side,
    apply_import,
    export_changes,
    preview_import,
    read_package,
)
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock
from tests.storage.exchange.conftest import sha256_of


def _send(source: Services, path: Path, clock: FixedClock) -> Package:
    export_changes(source, path, photo_dir=None, partner="kommunen", actor=POLICE, clock=clock)
    return read_package(path)


@pytest.fixture
def exchanged(
    police: Services, municipality: Services, tmp_path: Path, clock: FixedClock
) -> tuple[Services, Services]:
    """Both databases after a first exchange from the police to the municipality."""
    package = _send(police, tmp_path / "first.loften", clock)
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, clock=clock)
    clock.advance(days=1)
    return police, municipality


def _first_case(services: Services) -> str:
    return services.drug_cases.list_page(sort="case_code", descending=False, limit=1).items[0].id


def test_a_record_changed_on_one_side_only_is_updated_and_a_deletion_travels(
    exchanged: tuple[Services, Services], tmp_path: Path, clock: FixedClock
) -> None:
    police, municipality = exchanged
    case = police.drug_cases.get(id=_first_case(police))
    police.drug_cases.update(
        id=case.id,
        expected_version=case.version,
        data=dataclasses.replace(case.data, police_notes="Lagförd efter tips."),
    )
    patrol = police.patrols.list_page(limit=1).items[0]
    police.patrols.delete(id=patrol.id)
    clock.advance(hours=1)
    package = _send(police, tmp_path / "second.loften", clock)

    preview = preview_import(municipality, package)
    assert {(r.type, r.id) for r in preview.updated} == {
        ("drug_case", case.id),
        ("patrol", patrol.id),
    }
    assert not preview.conflicts and not preview.new
    before = municipality.drug_cases.get(id=case.id)
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, clock=clock)
    after = municipality.drug_cases.get(id=case.id)
    assert after.data.police_notes == "Lagförd efter tips."
    assert after.version > before.version  # an open form on the old copy is stale now
    assert municipality.patrols.get(id=patrol.id).meta.is_deleted


def test_a_record_changed_on_both_sides_is_a_conflict_resolved_field_by_field(
    exchanged: tuple[Services, Services],
    tmp_path: Path,
    clock: FixedClock,
    municipality_path: Path,
) -> None:
    police, municipality = exchanged
    case_id = _first_case(police)
    theirs = police.drug_cases.get(id=case_id)
    police.drug_cases.update(
        id=case_id,
        expected_version=theirs.version,
        data=dataclasses.replace(theirs.data, police_notes="Polisens anteckning."),
    )
    ours = municipality.drug_cases.get(id=case_id)
    municipality.drug_cases.update(
        id=case_id,
        expected_version=ours.version,
        data=dataclasses.replace(ours.data, municipal_notes="Kommunens anteckning."),
    )
    clock.advance(hours=1)
    package = _send(police, tmp_path / "second.loften", clock)

    preview = preview_import(municipality, package)
    (conflict,) = preview.conflicts
    assert conflict.ref.id == case_id
    assert {f.field for f in conflict.fields} == {"police_notes", "municipal_notes"}

    # Without a decision the import is refused and the file is left as it was.
    checksum = sha256_of(municipality_path)
    with pytest.raises(PackageError, match="ändrade både här och i paketet"):
        apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, clock=clock)
    assert sha256_of(municipality_path) == checksum

    result = apply_import(
        municipality,
        package,
        actor=MUNICIPALITY,
        photo_dir=None,
        clock=clock,
        resolutions={case_id: {"police_notes": Side.INCOMING}},
    )
    assert result.merged == 1
    merged = municipality.drug_cases.get(id=case_id)
    assert merged.data.police_notes == "Polisens anteckning."
    assert merged.data.municipal_notes == "Kommunens anteckning."
    assert merged.meta.updated_by == MUNICIPALITY.name


@pytest.mark.parametrize(("side", "expected"), [(Side.LOCAL, "Kommunens"), (Side.INCOMING, "")])
def test_a_conflict_resolved_record_by_record(
    exchanged: tuple[Services, Services],
    tmp_path: Path,
    clock: FixedClock,
    side: Side,
    expected: str,
) -> None:
    police, municipality = exchanged
    case_id = _first_case(police)
    theirs = police.drug_cases.get(id=case_id)
    police.drug_cases.update(
        id=case_id,
        expected_version=theirs.version,
        data=dataclasses.replace(theirs.data, police_notes="Polisens anteckning."),
    )
    ours = municipality.drug_cases.get(id=case_id)
    municipality.drug_cases.update(
        id=case_id,
        expected_version=ours.version,
        data=dataclasses.replace(ours.data, municipal_notes="Kommunens anteckning."),
    )
    clock.advance(hours=1)
    package = _send(police, tmp_path / "second.loften", clock)
    apply_import(
        municipality,
        package,
        actor=MUNICIPALITY,
        photo_dir=None,
        clock=clock,
        resolutions={case_id: side},
    )
    stored = municipality.drug_cases.get(id=case_id).data
    assert stored.municipal_notes.startswith(expected)
    assert (stored.police_notes == "Polisens anteckning.") is (side is Side.INCOMING)


def test_a_case_code_made_on_both_machines_is_renumbered_and_reported(
    police: Services, municipality: Services, tmp_path: Path, clock: FixedClock
) -> None:
    """Codes of files made before each installation had its own prefix (N-) may collide; only
    they are renumbered."""
    promise = next(
        p for p in municipality.promises.list_page().items if p.data.type is PromiseType.DRUGS
    )
    own = municipality.drug_cases.add(
        data=DrugCaseData(
            promise_id=promise.id,
            detected_on=dt.date(2018, 1, 3),
            age_group=AgeGroup.AGE_18_25,
            kind=DrugCaseKind.POSSESSION,
            case_code="N-2018-001",
        )
    )
    package = _send(police, tmp_path / "p.loften", clock)
    incoming = {i.data.case_code: i.meta.id for i in package.records["drug_case"]}
    assert own.data.case_code in incoming  # N-2018-001 was made on both machines

    preview = preview_import(municipality, package)
    (renumbered,) = preview.renumbered
    assert renumbered.id == incoming[own.data.case_code]
    assert renumbered.package_code == own.data.case_code
    assert renumbered.new_code not in incoming
    apply_import(municipality, package, actor=MUNICIPALITY, photo_dir=None, unresolved=Side.LOCAL)
    assert municipality.drug_cases.get(id=own.id).data.case_code == own.data.case_code
    moved = municipality.drug_cases.get(id=renumbered.id)
    assert moved.data.case_code == renumbered.new_code
    codes = [s.data.case_code for s in municipality.drug_cases.list_page(limit=1000).items]
    assert len(codes) == len(set(codes)) == len(incoming) + 1

    # A later package with the same case keeps the local code: nothing to do.
    clock.advance(days=1)
    export_changes(police, tmp_path / "q.loften", photo_dir=None, clock=clock)
    later = preview_import(municipality, read_package(tmp_path / "q.loften"))
    assert not (later.updated or later.new or later.conflicts or later.renumbered)
