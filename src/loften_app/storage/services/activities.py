"""Services for the activity records of the four promise types and other activities."""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from typing import Any

from sqlalchemy import ColumnElement, Float, Integer, Table, cast, exists, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from loften_app.domain.enums import ActionStatus, ObservationCategory, Organisation, PromiseType
from loften_app.domain.records import (
    ActionData,
    DrugCaseData,
    ObservationData,
    OtherActivityData,
    Participants,
    PatrolData,
    RecordMeta,
    SafetyWalkData,
    ShopVisitData,
    Stored,
    VolunteerDeploymentData,
)
from loften_app.domain.validation import with_defaults
from loften_app.storage.models import (
    DeploymentPlace,
    DrugCase,
    Meta,
    Observation,
    ObservationPhoto,
    OtherActivity,
    Patrol,
    PatrolPlace,
    Place,
    SafetyWalk,
    Shop,
    ShopVisit,
    VolunteerDeployment,
    WalkAction,
    table_of,
)
from loften_app.storage.services.base import (
    FlatRecordService,
    RecordService,
    flat_values,
    from_row,
    link_exists,
    new_id,
    replaced,
)
from loften_app.storage.shift_sql import evening_or_night, shift_minutes

PATROL_PLACE = table_of(PatrolPlace)
SHOP_VISIT = table_of(ShopVisit)
DEPLOYMENT_PLACE = table_of(DeploymentPlace)
OBSERVATION = table_of(Observation)
OBSERVATION_PHOTO = table_of(ObservationPhoto)
WALK_ACTION = table_of(WalkAction)
#: An action's fields, the columns of its row beside its observation's id.
ACTION_FIELDS = tuple(f.name for f in dataclasses.fields(ActionData))
_ACTION_VALUES = operator.attrgetter(*ACTION_FIELDS)
PLACE = table_of(Place)
SHOP = table_of(Shop)


def linked_place_named(link: Table, owner_column: str, owner: Any, pattern: str) -> Any:
    """EXISTS (a place linked to the owner whose name matches `pattern`)."""
    return exists().where(
        link.c[owner_column] == owner,
        PLACE.c.id == link.c.place_id,
        PLACE.c.name.ilike(pattern, escape="\\"),
    )


def first_place_name(link: Table, owner_column: str, owner: Any) -> Any:
    """The name of the owner's first place (what its list shows first)."""
    return (
        select(PLACE.c.name)
        .where(link.c[owner_column] == owner, PLACE.c.id == link.c.place_id)
        .order_by(link.c.position)
        .limit(1)
        .scalar_subquery()
    )


def _place_name(place_id: Any) -> Any:
    return select(PLACE.c.name).where(PLACE.c.id == place_id).scalar_subquery()


def _place_named(place_id: Any, pattern: str) -> Any:
    return exists().where(PLACE.c.id == place_id, PLACE.c.name.ilike(pattern, escape="\\"))


def place_link_columns(owner_column: str) -> tuple[str, ...]:
    """The columns of a place link's values as `place_link_tuples` gives them."""
    return (owner_column, "place_id", "position")


