"""Built-in templates: an agreement with its promises, targets, places and indicators.

A template is a JSON file in `resources/templates/`. Applying one writes every record in one
transaction, through the services' validation, so a template can never leave half an agreement.

A template holds promise texts, not a frozen period: "filipstad" is the seed's promises for a
period the user chooses (by default the current calendar year). The file's own name
("filipstad-2017-2018") gives the seed's period as written, which the demo data uses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from loften_app.domain.enums import Comparison, Measure, PromiseType, Responsible, TargetPeriod
from loften_app.domain.errors import error_text
from loften_app.domain.periods import Period
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
from loften_app.storage.services.cycle import renewed_title


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


#: Short names of the templates whose period the user chooses, and the file each one uses.
PERIOD_TEMPLATES = {"filipstad": "filipstad-2017-2018"}


def template_label(name: str, template: dict[str, Any]) -> str:
    """The template's name for people: "Filipstad" for the promises of any period, else the
    label of the file ("Filipstad 2017–2018")."""
    if name in PERIOD_TEMPLATES:
        return str(template["label"]).split(" ")[0]
    return str(template["label"])


def load_template(name: str) -> dict[str, Any]:
    path = resource_path("templates", f"{PERIOD_TEMPLATES.get(name, name)}.json")
    if not path.is_file():
        names = ", ".join(t.name for t in available_templates())
        raise StorageError(
            error_text(
                "template.unknown",
                "Mallen '{name}' finns inte. Tillgängliga mallar: {names}.",
                name=name,
                names=names,
            )
        )
    content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return content


def template_period(name: str, period: Period | None, today: dt.date | None = None) -> Period:
    """The period an agreement made from template `name` covers: `period` when given, else the
    template's own period for a file name ("filipstad-2017-2018"), else this calendar year."""
    if period is not None:
        return period
    if name not in PERIOD_TEMPLATES:
        spec = load_template(name)["agreement"]
        return Period(
            dt.date.fromisoformat(spec["period_start"]), dt.date.fromisoformat(spec["period_end"])
        )
    y = (today or dt.date.today()).year
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31))


def apply_template(
    services: Services,
    name: str,
    *,
    period: Period | None = None,
    session: Session | None = None,
    today: dt.date | None = None,
) -> Stored[AgreementData]:
    """Create the template's agreement for `period` (see `template_period`) and everything
    that belongs to it, in one transaction: its own, or the caller's `session` (demo data
    writes the template with its records)."""
    template = load_template(name)
    chosen = template_period(name, period, today)
    if services.agreements.current() is not None:
        raise StorageError(
            error_text(
                "template.already_has_agreement",
                (
                    "Databasen innehåller redan en överenskommelse, så mallen lades inte till. "
                    "Skapa en ny databasfil för mallen."
                ),
            )
        )
    date = dt.date.fromisoformat
    spec = template["agreement"]
    written = Period(date(spec["period_start"]), date(spec["period_end"]))
    due = date(spec["follow_up_due"]) if spec.get("follow_up_due") else None
    if chosen != written:
        due = dt.date(chosen.end.year + 1, 3, 31)
    with contextlib.ExitStack() as stack:
        if session is None:
            session = stack.enter_context(services.database.writing())
        agreement = services.agreements.stage(
            session,
            AgreementData(
                municipality=spec["municipality"],
                police_area=spec["police_area"],
                title=renewed_title(spec["title"], written, chosen),
                period_start=chosen.start,
                period_end=chosen.end,
                valid_until_replaced=spec["valid_until_replaced"],
                follow_up_due=due,
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
