"""Built-in templates: an agreement with its promises, targets, places and indicators.

A template is a JSON file in `resources/templates/`. Applying one writes every record in one
transaction, through the services' validation, so a template can never leave half an agreement.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from loften_app.domain.enums import Comparison, Measure, PromiseType, Responsible, TargetPeriod
from loften_app.domain.records import (
    AgreementData,
    IndicatorData,
    PlaceData,
    PromiseData,
    Stored,
    TargetData,
)
from loften_app.resources import resource_dir, resource_path
from loften_app.storage.errors import StorageError
from loften_app.storage.services import Services


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    label: str


def available_templates() -> list[TemplateInfo]:
    """The built-in templates, by name (for `loften new --template NAME`) and Swedish label."""
    found = []
    for path in sorted((resource_dir() / "templates").glob("*.json")):
        content = json.loads(path.read_text(encoding="utf-8"))
        found.append(TemplateInfo(content["name"], content["label"]))
    return found


def load_template(name: str) -> dict[str, Any]:
    path = resource_path("templates", f"{name}.json")
    if not path.is_file():
        names = ", ".join(t.name for t in available_templates())
        raise StorageError(f"Mallen '{name}' finns inte. Tillgängliga mallar: {names}.")
    content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return content


def apply_template(
    services: Services, name: str, *, session: Session | None = None
) -> Stored[AgreementData]:
    """Create the template's agreement and everything that belongs to it, in one transaction:
    its own, or the caller's `session` (demo data writes the template with its records)."""
    template = load_template(name)
    if services.agreements.current() is not None:
        raise StorageError(
            "Databasen innehåller redan en överenskommelse, så mallen lades inte till. "
            "Skapa en ny databasfil för mallen."
        )
    date = dt.date.fromisoformat
    spec = template["agreement"]
    with contextlib.ExitStack() as stack:
        if session is None:
            session = stack.enter_context(services.database.writing())
        agreement = services.agreements.stage(
            session,
            AgreementData(
                municipality=spec["municipality"],
                police_area=spec["police_area"],
                title=spec["title"],
                period_start=date(spec["period_start"]),
                period_end=date(spec["period_end"]),
                valid_until_replaced=spec["valid_until_replaced"],
                follow_up_due=date(spec["follow_up_due"]) if spec.get("follow_up_due") else None,
                publication=spec.get("publication", ""),
                background=spec.get("background", ""),
                aims=spec.get("aims", ""),
            ),
        )
        promise_ids: dict[int, str] = {}
        for item in template["promises"]:
            promise = services.promises.stage(
                session,
                PromiseData(
                    agreement_id=agreement.id,
                    number=item["number"],
                    text=item["text"],
                    short_title=item["short_title"],
                    responsible=Responsible(item["responsible"]),
                    type=PromiseType(item["type"]),
                    responsibility_note=item.get("responsibility_note", ""),
                ),
            )
            promise_ids[item["number"]] = promise.id
            for target in item.get("targets", []):
                services.targets.stage(session, target_from_spec(promise.id, target))
        for place in template.get("places", []):
            services.places.stage(
                session, PlaceData(name=place["name"], description=place.get("description", ""))
            )
        for indicator in template.get("indicators", []):
            number = indicator.get("promise_number")
            services.indicators.stage(
                session,
                IndicatorData(
                    name=indicator["name"],
                    source=indicator["source"],
                    unit=indicator.get("unit", ""),
                    description=indicator.get("description", ""),
                    promise_id=promise_ids[number] if number is not None else None,
                    lower_is_better=indicator.get("lower_is_better", True),
                ),
            )
    return agreement


def target_from_spec(promise_id: str, spec: dict[str, Any]) -> TargetData:
    """A target of `promise_id` from its JSON form in a template (or the demo's registers)."""
    return TargetData(
        promise_id=promise_id,
        measure=Measure(spec["measure"]),
        comparison=Comparison(spec["comparison"]),
        value=float(spec["value"]),
        period=TargetPeriod(spec["period"]),
        parameter=spec.get("parameter"),
        description=spec.get("description", ""),
    )
