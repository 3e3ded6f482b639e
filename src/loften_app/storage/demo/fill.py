"""`fill_demo_data`: the template if the file has none, the registers, then every record type,
all in one write transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from loften_app.domain.enums import PromiseType
from loften_app.domain.errors import error_text
from loften_app.domain.records import Actor
from loften_app.storage.database import Database
from loften_app.storage.demo.common import DemoOptions, at, new_uuid
from loften_app.storage.demo.content import Content, load_content
from loften_app.storage.demo.other import indicator_values
from loften_app.storage.demo.registers import existing_indicator_values, read_registers
from loften_app.storage.demo.writing import (
    check_options,
    refuse_if_real_records,
    refuse_if_year_has_activities,
    write_records,
)
from loften_app.storage.demo.year import DemoYear
from loften_app.storage.errors import StorageError
from loften_app.storage.kinds import ACTIVITY_STORAGE_KINDS
from loften_app.storage.services import RecordFilter, Services
from loften_app.storage.services.activities import next_case_number
from loften_app.storage.template import apply_template, target_from_spec


def fill_demo_data(database: Database, actor: Actor, options: DemoOptions) -> dict[str, int]:
    """Fill `database` with a year of fictitious records; returns Swedish labels → counts.

    Applies `options.template` first if the file has no agreement (its records are attributed
    to `actor`; the demo records to roles such as "kommunpolis (demo)"). Raises `StorageError`
    if the year already has activity records. Everything is written in one transaction.
    """
    check_options(options)
    content = load_content()
    rng = options.rng("registers")
    created = at(dt.date(options.year - 1, 12, 18), 9)
    # The template's records take their times and ids from here too: the file is repeatable.
    services = Services.build(database, actor, clock=lambda: created, ids=lambda: new_uuid(rng))
    summary: dict[str, int] = {}
    with database.writing() as session:
        session.connection()  # BEGIN IMMEDIATE: nobody else writes until the commit
        refuse_if_real_records(session)
        refuse_if_year_has_activities(services, options.year, options.parts)
        agreement = services.agreements.in_force(dt.date(options.year, 12, 31))
        agreement = agreement or services.agreements.in_force(dt.date(options.year, 1, 1))
        if agreement is None and services.agreements.current() is not None:
            raise StorageError(
                error_text(
                    "demo.no_agreement_for_year",
                    "Ingen överenskommelse gäller {year}. Förnya överenskommelsen "
                    "(loften renew) först.",
                    year=options.year,
                )
            )
        if agreement is None:
            agreement = apply_template(services, options.template, session=session)
            summary["Överenskommelse (från mallen)"] = 1
        registers, counts = read_registers(
            session, services, agreement_id=agreement.id, content=content, rng=rng, created=created
        )
        summary.update(counts)
        summary["Mål (demo)"] = _add_demo_targets(session, services, registers.promises, content)
        first_case = next_case_number(session, options.year, options.case_prefix)
        year = DemoYear(options, registers, content, first_case)
        for kind in ACTIVITY_STORAGE_KINDS:
            demo = kind.demo
            if demo is None or not options.makes(demo.owner):
                continue
            promise_type = kind.promise_type
            promise_id = None if promise_type is None else registers.promises.get(promise_type)
            if promise_type is None or promise_id is not None:
                service = services.of_kind(kind.key)
                summary[demo.label] = write_records(
                    session, service, demo.generate(year, promise_id)
                )
                summary.update((child, year.counts.get(child, 0)) for child in demo.children)
        values = indicator_values(year, existing_indicator_values(session))
        summary["Indikatorvärden"] = write_records(session, services.indicator_values, values)
    return summary


def _add_demo_targets(
    session: Session,
    services: Services,
    promises: dict[PromiseType, str],
    content: Content,
) -> int:
    """The demo's targets, each added unless its promise already has a target on the same
    measure and period (a second demo year adds none)."""
    existing = {
        (t.data.promise_id, t.data.measure, t.data.period)
        for t in services.targets.list_page(
            filter=RecordFilter(), sort="measure", descending=False, offset=0, limit=10_000
        ).items
    }
    added = 0
    for spec in content.targets:
        promise_id = promises.get(PromiseType(spec["promise_type"]))
        if promise_id is None:
            continue
        data = target_from_spec(promise_id, spec)
        if (data.promise_id, data.measure, data.period) in existing:
            continue
        services.targets.stage(session, data)
        added += 1
    return added
