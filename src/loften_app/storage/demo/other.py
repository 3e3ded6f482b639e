"""Other activities tied to the promises, and a value per quarter for every indicator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from loften_app.domain.enums import NeighbourhoodMeeting
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.domain.records import IndicatorValueData, OtherActivityData
from loften_app.storage.demo.common import MUNICIPALITY, Pair, half_hours, meta, time_on
from loften_app.storage.demo.year import DemoYear


def other_activities(year: DemoYear) -> Iterator[Pair]:
    """About ten activities per unit (meetings, school visits, ...) for the promises there are."""
    rng = year.options.rng("other")
    promises = year.registers.promises
    kinds = [spec for spec in year.content.other_activities if spec.promise_type in promises]
    if not kinds:
        return
    for _ in range(year.total(rng, 9, 11)):
        spec = rng.choice(kinds)
        day = year.weekday(rng)
        data = OtherActivityData(
            promise_id=promises[spec.promise_type],
            date=day,
            what=spec.what,
            place_id=year.place_like(rng, spec.near),
            count=rng.randint(*spec.count),
            hours_spent=half_hours(rng.uniform(*spec.hours)),
            notes=spec.notes,
        )
        yield meta(rng, spec.role, time_on(rng, day, 15)), data


def neighbourhood_watch(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """Grannsamverkan: a meeting or information evening a month or so, with the households it
    reached and now and then a new group."""
    rng = year.options.rng("neighbourhood_watch")
    notes = year.content.neighbourhood_watch_notes or ("",)
    for _ in range(year.total(rng, 8, 12)):
        day = year.weekday(rng)
        evening = rng.random() < 0.4
        place = (
            year.place_like(rng, rng.choice(("centrum", "torg")))
            or rng.choice(year.registers.places)[0]
        )
        data = NeighbourhoodWatchData(
            promise_id=promise_id,
            date=day,
            meeting=(
                NeighbourhoodMeeting.INFORMATION_EVENING
                if evening
                else NeighbourhoodMeeting.MEETING
            ),
            place_ids=(place,),
            households_reached=rng.randint(8, 60),
            new_groups=1 if rng.random() < 0.3 else 0,
            participants=rng.randint(6, 40),
            with_police=True,
            with_municipality=rng.random() < 0.7,
            with_landlord=rng.random() < 0.4,
            with_association=rng.random() < 0.3,
            hours_spent=half_hours(rng.uniform(2, 5)),
            notes=rng.choice(notes),
        )
        yield meta(rng, MUNICIPALITY, time_on(rng, day, 16)), data


def indicator_values(year: DemoYear, existing: set[tuple[str, str]]) -> Iterator[Pair]:
    """A value per quarter for every indicator, leaving alone the quarters already given."""
    rng = year.options.rng("indicators")
    for indicator_id, unit in year.registers.indicators:
        level = rng.uniform(25, 40)
        for quarter in range(1, 5):
            level = max(0.0, level + rng.uniform(-3, 1.5))
            value = round(level, 1) if unit.strip() == "%" else float(rng.randint(3, 18))
            key = f"{year.options.year}-Q{quarter}"
            if (indicator_id, key) in existing:
                continue
            data = IndicatorValueData(
                indicator_id=indicator_id,
                period_key=key,
                value=value,
                source_note=year.content.indicator_source_note,
            )
            reported = dt.date(year.options.year, 3 * quarter, 1) + dt.timedelta(days=45)
            yield meta(rng, MUNICIPALITY, time_on(rng, reported, 10)), data
