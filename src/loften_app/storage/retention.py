"""Retention (gallring) of drug cases.

A closed drug case whose closing date lies more than `months` months back (default 36) keeps
what the statistics need and loses what could point at a person:

- kept: promise, case code, place, age group, kind, detection method, legal outcome, the kind
  of notification, support offered, accepted, status, hours spent, and the month it was
  detected in;
- the exact dates go: `detected_on` becomes the first day of its month, and the notification,
  first-contact and closing dates are moved back by the same number of days, so that every
  day difference stays (days to first contact, notified or not, time to closing) while no
  date is the real one any more. Figures by month, quarter and year stay as they were;
- both notes are emptied.

The case gets a new version (so that an exchange carries the retained copy to the partner),
and the audit trail gets one `retention` line for the case, with the fields that changed and
their old values replaced by "(gallrat)". The values in the case's earlier audit lines are
replaced the same way (the only change the audit triggers allow), since a trail that kept the
removed notes and dates would undo the retention. A run without anything to retain writes
nothing. Deleted (soft) cases are retained too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from loften_app.domain.records import Actor
from loften_app.storage import audit, totals
from loften_app.storage.database import Database
from loften_app.storage.engines import session_sql

DEFAULT_MONTHS = 36
NOTE_FIELDS = ("police_notes", "municipal_notes")
DATE_FIELDS = ("detected_on", "municipality_notified_on", "first_contact_on", "closed_on")
REDACTED_FIELDS = NOTE_FIELDS + DATE_FIELDS

_CANDIDATES = """
SELECT id, version, detected_on, municipality_notified_on, first_contact_on, closed_on,
       police_notes, municipal_notes
FROM drug_case
WHERE status = 'closed' AND closed_on IS NOT NULL AND closed_on < ?
  AND (police_notes != '' OR municipal_notes != '' OR strftime('%d', detected_on) != '01')
"""
_UPDATE = """
UPDATE drug_case SET detected_on = ?, municipality_notified_on = ?, first_contact_on = ?,
       closed_on = ?, police_notes = '', municipal_notes = '', version = ?, updated_at = ?,
       updated_by = ?
WHERE id = ? AND version = ?
"""


@dataclass(frozen=True)
class RetentionResult:
    """What a run did: how many cases it retained, and the closing date it went by."""

    cases: int
    closed_before: dt.date


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def _shift(value: str | None, by: dt.timedelta) -> str | None:
    return None if value is None else (dt.date.fromisoformat(str(value)) - by).isoformat()


def _redact(changes_json: str) -> str | None:
    """The JSON with the values of the redacted fields replaced; None if nothing changes."""
    changes: dict[str, Any] = json.loads(changes_json)
    touched = False
    for name in REDACTED_FIELDS:
        values = changes.get(name)
        if isinstance(values, list):
            new = [v if v in (None, "", audit.REDACTED) else audit.REDACTED for v in values]
            if new != values:
                changes[name] = new
                touched = True
    return audit.to_json(changes) if touched else None


def run_retention(
    database: Database,
    *,
    actor: Actor | None = None,
    months: int = DEFAULT_MONTHS,
    now: dt.datetime | None = None,
) -> RetentionResult:
    """Retain every closed drug case closed more than `months` months before `now`, in one
    transaction (at start and on demand)."""
    if months < 1:
        raise ValueError("retention needs at least one month")
    now = now or dt.datetime.now(dt.UTC)
    cutoff = months_before(now.astimezone(dt.UTC).date(), months)
    updated_at = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    who = actor.name if actor is not None else "Löften (gallring)"
    count = 0
    with database.writing() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        rows = raw.execute(session_sql(session, _CANDIDATES), (cutoff.isoformat(),)).fetchall()
        # A retained case stays in its month with its days to contact, so its totals stay the
        # same; they are kept by the delta all the same, as every write's are.
        with totals.tracking(session, "drug_case", [str(row[0]) for row in rows]):
            for case_id, version, detected, notified, contact, closed, p_notes, m_notes in rows:
                detected_day = dt.date.fromisoformat(str(detected))
                by = dt.timedelta(days=detected_day.day - 1)
                new = {
                    "detected_on": _shift(detected, by),
                    "municipality_notified_on": _shift(notified, by),
                    "first_contact_on": _shift(contact, by),
                    "closed_on": _shift(closed, by),
                }
                raw.execute(
                    session_sql(session, _UPDATE),
                    (*new.values(), version + 1, updated_at, who, case_id, version),
                )
                for entry_id, changes_json in raw.execute(
                    session_sql(
                        session,
                        "SELECT id, changes FROM audit_entry "
                        "WHERE record_id = ? AND record_type = 'drug_case' AND changes IS NOT NULL",
                    ),
                    (case_id,),
                ).fetchall():
                    redacted = _redact(changes_json)
                    if redacted is not None:
                        raw.execute(
                            session_sql(session, "UPDATE audit_entry SET changes = ? WHERE id = ?"),
                            (redacted, entry_id),
                        )
                old = {  # dates as ISO text, as SQLite gives them (PostgreSQL gives dates)
                    "detected_on": _iso(detected),
                    "municipality_notified_on": _iso(notified),
                    "first_contact_on": _iso(contact),
                    "closed_on": _iso(closed),
                    "police_notes": p_notes,
                    "municipal_notes": m_notes,
                }
                final = {**new, "police_notes": "", "municipal_notes": ""}
                changes = {
                    name: [audit.REDACTED, final[name]]
                    for name, value in old.items()
                    if value != final[name]
                }
                audit.record(
                    session,
                    at=now,
                    actor=actor,
                    action=audit.RETENTION,
                    record_type="drug_case",
                    record_id=case_id,
                    changes=changes,
                    note=f"Gallring: avslutat före {cutoff.isoformat()}",
                )
                count += 1
        if count:
            audit.record(
                session,
                at=now,
                actor=actor,
                action=audit.RETENTION,
                note=(
                    f"Gallring av narkotikaärenden avslutade före {cutoff.isoformat()} "
                    f"({months} månader): {count} ärenden"
                ),
            )
    return RetentionResult(count, cutoff)
