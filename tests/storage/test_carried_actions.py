"""Open actions carry over: the next walk in the same area sees the earlier walks' open ones."""

from __future__ import annotations

import datetime as dt

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    ObservationCategory,
    PromiseType,
    WalkStatus,
)
from loften_app.domain.records import (
    ActionData,
    AgreementData,
    ObservationData,
    Participants,
    SafetyWalkData,
    Stored,
)
from loften_app.storage.services import Services
from tests.factories import place, promise_of

CLOSED = (ActionStatus.DONE, ActionStatus.REJECTED)


def action(what: str, status: ActionStatus, deadline: dt.date | None = None) -> ActionData:
    return ActionData(
        what=what,
        owner=ActionOwner.MUNICIPAL_OFFICE,
        status=status,
        deadline=deadline,
        rejection_reason="Ingen budget" if status is ActionStatus.REJECTED else "",
        closed_on=dt.date(2018, 3, 1) if status in CLOSED else None,
    )


def walk(
    services: Services,
    promise_id: str,
    place_id: str,
    date: dt.date,
    actions: list[ActionData],
) -> str:
    data = SafetyWalkData(
        promise_id=promise_id,
        date=date,
        status=WalkStatus.COMPLETED,
        place_id=place_id,
        participants=Participants(municipality=2, police=1),
        observations=tuple(
            ObservationData(
                category=ObservationCategory.LIGHTING, description=f"Iakttagelse {a.what}", action=a
            )
            for a in actions
        ),
    )
    return services.safety_walks.add(data=data).id


def test_open_actions_of_earlier_walks_in_the_area_carry_over(
    services: Services, agreement: Stored[AgreementData]
) -> None:
    promise = promise_of(services, agreement, PromiseType.SAFETY_WALK)
    centre, square = place(services, "Centrum"), place(services, "Stora torget")
    first = walk(
        services,
        promise,
        centre,
        dt.date(2018, 2, 1),
        [
            action("öppen", ActionStatus.OPEN, dt.date(2018, 9, 1)),
            action("pågående", ActionStatus.IN_PROGRESS, dt.date(2018, 4, 1)),
            action("åtgärdad", ActionStatus.DONE),
            action("avslagen", ActionStatus.REJECTED),
        ],
    )
    gone = walk(
        services, promise, centre, dt.date(2018, 3, 1), [action("borta", ActionStatus.OPEN)]
    )
    services.safety_walks.delete(id=gone)
    walk(services, promise, square, dt.date(2018, 3, 1), [action("torget", ActionStatus.OPEN)])
    walk(services, promise, centre, dt.date(2018, 6, 1), [action("senare", ActionStatus.OPEN)])
    current = walk(
        services, promise, centre, dt.date(2018, 5, 1), [action("denna", ActionStatus.OPEN)]
    )

    carried = services.safety_walks.open_actions_in_area(
        place_id=centre, before=dt.date(2018, 6, 1), exclude_walk_id=current
    )

    assert [c.action.what for c in carried] == ["pågående", "öppen"]  # oldest deadline first
    assert {c.walk_id for c in carried} == {first}
    assert carried[0].walk_date == dt.date(2018, 2, 1)
    assert carried[0].observation == "Iakttagelse pågående"
    assert carried[0].category is ObservationCategory.LIGHTING
    assert carried[0].action.status is ActionStatus.IN_PROGRESS
    assert carried[0].action.id
    with_current = services.safety_walks.open_actions_in_area(
        place_id=centre, before=dt.date(2018, 6, 1)
    )
    assert [c.action.what for c in with_current] == ["pågående", "öppen", "denna"]
    # A walk is not before its own date.
    first_day = dt.date(2018, 2, 1)
    assert services.safety_walks.open_actions_in_area(place_id=centre, before=first_day) == []
