"""Fixtures for the list tests: a real database with the Filipstad template, records of every
type, and helpers to add many records quickly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Comparison,
    DrugCaseKind,
    LegalOutcome,
    LightCondition,
    Measure,
    NotificationKind,
    ObservationCategory,
    Organisation,
    PatrolMode,
    PromiseType,
    TargetPeriod,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.records import (
    ActionData,
    Actor,
    DrugCaseData,
    ObservationData,
    OtherActivityData,
    Participants,
    PatrolData,
    RecordMeta,
    SafetyWalkData,
    ShopData,
    ShopVisitData,
    TargetData,
    VolunteerDeploymentData,
)
from loften_app.storage.database import Database, open_database
from loften_app.storage.services import PatrolService, RecordService, Services
from loften_app.storage.services.base import new_id
from loften_app.storage.template import apply_template
from loften_app.ui.lists.names import RegisterNames

ACTOR = Actor("test", Organisation.MUNICIPALITY)
SCREENSHOTS = Path(__file__).resolve().parents[3] / "screenshots"


@pytest.fixture(autouse=True)
def swedish_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "x.db") as db:
        yield db


@pytest.fixture
def services(database: Database) -> Services:
    services = Services.build(database, ACTOR)
    apply_template(services, "filipstad-2017-2018")
    return services


@pytest.fixture
def list_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "lists.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def names(services: Services) -> RegisterNames:
    return RegisterNames.from_services(
        places=services.places, shops=services.shops, promises=services.promises
    )


@dataclass(frozen=True)
class Refs:
    """Ids the test records refer to."""

    promises: dict[PromiseType, str]
    places: dict[str, str]
    shops: list[str]


@pytest.fixture
def refs(services: Services) -> Refs:
    agreement = services.agreements.current()
    assert agreement is not None
    promises = {p.data.type: p.id for p in services.promises.for_agreement(agreement.id)}
    places = {p.data.name: p.id for p in services.places.list_page(limit=100).items}
    shops = [
        services.shops.add(data=ShopData(name=name, address=address, kind="livsmedel")).id
        for name, address in (
            ("Livsmedelsbutiken vid torget", "Stora torget 1"),
            ("Kiosken vid resecentrum", "Järnvägsgatan 2"),
            ("Macken", "Storgatan 40"),
        )
    ]
    return Refs(promises, places, shops)


def patrol(refs: Refs, number: int, **changes: Any) -> PatrolData:
    """The number-th of a series of patrols, each a day apart from 2018-01-01."""
    place_names = ("Centrum", "Stora torget", "Resecentrum/busstationen", "Skillerälven")
    values: dict[str, Any] = {
        "promise_id": refs.promises[PromiseType.PATROL],
        "date": dt.date(2018, 1, 1) + dt.timedelta(days=number % 365),
        "start_time": dt.time(21, 0) if number % 3 else dt.time(14, 0),
        "end_time": dt.time(2, 0) if number % 3 else dt.time(16, 30),
        "place_ids": (
            refs.places[place_names[number % 4]],
            refs.places[place_names[(number + 1) % 4]],
        ),
        "mode": (PatrolMode.FOOT, PatrolMode.CAR, PatrolMode.BICYCLE)[number % 3],
        "officers": 2 + number % 3,
        "shop_visits": tuple(
            ShopVisitData(shop_id=shop, note="Lugnt", id=new_id())
            for shop in refs.shops[: number % 4]
        ),
        "disturbances": number % 5,
        "notes": f"Pass {number}",
    }
    values.update(changes)
    return PatrolData(**values)


def bulk_add(database: Database, service: RecordService[Any, Any], items: Sequence[Any]) -> None:
    """Insert many records in one transaction (no validation: the data must be valid)."""
    now = dt.datetime(2018, 6, 1, 12, 0, tzinfo=dt.UTC)
    with database.writing() as session:
        service.insert_rows(
            session,
            [
                (
                    RecordMeta(
                        id=new_id(),
                        version=1,
                        organisation=Organisation.POLICE,
                        created_at=now,
                        created_by="test",
                        updated_at=now,
                        updated_by="test",
                    ),
                    data,
                )
                for data in items
            ],
        )


def add_patrols(database: Database, services: Services, refs: Refs, count: int) -> None:
    bulk_add(database, services.patrols, [patrol(refs, number) for number in range(count)])


def add_samples(services: Services, refs: Refs) -> None:
    """A few records of every activity type and a target, through the services."""
    for number in range(5):
        services.patrols.add(data=patrol(refs, number))
    centrum = refs.places["Centrum"]
    services.safety_walks.add(
        data=SafetyWalkData(
            promise_id=refs.promises[PromiseType.SAFETY_WALK],
            date=dt.date(2018, 3, 20),
            status=WalkStatus.COMPLETED,
            start_time=dt.time(19, 0),
            light=LightCondition.DARK,
            place_id=centrum,
            route="Resecentrum – Stora torget",
            participants=Participants(municipality=3, police=2, residents=6),
            observations=(
                ObservationData(
                    category=ObservationCategory.LIGHTING,
                    description="Trasig belysning i gångtunneln",
                    place_id=centrum,
                    action=ActionData(what="Byta lampor", owner=ActionOwner.MUNICIPAL_OFFICE),
                ),
                ObservationData(
                    category=ObservationCategory.LITTER,
                    description="Skräp vid busskuren",
                    action=ActionData(
                        what="Städa",
                        owner=ActionOwner.MUNICIPAL_OFFICE,
                        status=ActionStatus.DONE,
                        closed_on=dt.date(2018, 4, 2),
                    ),
                ),
            ),
        )
    )
    services.safety_walks.add(
        data=SafetyWalkData(
            promise_id=refs.promises[PromiseType.SAFETY_WALK],
            date=dt.date(2018, 10, 2),
            status=WalkStatus.PLANNED,
            route="Skillerälven",
        )
    )
    services.volunteer_deployments.add(
        data=VolunteerDeploymentData(
            promise_id=refs.promises[PromiseType.VOLUNTEERS],
            date=dt.date(2018, 5, 4),
            start_time=dt.time(20, 0),
            end_time=dt.time(1, 30),
            place_ids=(centrum,),
            task=VolunteerTask.PRESENCE,
            volunteers=4,
            with_municipality=True,
            with_business=True,
        )
    )
    services.drug_cases.add(
        data=DrugCaseData(
            promise_id=refs.promises[PromiseType.DRUGS],
            detected_on=dt.date(2018, 2, 10),
            age_group=AgeGroup.UNDER_18,
            kind=DrugCaseKind.POSSESSION,
            legal_outcome=LegalOutcome.REPORTED,
            municipality_notified_on=dt.date(2018, 2, 11),
            notification_kind=NotificationKind.REPORT_OF_CONCERN,
            first_contact_on=dt.date(2018, 2, 13),
            status=CaseStatus.ONGOING,
        )
    )
    services.drug_cases.add(
        data=DrugCaseData(
            promise_id=refs.promises[PromiseType.DRUGS],
            detected_on=dt.date(2018, 3, 1),
            age_group=AgeGroup.AGE_26_PLUS,
            kind=DrugCaseKind.DRIVING,
        )
    )
    services.other_activities.add(
        data=OtherActivityData(
            promise_id=refs.promises[PromiseType.PATROL],
            date=dt.date(2018, 4, 12),
            what="Skolbesök i årskurs 8",
            place_id=refs.places["Skolområdet"],
            count=3,
            hours_spent=4.5,
        )
    )
    services.targets.add(
        data=TargetData(
            promise_id=refs.promises[PromiseType.DRUGS],
            measure=Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS,
            comparison=Comparison.AT_LEAST,
            value=0.8,
            period=TargetPeriod.YEAR,
            parameter=3,
        )
    )


class CountingPatrolService(PatrolService):
    """The real patrol service, counting the pages a model reads (which rows it asked for)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetches: list[list[int]] = []
        self.key_reads = 0

    def get_many_by_rowid(self, *, rowids: Sequence[int]) -> dict[int, Any]:
        self.fetches.append(list(rowids))
        return super().get_many_by_rowid(rowids=rowids)

    def list_rowids(self, **kwargs: Any) -> Any:
        self.key_reads += 1
        return super().list_rowids(**kwargs)


@dataclass(frozen=True)
class ListEnv:
    """What a list widget test works with: the database, its services, the ids the records
    refer to, the name caches and a settings file."""

    database: Database
    services: Services
    refs: Refs
    names: RegisterNames
    settings: QSettings


@pytest.fixture
def env(
    database: Database, services: Services, refs: Refs, names: RegisterNames, list_settings
) -> ListEnv:
    return ListEnv(database, services, refs, names, list_settings)
