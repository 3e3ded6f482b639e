"""Every record kind appears in every registry it must (ISSUE 15): a kind left out of the
exchange, the export, the figures or the window would otherwise silently drop out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import Organisation, PromiseType
from loften_app.domain.kinds import KIND_OF_TYPE, measures_for
from loften_app.domain.records import Actor
from loften_app.domain.validation import validate
from loften_app.domain.validation.common import _field_label
from loften_app.reports.exports import SHEETS
from loften_app.reports.kinds import REPORT_KIND_BY_KEY
from loften_app.reports.quarterly import _SERIES
from loften_app.reports.sheet import RESOLVED
from loften_app.storage.database import open_database
from loften_app.storage.exchange.types import RECORD_TYPES, TYPES_BY_NAME
from loften_app.storage.kinds import STORAGE_KIND_BY_KEY
from loften_app.storage.models import Base
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.kinds import RECORD_SECTIONS, SECTION_OF_TYPE, FieldLabel, FormContext, load
from loften_app.ui.lookups import Lookups
from loften_app.ui.main_window import SECTION_KEYS

ACTIVITIES = [kind.key for kind in domain_kinds.ACTIVITY_KINDS]
ALL = [kind.key for kind in domain_kinds.KINDS]
_SHEET_KEYS = {sheet.key for sheet in SHEETS}


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


# --- field labels: one per field, on the kind, used by the form, the list and the export -------


@pytest.mark.parametrize("key", ALL)
def test_every_field_of_every_kind_has_one_label(key: str) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    assert [f.name for f in kind.fields] == [f.name for f in dataclasses.fields(kind.data_class)]
    labels = [f.label for f in kind.fields]
    assert all(label.strip() and label[0].isupper() for label in labels), labels
    assert len(set(labels)) == len(labels), "two fields of one kind under one label"
    with pytest.raises(KeyError):
        kind.label("no_such_field")
    # The messages name the field by it too.
    assert _field_label(kind.fields[-1].name) == kind.fields[-1].label or key in _SHARED_NAMES


#: Kinds whose last field has a name another kind labels first (messages take the first).
_SHARED_NAMES = {"place", "shop", "indicator", "indicator_value", "target"}


def test_the_lupdate_source_marks_every_field_label() -> None:
    generated = (Path(__file__).parents[1] / "src/loften_app/ui/enum_labels.py").read_text(
        encoding="utf-8"
    )
    for kind in domain_kinds.KINDS:
        for field in kind.fields:
            assert f'QT_TRANSLATE_NOOP("FieldLabel", "{field.label}")' in generated


@pytest.mark.parametrize("key", [k.key for k in domain_kinds.KINDS if k.key in _SHEET_KEYS])
def test_the_export_heads_a_kinds_columns_with_its_labels(key: str) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    labels = {f.name: f.label for f in kind.fields}
    sheet = next(s for s in SHEETS if s.key == key)
    headed = 0
    for column in sheet.columns:
        # A field, or a name the import resolves to one (promise_number → promise_id, ...).
        field = RESOLVED.get(column.field or "", column.field)
        if field in labels:
            assert column.header == labels[field]
            headed += 1
    assert headed >= len(labels) // 2
    # The headers it replaced stay readable by the import, and no two columns share one.
    read = [h.casefold() for c in sheet.columns for h in (c.header, *c.aliases)]
    assert len(read) == len(set(read))


@pytest.mark.parametrize("key", ACTIVITIES)
def test_the_list_heads_a_kinds_columns_with_its_labels(key: str) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    labels = set(kind.labels().values())
    section = next(s for s in RECORD_SECTIONS if s.kind == key)
    headers = [column.header for column in load(section.spec).columns]
    from_kind = [h for h in headers if isinstance(h, FieldLabel)]
    assert len(from_kind) >= 4
    assert set(from_kind) <= labels
    # No column writes one of the kind's labels by hand.
    assert not [h for h in headers if h in labels and not isinstance(h, FieldLabel)]


#: Rows of a form that show more than one field under a caption of their own.
_COMBINED_ROWS = {"end_time", "with_municipality", "with_police"}


@pytest.mark.parametrize("key", ACTIVITIES)
def test_the_form_captions_a_kinds_fields_with_its_labels(
    key: str, qtbot: QtBot, tmp_path: Path
) -> None:
    kind = domain_kinds.KIND_BY_KEY[key]
    with open_database(tmp_path / "kinds.db") as database:
        services = Services.build(database, Actor("test", Organisation.POLICE))
        apply_template(services, "filipstad-2017-2018")
        section = next(s for s in RECORD_SECTIONS if s.kind == key)
        context = FormContext(
            Lookups(services), Organisation.POLICE, tmp_path, lambda: dt.date(2018, 4, 12)
        )
        form = load(section.form).section_form(services.of_kind(key), context)
        qtbot.addWidget(form)
        # The caption of each field's row: the row's field holds the field's error label.
        boxes = {error.parentWidget(): name for name, error in form._errors.items()}
        captioned = {}
        for layout in form.findChildren(QFormLayout):
            for row in range(layout.rowCount()):
                caption = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if caption is None or field is None or field.widget() not in boxes:
                    continue
                label = caption.widget()
                if isinstance(label, QLabel):
                    captioned[boxes[field.widget()]] = label.text()
        assert len(captioned) >= 6
        for name, caption in captioned.items():
            if name in _COMBINED_ROWS:
                continue
            assert caption in (f"{kind.label(name)}:", f"{kind.label(name)} (valfritt):"), name
