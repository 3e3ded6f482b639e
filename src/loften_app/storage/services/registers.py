"""Services for the registers: agreement, promises, targets, places, shops and indicators."""

from __future__ import annotations

from sqlalchemy import select

from loften_app.domain.records import (
    AgreementData,
    IndicatorData,
    IndicatorValueData,
    PlaceData,
    PromiseData,
    ShopData,
    Stored,
    TargetData,
)
from loften_app.storage.models import (
    Agreement,
    Indicator,
    IndicatorValue,
    Place,
    Promise,
    Shop,
    Target,
)
from loften_app.storage.services.base import FlatRecordService, meta_of


class AgreementService(FlatRecordService[AgreementData, Agreement]):
    """Agreements (samverkansöverenskommelser)."""

    model = Agreement
    data_class = AgreementData
    noun = "överenskommelsen"
    text_columns = ("title", "municipality", "police_area")
    sort_keys = ("period_start", "title", "updated_at")

    def current(self) -> Stored[AgreementData] | None:
        """The agreement in force: the active one that started last (None in an empty file)."""
        with self._db.reading() as session:
            row = session.scalars(
                select(Agreement)
                .where(Agreement.deleted_at.is_(None))
                .order_by(Agreement.period_start.desc(), Agreement.id)
                .limit(1)
            ).first()
            return None if row is None else Stored(meta_of(row), self._to_data(row))


class PromiseService(FlatRecordService[PromiseData, Promise]):
    """The promises (medborgarlöften) of an agreement."""

    model = Promise
    data_class = PromiseData
    noun = "löftet"
    text_columns = ("text", "short_title")
    sort_keys = ("number", "short_title", "updated_at")

    def for_agreement(self, agreement_id: str) -> list[Stored[PromiseData]]:
        """The active promises of an agreement in number order."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(Promise)
                .where(Promise.agreement_id == agreement_id, Promise.deleted_at.is_(None))
                .order_by(Promise.number)
            ).all()
            return [Stored(meta_of(row), self._to_data(row)) for row in rows]


class TargetService(FlatRecordService[TargetData, Target]):
    """Targets (mål) of the promises."""

    model = Target
    data_class = TargetData
    noun = "målet"
    text_columns = ("description",)
    sort_keys = ("updated_at", "measure")


class PlaceService(FlatRecordService[PlaceData, Place]):
    """The place register (platser)."""

    model = Place
    data_class = PlaceData
    noun = "platsen"
    text_columns = ("name", "description")
    sort_keys = ("name", "updated_at")

    def _place_condition(self, place_id: str):  # type: ignore[no-untyped-def]
        return Place.id == place_id


class ShopService(FlatRecordService[ShopData, Shop]):
    """The shop register (butiker)."""

    model = Shop
    data_class = ShopData
    noun = "butiken"
    text_columns = ("name", "address", "kind")
    sort_keys = ("name", "kind", "updated_at")


class IndicatorService(FlatRecordService[IndicatorData, Indicator]):
    """Outcome indicators (indikatorer)."""

    model = Indicator
    data_class = IndicatorData
    noun = "indikatorn"
    text_columns = ("name", "source", "description")
    sort_keys = ("name", "updated_at")


class IndicatorValueService(FlatRecordService[IndicatorValueData, IndicatorValue]):
    """Values of the indicators, one per indicator and period."""

    model = IndicatorValue
    data_class = IndicatorValueData
    noun = "indikatorvärdet"
    text_columns = ("source_note", "period_key")
    sort_keys = ("period_key", "updated_at")

    def for_indicator(self, indicator_id: str) -> list[Stored[IndicatorValueData]]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(IndicatorValue)
                .where(
                    IndicatorValue.indicator_id == indicator_id,
                    IndicatorValue.deleted_at.is_(None),
                )
                .order_by(IndicatorValue.period_key)
            ).all()
            return [Stored(meta_of(row), self._to_data(row)) for row in rows]
