"""The safety-walk form shows the open actions of earlier walks in the same area."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    ObservationCategory,
    PromiseType,
    WalkStatus,
)
from loften_app.domain.records import ActionData, ObservationData, Participants, SafetyWalkData
from loften_app.storage.services import Services
from loften_app.ui.forms.safety_walk import SafetyWalkForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot

TODAY = dt.date(2018, 6, 1)


def walk(lookups: Lookups, place: str, date: dt.date) -> SafetyWalkData:
    place_id = next(key for key, name in lookups.places() if name == place)
    return SafetyWalkData(
        promise_id=lookups.promises(PromiseType.SAFETY_WALK)[0][0],
        date=date,
        status=WalkStatus.COMPLETED,
        place_id=place_id,
        participants=Participants(municipality=2, police=1),
    )


def test_a_later_walk_in_the_area_shows_the_open_actions(
    qtbot: QtBot, ui_services: Services, tmp_path: Path
) -> None:
    lookups = Lookups(ui_services)
    walks = ui_services.safety_walks
    earlier = walk(lookups, "Centrum", dt.date(2018, 2, 1))
    actions = [
        ("Gångtunneln är mörk", "Byta armaturer", ActionStatus.IN_PROGRESS, dt.date(2018, 5, 1)),
        ("Klotter på elskåpet", "Sanera klottret", ActionStatus.DONE, dt.date(2018, 4, 1)),
    ]
    observations = tuple(
        ObservationData(
            category=ObservationCategory.LIGHTING,
            description=description,
            action=ActionData(
                what=what,
                owner=ActionOwner.MUNICIPAL_OFFICE,
                owner_detail="Gatukontoret",
                status=status,
                deadline=deadline,
                closed_on=dt.date(2018, 3, 1) if status is ActionStatus.DONE else None,
            ),
        )
        for description, what, status, deadline in actions
    )
    walks.add(data=dataclasses.replace(earlier, observations=observations))
    later = walks.add(data=walk(lookups, "Centrum", dt.date(2018, 5, 20)))
    form = SafetyWalkForm(walks, lookups, photo_dir=tmp_path / "foton", today=lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(1010, 700)
    form.show()

    form.open_new(form.blank(TODAY))
    assert form.carried.isHidden()  # no area chosen: nothing to carry over

    form.open_record(walks.get(id=later.id))
    box = form.carried
    assert not box.isHidden()
    assert box.toggle.text() == "Öppna åtgärder från tidigare vandringar i området (1)"
    assert box.table.isHidden()  # folded by default
    assert [c.action.what for c in box.carried] == ["Byta armaturer"]
    texts = [box.table.item(0, column).text() for column in range(5)]
    assert texts == [
        "2018-02-01",
        "Gångtunneln är mörk",
        "Byta armaturer",
        "kommunal förvaltning (Gatukontoret)",
        "2018-05-01 försenad",
    ]
    box.toggle.click()
    assert not box.table.isHidden()
    qtbot.wait(20)
    screenshot(form, "form-safety-walk-carried-actions")
    assert not form.is_dirty()  # showing them changes nothing in the walk

    form.date.set_value(dt.date(2018, 1, 15))  # before the earlier walk: nothing carried
    assert box.isHidden()
    form.date.set_value(dt.date(2018, 5, 20))
    assert not box.isHidden()
    form.place.set_value(next(key for key, name in lookups.places() if name == "Stora torget"))
    assert box.isHidden()


def test_a_carried_action_opens_the_walk_it_came_from(
    qtbot: QtBot, ui_services: Services, tmp_path: Path, settings: QSettings
) -> None:
    from loften_app.domain.enums import Organisation
    from loften_app.ui.pages import build_pages
    from loften_app.ui.section import RecordSection

    lookups = Lookups(ui_services)
    walks = ui_services.safety_walks
    observation = ObservationData(
        category=ObservationCategory.LIGHTING,
        description="Gångtunneln är mörk",
        action=ActionData(what="Byta armaturer", owner=ActionOwner.MUNICIPAL_OFFICE),
    )
    earlier = walks.add(
        data=dataclasses.replace(
            walk(lookups, "Centrum", dt.date(2018, 2, 1)), observations=(observation,)
        )
    )
    later = walks.add(data=walk(lookups, "Centrum", dt.date(2018, 5, 20)))
    pages = build_pages(
        ui_services,
        settings,
        organisation=Organisation.MUNICIPALITY,
        photo_dir=tmp_path / "foton",
        today=lambda: TODAY,
    )
    section = pages["safety_walks"]
    assert isinstance(section, RecordSection)
    qtbot.addWidget(section)
    section.resize(1100, 760)
    section.show()
    section.open_record(later.id)
    box = section.form.carried
    box.toggle.click()
    assert not box.open_button.isEnabled()
    box.table.selectRow(0)
    assert box.open_button.isEnabled()
    box.open_button.click()
    assert section.form.stored is not None and section.form.stored.id == earlier.id
    # The earlier walk, whose observation table holds the action itself.
    assert section.form.stored.data.observations[0].action is not None
    assert section.form.carried.isHidden()  # nothing earlier than it in the area

    # Double-click (or Enter) on the row does the same.
    section.open_record(later.id)
    assert section.form.stored.id == later.id
    box.table.doubleClicked.emit(box.table.model().index(0, 2))
    assert section.form.stored.id == earlier.id
