"""Stored totals per promise, month and measure (storage/totals.py), filled from the records.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pragma(statement: str) -> None:
    """An SQLite header pragma; a PostgreSQL database has no file header."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(statement)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "figure_total",
        sa.Column("promise_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("measure", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("promise_id", "month", "measure", name=op.f("pk_figure_total")),
    )
    # On a PostgreSQL server each write adds its changes here (never a conflict between two
    # writers); they are folded into figure_total now and then (storage/totals.py).
    op.create_table(
        "figure_total_change",
        sa.Column("promise_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("measure", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
    )
    # The totals of the records already there, counted with the figures' own queries.
    from loften_app.storage.totals import rebuild

    rebuild(Session(bind=op.get_bind()))
    _pragma("PRAGMA user_version = 5")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("figure_total_change")
    op.drop_table("figure_total")
    _pragma("PRAGMA user_version = 4")
