"""Read-only figures for a period, aggregated in SQL (the target engine's input).

`FigureService.period_figures` scans each activity table once over the period (through the
(deleted_at, date) indexes) and returns one `PromiseFigures` per promise: counts, hours, shares'
numerators and denominators, a histogram of days to contact. Deleted records never count.

Shift hours are computed in SQL from the stored "HH:MM:SS.ffffff" times: a shift whose end is not
after its start ends the next day, and its evening/night hours are its overlap with the windows
18:00–06:00 around its date. Only the shifts that start on the day before the period or on its
last day can have hours on both sides of its edge; those few are split in Python with
`domain.shifts`, by calendar date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from loften_app.domain import shifts
from loften_app.domain.enums import AgeGroup
from loften_app.domain.periods import Period
from loften_app.storage.database import Database

__all__ = ["FigureService", "PromiseFigures"]

#: `shifts.split_hours_by_period` or its evening/night twin.
Split = Callable[[dt.date, dt.time, dt.time, Sequence[Period]], dict[Period, float]]

_ONE_DAY = dt.timedelta(days=1)


@dataclass
class PromiseFigures:
    """The figures of one promise's records (or several promises' added up) for a period."""

    records: int = 0
    hours_spent: float = 0.0
    patrols: int = 0
    shop_visits: int = 0
    patrol_hours: float = 0.0
    patrol_hours_evening_night: float = 0.0
    walks_completed: int = 0
    walks_planned: int = 0
    walks_cancelled: int = 0
    #: Planned walks dated from the as-of date to the end of the forecast period.
    walks_planned_ahead: int = 0
    next_planned_walk: dt.date | None = None
    deployments: int = 0
    volunteer_hours: float = 0.0
    deployments_with_municipality: int = 0
    deployments_with_business: int = 0
    drug_cases: int = 0
    drug_cases_by_age: dict[AgeGroup, int] = field(default_factory=dict)
    drug_cases_notified: int = 0
    #: Days from detection to first contact → number of cases (cases with a contact only).
    contact_days: dict[int, int] = field(default_factory=dict)
    other_activities: int = 0
    actions_open: int = 0
    actions_overdue: int = 0
    #: Actions whose deadline lies in the period, on or before the as-of date.
    actions_due: int = 0
    actions_closed_by_deadline: int = 0

    def add(self, other: PromiseFigures) -> None:
        """Add `other`'s figures to these."""
        for f in dataclasses.fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, dict):
                for key, value in theirs.items():
                    mine[key] = mine.get(key, 0) + value
            elif f.name == "next_planned_walk":
                dates = [d for d in (mine, theirs) if d is not None]
                setattr(self, f.name, min(dates) if dates else None)
            else:
                setattr(self, f.name, mine + theirs)

    @classmethod
    def total(cls, items: Iterable[PromiseFigures]) -> PromiseFigures:
        result = cls()
        for item in items:
            result.add(item)
        return result


def _seconds(column: str) -> str:
    return (
        f"(CAST(substr({column}, 1, 2) AS INTEGER) * 3600"
        f" + CAST(substr({column}, 4, 2) AS INTEGER) * 60"
        f" + CAST(substr({column}, 7) AS REAL))"
    )


#: Start `s` and end `e` of each shift in seconds after midnight of its date (e may pass 86400).
_SHIFT_COLUMNS = (
    f"{_seconds('start_time')} AS s, "
    f"CASE WHEN {_seconds('end_time')} <= {_seconds('start_time')} "
    f"THEN {_seconds('end_time')} + 86400 ELSE {_seconds('end_time')} END AS e"
)
#: Seconds of a shift between 18:00 and 06:00: the night before, the evening of and after.
_EVENING_NIGHT = (
    "(max(0, min(e, 21600) - s) + max(0, min(e, 108000) - max(s, 64800)) + max(0, e - 151200))"
)

_PATROLS = text(f"""
SELECT promise_id, count(*), total(hours_spent), total(visits), total(e - s) / 3600.0,
       total({_EVENING_NIGHT}) / 3600.0
FROM (SELECT promise_id, hours_spent, {_SHIFT_COLUMNS},
             (SELECT count(*) FROM shop_visit WHERE shop_visit.patrol_id = patrol.id) AS visits
      FROM patrol
      WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids)
GROUP BY promise_id
""")

_DEPLOYMENTS = text(f"""
SELECT promise_id, count(*), total(hours_spent),
       total(CASE WHEN volunteer_hours_override IS NOT NULL THEN volunteer_hours_override
                  ELSE volunteers * (e - s) / 3600.0 END),
       total(with_municipality), total(with_business)
FROM (SELECT promise_id, hours_spent, volunteer_hours_override, volunteers, with_municipality,
             with_business, {_SHIFT_COLUMNS}
      FROM volunteer_deployment
      WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids)
GROUP BY promise_id
""")