def place_link_tuples(owner_id: str, place_ids: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The place links of one record (each place once, in the order chosen)."""
    return [
        (owner_id, place_id, position) for position, place_id in enumerate(dict.fromkeys(place_ids))
    ]


class PatrolService(RecordService[PatrolData, Patrol]):
    """Polisiär närvaro och butiksbesök: patrols with their places and shop visits."""

    model = Patrol
    noun = "patrullen"
    promise_type = PromiseType.PATROL
    date_column = "date"
    text_columns = ("notes",)
    sort_keys = (
        "date",
        "start_time",
        "mode",
        "officers",
        "disturbances",
        "updated_at",
        "places",
        "shop_visits",
        "evening_night",
    )
    children = ((PATROL_PLACE, "patrol_id"), (SHOP_VISIT, "patrol_id"))
    child_columns = (
        (PATROL_PLACE, place_link_columns("patrol_id")),
        (SHOP_VISIT, ("id", "patrol_id", "shop_id", "note", "position")),
    )
    root_excluded = ("place_ids", "shop_visits")

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        table = table_of(Patrol)
        if key == "places":
            result: ColumnElement[Any] = first_place_name(PATROL_PLACE, "patrol_id", table.c.id)
        elif key == "shop_visits":
            result = (
                select(func.count())
                .select_from(SHOP_VISIT)
                .where(SHOP_VISIT.c.patrol_id == table.c.id)
                .scalar_subquery()
            )
        elif key == "evening_night":
            result = evening_or_night(table.c.start_time, table.c.end_time)
        else:
            result = super()._sort_expression(key)
        return result

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        patrol_id = table_of(Patrol).c.id
        shop_named = exists().where(
            SHOP_VISIT.c.patrol_id == patrol_id,
            SHOP.c.id == SHOP_VISIT.c.shop_id,
            SHOP.c.name.ilike(pattern, escape="\\"),
        )
        return [
            *super()._search_conditions(pattern),
            linked_place_named(PATROL_PLACE, "patrol_id", patrol_id, pattern),
            shop_named,
        ]

    def _prepare(self, data: PatrolData) -> PatrolData:
        if all(visit.id for visit in data.shop_visits):
            return data
        visits = tuple(
            visit if visit.id else replaced(visit, id=new_id()) for visit in data.shop_visits
        )
        return replaced(data, shop_visits=visits)

    def _child_tuples(self, record_id: str, data: PatrolData) -> list[list[tuple[Any, ...]]]:
        visits = [
            (visit.id, record_id, visit.shop_id, visit.note, position)
            for position, visit in enumerate(data.shop_visits)
        ]
        return [place_link_tuples(record_id, data.place_ids), visits]

    def _load_options(self) -> list[ORMOption]:
        return [selectinload(Patrol.places), selectinload(Patrol.shop_visits)]

    def _to_data(self, row: Patrol) -> PatrolData:
        return from_row(
            PatrolData,
            row,
            place_ids=tuple(link.place_id for link in row.places),
            shop_visits=tuple(
                ShopVisitData(id=visit.id, shop_id=visit.shop_id, note=visit.note)
                for visit in row.shop_visits
            ),
        )

    def _place_condition(self, place_id: str) -> ColumnElement[bool]:
        return link_exists(PATROL_PLACE, "patrol_id", Patrol.id, place_id)


PARTICIPANT_FIELDS = tuple(f.name for f in dataclasses.fields(Participants))


@dataclasses.dataclass(frozen=True, kw_only=True)
class CarriedAction:
    """An action still open from an earlier walk, shown again on the next walk in the area."""

    walk_id: str
    walk_date: dt.date
    observation: str
    category: ObservationCategory
    action: ActionData


class SafetyWalkService(RecordService[SafetyWalkData, SafetyWalk]):
    """Trygghetsvandringar with their participants, observations, photos and actions."""

    model = SafetyWalk
    noun = "trygghetsvandringen"
    promise_type = PromiseType.SAFETY_WALK
    date_column = "date"
    status_column = "status"
    text_columns = ("route", "notes")
    sort_keys = (
        "date",
        "status",
        "light",
        "updated_at",
        "area",
        "observations",
        "open_actions",
        "participants",
    )
    children = ((OBSERVATION, "walk_id"),)
    child_columns = (
        (OBSERVATION, ("id", "walk_id", "position", "place_id", "category", "description")),
        (OBSERVATION_PHOTO, ("id", "observation_id", "position", "file_name")),
        (WALK_ACTION, ("observation_id", *ACTION_FIELDS)),
    )

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        table = table_of(SafetyWalk)
        observations = select(func.count()).select_from(OBSERVATION)
        if key == "area":
            result: ColumnElement[Any] = func.coalesce(_place_name(table.c.place_id), table.c.route)
        elif key == "observations":
            result = observations.where(OBSERVATION.c.walk_id == table.c.id).scalar_subquery()
        elif key == "open_actions":
            result = (
                observations.join(WALK_ACTION, WALK_ACTION.c.observation_id == OBSERVATION.c.id)
                .where(
                    OBSERVATION.c.walk_id == table.c.id,
                    WALK_ACTION.c.status.not_in((ActionStatus.DONE, ActionStatus.REJECTED)),
                )
                .scalar_subquery()
            )
        elif key == "participants":
            result = sum(
                (table.c[f"participants_{name}"] for name in PARTICIPANT_FIELDS[1:]),
                table.c[f"participants_{PARTICIPANT_FIELDS[0]}"],
            )
        else:
            result = super()._sort_expression(key)
        return result

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        place_id = table_of(SafetyWalk).c.place_id
        return [*super()._search_conditions(pattern), _place_named(place_id, pattern)]

    def _prepare(self, data: SafetyWalkData) -> SafetyWalkData:
        data = with_defaults(data)
        observations = []
        for observation in data.observations:
            action = observation.action
            if action is not None and not action.id:
                action = replaced(action, id=new_id())
            observations.append(replaced(observation, id=observation.id or new_id(), action=action))
        return replaced(data, observations=tuple(observations))

    def _root_values(self, data: SafetyWalkData) -> dict[str, Any]:
        values = flat_values(data, exclude=("participants", "observations"))
        for name in PARTICIPANT_FIELDS:
            values[f"participants_{name}"] = getattr(data.participants, name)
        return values

    def _child_tuples(self, record_id: str, data: SafetyWalkData) -> list[list[tuple[Any, ...]]]:
        observations: list[tuple[Any, ...]] = []
        photos: list[tuple[Any, ...]] = []
        actions: list[tuple[Any, ...]] = []
        for position, observation in enumerate(data.observations):
            observations.append(
                (
                    observation.id,
                    record_id,
                    position,
                    observation.place_id,
                    observation.category,
                    observation.description,
                )
            )
            photos.extend(
                (new_id(), observation.id, index, name)
                for index, name in enumerate(observation.photos)
            )
            if observation.action is not None:
                actions.append((observation.id, *_ACTION_VALUES(observation.action)))
        return [observations, photos, actions]

    def _load_options(self) -> list[ORMOption]:
        observations = selectinload(SafetyWalk.observations)
        return [
            observations.selectinload(Observation.photos),
            observations.selectinload(Observation.action),
        ]

    def _to_data(self, row: SafetyWalk) -> SafetyWalkData:
        participants = Participants(
            **{name: getattr(row, f"participants_{name}") for name in PARTICIPANT_FIELDS}
        )
        observations = tuple(
            ObservationData(
                id=observation.id,
                place_id=observation.place_id,
                category=observation.category,
                description=observation.description,
                photos=tuple(photo.file_name for photo in observation.photos),
                action=None
                if observation.action is None
                else from_row(ActionData, observation.action),
            )
            for observation in row.observations
        )
        return from_row(SafetyWalkData, row, participants=participants, observations=observations)

    def open_actions_in_area(
        self, *, place_id: str, before: dt.date, exclude_walk_id: str | None = None
    ) -> list[CarriedAction]:
        """Actions neither done nor rejected from the active walks in the area `place_id`
        dated before `before` (less the walk `exclude_walk_id`), oldest deadline first."""
        query = (
            select(SafetyWalk.id, SafetyWalk.date, Observation.description, Observation.category)
            .add_columns(WalkAction)
            .join(Observation, Observation.walk_id == SafetyWalk.id)
            .join(WalkAction, WalkAction.observation_id == Observation.id)
            .where(
                SafetyWalk.place_id == place_id,
                SafetyWalk.deleted_at.is_(None),
                SafetyWalk.date < before,
                WalkAction.status.not_in((ActionStatus.DONE, ActionStatus.REJECTED)),
            )
            .order_by(
                WalkAction.deadline.is_(None),
                WalkAction.deadline,
                SafetyWalk.date,
                SafetyWalk.id,
                Observation.position,
            )
        )
        if exclude_walk_id is not None:
            query = query.where(SafetyWalk.id != exclude_walk_id)
        with self._db.reading() as session:
            return [
                CarriedAction(
                    walk_id=walk_id,
                    walk_date=walk_date,
                    observation=description,
                    category=category,
                    action=from_row(ActionData, action),
                )
                for walk_id, walk_date, description, category, action in session.execute(query)
            ]


class VolunteerDeploymentService(RecordService[VolunteerDeploymentData, VolunteerDeployment]):
    """Polisvolontärer: deployments of volunteer groups with their places."""

    model = VolunteerDeployment
    noun = "volontärinsatsen"
    promise_type = PromiseType.VOLUNTEERS
    date_column = "date"
    text_columns = ("notes",)
    sort_keys = (
        "date",
        "start_time",
        "task",
        "volunteers",
        "updated_at",
        "places",
        "volunteer_hours",
        "consulted",
    )
    children = ((DEPLOYMENT_PLACE, "deployment_id"),)
    child_columns = ((DEPLOYMENT_PLACE, place_link_columns("deployment_id")),)
    root_excluded = ("place_ids",)

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        table = table_of(VolunteerDeployment)
        if key == "places":
            result: ColumnElement[Any] = first_place_name(
                DEPLOYMENT_PLACE, "deployment_id", table.c.id
            )
        elif key == "volunteer_hours":
            minutes = shift_minutes(table.c.start_time, table.c.end_time)
            derived = table.c.volunteers * cast(minutes, Float) / 60.0
            result = func.coalesce(table.c.volunteer_hours_override, derived)
        elif key == "consulted":
            municipality = cast(table.c.with_municipality, Integer)
            result = municipality * 2 + cast(table.c.with_business, Integer)
        else:
            result = super()._sort_expression(key)
        return result

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        owner = table_of(VolunteerDeployment).c.id
        return [
            *super()._search_conditions(pattern),
            linked_place_named(DEPLOYMENT_PLACE, "deployment_id", owner, pattern),
        ]

    def _child_tuples(
        self, record_id: str, data: VolunteerDeploymentData
    ) -> list[list[tuple[Any, ...]]]:
        return [place_link_tuples(record_id, data.place_ids)]

    def _load_options(self) -> list[ORMOption]:
        return [selectinload(VolunteerDeployment.places)]

    def _to_data(self, row: VolunteerDeployment) -> VolunteerDeploymentData:
        return from_row(
            VolunteerDeploymentData, row, place_ids=tuple(link.place_id for link in row.places)
        )

    def _place_condition(self, place_id: str) -> ColumnElement[bool]:
        return link_exists(DEPLOYMENT_PLACE, "deployment_id", VolunteerDeployment.id, place_id)


#: The prefix of the codes made before each installation numbered its own (N-2018-014).
CASE_CODE_PREFIX = "N"

#: The letter each organisation's installation starts its case codes with (P-2026-001).
ORGANISATION_PREFIX = {
    Organisation.POLICE: "P",
    Organisation.MUNICIPALITY: "K",
    Organisation.OTHER: "A",
}


def case_code(year: int, number: int, prefix: str = CASE_CODE_PREFIX) -> str:
    """The pseudonymous code of a drug case: P-2026-014 (N-2018-014 in older files)."""
    return f"{prefix}-{year}-{number:03d}"


def case_prefix(session: Session, organisation: Organisation) -> str:
    """The prefix this installation gives the cases it creates: the organisation's letter, and
    the installation's own mark (meta `case_mark`) where two installations of one organisation
    exchange packages. Codes never collide between the two sides, so they are never renumbered."""
    mark = session.scalar(select(Meta.value).where(Meta.key == "case_mark")) or ""
    return ORGANISATION_PREFIX[organisation] + mark


def next_case_number(session: Session, year: int, prefix: str = CASE_CODE_PREFIX) -> int:
    """The number after the highest case code of `year` with `prefix` (1 if it has none)."""
    start = f"{prefix}-{year}-"
    highest = session.scalar(
        select(func.max(cast(func.substr(DrugCase.case_code, len(start) + 1), Integer))).where(
            DrugCase.case_code >= start, DrugCase.case_code < f"{prefix}-{year}."
        )
    )
    return (highest or 0) + 1


def renumber_case_codes(
    session: Session,
    records: list[tuple[RecordMeta, DrugCaseData]],
    local: dict[str, Stored[DrugCaseData]],
) -> tuple[list[tuple[RecordMeta, DrugCaseData]], list[tuple[str, str, str]]]:
    """Incoming cases (an exchange package) whose code another local case holds: a new case
    gets the next free number of its year, a known case keeps its local code. Returns the
    records and, for each new case renumbered, (id, package code, new code)."""
    codes = sorted({data.case_code for _, data in records})
    holder: dict[str, str] = {}
    for start in range(0, len(codes), _CODE_CHUNK):
        chunk = codes[start : start + _CODE_CHUNK]
        rows = session.execute(
            select(DrugCase.case_code, DrugCase.id).where(DrugCase.case_code.in_(chunk))
        )
        holder.update((code, id) for code, id in rows)
    taken = set(holder) | set(codes)
    next_number: dict[int, int] = {}
    result = []
    renumbered: list[tuple[str, str, str]] = []
    for meta, incoming in records:
        data = incoming
        owner = holder.get(data.case_code)
        if owner is not None and owner != meta.id:
            current = local.get(meta.id)
            if current is not None:
                data = dataclasses.replace(data, case_code=current.data.case_code)
            else:
                year = data.detected_on.year
                number = next_number.get(year) or next_case_number(session, year)
                code = case_code(year, number)
                while code in taken:
                    number += 1
                    code = case_code(year, number)
                next_number[year] = number + 1
                renumbered.append((meta.id, data.case_code, code))
                data = dataclasses.replace(data, case_code=code)
            taken.add(data.case_code)
        result.append((meta, data))
    return result, renumbered


_CODE_CHUNK = 500


class DrugCaseService(RecordService[DrugCaseData, DrugCase]):
    """Narkotikaärenden: pseudonymous drug cases with a police part and a municipal part."""

    model = DrugCase
    noun = "ärendet"
    root_excluded = ()
    promise_type = PromiseType.DRUGS
    date_column = "detected_on"
    status_column = "status"
    text_columns = ("case_code", "police_notes", "municipal_notes")
    sort_keys = (
        "detected_on",
        "case_code",
        "age_group",
        "kind",
        "legal_outcome",
        "status",
        "first_contact_on",
        "updated_at",
        "municipality_notified_on",
        "days_to_contact",
    )
    shown_dates = ("municipality_notified_on", "first_contact_on")

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        table = table_of(DrugCase)
        if key == "days_to_contact":
            days = func.julianday(table.c.first_contact_on) - func.julianday(table.c.detected_on)
            result: ColumnElement[Any] = days
        else:
            result = super()._sort_expression(key)
        return result

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        place_id = table_of(DrugCase).c.place_id
        return [*super()._search_conditions(pattern), _place_named(place_id, pattern)]

    def _prepare_in_session(
        self, session: Session, data: DrugCaseData, record_id: str
    ) -> DrugCaseData:
        if data.case_code:
            return data
        year = data.detected_on.year
        prefix = case_prefix(session, self._actor.organisation)
        number = next_case_number(session, year, prefix)
        return dataclasses.replace(data, case_code=case_code(year, number, prefix))

    def _to_data(self, row: DrugCase) -> DrugCaseData:
        return from_row(DrugCaseData, row)


class OtherActivityService(FlatRecordService[OtherActivityData, OtherActivity]):
    """Other activities, tied to any promise."""

    model = OtherActivity
    data_class = OtherActivityData
    noun = "aktiviteten"
    date_column = "date"
    text_columns = ("what", "notes")
    sort_keys = ("date", "what", "count", "updated_at", "place", "hours_spent")

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        if key == "place":
            result: ColumnElement[Any] = _place_name(table_of(OtherActivity).c.place_id)
        else:
            result = super()._sort_expression(key)
        return result

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        place_id = table_of(OtherActivity).c.place_id
        return [*super()._search_conditions(pattern), _place_named(place_id, pattern)]
