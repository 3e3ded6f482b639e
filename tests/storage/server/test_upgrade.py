"""Upgrading a server that is in use: the records stay, the new tables get their rights and
the stored totals are counted from the records, without another `loften server init`."""

from __future__ import annotations

import pytest
from alembic import command

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor, PatrolData
from loften_app.storage import totals
from loften_app.storage.database import alembic_config, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.errors import StorageError
from loften_app.storage.server.database import make_server_engine
from loften_app.storage.services import Services
from tests.factories import shift_patrol
from tests.storage.server.conftest import as_user, server_with_users
from tests.storage.test_totals import assert_totals_match

ADMIN = Actor("admin", Organisation.MUNICIPALITY)


def ids_of(patrol: PatrolData) -> dict[str, str]:
    return {"patrol": patrol.promise_id, "place": patrol.place_ids[0]}


def _revision(url: str) -> str | None:
    engine = make_server_engine(url)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()


def test_an_initialised_server_upgraded_with_records_keeps_working(pg_empty_url: str) -> None:
    with open_database(pg_empty_url) as database:
        fill_demo_data(database, ADMIN, DemoOptions(year=2018, scale=1))
    server_url = server_with_users(pg_empty_url)
    engine = make_server_engine(server_url)
    try:  # back to the schema before the stored totals, as a server of session 4 had it
        with engine.connect() as connection, connection.begin():
            command.downgrade(alembic_config(connection), "0004")
    finally:
        engine.dispose()
    assert _revision(server_url) == "0004"

    with pytest.raises(StorageError) as refused:  # a user cannot upgrade: told whom to ask
        open_database(as_user(server_url, "polis1"))
    assert "loften server init" in str(refused.value)
    assert _revision(server_url) == "0004"

    with open_database(server_url) as database:  # the owner opens it: upgraded
        assert _revision(server_url) != "0004"
        with database.reading() as session:
            assert len(totals.stored(session)) > 100
        assert_totals_match(database)

    # A police user saves at once (the totals' tables got the group's rights in the upgrade)
    with open_database(as_user(server_url, "polis1")) as database:
        services = Services.build(database, ADMIN)
        before = services.patrols.count()
        (patrol,) = services.patrols.list_page(offset=0, limit=1).items
        services.patrols.add(data=shift_patrol(ids_of(patrol.data), patrol.data.date, 8, 12))
        assert services.patrols.count() == before + 1
        assert_totals_match(database)
