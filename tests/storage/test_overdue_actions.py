"""Overdue walk actions across all walks as of a date: listed oldest deadline first and counted
in SQL, the same as reading every walk."""

from __future__ import annotations

import datetime as dt

from loften_app.domain.enums import ActionStatus, Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import Database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.report_queries import ReportQueries


def brute_force(services: Services, on: dt.date) -> list[tuple[dt.date, str]]:
    """(deadline, walk id) of every action of a walk dated on or before `on` that is open on
    `on` (not closed, as done or rejected, by then) and past its deadline, read walk by walk."""
    found = []
    for walk in services.safety_walks.list_page(filter=RecordFilter(), limit=10_000).items:
        if walk.data.date > on:
            continue
        for observation in walk.data.observations:
            action = observation.action
            if action is None or action.deadline is None or action.deadline >= on:
                continue
            closed = action.status in (ActionStatus.DONE, ActionStatus.REJECTED) and (
                action.closed_on is None or action.closed_on <= on
            )
            if not closed:
                found.append((action.deadline, walk.id))
    return sorted(found)


def test_overdue_actions_match_the_walks_and_come_oldest_first(database: Database) -> None:
    actor = Actor("Anna", Organisation.MUNICIPALITY)
    fill_demo_data(database, actor, DemoOptions(year=2018))
    services = Services.build(database, actor)
    queries = ReportQueries(database)
    ids = [p.id for p in services.promises.list_page(limit=100).items]
    for on in (dt.date(2018, 1, 1), dt.date(2018, 9, 20), dt.date(2019, 6, 1)):
        expected = brute_force(services, on)
        assert queries.count_overdue_actions(ref=on, promise_ids=ids) == len(expected)
        listed = queries.overdue_actions(ref=on, promise_ids=ids)
        assert [(a.deadline, a.walk_id) for a in listed] == expected
        first = queries.overdue_actions(ref=on, promise_ids=ids, limit=3)
        assert first == listed[:3]
        # The overview's one pass: the first few and how many in all.
        assert queries.overdue_actions_counted(ref=on, promise_ids=ids, limit=3) == (
            first,
            len(expected),
        )
    assert queries.count_overdue_actions(ref=dt.date(2019, 6, 1), promise_ids=ids) > 0
