"""What the reports read beyond the figures, as SQL text and plain data (no SQLAlchemy).

`ReportReads` holds every read of the quarterly report and the follow-up that is not a figure:
drug cases by kind and the cases without a municipal contact, the overdue walk actions, the
records' notes, the other activities, the quarter's safety walks with their observations, the
place names, the indicators and their values. It runs its statements through one function
`rows(sql, parameters)` (`:ids` an expanding list): `services.report_queries.ReportQueries`
gives it a session's, `storage.quick.QuickReader` a plain `sqlite3` connection's, so that both
paths run the very statements written here. Every query leaves deleted records out, as
`FigureService` does, and counts the same records in the same way (a completed walk, a drug
case by the date it was detected).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    DrugCaseKind,
    LightCondition,
    ObservationCategory,
    Priority,
    WalkStatus,
)
from loften_app.domain.periods import Period

__all__ = [
    "DRUG_CASE_NOTES",
    "CaseLine",
    "NoteLine",
    "OpenCase",
    "OtherLine",
    "OverdueAction",
    "ReportIndicator",
    "ReportObservation",
    "ReportReads",
    "ReportWalk",
    "RowReader",
    "lineage_with",
    "notes_select",
]

#: `rows(sql, parameters)`: the rows of a statement with `:name` placeholders (`:ids` a list).
RowReader = Callable[[str, dict[str, Any]], Iterable[Sequence[Any]]]

#: The notes of a drug case: both parts', with its code.
DRUG_CASE_NOTES = (
    "SELECT detected_on AS day, 'drug_case' AS tbl, promise_id, case_code AS code,\n"
    # A line break as a literal both engines read (char(10) is SQLite's only).
    "           trim(coalesce(police_notes, '') || '\n' ||"
    " coalesce(municipal_notes, ''), '\n') AS note\n"
    "    FROM drug_case\n"
    "    WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end\n"
    "      AND (coalesce(police_notes, '') != '' OR coalesce(municipal_notes, '') != '')"
)

_NOTES_SELECT = {"drug_case": DRUG_CASE_NOTES}


def notes_select(table: str, date: str) -> str:
    """The SELECT of the free-text notes of the records of `table` dated (column `date`) in
    :start–:end, as (day, tbl, promise_id, code, note): its `notes` column, or a kind's own."""
    own = _NOTES_SELECT.get(table)
    if own is not None:
        return own
    return (
        f"SELECT {date} AS day, '{table}' AS tbl, promise_id, '' AS code, notes AS note"
        f" FROM {table}\n"
        f"    WHERE deleted_at IS NULL AND {date} BETWEEN :start AND :end AND notes != ''"
    )


_ACTIVITY_NOTES = tuple(
    notes_select(kind.key, kind.date_field or "date") for kind in domain_kinds.ACTIVITY_KINDS
)

CASES_BY_KIND_SQL = """
SELECT kind, count(*), total(first_contact_on IS NOT NULL) FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
GROUP BY kind
"""

_OPEN_CASES_FROM = """
FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
  AND first_contact_on IS NULL
"""

OPEN_CASES_SQL = f"""
SELECT case_code, detected_on, municipality_notified_on {_OPEN_CASES_FROM}
ORDER BY detected_on, case_code
LIMIT :limit
"""

OPEN_CASES_COUNT_SQL = f"SELECT count(*) {_OPEN_CASES_FROM}"

#: The same definition of open and overdue on :ref as `FigureService` (figures.py).
#: Actions of active walks dated on or before :ref that are open on :ref (not closed, as done
#: or rejected, on or before it) and whose deadline is before it.
_OVERDUE_FROM = """
FROM walk_action AS a
JOIN observation AS o ON o.id = a.observation_id
JOIN safety_walk AS w ON w.id = o.walk_id
LEFT JOIN place AS p ON p.id = coalesce(o.place_id, w.place_id)
WHERE w.deleted_at IS NULL AND w.date <= :ref AND w.promise_id IN :ids
  AND NOT (a.status IN ('done', 'rejected') AND (a.closed_on IS NULL OR a.closed_on <= :ref))
  AND a.deadline < :ref
"""

