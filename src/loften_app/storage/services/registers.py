"""Services for the registers: agreement, promises, targets, places, shops and indicators."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from loften_app.domain import agreements as cycle
from loften_app.domain.errors import LoftenError, ValidationIssue, error_text
from loften_app.domain.periods import Period, parse_period
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
from loften_app.domain.validation import CODE_DUPLICATE
from loften_app.storage.errors import NotFoundError
from loften_app.storage.listing import (
    covered_of,
    current_term,
    find_listed,
    for_period_term,
    last_ended_term,
    listing_of,
)
from loften_app.storage.models import (
    Agreement,
    Indicator,
    IndicatorValue,
    Place,
    Promise,
    Shop,
    Target,
    table_of,
)
from loften_app.storage.services.base import (
    FlatRecordService,
    from_row,
    meta_of,
    raise_if_issues,
)
from loften_app.storage.services.cycle import (
    AgreementListing,
    lineage_of,
    overlap_message,
    renewal_data,
    terms_in,
)

#: A value of an indicator as `IndicatorService.save_with_values` takes it: the id of the stored
#: value it changes (None for a new value) and the value itself.
ValueEdit = tuple[str | None, IndicatorValueData]

#: Stands in for the id of an indicator not saved yet while its values are validated.
_UNSAVED = "(ny indikator)"


class AgreementService(FlatRecordService[AgreementData, Agreement]):
    """Agreements (samverkansöverenskommelser)."""

    model = Agreement
    data_class = AgreementData
    noun = "överenskommelsen"
    text_columns = ("title", "municipality", "police_area")
    sort_keys = ("period_start", "title", "updated_at")

    def current(self, today: dt.date | None = None) -> Stored[AgreementData] | None:
        """The agreement to show when none is chosen: the one in force on `today` (default:
        today's date), else the latest that has started, else the first one to start; None in
        a file without agreements."""
        today = today or dt.date.today()
        with self._db.reading() as session:
            term = current_term(terms_in(session), today)
            return None if term is None else self._get(session, term.id)

    def in_force(self, day: dt.date) -> Stored[AgreementData] | None:
        """The agreement in force on `day` (see `domain.agreements`), if any."""
        with self._db.reading() as session:
            term = cycle.in_force(terms_in(session), day)
            return None if term is None else self._get(session, term.id)

    def listing(self, today: dt.date | None = None) -> list[AgreementListing]:
        """Every active agreement: the one in force first, then the others, latest first."""
        today = today or dt.date.today()
        with self._db.reading() as session:
            terms = terms_in(session)
            return listing_of(terms, today, lambda id: self._get(session, id))

    def covered(self, agreement_id: str, today: dt.date | None = None) -> Period:
        """The span of the agreement that the overview and reports offer (see
        `domain.agreements.covered`)."""
        today = today or dt.date.today()
        with self._db.reading() as session:
            found = covered_of(terms_in(session), agreement_id, today)
        if found is not None:
            return found
        raise NotFoundError(
            error_text(
                "agreement.not_found", "Överenskommelsen finns inte (den kan ha tagits bort)."
            )
        )

    def find(self, ref: str, *, today: dt.date | None = None) -> Stored[AgreementData]:
        """The agreement named by `ref`: its id, or the year it starts ("2017"), as
        `--agreement` takes it. `LoftenError` with the choices when nothing or several match."""
        return find_listed(self.listing(today), ref).agreement

    def for_period(self, period: Period, today: dt.date | None = None) -> Stored[AgreementData]:
        """The agreement a report of `period` is about when none is chosen: the one in force on
        the period's last day (or on its first, or on today, in that order)."""
        with self._db.reading() as session:
            term = for_period_term(terms_in(session), period, today or dt.date.today())
            return self._get(session, term.id)

    def last_ended(self, today: dt.date | None = None) -> Stored[AgreementData] | None:
        """The latest agreement whose written period has ended by `today` (the follow-up's
        default), else None."""
        today = today or dt.date.today()
        with self._db.reading() as session:
            term = last_ended_term(terms_in(session), today)
            return None if term is None else self._get(session, term.id)

    def renew(
        self,
        *,
        from_id: str | None = None,
        period: Period | None = None,
        title: str | None = None,
        promises: Sequence[tuple[str | None, PromiseData, Sequence[TargetData]]] | None = None,
        today: dt.date | None = None,
    ) -> Stored[AgreementData]:
        """A new agreement that renews `from_id` (default: the one in force), for `period`
        (default: the calendar year after its end), in one transaction.

        Carries over the promises and their targets, each new promise remembering the one it
        continues. `promises`, when given, is the edited list to save instead: (the id of the
        promise continued or None for a new one, the promise, its targets); a promise left out is
        dropped. Places, shops and indicators are registers of the whole file and stay as they
        are. Refused with `LoftenError` when the period overlaps another agreement.
        """
        source = self.current(today) if from_id is None else self.get(id=from_id)
        if source is None:
            raise LoftenError(
                error_text(
                    "agreement.none_to_renew",
                    "Det finns ingen överenskommelse att förnya. Skapa en först.",
                )
            )
        with self._db.writing() as session:
            old, carried = _copy_for_renewal(session, source.id)
            terms = terms_in(session)
            own = next(t for t in terms if t.id == old.id)
            period = period or cycle.renewal_period(own)
            clash = cycle.overlapping(period, terms)
            if clash:
                titles = {t.id: self._get(session, t.id).data.title for t in clash}
                raise LoftenError(overlap_message(period, clash, titles))
            data = renewal_data(old.data, period, title=title)
            new = self.stage(session, data)
            promise_service = PromiseService(
                self._db, self._actor, clock=self._clock, ids=self._new_id
            )
            target_service = TargetService(
                self._db, self._actor, clock=self._clock, ids=self._new_id
            )
            if promises is None:
                promises = [(p.id, p.data, targets) for p, targets in carried]
            for continues, promise, targets in promises:
                stored = promise_service.stage(
                    session,
                    dataclasses.replace(
                        promise,
                        agreement_id=new.id,
                        continues_id=continues,
                        follow_up_comment="",
                        internal_comment="",
                    ),
                )
                for target in targets:
                    target_service.stage(session, dataclasses.replace(target, promise_id=stored.id))
            return new


def _copy_for_renewal(
    session: Session, agreement_id: str
) -> tuple[Stored[AgreementData], list[tuple[Stored[PromiseData], list[TargetData]]]]:
    """The agreement and its active promises with their targets, as a renewal copies them."""
    row = session.get(Agreement, agreement_id)
    if row is None or row.deleted_at is not None:
        raise LoftenError(
            error_text(
                "agreement.not_found", "Överenskommelsen finns inte (den kan ha tagits bort)."
            )
        )
    agreement = Stored(meta_of(row), from_row(AgreementData, row))
    promises = session.scalars(
        select(Promise)
        .where(Promise.agreement_id == agreement_id, Promise.deleted_at.is_(None))
        .order_by(Promise.number)
    ).all()
    result: list[tuple[Stored[PromiseData], list[TargetData]]] = []
    for promise in promises:
        targets = session.scalars(
            select(Target)
            .where(Target.promise_id == promise.id, Target.deleted_at.is_(None))
            .order_by(Target.created_at, Target.id)
        ).all()
        result.append(
            (
                Stored(meta_of(promise), from_row(PromiseData, promise)),
                [from_row(TargetData, t) for t in targets],
            )
        )
    return agreement, result


class PromiseService(FlatRecordService[PromiseData, Promise]):
    """The promises (medborgarlöften) of an agreement."""

    model = Promise
    data_class = PromiseData
    noun = "löftet"
    text_columns = ("text", "short_title")
    sort_keys = ("number", "short_title", "updated_at", "responsible", "type")

    def for_agreement(self, agreement_id: str) -> list[Stored[PromiseData]]:
        """The active promises of an agreement in number order."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(Promise)
                .where(Promise.agreement_id == agreement_id, Promise.deleted_at.is_(None))
                .order_by(Promise.number)
            ).all()
            return [Stored(meta_of(row), self._to_data(row)) for row in rows]

    def lineage(self, promise_id: str) -> list[str]:
        """The ids of the promises `promise_id` continues, nearest first."""
        with self._db.reading() as session:
            return lineage_of(session, promise_id)


class TargetService(FlatRecordService[TargetData, Target]):
    """Targets (mål) of the promises."""

    model = Target
    data_class = TargetData
    noun = "målet"
    text_columns = ("description",)
    sort_keys = ("updated_at", "measure", "promise", "value", "period", "description")

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "promise":
            promise = table_of(Promise)
            number: ColumnElement[Any] = (
                select(promise.c.number)
                .where(promise.c.id == table_of(Target).c.promise_id)
                .scalar_subquery()
            )
            return number
        return super()._sort_expression(key)


class PlaceService(FlatRecordService[PlaceData, Place]):
    """The place register (platser)."""

    model = Place
    data_class = PlaceData
    noun = "platsen"
    text_columns = ("name", "description")
    sort_keys = ("name", "updated_at", "description")

    def _place_condition(self, place_id: str):  # type: ignore[no-untyped-def]
        return Place.id == place_id


class ShopService(FlatRecordService[ShopData, Shop]):
    """The shop register (butiker)."""

    model = Shop
    data_class = ShopData
    noun = "butiken"
    text_columns = ("name", "address", "kind")
    sort_keys = ("name", "kind", "updated_at", "address")


class IndicatorService(FlatRecordService[IndicatorData, Indicator]):
    """Outcome indicators (indikatorer)."""

    model = Indicator
    data_class = IndicatorData
    noun = "indikatorn"
    text_columns = ("name", "source", "description", "unit")
    sort_keys = ("name", "updated_at", "unit", "source", "lower_is_better")

    def save_with_values(
        self,
        *,
        id: str | None,
        expected_version: int | None,
        data: IndicatorData,
        values: Sequence[ValueEdit],
    ) -> tuple[Stored[IndicatorData], list[Stored[IndicatorValueData]]]:
        """Add (`id` None) or update an indicator together with all its values, in one
        transaction; returns the indicator and its active values in period order.

        `values` are the indicator's values after the save. A value with the id of one of the
        indicator's active values changes that value; any other value is new, and takes the
        place of a value being removed for the same period. Active values not in `values` are
        deleted (soft). Each value's `indicator_id` is ignored: the values belong to this
        indicator. Periods are saved in their normal form ("2018q3" as "2018-Q3").

        The indicator and every value are validated (`ValidationError`; a value's issues at
        `values[i].field`, a period given twice included) before anything is written. An update
        is refused with `StaleRecordError` when the indicator has changed since
        `expected_version`, and always gives the indicator a new version, so that its version
        covers its values. Any failure leaves the database as it was.
        """
        if (id is None) != (expected_version is None):
            raise ValueError("id and expected_version are given together or not at all")
        data = self._prepare(data)
        value_service = IndicatorValueService(
            self._db, self._actor, clock=self._clock, ids=self._new_id
        )
        edits, value_issues = value_service.checked(id or _UNSAVED, values)
        raise_if_issues([*self._validate(data), *value_issues])
        with self._db.writing() as session:
            if id is None or expected_version is None:
                stored = self.stage(session, data)
            else:
                stored = self.update_in(
                    session, id=id, expected_version=expected_version, data=data
                )
            saved = value_service.replace_in(session, stored.id, edits)
        return stored, saved


class IndicatorValueService(FlatRecordService[IndicatorValueData, IndicatorValue]):
    """Values of the indicators, one per indicator and period."""

    model = IndicatorValue
    data_class = IndicatorValueData
    noun = "indikatorvärdet"
    text_columns = ("source_note", "period_key")
    sort_keys = ("period_key", "updated_at")

    def for_indicator(self, indicator_id: str) -> list[Stored[IndicatorValueData]]:
        """The active values of an indicator in period order."""
        with self._db.reading() as session:
            return self.active_in(session, indicator_id)

    def active_in(self, session: Session, indicator_id: str) -> list[Stored[IndicatorValueData]]:
        """`for_indicator` in the caller's session."""
        rows = session.scalars(
            select(IndicatorValue)
            .where(
                IndicatorValue.indicator_id == indicator_id,
                IndicatorValue.deleted_at.is_(None),
            )
            .order_by(IndicatorValue.period_key)
            # Read again what this transaction may have changed by UPDATE since it last looked.
            .execution_options(populate_existing=True)
        ).all()
        return [Stored(meta_of(row), self._to_data(row)) for row in rows]

    def checked(
        self, indicator_id: str, values: Sequence[ValueEdit]
    ) -> tuple[list[ValueEdit], list[ValidationIssue]]:
        """The values as they are saved (this `indicator_id`, periods in normal form) and the
        issues of all of them, each at `values[i].field` with its row number first."""
        edits: list[ValueEdit] = []
        issues: list[ValidationIssue] = []
        first_row_of: dict[str, int] = {}
        ids = [value_id for value_id, _ in values if value_id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError("each stored value can be changed by one value only")
        for index, (value_id, value) in enumerate(values):
            data = self._prepare(dataclasses.replace(value, indicator_id=indicator_id))
            found = self._validate(data)
            try:
                key = parse_period(data.period_key).key
            except ValueError:
                key = None  # reported by the validation
            if key is not None and key in first_row_of:
                found.append(
                    ValidationIssue(
                        "period_key",
                        CODE_DUPLICATE,
                        f"Perioden {key} finns redan på rad {first_row_of[key] + 1}. "
                        "Ändra perioden eller ta bort en av raderna.",
                    )
                )
            elif key is not None:
                first_row_of[key] = index
                data = dataclasses.replace(data, period_key=key)
            issues.extend(
                ValidationIssue(
                    f"values[{index}].{issue.field}",
                    issue.code,
                    f"Rad {index + 1}: {issue.message}",
                )
                for issue in found
            )
            edits.append((value_id, data))
        return edits, issues

    def replace_in(
        self, session: Session, indicator_id: str, values: Sequence[ValueEdit]
    ) -> list[Stored[IndicatorValueData]]:
        """Make `values` (checked with `checked`) the active values of the indicator, in the
        caller's write transaction; returns them as stored, in period order.

        A value with the id of an active value changes it (only if different); another takes
        the place of a removed value with the same period, or is added; the active values left
        over are deleted first, so that a period may move from a removed value to a new one.
        """
        existing = {stored.id: stored for stored in self.active_in(session, indicator_id)}
        kept = {value_id for value_id, _ in values if value_id in existing}
        free_by_key = {s.data.period_key: s for s in existing.values() if s.id not in kept}
        changes: list[tuple[Stored[IndicatorValueData] | None, IndicatorValueData]] = []
        for value_id, value in values:
            data = dataclasses.replace(value, indicator_id=indicator_id)
            if value_id is not None and value_id in existing:
                changes.append((existing[value_id], data))
            else:
                changes.append((free_by_key.pop(data.period_key, None), data))
        for gone in free_by_key.values():
            self.set_deleted_in(session, id=gone.id, expected_version=gone.version, deleted=True)
        for target, data in changes:
            if target is not None and target.data != data:
                self.update_in(session, id=target.id, expected_version=target.version, data=data)
        for target, data in changes:
            if target is None:
                self.stage(session, data)
        return self.active_in(session, indicator_id)
