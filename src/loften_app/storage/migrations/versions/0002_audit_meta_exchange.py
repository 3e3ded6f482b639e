"""Bookkeeping: installation id (meta), the audit trail, and the exchange log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00

"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pragma(statement: str) -> None:
    """An SQLite header pragma; a PostgreSQL database has no file header (Alembic's revision
    alone tells its schema generation)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(statement)


#: The only UPDATE an audit row allows: retention replacing the values in `changes` of a drug
#: case's entries (every other column unchanged). Everything else aborts.
_NO_UPDATE = """
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
WHEN NOT (
    OLD.record_type = 'drug_case'
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
    AND NEW.actor IS OLD.actor AND NEW.organisation IS OLD.organisation
    AND NEW.record_type IS OLD.record_type AND NEW.record_id IS OLD.record_id
    AND NEW.note IS OLD.note
)
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be changed from the application');
END
"""
_NO_DELETE = """
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be changed from the application');
END
"""
#: The same rule on PostgreSQL: one trigger function for both triggers.
_PG_GUARD = """
CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.record_type = 'drug_case'
        AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
        AND NEW.actor IS NOT DISTINCT FROM OLD.actor
        AND NEW.organisation IS NOT DISTINCT FROM OLD.organisation
        AND NEW.record_type IS NOT DISTINCT FROM OLD.record_type
        AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id
        AND NEW.note IS NOT DISTINCT FROM OLD.note
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries cannot be changed from the application';
END
$$
"""
_PG_NO_UPDATE = (
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_guard()"
)
_PG_NO_DELETE = (
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_guard()"
)


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "meta",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("record_type", sa.Text(), nullable=True),
        sa.Column("record_id", sa.Text(), nullable=True),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_record", ["record_id"], unique=False)
    op.create_table(
        "exchange_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.Text(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("package_id", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("until", sa.Text(), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_log")),
        sa.UniqueConstraint("package_id", "direction", name=op.f("uq_exchange_log_package_id")),
    )
    if _postgresql():
        op.execute(_PG_GUARD)
        op.execute(_PG_NO_UPDATE)
        op.execute(_PG_NO_DELETE)
    else:
        op.execute(_NO_UPDATE)
        op.execute(_NO_DELETE)
    meta = sa.table("meta", sa.column("key", sa.Text()), sa.column("value", sa.Text()))
    op.bulk_insert(meta, [{"key": "installation_id", "value": str(uuid.uuid4())}])
    _pragma("PRAGMA user_version = 2")


def downgrade() -> None:
    """Downgrade schema."""
    on = " ON audit_entry" if _postgresql() else ""
    op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_delete{on}")
    op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_update{on}")
    if _postgresql():
        op.execute("DROP FUNCTION IF EXISTS audit_entry_guard()")
    op.drop_table("exchange_log")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_record")
    op.drop_table("audit_entry")
    op.drop_table("meta")
    _pragma("PRAGMA user_version = 1")
