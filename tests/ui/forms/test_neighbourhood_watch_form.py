"""The grannsamverkan form and list in the window (ISSUE 15): a promise of the type, fill in,
save, see it in its list, reopen and edit; mistakes are named at their fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import NeighbourhoodMeeting, PromiseType, Responsible
from loften_app.domain.records import PromiseData
from loften_app.storage.services import Services
from loften_app.ui.forms.neighbourhood_watch import NeighbourhoodWatchColumn
from loften_app.ui.main_window import MainWindow
from loften_app.ui.pages import build_pages
from loften_app.ui.section import RecordSection
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import unnamed_inputs


def test_fill_in_save_list_reopen_and_edit(
    qtbot: QtBot, ui_services: Services, settings: QSettings, tmp_path: Path
) -> None:
    agreement = ui_services.agreements.current()
    assert agreement is not None
    ui_services.promises.add(
        data=PromiseData(
            agreement_id=agreement.id,
            number=9,
            text="Vi ska starta grannsamverkan i fler bostadsområden.",
            short_title="Grannsamverkan",
            responsible=Responsible.BOTH,
            type=PromiseType.NEIGHBOURHOOD_WATCH,
        )
    )
    window = MainWindow(settings=settings, database_name="x.db")
    qtbot.addWidget(window)
    pages = build_pages(
        ui_services,
        settings,
        organisation=ui_services.actor.organisation,
        photo_dir=tmp_path,
        today=lambda: dt.date(2018, 4, 12),
    )
    window.attach(pages, agreement_title="Filipstad", user="Anna")
    window.show_section("neighbourhood_watch")
    page = window.page("neighbourhood_watch")
    assert isinstance(page, RecordSection)
    page.new_record()
    form = page.form
    assert unnamed_inputs(form) == []
    assert form.promise.currentText().endswith("Grannsamverkan")
    assert not form.save_button.isEnabled()
    assert "Inget område är valt" in form._label_for("place_ids").text()
    form.places.add_and_check("Hagaberg")
    form.meeting.set_value(NeighbourhoodMeeting.INFORMATION_EVENING)
    form.households_reached.setValue(40)
    form.new_groups.setValue(2)
    form.participants.setValue(25)
    form.partner_boxes["with_landlord"].setChecked(True)
    form.hours_spent.setValue(3)
    assert form.save_button.isEnabled()
    screenshot(window, "form-neighbourhood-watch")
    assert form.save()

    service = ui_services.of_kind("neighbourhood_watch")
    (stored,) = service.list_page().items
    assert stored.data.households_reached == 40 and stored.data.new_groups == 2
    assert stored.data.partners == ("with_police", "with_landlord")
    model = page.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    cell = model.index(0, NeighbourhoodWatchColumn.PARTNERS).data()
    assert cell == "Polisen, fastighetsägare"
    assert model.index(0, NeighbourhoodWatchColumn.HOUSEHOLDS).data() == "40"

    form.open_record(service.get(id=stored.id))
    form.partner_boxes["with_police"].setChecked(False)
    form.households_reached.setValue(45)
    assert form.save()
    again = service.get(id=stored.id)
    assert again.version == 2
    assert again.data.partners == ("with_landlord",)
    assert again.data.households_reached == 45


def test_without_such_a_promise_a_hint_says_where_to_add_one(
    qtbot: QtBot, ui_services: Services, settings: QSettings, tmp_path: Path
) -> None:
    """The Filipstad agreement has no grannsamverkan promise: a hint under the empty "Löfte"
    field says where one is added; it goes once a promise of the type is there."""
    pages = build_pages(
        ui_services,
        settings,
        organisation=ui_services.actor.organisation,
        photo_dir=tmp_path,
        today=lambda: dt.date(2018, 4, 12),
    )
    page = pages["neighbourhood_watch"]
    assert isinstance(page, RecordSection)
    qtbot.addWidget(page)
    page.new_record()
    form = page.form
    assert form.promise.count() == 0
    assert not form.promise_hint.isHidden()
    assert "Register › Löften" in form.promise_hint.text()
    assert not form.save_button.isEnabled()

    agreement = ui_services.agreements.current()
    assert agreement is not None
    ui_services.promises.add(
        data=PromiseData(
            agreement_id=agreement.id,
            number=9,
            text="Vi ska starta grannsamverkan i fler bostadsområden.",
            short_title="Grannsamverkan",
            responsible=Responsible.BOTH,
            type=PromiseType.NEIGHBOURHOOD_WATCH,
        )
    )
    form._lookups.invalidate()
    form.reload_choices()
    assert form.promise.count() == 1
    assert form.promise_hint.isHidden()