OVERDUE_SQL = f"""
SELECT w.id, w.date, p.name, o.category, o.description, a.what, a.owner, a.owner_detail,
       a.priority, a.deadline, a.status
{_OVERDUE_FROM}
ORDER BY a.deadline, w.date, o.position
LIMIT :limit
"""

#: The first :limit overdue actions and, on each row, how many there are in all (one pass).
OVERDUE_COUNTED_SQL = f"""
SELECT w.id, w.date, p.name, o.category, o.description, a.what, a.owner, a.owner_detail,
       a.priority, a.deadline, a.status, count(*) OVER ()
{_OVERDUE_FROM}
ORDER BY a.deadline, w.date, o.position
LIMIT :limit
"""

OVERDUE_COUNT_SQL = f"SELECT count(*) {_OVERDUE_FROM}"

OVERDUE_BY_OWNER_SQL = (
    f"SELECT a.owner, count(*) {_OVERDUE_FROM} GROUP BY a.owner ORDER BY count(*) DESC, a.owner"
)

#: Free-text notes of the records dated in :start–:end (internal reports only): (date, table,
#: promise number, case code or '', text).
_UNION = "\n    UNION ALL\n    "
_NOTES_FROM = f"""
FROM (
    {_UNION.join(_ACTIVITY_NOTES)}
) AS n
WHERE n.promise_id IN :ids
"""

#: The first :limit notes of each kind (a kind's `tbl` is the same on every row, so the first
#: :limit of all are among them): a report lists a hundred, not the quarter's 70,000 sorted.
_FIRST_NOTES = _UNION.join(
    f"SELECT * FROM (SELECT * FROM ({sql}) AS k"
    f" WHERE k.promise_id IN :ids ORDER BY k.day, k.code LIMIT :limit) AS f{index}"
    for index, sql in enumerate(_ACTIVITY_NOTES)
)

NOTES_SQL = f"""
SELECT n.day, n.tbl, (SELECT number FROM promise WHERE promise.id = n.promise_id), n.code, n.note
FROM (
    {_FIRST_NOTES}
) AS n
ORDER BY n.day, n.tbl, n.code
LIMIT :limit
"""

NOTES_COUNT_SQL = f"SELECT count(*) {_NOTES_FROM}"

CASES_SQL = """
SELECT case_code, detected_on, age_group, kind, municipality_notified_on, first_contact_on,
       status
FROM drug_case
WHERE deleted_at IS NULL AND detected_on BETWEEN :start AND :end AND promise_id IN :ids
ORDER BY detected_on, case_code
LIMIT :limit
"""

OTHERS_SQL = """
SELECT t.date, (SELECT number FROM promise WHERE promise.id = t.promise_id), t.what,
       coalesce((SELECT name FROM place WHERE place.id = t.place_id), ''), t.count,
       t.hours_spent
FROM other_activity AS t
WHERE t.deleted_at IS NULL AND t.date BETWEEN :start AND :end AND t.promise_id IN :ids
ORDER BY t.date, t.id
LIMIT :limit
"""

INDICATOR_VALUES_SQL = """
SELECT v.indicator_id, v.period_key, v.value, v.source_note FROM indicator_value AS v
JOIN indicator AS i ON i.id = v.indicator_id
WHERE v.deleted_at IS NULL AND i.deleted_at IS NULL
ORDER BY v.indicator_id, v.period_key
"""

#: The active indicators in the order of the indicator list sorted by name.
INDICATORS_SQL = """
SELECT id, name, unit, source, description, lower_is_better, promise_id FROM indicator
WHERE deleted_at IS NULL
ORDER BY name, id
"""

_WALKS_WHERE = "WHERE deleted_at IS NULL AND date BETWEEN :start AND :end"

#: The first :limit active walks dated in :start–:end, as the walk list sorted by date has them.
WALKS_SQL = f"""
SELECT id, promise_id, date, status, place_id, light,
       participants_municipality + participants_police + participants_property_owners
       + participants_business + participants_associations + participants_residents
       + participants_politicians + participants_others
FROM safety_walk
{_WALKS_WHERE}
ORDER BY date, id
LIMIT :limit
"""

