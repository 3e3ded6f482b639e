"""FigureService's monthly cache: a period is the sum of its months, partial months are exact,
and any commit (this process or another) empties the cache."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

from loften_app.domain.enums import AgeGroup, Organisation
from loften_app.domain.periods import Period, month, quarter, year
from loften_app.domain.records import Actor, VolunteerDeploymentData
from loften_app.storage.database import Database, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.figures import FigureService, PromiseFigures
from tests.factories import drug_case_on as case
from tests.factories import shift_patrol as patrol


def total(service: FigureService, ids: dict[str, str], period: Period) -> PromiseFigures:
    promise_ids = [ids[k] for k in ("patrol", "walk", "volunteers", "drugs")]
    result = service.period_figures(period=period, promise_ids=promise_ids, as_of=period.end)
    return PromiseFigures.total(result.values())


def approx(f: PromiseFigures) -> dict[str, object]:
    return {
        k: pytest.approx(v) if isinstance(v, float) else v for k, v in dataclasses.asdict(f).items()
    }


def fill(services: Services, ids: dict[str, str], seed: int) -> None:
    """Shifts on month ends, year ends and ordinary days, deployments and cases."""
    rng = random.Random(seed)
    days = [dt.date(2018, m, 1) - dt.timedelta(days=1) for m in range(1, 13)]  # month ends
    days += [dt.date(2018, 12, 31), dt.date(2018, 2, 28), dt.date(2018, 7, 15)]
    for on in days:
        start = rng.choice([8, 17, 21, 23])
        services.patrols.add(data=patrol(ids, on, start, (start + rng.randint(2, 9)) % 24))
        services.volunteer_deployments.add(
            data=VolunteerDeploymentData(
                promise_id=ids["volunteers"],
                date=on,
                start_time=dt.time(start),
                end_time=dt.time((start + 4) % 24),
                place_ids=(ids["place"],),
                volunteers=rng.randint(1, 5),
                with_municipality=rng.random() < 0.5,
            )
        )
        services.drug_cases.add(
            data=case(ids, on, rng.choice([None, 0, 1, 3]), age_group=rng.choice(list(AgeGroup)))
        )


def test_a_period_is_the_same_from_the_cache_as_computed_afresh(
    services: Services, ids: dict[str, str]
) -> None:
    fill(services, ids, seed=3)
    cached = FigureService(services.database)
    periods = [year(2018), quarter(2018, 1), quarter(2018, 4), month(2018, 2), month(2018, 3)]
    # Periods that are not whole months: partial months at either end, one day, one month end.
    periods += [
        Period(dt.date(2018, 1, 15), dt.date(2018, 8, 31)),
        Period(dt.date(2018, 2, 1), dt.date(2018, 2, 28)),
        Period(dt.date(2018, 3, 31), dt.date(2018, 3, 31)),
        Period(dt.date(2017, 12, 1), dt.date(2018, 1, 10)),
    ]
    for period in periods + periods:  # the second time from the cache
        expected = total(FigureService(services.database), ids, period)
        assert approx(total(cached, ids, period)) == approx(expected), period


def test_a_year_is_the_sum_of_its_months_and_of_its_quarters(
    services: Services, ids: dict[str, str]
) -> None:
    fill(services, ids, seed=7)
    service = FigureService(services.database)
    whole = total(service, ids, year(2018))
    months = PromiseFigures.total(total(service, ids, month(2018, m)) for m in range(1, 13))
    quarters = PromiseFigures.total(total(service, ids, quarter(2018, q)) for q in range(1, 5))
    assert approx(months) == approx(whole)
    assert approx(quarters) == approx(whole)
    assert whole.patrols == 14  # 11 month ends in 2018 (31 Dec 2017 is not), 3 more days


def test_a_shift_across_a_month_end_counts_whole_in_the_month_of_its_date(
    services: Services, ids: dict[str, str]
) -> None:
    service = FigureService(services.database)
    assert total(service, ids, month(2018, 1)).patrol_hours == 0  # cached empty first
    services.patrols.add(data=patrol(ids, dt.date(2018, 1, 31), 21, 2))
    assert total(service, ids, month(2018, 1)).patrol_hours == pytest.approx(5)
    assert total(service, ids, month(2018, 2)).patrol_hours == 0


def test_a_save_in_this_process_or_another_empties_the_cache(
    services: Services, ids: dict[str, str], db_path: Path
) -> None:
    service = FigureService(services.database)
    assert total(service, ids, year(2018)).patrols == 0
    services.patrols.add(data=patrol(ids, dt.date(2018, 5, 5), 19, 22))
    assert total(service, ids, year(2018)).patrols == 1
    with open_database(db_path, create=False) as other:
        elsewhere = Services.build(other, Actor("Polis", Organisation.POLICE))
        elsewhere.patrols.add(data=patrol(ids, dt.date(2018, 6, 6), 19, 22))
    assert total(service, ids, year(2018)).patrols == 2
    assert total(service, ids, quarter(2018, 2)).patrol_hours == pytest.approx(6)


@pytest.fixture
def demo(database: Database) -> Services:
    actor = Actor("Anna", Organisation.MUNICIPALITY)
    fill_demo_data(database, actor, DemoOptions(year=2018))
    return Services.build(database, actor)


def test_monthly_counts_equal_the_records_counted_month_by_month(demo: Services) -> None:
    services = demo
    ids = [p.id for p in services.promises.list_page(limit=100).items]
    counts = services.figures.monthly_counts(period=year(2018), promise_ids=ids)
    tables = {
        "patrol": (services.patrols, None),
        "safety_walk": (services.safety_walks, "completed"),
        "volunteer_deployment": (services.volunteer_deployments, None),
        "drug_case": (services.drug_cases, None),
        "other_activity": (services.other_activities, None),
    }
    for table, (service, status) in tables.items():
        for number in range(1, 13):
            period = month(2018, number)
            expected = service.count(filter=RecordFilter(period=period, status=status))
            assert counts.get(table, {}).get(period.start.isoformat()[:7], 0) == expected
        assert sum(counts[table].values()) > 0, table
