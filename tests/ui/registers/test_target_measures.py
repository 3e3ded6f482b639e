"""The target form offers the measures that fit the promise's type, and shows whole counts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from loften_app.domain.enums import Measure, PromiseType
from loften_app.domain.kinds import measures_for
from loften_app.storage.services import Services
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.target import TargetForm


def offered(form: TargetForm) -> list[Measure]:
    return [Measure(form.measure.itemData(i)) for i in range(form.measure.count())]


def test_the_measures_follow_the_promise(qtbot: QtBot, ui_services: Services) -> None:
    lookups = Lookups(ui_services)
    form = TargetForm(ui_services.targets, lookups)
    qtbot.addWidget(form)
    form.open_new(form.blank(__import__("datetime").date(2018, 1, 1)))
    patrol = lookups.promises(PromiseType.PATROL)[0][0]
    walks = lookups.promises(PromiseType.SAFETY_WALK)[0][0]
    form.promise.set_value(patrol)
    assert offered(form) == [m for m in Measure if m in measures_for(PromiseType.PATROL)]
    assert Measure.WALKS_COMPLETED not in offered(form)
    form.promise.set_value(walks)
    assert Measure.WALKS_COMPLETED in offered(form)
    assert Measure.SHOP_VISITS not in offered(form)
    form.measure.set_value(Measure.WALKS_COMPLETED)
    form.value.setValue(12)
    assert form.value.text() == "12"  # a count, not "12,00"
    form.measure.set_value(Measure.ACTIONS_SHARE_CLOSED_BY_DEADLINE)
    assert form.value.decimals() == 2
