"""The registers that demo records refer to: read in the demo's transaction, and filled with a
few places and shops when they are empty."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loften_app.domain.enums import PromiseType
from loften_app.domain.records import PlaceData, ShopData
from loften_app.storage.demo.common import MUNICIPALITY, POLICE, Pair, Role, meta, named_like
from loften_app.storage.demo.content import Content
from loften_app.storage.demo.writing import write_records
from loften_app.storage.demo.year import Registers
from loften_app.storage.models import Indicator, IndicatorValue, Place, Promise, Shop
from loften_app.storage.services import RecordService, Services


def read_registers(
    session: Session,
    services: Services,
    *,
    agreement_id: str,
    content: Content,
    rng: random.Random,
    created: dt.datetime,
) -> tuple[Registers, dict[str, int]]:
    """The promises, places, shops and indicators to use; places and shops are created (at
    `created`) when their register is empty, and the counts of those created are returned."""
    counts: dict[str, int] = {}
    promises: dict[PromiseType, str] = {}
    for promise_id, promise_type in session.execute(
        select(Promise.id, Promise.type)
        .where(Promise.agreement_id == agreement_id, Promise.deleted_at.is_(None))
        .order_by(Promise.number, Promise.id)
    ):
        promises.setdefault(promise_type, promise_id)

    def create(
        label: str, service: RecordService[Any, Any], role: Role, items: list[Any]
    ) -> list[Pair]:
        pairs = [(meta(rng, role, created), data) for data in items]
        counts[label] = write_records(session, service, pairs)
        return pairs

    places = [
        (row.id, row.name) for row in _active(session, Place.id, Place.name, order_by=Place.name)
    ]
    if not places:
        new_places = [PlaceData(name=name) for name in content.places]
        pairs = create("Platser (nya)", services.places, MUNICIPALITY, new_places)
        places = sorted(((m.id, d.name) for m, d in pairs), key=lambda p: (p[1], p[0]))
    shops = [row.id for row in _active(session, Shop.id, order_by=Shop.name)]
    if not shops:
        new_shops = [
            ShopData(
                name=spec.name,
                address=spec.address,
                kind=spec.kind,
                place_id=next(iter(named_like(places, spec.near)), None),
            )
            for spec in content.shops
        ]
        shops = [m.id for m, _ in create("Butiker (nya)", services.shops, POLICE, new_shops)]
    indicators = [
        (row.id, row.unit)
        for row in _active(session, Indicator.id, Indicator.unit, order_by=Indicator.name)
    ]
    return Registers(promises, places, shops, indicators), counts


def existing_indicator_values(session: Session) -> set[tuple[str, str]]:
    """(indicator id, quarter) of the indicator values already given."""
    rows = _active(
        session, IndicatorValue.indicator_id, IndicatorValue.period_key, order_by=IndicatorValue.id
    )
    return {(row.indicator_id, row.period_key) for row in rows}


def _active(session: Session, *columns: Any, order_by: Any) -> list[Any]:
    """`columns` of the records that are not deleted, ordered by `order_by`, then by id."""
    model = columns[0].class_
    query = select(*columns).where(model.deleted_at.is_(None)).order_by(order_by, model.id)
    return list(session.execute(query))
