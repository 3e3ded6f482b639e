"""The generic record service: add, update, delete, undelete, get and a paged, filtered list.

Each aggregate (a patrol with its shop visits, a safety walk with its observations and actions,
a register entry, ...) gets a subclass that says how its data class maps to rows. The service
owns its sessions: one per call, so a widget never holds one. Reads go through the ORM and are
turned into frozen data classes before the session closes (no lazy loading afterwards); writes
are plain INSERT/UPDATE statements in one BEGIN IMMEDIATE transaction. `update` refuses a change
based on a stale copy (the version counter), and deleting is soft.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import os
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    case,
    cast,
    delete,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy import Enum as SQLEnum
from sqlalchemy import update as sql_update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from loften_app.domain.enums import PromiseType
from loften_app.domain.errors import ErrorText, ValidationError, ValidationIssue, error_text
from loften_app.domain.periods import Period
from loften_app.domain.records import Actor, RecordMeta, Stored
from loften_app.domain.validation import validate
from loften_app.storage import audit, totals
from loften_app.storage.database import Database
from loften_app.storage.engines import bind_dialect, dialect_of, session_sql
from loften_app.storage.errors import NotFoundError, StaleRecordError
from loften_app.storage.models import Record, table_of
from loften_app.storage.plain_reads import RowView, plain_reader
from loften_app.storage.rows import (
    RowWriter,
    driver_rows,
    insert_part,
    one_statement,
    query_scalar,
    statement_batch,
    writer_for,
)
from loften_app.storage.rows import insert_rows as insert_plain_rows
from loften_app.storage.services.cycle import in_force_promise, promise_facts
from loften_app.storage.stored_counts import stored_count

DataT = TypeVar("DataT")
T = TypeVar("T")
ModelT = TypeVar("ModelT", bound=Record)

Clock = Callable[[], dt.datetime]


#: Rowids read from the cursor at a time by `list_rowids`.
_ROWID_BATCH = 65536
#: Ids in one IN (...) list of the verbs that read in a caller's session.
_ID_CHUNK = 500


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


#: Random bytes read ahead for `new_id` (one read of the system's source makes 256 ids).
_RANDOM_AHEAD = 10 * 256


class _Ids:
    """What `new_id` keeps between calls: the random bytes read ahead, where the next id's
    are, and the last id made (as its 48-bit milliseconds and 74 random bits, one number)."""

    __slots__ = ("ahead", "last", "lock", "position")

    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Start afresh: no random bytes read ahead, no last id, a new lock."""
        self.lock = threading.Lock()
        self.ahead = b""
        self.position = _RANDOM_AHEAD
        self.last = 0


_ids = _Ids()


def _forget_random() -> None:
    _ids.forget()


# A child process must not make the ids its parent has read ahead, nor wait for a lock that a
# thread of its parent held at the fork (Windows has no fork, and no `os.register_at_fork`).
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_random)

_time_ns = time.time_ns
#: The version (7) and variant (RFC 9562) bits of a UUID, as a 128-bit number.
_VERSION_7 = (0x7 << 76) | (0x2 << 62)
_LOW_62 = (1 << 62) - 1


