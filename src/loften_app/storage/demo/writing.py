"""Writing demo records: in validated chunks, and only into a year that has no activities yet."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from loften_app.domain.errors import ValidationError, error_text
from loften_app.domain.periods import Period
from loften_app.domain.validation import MAX_YEAR, MIN_YEAR, validate
from loften_app.storage.demo.common import MUNICIPALITY, POLICE, SOCIAL_SERVICES, DemoOptions, Pair
from loften_app.storage.engines import session_sql
from loften_app.storage.errors import StorageError
from loften_app.storage.kinds import ACTIVITY_STORAGE_KINDS
from loften_app.storage.services import Deleted, RecordFilter, RecordService, Services
from loften_app.storage.services.base import utc_now

#: Records handed to `insert_rows` at a time (bounded memory for a million records).
CHUNK = 5000
#: The first records of each type are run through the domain validation as a guard.
VALIDATED_SAMPLE = 200


def write_records(session: Session, service: RecordService[Any, Any], pairs: Iterable[Pair]) -> int:
    """Insert `pairs` in chunks through the service; the first `VALIDATED_SAMPLE` are validated
    (a generated record that the domain would refuse is a bug). Returns the count."""
    written = 0
    batch: list[Pair] = []
    now = utc_now()
    for generated in pairs:
        meta, data = generated
        pair = generated
        if meta.updated_at > now:  # a demo of this year: no change stamped after now
            created = min(meta.created_at, now)
            pair = (dataclasses.replace(meta, created_at=created, updated_at=now), data)
        if written + len(batch) < VALIDATED_SAMPLE:
            issues = validate(pair[1], today=None)
            if issues:
                raise ValidationError(issues)
        batch.append(pair)
        if len(batch) >= CHUNK:
            service.insert_rows(session, batch)
            written += len(batch)
            batch = []
    if batch:
        service.insert_rows(session, batch)
        written += len(batch)
    return written


def check_options(options: DemoOptions) -> None:
    if not MIN_YEAR <= options.year <= MAX_YEAR:
        raise StorageError(
            error_text(
                "demo.bad_year",
                "Året {year} går inte att använda för demodata. Ange ett år mellan "
                "{low} och {high}, t.ex. 2018.",
                year=options.year,
                low=MIN_YEAR,
                high=MAX_YEAR,
            )
        )
    if options.scale < 1:
        raise StorageError(error_text("demo.bad_scale", "Skalan för demodata måste vara minst 1."))


#: The tables whose records demo-data writes; every one of them written by a demo role.
_DEMO_TABLES = (*(kind.table for kind in ACTIVITY_STORAGE_KINDS), "indicator_value")


def refuse_if_real_records(session: Session) -> None:
    """Demo records are written without audit lines, so they may never be mixed with real ones:
    refuse if any activity or indicator value was created or changed by anyone but a demo role.
    Call it while holding the write transaction."""
    names = sorted({POLICE.name, MUNICIPALITY.name, SOCIAL_SERVICES.name})
    marks = ", ".join("?" for _ in names)
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    found = 0
    for table in _DEMO_TABLES:
        (count,) = raw.execute(
            session_sql(
                session,
                f"SELECT count(*) FROM {table} "
                f"WHERE created_by NOT IN ({marks}) OR updated_by NOT IN ({marks})",
            ),
            (*names, *names),
        ).fetchone()
        found += int(count)
    if found:
        raise StorageError(
            error_text(
                "demo.real_records",
                "Databasen innehåller {count} poster som inte är demodata, så inga demodata "
                "lades till (de skulle blandas med riktiga poster utan rader i ändringsloggen). "
                "Använd en ny databasfil för demodata.",
                count=found,
            )
        )


def refuse_if_year_has_activities(services: Services, year: int, parts: str = "both") -> None:
    """Running twice for a year would duplicate it: refuse if any activity (even a deleted one)
    of the kinds `parts` makes ("police", "municipality" or "both") is dated in the year. Call it
    while holding the write transaction, so that nobody adds one in between."""
    dated = RecordFilter(
        period=Period(dt.date(year, 1, 1), dt.date(year, 12, 31)), deleted=Deleted.ALL
    )
    found = sum(
        service.count(filter=dated)
        for service, owner in (
            (services.of_kind(kind.key), kind.demo.owner)
            for kind in ACTIVITY_STORAGE_KINDS
            if kind.demo is not None
        )
        if parts in ("both", owner)
    )
    if found:
        raise StorageError(
            error_text(
                "demo.year_has_activities",
                "Databasen innehåller redan {count} aktiviteter daterade {year}, så inga "
                "demodata lades till (de skulle blandas med eller dubblera dem). Välj ett annat "
                "år eller en ny databasfil.",
                count=found,
                year=year,
            )
        )
