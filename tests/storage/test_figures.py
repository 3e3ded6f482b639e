"""FigureService on a real file: period edges, shifts across midnight and quarter ends, leap
years, deleted records, walks and actions, drug cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    NotificationKind,
    ObservationCategory,
    WalkStatus,
)
from loften_app.domain.periods import month, quarter, year
from loften_app.domain.records import (
    ActionData,
    ObservationData,
    Participants,
    SafetyWalkData,
    ShopVisitData,
    VolunteerDeploymentData,
)
from loften_app.storage.services import Services
from loften_app.storage.services.figures import FigureService, PromiseFigures
from tests.factories import drug_case_on as case
from tests.factories import period_figures as figures
from tests.factories import shift_patrol as patrol


def test_a_shift_across_midnight_and_a_quarter_end_counts_whole_in_its_dates_quarter(
    services: Services, ids: dict[str, str]
) -> None:
    services.patrols.add(data=patrol(ids, dt.date(2018, 3, 31), 21, 2))
    services.patrols.add(data=patrol(ids, dt.date(2018, 3, 31), 10, 12))
    q1 = figures(services, ids, quarter(2018, 1))
    q2 = figures(services, ids, quarter(2018, 2))
    # Both start on 31 March: records and hours belong to Q1, as in the list and the export.
    assert (q1.patrols, q2.patrols) == (2, 0)
    assert q1.patrol_hours == pytest.approx(5 + 2)
    assert q1.patrol_hours_evening_night == pytest.approx(5)
    assert (q2.patrol_hours, q2.patrol_hours_evening_night) == (0, 0)
    whole = figures(services, ids, year(2018))
    assert whole.patrol_hours == pytest.approx(7)
    assert whole.patrol_hours_evening_night == pytest.approx(5)


def test_a_new_years_eve_shift_keeps_its_hours_after_midnight_in_its_year(
    services: Services, ids: dict[str, str]
) -> None:
    services.patrols.add(data=patrol(ids, dt.date(2017, 12, 31), 22, 4))
    old_year = figures(services, ids, year(2017))
    assert (old_year.patrols, old_year.patrol_hours) == (1, pytest.approx(6))
    assert old_year.patrol_hours_evening_night == pytest.approx(6)
    new_year = figures(services, ids, year(2018))
    assert (new_year.patrols, new_year.patrol_hours) == (0, 0)


def test_evening_and_night_hours_are_the_part_between_18_and_06(
    services: Services, ids: dict[str, str]
) -> None:
    services.patrols.add(data=patrol(ids, dt.date(2018, 5, 8), 16, 7))  # 15 h, 12 of them night
    services.patrols.add(data=patrol(ids, dt.date(2018, 5, 9), 8, 17))  # daytime only
    f = figures(services, ids, month(2018, 5))
    assert f.patrol_hours == pytest.approx(24)
    assert f.patrol_hours_evening_night == pytest.approx(12)


def test_leap_day_belongs_to_february_with_its_whole_night_shift(
    services: Services, ids: dict[str, str]
) -> None:
    services.patrols.add(data=patrol(ids, dt.date(2020, 2, 29), 23, 3))
    february = figures(services, ids, month(2020, 2))
    assert (february.patrols, february.patrol_hours) == (1, pytest.approx(4))
    assert figures(services, ids, month(2020, 3)).patrol_hours == 0


def test_shop_visits_count_and_deleted_records_never_count(
    services: Services, ids: dict[str, str]
) -> None:
    visits = tuple(ShopVisitData(shop_id=ids[f"shop{n}"]) for n in range(3))
    kept = services.patrols.add(data=patrol(ids, dt.date(2018, 4, 2), 19, 23, shop_visits=visits))
    gone = services.patrols.add(data=patrol(ids, dt.date(2018, 4, 3), 19, 23, shop_visits=visits))
    services.patrols.delete(id=gone.id)
    f = figures(services, ids, quarter(2018, 2))
    assert (f.patrols, f.shop_visits, f.patrol_hours) == (1, 3, pytest.approx(4))
    assert kept.data.shop_visit_count == 3


def test_an_empty_period_has_zeros_and_no_medians(services: Services, ids: dict[str, str]) -> None:
    f = figures(services, ids, quarter(2018, 4))
    assert f == PromiseFigures(drug_cases_by_age={}, contact_days={})


def deployment(ids: dict[str, str], on: dt.date, **rest: Any) -> VolunteerDeploymentData:
    values: dict[str, Any] = {
        "promise_id": ids["volunteers"],
        "date": on,
        "start_time": dt.time(20),
        "end_time": dt.time(2),
        "volunteers": 3,
        "place_ids": (ids["place"],),
    }
    values.update(rest)
    return VolunteerDeploymentData(**values)


def test_volunteer_hours_and_consultation(services: Services, ids: dict[str, str]) -> None:
    services.volunteer_deployments.add(
        data=deployment(ids, dt.date(2018, 6, 30), with_municipality=True)
    )
    services.volunteer_deployments.add(
        data=deployment(ids, dt.date(2018, 5, 1), volunteer_hours_override=10.0, with_business=True)
    )
    q2 = figures(services, ids, quarter(2018, 2))
    assert q2.deployments == 2
    # 3 volunteers × 6 h (20:00–02:00 on 30 June, whole in its date's quarter) plus 10 h.
    assert q2.volunteer_hours == pytest.approx(18 + 10)
    assert figures(services, ids, quarter(2018, 3)).volunteer_hours == 0
    assert (q2.deployments_with_municipality, q2.deployments_with_business) == (1, 1)


def walk(ids: dict[str, str], on: dt.date, status: WalkStatus, *actions: ActionData) -> Any:
    observations = tuple(
        ObservationData(category=ObservationCategory.LIGHTING, description="Mörkt", action=a)
        for a in actions
    )
    return SafetyWalkData(
        promise_id=ids["walk"],
        date=on,
        status=status,
        place_id=ids["place"],
        participants=Participants(municipality=2, residents=5),
        observations=observations,
        cancellation_reason="Snöstorm" if status is WalkStatus.CANCELLED else "",
    )


def action(deadline: dt.date, status: ActionStatus, closed: dt.date | None = None) -> ActionData:
    return ActionData(
        what="Byta lampor",
        owner=ActionOwner.MUNICIPAL_OFFICE,
        deadline=deadline,
        status=status,
        closed_on=closed,
        rejection_reason="Ej vår mark" if status is ActionStatus.REJECTED else "",
    )


def test_walks_planned_are_counted_apart_and_actions_as_of_a_date(
    services: Services, ids: dict[str, str]
) -> None:
    services.safety_walks.add(
        data=walk(
            ids,
            dt.date(2018, 3, 20),
            WalkStatus.COMPLETED,
            action(dt.date(2018, 5, 1), ActionStatus.OPEN),
            action(dt.date(2018, 5, 1), ActionStatus.DONE, dt.date(2018, 4, 20)),
            action(dt.date(2018, 5, 1), ActionStatus.DONE, dt.date(2018, 6, 20)),
            action(dt.date(2018, 12, 1), ActionStatus.IN_PROGRESS),
        )
    )
    services.safety_walks.add(data=walk(ids, dt.date(2018, 10, 4), WalkStatus.PLANNED))
    services.safety_walks.add(data=walk(ids, dt.date(2018, 4, 4), WalkStatus.CANCELLED))
    deleted = services.safety_walks.add(data=walk(ids, dt.date(2018, 5, 5), WalkStatus.COMPLETED))
    services.safety_walks.delete(id=deleted.id)
    service = FigureService(services.database)
    by_promise = service.period_figures(
        period=year(2018), promise_ids=[ids["walk"]], as_of=dt.date(2018, 6, 1)
    )
    f = by_promise[ids["walk"]]
    assert (f.walks_completed, f.walks_planned, f.walks_cancelled) == (1, 1, 1)
    assert (f.walks_planned_ahead, f.next_planned_walk) == (1, dt.date(2018, 10, 4))
    # On 1 June: the one closed in June is still open; three open, two past their deadline.
    assert (f.actions_open, f.actions_overdue) == (3, 2)
    assert (f.actions_due, f.actions_closed_by_deadline) == (3, 1)
    later = service.period_figures(
        period=year(2018), promise_ids=[ids["walk"]], as_of=dt.date(2019, 1, 1)
    )[ids["walk"]]
    assert (later.walks_planned_ahead, later.actions_open, later.actions_overdue) == (0, 2, 2)


def test_drug_cases_by_age_notified_and_days_to_contact(
    services: Services, ids: dict[str, str]
) -> None:
    services.drug_cases.add(
        data=case(
            ids,
            dt.date(2018, 3, 31),
            1,
            municipality_notified_on=dt.date(2018, 3, 31),
            notification_kind=NotificationKind.REPORT_OF_CONCERN,
        )
    )
    services.drug_cases.add(data=case(ids, dt.date(2018, 2, 1), 4, age_group=AgeGroup.AGE_18_25))
    services.drug_cases.add(data=case(ids, dt.date(2018, 1, 5), None))
    services.drug_cases.add(data=case(ids, dt.date(2018, 4, 1), 0))
    q1 = figures(services, ids, quarter(2018, 1))
    assert q1.drug_cases == 3
    assert q1.drug_cases_by_age == {
        AgeGroup.UNDER_18: 2,
        AgeGroup.AGE_18_25: 1,
        AgeGroup.AGE_26_PLUS: 0,
    }
    assert q1.drug_cases_notified == 1
    assert q1.contact_days == {1: 1, 4: 1}
    assert dataclasses.replace(q1).records == 3


#: The walk actions' figures as one SQL statement per window (the definition the figures had
#: before they were added up from groups read once): the reference they must equal.
_ACTIONS_BY_WINDOW = """
SELECT total(open), total(open AND a.deadline < :ref),
       total(a.deadline BETWEEN :start AND :ref),
       total(a.deadline BETWEEN :start AND :ref AND a.status IN ('done', 'rejected')
             AND a.closed_on IS NOT NULL AND a.closed_on <= a.deadline)
