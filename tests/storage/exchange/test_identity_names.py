"""Identity numbers in any spelling are refused in packages, and in the partner's and the
sender's names (issue 14, hole 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loften_app.domain.errors import LoftenError
from loften_app.storage.exchange import PackageError, export_changes, read_package
from loften_app.storage.services import Services
from tests.domain.validation_data import SPELLINGS
from tests.storage.conftest import MUNICIPALITY, FixedClock
from tests.storage.exchange.conftest import forge, members_of, with_records


@pytest.fixture
def small(municipality: Services, tmp_path: Path, clock: FixedClock) -> Path:
    out = tmp_path / "mallen.loften"
    export_changes(municipality, out, photo_dir=None, actor=MUNICIPALITY, clock=clock)
    return out


def _set_first(field: str, value: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(records: list[dict[str, Any]]) -> None:
        records[0]["data"][field] = value

    return change


@pytest.mark.parametrize("spelling", [text for text, _ in SPELLINGS])
def test_every_spelling_is_refused_in_a_package(small: Path, tmp_path: Path, spelling: str) -> None:
    members = with_records(members_of(small), "place", _set_first("description", spelling))
    path = tmp_path / "falskt.loften"
    path.write_bytes(forge(members))
    with pytest.raises(PackageError, match="personnummer"):
        read_package(path)


@pytest.mark.parametrize("key", ["created_by", "partner"])
def test_a_personnummer_in_the_manifests_names_is_refused(
    small: Path, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "falskt.loften"
    path.write_bytes(forge(members_of(small), manifest=lambda m: m.update({key: "811218 9876"})))
    with pytest.raises(PackageError, match="personnummer"):
        read_package(path)


def test_a_partner_name_holding_a_personnummer_is_refused_on_export(
    municipality: Services, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "ut.loften"
    with pytest.raises(LoftenError, match="personnummer"):
        export_changes(
            municipality, out, photo_dir=None, partner="81 12 18-9876", actor=MUNICIPALITY
        )
    assert not out.exists()
