"""Accounts the server enforces: the actor comes from the logged-in role, each organisation
changes only its own part of a drug case, the steering group only reads, and nobody but the
owner... not even the owner changes the audit trail."""

from __future__ import annotations

import dataclasses
import datetime as dt

import psycopg
import pytest

from loften_app.domain.enums import AgeGroup, DrugCaseKind, Organisation, PromiseType
from loften_app.domain.records import Actor, DrugCaseData, PlaceData
from loften_app.storage import audit
from loften_app.storage.database import open_database
from loften_app.storage.server import create_user
from loften_app.storage.server.errors import NotAllowedError
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.storage.conftest import MUNICIPALITY
from tests.storage.server.conftest import as_user

DAY = dt.date(2026, 5, 4)
#: What the settings of a client claim: the server must not believe it.
LIAR = Actor("someone-else", Organisation.OTHER)


def _drug_promise(services: Services) -> str:
    agreement = services.agreements.current(DAY)
    assert agreement is not None
    (promise,) = (
        p for p in services.promises.for_agreement(agreement.id) if p.data.type is PromiseType.DRUGS
    )
    return promise.id


def test_the_actor_is_the_logged_in_role_not_the_settings(server_url: str) -> None:
    with open_database(as_user(server_url, "kommun1")) as database:
        services = Services.build(database, LIAR)
        assert services.actor == Actor("kommun1", Organisation.MUNICIPALITY)
        place = services.places.add(data=PlaceData(name="Torget"))
        assert place.meta.created_by == "kommun1"
        (line,) = audit.history(database, place.id)
        assert (line.actor, line.organisation) == ("kommun1", "municipality")


def test_the_server_overwrites_a_forged_actor(server_url: str) -> None:
    """A program that talks to the server directly cannot write another name."""
    with psycopg.connect(as_user(server_url, "polis1")) as connection:
        connection.execute(
            "INSERT INTO audit_entry (at, actor, organisation, action) "
            "VALUES ('2026-01-01', 'kommun1', 'municipality', 'add')"
        )
        row = connection.execute("SELECT actor, organisation FROM audit_entry").fetchone()
    assert row == ("polis1", "police")


def test_each_organisation_changes_only_its_part_of_a_drug_case(server_url: str) -> None:
    with open_database(server_url) as admin_db:
        apply_template(Services.build(admin_db, MUNICIPALITY), "filipstad", today=DAY)
    with (
        open_database(as_user(server_url, "polis1")) as police_db,
        open_database(as_user(server_url, "kommun1")) as kommun_db,
    ):
        police = Services.build(police_db, LIAR)
        kommun = Services.build(kommun_db, LIAR)
        case = police.drug_cases.add(
            data=DrugCaseData(
                promise_id=_drug_promise(police),
                detected_on=DAY,
                age_group=AgeGroup.AGE_18_25,
                kind=DrugCaseKind.OWN_USE,
                status=None,
            )
        )
        # Kommunen fills in its part: allowed.
        filled = kommun.drug_cases.update(
            id=case.id,
            expected_version=case.meta.version,
            data=dataclasses.replace(case.data, first_contact_on=DAY, municipal_notes="Samtal"),
        )
        assert filled.meta.updated_by == "kommun1"
        # The police may not change the municipal part...
        with pytest.raises(NotAllowedError, match="Kommunens del"):
            police.drug_cases.update(
                id=case.id,
                expected_version=filled.meta.version,
                data=dataclasses.replace(filled.data, municipal_notes="ändrat av polisen"),
            )
        # ...nor Kommunen the police part; nothing was saved either time.
        with pytest.raises(NotAllowedError, match="Polisens del"):
            kommun.drug_cases.update(
                id=case.id,
                expected_version=filled.meta.version,
                data=dataclasses.replace(filled.data, kind=DrugCaseKind.POSSESSION),
            )
        current = kommun.drug_cases.get(id=case.id)
        assert current.meta.version == filled.meta.version
        assert current.data.municipal_notes == "Samtal"
        # Each still changes its own part.
        police.drug_cases.update(
            id=case.id,
            expected_version=current.meta.version,
            data=dataclasses.replace(current.data, police_notes="Beslag"),
        )


def test_the_steering_group_only_reads(server_url: str) -> None:
    with open_database(as_user(server_url, "styr1")) as database:
        services = Services.build(database, LIAR)
        assert services.places.list_page(offset=0, limit=10) is not None
        with pytest.raises(NotAllowedError):
            services.places.add(data=PlaceData(name="Torget"))


@pytest.mark.parametrize("user", ["polis1", "kommun1", "styr1", None])
def test_nobody_changes_or_deletes_the_audit_trail(server_url: str, user: str | None) -> None:
    with open_database(as_user(server_url, "kommun1")) as database:
        Services.build(database, LIAR).places.add(data=PlaceData(name="Torget"))
    url = server_url if user is None else as_user(server_url, user)
    for statement in (
        "UPDATE audit_entry SET note = 'x'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ):
        with psycopg.connect(url) as connection:
            if user is None and statement.startswith("TRUNCATE"):
                continue  # the owner owns the table (and may drop it): the IT department's
            with pytest.raises(psycopg.Error):
                connection.execute(statement)
    with psycopg.connect(server_url) as connection:
        assert connection.execute("SELECT count(*), min(note) FROM audit_entry").fetchone() == (
            1,
            None,
        )


def test_add_user_refuses_a_bad_name_and_an_unknown_organisation(server_url: str) -> None:
    from loften_app.storage.errors import StorageError

    with pytest.raises(StorageError, match="Användarnamnet"):
        create_user(server_url, "Robert'); DROP TABLE x; --", "police")
    with pytest.raises(StorageError, match="Okänd organisation"):
        create_user(server_url, "ny", "army")
    with pytest.raises(StorageError, match="finns redan"):
        create_user(server_url, "polis1", "police")