_EDGE_SHIFTS = """
SELECT promise_id, date, start_time, end_time, {extra}
FROM {table}
WHERE deleted_at IS NULL AND date IN (:before, :last) AND promise_id IN :ids
"""

_WALKS = text("""
SELECT promise_id, status, count(*), total(hours_spent)
FROM safety_walk
WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY promise_id, status
""")

_PLANNED_AHEAD = text("""
SELECT promise_id, count(*), min(date)
FROM safety_walk
WHERE deleted_at IS NULL AND status = 'planned' AND date BETWEEN :start AND :end
  AND promise_id IN :ids
GROUP BY promise_id
""")

_CASES = text("""
SELECT promise_id, CAST(julianday(first_contact_on) - julianday(detected_on) AS INTEGER),
       count(*), total(hours_spent), total(municipality_notified_on IS NOT NULL),
       total(age_group = 'under_18'), total(age_group = '18_25'), total(age_group = '26_plus')
FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY 1, 2
""")

_OTHER = text("""
SELECT promise_id, count(*), total(hours_spent)
FROM other_activity
WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY promise_id
""")

#: An action is open on :ref unless it was closed (done or rejected) on or before :ref.
_ACTIONS = text("""
SELECT w.promise_id,
       total(open), total(open AND a.deadline < :ref),
       total(a.deadline BETWEEN :start AND :ref),
       total(a.deadline BETWEEN :start AND :ref AND a.status IN ('done', 'rejected')
             AND a.closed_on IS NOT NULL AND a.closed_on <= a.deadline)
FROM (SELECT *, NOT (status IN ('done', 'rejected')
                     AND (closed_on IS NULL OR closed_on <= :ref)) AS open
      FROM walk_action) AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
WHERE w.deleted_at IS NULL AND w.date <= :ref AND w.promise_id IN :ids
GROUP BY w.promise_id
""")


def _with_ids(statement: Any) -> Any:
    return statement.bindparams(bindparam("ids", expanding=True))