FROM (SELECT *, NOT (status IN ('done', 'rejected')
                     AND (closed_on IS NULL OR closed_on <= :ref)) AS open
      FROM walk_action) AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
WHERE w.deleted_at IS NULL AND w.date <= :ref AND w.promise_id = :promise
"""


def test_actions_of_every_window_and_as_of_date_equal_a_count_per_window(
    services: Services, ids: dict[str, str]
) -> None:
    statuses = [ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.REJECTED, ActionStatus.DONE]
    for n in range(12):
        on = dt.date(2018, 1, 10) + dt.timedelta(days=29 * n)
        actions = [
            action(
                on + dt.timedelta(days=20 + 11 * k),
                status,
                None if status is ActionStatus.OPEN else on + dt.timedelta(days=10 + 13 * k),
            )
            for k, status in enumerate(statuses[: 1 + n % 4])
        ]
        services.safety_walks.add(data=walk(ids, on, WalkStatus.COMPLETED, *actions))
    service = FigureService(services.database)  # one service: the groups are read once
    for period in (year(2018), quarter(2018, 2), quarter(2018, 3), month(2018, 11)):
        for as_of in (dt.date(2018, 3, 31), dt.date(2018, 8, 15), dt.date(2019, 1, 1)):
            f = service.period_figures(period=period, promise_ids=[ids["walk"]], as_of=as_of)[
                ids["walk"]
            ]
            parameters = {
                "start": period.start.isoformat(),
                "ref": min(as_of, period.end).isoformat(),
                "promise": ids["walk"],
            }
            with services.database.reading() as session:
                row = session.execute(text(_ACTIONS_BY_WINDOW), parameters).one()
            expected = tuple(int(v or 0) for v in row)
            got = (f.actions_open, f.actions_overdue, f.actions_due, f.actions_closed_by_deadline)
            assert got == expected, (period, as_of)
