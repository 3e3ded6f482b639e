"""The agreement cycle: a promise remembers the promise of the previous agreement it continues
(its lineage), and may carry the time planned for it (hours per year); a drug case keeps each
organisation's part empty until that organisation fills it in (the coded fields become nullable).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pragma(statement: str) -> None:
    """An SQLite header pragma; a PostgreSQL database has no file header (Alembic's revision
    alone tells its schema generation)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(statement)


#: The coded fields of a drug case that may now be empty, with their VARCHAR lengths.
_CASE_CODED = (
    ("age_group", 11),
    ("kind", 19),
    ("detection_method", 14),
    ("legal_outcome", 19),
    ("status", 10),
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.add_column(sa.Column("continues_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("planned_hours", sa.Float(), nullable=True))
        batch_op.create_index(batch_op.f("ix_promise_continues_id"), ["continues_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_promise_continues_id_promise"),
            "promise",
            ["continues_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    with op.batch_alter_table("drug_case", schema=None) as batch_op:
        for column, length in _CASE_CODED:
            batch_op.alter_column(column, existing_type=sa.String(length=length), nullable=True)
    _pragma("PRAGMA user_version = 3")


def downgrade() -> None:
    """Downgrade schema (empty coded fields must be filled in first)."""
    with op.batch_alter_table("drug_case", schema=None) as batch_op:
        for column, length in _CASE_CODED:
            batch_op.alter_column(column, existing_type=sa.String(length=length), nullable=False)
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_promise_continues_id_promise"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_promise_continues_id"))
        batch_op.drop_column("planned_hours")
        batch_op.drop_column("continues_id")
    _pragma("PRAGMA user_version = 2")
