"""Accounts the server enforces: `loften server init` and `loften server add-user`.

Three group roles (NOLOGIN), one per kind of user; each person logs in with a role of their own
that belongs to exactly one group:

- `loften_police` (Polisen) and `loften_municipality` (Kommunen) read and write the records;
- `loften_reader` (the steering group) reads only.

The owner (whoever ran `server init`, an administrator) owns the tables; nobody else may alter
them. What the server enforces, whatever program connects:

- the audit trail takes only inserts from every group role (no UPDATE or DELETE privilege), and
  its guard trigger (migration 0002) refuses changes from the owner too, as on SQLite;
- the user and organisation written into a record (`created_by`, `updated_by`,
  `organisation` of a new record) and into the audit trail are the logged-in role's, set by a
  trigger; what the program sends is overwritten;
- the police part of a drug case can be changed only by the police group and the municipal
  part only by the municipality's (a trigger compares the old and new row; see
  `POLICE_PART_FIELDS` and `MUNICIPAL_PART_FIELDS`). A new case may be entered by either, with
  the other part empty.

Everything here is PostgreSQL-only and lives outside the Alembic migrations (which build the
same schema on both engines); `init` and every upgrade by the owner run it again, so it is
idempotent.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Table, text

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import error_text
from loften_app.domain.records import MUNICIPAL_PART_FIELDS, POLICE_PART_FIELDS, Actor
from loften_app.storage.errors import StorageError
from loften_app.storage.models import Base, Record

POLICE_GROUP = "loften_police"
MUNICIPALITY_GROUP = "loften_municipality"
READER_GROUP = "loften_reader"
#: The --organisation of `add-user` and the group it puts the user in.
GROUPS = {
    "police": POLICE_GROUP,
    "municipality": MUNICIPALITY_GROUP,
    "reader": READER_GROUP,
}
WRITERS = (POLICE_GROUP, MUNICIPALITY_GROUP)
#: Tables the groups may read but never change.
_READ_ONLY_TABLES = ("alembic_version", "meta")
_USER_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,62}$")


def record_tables() -> list[str]:
    """The tables of top-level records (those with created_by/updated_by)."""
    return sorted(
        table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Record) and isinstance(table := mapper.local_table, Table)
    )


def _not_distinct(fields: tuple[str, ...]) -> str:
    return " AND ".join(f"NEW.{f} IS NOT DISTINCT FROM OLD.{f}" for f in fields)


def _empty(fields: tuple[str, ...]) -> str:
    return " AND ".join(f"coalesce(NEW.{f}::text, '') = ''" for f in fields)


_ORGANISATION_OF = f"""
CREATE OR REPLACE FUNCTION loften_organisation() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN pg_has_role(current_user, '{POLICE_GROUP}', 'MEMBER') THEN 'police'
        WHEN pg_has_role(current_user, '{MUNICIPALITY_GROUP}', 'MEMBER') THEN 'municipality'
        ELSE NULL END
$$
"""

_STAMP_RECORD = """
CREATE OR REPLACE FUNCTION loften_stamp_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE org text := loften_organisation();
BEGIN
    IF org IS NULL THEN
        RETURN NEW;  -- the owner (administration, imports run by IT)
    END IF;
    NEW.updated_by := current_user;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
        NEW.organisation := org;
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.organisation := OLD.organisation;
    END IF;
    RETURN NEW;
END
$$
"""

_STAMP_AUDIT = """
CREATE OR REPLACE FUNCTION loften_stamp_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE org text := loften_organisation();
BEGIN
    IF org IS NOT NULL THEN
        NEW.actor := current_user;
        NEW.organisation := org;
    END IF;
    RETURN NEW;