WALKS_COUNT_SQL = f"SELECT count(*) FROM safety_walk {_WALKS_WHERE}"

#: The observations of the walks :ids with their actions, in their order on each walk.
OBSERVATIONS_SQL = """
SELECT o.walk_id, o.category, o.place_id, o.description, a.id, a.what, a.owner, a.deadline,
       a.status
FROM observation AS o
LEFT JOIN walk_action AS a ON a.observation_id = o.id
WHERE o.walk_id IN :ids
ORDER BY o.walk_id, o.position
"""

#: The names of the places :ids, deleted ones too (a record keeps its place's name).
PLACE_NAMES_SQL = "SELECT id, name FROM place WHERE id IN :ids"

#: The promise a promise continues.
CONTINUES_SQL = "SELECT continues_id FROM promise WHERE id = :id"


def _limit(limit: int) -> int:
    """A LIMIT for both engines: -1 ("all", which PostgreSQL refuses) as a count never reached."""
    return limit if limit >= 0 else 2**62


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _maybe_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


@dataclass(frozen=True)
class OverdueAction:
    """A walk's action that is past its deadline and neither done nor rejected on a date."""

    walk_id: str
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
class NoteLine:
    """A record's free-text note (internal reports only)."""

    date: dt.date
    #: The record table ("patrol", "drug_case", …).
    table: str
    promise_number: int
    #: The drug case's code, else "".
    case_code: str
    text: str


@dataclass(frozen=True)
class CaseLine:
    """A drug case of a period, by its code (internal reports only). Coded fields may be
    missing (None)."""

    case_code: str
    detected_on: dt.date
    age_group: AgeGroup | None
    kind: DrugCaseKind | None
    notified_on: dt.date | None
    first_contact_on: dt.date | None
    status: CaseStatus | None


@dataclass(frozen=True)
class OtherLine:
    """An other activity of a period."""

    date: dt.date
    promise_number: int
    what: str
    place: str
    count: int | None
    hours: float | None


@dataclass(frozen=True)
class OpenCase:
    """A drug case without a first municipal contact (internal reports only)."""

    case_code: str
    detected_on: dt.date
    notified_on: dt.date | None


@dataclass(frozen=True)
class ReportObservation:
    """An observation of a walk as the quarterly report shows it, with its action if any."""

    category: ObservationCategory
    place_id: str | None
    description: str
    #: The action's what, owner, deadline and status (None: the observation has no action).
    action: tuple[str, ActionOwner, dt.date | None, ActionStatus] | None


@dataclass(frozen=True)
class ReportWalk:
    """A safety walk as the quarterly report shows it."""

    id: str
    promise_id: str
    date: dt.date
    status: WalkStatus
    place_id: str | None
    light: LightCondition | None
    #: Every group's participants added up.
    participants: int
    observations: tuple[ReportObservation, ...]


@dataclass(frozen=True)
class ReportIndicator:
    """An active indicator as the reports show it."""

    id: str
    name: str
    unit: str
    source: str
    description: str
    lower_is_better: bool
    promise_id: str | None


def lineage_with(continues: Callable[[str], str | None], promise_id: str) -> list[str]:
    """The promises `promise_id` continues, nearest first (without itself), each read with
    `continues` (the id a promise continues, None if none)."""
    chain: list[str] = []
    current = continues(promise_id)
    while current is not None and current not in chain and current != promise_id:
        chain.append(current)
        current = continues(current)
    return chain