def new_id() -> str:
    """A time-ordered UUID (RFC 9562, version 7) as text, as `str(uuid.UUID(...))` writes it:
    the Unix time in milliseconds (48 bits, big-endian), then 74 random bits (with the version
    and variant bits between them).

    Ids made later sort after earlier ones, so a new record's row and the entries of every
    index keyed on an id go to the right edge of their B-trees, where the pages written last
    are, instead of a random page of a large file (which made a save's rows cost about half
    again as much at a million records). Within this process the ids only grow: an id made in
    the same millisecond as the last one (or when the clock has gone back) is the last one
    plus a random step of up to 2^32, so it is still unpredictable and, with 74 random bits
    to start each millisecond, unique across the installations that exchange packages.

    The random bytes are read 256 ids ahead (the system call was most of an id's cost)."""
    ids = _ids
    with ids.lock:
        position = ids.position
        if position >= _RANDOM_AHEAD:
            ids.ahead = os.urandom(_RANDOM_AHEAD)
            position = 0
        ids.position = position + 10
        random_bits = int.from_bytes(ids.ahead[position : position + 10]) >> 6  # 74 bits
        value = (_time_ns() // 1_000_000) << 74 | random_bits
        if value <= ids.last:
            value = ids.last + 1 + (random_bits & 0xFFFFFFFF)
        ids.last = value
    number = (value >> 74 << 80) | _VERSION_7 | ((value >> 62) & 0xFFF) << 64 | (value & _LOW_62)
    h = number.to_bytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Deleted(StrEnum):
    """Which records a list shows: the active ones (default), the deleted ones, or all."""

    ACTIVE = "active"
    DELETED = "deleted"
    ALL = "all"


@dataclass(frozen=True, kw_only=True)
class RecordFilter:
    """What a list shows. Every criterion left as None is not applied."""

    period: Period | None = None
    place_id: str | None = None
    status: str | None = None
    text: str | None = None
    promise_id: str | None = None
    deleted: Deleted = Deleted.ACTIVE
    #: Stored codes whose shown words contain `text`, by column (the interface knows the words:
    #: "genomförd" finds the walks whose status is "completed").
    text_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Page(Generic[DataT]):
    """One page of a list: the records, how many match in all, and where the page starts."""

    items: tuple[Stored[DataT], ...]
    total: int
    offset: int


class Who:
    """The person working, shared by every service of one `Services`: changing it (name or
    organisation in the settings) applies to the next save of every service at once."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor


def meta_of(row: Record | RowView) -> RecordMeta:
    return RecordMeta(
        id=row.id,
        version=row.version,
        organisation=row.organisation,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        deleted_at=row.deleted_at,
    )


#: The bookkeeping columns of a record row, as `meta_values` gives them: `RecordMeta`'s fields.
META_COLUMNS = tuple(f.name for f in fields(RecordMeta))

#: A writer of a table's columns in the order (bookkeeping, data fields), and what reads a
#: row's values in that order from a record's meta and data.
RowReader = tuple[RowWriter, Callable[[RecordMeta, Any], tuple[Any, ...]]]

_ROW_READERS: dict[tuple[type, Table, Dialect, type], RowReader | None] = {}


def _row_reader(
    service_class: type[RecordService[Any, Any]], table: Table, dialect: Dialect, data_class: type
) -> RowReader | None:
    """For a service whose row is its data's fields less `root_excluded` (and the bookkeeping
    columns): a writer of the table's columns in the order (bookkeeping, data fields) and what
    reads one row's values in that order, converted, from the meta and the data, without the
    dictionaries in between. None for any other service, or when the table's columns are not
    exactly those (a column left to its default)."""
    key = (service_class, table, dialect, data_class)
    if key in _ROW_READERS:
        return _ROW_READERS[key]
    reader: RowReader | None = None
    excluded = service_class.root_excluded
    plain = service_class._root_values is RecordService._root_values  # not overridden
    if plain and excluded is not None and dataclasses.is_dataclass(data_class):
        names = _field_names(data_class, frozenset(excluded))
        order = (*META_COLUMNS, *names)
        if len(names) > 1 and sorted(order) == sorted(c.name for c in table.columns):
            writer = writer_for(table, dialect, order)
            of_data = operator.attrgetter(*names)
            convert = writer.converted

            def read(meta: RecordMeta, data: Any) -> tuple[Any, ...]:
                return convert(_META_VALUES(meta) + of_data(data))

            reader = (writer, read)
    _ROW_READERS[key] = reader
    return reader


_META_VALUES = operator.attrgetter(*META_COLUMNS)


def meta_values(meta: RecordMeta) -> dict[str, Any]:
    """The bookkeeping columns of a record row (`META_COLUMNS`)."""
    return dict(zip(META_COLUMNS, _META_VALUES(meta), strict=True))


_FIELD_NAMES: dict[tuple[type, frozenset[str]], tuple[str, ...]] = {}


def _field_names(data_class: type, exclude: frozenset[str]) -> tuple[str, ...]:
    """A data class's field names less `exclude`, computed once per class."""
    key = (data_class, exclude)
    names = _FIELD_NAMES.get(key)
    if names is None:
        names = tuple(f.name for f in fields(data_class) if f.name not in exclude)
        _FIELD_NAMES[key] = names
    return names


