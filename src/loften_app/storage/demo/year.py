"""`DemoYear`: the calendar, registers and texts that every demo generator draws from."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from loften_app.domain.enums import PromiseType
from loften_app.storage.demo.common import DemoOptions, Pair, Pick, distinct, named_like
from loften_app.storage.demo.content import Content

_WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.3, 2.3, 2.3, 1.1)


@dataclass(frozen=True)
class Registers:
    """What the generated records refer to, read from (or just written to) the database."""

    promises: dict[PromiseType, str]
    places: list[tuple[str, str]]  # (id, name)
    shops: list[str]
    indicators: list[tuple[str, str]]  # (id, unit)


class DemoYear:
    """The year's calendar, registers and texts that every generator draws from, and the counts
    of the child records generated (shop visits, observations, actions)."""

    def __init__(
        self, options: DemoOptions, registers: Registers, content: Content, first_case: int = 1
    ) -> None:
        self.options = options
        #: The number of the year's first new drug case (N-2018-001 is 1).
        self.first_case = first_case
        self.registers = registers
        self.content = content
        self.start = dt.date(options.year, 1, 1)
        self.end = dt.date(options.year, 12, 31)
        self.days = (self.end - self.start).days + 1
        #: The last day on which something may have happened: the year's end, or today.
        self.happened_by = min(self.end, options.today) if options.today else self.end
        dates = [self.start + dt.timedelta(days=i) for i in range(self.days)]
        self.any_day = Pick([(d, _WEEKDAY_WEIGHTS[d.weekday()]) for d in dates])
        self.weekend = Pick([(d, 1.0) for d in dates if d.weekday() in (4, 5)])
        self.weekday = Pick([(d, 1.0) for d in dates if d.weekday() < 4])
        self.place = Pick(
            [
                (pid, 4.0 if any(part in name.lower() for part in content.central_places) else 1.0)
                for pid, name in registers.places
            ]
        )
        self.place_names = dict(registers.places)
        self.shop = Pick([(shop, 1.0) for shop in registers.shops])
        self.counts: dict[str, int] = {}

    def total(self, rng: random.Random, low: int, high: int) -> int:
        """A count between `low` and `high` for each unit of the scale, summed."""
        return sum(rng.randint(low, high) for _ in range(self.options.scale))

    def tally(self, label: str, count: int = 1) -> None:
        self.counts[label] = self.counts.get(label, 0) + count

    def places(self, rng: random.Random, k: int) -> tuple[str, ...]:
        """`k` different places (or all of them), central ones more often."""
        return tuple(distinct(rng, self.place, min(k, len(self.place_names))))

    def place_like(self, rng: random.Random, part: str) -> str | None:
        """A place whose name contains `part`, if there is one."""
        matching = named_like(self.registers.places, part)
        return rng.choice(matching) if matching else None

    def days_after(self, rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
        return day + dt.timedelta(days=rng.randint(low, high))


@dataclass(frozen=True)
class DemoRecords:
    """How `loften demo-data` makes the records of one kind, declared with the kind
    (`storage.kinds.StorageKind.demo`): the demo builds its streams from these descriptions.

    `generate(year, promise_id)` yields the year's (meta, data) pairs; `promise_id` is the
    promise of the kind's promise type (None for a kind that any promise may have, which is
    then made whether or not the agreement has such a promise; otherwise none is made without
    one). `owner` is the part of the demo ("police" or "municipality") that makes them,
    `label` the Swedish line of the summary and `children` the `DemoYear.tally` labels of the
    child records counted along the way."""

    label: str
    owner: str
    generate: Callable[[DemoYear, Any], Iterable[Pair]]
    children: tuple[str, ...] = ()
