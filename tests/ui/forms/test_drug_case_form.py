"""The drug case form, used as the police and the municipality use it: each fills in its own
part, the days to first contact follow, the other organisation's part asks first, mistakes are
shown at their fields, and no identities are stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import (
    Accepted,
    AgeGroup,
    CaseStatus,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    NotificationKind,
    Organisation,
    SupportOffered,
)
from loften_app.storage.services import Services
from loften_app.ui.forms.drug_case import DrugCaseForm
from loften_app.ui.lookups import Lookups
from tests.ui.conftest import screenshot
from tests.ui.forms.conftest import answer_next_message_box, tab_order, unnamed_inputs

TODAY = dt.date(2018, 6, 1)
DETECTED = dt.date(2018, 3, 20)

MakeForm = Callable[[Organisation], DrugCaseForm]


@pytest.fixture
def make_form(qtbot: QtBot, ui_services: Services) -> MakeForm:
    def make(organisation: Organisation) -> DrugCaseForm:
        form = DrugCaseForm(
            ui_services.drug_cases,
            Lookups(ui_services),
            organisation=organisation,
            today=lambda: TODAY,
        )
        qtbot.addWidget(form)
        form.resize(1280, 800)
        form.open_new(form.blank(DETECTED))
        form.show()
        return form

    return make


@pytest.fixture
def form(make_form: MakeForm) -> DrugCaseForm:
    """A form as the police contact person sees it."""
    return make_form(Organisation.POLICE)


@contextmanager
def no_question(form: DrugCaseForm) -> Iterator[None]:
    """Fail if the form asks anything inside the block (the question is refused, not left
    hanging)."""
    seen: list[str] = []

    def refuse() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.reject()

    timer = QTimer(form)
    timer.setInterval(10)
    timer.timeout.connect(refuse)
    timer.start()
    try:
        yield
    finally:
        timer.stop()
    assert seen == []


def place_id(form: DrugCaseForm, name: str) -> str:
    for key, shown in form._lookups.places():
        if shown == name:
            return key
    raise AssertionError(name)


def test_each_organisation_fills_in_its_part_save_reopen_and_edit(
    make_form: MakeForm, ui_services: Services
) -> None:
    police = make_form(Organisation.POLICE)
    assert police.case_code.text() == "tilldelas när ärendet sparas"
    with no_question(police):
        police.place.set_value(place_id(police, "Stora torget"))
        police.age_group.set_value(AgeGroup.AGE_18_25)
        police.kind.set_value(DrugCaseKind.POSSESSION)
        police.detection_method.set_value(DetectionMethod.TIP)
        police.legal_outcome.set_value(LegalOutcome.REPORTED)
        police.municipality_notified_on.set_value(DETECTED)
        police.notification_kind.set_value(NotificationKind.CONTACT_OFFER)
        police.police_notes.setPlainText("Upptäckt vid kontroll på torget en fredagskväll")
    assert police.save_button.isEnabled()
    assert police.save()
    # Each installation numbers its own cases with its prefix (this file's is Kommunen's: K-).
    assert police.case_code.text() == "K-2018-001"
    (stored,) = ui_services.drug_cases.list_page().items
    assert stored.data.case_code == "K-2018-001"
    # The municipal part stays empty until Kommunen fills it in.
    assert stored.data.status is None
    assert stored.data.age_group is AgeGroup.AGE_18_25
    assert stored.data.notification_kind is NotificationKind.CONTACT_OFFER
    assert stored.data.first_contact_on is None

    municipality = make_form(Organisation.MUNICIPALITY)
    municipality.open_record(ui_services.drug_cases.get(id=stored.id))
    assert municipality.case_code.text() == "K-2018-001"
    assert municipality.kind.value() is DrugCaseKind.POSSESSION
    with no_question(municipality):
        municipality.first_contact_on.set_value(DETECTED + dt.timedelta(days=1))
        municipality.support_offered.set_value(SupportOffered.SSPF)
        municipality.accepted.set_value(Accepted.YES)
        municipality.municipal_notes.setPlainText("Erbjöds samtal med SSPF-teamet dagen efter")
    assert municipality.days_to_contact.text() == "1 dag"
    screenshot(municipality, "form-drug-case")
    assert municipality.save()
    again = ui_services.drug_cases.get(id=stored.id)
    assert again.version == 2
    assert again.data.days_to_contact == 1
    assert again.data.support_offered is SupportOffered.SSPF
    assert again.data.case_code == "K-2018-001"
    assert again.data.police_notes == "Upptäckt vid kontroll på torget en fredagskväll"


def test_the_days_to_first_contact_follow_both_dates_and_mark_a_late_contact(
    form: DrugCaseForm,
) -> None:
    answer_next_message_box("Ändra ändå")
    form.first_contact_on.set_value(DETECTED)
    assert form.days_to_contact.text() == "0 dagar (samma dag)"
    assert form.days_to_contact.property("late") is False
    form.first_contact_on.date.set_value(DETECTED + dt.timedelta(days=3))
    assert form.days_to_contact.text().startswith("3 dagar – ")
    assert "inom ett dygn" in form.days_to_contact.text()
    assert form.days_to_contact.property("late") is True
    screenshot(form, "form-drug-case-late-contact")
    form.detected_on.set_value(DETECTED + dt.timedelta(days=2))
    assert form.days_to_contact.text() == "1 dag"
    assert form.days_to_contact.property("late") is False
    form.first_contact_on.check.setChecked(False)
    assert form.days_to_contact.text() == "– (ingen första kontakt ännu)"
    assert form.collect().days_to_contact is None


def test_each_validation_message_appears_at_its_field(form: DrugCaseForm) -> None:
    assert form.save_button.isEnabled()
    answer_next_message_box("Ändra ändå")
    form.first_contact_on.set_value(DETECTED - dt.timedelta(days=2))
    error = form._label_for("first_contact_on")
    assert not error.isHidden()
    assert "kan inte vara före datum upptäckt" in error.text()
    assert not form.save_button.isEnabled()
    form.first_contact_on.set_value(DETECTED)
    assert error.isHidden()

    form.status.set_value(CaseStatus.CLOSED)
    error = form._label_for("closed_on")
    assert not error.isHidden()
    assert "saknar datum avslutad" in error.text()
    form.closed_on.set_value(DETECTED + dt.timedelta(days=30))
    assert error.isHidden()

    form.age_group.set_value(AgeGroup.UNDER_18)
    form.municipality_notified_on.set_value(DETECTED)
    form.notification_kind.set_value(NotificationKind.NOTICE)
    error = form._label_for("notification_kind")
    assert not error.isHidden()
    assert "orosanmälan" in error.text()
    form.notification_kind.set_value(NotificationKind.REPORT_OF_CONCERN)
    assert error.isHidden()

    form.police_notes.setPlainText("Gäller 811218-9876")
    error = form._label_for("police_notes")
    assert not error.isHidden()
    assert "personnummer" in error.text()
    screenshot(form, "form-drug-case-errors")
    form.police_notes.setPlainText("Gäller en ung person")
    assert error.isHidden()
    assert form.save_button.isEnabled()


def test_a_police_case_number_in_the_notes_is_refused(form: DrugCaseForm) -> None:
    form.police_notes.setPlainText("Se ärende 5000-K123456-18")
    error = form._label_for("police_notes")
    assert not error.isHidden()
    assert "ärendenummer hos Polisen" in error.text()
    assert not form.save_button.isEnabled()


def test_police_editing_the_municipal_part_is_asked_once_and_each_answer_does_what_it_says(
    form: DrugCaseForm,
) -> None:
    with no_question(form):
        form.kind.set_value(DrugCaseKind.SUPPLY)
        form.police_notes.setPlainText("Egen del: ingen fråga")

    seen: list[str] = []
    answer_next_message_box("Avbryt", seen)
    form.support_offered.set_value(SupportOffered.TALK)
    assert seen == ["Den här delen fylls i av Kommunen. Vill du ändra den ändå?"]
    assert form.support_offered.value() is None
    assert form.collect().support_offered is None
    assert form.kind.value() is DrugCaseKind.SUPPLY  # the police's own change is kept

    answer_next_message_box("Ändra ändå", seen)
    form.status.set_value(CaseStatus.CLOSED)
    assert len(seen) == 2
    assert form.status.value() is CaseStatus.CLOSED
    with no_question(form):
        form.closed_on.set_value(DETECTED + dt.timedelta(days=10))
        form.municipal_notes.setPlainText("Avslutat efter samtal")
    assert form.save()
    assert form.collect().status is CaseStatus.CLOSED


def test_the_municipality_is_asked_for_the_police_part(make_form: MakeForm) -> None:
    form = make_form(Organisation.MUNICIPALITY)
    seen: list[str] = []
    answer_next_message_box("Avbryt", seen)
    form.legal_outcome.set_value(LegalOutcome.PROSECUTED)
    assert seen == ["Den här delen fylls i av Polisen. Vill du ändra den ändå?"]
    # Nothing of the police part is filled in for Kommunen: it stays empty.
    assert form.legal_outcome.value() is None
    assert form.age_group.value() is None and form.collect().age_group is None
    with no_question(form):
        form.first_contact_on.set_value(DETECTED)
        form.accepted.set_value(Accepted.UNKNOWN)


def test_another_organisation_is_asked_for_both_parts(make_form: MakeForm) -> None:
    form = make_form(Organisation.OTHER)
    seen: list[str] = []
    answer_next_message_box("Ändra ändå", seen)
    form.detection_method.set_value(DetectionMethod.SURVEILLANCE)
    answer_next_message_box("Ändra ändå", seen)
    form.status.set_value(CaseStatus.CLOSED)
    assert [text.split(".")[0] for text in seen] == [
        "Den här delen fylls i av Polisen",
        "Den här delen fylls i av Kommunen",
    ]
    assert form.detection_method.value() is DetectionMethod.SURVEILLANCE
    assert form.status.value() is CaseStatus.CLOSED


def test_the_parts_and_the_privacy_rule_are_shown(form: DrugCaseForm) -> None:
    assert form.police_group.title() == "Polisens del – fylls i av Polisen"
    assert form.municipal_group.title() == "Kommunens del – fylls i av Kommunen"
    assert form.privacy_hint.isVisible()
    for word in ("namn", "personnummer", "ärendenummer"):
        assert word in form.privacy_hint.text()


def test_every_input_has_a_name_and_tab_follows_the_layout(form: DrugCaseForm) -> None:
    assert unnamed_inputs(form) == []
    expected = [
        form.promise,
        form.detected_on,
        form.place.combo,
        form.place.add_button,
        form.age_group,
        form.kind,
        form.detection_method,
        form.legal_outcome,
        form.municipality_notified_on.check,
        form.notification_kind,
        form.police_notes,
        form.first_contact_on.check,
        form.support_offered,
        form.accepted,
        form.status,
        form.closed_on.check,
        form.municipal_notes,
        form.hours_spent,
    ]
    # Entering the municipality's part asks once, before anything is typed there.
    seen: list[str] = []
    answer_next_message_box("Ändra ändå", seen)
    assert tab_order(form, form.promise, len(expected)) == expected
    assert seen == ["Den här delen fylls i av Kommunen. Vill du ändra den ändå?"]
