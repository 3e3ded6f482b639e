"""What a Löften database file's schema must be: exactly what the migrations make.

`schema_problems(connection)` reads the file's Alembic revision and compares its tables,
columns, indexes and triggers (the `sqlite_master` entries, SQL text with whitespace
normalised) with a scratch database migrated to the same revision. A file whose revision is
unknown, or which lacks, adds or alters any of them (the audit trail's triggers dropped, say),
does not match. Restore and `loften check` rely on this.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
import tempfile
from pathlib import Path

__all__ = ["expected_schema", "schema_of", "schema_problems"]

SchemaEntry = tuple[str, str, str, str]

_SQL = (
    "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
)
_SPACE = re.compile(r"\s+")


def schema_of(connection: sqlite3.Connection) -> frozenset[SchemaEntry]:
    """Every table, index, trigger and view of the database, SQL text normalised."""
    return frozenset(
        (kind, name, table, _normalised(kind, _SPACE.sub(" ", sql).strip()))
        for kind, name, table, sql in connection.execute(_SQL)
    )


def _normalised(kind: str, sql: str) -> str:
    """A table's constraints in a fixed order: a migration that rebuilds a table (Alembic's
    batch mode) writes them in an order that varies from run to run."""
    if kind != "table" or not sql.endswith(")") or "(" not in sql:
        return sql
    head, body = sql[: sql.index("(")], sql[sql.index("(") + 1 : -1]
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in body:
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        depth += (char == "(") - (char == ")")
        current.append(char)
    parts.append("".join(current).strip())
    columns = [p for p in parts if not p.startswith("CONSTRAINT ")]
    constraints = sorted(p for p in parts if p.startswith("CONSTRAINT "))
    return f"{head}( {', '.join([*columns, *constraints])} )"


@functools.cache
def expected_schema(revision: str) -> frozenset[SchemaEntry] | None:
    """The schema the migrations make up to `revision`, or None if no migration has that id."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from loften_app.storage.database import alembic_config, make_engine

    script = ScriptDirectory.from_config(alembic_config())
    try:
        if script.get_revision(revision) is None:
            return None
    except Exception:  # alembic raises several kinds for an unknown revision
        return None
    with tempfile.TemporaryDirectory(prefix="loften-schema-") as folder:
        path = Path(folder) / "scratch.db"
        engine = make_engine(path)
        try:
            with engine.connect() as connection, connection.begin():
                command.upgrade(alembic_config(connection), revision)
        finally:
            engine.dispose()
        with contextlib.closing(sqlite3.connect(path)) as scratch:
            return schema_of(scratch)


def schema_problems(connection: sqlite3.Connection) -> list[str]:
    """Swedish lines for every difference between the file's schema and what its revision's
    migrations make (empty when it matches exactly)."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None
    if row is None:
        return ["Filen saknar migreringsversion."]
    revision = str(row[0])
    expected = expected_schema(revision)
    if expected is None:
        return [f"Migreringsversionen {revision} är okänd för den här versionen av Löften."]
    actual = schema_of(connection)
    problems = []
    kinds = {"table": "tabellen", "index": "indexet", "trigger": "utlösaren", "view": "vyn"}
    expected_names = {(entry[0], entry[1]): entry for entry in expected}
    actual_names = {(entry[0], entry[1]): entry for entry in actual}
    for key in sorted(expected_names.keys() - actual_names.keys()):
        problems.append(f"{kinds.get(key[0], key[0]).capitalize()} {key[1]} saknas.")
    for key in sorted(actual_names.keys() - expected_names.keys()):
        problems.append(f"{kinds.get(key[0], key[0]).capitalize()} {key[1]} hör inte dit.")
    for key in sorted(expected_names.keys() & actual_names.keys()):
        if expected_names[key] != actual_names[key]:
            problems.append(f"{kinds.get(key[0], key[0]).capitalize()} {key[1]} är ändrad.")
    return problems
