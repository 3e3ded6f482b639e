"""What a Löften database on a server must be: exactly what the migrations make (the server's
counterpart of storage/schema.py, which reads SQLite's `sqlite_master`).

`server_schema_problems(connection)` reads the database's Alembic revision, then, inside one
transaction that is always rolled back, migrates an empty scratch schema to that revision and
compares the two schemas' tables and columns (type, nullability, default), constraints, indexes
and triggers, with each schema's name taken out of the definitions. Nothing is left behind: on
PostgreSQL the DDL itself is undone by the rollback. The accounts' own triggers (`loften_*`,
made by `server init`, not by a migration) are left out. Needs the right to create a schema
(the owner, an administrator).
"""

from __future__ import annotations

import re
import secrets

from alembic import command
from sqlalchemy import Connection, text

from loften_app.storage.database import alembic_config

Entry = tuple[str, str, str]

_CATALOG = """
SELECT 'column', table_name || '.' || column_name,
       data_type || coalesce('(' || character_maximum_length || ')', '') || ' '
       || is_nullable || ' ' || coalesce(column_default, '')
FROM information_schema.columns WHERE table_schema = :schema
UNION ALL
SELECT 'table', table_name, '' FROM information_schema.tables
WHERE table_schema = :schema AND table_type = 'BASE TABLE'
UNION ALL
SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = :schema
UNION ALL
SELECT 'constraint', c.relname || '.' || k.conname, pg_get_constraintdef(k.oid)
FROM pg_constraint AS k JOIN pg_class AS c ON c.oid = k.conrelid
JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = :schema
UNION ALL
SELECT 'trigger', c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = :schema AND NOT t.tgisinternal AND t.tgname NOT LIKE 'loften\\_%'
"""

_KINDS = {
    "table": "Tabellen",
    "column": "Kolumnen",
    "index": "Indexet",
    "constraint": "Villkoret",
    "trigger": "Utlösaren",
}


def schema_of(connection: Connection, schema: str) -> frozenset[Entry]:
    """Every table, column, constraint, index and trigger of `schema`, definitions without the
    schema's name."""
    rows = connection.execute(text(_CATALOG), {"schema": schema}).all()
    return frozenset(
        (kind, name, _canonical(definition.replace(f"{schema}.", "")))
        for kind, name, definition in rows
    )


_CASTS = re.compile(r"::[a-z ]+(\[\])?")
_NOISE = re.compile(r"[()\s]+")


def _canonical(definition: str) -> str:
    """A definition without casts, parentheses and spaces: PostgreSQL writes the same CHECK
    differently after a dump and restore (`(ARRAY['a'::varchar])::text[]` against
    `ARRAY[('a'::varchar)::text]`)."""
    return _NOISE.sub("", _CASTS.sub("", definition))


def server_schema_problems(connection: Connection, schema: str = "public") -> list[str]:
    """Swedish lines for every difference between the database's schema and what its
    revision's migrations make (empty when it matches). Runs in, and rolls back, a transaction
    of its own on `connection`."""
    revision = connection.execute(
        text(f"SELECT version_num FROM {schema}.alembic_version")
    ).scalar_one_or_none()
    connection.rollback()
    if revision is None:
        return ["Databasen saknar migreringsversion."]
    scratch = f"loften_check_{secrets.token_hex(4)}"
    try:
        with connection.begin():
            actual = schema_of(connection, schema)
            connection.exec_driver_sql(f"CREATE SCHEMA {scratch}")
            connection.exec_driver_sql(f"SET LOCAL search_path = {scratch}")
            expected: frozenset[Entry] | None = None
            try:
                command.upgrade(alembic_config(connection), str(revision))
                expected = schema_of(connection, scratch)
            except Exception:  # alembic raises several kinds for an unknown revision
                expected = None
            raise _UndoError  # never commit: the scratch schema is undone with the rest
    except _UndoError:
        pass
    if expected is None:
        return [f"Migreringsversionen {revision} är okänd för den här versionen av Löften."]
    problems = []
    expected_map = {(e[0], e[1]): e for e in expected}
    actual_map = {(e[0], e[1]): e for e in actual}
    for key in sorted(expected_map.keys() - actual_map.keys()):
        problems.append(f"{_KINDS[key[0]]} {key[1]} saknas.")
    for key in sorted(actual_map.keys() - expected_map.keys()):
        problems.append(f"{_KINDS[key[0]]} {key[1]} hör inte dit.")
    for key in sorted(expected_map.keys() & actual_map.keys()):
        if expected_map[key] != actual_map[key]:
            problems.append(f"{_KINDS[key[0]]} {key[1]} är ändrad.")
    return problems


class _UndoError(Exception):
    """Rolls the scratch schema back."""
