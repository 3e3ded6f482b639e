"""Presence in the streets: police patrols with their shop visits, and volunteer deployments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from loften_app.domain.enums import PatrolMode, VolunteerTask
from loften_app.domain.records import PatrolData, ShopVisitData, VolunteerDeploymentData
from loften_app.storage.demo.common import (
    POLICE,
    Pair,
    Pick,
    distinct,
    half_hours,
    maybe,
    meta,
    named,
    new_uuid,
    shift,
    time_on,
)
from loften_app.storage.demo.year import DemoRecords, DemoYear

SHOP_VISITS = "Butiksbesök"

_SHIFTS = Pick(
    [
        (shift("18:00", "23:00"), 30),
        (shift("19:00", "00:00"), 8),
        (shift("20:00", "02:00"), 20),
        (shift("21:00", "03:00"), 15),
        (shift("22:00", "03:00"), 5),
        (shift("10:00", "14:00"), 8),
        (shift("13:00", "17:00"), 8),
        (shift("15:30", "20:00"), 6),
    ]
)
_MODES = named(PatrolMode, FOOT=50, CAR=35, BICYCLE=10)
_OFFICERS = Pick([(1, 10), (2, 55), (3, 20), (4, 15)])
_VISITS = Pick([(0, 25), (1, 30), (2, 25), (3, 12), (4, 8)])
#: Disturbances noted on a patrol, observations passed on by volunteers.
SMALL_COUNT = Pick([(0, 72), (1, 17), (2, 8), (3, 3)])
_DRUG_USE_COUNT = Pick([(0, 82), (1, 11), (2, 5), (3, 2)])

_VOLUNTEER_TASKS = named(
    VolunteerTask, PRESENCE=70, EVENT=15, INFORMATION=10, VICTIM_SUPPORT=3, OTHER=2
)
_NIGHT_SHIFTS = Pick(
    [
        (shift("20:00", "01:00"), 35),
        (shift("21:00", "02:00"), 35),
        (shift("19:00", "23:00"), 20),
        (shift("22:00", "03:00"), 10),
    ]
)
_INFORMATION_SHIFT = shift("16:00", "19:00")
_OTHER_SHIFT = shift("18:00", "22:00")
_VOLUNTEERS = Pick([(2, 15), (3, 25), (4, 25), (5, 15), (6, 10), (7, 5), (8, 5)])


def patrols(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """About 150 patrols per unit of scale, most of them in the evening and at weekends."""
    rng = year.options.rng("patrol")
    texts = year.content
    shop_count = len(year.registers.shops)
    for _ in range(year.total(rng, 140, 160)):
        day = year.any_day(rng)
        start, end, hours = _SHIFTS(rng)
        officers = _OFFICERS(rng)
        visits = tuple(
            ShopVisitData(id=new_uuid(rng), shop_id=shop, note=maybe(rng, 0.3, texts.visit_notes))
            for shop in distinct(rng, year.shop, min(_VISITS(rng), shop_count))
        )
        year.tally(SHOP_VISITS, len(visits))
        data = PatrolData(
            promise_id=promise_id,
            date=day,
            start_time=start,
            end_time=end,
            place_ids=year.places(rng, rng.choice((1, 1, 2, 2, 3))),
            mode=_MODES(rng) if rng.random() < 0.97 else PatrolMode.OTHER,
            officers=officers,
            shop_visits=visits,
            disturbances=SMALL_COUNT(rng),
            visible_drug_use=_DRUG_USE_COUNT(rng),
            hours_spent=half_hours(hours * officers + 0.5) if rng.random() < 0.35 else None,
            notes=maybe(rng, 0.2, texts.patrol_notes),
        )
        entered = time_on(rng, day + dt.timedelta(days=1), 7, hours=3)
        yield meta(rng, POLICE, entered), data


def volunteer_deployments(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """About 40 deployments per unit: night walks at weekends, events, information days."""
    rng = year.options.rng("volunteers")
    texts = year.content
    for _ in range(year.total(rng, 38, 42)):
        task = _VOLUNTEER_TASKS(rng)
        if task is VolunteerTask.EVENT:
            event = rng.choice(texts.events)
            day = dt.date(year.options.year, event.month, event.day)
            start, end, hours = event.shift
            notes = texts.event_note.format(event=event.name)
        else:
            if task is VolunteerTask.PRESENCE:
                day, (start, end, hours) = year.weekend(rng), _NIGHT_SHIFTS(rng)
            elif task is VolunteerTask.INFORMATION:
                day, (start, end, hours) = year.weekday(rng), _INFORMATION_SHIFT
            else:
                day, (start, end, hours) = year.any_day(rng), _OTHER_SHIFT
            notes = maybe(rng, 0.35, texts.volunteer_notes[task])
        volunteers = _VOLUNTEERS(rng)
        business_share = 0.8 if task in (VolunteerTask.EVENT, VolunteerTask.INFORMATION) else 0.45
        data = VolunteerDeploymentData(
            promise_id=promise_id,
            date=day,
            start_time=start,
            end_time=end,
            place_ids=year.places(rng, rng.choice((1, 1, 2))),
            task=task,
            volunteers=volunteers,
            volunteer_hours_override=half_hours(volunteers * (hours - 0.5))
            if rng.random() < 0.05
            else None,
            with_municipality=rng.random() < 0.8,
            with_business=rng.random() < business_share,
            observations_passed=SMALL_COUNT(rng),
            hours_spent=half_hours(rng.uniform(1, 3)) if rng.random() < 0.4 else None,
            notes=notes,
        )
        entered = time_on(rng, year.days_after(rng, day, 1, 2), 8, hours=3)
        yield meta(rng, POLICE, entered), data


PATROL_DEMO = DemoRecords("Patrullpass", "police", patrols, (SHOP_VISITS,))
VOLUNTEER_DEMO = DemoRecords("Volontärinsatser", "police", volunteer_deployments)
