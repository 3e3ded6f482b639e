"""Alembic environment: runs on the connection that `open_database` hands over.

For developers, `alembic -x db=PATH revision --autogenerate -m "..."` works from the checkout
(see alembic.ini); the application itself never needs an ini file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from loften_app.storage.models import Base, on_engine

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # An index that only the other engine has is not missing here (`models.server_only`).
        include_object=on_engine(connection.dialect.name),  # type: ignore[attr-defined]
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = "sqlite:///" + context.get_x_argument(as_dictionary=True).get("db", "alembic-dev.db")
    with create_engine(url).connect() as own_connection:
        _run(own_connection)
        own_connection.commit()