class FigureService:
    """Aggregate figures for the target engine and the reports. Reads only."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def period_figures(
        self,
        *,
        period: Period,
        promise_ids: Sequence[str],
        as_of: dt.date,
        forecast_until: dt.date | None = None,
    ) -> dict[str, PromiseFigures]:
        """Figures of the records of `promise_ids` dated within `period`, per promise id.

        `as_of` is the date that open and overdue walk actions are judged on (clipped to the
        period's end); planned walks are counted from it to `forecast_until` (default: the end
        of the period). Every promise id given has an entry, zeros when it has no records.
        """
        ids = list(dict.fromkeys(promise_ids))
        result = {promise_id: PromiseFigures() for promise_id in ids}
        if not ids:
            return result
        ref = min(as_of, period.end)
        span = {"start": period.start, "end": period.end, "ids": ids}
        with self._db.reading() as session:
            self._patrols(session, span, period, result)
            self._deployments(session, span, period, result)
            self._walks(session, span, result)
            ahead_start = max(as_of, period.start)
            ahead_end = forecast_until or period.end
            if ahead_start <= ahead_end:
                self._planned_ahead(session, ahead_start, ahead_end, ids, result)
            self._cases(session, span, result)
            self._other(session, span, result)
            self._actions(session, {"start": period.start, "ref": ref, "ids": ids}, result)
        return result

    # --- one query each -------------------------------------------------------------------------

    @staticmethod
    def _patrols(
        session: Session, span: dict[str, Any], period: Period, out: dict[str, PromiseFigures]
    ) -> None:
        for pid, count, spent, visits, hours, evening in session.execute(_with_ids(_PATROLS), span):
            f = out[pid]
            f.patrols += count
            f.records += count
            f.hours_spent += spent
            f.shop_visits += int(visits)
            f.patrol_hours += hours
            f.patrol_hours_evening_night += evening
        for pid, on, start, end, _extra in _edge_shifts(session, "patrol", "0", span, period):
            all_hours, inside = _edge_hours(on, start, end, period, shifts.split_hours_by_period)
            night, night_inside = _edge_hours(
                on, start, end, period, shifts.split_evening_night_hours_by_period
            )
            out[pid].patrol_hours += inside - (all_hours if on == period.end else 0.0)
            out[pid].patrol_hours_evening_night += night_inside - (
                night if on == period.end else 0.0
            )

    @staticmethod
    def _deployments(
        session: Session, span: dict[str, Any], period: Period, out: dict[str, PromiseFigures]
    ) -> None:
        for pid, count, spent, hours, with_municipality, with_business in session.execute(
            _with_ids(_DEPLOYMENTS), span
        ):
            f = out[pid]
            f.deployments += count
            f.records += count
            f.hours_spent += spent
            f.volunteer_hours += hours
            f.deployments_with_municipality += int(with_municipality)
            f.deployments_with_business += int(with_business)
        extra = (
            "CASE WHEN volunteer_hours_override IS NOT NULL"
            " THEN -volunteer_hours_override ELSE volunteers END"
        )
        for pid, on, start, end, volunteers in _edge_shifts(
            session, "volunteer_deployment", extra, span, period
        ):
            duration, inside = _edge_hours(on, start, end, period, shifts.split_hours_by_period)
            # A positive number of volunteers, or an overridden total stored negated above.
            total = -volunteers if volunteers < 0 else volunteers * duration
            counted = total if on == period.end else 0.0
            out[pid].volunteer_hours += total * inside / duration - counted

    @staticmethod
    def _walks(session: Session, span: dict[str, Any], out: dict[str, PromiseFigures]) -> None:
        for pid, status, count, spent in session.execute(_with_ids(_WALKS), span):
            f = out[pid]
            f.hours_spent += spent
            if status == "completed":
                f.walks_completed += count
                f.records += count
            elif status == "planned":
                f.walks_planned += count
            else:
                f.walks_cancelled += count

    @staticmethod
    def _planned_ahead(
        session: Session,
        start: dt.date,
        end: dt.date,
        ids: list[str],
        out: dict[str, PromiseFigures],
    ) -> None:
        parameters = {"start": start, "end": end, "ids": ids}
        for pid, count, first in session.execute(_with_ids(_PLANNED_AHEAD), parameters):
            out[pid].walks_planned_ahead += count
            out[pid].next_planned_walk = dt.date.fromisoformat(first)

    @staticmethod
    def _cases(session: Session, span: dict[str, Any], out: dict[str, PromiseFigures]) -> None:
        rows = session.execute(_with_ids(_CASES), span)
        for pid, days, count, spent, notified, under_18, young, older in rows:
            f = out[pid]
            f.drug_cases += count
            f.records += count
            f.hours_spent += spent
            f.drug_cases_notified += int(notified)
            for group, n in (
                (AgeGroup.UNDER_18, under_18),
                (AgeGroup.AGE_18_25, young),
                (AgeGroup.AGE_26_PLUS, older),
            ):
                f.drug_cases_by_age[group] = f.drug_cases_by_age.get(group, 0) + int(n)
            if days is not None:
                f.contact_days[days] = f.contact_days.get(days, 0) + count

    @staticmethod
    def _other(session: Session, span: dict[str, Any], out: dict[str, PromiseFigures]) -> None:
        for pid, count, spent in session.execute(_with_ids(_OTHER), span):
            out[pid].other_activities += count
            out[pid].records += count
            out[pid].hours_spent += spent

    @staticmethod
    def _actions(
        session: Session, parameters: dict[str, Any], out: dict[str, PromiseFigures]
    ) -> None:
        for pid, open_, overdue, due, in_time in session.execute(_with_ids(_ACTIONS), parameters):
            f = out[pid]
            f.actions_open += int(open_)
            f.actions_overdue += int(overdue)
            f.actions_due += int(due)
            f.actions_closed_by_deadline += int(in_time)


def _edge_shifts(
    session: Session, table: str, extra: str, span: dict[str, Any], period: Period
) -> list[tuple[str, dt.date, dt.time, dt.time, float]]:
    """Shifts starting the day before the period or on its last day (they may cross an edge)."""
    statement = text(_EDGE_SHIFTS.format(table=table, extra=extra))
    parameters = {"before": period.start - _ONE_DAY, "last": period.end, "ids": span["ids"]}
    return [
        (
            pid,
            dt.date.fromisoformat(on),
            dt.time.fromisoformat(start),
            dt.time.fromisoformat(end),
            float(value),
        )
        for pid, on, start, end, value in session.execute(_with_ids(statement), parameters)
    ]


def _edge_hours(
    on: dt.date,
    start: dt.time,
    end: dt.time,
    period: Period,
    split: Split,
) -> tuple[float, float]:
    """(all hours of the shift by `split`'s rule, the part of them on the period's dates)."""
    whole = Period(on, on + _ONE_DAY)
    parts = split(on, start, end, [whole, period])
    return parts[whole], parts[period]
