"""What every demo generator shares: the options, weighted choices, small helpers for dates and
texts, and the roles that records are attributed to."""

from __future__ import annotations

import bisect
import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from loften_app.domain import shifts
from loften_app.domain.enums import Organisation
from loften_app.domain.records import RecordMeta

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

#: A record as the services' `insert_rows` takes it: its bookkeeping and its data.
Pair = tuple[RecordMeta, Any]
#: Start, end and length in hours of a shift.
Shift = tuple[dt.time, dt.time, float]


@dataclass(frozen=True)
class DemoOptions:
    """What `fill_demo_data` generates: the year, the random seed, a volume multiplier and the
    template applied to an empty file."""

    year: int
    seed: int = 1
    scale: int = 1
    template: str = "filipstad-2017-2018"
    #: Whose records to make: "police", "municipality" or "both" (one file for everything).
    parts: str = "both"
    #: The day the demo is made (`loften demo-data` gives the real one): in a year that has not
    #: ended, nothing that the forms refuse as "after today" is made (a drug case detected,
    #: notified, contacted or closed later). None: the whole year as if it had ended.
    today: dt.date | None = None

    @property
    def case_prefix(self) -> str:
        """Case codes as the installation that makes them numbers them (N- in a shared file)."""
        return {"police": "P", "municipality": "K"}.get(self.parts, "N")

    def makes(self, organisation: str) -> bool:
        """Whether the records that `organisation` enters are made."""
        return self.parts in ("both", organisation)

    def rng(self, stream: str) -> random.Random:
        """The random stream `stream`: one per record type, so that a change to one record type
        leaves the others as they were."""
        return random.Random(f"loften-demo:{self.year}:{self.seed}:{self.scale}:{stream}")


@dataclass(frozen=True)
class Role:
    """Who a demo record is attributed to: a role, never a person."""

    organisation: Organisation
    name: str


POLICE = Role(Organisation.POLICE, "kommunpolis (demo)")
MUNICIPALITY = Role(Organisation.MUNICIPALITY, "trygghetssamordnare (demo)")
SOCIAL_SERVICES = Role(Organisation.MUNICIPALITY, "socialtjänsten (demo)")
ROLES = {role.organisation: role for role in (POLICE, MUNICIPALITY)}


class Pick(Generic[T]):
    """A weighted choice with precomputed cumulative weights (`random.choices` is slower)."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cumulative: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def named(enum: type[E], **weights: float) -> Pick[E]:
    """A weighted choice among members of `enum`, given by name: `named(Priority, HIGH=1)`."""
    return Pick([(enum[name], weight) for name, weight in weights.items()])


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def time_on(rng: random.Random, day: dt.date, hour: int, hours: int = 1) -> dt.datetime:
    """A random minute on `day` within `hours` hours from `hour` (when a record was entered)."""
    return at(day, hour + (rng.randrange(hours) if hours > 1 else 0), rng.randrange(60))


def shift(start: str, end: str) -> Shift:
    """A shift from texts such as "21:00" (the end may be after midnight)."""
    begin, finish = dt.time.fromisoformat(start), dt.time.fromisoformat(end)
    return begin, finish, shifts.shift_hours(dt.date(2000, 1, 1), begin, finish)


def half_hours(value: float) -> float:
    return round(value * 2) / 2


def maybe(rng: random.Random, share: float, texts: Sequence[str]) -> str:
    """One of `texts` in `share` of the cases, otherwise no text."""
    return rng.choice(texts) if rng.random() < share else ""


def distinct(rng: random.Random, pick: Callable[[random.Random], T], k: int) -> list[T]:
    chosen: list[T] = []
    while len(chosen) < k:
        item = pick(rng)
        if item not in chosen:
            chosen.append(item)
    return chosen


def named_like(places: Sequence[tuple[str, str]], part: str) -> list[str]:
    """The ids of the places whose name contains `part` (none for an empty `part`)."""
    return [pid for pid, name in places if part and part in name.lower()]


def meta(
    rng: random.Random,
    role: Role,
    created: dt.datetime,
    *,
    updated: dt.datetime | None = None,
    updated_by: Role | None = None,
) -> RecordMeta:
    """Bookkeeping of a record entered at `created` and, if later, changed at `updated`."""
    changed = updated is not None and updated > created
    return RecordMeta(
        id=new_uuid(rng),
        version=2 if changed else 1,
        organisation=role.organisation,
        created_at=created,
        created_by=role.name,
        updated_at=updated if updated is not None and changed else created,
        updated_by=(updated_by or role).name if changed else role.name,
    )
