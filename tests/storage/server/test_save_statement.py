"""A save on a server: one statement inserts the record, its audit line and notification and
counts the record's figures (the stored totals' delta); the totals' changes go with the
COMMIT. The totals equal a recount whatever the record has (a patrol with shop visits or
none), and a save the server refuses leaves nothing behind: no record, no audit line, no
change to the totals, no notification."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import psycopg
import pytest

from loften_app.domain.enums import AgeGroup, DrugCaseKind, PromiseType
from loften_app.domain.records import (
    DrugCaseData,
    PatrolData,
    PlaceData,
    ShopData,
    ShopVisitData,
)
from loften_app.storage import totals
from loften_app.storage.database import Database, open_database
from loften_app.storage.errors import StorageError
from loften_app.storage.server.errors import NotAllowedError
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.storage.conftest import MUNICIPALITY
from tests.storage.server.conftest import as_user

DAY = dt.date(2026, 5, 4)


def _promise(services: Services, kind: PromiseType) -> str:
    agreement = services.agreements.current(DAY)
    assert agreement is not None
    (promise,) = (p for p in services.promises.for_agreement(agreement.id) if p.data.type is kind)
    return promise.id


def _state(url: str, table: str = "drug_case") -> tuple[int, int, int]:
    """How many rows `table`, the audit trail and the totals' changes hold."""
    with psycopg.connect(url) as connection:
        row = connection.execute(
            f"SELECT (SELECT count(*) FROM {table}), (SELECT count(*) FROM audit_entry),"
            " (SELECT count(*) FROM figure_total_change)"
        ).fetchone()
    assert row is not None
    return row


def _assert_totals_match(database: Database) -> None:
    with database.reading() as session:
        have, want = totals.stored(session), totals.recount(session)
    assert want
    assert not totals.differences(have, want)


def test_a_save_counts_its_figures_in_its_statement_and_a_refused_one_leaves_nothing(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every FOLD_EVERY-th write of a process folds the changes; this test's few writes start
    # the count afresh, so that none of them folds whatever ran before it in this process.
    monkeypatch.setattr(totals, "_writes", itertools.count(1))
    with open_database(server_url) as admin_db:
        admin = Services.build(admin_db, MUNICIPALITY)
        apply_template(admin, "filipstad", today=DAY)
        place = admin.places.add(data=PlaceData(name="Torget"))
        shops = [
            admin.shops.add(data=ShopData(name=name, place_id=place.id))
            for name in ("Kiosken", "Pizzerian")
        ]
    with open_database(as_user(server_url, "polis1")) as database:
        police = Services.build(database, MUNICIPALITY)
        listener = database.listen()
        patrol = PatrolData(
            promise_id=_promise(police, PromiseType.PATROL),
            date=DAY,
            start_time=dt.time(22),
            end_time=dt.time(3),
            place_ids=(place.id,),
        )
        police.patrols.add(data=patrol)
        visits = tuple(ShopVisitData(shop_id=shop.id, note="Lugnt") for shop in shops)
        police.patrols.add(data=dataclasses.replace(patrol, shop_visits=visits))
        police.drug_cases.add(
            data=DrugCaseData(
                promise_id=_promise(police, PromiseType.DRUGS),
                detected_on=DAY,
                age_group=AgeGroup.UNDER_18,
                kind=DrugCaseKind.OWN_USE,
                status=None,
            )
        )
        _assert_totals_match(database)
        assert len(listener.wait(5)) >= 1
        listener.take()
        before = _state(server_url)
        assert before[2] > 0  # the changes are kept apart until a fold
        # The police may not enter the municipal part: the server refuses the whole save.
        with pytest.raises(NotAllowedError):
            police.drug_cases.add(
                data=DrugCaseData(
                    promise_id=_promise(police, PromiseType.DRUGS),
                    detected_on=DAY,
                    age_group=AgeGroup.AGE_18_25,
                    kind=DrugCaseKind.OWN_USE,
                    status=None,
                    first_contact_on=DAY,
                    municipal_notes="Samtal",
                )
            )
        assert _state(server_url) == before
        assert listener.wait(0.5) == []
        _assert_totals_match(database)
        listener.close()


def test_a_new_patrol_is_one_statement_of_its_own_and_a_refused_one_leaves_nothing(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new patrol is saved by one statement in autocommit on the thread's kept connection
    (`Database.saving(single_statement=True)`, `server/prepared.py`): the record, its audit line
    (with the logged-in role as its user), its totals' changes and the notification, or, when
    the server refuses it, none of them; the kept connection serves the next save even after
    the server has forgotten its prepared statements or ended its backend."""
    monkeypatch.setattr(totals, "_writes", itertools.count(1))
    with open_database(server_url) as admin_db:
        admin = Services.build(admin_db, MUNICIPALITY)
        apply_template(admin, "filipstad", today=DAY)
        place = admin.places.add(data=PlaceData(name="Torget"))
        shop = admin.shops.add(data=ShopData(name="Kiosken", place_id=place.id))
    with open_database(as_user(server_url, "polis1")) as database:
        police = Services.build(database, MUNICIPALITY)
        assert police.patrols._adds_in_one_statement()
        listener = database.listen()
        patrol = PatrolData(
            promise_id=_promise(police, PromiseType.PATROL),
            date=DAY,
            start_time=dt.time(22),
            end_time=dt.time(3),
            place_ids=(place.id,),
            officers=2,
            shop_visits=(ShopVisitData(shop_id=shop.id, note="Lugnt"),),
        )
        saved = police.patrols.add(data=patrol)
        assert police.patrols.get(id=saved.id).data.shop_visits[0].shop_id == shop.id
        _assert_totals_match(database)
        assert len(listener.wait(5)) >= 1
        listener.take()
        (kept,) = database._kept
        assert kept.raw.autocommit
        with psycopg.connect(server_url) as connection:
            who = connection.execute(
                "SELECT actor FROM audit_entry WHERE record_id = %s", (saved.id,)
            ).fetchall()
        assert who == [("polis1",)]
        before = _state(server_url, "patrol")
        # A shop that is not there: the server refuses the statement, and nothing of it stays.
        missing = dataclasses.replace(
            patrol, shop_visits=(ShopVisitData(shop_id="00000000-0000-0000-0000-000000000000"),)
        )
        with pytest.raises(StorageError):
            police.patrols.add(data=missing)
        assert _state(server_url, "patrol") == before
        assert listener.wait(0.5) == []
        # The kept connection goes on: after the server forgot its prepared statements ...
        assert database._kept == [kept]
        kept.raw.execute("DEALLOCATE ALL")
        police.patrols.add(data=patrol)
        # ... and after its backend was ended (a new connection is taken).
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute("SELECT pg_terminate_backend(%s)", (kept.raw.info.backend_pid,))
        deadline = dt.datetime.now() + dt.timedelta(seconds=5)
        while not kept.raw.closed and dt.datetime.now() < deadline:
            if not database._usable(kept):
                break
        police.patrols.add(data=patrol)
        assert database._kept != [kept]
        after = _state(server_url, "patrol")
        assert after[0] == before[0] + 2
        assert after[1] == before[1] + 2
        _assert_totals_match(database)
        listener.close()
