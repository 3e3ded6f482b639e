"""Read-only aggregates and lists that the reports need beyond `FigureService`.

Monthly record counts per promise (the quarterly chart), drug cases by kind and the cases still
without a municipal contact, the walks' actions that are overdue, and indicator values. Every
query leaves deleted records out, as `FigureService` does, and counts the same records in the
same way (a completed walk, a drug case by the date it was detected).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    DrugCaseKind,
    ObservationCategory,
    Priority,
)
from loften_app.domain.periods import Period
from loften_app.storage.database import Database

__all__ = [
    "OpenCase",
    "OverdueAction",
    "ReportQueries",
]

_MONTHLY = text("""
SELECT promise_id, substr(date, 1, 7) AS month, count(*) FROM patrol
 WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids GROUP BY 1, 2
UNION ALL
SELECT promise_id, substr(date, 1, 7), count(*) FROM safety_walk
 WHERE deleted_at IS NULL AND status = 'completed' AND date BETWEEN :start AND :end
   AND promise_id IN :ids GROUP BY 1, 2
UNION ALL
SELECT promise_id, substr(date, 1, 7), count(*) FROM volunteer_deployment
 WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids GROUP BY 1, 2
UNION ALL
SELECT promise_id, substr(detected_on, 1, 7), count(*) FROM drug_case
 WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
 GROUP BY 1, 2
UNION ALL
SELECT promise_id, substr(date, 1, 7), count(*) FROM other_activity
 WHERE deleted_at IS NULL AND date BETWEEN :start AND :end AND promise_id IN :ids GROUP BY 1, 2
""").bindparams(bindparam("ids", expanding=True))

_CASES_BY_KIND = text("""
SELECT kind, count(*), total(first_contact_on IS NOT NULL) FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY kind
""").bindparams(bindparam("ids", expanding=True))

_OPEN_CASES = text("""
SELECT case_code, detected_on, municipality_notified_on FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
  AND first_contact_on IS NULL
ORDER BY detected_on, case_code
""").bindparams(bindparam("ids", expanding=True))

#: The same definition of open and overdue on :ref as `FigureService` (figures.py).
_OVERDUE = text("""
SELECT w.date, p.name, o.category, o.description, a.what, a.owner, a.owner_detail, a.priority,
       a.deadline, a.status
FROM walk_action AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
LEFT JOIN place AS p ON p.id = coalesce(o.place_id, w.place_id)
WHERE w.deleted_at IS NULL AND w.date <= :ref AND w.promise_id IN :ids
  AND NOT (a.status IN ('done', 'rejected') AND (a.closed_on IS NULL OR a.closed_on <= :ref))
  AND a.deadline < :ref
ORDER BY a.deadline, w.date, o.position
""").bindparams(bindparam("ids", expanding=True))

_INDICATOR_VALUES = text("""
SELECT v.indicator_id, v.period_key, v.value, v.source_note FROM indicator_value AS v
JOIN indicator AS i ON i.id = v.indicator_id
WHERE v.deleted_at IS NULL AND i.deleted_at IS NULL
ORDER BY v.indicator_id, v.period_key
""")


@dataclass(frozen=True)
class OverdueAction:
    """A walk's action that is past its deadline and neither done nor rejected on a date."""

    walk_date: dt.date
    place: str
    category: ObservationCategory
    observation: str
    what: str
    owner: ActionOwner
    owner_detail: str
    priority: Priority
    deadline: dt.date
    status: ActionStatus


@dataclass(frozen=True)
class OpenCase:
    """A drug case without a first municipal contact (internal reports only)."""

    case_code: str
    detected_on: dt.date
    notified_on: dt.date | None


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class ReportQueries:
    """Aggregates for the reports. Reads only; one short session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def monthly_counts(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[str, dict[str, int]]:
        """Records per promise id and month ("2018-07") dated in `period`: patrols, completed
        walks, deployments, drug cases (by detection date) and other activities."""
        result: dict[str, dict[str, int]] = {pid: {} for pid in promise_ids}
        if not promise_ids:
            return result
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        with self._db.reading() as session:
            for pid, month, count in session.execute(_MONTHLY, parameters):
                months = result.setdefault(pid, {})
                months[month] = months.get(month, 0) + int(count)
        return result

    def drug_cases_by_kind(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[DrugCaseKind, tuple[int, int]]:
        """Per kind: (cases detected in `period`, of them with a first municipal contact)."""
        if not promise_ids:
            return {}
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        with self._db.reading() as session:
            return {
                DrugCaseKind(kind): (int(count), int(contacted))
                for kind, count, contacted in session.execute(_CASES_BY_KIND, parameters)
            }

    def cases_without_contact(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> list[OpenCase]:
        """The cases detected in `period` that have no first municipal contact yet."""
        if not promise_ids:
            return []
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        with self._db.reading() as session:
            return [
                OpenCase(code, _date(detected), None if notified is None else _date(notified))
                for code, detected, notified in session.execute(_OPEN_CASES, parameters)
            ]

    def overdue_actions(self, *, ref: dt.date, promise_ids: Sequence[str]) -> list[OverdueAction]:
        """Every action of an active walk dated on or before `ref` that is open on `ref` and
        whose deadline is before it (the `actions_overdue` of `FigureService`, one by one)."""
        if not promise_ids:
            return []
        with self._db.reading() as session:
            rows = session.execute(_OVERDUE, {"ref": ref, "ids": list(promise_ids)})
            return [
                OverdueAction(
                    walk_date=_date(walk_date),
                    place=place or "",
                    category=ObservationCategory(category),
                    observation=observation,
                    what=what,
                    owner=ActionOwner(owner),
                    owner_detail=owner_detail or "",
                    priority=Priority(priority),
                    deadline=_date(deadline),
                    status=ActionStatus(status),
                )
                for (
                    walk_date,
                    place,
                    category,
                    observation,
                    what,
                    owner,
                    owner_detail,
                    priority,
                    deadline,
                    status,
                ) in rows
            ]

    def indicator_values(self) -> dict[str, list[tuple[str, float, str]]]:
        """Active values of the active indicators: indicator id → [(period key, value, note)]
        in period-key order."""
        result: dict[str, list[tuple[str, float, str]]] = {}
        with self._db.reading() as session:
            for indicator_id, key, value, note in session.execute(_INDICATOR_VALUES):
                result.setdefault(indicator_id, []).append((key, float(value), note or ""))
        return result