def flat_values(data: object, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """The data class's fields as column values, leaving out `exclude` (children and the like)."""
    names = _field_names(type(data), frozenset(exclude))
    return {name: getattr(data, name) for name in names}


#: Per data class: whether `replaced` may copy its instances' fields without `__init__`.
_PLAIN_COPY: dict[type, frozenset[str] | None] = {}


def _plain_fields(data_class: type) -> frozenset[str] | None:
    """The field names of a data class whose instances are their fields and nothing else
    (every field set by `__init__`, no `__post_init__`, kept in the instance's `__dict__`);
    None for any other class."""
    if data_class not in _PLAIN_COPY:
        plain = (
            dataclasses.is_dataclass(data_class)
            and not hasattr(data_class, "__post_init__")
            and not hasattr(data_class, "__slots__")
            and all(f.init for f in fields(data_class))
        )
        _PLAIN_COPY[data_class] = frozenset(f.name for f in fields(data_class)) if plain else None
    return _PLAIN_COPY[data_class]


def replaced(data: T, /, **changes: Any) -> T:
    """`dataclasses.replace(data, **changes)` for the record data classes (frozen, made only
    by their `__init__`), copying the fields' values instead of calling `__init__` again with
    every field by name (a save gives ids to its child rows this way: replace was about 3 us
    a call). Any other class, an instance holding more than its fields, or a change of a name
    that is not a field goes to `dataclasses.replace` (which refuses it as before)."""
    data_class = data.__class__
    names = _PLAIN_COPY[data_class] if data_class in _PLAIN_COPY else _plain_fields(data_class)
    # A plain class's instance holds its fields only (each set by `__init__`, or by this
    # copy): as many entries as fields, else the long way.
    if names is None or len(data.__dict__) != len(names) or not names.issuperset(changes):
        return dataclasses.replace(data, **changes)  # type: ignore[type-var]
    copy = object.__new__(data_class)
    values = copy.__dict__
    values.update(data.__dict__)
    values.update(changes)
    return copy


def from_row(data_class: type[DataT], row: object, **overrides: Any) -> DataT:
    """Build a data class from an ORM row with the same column names, plus `overrides`."""
    names = _field_names(data_class, frozenset())
    values = {name: getattr(row, name) for name in names if name not in overrides}
    return data_class(**values, **overrides)


def raise_if_issues(issues: Sequence[ValidationIssue]) -> None:
    if issues:
        raise ValidationError(list(issues))


class RecordService(Generic[DataT, ModelT]):
    """Verbs for one aggregate. Subclasses set the class variables and the mapping hooks."""

    model: ClassVar[type[Record]]
    #: Swedish noun in the definite form, for messages ("patrullen").
    noun: ClassVar[str]
    #: The promise type a record must belong to (None: any promise, or no promise at all).
    promise_type: ClassVar[PromiseType | None] = None
    date_column: ClassVar[str | None] = None
    status_column: ClassVar[str | None] = None
    text_columns: ClassVar[tuple[str, ...]] = ()
    #: Sort keys a list accepts, each naming a column of the model or a key of
    #: `_sort_expression` (a derived value); the first is the default.
    sort_keys: ClassVar[tuple[str, ...]] = ("updated_at",)
    #: Date columns besides `date_column` that a list shows (searched as shown, 2018-06-30).
    shown_dates: ClassVar[tuple[str, ...]] = ()
    #: Child tables replaced with the record: (table, column referring to the record).
    children: ClassVar[tuple[tuple[Table, str], ...]] = ()
    #: The child rows written with the record: (table, the columns of each row's values as
    #: `_child_tuples` gives them), parents first.
    child_columns: ClassVar[tuple[tuple[Table, tuple[str, ...]], ...]] = ()
    #: When the record's own row holds its data class's fields less these (children and the
    #: like) beside the bookkeeping columns: `_root_values` gives those fields, and
    #: `insert_rows` reads a new row straight from the meta and the data. None: the subclass's
    #: own `_root_values` says what the row holds.
    root_excluded: ClassVar[tuple[str, ...] | None] = None

    def __init__(
        self,
        database: Database,
        actor: Actor | Who,
        *,
        clock: Clock = utc_now,
        ids: Callable[[], str] = new_id,
    ) -> None:
        self._db = database
        self._who = actor if isinstance(actor, Who) else Who(actor)
        self._clock = clock
        self._new_id = ids

    @property
    def _actor(self) -> Actor:
        """Who is working now (a change in the settings applies to the next save)."""
        return self._who.actor

    @property
    def actor(self) -> Actor:
        """Who this service records changes as."""
        return self._actor

    # --- hooks --------------------------------------------------------------------------------

    def _prepare(self, data: DataT) -> DataT:
        """Fill defaults and child ids (pure: no database)."""
        return data

    def _prepare_in_session(self, session: Session, data: DataT, record_id: str) -> DataT:
        """Fill values that need the database (a generated case code, ...)."""
        return data

    def _root_values(self, data: DataT) -> dict[str, Any]:
        if self.root_excluded is None:
            raise NotImplementedError
        return flat_values(data, exclude=self.root_excluded)

    def _child_tuples(self, record_id: str, data: DataT) -> Sequence[list[tuple[Any, ...]]]:
        """The record's child rows: for each entry of `child_columns`, a list of the rows'
        values in its column order (not converted)."""
        return ()

    def _child_rows(self, record_id: str, data: DataT) -> list[tuple[Table, list[dict[str, Any]]]]:
        """The record's child rows as dictionaries by column (`_child_tuples`)."""
        return [
            (table, [dict(zip(columns, row, strict=True)) for row in rows])
            for (table, columns), rows in zip(
                self.child_columns, self._child_tuples(record_id, data), strict=True
            )
        ]

    def _insert_children(self, session: Session, records: Iterable[tuple[str, DataT]]) -> None:
        """Insert the child rows of these records (record id, data), a table at a time."""
        if not self.child_columns:
            return
        gathered: list[list[tuple[Any, ...]]] = [[] for _ in self.child_columns]
        for record_id, data in records:
            for rows, more in zip(gathered, self._child_tuples(record_id, data), strict=True):
                rows.extend(more)
        dialect = bind_dialect(session)
        for (table, columns), rows in zip(self.child_columns, gathered, strict=True):
            writer_for(table, dialect, columns).write_values(session, rows)

    def _load_options(self) -> list[ORMOption]:
        return []

    def _to_data(self, row: Any) -> DataT:
        raise NotImplementedError

    def _place_condition(self, place_id: str) -> ColumnElement[bool]:
        condition: ColumnElement[bool] = table_of(self.model).c.place_id == place_id
        return condition

    def _validate(self, data: DataT) -> list[ValidationIssue]:
        return validate(data, today=self._clock().date())

    def _check_references(
        self, session: Session, data: DataT, *, deleted_ok: bool = False
    ) -> list[ValidationIssue]:
        """Issues with what `data` refers to: its promise must exist (and, unless `deleted_ok`,
        not be deleted: a package may carry records of a promise deleted since) and be of
        this service's promise type."""
        promise_id = getattr(data, "promise_id", None)
        if promise_id is None or self.promise_type is None:
            return []
        promise_type = query_scalar(
            session,
            "SELECT type FROM promise WHERE id = ?"
            + ("" if deleted_ok else " AND deleted_at IS NULL"),
            (promise_id,),
        )
        if promise_type != self.promise_type:
            return self._promise_issue()
        return []

    def _in_agreement(self, session: Session, data: DataT) -> DataT:
        """The record with the promise of the agreement in force on its date (a record belongs
        to the agreement in force on its date, through its promise); `ValidationError` on the
        date field when no agreement is in force then."""
        if self.date_column is None:
            return data
        promise_id = getattr(data, "promise_id", None)
        day = getattr(data, self.date_column, None)
        if promise_id is None or not isinstance(day, dt.date):
            return data
        resolved, issues = in_force_promise(session, promise_id, day, field=self.date_column)
        raise_if_issues(issues)
        if resolved is None or resolved == promise_id:
            return data
        return dataclasses.replace(data, promise_id=resolved)  # type: ignore[type-var]

    def _in_agreement_checked(self, session: Session, data: DataT) -> DataT:
        """`_in_agreement`, then `_check_references`, for a save: the promise and the agreements
        are read once (`promise_facts`, one statement) and serve both, unless the record moves
        to another agreement's promise or a subclass checks references of its own."""
        promise_id = getattr(data, "promise_id", None)
        day = getattr(data, self.date_column, None) if self.date_column else None
        own_check = type(self)._check_references is not RecordService._check_references
        if promise_id is None or not isinstance(day, dt.date) or own_check:
            data = self._in_agreement(session, data)
            raise_if_issues(self._check_references(session, data))
            return data
        facts = promise_facts(session, promise_id)
        assert self.date_column is not None
        resolved, issues = in_force_promise(
            session, promise_id, day, field=self.date_column, facts=facts
        )
        raise_if_issues(issues)
        if resolved is not None and resolved != promise_id:
            data = dataclasses.replace(data, promise_id=resolved)  # type: ignore[type-var]
            raise_if_issues(self._check_references(session, data))
            return data
        if self.promise_type is not None and not (facts.active and facts.type == self.promise_type):
            raise_if_issues(self._promise_issue())
        return data

    def _promise_issue(self) -> list[ValidationIssue]:
        return [
            ValidationIssue(
                "promise_id",
                "promise",
                "Välj det löfte som posten hör till: det valda löftet finns inte eller gäller "
                "en annan sorts aktivitet.",
            )
        ]

    # --- verbs --------------------------------------------------------------------------------

    def add(self, *, data: DataT) -> Stored[DataT]:
        """Validate and save a new record; returns it with its identity and version 1.

        The record is prepared and validated before the write transaction begins (neither
        needs the database): invalid data is refused without waiting for the file, and the
        transaction holds the file for the writes only."""
        self._db.refuse_if_read_only()
        data = self._prepare(data)
        raise_if_issues(self._validate(data))

        single = self._adds_in_one_statement()

        def work() -> Stored[DataT]:
            with self._db.saving(single_statement=single) as session:
                return self._stage_valid(session, data)

        return self._written(totals.retrying(work))

    def _adds_in_one_statement(self) -> bool:
        """Whether `add` writes one statement alone, after reads only (`saving`'s
        `single_statement`): no values of its own read in the session to prepare, and the new
        record's figures added by the statement itself (`totals.adds_in_statement`)."""
        cls = type(self)
        single = cls.__dict__.get("_single_add")
        if single is None:
            single = cls._prepare_in_session is RecordService._prepare_in_session and (
                totals.adds_in_statement(self._record_type())
            )
            cls._single_add = single  # type: ignore[attr-defined]
        return bool(single)

    def _written(self, stored: Stored[DataT]) -> Stored[DataT]:
        """`stored`, once its write transaction has committed (a server folds its totals'
        changes now and then)."""
        totals.fold_now_and_then(self._db.engine)
        return stored

    def stage(self, session: Session, data: DataT) -> Stored[DataT]:
        """Validate and insert a new record in the caller's transaction (several records that
        must be saved together, such as a template)."""
        data = self._prepare(data)
        raise_if_issues(self._validate(data))
        return self._stage_valid(session, data)

    def _stage_valid(self, session: Session, data: DataT) -> Stored[DataT]:
        """`stage` of data already prepared and validated."""
        now = self._clock()
        meta = RecordMeta(
            id=self._new_id(),
            version=1,
            organisation=self._actor.organisation,
            created_at=now,
            created_by=self._actor.name,
            updated_at=now,
            updated_by=self._actor.name,
        )
        data = self._prepare_in_session(session, data, meta.id)
        data = self._in_agreement_checked(session, data)
        self._write_new(session, now, meta, data)
        return Stored(meta, data)

    def _write_new(self, session: Session, now: dt.datetime, meta: RecordMeta, data: DataT) -> None:
        """The rows of a new record and its audit line, and (on a server) the notification, sent
        as one batch (`statement_batch`: one round trip to a server)."""
        changes = audit.added_json(data)
        announcement = self._db.announcement_in(session)
        if announcement is not None:  # a server: everything in one statement
            line = audit.line_values(
                at=now,
                actor=self._actor,
                action=audit.ADD,
                record_type=table_of(self.model).name,
                record_id=meta.id,
                changes=changes,
            )
            parts = [insert_part(session, table, rows) for table, rows in self._rows_of(meta, data)]
            parts.append(audit.insert_part(session, line))
            # The statement adds the new record's figures to the stored totals' changes too,
            # or counts them for the COMMIT (a table whose measures are not plain sums).
            name = table_of(self.model).name
            if totals.adds_in_statement(name):
                adding = totals.adding_parts(name, dialect_of(session), 1)
                one_statement(session, parts, announcement, adding=adding and (adding, [meta.id]))
                return
            query = totals.counting_sql(session, name, 1)
            counting = None if query is None else (query, [meta.id])
            counted = one_statement(session, parts, announcement, counting=counting)
            if counting is not None:
                totals.added_counted(session, name, counted)
            return
        with statement_batch(session):
            self.insert_rows(session, [(meta, data)])
            self._audit(session, now, audit.ADD, meta.id, changes)
            self._db.announce_in(session)

    def _rows_of(self, meta: RecordMeta, data: DataT) -> list[tuple[Table, list[dict[str, Any]]]]:
        """The rows of one new record: its own row, then its children's, parents first."""
        return [
            (table_of(self.model), [{**meta_values(meta), **self._root_values(data)}]),
            *self._child_rows(meta.id, data),
        ]

    # --- verbs inside a caller's session (the exchange, imports) ------------------------------
    # These write records whose bookkeeping (id, version, who, when) comes from elsewhere: a
    # package from another installation, a spreadsheet. They run the same `_prepare`,
    # `_prepare_in_session` and `_check_references` as `add` and `update`, but neither
    # validate (the caller has checked the incoming data, with its own messages) nor write
    # audit lines (the caller records what it imported, with its own note).

    def load_in(self, session: Session, ids: Sequence[str]) -> dict[str, Stored[DataT]]:
        """The records with these ids as stored now (deleted ones too), by id, read in the
        caller's session; missing ids are left out."""
        found: dict[str, Stored[DataT]] = {}
        listed = list(ids)
        table = table_of(self.model).name
        for start in range(0, len(listed), _ID_CHUNK):
            chunk = listed[start : start + _ID_CHUNK]
            # Which exist, on the driver's connection (an import asks this of every incoming
            # record, nearly all of them new); only those are loaded as records.
            marks = ", ".join("?" * len(chunk))
            present = [
                row[0]
                for row in driver_rows(
                    session,
                    session_sql(session, f'SELECT id FROM "{table}" WHERE id IN ({marks})'),
                    chunk,
                )
            ]
            if not present:
                continue
            rows = session.scalars(
                select(self.model)
                .where(self.model.id.in_(present))
                .options(*self._load_options())
                .execution_options(populate_existing=True)
            ).all()
            for row in rows:
                found[row.id] = Stored(meta_of(row), self._to_data(row))
        return found

    def every_active_in(self, session: Session) -> list[Stored[DataT]]:
        """Every active record, oldest first (created_at, then id), in the caller's session."""
        rows = session.scalars(
            select(self.model)
            .where(self.model.deleted_at.is_(None))
            .order_by(self.model.created_at, self.model.id)
            .options(*self._load_options())
        ).all()
        return [Stored(meta_of(row), self._to_data(row)) for row in rows]

    def iter_in(self, session: Session, ids: Sequence[str]) -> Iterator[tuple[RecordMeta, DataT]]:
        """The records with these ids in the order given, read in chunks in the caller's
        session (objects are expunged after each chunk: bounded memory for a large export)."""
        listed = list(ids)
        for start in range(0, len(listed), _ID_CHUNK):
            chunk = listed[start : start + _ID_CHUNK]
            rows = session.scalars(
                select(self.model).where(self.model.id.in_(chunk)).options(*self._load_options())
            ).all()
            by_id = {row.id: row for row in rows}
            for record_id in chunk:
                row = by_id[record_id]
                yield meta_of(row), self._to_data(row)
            session.expunge_all()

    def insert_in(
        self, session: Session, records: Iterable[tuple[RecordMeta, DataT]]
    ) -> list[tuple[RecordMeta, DataT]]:
        """Insert records with the bookkeeping they bring, in the caller's transaction, after
        `_prepare`, `_prepare_in_session` and `_check_references` (a record of a deleted
        promise is accepted); returns the records as written. `ValidationError` when a
        reference does not hold (nothing of this call is written then)."""
        prepared: list[tuple[RecordMeta, DataT]] = []
        # The base check looks at the promise alone, which nothing in this call changes: it
        # runs once a promise (a subclass's own check runs for every record).
        by_promise = type(self)._check_references is RecordService._check_references
        answers: dict[Any, list[ValidationIssue]] = {}
        for meta, data in records:
            ready = self._prepare_in_session(session, self._prepare(data), meta.id)
            promise_id = getattr(ready, "promise_id", None)
            issues = answers.get(promise_id) if by_promise else None
            if issues is None:
                issues = self._check_references(session, ready, deleted_ok=True)
                answers[promise_id] = issues
            raise_if_issues(issues)
            prepared.append((meta, ready))
        self.insert_rows(session, prepared)
        return prepared

    def replace_one_in(
        self, session: Session, *, current: Stored[DataT], meta: RecordMeta, data: DataT
    ) -> Stored[DataT]:
        """Replace the stored record `current` by (`meta`, `data`), children included, in the
        caller's transaction, after the same hooks as `insert_in`. The identity and creation
        stay; the version always moves past `current`'s, so that a form holding the old copy
        sees that it is stale. Returns the record as written."""
        data = self._prepare_in_session(session, self._prepare(data), current.id)
        raise_if_issues(self._check_references(session, data, deleted_ok=True))
        table = table_of(self.model)
        version = max(meta.version, current.meta.version + 1)
        written = dataclasses.replace(
            meta,
            id=current.id,
            version=version,
            created_at=current.meta.created_at,
            created_by=current.meta.created_by,
        )
        values = meta_values(written)
        for name in ("id", "created_at", "created_by"):
            values.pop(name)
        with totals.tracking(session, table.name, [current.id]):
            session.execute(
                sql_update(table)
                .where(table.c.id == current.id)
                .values(**values, **self._root_values(data))
            )
            for child_table, column in self.children:
                session.execute(delete(child_table).where(child_table.c[column] == current.id))
            self._insert_children(session, [(current.id, data)])
        return Stored(written, data)

    def insert_rows(self, session: Session, records: Iterable[tuple[RecordMeta, DataT]]) -> None:
        """Insert records as they are (no validation): for `add`, templates and bulk loading."""
        listed = list(records)
        root = table_of(self.model)
        reader = (
            _row_reader(type(self), root, bind_dialect(session), type(listed[0][1]))
            if listed
            else None
        )
        if reader is None:
            insert_plain_rows(
                session,
                root,
                [{**meta_values(meta), **self._root_values(data)} for meta, data in listed],
            )
        else:
            writer, read = reader
            writer.write_tuples(session, [read(meta, data) for meta, data in listed])
        self._insert_children(session, [(meta.id, data) for meta, data in listed])
        totals.added(session, self._record_type(), [meta.id for meta, _data in listed])

    def update(self, *, id: str, expected_version: int, data: DataT) -> Stored[DataT]:
        """Save changed data. Refused with `StaleRecordError` when the record has changed since
        `expected_version` was read (the error carries the current copy)."""

        def work() -> Stored[DataT]:
            with self._db.saving() as session:
                return self.update_in(session, id=id, expected_version=expected_version, data=data)

        return self._written(totals.retrying(work))

    def update_in(
        self, session: Session, *, id: str, expected_version: int, data: DataT
    ) -> Stored[DataT]:
        """`update` in the caller's write transaction (several records saved together)."""
        data = self._prepare(data)
        raise_if_issues(self._validate(data))
        now = self._clock()
        table = table_of(self.model)
        old = self._get(session, id, fresh=True)
        current = old.meta
        if current.is_deleted:
            raise NotFoundError(
                error_text(
                    "record.deleted",
                    "{noun} är borttagen och kan inte ändras. Återställ den först.",
                    noun=self._noun(),
                )
            )
        if current.version != expected_version:
            raise StaleRecordError(self._stale_message(current), old)
        data = self._prepare_in_session(session, data, id)
        data = self._in_agreement_checked(session, data)
        with totals.tracking(session, table.name, [id]):
            session.execute(
                sql_update(table)
                .where(table.c.id == id)
                .values(
                    version=expected_version + 1,
                    updated_at=now,
                    updated_by=self._actor.name,
                    **self._root_values(data),
                )
            )
            for child_table, column in self.children:
                session.execute(delete(child_table).where(child_table.c[column] == id))
            self._insert_children(session, [(id, data)])
        self._audit(session, now, audit.UPDATE, id, audit.diff(old.data, data))
        meta = RecordMeta(
            id=id,
            version=expected_version + 1,
            organisation=current.organisation,
            created_at=current.created_at,
            created_by=current.created_by,
            updated_at=now,
            updated_by=self._actor.name,
        )
        return Stored(meta, data)

    def delete(self, *, id: str, expected_version: int | None = None) -> Stored[DataT]:
        """Mark the record deleted (it can be restored with `undelete`)."""
        return self._set_deleted(id, expected_version, deleted=True)

    def undelete(self, *, id: str, expected_version: int | None = None) -> Stored[DataT]:
        """Restore a deleted record."""
        return self._set_deleted(id, expected_version, deleted=False)

    def get(self, *, id: str) -> Stored[DataT]:
        """The record with this id, deleted or not; `NotFoundError` if there is none."""
        with self._db.reading() as session:
            return self._get(session, id)

    def get_many(self, *, ids: Sequence[str]) -> list[Stored[DataT]]:
        """The records with these ids, in the order given (missing ids are skipped)."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(self.model).where(self.model.id.in_(ids)).options(*self._load_options())
            ).all()
            by_id = {row.id: Stored(meta_of(row), self._to_data(row)) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def list_page(
        self,
        *,
        filter: RecordFilter | None = None,
        sort: str | None = None,
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> Page[DataT]:
        """One page of the records that match `filter`, sorted by `sort` (see `sort_keys`)."""
        criteria = self._criteria(filter or RecordFilter())
        query = (
            self._sorted(select(self.model).where(*criteria), sort, descending)
            .offset(offset)
            .limit(limit)
            .options(*self._load_options())
        )
        with self._db.reading() as session:
            total = session.scalar(select(func.count()).select_from(self.model).where(*criteria))
            rows = session.scalars(query).all()
            items = tuple(Stored(meta_of(row), self._to_data(row)) for row in rows)
        return Page(items, total or 0, offset)

    def list_ids(
        self,
        *,
        filter: RecordFilter | None = None,
        sort: str | None = None,
        descending: bool = True,
    ) -> list[str]:
        """The ids of every matching record in list order (for lazy table models)."""
        criteria = self._criteria(filter or RecordFilter())
        query = self._sorted(select(self.model.id).where(*criteria), sort, descending)
        with self._db.reading() as session:
            return list(session.scalars(query).all())

    def list_values(
        self,
        *columns: str,
        filter: RecordFilter | None = None,
        sort: str | None = None,
        descending: bool = True,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """The values of these columns of every matching record, in list order (as `list_page`
        orders them): what a register's names need, in one query, without whole records."""
        table = table_of(self.model)
        criteria = self._criteria(filter or RecordFilter())
        query = self._sorted(
            select(*(table.c[name] for name in columns)).select_from(table).where(*criteria),
            sort,
            descending,
        )
        if limit is not None:
            query = query.limit(limit)
        with self._db.reading() as session:
            return [tuple(row) for row in session.execute(query).all()]

    # --- compact keys for large lists ------------------------------------------------------------
    # A lazy table model keeps one key per row. SQLite's rowid takes 8 bytes in an array('q')
    # where a UUID string takes about 90, so a million-row list costs 8 MB instead of 90 MB.
    # A rowid names a record only while a list is open (VACUUM may renumber them): everywhere
    # else, and in anything that is saved, use the record's id.

    def _rowid(self) -> ColumnElement[int]:
        return literal_column(f"{table_of(self.model).name}.rowid", Integer)

    def list_rowids(
        self,
        *,
        filter: RecordFilter | None = None,
        sort: str | None = None,
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
    ) -> array[int]:
        """The rowids of the matching records in list order (like `list_ids`, but compact): all
        of them, or `limit` from `offset` on (a window of a large list).

        Ties are broken by rowid rather than id, so that a sort by an indexed column is a scan
        of a covering index (for a million patrols by date: 0.25 s instead of 1.8 s), and so
        that the order is total: the same window read in the opposite order is the same keys
        reversed.
        """
        key = sort or self.sort_keys[0]
        if key not in self.sort_keys:
            raise ValueError(f"cannot sort {self.model.__tablename__} by {key!r}")
        table = table_of(self.model)
        rowid = self._rowid()
        column = self._sort_expression(key)
        order = (column.desc(), rowid.desc()) if descending else (column.asc(), rowid.asc())
        criteria = self._criteria(filter or RecordFilter())
        query = select(rowid).select_from(table).where(*criteria).order_by(*order)
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        keys: array[int] = array("q")
        with self._db.reading() as session:
            result = session.connection().execute(query)
            # Integer rowids need no result processing: reading them straight from the DB-API
            # cursor is about twice as fast as making a Row for each of a million keys.
            while rows := result.cursor.fetchmany(_ROWID_BATCH):
                keys.extend([row[0] for row in rows])
            result.close()
        return keys

    def get_many_by_rowid(self, *, rowids: Sequence[int]) -> dict[int, Stored[DataT]]:
        """The records with these rowids, keyed by rowid (missing rowids are left out).

        Read with Core statements when the model allows (`storage.plain_reads`: a list's page
        without the ORM's bookkeeping), else through the ORM."""
        reader = plain_reader(self.model)
        if reader is not None:
            with self._db.reading() as session:
                views = reader.by_rowid(session.connection(), rowids)
            return {key: Stored(meta_of(view), self._to_data(view)) for key, view in views}
        rowid = self._rowid()
        with self._db.reading() as session:
            rows = session.execute(
                select(self.model, rowid)
                .where(rowid.in_(list(rowids)))
                .options(*self._load_options())
            ).all()
            return {key: Stored(meta_of(row), self._to_data(row)) for row, key in rows}

    def rowid_of(self, *, id: str) -> int | None:
        """The rowid of the record with this id (None if there is none)."""
        with self._db.reading() as session:
            return session.scalar(
                select(self._rowid())
                .select_from(table_of(self.model))
                .where(table_of(self.model).c.id == id)
            )

    def count(self, *, filter: RecordFilter | None = None) -> int:
        filter = filter or RecordFilter()
        with self._db.reading() as session:
            if filter == RecordFilter():
                # Every record that is not deleted: SQLite counts a whole table from its b-tree
                # pages without visiting rows (a million patrols: 15 ms instead of 60 ms), and
                # the deleted ones through the index on deleted_at, in the same snapshot.
                deleted = table_of(self.model).c.deleted_at.is_not(None)
                everything = session.scalar(select(func.count()).select_from(self.model)) or 0
                gone = session.scalar(select(func.count()).select_from(self.model).where(deleted))
                return everything - (gone or 0)
            criteria = self._criteria(filter)
            return (
                session.scalar(select(func.count()).select_from(self.model).where(*criteria)) or 0
            )

    def stored_count(self) -> int | None:
        """`count()` of the records that are not deleted as the stored totals have it (quick;
        see `storage.stored_counts`), or None when they do not count this kind."""
        with self._db.reading() as session:
            return stored_count(session, table_of(self.model).name)

    # --- internals ------------------------------------------------------------------------------

    def _audit(
        self,
        session: Session,
        now: dt.datetime,
        action: str,
        id: str,
        changes: dict[str, Any] | str,
    ) -> None:
        """One audit line for this record, in the caller's transaction."""
        audit.record(
            session,
            at=now,
            actor=self._actor,
            action=action,
            record_type=self._record_type(),
            record_id=id,
            changes=changes,
        )

    @classmethod
    def _record_type(cls) -> str:
        """The name of the record's table as a plain `str` (SQLAlchemy's name is a subclass of
        it, which sqlite3 then asks, at a cost, whether it adapts itself)."""
        name = cls.__dict__.get("_plain_record_type")
        if name is None:
            name = str.__str__(table_of(cls.model).name)
            cls._plain_record_type = name  # type: ignore[attr-defined]
        return name

    def _noun(self) -> ErrorText:
        """The record's noun ("Patrullen"), translated with the error it is part of (the
        translation script collects each service's `noun`)."""
        return ErrorText("noun", self.noun.capitalize())

    def _stale_message(self, current: RecordMeta) -> ErrorText:
        when = current.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return error_text(
            "record.stale",
            "{noun} har ändrats av {who} ({when}) sedan du öppnade den. Dina ändringar är inte "
            "sparade: läs in den nya versionen eller spara dina värden ovanpå den.",
            noun=self._noun(),
            who=current.updated_by,
            when=when,
        )

    def _current_meta(self, session: Session, id: str) -> RecordMeta:
        # populate_existing: the session may hold a copy older than an UPDATE it made itself.
        row = session.get(self.model, id, populate_existing=True)
        if row is None:
            raise NotFoundError(
                error_text(
                    "record.gone", "{noun} finns inte (längre) i databasen.", noun=self._noun()
                )
            )
        return meta_of(row)

    def _get(self, session: Session, id: str, *, fresh: bool = False) -> Stored[DataT]:
        """The record; with `fresh`, read again even if the session holds a copy (which may be
        older than an UPDATE the session made itself)."""
        query = select(self.model).where(self.model.id == id).options(*self._load_options())
        if fresh:
            query = query.execution_options(populate_existing=True)
        row = session.scalars(query).one_or_none()
        if row is None:
            raise NotFoundError(
                error_text("record.not_found", "{noun} finns inte i databasen.", noun=self._noun())
            )
        return Stored(meta_of(row), self._to_data(row))

    def _set_deleted(
        self, id: str, expected_version: int | None, *, deleted: bool
    ) -> Stored[DataT]:
        def work() -> Stored[DataT]:
            with self._db.saving() as session:
                return self.set_deleted_in(
                    session, id=id, expected_version=expected_version, deleted=deleted
                )

        return self._written(totals.retrying(work))

    def set_deleted_in(
        self, session: Session, *, id: str, expected_version: int | None, deleted: bool
    ) -> Stored[DataT]:
        """`delete` (or, with `deleted=False`, `undelete`) in the caller's write transaction."""
        now = self._clock()
        table = table_of(self.model)
        current = self._current_meta(session, id)
        if expected_version is not None and current.version != expected_version:
            raise StaleRecordError(self._stale_message(current), self._get(session, id))
        if current.is_deleted != deleted:
            self._audit(
                session,
                now,
                audit.DELETE if deleted else audit.UNDELETE,
                id,
                {"deleted_at": [current.deleted_at, now if deleted else None]},
            )
            with totals.tracking(session, table.name, [id]):
                session.execute(
                    sql_update(table)
                    .where(table.c.id == id)
                    .values(
                        version=current.version + 1,
                        updated_at=now,
                        updated_by=self._actor.name,
                        deleted_at=now if deleted else None,
                    )
                )
            session.expire_all()
        return self._get(session, id)

    def _criteria(self, f: RecordFilter) -> list[ColumnElement[bool]]:
        columns = table_of(self.model).c
        criteria: list[ColumnElement[bool]] = []
        if f.deleted is Deleted.ACTIVE:
            criteria.append(columns.deleted_at.is_(None))
        elif f.deleted is Deleted.DELETED:
            criteria.append(columns.deleted_at.is_not(None))
        if f.period is not None and self.date_column is not None:
            date = columns[self.date_column]
            criteria.append(date.between(f.period.start, f.period.end))
        if f.place_id is not None:
            criteria.append(self._place_condition(f.place_id))
        if f.status is not None and self.status_column is not None:
            criteria.append(columns[self.status_column] == f.status)
        if f.promise_id is not None and "promise_id" in columns:
            criteria.append(columns.promise_id == f.promise_id)
        text = (f.text or "").strip()
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            matches = self._search_conditions(pattern)
            matches.extend(
                columns[name].in_(codes) for name, codes in f.text_codes if name in columns
            )
            criteria.append(or_(*matches) if matches else false())
        return criteria

    def _search_conditions(self, pattern: str) -> list[ColumnElement[bool]]:
        """What the search text may match (`pattern` for ILIKE with the escape "\\"): the text
        columns and the dates as shown; subclasses add the names of places and shops."""
        columns = table_of(self.model).c
        names = [*self.text_columns]
        if self.date_column is not None:
            names.append(self.date_column)
        names.extend(self.shown_dates)
        return [cast(columns[name], String).ilike(pattern, escape="\\") for name in names]

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        """What the database sorts by for `key`: the column, an enum column in the order its
        members are declared (planned, completed, cancelled), or a derived value that a
        subclass gives."""
        column = table_of(self.model).c[key]
        if isinstance(column.type, SQLEnum) and column.type.enum_class is not None:
            members = [member.value for member in column.type.enum_class]
            return case({value: index for index, value in enumerate(members)}, value=column)
        return column

    def _sorted(self, query: Select[Any], sort: str | None, descending: bool) -> Select[Any]:
        key = sort or self.sort_keys[0]
        if key not in self.sort_keys:
            raise ValueError(f"cannot sort {self.model.__tablename__} by {key!r}")
        columns = table_of(self.model).c
        column = self._sort_expression(key)
        id_column = columns.id
        if descending:
            return query.order_by(column.desc(), id_column.desc())
        return query.order_by(column.asc(), id_column.asc())


def link_exists(link: Table, owner_column: str, owner: Any, place_id: str) -> ColumnElement[bool]:
    """EXISTS (a row in `link` tying the owner to the place)."""
    return exists().where(link.c[owner_column] == owner, link.c.place_id == place_id)


class FlatRecordService(RecordService[DataT, ModelT]):
    """A record whose data class maps one to one onto its table's columns (the registers)."""

    data_class: ClassVar[type[Any]]
    root_excluded = ()

    def _to_data(self, row: Any) -> DataT:
        result: DataT = from_row(self.data_class, row)
        return result
