"""Grannsamverkan (neighbourhood watch): its meetings and their places, and the promise type and
target measures that go with them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 14:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TYPES = ("patrol", "safety_walk", "volunteers", "drugs", "other")
_MEASURES = (
    "record_count",
    "walks_completed",
    "shop_visits",
    "patrol_hours",
    "patrol_hours_evening_night",
    "volunteer_deployments",
    "volunteer_hours",
    "volunteer_share_with_municipality",
    "volunteer_share_with_business",
    "drug_cases",
    "drug_share_notified",
    "drug_share_contacted_within_days",
    "drug_median_days_to_contact",
    "actions_open",
    "actions_overdue",
    "actions_share_closed_by_deadline",
    "hours_spent",
)
_NEW_TYPES = (*_TYPES, "neighbourhood_watch")
_NEW_MEASURES = (*_MEASURES, "households_reached", "new_groups")


def _pragma(statement: str) -> None:
    """An SQLite header pragma; a PostgreSQL database has no file header."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(statement)


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _recheck(table: str, column: str, values: Sequence[str]) -> None:
    """PostgreSQL alters a column in place and keeps its CHECK: replace the one on `column`."""
    bind = op.get_bind()
    names = bind.execute(
        sa.text(
            "SELECT conname FROM pg_constraint WHERE conrelid = CAST(:table AS regclass)"
            " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE :column"
        ),
        {"table": table, "column": f"%({column})::text%"},
    ).scalars()
    for name in list(names):
        op.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    allowed = ", ".join(f"'{value}'" for value in values)
    op.execute(
        f'ALTER TABLE {table} ADD CONSTRAINT "ck_{table}_{column}" CHECK ({column} IN ({allowed}))'
    )


def _enum(values: Sequence[str], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def _retype(types: Sequence[str], measures: Sequence[str], old: tuple[Sequence[str], ...]) -> None:
    if _postgresql():
        _recheck("promise", "type", types)
        _recheck("target", "measure", measures)
        return
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.alter_column(
            "type", existing_type=_enum(old[0], "promise_type"), type_=_enum(types, "promise_type")
        )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.alter_column(
            "measure", existing_type=_enum(old[1], "measure"), type_=_enum(measures, "measure")
        )


def upgrade() -> None:
    """Upgrade schema."""
    _retype(_NEW_TYPES, _NEW_MEASURES, (_TYPES, _MEASURES))
    op.create_table(
        "neighbourhood_watch",
        sa.Column("promise_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "meeting",
            _enum(("meeting", "information_evening"), "neighbourhood_meeting"),
            nullable=False,
        ),
        sa.Column("households_reached", sa.Integer(), nullable=False),
        sa.Column("new_groups", sa.Integer(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("with_police", sa.Boolean(), nullable=False),
        sa.Column("with_municipality", sa.Boolean(), nullable=False),
        sa.Column("with_landlord", sa.Boolean(), nullable=False),
        sa.Column("with_association", sa.Boolean(), nullable=False),
        sa.Column("hours_spent", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "organisation",
            _enum(("police", "municipality", "other"), "organisation"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["promise_id"],
            ["promise.id"],
            name=op.f("fk_neighbourhood_watch_promise_id_promise"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_neighbourhood_watch")),
    )
    with op.batch_alter_table("neighbourhood_watch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_neighbourhood_watch_date"), ["date"], unique=False)
        batch_op.create_index(
            "ix_neighbourhood_watch_deleted_date", ["deleted_at", "date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_neighbourhood_watch_promise_id"), ["promise_id"], unique=False
        )
    op.create_table(
        "neighbourhood_watch_place",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("place_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["neighbourhood_watch.id"],
            name=op.f("fk_neighbourhood_watch_place_meeting_id_neighbourhood_watch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["place.id"],
            name=op.f("fk_neighbourhood_watch_place_place_id_place"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "meeting_id", "place_id", name=op.f("pk_neighbourhood_watch_place")
        ),
    )
    with op.batch_alter_table("neighbourhood_watch_place", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_neighbourhood_watch_place_place_id"), ["place_id"], unique=False
        )
    if _postgresql():
        # SQLite's rowid, which the lists read (see storage/server/compat.py).
        from loften_app.storage.server.compat import row_numbers

        for statement in row_numbers(("neighbourhood_watch",)):
            op.execute(statement)
    _pragma("PRAGMA user_version = 4")


def downgrade() -> None:
    """Downgrade schema (grannsamverkan promises and targets must be removed first)."""
    op.drop_table("neighbourhood_watch_place")
    op.drop_table("neighbourhood_watch")
    _retype(_TYPES, _MEASURES, (_NEW_TYPES, _NEW_MEASURES))
    _pragma("PRAGMA user_version = 3")
