"""Shift hours in SQL agree with `domain.shifts`, the rule's own statement, for random shifts
and random periods (months, quarters, odd spans): a shift counts whole, with its record, in the
period of its date (docs/figures.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from loften_app.domain import shifts
from loften_app.domain.periods import Period, month, quarter
from loften_app.domain.records import VolunteerDeploymentData
from loften_app.storage.services import Services
from loften_app.storage.services.figures import FigureService, PromiseFigures
from tests.factories import shift_patrol as patrol

START = dt.date(2018, 1, 25)


def random_time(rng: random.Random) -> dt.time:
    return dt.time(rng.randrange(24), rng.choice([0, 15, 30, 45]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_hours_equal_the_domain_rule(
    services: Services, ids: dict[str, str], seed: int
) -> None:
    rng = random.Random(seed)
    shifts_made: list[tuple[dt.date, dt.time, dt.time, int, float | None]] = []
    for _ in range(60):
        on = START + dt.timedelta(days=rng.randrange(75))
        start, end = random_time(rng), random_time(rng)
        if start == end:
            continue
        services.patrols.add(
            data=dataclasses.replace(patrol(ids, on, 0, 1), start_time=start, end_time=end)
        )
        volunteers = rng.randint(1, 6)
        override = rng.choice([None, None, float(rng.randint(1, 20 * volunteers))])
        services.volunteer_deployments.add(
            data=VolunteerDeploymentData(
                promise_id=ids["volunteers"],
                date=on,
                start_time=start,
                end_time=end,
                place_ids=(ids["place"],),
                volunteers=volunteers,
                volunteer_hours_override=override,
            )
        )
        shifts_made.append((on, start, end, volunteers, override))
    periods = [month(2018, 1), month(2018, 2), month(2018, 3), quarter(2018, 1)]
    for _ in range(12):
        first = START + dt.timedelta(days=rng.randrange(-5, 80))
        periods.append(Period(first, first + dt.timedelta(days=rng.randrange(0, 40))))
    service = FigureService(services.database)
    for period in periods:
        hours = night = volunteer_hours = 0.0
        for on, start, end, volunteers, override in shifts_made:
            if not period.contains(on):
                continue
            duration = shifts.shift_hours(on, start, end)
            hours += duration
            night += shifts.evening_night_hours(on, start, end)
            volunteer_hours += override if override is not None else volunteers * duration
        got = PromiseFigures.total(
            service.period_figures(
                period=period, promise_ids=[ids["patrol"], ids["volunteers"]], as_of=period.end
            ).values()
        )
        assert got.patrol_hours == pytest.approx(hours), period
        assert got.patrol_hours_evening_night == pytest.approx(night), period
        assert got.volunteer_hours == pytest.approx(volunteer_hours), period
        counted = sum(1 for on, *_ in shifts_made if period.contains(on))
        assert (got.patrols, got.deployments) == (counted, counted), period
        assert type(got.patrols) is type(got.deployments) is type(got.records) is int
