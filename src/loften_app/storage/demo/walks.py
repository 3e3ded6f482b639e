"""Safety walks: completed ones with their observations and actions, planned and cancelled ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from loften_app.domain.enums import (
    ActionStatus,
    LightCondition,
    ObservationCategory,
    Priority,
    WalkStatus,
)
from loften_app.domain.periods import add_months
from loften_app.domain.records import ActionData, ObservationData, Participants, SafetyWalkData
from loften_app.storage.demo.common import (
    MUNICIPALITY,
    Pair,
    Pick,
    half_hours,
    maybe,
    meta,
    named,
    new_uuid,
    time_on,
)
from loften_app.storage.demo.year import DemoRecords, DemoYear

OBSERVATIONS = "Iakttagelser"
ACTIONS = "Åtgärder"

_EARLY_STATUSES = named(ActionStatus, DONE=45, IN_PROGRESS=20, OPEN=22, REJECTED=13)
_LATE_STATUSES = named(ActionStatus, OPEN=45, IN_PROGRESS=30, DONE=20, REJECTED=5)
_PRIORITIES = named(Priority, HIGH=25, MEDIUM=55, LOW=20)
#: Months from the walk to an action's deadline, by priority.
_DEADLINE_MONTHS = {Priority.HIGH: (1, 2), Priority.MEDIUM: (3, 6, 6), Priority.LOW: (6,)}


def safety_walks(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """Per unit: completed walks in March and October (both in the dark), and a walk planned
    late in the year or a cancelled one (the first unit has both)."""
    walks = _Walks(year, promise_id)
    rng = walks.rng
    for unit in range(year.options.scale):
        yield walks.completed(month=3)
        yield walks.completed(month=10)
        planned = rng.random() < 0.6
        if unit == 0 or planned:
            yield walks.planned()
        if unit == 0 or not planned:
            yield walks.cancelled()


class _Walks:
    """The walks of one year, all drawn from one random stream."""

    def __init__(self, year: DemoYear, promise_id: str) -> None:
        self.year = year
        self.texts = year.content
        self.promise_id = promise_id
        self.rng = year.options.rng("safety_walk")
        self.category = Pick(
            [(category, spec.weight) for category, spec in self.texts.categories.items()]
        )

    def walk(
        self, day: dt.date, status: WalkStatus, start: dt.time, light: LightCondition, **rest: Any
    ) -> SafetyWalkData:
        """A walk at a place, along a route through three places, with details in `rest`."""
        year, rng = self.year, self.rng
        return SafetyWalkData(
            promise_id=self.promise_id,
            date=day,
            status=status,
            start_time=start,
            light=light,
            place_id=year.place(rng),
            route=" – ".join(year.place_names[p] for p in year.places(rng, 3)),
            **rest,
        )

    def completed(self, *, month: int) -> Pair:
        year, rng = self.year, self.rng
        early = month < 7  # by the end of the year most of its actions are closed
        day = dt.date(year.options.year, month, rng.randint(5, 26))
        categories = [self.category(rng) for _ in range(rng.randint(5, 10))]
        with_action = [
            c is not ObservationCategory.POSITIVE and rng.random() < 0.85 for c in categories
        ]
        statuses = [(_EARLY_STATUSES if early else _LATE_STATUSES)(rng) for _ in categories]
        if early:
            # Every state at least once per unit; the open action will be overdue by December.
            forced = list(ActionStatus)
            for index, status in zip(rng.sample(range(len(categories)), 4), forced, strict=True):
                if categories[index] is ObservationCategory.POSITIVE:
                    categories[index] = ObservationCategory.LIGHTING
                with_action[index] = True
                statuses[index] = status
        observations = []
        protocol = min(year.days_after(rng, day, 14, 28), year.end)
        last_change = protocol
        for category, has_action, status in zip(categories, with_action, statuses, strict=True):
            action = None
            if has_action:
                action = self.action(category, status, day)
                last_change = max(last_change, action.closed_on or last_change)
                year.tally(ACTIONS)
            observations.append(
                ObservationData(
                    id=new_uuid(rng),
                    category=category,
                    description=rng.choice(self.texts.categories[category].descriptions),
                    place_id=year.place(rng) if rng.random() < 0.9 else None,
                    action=action,
                )
            )
        year.tally(OBSERVATIONS, len(observations))
        data = self.walk(
            day,
            WalkStatus.COMPLETED,
            dt.time(18, 30) if rng.random() < 0.5 else dt.time(19, 0),
            LightCondition.DARK,
            participants=Participants(
                municipality=rng.randint(2, 4),
                police=rng.randint(1, 3),
                property_owners=rng.randint(0, 3),
                business=rng.randint(0, 3),
                associations=rng.randint(0, 3),
                residents=rng.randint(3, 15),
                politicians=rng.randint(0, 3),
                others=rng.randint(0, 2),
            ),
            observations=tuple(observations),
            preparatory_meeting_on=day - dt.timedelta(days=rng.randint(7, 21)),
            protocol_published_on=protocol,
            hours_spent=half_hours(rng.uniform(20, 40)) if rng.random() < 0.7 else None,
            notes=maybe(rng, 0.5, self.texts.completed_walk_notes),
        )
        entered = time_on(rng, year.days_after(rng, day, 1, 3), 9)
        changed = time_on(rng, min(last_change, year.end), 14)
        return meta(rng, MUNICIPALITY, entered, updated=changed), data

    def action(
        self, category: ObservationCategory, status: ActionStatus, day: dt.date
    ) -> ActionData:
        year, rng = self.year, self.rng
        spec = rng.choice(self.texts.categories[category].actions)
        priority = _PRIORITIES(rng)
        deadline = add_months(day, rng.choice(_DEADLINE_MONTHS[priority]))
        closed_on = None
        if status in (ActionStatus.DONE, ActionStatus.REJECTED):
            latest = min(year.end, deadline + dt.timedelta(days=30))
            closed_on = year.days_after(rng, day, 7, max(7, (latest - day).days))
        rejected = status is ActionStatus.REJECTED
        return ActionData(
            id=new_uuid(rng),
            what=spec.what,
            owner=spec.owner,
            owner_detail=spec.owner_detail,
            priority=priority,
            deadline=deadline,
            status=status,
            rejection_reason=rng.choice(self.texts.rejection_reasons) if rejected else "",
            closed_on=closed_on,
        )

    def planned(self) -> Pair:
        rng = self.rng
        day = dt.date(self.year.options.year, 12, rng.randint(1, 15))
        data = self.walk(
            day,
            WalkStatus.PLANNED,
            dt.time(18, 0),
            LightCondition.DARK,
            preparatory_meeting_on=day - dt.timedelta(days=rng.randint(7, 14)),
            notes=self.texts.planned_walk_note,
        )
        entered = time_on(rng, day - dt.timedelta(days=rng.randint(30, 45)), 10)
        return meta(rng, MUNICIPALITY, entered), data

    def cancelled(self) -> Pair:
        rng = self.rng
        month = rng.choice((5, 9))
        day = dt.date(self.year.options.year, month, rng.randint(5, 26))
        data = self.walk(
            day,
            WalkStatus.CANCELLED,
            dt.time(19, 0),
            LightCondition.DAYLIGHT if month == 5 else LightCondition.DARK,
            cancellation_reason=rng.choice(self.texts.cancellation_reasons),
            hours_spent=half_hours(rng.uniform(2, 6)),
        )
        entered = time_on(rng, day - dt.timedelta(days=rng.randint(25, 40)), 10)
        cancelled = time_on(rng, day - dt.timedelta(days=rng.randint(1, 3)), 11)
        return meta(rng, MUNICIPALITY, entered, updated=cancelled), data


SAFETY_WALK_DEMO = DemoRecords(
    "Trygghetsvandringar", "municipality", safety_walks, (OBSERVATIONS, ACTIONS)
)
