"""The indicator form with its table of values per period: round trip, mistakes in a row,
and a failed save that loses nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from loften_app.storage.rows import RowWriter
from loften_app.storage.services import Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.indicator import IndicatorForm
from loften_app.ui.registers.indicator_values import IndicatorWithValues, ValueRow
from tests.factories import disk_full_error
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import answer_next_message_box
from tests.ui.registers.conftest import PAGE_SIZE, TODAY


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services, lookups: Lookups) -> IndicatorForm:
    service = IndicatorWithValues(ui_services.indicators, ui_services.indicator_values)
    form = IndicatorForm(service, lookups, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    form.open_new(form.blank(TODAY))
    form.show()
    return form


def add_value(form: IndicatorForm, period: str | None, value: str, note: str = "") -> None:
    form.values.add_row()
    row = form.values.table.rowCount() - 1
    cells = [(form.values.COL_VALUE, value), (form.values.COL_NOTE, note)]
    if period is not None:
        cells.insert(0, (form.values.COL_PERIOD, period))
    for column, text in cells:
        edit = form.values._edit(row, column)
        assert edit is not None
        edit.setText(text)


def values_of(services: Services, indicator_id: str) -> list[tuple[str, float, str]]:
    return [
        (v.data.period_key, v.data.value, v.data.source_note)
        for v in services.indicator_values.for_indicator(indicator_id)
    ]


def fill_indicator(form: IndicatorForm) -> None:
    form.name.setText("Anmälda skadegörelsebrott")
    form.source.setText("Polisens statistik")
    form.unit.setText("antal")
    form.lower_is_better.setChecked(True)


def test_values_round_trip(form: IndicatorForm, ui_services: Services) -> None:
    fill_indicator(form)
    add_value(form, "2017", "34", "Polisens årsstatistik")
    add_value(form, None, "28,5")  # the next period is suggested
    assert form.values.rows().rows[1].period_key == "2018"
    add_value(form, "2018q3", "7")
    screenshot(form, "registers-indicator-values")
    assert form.save()
    stored = form.stored
    assert stored is not None
    assert values_of(ui_services, stored.id) == [
        ("2017", 34.0, "Polisens årsstatistik"),
        ("2018", 28.5, ""),
        ("2018-Q3", 7.0, ""),  # saved in its normal form
    ]
    assert not form.is_dirty()

    # Reopened as the list opens it: the plain indicator, read with its values.
    form.open_record(ui_services.indicators.get(id=stored.id))
    rows = form.values.rows().rows
    assert [(r.period_key, r.value_text) for r in rows] == [
        ("2017", "34"),
        ("2018", "28,5"),
        ("2018-Q3", "7"),
    ]
    first_ids = [r.id for r in rows]
    assert form.name.text() == "Anmälda skadegörelsebrott"

    # Edit one value, remove one row, add one row.
    edit = form.values._edit(1, form.values.COL_VALUE)
    assert edit is not None
    edit.setText("27")
    form.values.table.setCurrentCell(0, 0)
    form.values.remove_current()
    add_value(form, "2018-Q4", "6,25", "Preliminärt")
    assert form.is_dirty()
    assert form.save()
    assert values_of(ui_services, stored.id) == [
        ("2018", 27.0, ""),
        ("2018-Q3", 7.0, ""),
        ("2018-Q4", 6.25, "Preliminärt"),
    ]
    kept = [v.id for v in ui_services.indicator_values.for_indicator(stored.id)]
    assert kept[:2] == first_ids[1:]  # changed in place, not removed and added
    assert ui_services.indicator_values.get(id=first_ids[0]).meta.is_deleted


def test_a_template_indicator_gets_its_first_values(
    form: IndicatorForm, ui_services: Services
) -> None:
    (indicator,) = [
        i for i in ui_services.indicators.list_page().items if i.data.name.startswith("Andel")
    ]
    form.open_record(indicator)
    assert form.values.rows().rows == ()
    add_value(form, "2017", "41", "Trygghetsmätningen 2017")
    assert form.save()
    assert values_of(ui_services, indicator.id) == [("2017", 41.0, "Trygghetsmätningen 2017")]
    assert ui_services.indicators.get(id=indicator.id).data == indicator.data


def test_a_period_that_does_not_exist_is_shown_next_to_the_table(form: IndicatorForm) -> None:
    fill_indicator(form)
    add_value(form, "2018", "12")
    add_value(form, "2018-Q5", "3", "Kvartal fem?")
    error = form._label_for("values")
    assert not error.isHidden()
    assert error.text().startswith("Rad 2: Okänd period: '2018-Q5'.")
    assert not form.save_button.isEnabled()
    assert not form.save()
    period = form.values._edit(1, form.values.COL_PERIOD)
    assert period is not None and period.styleSheet()
    screenshot(form, "registers-indicator-errors")
    # Nothing typed is lost.
    assert form.values.rows().rows[1] == ValueRow(
        period_key="2018-Q5", value_text="3", source_note="Kvartal fem?"
    )
    period.setText("2018-Q4")
    assert error.isHidden()
    assert not period.styleSheet()
    assert form.save()


@pytest.mark.parametrize(
    ("period", "value", "note", "expected"),
    [
        ("2018", "12", "", "Perioden 2018 finns redan på rad 1"),
        ("2019", "tolv", "", "Värdet 'tolv' är inte ett tal"),
        ("2019", "", "", "Värde saknas"),
        ("", "12", "", "Period saknas"),
        ("2019", "12", "Uppgift från 811218-9876", "personnummer"),
    ],
)
def test_mistakes_in_a_value_row(
    form: IndicatorForm, period: str, value: str, note: str, expected: str
) -> None:
    fill_indicator(form)
    add_value(form, "2018", "10")
    add_value(form, period, value, note)
    error = form._label_for("values")
    assert expected in error.text()
    assert error.text().startswith("Rad 2:")
    assert not form.save_button.isEnabled()


def test_a_failed_save_of_the_values_leaves_nothing_half_saved_and_keeps_the_rows(
    form: IndicatorForm, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    indicators_before = ui_services.indicators.count()
    fill_indicator(form)
    add_value(form, "2017", "34")
    add_value(form, "2018", "30")
    # The disk fills up after the indicator's row is written, as its values are written.
    original_write = RowWriter.write_tuples  # every INSERT of rows goes through it
    calls: list[str] = []

    def disk_full(writer: RowWriter, session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
        calls.append(writer.sql)
        if len(calls) == 2:
            raise disk_full_error()
        original_write(writer, session, rows)

    monkeypatch.setattr(RowWriter, "write_tuples", disk_full)
    seen: list[str] = []
    answer_next_message_box("Ok", seen)  # Qt's own Swedish text
    assert not form.save()
    assert "Disken är full" in seen[0]
    assert ui_services.indicators.count() == indicators_before
    assert form.stored is None
    assert len(form.values.rows()) == 2

    # The indicator's row was written before the failure, in the same transaction.
    assert [sql.split()[2] for sql in calls] == ['"indicator"', '"indicator_value"']
    monkeypatch.setattr(RowWriter, "write_tuples", original_write)
    assert form.save()
    stored = form.stored
    assert stored is not None
    assert ui_services.indicators.count() == indicators_before + 1
    assert values_of(ui_services, stored.id) == [("2017", 34.0, ""), ("2018", 30.0, "")]
