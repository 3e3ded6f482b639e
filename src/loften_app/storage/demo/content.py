"""The Swedish texts and tables of the demo data, read from `resources/demo/*.json`.

The JSON files hold what a person would change to make the demo tell another story (notes,
shops, events, what a safety walk finds and what is done about it); the generators hold the
statistics. `load_content` turns the files into typed, immutable values once.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

from loften_app.domain.enums import (
    ActionOwner,
    ObservationCategory,
    Organisation,
    PromiseType,
    VolunteerTask,
)
from loften_app.resources import resource_path
from loften_app.storage.demo.common import ROLES, Role, Shift, shift

Texts = tuple[str, ...]


@dataclass(frozen=True)
class ShopSpec:
    name: str
    address: str
    kind: str
    near: str  # part of the name of the place it lies at ("" for none)


@dataclass(frozen=True)
class Event:
    """A yearly event where volunteers are present."""

    month: int
    day: int
    name: str
    shift: Shift


@dataclass(frozen=True)
class ActionSpec:
    what: str
    owner: ActionOwner
    owner_detail: str


@dataclass(frozen=True)
class CategorySpec:
    """What a safety walk observes in one category, and what may be done about it."""

    weight: float
    descriptions: Texts
    actions: tuple[ActionSpec, ...]


@dataclass(frozen=True)
class OtherActivitySpec:
    promise_type: PromiseType
    what: str
    count: tuple[int, int]
    hours: tuple[float, float]
    near: str
    role: Role
    notes: str


@dataclass(frozen=True)
class Content:
    """Every text and table of the demo data."""

    places: Texts
    central_places: Texts
    shops: tuple[ShopSpec, ...]
    patrol_notes: Texts
    visit_notes: Texts
    events: tuple[Event, ...]
    event_note: str
    volunteer_notes: dict[VolunteerTask, Texts]
    categories: dict[ObservationCategory, CategorySpec]
    rejection_reasons: Texts
    cancellation_reasons: Texts
    completed_walk_notes: Texts
    planned_walk_note: str
    police_notes: Texts
    municipal_notes: Texts
    other_activities: tuple[OtherActivitySpec, ...]
    indicator_source_note: str
    #: Targets a coordinator might set (the template has only the seed's walk target).
    targets: tuple[dict[str, Any], ...] = ()
    #: The texts of `other_activities.json` by key, for the generators declared with their
    #: kinds (`storage.kinds`): a new kind's texts need no field here.
    kind_texts: dict[str, Any] = field(default_factory=dict)

    def texts(self, key: str) -> Texts:
        """The list of texts under `key` in `kind_texts` (empty if none)."""
        return tuple(self.kind_texts.get(key, ()))


def _read(name: str) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(
        resource_path("demo", f"{name}.json").read_text(encoding="utf-8")
    )
    return content


def _category(spec: dict[str, Any]) -> CategorySpec:
    return CategorySpec(
        weight=float(spec["weight"]),
        descriptions=tuple(spec["descriptions"]),
        actions=tuple(
            ActionSpec(what, ActionOwner(owner), detail) for what, owner, detail in spec["actions"]
        ),
    )


def _other_activity(spec: dict[str, Any]) -> OtherActivitySpec:
    low, high = spec["count"]
    least, most = spec["hours"]
    return OtherActivitySpec(
        promise_type=PromiseType(spec["promise_type"]),
        what=spec["what"],
        count=(int(low), int(high)),
        hours=(float(least), float(most)),
        near=spec["near"],
        role=ROLES[Organisation(spec["by"])],
        notes=spec["notes"],
    )


@functools.cache
def load_content() -> Content:
    """The demo's texts and tables (read once)."""
    registers, patrols, walks = _read("registers"), _read("patrols"), _read("safety_walks")
    cases, others = _read("drug_cases"), _read("other_activities")
    return Content(
        places=tuple(registers["places"]),
        central_places=tuple(registers["central_places"]),
        shops=tuple(ShopSpec(**shop) for shop in registers["shops"]),
        patrol_notes=tuple(patrols["patrol_notes"]),
        visit_notes=tuple(patrols["visit_notes"]),
        events=tuple(
            Event(e["month"], e["day"], e["name"], shift(e["start"], e["end"]))
            for e in patrols["events"]
        ),
        event_note=patrols["event_note"],
        volunteer_notes={
            VolunteerTask(task): tuple(texts) for task, texts in patrols["volunteer_notes"].items()
        },
        categories={
            ObservationCategory(name): _category(spec) for name, spec in walks["categories"].items()
        },
        rejection_reasons=tuple(walks["rejection_reasons"]),
        cancellation_reasons=tuple(walks["cancellation_reasons"]),
        completed_walk_notes=tuple(walks["completed_notes"]),
        planned_walk_note=walks["planned_note"],
        police_notes=tuple(cases["police_notes"]),
        municipal_notes=tuple(cases["municipal_notes"]),
        other_activities=tuple(_other_activity(spec) for spec in others["activities"]),
        indicator_source_note=others["indicator_source_note"],
        targets=tuple(registers.get("targets", ())),
        kind_texts=others,
    )
