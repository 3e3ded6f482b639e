"""Stored totals: the records with a note per promise and month (measure "noted"), so that a
quarterly report counts a quarter's notes without reading its records.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 19:00:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.orm import Session

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pragma(statement: str) -> None:
    """An SQLite header pragma; a PostgreSQL database has no file header."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(statement)


def upgrade() -> None:
    """Upgrade schema."""
    # Every total recounted with the figures' own queries, which now count "noted" too.
    from loften_app.storage.totals import rebuild

    rebuild(Session(bind=op.get_bind()))
    _pragma("PRAGMA user_version = 6")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM figure_total WHERE measure = 'noted'")
    op.execute("DELETE FROM figure_total_change WHERE measure = 'noted'")
    _pragma("PRAGMA user_version = 5")
