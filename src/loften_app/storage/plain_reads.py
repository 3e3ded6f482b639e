"""Records read with SQLAlchemy Core instead of the ORM, for the lists' pages.

A list shows its records a page at a time (`RecordService.get_many_by_rowid`). Read through
the ORM, a page of 50 patrols with their places and shop visits took three queries and about 4
ms, most of it the ORM's own bookkeeping (identity map, instance state, the children's
`selectinload`). `PlainReader` reads the same rows with Core statements made once per model from
its mapping: the record's columns by rowid, then each child list in one query, ordered as the
relationship orders it. A `RowView` carries them under the mapped attributes' names, so the
service's own `_to_data` and `meta_of` turn it into exactly what they make of an ORM row (the
columns' types convert the values as for the ORM; a test compares the two for every service).
On a server the statements are the same: its record tables have a `rowid` column
(`storage.server.compat`).

Only models whose children have no children of their own are read this way (a safety walk's
observations have photos and actions: it stays with the ORM), and none with deferred columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Integer, Select, bindparam, inspect, literal_column, select
from sqlalchemy.orm import Mapper

from loften_app.storage.models import Record, table_of

__all__ = ["PlainReader", "RowView", "plain_reader"]

_ROWID = "rowid_"
#: The most values a statement's text is made for (a page; more go through Core).
_MADE_MOST = 256


class RowView:
    """A stand-in for an ORM row: the mapped attributes of one row, and its children's lists
    (each child a Core row, with its attributes by name)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    if TYPE_CHECKING:  # the attributes are the model's

        def __getattr__(self, name: str) -> Any: ...


class _Query:
    """A Core statement whose one parameter is a list (`IN`), run as SQLAlchemy runs it. On
    SQLite its text for a number of values and its columns' result processors are made once,
    and it runs on the driver's connection inside the session's transaction: SQLAlchemy's own
    work per statement (the cache key, expanding the list, the execution context) took about
    three times what SQLite took for a page's three statements. Elsewhere (a server), and for
    more than `_MADE_MOST` values, Core runs it."""

    def __init__(self, statement: Select[Any], parameter: str) -> None:
        self.statement = statement
        self._parameter = parameter
        self._names = tuple(str(column.key) for column in statement.selected_columns)
        self._sqlite: dict[int, tuple[str, tuple[Any, ...]]] = {}

    def rows(self, connection: Connection, values: list[Any]) -> list[dict[str, Any]]:
        """The rows for `values`, each as a dict by the selected columns' labels."""
        if connection.dialect.name != "sqlite" or not 0 < len(values) <= _MADE_MOST:
            result = connection.execute(self.statement, {self._parameter: values})
            return [row._asdict() for row in result.all()]
        made = self._sqlite.get(len(values))
        if made is None:
            made = self._sqlite[len(values)] = self._made(connection, len(values))
        sql, processors = made
        driver = connection.connection.dbapi_connection
        assert driver is not None
        names = self._names
        return [
            dict(
                zip(
                    names,
                    [v if p is None else p(v) for p, v in zip(processors, raw, strict=True)],
                    strict=True,
                )
            )
            for raw in driver.execute(sql, values).fetchall()
        ]

    def _made(self, connection: Connection, count: int) -> tuple[str, tuple[Any, ...]]:
        """The statement's text for `count` values (positional parameters in their order) and
        the result processor of each column (None where the driver's value is the value)."""
        dialect = connection.dialect
        compiled = self.statement.params({self._parameter: list(range(count))}).compile(
            dialect=dialect, compile_kwargs={"render_postcompile": True}
        )
        assert compiled.positiontup is not None and len(compiled.positiontup) == count
        processors = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in self.statement.selected_columns
        )
        return compiled.string, processors


@dataclass(frozen=True)
class _ChildList:
    #: The relationship's name on the model (`places`).
    key: str
    query: _Query
    #: The label of the child's column that refers to its owner.
    owner: str


@dataclass(frozen=True)
class PlainReader:
    """Reads one model's records with Core statements (see the module)."""

    by_rowid_query: _Query
    children: tuple[_ChildList, ...]

    def by_rowid(self, connection: Connection, rowids: Sequence[int]) -> list[tuple[int, RowView]]:
        """(rowid, row) of the records with these rowids (missing ones are left out)."""
        values = self.by_rowid_query.rows(connection, list(rowids))
        keys = [each.pop(_ROWID) for each in values]
        return list(zip(keys, self._views(connection, values), strict=True))

    def _views(self, connection: Connection, values: list[dict[str, Any]]) -> list[RowView]:
        if self.children and values:
            ids = [each["id"] for each in values]
            for child in self.children:
                grouped: dict[str, list[RowView]] = {}
                for row in child.query.rows(connection, ids):
                    grouped.setdefault(row[child.owner], []).append(RowView(row))
                for each in values:
                    each[child.key] = grouped.get(each["id"], [])
        return [RowView(each) for each in values]


def _columns(mapper: Mapper[Any]) -> list[Any] | None:
    """The mapper's columns labelled with their attributes' names, or None if any is
    deferred (the ORM would not read it with the row)."""
    result = []
    for attribute in mapper.column_attrs:
        if attribute.deferred or len(attribute.columns) != 1:
            return None
        result.append(attribute.columns[0].label(attribute.key))
    return result


def _make(model: type[Record]) -> PlainReader | None:
    mapper = inspect(model)
    columns = _columns(mapper)
    if columns is None:
        return None
    children = []
    for relationship in mapper.relationships:
        target = relationship.mapper
        pairs = list(relationship.local_remote_pairs or ())
        child_columns = _columns(target)
        if (
            not relationship.uselist
            or target.relationships
            or child_columns is None
            or len(pairs) != 1
            or pairs[0][0] is not table_of(model).c.id
        ):
            return None
        owner = pairs[0][1]
        order = relationship.order_by or ()
        statement = (
            select(*child_columns)
            .where(owner.in_(bindparam("ids", expanding=True)))
            .order_by(owner, *order)
        )
        owner_key = next(a.key for a in target.column_attrs if a.columns[0] is owner)
        children.append(_ChildList(relationship.key, _Query(statement, "ids"), owner_key))
    table = table_of(model)
    rowid = literal_column(f"{table.name}.rowid", Integer)
    # The rowid last: `by_rowid` takes it from there.
    by_rowid = (
        select(*columns, rowid.label(_ROWID))
        .select_from(table)
        .where(rowid.in_(bindparam("keys", expanding=True)))
    )
    return PlainReader(_Query(by_rowid, "keys"), tuple(children))


_READERS: dict[type[Record], PlainReader | None] = {}


def plain_reader(model: type[Record]) -> PlainReader | None:
    """The reader of `model`'s records (made once), or None when the ORM must read them."""
    if model not in _READERS:
        _READERS[model] = _make(model)
    return _READERS[model]
