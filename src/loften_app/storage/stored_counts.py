"""How many active records a large table holds, from the stored totals (`storage.totals`).

Counting a million patrols walks a whole index (about 10 ms, more with a cold cache). The stored
totals already count them: every active record of these tables counts once in the month of its
date (`totals.add_figures`; the date is required), and the totals are kept in the
transaction of every write. A list reads the number here to show its rows at once, and counts
them afterwards all the same (`ui.lists.table_model`), so that a file whose totals have drifted
(`loften check`) shows the right rows a moment later.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from loften_app.storage.totals import CHANGES, TABLE

__all__ = ["COUNTED", "stored_count"]

#: Record table → the stored measure that counts its active records.
COUNTED = {
    "patrol": "patrols",
    "volunteer_deployment": "deployments",
    "other_activity": "other_activities",
}

#: Both tables added up in one statement (a server keeps changes apart until folded).
_COUNT = text(f"""
SELECT total(value) FROM (
    SELECT value FROM {TABLE} WHERE measure = :measure
    UNION ALL
    SELECT value FROM {CHANGES} WHERE measure = :measure
) AS both_tables
""")


def stored_count(session: Session, table: str) -> int | None:
    """The active records of `table` by the stored totals; None for a table they do not count."""
    measure = COUNTED.get(table)
    if measure is None:
        return None
    value = session.execute(_COUNT, {"measure": measure}).scalar_one()
    return round(value or 0)
