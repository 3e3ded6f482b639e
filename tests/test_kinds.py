"""Every record kind appears in every registry it must (ISSUE 15): a kind left out of the
exchange, the export, the figures or the window would otherwise silently drop out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import Organisation, PromiseType
from loften_app.domain.kinds import KIND_OF_TYPE, measures_for
from loften_app.domain.records import Actor
from loften_app.domain.validation import validate
from loften_app.reports.exports import SHEETS
from loften_app.reports.kinds import REPORT_KIND_BY_KEY
from loften_app.reports.quarterly import _SERIES
from loften_app.storage.database import open_database
from loften_app.storage.exchange.types import RECORD_TYPES, TYPES_BY_NAME
from loften_app.storage.kinds import STORAGE_KIND_BY_KEY
from loften_app.storage.models import Base
from loften_app.storage.services import Services
from loften_app.ui.kinds import RECORD_SECTIONS, SECTION_OF_TYPE, load
from loften_app.ui.main_window import SECTION_KEYS

ACTIVITIES = [kind.key for kind in domain_kinds.ACTIVITY_KINDS]
ALL = [kind.key for kind in domain_kinds.KINDS]


def test_keys_are_unique_and_every_promise_type_has_its_kind() -> None:
    assert len(set(ALL)) == len(ALL)
    assert set(KIND_OF_TYPE) == set(PromiseType)


@pytest.mark.parametrize("key", ALL)
def test_every_kind_has_its_storage_table_service_and_exchange_entry(key: str) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    storage = STORAGE_KIND_BY_KEY[key]
    assert storage.table in Base.metadata.tables
    assert storage.service_class.model.__tablename__ == storage.table
    assert TYPES_BY_NAME[key].data_class is kind.data_class
    # The service's own promise type (what a save checks) is the kind's.
    assert storage.service_class.promise_type == storage.promise_type
    assert all(
        field in {f.name for f in dataclasses.fields(kind.data_class)}
        for field in storage.label_fields
    )
    with pytest.raises(TypeError):
        validate(object())


def test_the_exchange_writes_registers_before_activities() -> None:
    names = [t.name for t in RECORD_TYPES]
    assert names == ALL
    assert all(t.is_register for t in RECORD_TYPES[: len(domain_kinds.REGISTER_KINDS)])


@pytest.mark.parametrize("key", ACTIVITIES)
def test_every_activity_kind_has_its_report_export_section_and_chart(key: str) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    assert kind.date_field is not None
    assert key in REPORT_KIND_BY_KEY
    assert key in {sheet.key for sheet in SHEETS}
    assert key in {table for table, _title, _type in _SERIES}
    section = next(s for s in RECORD_SECTIONS if s.kind == key)
    assert section.section in SECTION_KEYS
    assert SECTION_OF_TYPE[section.promise_type] == section.section
    assert load(section.spec).name
    assert callable(load(section.form).section_form)
    assert set(measures_for(kind.promise_type)) >= set(kind.measures)
    # Its demo data is declared with it (storage/demo builds its streams from these).
    demo = STORAGE_KIND_BY_KEY[key].demo
    assert demo is not None
    assert demo.owner in ("police", "municipality")


def test_services_hold_a_service_for_every_kind(tmp_path: Path) -> None:
    with open_database(tmp_path / "kinds.db") as database:
        services = Services.build(database, Actor("test", Organisation.MUNICIPALITY))
        assert set(services.by_kind) == set(ALL)
        for key in ALL:
            assert services.of_kind(key) is TYPES_BY_NAME[key].service_of(services)
