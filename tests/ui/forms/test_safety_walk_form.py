"""The safety-walk form, used as a coordinator uses it: a completed walk with ten observations,
actions in every status and a photo; saved, reopened, followed up; mistakes; leaving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    LightCondition,
    ObservationCategory,
    ParticipantGroup,
    Priority,
    PromiseType,
    WalkStatus,
)
from loften_app.storage.services import Services
from loften_app.ui.forms.observations_model import (
    COL_CATEGORY,
    COL_CLOSED,
    COL_DEADLINE,
    COL_DESCRIPTION,
    COL_OWNER,
    COL_OWNER_DETAIL,
    COL_PLACE,
    COL_PRIORITY,
    COL_REJECTION,
    COL_STATUS,
    COL_WHAT,
    ERROR_BACKGROUND,
    ObservationsModel,
)
from loften_app.ui.forms.photos import copy_photo
from loften_app.ui.forms.safety_walk import SafetyWalkForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot

TODAY = dt.date(2018, 6, 1)
WALK = dt.date(2018, 5, 15)


@pytest.fixture
def form(qtbot: QtBot, ui_services: Services, tmp_path: Path) -> SafetyWalkForm:
    form = SafetyWalkForm(
        ui_services.safety_walks,
        Lookups(ui_services),
        photo_dir=tmp_path / "foton",
        today=lambda: TODAY,
    )
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.open_new(form.blank(WALK))
    form.show()
    return form


def place_key(form: SafetyWalkForm, name: str) -> str:
    for key, shown in form._lookups.places():
        if shown == name:
            return key
    raise AssertionError(name)


def cell(form: SafetyWalkForm, row: int, column: int, value: object) -> None:
    model = form.observations.model
    model.setData(model.index(row, column), value)
    assert model.value(row, column) == value, (row, column, value)


def shown(form: SafetyWalkForm, row: int, column: int) -> str:
    model = form.observations.model
    return str(model.data(model.index(row, column)))


def small_png(tmp_path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab0"))
    path = tmp_path / "gångtunneln.png"
    assert image.save(str(path))
    return path


# place, category, description, action: (what, owner, detail, priority, status, extra)
OBSERVATIONS: list[tuple[str, ObservationCategory, str, tuple[object, ...] | None]] = [
    ("Skillerälven", ObservationCategory.LIGHTING, "Gångtunneln är mörk, två lampor trasiga",
     ("Byta armaturer i tunneln", ActionOwner.MUNICIPAL_OFFICE, "", Priority.HIGH,
      ActionStatus.OPEN, None)),
    ("Skillerälven", ObservationCategory.VEGETATION, "Buskar skymmer sikten längs gångvägen",
     ("Klippa buskarna", ActionOwner.PROPERTY_OWNER, "", Priority.MEDIUM,
      ActionStatus.IN_PROGRESS, None)),
    ("Stora torget", ObservationCategory.GRAFFITI_VANDALISM, "Klotter på elskåpet",
     ("Sanera klottret", ActionOwner.MUNICIPAL_OFFICE, "", Priority.LOW,
      ActionStatus.DONE, dt.date(2018, 5, 28))),
    ("Stora torget", ObservationCategory.LITTER, "Mycket skräp vid bänkarna",
     ("Fler papperskorgar", ActionOwner.OTHER, "Stiftelsen Filipstadsbostäder", Priority.LOW,
      ActionStatus.REJECTED, "Ryms inte i budgeten i år")),
    ("Resecentrum/busstationen", ObservationCategory.PATHS_TRAFFIC, "Otydligt övergångsställe",
     ("Måla om övergångsstället", ActionOwner.TRANSPORT_ADMINISTRATION, "", Priority.HIGH,
      ActionStatus.OPEN, dt.date(2018, 5, 31))),
    ("Resecentrum/busstationen", ObservationCategory.DESERTED, "Öde efter sista bussen", None),
    ("Centrum", ObservationCategory.VISIBLE_DRUG_USE, "Samlingsplats bakom kiosken",
     ("Ökad närvaro kvällstid", ActionOwner.POLICE, "", Priority.HIGH,
      ActionStatus.IN_PROGRESS, None)),
    ("Storgatan", ObservationCategory.OTHER, "Cyklar parkerade över trottoaren", None),
    ("Stora torget", ObservationCategory.POSITIVE, "Bra belysning och folkliv vid torget", None),
    ("Idrottsplatsen", ObservationCategory.LIGHTING, "Parkeringen saknar belysning",
     ("Sätta upp belysning", ActionOwner.MUNICIPAL_OFFICE, "", Priority.MEDIUM,
      ActionStatus.OPEN, None)),
]  # fmt: skip


def fill_in_completed_walk(form: SafetyWalkForm) -> None:
    form.status.set_value(WalkStatus.COMPLETED)
    form.light.set_value(LightCondition.DARK)
    form.place.set_value(place_key(form, "Centrum"))
    form.route.setPlainText("Resecentrum – Skillerälven – gångtunneln – Stora torget")
    counts = {
        ParticipantGroup.MUNICIPALITY: 3,
        ParticipantGroup.POLICE: 2,
        ParticipantGroup.PROPERTY_OWNERS: 1,
        ParticipantGroup.RESIDENTS: 8,
        ParticipantGroup.POLITICIANS: 1,
    }
    for group, count in counts.items():
        form.participants[group].setValue(count)
    form.preparatory.set_value(dt.date(2018, 5, 2))
    form.protocol.set_value(dt.date(2018, 5, 30))
    form.hours_spent.setValue(14.5)
    form.notes.setPlainText("Återkoppling till boende i lokaltidningen")
    for place, category, description, action in OBSERVATIONS:
        row = form.observations.add_observation()
        cell(form, row, COL_PLACE, place_key(form, place))
        cell(form, row, COL_CATEGORY, category)
        cell(form, row, COL_DESCRIPTION, description)
        if action is None:
            continue
        what, owner, detail, priority, status, extra = action
        cell(form, row, COL_WHAT, what)
        cell(form, row, COL_OWNER, owner)
        if detail:
            cell(form, row, COL_OWNER_DETAIL, detail)
        cell(form, row, COL_PRIORITY, priority)
        cell(form, row, COL_STATUS, status)
        if status is ActionStatus.REJECTED:
            cell(form, row, COL_REJECTION, extra)
        elif isinstance(extra, dt.date) and status is ActionStatus.DONE:
            cell(form, row, COL_CLOSED, extra)
        elif isinstance(extra, dt.date):
            cell(form, row, COL_DEADLINE, extra)


def test_fill_in_ten_observations_save_reopen_and_follow_up(
    form: SafetyWalkForm, ui_services: Services, tmp_path: Path, qtbot: QtBot
) -> None:
    assert form.save_button.isEnabled()  # a planned walk needs nothing more
    fill_in_completed_walk(form)
    photo = copy_photo(small_png(tmp_path), tmp_path / "foton")
    form.observations.model.add_photos(0, [photo])
    assert form.issues() == []
    assert form.save_button.isEnabled()
    assert form.total.text() == "Totalt 15 deltagare"
    assert shown(form, 4, COL_DEADLINE) == "2018-05-31\nförsenad"
    assert shown(form, 0, COL_DEADLINE) == "2018-11-15"
    assert shown(form, 5, COL_WHAT) == "" and shown(form, 5, COL_STATUS) == ""
    assert shown(form, 3, COL_STATUS) == "avslagen"
    assert form.observations.summary.text() == (
        "10 iakttagelser · 7 åtgärder · 5 ej avslutade · 1 försenad"
    )
    qtbot.wait(20)  # let the layout settle before the picture
    screenshot(form, "form-safety-walk-10-observations")
    assert form.save()

    (listed,) = ui_services.safety_walks.list_page().items
    stored = ui_services.safety_walks.get(id=listed.id)
    data = stored.data
    assert data.status is WalkStatus.COMPLETED
    assert data.participants.residents == 8 and data.participants.total == 15
    assert [o.description for o in data.observations] == [o[2] for o in OBSERVATIONS]
    assert data.observations[0].photos == (photo,)
    assert data.observations[3].action is not None
    assert data.observations[3].action.rejection_reason == "Ryms inte i budgeten i år"
    assert data.observations[2].action is not None
    assert data.observations[2].action.closed_on == dt.date(2018, 5, 28)
    assert data.observations[5].action is None
    assert {o.action.status for o in data.observations if o.action} == set(ActionStatus)

    form.open_record(stored)
    assert not form.is_dirty()
    assert form.observations.model.rowCount() == 10
    cell(form, 0, COL_STATUS, ActionStatus.DONE)
    assert shown(form, 0, COL_CLOSED) == TODAY.isoformat()  # filled in with today
    cell(form, 0, COL_CLOSED, dt.date(2018, 5, 31))
    assert form.is_dirty()
    assert form.save()

    again = ui_services.safety_walks.get(id=listed.id)
    assert again.version == 2
    first = again.data.observations[0]
    assert first.action is not None
    assert first.action.status is ActionStatus.DONE
    assert first.action.closed_on == dt.date(2018, 5, 31)
    assert [o.id for o in again.data.observations] == [o.id for o in data.observations]
    assert [o.action.id for o in again.data.observations if o.action] == [
        o.action.id for o in data.observations if o.action
    ]


def test_an_action_is_due_six_months_after_the_walk_unless_set(form: SafetyWalkForm) -> None:
    row = form.observations.add_observation()
    cell(form, row, COL_DESCRIPTION, "Trasig lampa vid busshållplatsen")
    assert form.observations.model.observation(row).action is None
    cell(form, row, COL_WHAT, "Byta lampan")
    action = form.observations.model.observation(row).action
    assert action is not None
    assert action.deadline == dt.date(2018, 11, 15)
    assert action.status is ActionStatus.OPEN

    form.date.set_value(dt.date(2018, 8, 31))  # the default follows the walk's date
    assert form.observations.model.value(row, COL_DEADLINE) == dt.date(2019, 2, 28)
    cell(form, row, COL_DEADLINE, dt.date(2018, 12, 1))
    form.date.set_value(dt.date(2018, 9, 3))  # a deadline someone chose stays
    assert form.observations.model.value(row, COL_DEADLINE) == dt.date(2018, 12, 1)

    other = form.observations.add_observation()
    cell(form, other, COL_WHAT, "Ny")
    model = form.observations.model
    model.setData(model.index(other, COL_WHAT), "")  # cleared again at once: no action
    assert form.observations.model.observation(other).action is None


def test_typing_in_a_cell_is_validated_while_typing(form: SafetyWalkForm, qtbot: QtBot) -> None:
    qtbot.mouseClick(form.observations.add_button, Qt.MouseButton.LeftButton)
    assert (
        "Iakttagelse 1, beskrivning saknas" in form._label_for("observations[0].description").text()
    )
    editor = form.observations.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.accessibleName() == "Beskrivning, iakttagelse 1"
    qtbot.keyClicks(editor, "Trasig lampa")
    assert form.observations.model.observation(0).description == "Trasig lampa"
    assert form._label_for("observations").isHidden()


def test_typing_an_action_creates_it(form: SafetyWalkForm, qtbot: QtBot) -> None:
    row = form.observations.add_observation()
    view, model = form.observations.view, form.observations.model
    assert not model.flags(model.index(row, COL_STATUS)) & Qt.ItemFlag.ItemIsEditable
    view.setCurrentIndex(model.index(row, COL_WHAT))
    view.edit(model.index(row, COL_WHAT))
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Byta lampan")
    action = model.observation(row).action
    assert action is not None and action.what == "Byta lampan"
    assert action.deadline == dt.date(2018, 11, 15)
    assert model.flags(model.index(row, COL_STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert form.observations.remove_action_button.isEnabled()
    form.observations.remove_current_action()
    assert model.observation(row).action is None


def test_removing_rows_keeps_ids_photos_and_buttons_in_step(
    form: SafetyWalkForm, ui_services: Services, tmp_path: Path
) -> None:
    for text in ("Första", "Andra", "Tredje"):
        row = form.observations.add_observation()
        cell(form, row, COL_DESCRIPTION, text)
    (photo,) = form.observations.attach_files(2, [small_png(tmp_path)])
    assert form.save()
    stored = form.stored
    assert stored is not None
    ids = [o.id for o in stored.data.observations]
    form.observations.view.setCurrentIndex(form.observations.model.index(0, COL_DESCRIPTION))
    form.observations.remove_current()
    model = form.observations.model
    assert [model.observation(r).description for r in range(2)] == ["Andra", "Tredje"]
    photos_cell = form.observations.view.indexWidget(model.index(1, 3))
    assert photos_cell.count.text() == "1"  # type: ignore[union-attr]
    assert photos_cell.row == 1  # type: ignore[union-attr]
    assert form.observations.summary.text().startswith("2 iakttagelser")
    assert form.save()
    saved = ui_services.safety_walks.get(id=stored.id).data.observations
    assert [o.id for o in saved] == ids[1:]
    assert saved[1].photos == (photo,)


def test_cancelled_without_a_reason_is_shown_at_the_reason(form: SafetyWalkForm) -> None:
    assert not form.cancellation_reason.isVisible()
    form.status.set_value(WalkStatus.CANCELLED)
    assert form.cancellation_reason.isVisible()
    error = form._label_for("cancellation_reason")
    assert "ställdes in" in error.text()
    assert not error.isHidden()
    assert not form.save_button.isEnabled()
    form.cancellation_reason.setText("Ösregn och storm")
    assert error.isHidden()
    assert form.save()
    form.status.set_value(WalkStatus.PLANNED)
    assert not form.cancellation_reason.isVisible()
    assert form.collect().cancellation_reason == ""


def test_each_validation_message_appears_at_its_field_and_cell(
    form: SafetyWalkForm, qtbot: QtBot
) -> None:
    fill_in_completed_walk(form)
    form.date.set_value(dt.date(2018, 6, 20))  # completed, yet after today
    date_error = form._label_for("date")
    assert "framåt i tiden" in date_error.text()
    assert not date_error.isHidden()

    cell(form, 3, COL_REJECTION, "")  # rejected without a reason
    table_error = form._label_for("observations[3].action.rejection_reason")
    assert table_error is form._label_for("observations")
    assert "Iakttagelse 4, åtgärd, skäl till avslag saknas" in table_error.text()
    assert not table_error.isHidden()
    model = form.observations.model
    assert (3, COL_REJECTION) in model.cells_with_issues()
    assert model.data(model.index(3, COL_REJECTION), Qt.ItemDataRole.BackgroundRole) == (
        ERROR_BACKGROUND
    )
    assert "avslagen" in model.data(model.index(3, COL_REJECTION), Qt.ItemDataRole.ToolTipRole)

    cell(form, 1, COL_DESCRIPTION, "Boende 811218-9876 klagade på buskarna")
    assert "personnummer" in table_error.text()
    assert (1, COL_DESCRIPTION) in model.cells_with_issues()
    form.participants[ParticipantGroup.RESIDENTS].setValue(0)
    assert not form.save_button.isEnabled()
    assert "att rätta" in form.problem_label.text()
    qtbot.wait(20)
    screenshot(form, "form-safety-walk-errors")

    cell(form, 1, COL_DESCRIPTION, "Boende klagade på buskarna")
    assert (1, COL_DESCRIPTION) not in model.cells_with_issues()
    assert "personnummer" not in table_error.text()


def test_a_completed_walk_needs_participants(form: SafetyWalkForm) -> None:
    form.status.set_value(WalkStatus.COMPLETED)
    error = form._label_for("participants")
    assert "inga deltagare" in error.text()
    assert not error.isHidden()
    form.participants[ParticipantGroup.POLICE].setValue(2)
    assert error.isHidden()


def test_a_photo_is_copied_into_the_photo_folder_under_a_new_name(
    form: SafetyWalkForm, tmp_path: Path, ui_services: Services
) -> None:
    source = small_png(tmp_path)
    row = form.observations.add_observation()
    cell(form, row, COL_DESCRIPTION, "Klotter på gångbron")
    (name,) = form.observations.attach_files(row, [source])
    assert "/" not in name and "\\" not in name
    assert name.endswith(".png") and name != source.name
    copied = tmp_path / "foton" / name
    assert copied.read_bytes() == source.read_bytes()
    assert source.exists()
    assert form.observations.model.observation(row).photos == (name,)
    assert form.save()
    (saved,) = ui_services.safety_walks.list_page().items
    assert saved.data.observations[0].photos == (name,)


def test_blank_walk_is_planned_in_the_dark_at_half_past_six(form: SafetyWalkForm) -> None:
    data = form.blank(WALK)
    assert data.status is WalkStatus.PLANNED
    assert data.light is LightCondition.DARK
    assert data.start_time == dt.time(18, 30)
    assert data.promise_id == form._lookups.promises(PromiseType.SAFETY_WALK)[0][0]
    assert form.collect() == data
    form.start_time.check.setChecked(False)
    assert form.collect().start_time is None


def test_every_input_has_an_accessible_name(form: SafetyWalkForm) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QPlainTextEdit

    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    nameless = [
        widget
        for kind in kinds
        for widget in form.findChildren(kind)
        if not widget.objectName().startswith("qt_")  # Qt's own parts of a table or spin box
        and not widget.accessibleName()
        and not getattr(widget, "text", lambda: "")()
    ]
    assert nameless == []


def test_a_new_place_can_be_added_from_the_form(form: SafetyWalkForm) -> None:
    form.add_new_place("Parken bakom biblioteket")
    assert form.place.currentText() == "Parken bakom biblioteket"
    assert form.collect().place_id == place_key(form, "Parken bakom biblioteket")


def test_the_observations_model_passes_the_model_tester(
    form: SafetyWalkForm, qtmodeltester: object
) -> None:
    fill_in_completed_walk(form)
    model: ObservationsModel = form.observations.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
