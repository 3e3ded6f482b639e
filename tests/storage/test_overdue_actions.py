"""Overdue walk actions across all walks: counted in SQL, listed oldest deadline first."""

from __future__ import annotations

import datetime as dt

from loften_app.domain.enums import ActionStatus, Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import Database
from loften_app.storage.demo import DemoOptions, fill_demo_data
from loften_app.storage.services import RecordFilter, Services


def brute_force(services: Services, on: dt.date) -> list[tuple[dt.date, str]]:
    """(deadline, walk id) of every open action past its deadline, read walk by walk."""
    found = []
    for walk in services.safety_walks.list_page(filter=RecordFilter(), limit=10_000).items:
        for observation in walk.data.observations:
            action = observation.action
            if (
                action is not None
                and action.status not in (ActionStatus.DONE, ActionStatus.REJECTED)
                and action.deadline is not None
                and action.deadline < on
            ):
                found.append((action.deadline, walk.id))
    return sorted(found)


def test_overdue_actions_match_the_walks_and_come_oldest_first(database: Database) -> None:
    actor = Actor("Anna", Organisation.MUNICIPALITY)
    fill_demo_data(database, actor, DemoOptions(year=2018))
    services = Services.build(database, actor)
    for on in (dt.date(2018, 1, 1), dt.date(2018, 9, 20), dt.date(2019, 6, 1)):
        expected = brute_force(services, on)
        assert services.safety_walks.count_overdue_actions(on=on) == len(expected)
        listed = services.safety_walks.overdue_actions(on=on)
        assert [(a.action.deadline, a.walk_id) for a in listed] == expected
        first = services.safety_walks.overdue_actions(on=on, limit=3)
        assert first == listed[:3]
    assert services.safety_walks.count_overdue_actions(on=dt.date(2019, 6, 1)) > 0
