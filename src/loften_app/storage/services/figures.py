"""Read-only figures for a period, aggregated in SQL (the target engine's input).

`FigureService.period_figures` scans each activity table once over the period (through the
(deleted_at, date) indexes) and returns one `PromiseFigures` per promise: counts, hours, shares'
numerators and denominators, a histogram of days to contact. Deleted records never count.

Shift hours are computed in SQL from the stored "HH:MM:SS.ffffff" times: a shift whose end is not
after its start ends the next day, and its evening/night hours are its overlap with the windows
18:00–06:00 around its date. A shift counts whole, with its record, in the period of its date
(docs/figures.md): a 22:00–04:00 patrol on 31 December is six hours of December, as the list and
the export have it.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from loften_app.domain.periods import Period, months_in
from loften_app.storage import totals as _totals
from loften_app.storage.database import Database
from loften_app.storage.figure_sql import (
    ACTION_GROUPS_SQL,
    IDS,
    SPAN,
    ActionGroup,
    FigureReads,
    PromiseFigures,
    action_groups_from,
    add_rows,
    add_up,
    additive_tables,
)
from loften_app.storage.figure_sql import MONTH as _MONTH
from loften_app.storage.figure_sql import WHOLE as _WHOLE
from loften_app.storage.figure_sql import monthly_counts as _monthly_counts
from loften_app.storage.totals import add_figures, figure_query

__all__ = [
    "IDS",
    "SPAN",
    "FigureService",
    "PromiseFigures",
    "add_figures",
    "add_rows",
    "additive_tables",
    "figure_query",
]


#: One request for figures: the period and the end of its forecast (None: the period's end).
FigureRequest = tuple[Period, dt.date | None]


class FigureService:
    """Aggregate figures for the target engine and the reports. Reads only.

    The figures of the big tables (patrols, volunteer deployments, drug cases, other
    activities, the generic kinds) add up over months, so they are stored per promise and
    whole month in the database (`storage.totals`, kept with every write): a year or a quarter
    is the sum of its months' stored totals, and only a partial month at either end of a
    period is counted from the records. Safety walks and their actions depend on the as-of
    date and are few, so they are read on every call. Whole answers are cached until the file
    changes (`Database.change_marker`, which sees this process's commits and other processes'
    alike). Safe to share between threads.
    """

    def __init__(self, database: Database) -> None:
        self._db = database
        self._lock = threading.Lock()
        self._marker: int | None = None
        #: Whole answers, for a period asked again with the same as-of date.
        self._answers: dict[tuple[Any, ...], dict[str, PromiseFigures]] = {}
        #: The walk actions grouped (`figure_sql.ACTION_GROUPS_SQL`), by the promises' ids.
        self._action_groups: dict[tuple[Any, ...], list[ActionGroup]] = {}

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
        return self.many_figures([(period, forecast_until)], promise_ids=promise_ids, as_of=as_of)[
            0
        ]

    def many_figures(
        self,
        requests: Sequence[FigureRequest],
        *,
        promise_ids: Sequence[str],
        as_of: dt.date,
        actions: Sequence[bool] | None = None,
    ) -> list[dict[str, PromiseFigures]]:
        """`period_figures` of each (period, forecast_until) of `requests`, in their order, read
        together: the walk actions read once, grouped, for every window (a report or the overview
        measures many windows; the actions' joins are most of a million-record file's cold
        figures), each partial month counted once.

        `actions` (one flag per request; default: all) says which requests need the walk
        actions' figures: those of a request without are left at zero (for a caller that reads
        no `actions_*` figure of it)."""
        ids = list(dict.fromkeys(promise_ids))
        flags = [True] * len(requests) if actions is None else list(actions)
        keys = [
            (period, tuple(ids), as_of, until, flag)
            for (period, until), flag in zip(requests, flags, strict=True)
        ]
        with self._lock:
            self._check(self._db.change_marker())
            # An answer with the actions also answers a request without them.
            found = {
                key: self._answers.get(key) or self._answers.get((*key[:4], True)) for key in keys
            }
        missing = [key for key, answer in found.items() if answer is None]
        if missing:
            computed = self._compute(
                [(key[0], key[3]) for key in missing], ids, as_of, [key[4] for key in missing]
            )
            with self._lock:
                if len(self._answers) + len(missing) > 256:
                    self._answers.clear()
                for key, result in zip(missing, computed, strict=True):
                    found[key] = result
                    self._answers[key] = _copied(result)
        return [_copied(found[key] or {}) for key in keys]

    def _check(self, marker: int) -> None:
        """Forget everything when the file changed since `self._marker` (lock held)."""
        if marker != self._marker:
            self._answers.clear()
            self._action_groups.clear()
            self._marker = marker

    def _compute(
        self,
        requests: Sequence[FigureRequest],
        ids: list[str],
        as_of: dt.date,
        actions: Sequence[bool],
    ) -> list[dict[str, PromiseFigures]]:
        with self._db.reading() as session:
            return add_up(self._reads(session), requests, ids, as_of, actions)

    def _reads(self, session: Session) -> FigureReads:
        """How `figure_sql.add_up` reads in `session`: the stored totals through
        `storage.totals`, the partial months by the figure queries, the walk actions grouped
        once per set of promises until the file changes."""
        return FigureReads(
            rows=lambda sql, parameters: session.execute(_statement(sql), parameters),
            stored=lambda ids, first, last: _totals.read_months(session, ids, first, last),
            counted=lambda span: _additive_figures(session, span, by_month=False)[span],
            action_groups=lambda ids: self._grouped_actions(session, ids),
        )

    def monthly_counts(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[str, dict[str, int]]:
        """Records of `promise_ids` per record table and month ("2018-07") dated in `period`:
        "patrol", "safety_walk" (completed walks), "volunteer_deployment", "drug_case" (by
        detection date) and "other_activity"; tables without records are left out. The big
        tables come from the monthly cache (shared with `period_figures`)."""
        with self._db.reading() as session:
            return _monthly_counts(self._reads(session), period, promise_ids)

    # --- walk actions: read once until the file changes -----------------------------------------

    def _grouped_actions(self, session: Session, ids: list[str]) -> list[ActionGroup]:
        """The walk actions of `ids` grouped (`figure_sql.ACTION_GROUPS_SQL`): read once per set
        of promises until the file changes (a report asks for several windows and as-of dates: the
        quarter, the year so far, the targets' periods)."""
        key = tuple(sorted(ids))
        with self._lock:
            groups = self._action_groups.get(key)
        if groups is not None:
            return groups
        groups = action_groups_from(session.execute(_statement(ACTION_GROUPS_SQL), {"ids": ids}))
        with self._lock:
            if len(self._action_groups) > 64:
                self._action_groups.clear()
            self._action_groups[key] = groups
        return groups


def _copied(answer: dict[str, PromiseFigures]) -> dict[str, PromiseFigures]:
    """A copy of an answer that the caller may change (the cache keeps its own)."""
    return {pid: PromiseFigures.total([f]) for pid, f in answer.items()}


# --- the additive figures, per segment ----------------------------------------------------------

#: Figures per segment (a whole month, or one partial span) and promise id.
Segments = dict[Period, dict[str, PromiseFigures]]


def _additive_figures(session: Session, span: Period, *, by_month: bool) -> Segments:
    """The additive figures of every promise for `span`: per whole month of it when `by_month`
    (then `span` is made of whole months), else for `span` as one segment. A shift's hours
    count whole in the segment of its date."""
    segments = months_in(span) if by_month else [span]
    bucket = _MONTH if by_month else _WHOLE
    keys = {(s.start.isoformat()[:7] if by_month else ""): s for s in segments}
    out: Segments = {s: {} for s in segments}

    def figures(pid: str, key: str) -> PromiseFigures:
        return out[keys[key]].setdefault(pid, PromiseFigures())

    add_figures(session, figures, bucket=bucket, parameters={"start": span.start, "end": span.end})
    return out


@functools.cache
def _statement(sql: str) -> Any:
    """One of `figure_sql`'s statements for SQLAlchemy, its `:ids` an expanding list."""
    return text(sql).bindparams(bindparam("ids", expanding=True))
