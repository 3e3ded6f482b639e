"""The target form: the target as a sentence, the days only for SMADIT's measure, a share as a
number from 0 to 1."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Comparison, Measure, PromiseType, TargetPeriod
from loften_app.domain.records import TargetData
from loften_app.storage.services import RecordFilter, Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.target import TargetForm, target_sentence
from tests.ui.conftest import screenshot
from tests.ui.registers.conftest import PAGE_SIZE, TODAY


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services, lookups: Lookups) -> TargetForm:
    form = TargetForm(ui_services.targets, lookups, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(*PAGE_SIZE)
    form.open_new(form.blank(TODAY))
    form.show()
    return form


def choose_promise(form: TargetForm, title: str) -> str:
    for key, name in form._lookups.promises():
        if name.endswith(title):
            form.promise.set_value(key)
            return key
    raise AssertionError(title)


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        (
            TargetData(
                promise_id="p",
                measure=Measure.WALKS_COMPLETED,
                comparison=Comparison.AT_LEAST,
                value=2,
                period=TargetPeriod.YEAR,
            ),
            "Minst 2 genomförda trygghetsvandringar per år",
        ),
        (
            TargetData(
                promise_id="p",
                measure=Measure.ACTIONS_OVERDUE,
                comparison=Comparison.AT_MOST,
                value=3,
                period=TargetPeriod.QUARTER,
            ),
            "Högst 3 försenade åtgärder per kvartal",
        ),
        (
            TargetData(
                promise_id="p",
                measure=Measure.RECORD_COUNT,
                comparison=Comparison.AT_LEAST,
                value=10,
                period=TargetPeriod.AGREEMENT,
            ),
            "Minst 10 aktiviteter under hela överenskommelsen",
        ),
        (
            TargetData(
                promise_id="p",
                measure=Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS,
                comparison=Comparison.AT_LEAST,
                value=0.8,
                period=TargetPeriod.YEAR,
                parameter=1,
            ),
            "Andel ärenden med kommunal kontakt inom 1 dag: minst 80 % per år",
        ),
        (
            TargetData(
                promise_id="p",
                measure=Measure.PATROL_HOURS_EVENING_NIGHT,
                comparison=Comparison.AT_LEAST,
                value=12.5,
                period=TargetPeriod.QUARTER,
            ),
            "Minst 12,5 timmar polisiär närvaro kväll och natt per kvartal",
        ),
    ],
)
def test_the_target_as_a_sentence(data: TargetData, sentence: str) -> None:
    assert target_sentence(data) == sentence


def test_fill_in_save_reopen_and_edit(
    form: TargetForm, ui_services: Services, qtbot: QtBot
) -> None:
    promise_id = choose_promise(form, "Polisiär närvaro och butiksbesök")
    form.measure.set_value(Measure.SHOP_VISITS)
    form.comparison.set_value(Comparison.AT_LEAST)
    form.value.setValue(40)
    form.period.set_value(TargetPeriod.QUARTER)
    form.description.setPlainText("Satt av styrgruppen i mars.")
    assert form.sentence.text() == "Minst 40 butiksbesök per kvartal"
    assert not form.parameter.isEnabled()
    assert form.save()

    (stored,) = ui_services.targets.list_page(filter=RecordFilter(promise_id=promise_id)).items
    assert stored.data.measure is Measure.SHOP_VISITS
    assert stored.data.value == 40
    assert stored.data.period is TargetPeriod.QUARTER
    assert stored.data.parameter is None

    form.open_record(stored)
    assert form.sentence.text() == "Minst 40 butiksbesök per kvartal"
    form.value.setValue(50)
    assert form.save()
    changed = ui_services.targets.get(id=stored.id)
    assert changed.data.value == 50
    assert changed.version == 2


def test_the_days_are_asked_for_only_for_contact_within_n_days(
    form: TargetForm, ui_services: Services
) -> None:
    promise_id = choose_promise(form, "Narkotika: upptäckt, lagföring, uppföljning och vård")
    form.measure.set_value(Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS)
    assert form.parameter.isEnabled()
    assert not form.value_hint.isHidden()
    form.value.setValue(0.8)
    form.parameter.setValue(2)
    assert form.sentence.text() == (
        "Andel ärenden med kommunal kontakt inom 2 dagar: minst 80 % per år"
    )
    screenshot(form, "registers-target-share")
    assert form.save()
    (stored,) = ui_services.targets.list_page(filter=RecordFilter(promise_id=promise_id)).items
    assert stored.data.parameter == 2
    form.measure.set_value(Measure.DRUG_CASES)
    assert not form.parameter.isEnabled()
    assert form.collect().parameter is None


def test_a_share_above_one_is_refused_at_the_value(form: TargetForm) -> None:
    # A share of deployments is a measure of the volunteer promise (only it offers one).
    form.promise.set_value(form._lookups.promises(PromiseType.VOLUNTEERS)[0][0])
    form.measure.set_value(Measure.VOLUNTEER_SHARE_WITH_MUNICIPALITY)
    form.value.setValue(1.5)
    error = form._label_for("value")
    assert not error.isHidden()
    assert "mellan 0 och 1" in error.text()
    assert not form.save_button.isEnabled()
    screenshot(form, "registers-target-errors")
    form.value.setValue(0.75)
    assert error.isHidden()
    assert form.sentence.text() == "Andel insatser i samråd med kommunen: minst 75 % per år"
    assert form.save_button.isEnabled()


def test_a_personnummer_in_the_description_is_refused(form: TargetForm) -> None:
    form.description.setPlainText("Beslutat av 811218-9876")
    assert "personnummer" in form._label_for("description").text()
    assert not form.save_button.isEnabled()
