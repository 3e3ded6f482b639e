"""An SQLite file drops the indexes of a patrol's place links by place and of its shop visits by
shop: no query on a file reads them, and each patrol saved wrote a quarter of its pages for
them (see `models.server_only`). A PostgreSQL database keeps both.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 07:00:00

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (index, table, column) dropped from an SQLite file.
_INDEXES = (
    ("ix_patrol_place_place_id", "patrol_place", "place_id"),
    ("ix_shop_visit_shop_id", "shop_visit", "shop_id"),
)


def _on_file() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    """Upgrade schema."""
    if _on_file():
        for name, table, _column in _INDEXES:
            op.drop_index(name, table_name=table)
        op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    """Downgrade schema."""
    if _on_file():
        for name, table, column in _INDEXES:
            op.create_index(name, table, [column])
        op.execute("PRAGMA user_version = 6")
