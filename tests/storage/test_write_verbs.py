"""The services' verbs inside a caller's session (load_in, insert_in, replace_one_in): the one
write path that the exchange importer uses, with the same hooks as `add` and `update`."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from loften_app.domain.enums import Organisation, PatrolMode, PromiseType
from loften_app.domain.errors import ValidationError
from loften_app.domain.records import (
    AgreementData,
    PatrolData,
    RecordMeta,
    ShopData,
    ShopVisitData,
    Stored,
)
from loften_app.storage.services import RecordFilter, Services

WHEN = dt.datetime(2018, 5, 1, 8, 0, tzinfo=dt.UTC)


def _promise(services: Services, agreement: Stored[AgreementData], kind: PromiseType) -> str:
    return next(p.id for p in services.promises.for_agreement(agreement.id) if p.data.type is kind)


def _patrol(services: Services, agreement: Stored[AgreementData]) -> PatrolData:
    place = services.places.list_page(filter=RecordFilter(text="Centrum")).items[0].id
    shop_id = services.shops.add(data=ShopData(name="Kiosken")).id
    return PatrolData(
        promise_id=_promise(services, agreement, PromiseType.PATROL),
        date=dt.date(2018, 4, 3),
        start_time=dt.time(21, 0),
        end_time=dt.time(1, 0),
        place_ids=(place,),
        mode=PatrolMode.FOOT,
        officers=2,
        shop_visits=(ShopVisitData(shop_id=shop_id, note="Lugnt"),),
    )


def _meta(id: str, version: int = 1) -> RecordMeta:
    return RecordMeta(
        id=id,
        version=version,
        organisation=Organisation.POLICE,
        created_at=WHEN,
        created_by="annan",
        updated_at=WHEN,
        updated_by="annan",
    )


def test_insert_in_runs_prepare_and_keeps_the_bookkeeping_it_is_given(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    data = _patrol(services, agreement)
    assert not data.shop_visits[0].id
    with services.database.writing() as session:
        written = services.patrols.insert_in(session, [(_meta("p-1"), data)])
    # _prepare gave the shop visit its id, as `add` does.
    assert written[0][1].shop_visits[0].id
    stored = services.patrols.get(id="p-1")
    assert stored.meta.created_by == "annan" and stored.meta.version == 1
    assert stored.data == written[0][1]
    with services.database.reading() as session:
        assert services.patrols.load_in(session, ["p-1", "nope"]) == {"p-1": stored}


def test_insert_in_refuses_a_record_of_a_promise_of_another_type_and_writes_nothing(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    data = dataclasses.replace(
        _patrol(services, agreement),
        promise_id=_promise(services, agreement, PromiseType.DRUGS),
    )
    with pytest.raises(ValidationError) as caught, services.database.writing() as session:
        services.patrols.insert_in(session, [(_meta("p-2"), data)])
    assert caught.value.issues[0].field == "promise_id"
    assert services.patrols.count() == 0


def test_replace_one_in_moves_the_version_on_and_keeps_identity_and_creation(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    added = services.patrols.add(data=_patrol(services, agreement))
    incoming = dataclasses.replace(added.data, officers=5, shop_visits=())
    meta = dataclasses.replace(_meta(added.id, version=1), created_by="someone else")
    with services.database.writing() as session:
        current = services.patrols.load_in(session, [added.id])[added.id]
        written = services.patrols.replace_one_in(
            session, current=current, meta=meta, data=incoming
        )
    stored = services.patrols.get(id=added.id)
    assert stored == written
    assert stored.meta.version == 2
    assert stored.meta.created_by == added.meta.created_by
    assert stored.meta.updated_by == "annan"
    assert stored.data.officers == 5 and stored.data.shop_visits == ()


def test_replace_one_in_refuses_a_wrong_promise(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    added = services.patrols.add(data=_patrol(services, agreement))
    wrong = dataclasses.replace(
        added.data, promise_id=_promise(services, agreement, PromiseType.VOLUNTEERS)
    )
    with pytest.raises(ValidationError), services.database.writing() as session:
        current = services.patrols.load_in(session, [added.id])[added.id]
        services.patrols.replace_one_in(session, current=current, meta=added.meta, data=wrong)
    assert services.patrols.get(id=added.id) == added
