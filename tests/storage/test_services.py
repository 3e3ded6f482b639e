"""Every record type through its service: add, get, update, delete, undelete, list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    CaseStatus,
    LightCondition,
    ObservationCategory,
    Organisation,
    Priority,
    PromiseType,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.errors import ValidationError
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import (
    ActionData,
    AgreementData,
    DrugCaseData,
    IndicatorData,
    IndicatorValueData,
    ObservationData,
    OtherActivityData,
    Participants,
    PatrolData,
    PlaceData,
    PromiseData,
    SafetyWalkData,
    ShopData,
    Stored,
    TargetData,
    VolunteerDeploymentData,
)
from loften_app.domain.validation import with_defaults
from loften_app.storage.errors import MissingReferenceError, NotFoundError, StaleRecordError
from loften_app.storage.plain_reads import plain_reader
from loften_app.storage.services import Deleted, RecordFilter, RecordService, Services
from tests.factories import drug_case, patrol, place, promise_of
from tests.storage.conftest import POLICE, FixedClock

PNR = "811218-9876"


@pytest.fixture
def shops(services: Services) -> list[str]:
    return [
        services.shops.add(data=ShopData(name=name, kind="livsmedel")).id
        for name in ("Livsmedelsbutiken vid torget", "Kiosken vid resecentrum", "Macken")
    ]


@pytest.fixture
def ids(services: Services, agreement: Stored[AgreementData], shops: list[str]) -> dict[str, Any]:
    return {
        "patrol": promise_of(services, agreement, PromiseType.PATROL),
        "walk": promise_of(services, agreement, PromiseType.SAFETY_WALK),
        "volunteers": promise_of(services, agreement, PromiseType.VOLUNTEERS),
        "drugs": promise_of(services, agreement, PromiseType.DRUGS),
        "centrum": place(services, "Centrum"),
        "torget": place(services, "Stora torget"),
        "resecentrum": place(services, "Resecentrum/busstationen"),
        "shops": shops,
    }


def walk(ids: dict[str, Any], **changes: Any) -> SafetyWalkData:
    data = SafetyWalkData(
        promise_id=ids["walk"],
        date=dt.date(2018, 3, 20),
        status=WalkStatus.COMPLETED,
        start_time=dt.time(19, 0),
        light=LightCondition.DARK,
        place_id=ids["centrum"],
        route="Resecentrum – Stora torget – Skillerälven",
        participants=Participants(municipality=3, police=2, residents=7, politicians=1),
        observations=(
            ObservationData(
                category=ObservationCategory.LIGHTING,
                description="Trasig belysning i gångtunneln",
                place_id=ids["resecentrum"],
                photos=("tunnel-1.jpg", "tunnel-2.jpg"),
                action=ActionData(
                    what="Byta armaturer",
                    owner=ActionOwner.MUNICIPAL_OFFICE,
                    owner_detail="Tekniska förvaltningen",
                    priority=Priority.HIGH,
                    deadline=dt.date(2018, 6, 1),
                ),
            ),
            ObservationData(
                category=ObservationCategory.POSITIVE,
                description="Torget känns välkomnande",
                place_id=ids["torget"],
            ),
            ObservationData(
                category=ObservationCategory.VEGETATION,
                description="Buskage skymmer sikten vid älven",
                action=ActionData(
                    what="Klippa buskaget",
                    owner=ActionOwner.PROPERTY_OWNER,
                    status=ActionStatus.REJECTED,
                    rejection_reason="Marken är privat och ägaren säger nej",
                    closed_on=dt.date(2018, 4, 2),
                ),
            ),
        ),
        protocol_published_on=dt.date(2018, 4, 10),
        hours_spent=20,
        notes="Bra uppslutning",
    )
    return dataclasses.replace(data, **changes)


def deployment(ids: dict[str, Any], **changes: Any) -> VolunteerDeploymentData:
    data = VolunteerDeploymentData(
        promise_id=ids["volunteers"],
        date=dt.date(2018, 5, 4),
        start_time=dt.time(20, 0),
        end_time=dt.time(1, 0),
        place_ids=(ids["centrum"],),
        task=VolunteerTask.PRESENCE,
        volunteers=4,
        with_municipality=True,
        with_business=False,
        observations_passed=2,
        notes="Nattvandring",
    )
    return dataclasses.replace(data, **changes)


def other(ids: dict[str, Any], **changes: Any) -> OtherActivityData:
    data = OtherActivityData(
        promise_id=ids["drugs"],
        date=dt.date(2018, 9, 12),
        what="Informationsträff om langning",
        place_id=ids["centrum"],
        count=25,
        hours_spent=3,
    )
    return dataclasses.replace(data, **changes)


def without_child_ids(data: Any) -> Any:
    """The data with the ids the service gave child rows taken out, for comparison."""
    if isinstance(data, PatrolData):
        return dataclasses.replace(
            data, shop_visits=tuple(dataclasses.replace(v, id=None) for v in data.shop_visits)
        )
    if isinstance(data, SafetyWalkData):
        return dataclasses.replace(
            data,
            observations=tuple(
                dataclasses.replace(
                    o,
                    id=None,
                    action=None if o.action is None else dataclasses.replace(o.action, id=None),
                )
                for o in data.observations
            ),
        )
    return data


CASES = {
    "patrol": ("patrols", patrol, {"officers": 3, "notes": "Ändrad"}),
    "walk": ("safety_walks", walk, {"route": "Ny rutt", "light": LightCondition.DAYLIGHT}),
    "deployment": ("volunteer_deployments", deployment, {"volunteers": 6}),
    "drug_case": (
        "drug_cases",
        drug_case,
        {"status": CaseStatus.CLOSED, "closed_on": dt.date(2018, 5, 1)},
    ),
    "other": ("other_activities", other, {"count": 30}),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_round_trip_add_get_update_delete_undelete(
    kind: str, services: Services, ids: dict[str, Any], clock: FixedClock
) -> None:
    attribute, make, changes = CASES[kind]
    service: RecordService[Any, Any] = getattr(services, attribute)
    data = make(ids)

    added = service.add(data=data)
    assert added.version == 1
    assert added.meta.created_by == "trygghetssamordnare"
    assert added.meta.organisation is Organisation.MUNICIPALITY
    fetched = service.get(id=added.id)
    assert fetched == added
    expected = with_defaults(data) if isinstance(data, SafetyWalkData) else data
    if isinstance(data, DrugCaseData):
        expected = dataclasses.replace(data, case_code="K-2018-001")
    assert without_child_ids(fetched.data) == without_child_ids(expected)

    clock.advance(hours=1)
    changed = dataclasses.replace(fetched.data, **changes)
    updated = service.update(id=added.id, expected_version=1, data=changed)
    assert updated.version == 2
    assert service.get(id=added.id) == updated
    assert service.get(id=added.id).meta.updated_at == clock.now

    deleted = service.delete(id=added.id, expected_version=2)
    assert deleted.meta.is_deleted
    assert service.count() == 0
    assert [
        s.id for s in service.list_page(filter=RecordFilter(deleted=Deleted.DELETED)).items
    ] == [added.id]
    restored = service.undelete(id=added.id)
    assert not restored.meta.is_deleted
    assert restored.version == 4
    assert service.get(id=added.id).data == updated.data


def test_a_safety_walk_keeps_observations_photos_and_actions_in_order(
    services: Services, ids: dict[str, Any]
) -> None:
    added = services.safety_walks.add(data=walk(ids))
    stored = services.safety_walks.get(id=added.id).data
    assert [o.category for o in stored.observations] == [
        ObservationCategory.LIGHTING,
        ObservationCategory.POSITIVE,
        ObservationCategory.VEGETATION,
    ]
    assert stored.observations[0].photos == ("tunnel-1.jpg", "tunnel-2.jpg")
    assert stored.observations[0].action is not None
    assert stored.observations[0].action.owner_detail == "Tekniska förvaltningen"
    # An action saved without a deadline gets the default: six months after the walk.
    assert stored.observations[2].action is not None
    assert stored.observations[2].action.deadline == dt.date(2018, 9, 20)
    assert stored == added.data


def test_child_rows_keep_their_ids_across_an_update(
    services: Services, ids: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(ids))
    visit_ids = [v.id for v in added.data.shop_visits]
    assert all(visit_ids)
    updated = services.patrols.update(
        id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=4)
    )
    assert [v.id for v in services.patrols.get(id=updated.id).data.shop_visits] == visit_ids


def test_an_update_based_on_a_stale_copy_is_refused_and_changes_nothing(
    services: Services, police_services: Services, ids: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(ids))
    police_services.patrols.update(
        id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=3)
    )
    with pytest.raises(StaleRecordError) as caught:
        services.patrols.update(
            id=added.id, expected_version=1, data=dataclasses.replace(added.data, officers=4)
        )
    assert "kommunpolis" in caught.value.message
    assert caught.value.current is not None
    assert caught.value.current.data.officers == 3
    current = services.patrols.get(id=added.id)
    assert current.version == 2
    assert current.data.officers == 3
    assert current.meta.updated_by == POLICE.name
    assert current.meta.organisation is Organisation.MUNICIPALITY  # who entered it stays


def test_a_stale_delete_is_refused(services: Services, ids: dict[str, Any]) -> None:
    added = services.patrols.add(data=patrol(ids))
    services.patrols.update(id=added.id, expected_version=1, data=added.data)
    with pytest.raises(StaleRecordError):
        services.patrols.delete(id=added.id, expected_version=1)
    assert not services.patrols.get(id=added.id).meta.is_deleted


def test_a_deleted_record_cannot_be_updated_until_restored(
    services: Services, ids: dict[str, Any]
) -> None:
    added = services.patrols.add(data=patrol(ids))
    services.patrols.delete(id=added.id)
    with pytest.raises(NotFoundError, match="Återställ"):
        services.patrols.update(id=added.id, expected_version=2, data=added.data)


def test_unknown_ids_give_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.patrols.get(id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(NotFoundError):
        services.patrols.delete(id="00000000-0000-4000-8000-000000000000")


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def test_invalid_data_is_refused_with_field_messages_and_nothing_is_written(
    services: Services, ids: dict[str, Any], db_path: Path
) -> None:
    before = table_counts(db_path)
    bad = patrol(ids, officers=-1, start_time=dt.time(21, 0), end_time=dt.time(21, 0))
    with pytest.raises(ValidationError) as caught:
        services.patrols.add(data=bad)
    fields = {issue.field for issue in caught.value.issues}
    assert {"officers", "end_time"} <= fields
    assert table_counts(db_path) == before


@pytest.mark.parametrize("kind", list(CASES))
def test_a_personnummer_in_free_text_is_refused_by_every_service(
    kind: str, services: Services, ids: dict[str, Any], db_path: Path
) -> None:
    attribute, make, _ = CASES[kind]
    service: RecordService[Any, Any] = getattr(services, attribute)
    field = {"drug_case": "police_notes", "other": "what"}.get(kind, "notes")
    data = dataclasses.replace(make(ids), **{field: f"Talade med {PNR} vid torget"})
    before = table_counts(db_path)
    with pytest.raises(ValidationError) as caught:
        service.add(data=data)
    assert [i.field for i in caught.value.issues if i.code == "personnummer"] == [field]
    assert table_counts(db_path) == before


def test_a_personnummer_in_a_nested_row_is_refused(services: Services, ids: dict[str, Any]) -> None:
    data = patrol(ids)
    visits = (dataclasses.replace(data.shop_visits[0], note=f"Gällde 19{PNR}"),)
    with pytest.raises(ValidationError) as caught:
        services.patrols.add(data=dataclasses.replace(data, shop_visits=visits))
    assert caught.value.issues[0].field == "shop_visits[0].note"


def test_a_record_must_belong_to_a_promise_of_its_type(
    services: Services, ids: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.patrols.add(data=patrol(ids, promise_id=ids["walk"]))
    assert caught.value.issues[0].field == "promise_id"


def test_a_missing_place_is_refused_and_nothing_is_written(
    services: Services, ids: dict[str, Any], db_path: Path
) -> None:
    before = table_counts(db_path)
    with pytest.raises(MissingReferenceError):
        services.patrols.add(data=patrol(ids, place_ids=("00000000-0000-4000-8000-00000000dead",)))
    assert table_counts(db_path) == before


def test_drug_cases_get_pseudonymous_codes_numbered_per_year(
    police_services: Services, ids: dict[str, Any], clock: FixedClock
) -> None:
    service = police_services.drug_cases
    codes = [service.add(data=drug_case(ids)).data.case_code for _ in range(3)]
    assert codes == ["P-2018-001", "P-2018-002", "P-2018-003"]
    clock.now = dt.datetime(2019, 2, 1, tzinfo=dt.UTC)
    january = dt.date(2019, 1, 2)
    next_year = service.add(
        data=drug_case(
            ids, detected_on=january, municipality_notified_on=january, first_contact_on=january
        )
    ).data
    assert next_year.case_code == "P-2019-001"
    assert service.get(id=service.list_ids()[0]).data.case_code.startswith("P-")


def test_list_filters_by_period_place_status_text_and_promise(
    services: Services, ids: dict[str, Any]
) -> None:
    patrols = services.patrols
    a = patrols.add(data=patrol(ids, date=dt.date(2018, 3, 31), notes="Kväll vid torget"))
    b = patrols.add(
        data=patrol(ids, date=dt.date(2018, 4, 1), place_ids=(ids["resecentrum"],), notes="Buss")
    )
    c = patrols.add(data=patrol(ids, date=dt.date(2017, 12, 31), notes="Nyår 50%_"))

    def listed(**criteria: Any) -> set[str]:
        return {s.id for s in patrols.list_page(filter=RecordFilter(**criteria)).items}

    assert listed(period=quarter(2018, 1)) == {a.id}
    assert listed(period=quarter(2018, 2)) == {b.id}
    assert listed(period=year(2018)) == {a.id, b.id}
    assert listed(place_id=ids["resecentrum"]) == {b.id}
    assert listed(place_id=ids["torget"]) == {a.id, c.id}
    assert listed(text="kväll VID") == {a.id}
    # The notes, a place ("Stora torget") or a shop ("Livsmedelsbutiken vid torget"):
    assert listed(text="TORGET") == {a.id, b.id, c.id}
    assert listed(text="STORA") == {a.id, c.id}  # place names
    assert listed(text="macken") == set()  # a shop none of them visited
    assert listed(text="2018-0") == {a.id, b.id}  # dates as shown
    assert listed(text="50%_") == {c.id}
    assert listed(text="%") == {c.id}
    assert listed(promise_id=ids["patrol"]) == {a.id, b.id, c.id}

    walks = services.safety_walks
    done = walks.add(data=walk(ids))
    planned = walks.add(
        data=walk(
            ids,
            status=WalkStatus.PLANNED,
            date=dt.date(2018, 10, 15),
            observations=(),
            protocol_published_on=None,
        )
    )
    assert {s.id for s in walks.list_page(filter=RecordFilter(status="planned")).items} == {
        planned.id
    }
    assert walks.count(filter=RecordFilter(status=WalkStatus.COMPLETED)) == 1
    assert done.id in walks.list_ids()


def test_list_pages_and_sorts(services: Services, ids: dict[str, Any]) -> None:
    added = [
        services.patrols.add(data=patrol(ids, date=dt.date(2018, 1, 1) + dt.timedelta(days=i)))
        for i in range(7)
    ]
    newest_first = [s.id for s in reversed(added)]
    first = services.patrols.list_page(sort="date", offset=0, limit=3)
    second = services.patrols.list_page(sort="date", offset=3, limit=3)
    assert first.total == second.total == 7
    assert [s.id for s in first.items + second.items] == newest_first[:6]
    ascending = services.patrols.list_ids(sort="date", descending=False)
    assert ascending == [s.id for s in added]
    assert [s.id for s in services.patrols.get_many(ids=ascending[:2])] == ascending[:2]
    with pytest.raises(ValueError):
        services.patrols.list_ids(sort="no_such_column")


def test_registers_round_trip(services: Services, agreement: Stored[AgreementData]) -> None:
    current = services.agreements.current()
    assert current is not None and current.id == agreement.id
    promises = services.promises.for_agreement(agreement.id)
    assert [p.data.number for p in promises] == [1, 2, 3, 4]
    promise = services.promises.update(
        id=promises[0].id,
        expected_version=1,
        data=dataclasses.replace(promises[0].data, follow_up_comment="Fler kvällspass än planerat"),
    )
    assert services.promises.get(id=promise.id).data.follow_up_comment.startswith("Fler")

    shop = services.shops.add(data=ShopData(name="Pizzerian", address="Storgatan 1"))
    assert services.shops.get(id=shop.id).data.address == "Storgatan 1"
    target = services.targets.add(
        data=TargetData(
            promise_id=promises[0].id,
            measure=TargetPeriodMeasure.measure,
            comparison=TargetPeriodMeasure.comparison,
            value=12,
            period=TargetPeriodMeasure.period,
        )
    )
    assert services.targets.get(id=target.id).data.value == 12
    indicator = services.indicators.add(
        data=IndicatorData(name="Anmälda inbrott", source="Polisen", unit="antal")
    )
    for key, value in (("2018-Q2", 4.0), ("2018-Q1", 7.0)):
        services.indicator_values.add(
            data=IndicatorValueData(indicator_id=indicator.id, period_key=key, value=value)
        )
    assert [v.data.period_key for v in services.indicator_values.for_indicator(indicator.id)] == [
        "2018-Q1",
        "2018-Q2",
    ]
    place = services.places.add(data=PlaceData(name="Folkets park"))
    assert services.places.get(id=place.id).data.name == "Folkets park"


class TargetPeriodMeasure:
    from loften_app.domain.enums import Comparison, Measure, TargetPeriod

    measure = Measure.SHOP_VISITS
    comparison = Comparison.AT_LEAST
    period = TargetPeriod.QUARTER


def test_a_promise_number_is_unique_within_its_agreement(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    from loften_app.storage.errors import DuplicateError

    with pytest.raises(DuplicateError):
        services.promises.add(
            data=PromiseData(
                agreement_id=agreement.id,
                number=1,
                text="Ett till löfte",
                short_title="Dubblett",
                responsible=services.promises.for_agreement(agreement.id)[0].data.responsible,
                type=PromiseType.OTHER,
            )
        )


def test_a_page_read_by_rowid_is_what_the_orm_reads_for_every_kind(
    services: Services, ids: dict[str, Any]
) -> None:
    """`get_many_by_rowid` (a list's page) reads most kinds with Core statements instead of the
    ORM (`storage.plain_reads`): the records are the same as `get` reads them, children in
    order, deleted ones too."""
    for attribute, make, _changes in CASES.values():
        service: RecordService[Any, Any] = getattr(services, attribute)
        service.add(data=make(ids))
    services.patrols.add(
        data=patrol(
            ids,
            place_ids=(ids["torget"], ids["resecentrum"], ids["centrum"]),
            shop_visits=tuple(
                dataclasses.replace(visit, note=f"Besök {number}")
                for number, visit in enumerate(patrol(ids).shop_visits[::-1])
            ),
        )
    )
    bare = services.patrols.add(
        data=patrol(ids, place_ids=(ids["centrum"],), shop_visits=(), hours_spent=None)
    )
    services.patrols.delete(id=bare.id)
    assert plain_reader(services.patrols.model) is not None
    assert plain_reader(services.volunteer_deployments.model) is not None
    assert plain_reader(services.safety_walks.model) is None  # observations have children
    for kind, service in services.by_kind.items():
        keys = service.list_rowids(filter=RecordFilter(deleted=Deleted.ALL))
        read = service.get_many_by_rowid(rowids=keys)
        assert sorted(read) == sorted(keys), kind
        for record in read.values():
            assert record == service.get(id=record.id), kind
        # More keys than a statement's text is made for on SQLite: read through Core.
        assert service.get_many_by_rowid(rowids=[*keys, *range(10**9, 10**9 + 300)]) == read
    places = services.patrols.get_many_by_rowid(rowids=services.patrols.list_rowids())
    assert sorted(len(p.data.place_ids) for p in places.values()) == [2, 3]  # active ones
    assert services.patrols.get_many_by_rowid(rowids=[]) == {}
    assert services.patrols.get_many_by_rowid(rowids=[10**9]) == {}


def test_list_values_gives_columns_in_the_order_of_list_page(
    services: Services, ids: dict[str, Any]
) -> None:
    """What the register names and the place choices read: a few columns in list order."""
    for name in ("Centrum", "Arena", "Centrum"):  # the same name twice: then by id
        services.places.add(data=PlaceData(name=name))
    services.places.delete(id=ids["torget"])
    for criteria in (RecordFilter(), RecordFilter(deleted=Deleted.ALL)):
        for descending in (False, True):
            page = services.places.list_page(
                filter=criteria, sort="name", descending=descending, limit=1000
            )
            values = services.places.list_values(
                "id", "name", filter=criteria, sort="name", descending=descending
            )
            assert values == [(p.id, p.data.name) for p in page.items]
    assert services.places.list_values("name", sort="name", descending=False, limit=2) == [
        ("Arena",),
        ("Centrum",),
    ]