class ReportReads:
    """The reports' reads beyond the figures, on `rows` (see `RowReader`). Reads only."""

    def __init__(self, rows: RowReader) -> None:
        self._rows = rows

    def _all(self, sql: str, parameters: dict[str, Any]) -> list[Sequence[Any]]:
        return list(self._rows(sql, parameters))

    def _span(self, period: Period, promise_ids: Sequence[str], limit: int) -> dict[str, Any]:
        return {
            "start": period.start,
            "end": period.end,
            "ids": list(promise_ids),
            "limit": _limit(limit),
        }

    def drug_cases_by_kind(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[DrugCaseKind | None, tuple[int, int]]:
        """Per kind: (cases detected in `period`, of them with a first municipal contact); the
        key None holds the cases whose kind is not given ("uppgift saknas")."""
        if not promise_ids:
            return {}
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        return {
            (None if kind is None else DrugCaseKind(kind)): (int(count), int(contacted))
            for kind, count, contacted in self._all(CASES_BY_KIND_SQL, parameters)
        }

    def cases_without_contact(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OpenCase]:
        """The cases detected in `period` that have no first municipal contact yet (at most
        `limit`; -1: all)."""
        if not promise_ids:
            return []
        return [
            OpenCase(code, _date(detected), _maybe_date(notified))
            for code, detected, notified in self._all(
                OPEN_CASES_SQL, self._span(period, promise_ids, limit)
            )
        ]

    def count_cases_without_contact(self, *, period: Period, promise_ids: Sequence[str]) -> int:
        """How many cases `cases_without_contact` gives without a limit."""
        if not promise_ids:
            return 0
        parameters = {"start": period.start, "end": period.end, "ids": list(promise_ids)}
        return int(self._all(OPEN_CASES_COUNT_SQL, parameters)[0][0])

    def notes(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> tuple[list[NoteLine], int]:
        """The notes of the records of `promise_ids` dated in `period` (drug cases: both parts'
        notes, with their code), oldest first, at most `limit`; and how many there are."""
        lines = self.first_notes(period=period, promise_ids=promise_ids, limit=limit)
        return lines, self.count_notes(period=period, promise_ids=promise_ids)

    def first_notes(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[NoteLine]:
        """The first `limit` notes of `notes` (-1: all), oldest first."""
        if not promise_ids:
            return []
        return [
            NoteLine(_date(day), table, int(number or 0), code or "", note)
            for day, table, number, code, note in self._all(
                NOTES_SQL, self._span(period, promise_ids, limit)
            )
        ]

    def count_notes(self, *, period: Period, promise_ids: Sequence[str]) -> int:
        """How many notes `notes` has in all: the records read (the stored totals have the
        count per whole month, `PromiseFigures.noted`)."""
        if not promise_ids:
            return 0
        parameters = self._span(period, promise_ids, -1)
        return int(self._all(NOTES_COUNT_SQL, parameters)[0][0])

    def cases(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[CaseLine]:
        """The drug cases of `promise_ids` detected in `period`, at most `limit`."""
        if not promise_ids:
            return []
        return [
            CaseLine(
                case_code=code,
                detected_on=_date(detected),
                age_group=None if age is None else AgeGroup(age),
                kind=None if kind is None else DrugCaseKind(kind),
                notified_on=_maybe_date(notified),
                first_contact_on=_maybe_date(contact),
                status=None if status is None else CaseStatus(status),
            )
            for code, detected, age, kind, notified, contact, status in self._all(
                CASES_SQL, self._span(period, promise_ids, limit)
            )
        ]

    def other_activities(
        self, *, period: Period, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OtherLine]:
        """The other activities of `promise_ids` dated in `period`, at most `limit`."""
        if not promise_ids:
            return []
        return [
            OtherLine(_date(day), int(number or 0), what, place, count, hours)
            for day, number, what, place, count, hours in self._all(
                OTHERS_SQL, self._span(period, promise_ids, limit)
            )
        ]

    def overdue_actions(
        self, *, ref: dt.date, promise_ids: Sequence[str], limit: int = -1
    ) -> list[OverdueAction]:
        """Every action of an active walk dated on or before `ref` that is open on `ref` and
        whose deadline is before it (the `actions_overdue` of `FigureService`, one by one),
        oldest deadline first; at most `limit` of them (-1: all)."""
        if not promise_ids:
            return []
        parameters = {"ref": ref, "ids": list(promise_ids), "limit": _limit(limit)}
        return [_overdue_action(row) for row in self._all(OVERDUE_SQL, parameters)]

    def overdue_actions_counted(
        self, *, ref: dt.date, promise_ids: Sequence[str], limit: int
    ) -> tuple[list[OverdueAction], int]:
        """`overdue_actions` with at most `limit` (at least 1) of them, and
        `count_overdue_actions`, from one pass over the actions."""
        if not promise_ids:
            return [], 0
        parameters = {"ref": ref, "ids": list(promise_ids), "limit": max(limit, 1)}
        rows = self._all(OVERDUE_COUNTED_SQL, parameters)
        actions = [_overdue_action(row[:-1]) for row in rows]
        return actions[: max(limit, 0)], int(rows[0][-1]) if rows else 0

    def count_overdue_actions(self, *, ref: dt.date, promise_ids: Sequence[str]) -> int:
        """How many actions `overdue_actions` gives without a limit."""
        if not promise_ids:
            return 0
        parameters = {"ref": ref, "ids": list(promise_ids)}
        return int(self._all(OVERDUE_COUNT_SQL, parameters)[0][0])

    def overdue_by_owner(
        self, *, ref: dt.date, promise_ids: Sequence[str]
    ) -> list[tuple[ActionOwner, int]]:
        """How many of `overdue_actions` each owner has, most first."""
        if not promise_ids:
            return []
        parameters = {"ref": ref, "ids": list(promise_ids)}
        return [
            (ActionOwner(owner), int(count))
            for owner, count in self._all(OVERDUE_BY_OWNER_SQL, parameters)
        ]

    def indicator_values(self) -> dict[str, list[tuple[str, float, str]]]:
        """Active values of the active indicators: indicator id → [(period key, value, note)]
        in period-key order."""
        result: dict[str, list[tuple[str, float, str]]] = {}
        for indicator_id, key, value, note in self._all(INDICATOR_VALUES_SQL, {}):
            result.setdefault(indicator_id, []).append((key, float(value), note or ""))
        return result

    def indicators(self) -> list[ReportIndicator]:
        """The active indicators by name (as the indicator list sorted by name has them)."""
        return [
            ReportIndicator(id, name, unit, source, description, bool(lower), promise_id)
            for id, name, unit, source, description, lower, promise_id in self._all(
                INDICATORS_SQL, {}
            )
        ]

    def walks(self, *, period: Period, limit: int) -> tuple[list[ReportWalk], int]:
        """The first `limit` active walks dated in `period` (by date, then id; of any
        agreement) with their observations, and how many walks `period` has."""
        span = {"start": period.start, "end": period.end}
        total = int(self._all(WALKS_COUNT_SQL, span)[0][0])
        rows = self._all(WALKS_SQL, {**span, "limit": _limit(limit)})
        observations: dict[str, list[ReportObservation]] = {}
        if rows:
            ids = [r[0] for r in rows]
            for row in self._all(OBSERVATIONS_SQL, {"ids": ids}):
                walk_id, category, place_id, description, action_id = row[:5]
                what, owner, deadline, status = row[5:]
                action = (
                    None
                    if action_id is None
                    else (what, ActionOwner(owner), _maybe_date(deadline), ActionStatus(status))
                )
                observations.setdefault(walk_id, []).append(
                    ReportObservation(ObservationCategory(category), place_id, description, action)
                )
        walks = [
            ReportWalk(
                id=walk_id,
                promise_id=promise_id,
                date=_date(day),
                status=WalkStatus(status),
                place_id=place_id,
                light=None if light is None else LightCondition(light),
                participants=int(participants),
                observations=tuple(observations.get(walk_id, ())),
            )
            for walk_id, promise_id, day, status, place_id, light, participants in rows
        ]
        return walks, total

    def place_names(self, ids: Iterable[str]) -> dict[str, str]:
        """The names of the places `ids` (deleted ones too)."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        return {pid: name for pid, name in self._all(PLACE_NAMES_SQL, {"ids": wanted})}

    def lineage(self, promise_id: str) -> list[str]:
        """The ids of the promises `promise_id` continues, nearest first."""

        def continues(pid: str) -> str | None:
            rows = self._all(CONTINUES_SQL, {"id": pid})
            return None if not rows else rows[0][0]

        return lineage_with(continues, promise_id)


def _overdue_action(row: Sequence[Any]) -> OverdueAction:
    """An `OverdueAction` from a row of `OVERDUE_SQL`."""
    (
        walk_id,
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
    ) = row
    return OverdueAction(
        walk_id=walk_id,
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
