"""Other activities tied to the promises, and a value per quarter for every indicator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from loften_app.domain.records import IndicatorValueData, OtherActivityData
from loften_app.storage.demo.common import MUNICIPALITY, Pair, half_hours, meta, time_on
from loften_app.storage.demo.year import DemoRecords, DemoYear


def other_activities(year: DemoYear, promise_id: str | None = None) -> Iterator[Pair]:
    """About ten activities per unit (meetings, school visits, ...) for the promises there are
    (each to the promise of its spec: `promise_id`, None for this kind, is not used)."""
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


OTHER_ACTIVITY_DEMO = DemoRecords("Övriga aktiviteter", "municipality", other_activities)
