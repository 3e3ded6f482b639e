"""What a Löften database file's schema must be: exactly what the migrations make.

`schema_problems(connection)` reads the file's Alembic revision and compares its tables,
columns, indexes and triggers (the `sqlite_master` entries, SQL text with whitespace
normalised) with a scratch database migrated to the same revision. A file whose revision is
unknown, or which lacks, adds or alters any of them (the audit trail's triggers dropped, say),
does not match. Restore and `loften check` rely on this.

The schema of the newest revision is stored beside the migrations (`migrations/schema.json`,
written by `python -m loften_app.storage.schema` and checked by a test against what the
migrations make), so that checking a current file needs no Alembic: importing it and
migrating a scratch file cost more than the rest of `loften check` at real size. An older
revision is still migrated in a scratch file.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sqlite3
import tempfile
from pathlib import Path

__all__ = ["expected_schema", "migrated_schema", "schema_of", "schema_problems", "stored_schema"]

SchemaEntry = tuple[str, str, str, str]

#: The newest revision's schema as the migrations make it: {"revision": ..., "entries": [...]}.
STORED_SCHEMA = Path(__file__).resolve().parent / "migrations" / "schema.json"

_SQL = (
    "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
)
_SPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[(),]")


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
    depth = start = 0
    for match in _SEPARATORS.finditer(body):  # the commas outside parentheses split it
        char = match.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            parts.append(body[start : match.start()].strip())
            start = match.end()
    parts.append(body[start:].strip())
    columns = [p for p in parts if not p.startswith("CONSTRAINT ")]
    constraints = sorted(p for p in parts if p.startswith("CONSTRAINT "))
    return f"{head}( {', '.join([*columns, *constraints])} )"


@functools.cache
def expected_schema(revision: str) -> frozenset[SchemaEntry] | None:
    """The schema the migrations make up to `revision`, or None if no migration has that id:
    the stored one when it is of that revision, otherwise a scratch file migrated by Alembic."""
    stored = stored_schema()
    if stored is not None and stored[0] == revision:
        return stored[1]
    return migrated_schema(revision)


def stored_schema(path: Path = STORED_SCHEMA) -> tuple[str, frozenset[SchemaEntry]] | None:
    """(revision, schema) from `migrations/schema.json`, or None if it is missing or unreadable
    (then the migrations are run instead)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        entries = frozenset(
            (str(kind), str(name), str(table), str(sql))
            for kind, name, table, sql in stored["entries"]
        )
        return str(stored["revision"]), entries
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_stored_schema(revision: str, path: Path = STORED_SCHEMA) -> None:
    """Write the schema the migrations make up to `revision` into `path` (for developers: run
    `python -m loften_app.storage.schema` after adding a migration)."""
    schema = migrated_schema(revision)
    if schema is None:
        raise ValueError(f"no migration has the revision {revision}")
    lines = ",\n  ".join(json.dumps(entry, ensure_ascii=False) for entry in sorted(schema))
    text = f'{{\n "revision": {json.dumps(revision)},\n "entries": [\n  {lines}\n ]\n}}\n'
    path.write_text(text, encoding="utf-8")


@functools.cache
def migrated_schema(revision: str) -> frozenset[SchemaEntry] | None:
    """The schema the migrations make up to `revision` in a scratch file (slow: Alembic), or
    None if no migration has that id."""
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


if __name__ == "__main__":
    from loften_app.storage.database import head_revision

    write_stored_schema(head_revision())
    print(f"{STORED_SCHEMA} written for revision {head_revision()}")
