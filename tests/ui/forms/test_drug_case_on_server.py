"""The drug case form on a shared server, as a police user: the police may not enter the
municipal part. The server refuses the save, the form says so in Swedish, keeps everything
typed, and nothing is stored; without the municipal part the same case saves."""

from __future__ import annotations

import datetime as dt

import psycopg
from pytestqt.qtbot import QtBot

from loften_app.domain.enums import AgeGroup, DrugCaseKind, Organisation, SupportOffered
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from loften_app.ui.forms.drug_case import DrugCaseForm
from loften_app.ui.lookups import Lookups
from tests.storage.server.conftest import as_user, server_with_users
from tests.ui.forms.conftest import answer_next_message_box

TODAY = dt.date(2026, 12, 3)
DETECTED = dt.date(2026, 11, 20)
#: What the police user's settings say (the server takes the role instead).
POLICE = Actor("Polisen i Filipstad", Organisation.POLICE)


def _drug_cases(url: str) -> int:
    with psycopg.connect(url) as connection:
        row = connection.execute("SELECT count(*) FROM drug_case").fetchone()
    assert row is not None
    return int(row[0])


def test_the_server_refuses_the_police_the_municipal_part_and_the_form_says_so(
    qtbot: QtBot, pg_empty_url: str
) -> None:
    url = server_with_users(pg_empty_url)
    with open_database(url) as admin:
        apply_template(Services.build(admin, POLICE), "filipstad", today=TODAY)
    with open_database(as_user(url, "polis1")) as database:
        services = Services.build(database, POLICE)
        form = DrugCaseForm(
            services.drug_cases, Lookups(services), organisation=Organisation.POLICE
        )
        qtbot.addWidget(form)
        form.resize(1280, 800)
        form.open_new(form.blank(DETECTED))
        form.show()
        form.age_group.set_value(AgeGroup.AGE_18_25)
        form.kind.set_value(DrugCaseKind.OWN_USE)
        form.police_notes.setPlainText("Kontroll vid busstationen")
        answer_next_message_box("Ändra ändå")  # the form asks before the other's part
        form.first_contact_on.set_value(DETECTED)
        form.support_offered.set_value(SupportOffered.TALK)
        assert form.support_offered.value() is SupportOffered.TALK

        seen: list[str] = []
        answer_next_message_box("Ok", seen)  # Qt's own Swedish text
        assert not form.save()
        assert len(seen) == 1
        assert (
            "Kommunens del av narkotikaärendet kan bara ändras av en användare från kommunen"
            in (seen[0])
        )
        assert "Servern har inte sparat något" in seen[0]
        # Everything typed is still there, and nothing reached the server.
        assert form.police_notes.toPlainText() == "Kontroll vid busstationen"
        assert form.support_offered.value() is SupportOffered.TALK
        assert form.first_contact_on.value() == DETECTED
        assert form.kind.value() is DrugCaseKind.OWN_USE
        assert _drug_cases(url) == 0

        # Without the municipal part the police's case saves, under the logged-in role.
        form.support_offered.set_value(None)
        form.first_contact_on.check.setChecked(False)
        assert form.save()
        (stored,) = services.drug_cases.list_page().items
        assert stored.meta.created_by == "polis1"
        assert stored.data.police_notes == "Kontroll vid busstationen"
        assert stored.data.support_offered is None
        assert stored.data.first_contact_on is None