END
$$
"""

_CASE_PARTS = f"""
CREATE OR REPLACE FUNCTION loften_drug_case_parts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE org text := loften_organisation();
BEGIN
    IF org = 'police' AND (
        (TG_OP = 'UPDATE' AND NOT ({_not_distinct(MUNICIPAL_PART_FIELDS)}))
        OR (TG_OP = 'INSERT' AND NOT ({_empty(MUNICIPAL_PART_FIELDS)}))
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'loften: municipal part of drug case';
    END IF;
    IF org = 'municipality' AND TG_OP = 'UPDATE'
        AND NOT ({_not_distinct(POLICE_PART_FIELDS)}) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'loften: police part of drug case';
    END IF;
    RETURN NEW;
END
$$
"""


def _statements(tables: list[str], owner: str) -> list[str]:
    statements = []
    for group in GROUPS.values():
        statements.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )
    statements += [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {', '.join(GROUPS.values())}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {', '.join(GROUPS.values())}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {', '.join(GROUPS.values())}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {', '.join(WRITERS)}",
    ]
    writable = [t for t in tables if t not in (*_READ_ONLY_TABLES, "audit_entry")]
    statements.append(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writable)} TO {', '.join(WRITERS)}"
    )
    statements.append(f"GRANT INSERT ON audit_entry TO {', '.join(WRITERS)}")
    statements += [_ORGANISATION_OF, _STAMP_RECORD, _STAMP_AUDIT, _CASE_PARTS]
    for table in record_tables():
        statements += [
            f"DROP TRIGGER IF EXISTS loften_stamp ON {table}",
            f"CREATE TRIGGER loften_stamp BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION loften_stamp_record()",
        ]
    statements += [
        "DROP TRIGGER IF EXISTS loften_stamp ON audit_entry",
        "CREATE TRIGGER loften_stamp BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION loften_stamp_audit()",
        "DROP TRIGGER IF EXISTS loften_parts ON drug_case",
        "CREATE TRIGGER loften_parts BEFORE INSERT OR UPDATE ON drug_case "
        "FOR EACH ROW EXECUTE FUNCTION loften_drug_case_parts()",
    ]
    return statements


def apply_security(connection: Connection) -> None:
    """Create the groups, privileges and triggers (idempotent), in the caller's transaction."""
    owner = connection.execute(text("SELECT current_user")).scalar_one()
    tables = list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        ).scalars()
    )
    for statement in _statements(tables, owner):
        connection.exec_driver_sql(statement.replace("%", "%%"))


def add_user(connection: Connection, name: str, organisation: str, password: str | None) -> None:
    """Create the login role `name` in the group of `organisation` (police, municipality,
    reader), with `password` if given (else the server's own authentication decides)."""
    if organisation not in GROUPS:
        raise StorageError(
            error_text(
                "server.unknown_organisation",
                "Okänd organisation {organisation!r}: ange police, municipality eller reader.",
                organisation=organisation,
            )
        )
    if not _USER_NAME.match(name):
        raise StorageError(
            error_text(
                "server.bad_user_name",
                "Användarnamnet {name!r} går inte att använda: små bokstäver a–z, siffror, "
                "punkt, bindestreck och understreck, och det ska börja med en bokstav.",
                name=name,
            )
        )
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).first()
    if exists:
        raise StorageError(
            error_text(
                "server.user_exists",
                "Användaren {name} finns redan på servern. Inget har ändrats.",
                name=name,
            )
        )
    quoted = '"' + name + '"'
    connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN IN ROLE {GROUPS[organisation]}")
    if password:
        # The password travels as a literal (CREATE ROLE takes no parameters); quote it.
        literal = "'" + password.replace("'", "''") + "'"
        connection.exec_driver_sql(f"ALTER ROLE {quoted} PASSWORD {literal}".replace("%", "%%"))


def logged_in_actor(connection: Connection) -> Actor | None:
    """The actor of the logged-in role: its name, and its group's organisation; None for the
    owner (an administrator, in no Löften group; also before `server init`)."""
    rows = connection.execute(
        text(
            "SELECT current_user, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolname = current_user AND g.rolname IN (:police, :municipality)"
        ),
        {"police": POLICE_GROUP, "municipality": MUNICIPALITY_GROUP},
    ).all()
    groups = {group for _name, group in rows}
    name = connection.execute(text("SELECT current_user")).scalar_one()
    if POLICE_GROUP in groups:
        return Actor(str(name), Organisation.POLICE)
    if MUNICIPALITY_GROUP in groups:
        return Actor(str(name), Organisation.MUNICIPALITY)
    return None
