"""The audit trail: who changed what, when, with each changed field's old and new value.

Every write of the record services (`RecordService.stage`, `update_in`, `set_deleted_in`)
records one `audit_entry` row in the same transaction as the change, so a change and its audit
line are committed together or not at all. Restores, imports and retention runs record their
own lines. Rows are only ever inserted: SQLite triggers (migration 0002) abort any UPDATE or
DELETE, with one exception: retention may replace the values in `changes` of a drug case's
entries (every other column unchanged), because the trail must not keep the notes and exact
dates that retention removes from the case itself (see storage/retention.py).

`changes` is JSON `{field: [old, new]}`: dates and times in ISO 8601, enums by value, child rows
(shop visits, observations, ...) as lists of objects. An added record lists the fields that have
a value (`[null, value]`); a deleted or restored one lists `deleted_at`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
import threading
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from loften_app.domain.errors import error_text
from loften_app.domain.records import Actor, optional_inner
from loften_app.storage.database import Database
from loften_app.storage.engines import session_sql
from loften_app.storage.files import FileWriteError, atomic_write, check_output_path, csv_safe
from loften_app.storage.rows import driver_connection

ADD = "add"
UPDATE = "update"
DELETE = "delete"
UNDELETE = "undelete"
RESTORE = "restore"
IMPORT = "import"
RETENTION = "retention"
BACKUP_RESTORE = "backup_restore"
ACTIONS = (ADD, UPDATE, DELETE, UNDELETE, RESTORE, IMPORT, RETENTION, BACKUP_RESTORE)

#: Swedish names of the actions, for the history view and the CSV export.
ACTION_LABELS = {
    ADD: "Skapad",
    UPDATE: "Ändrad",
    DELETE: "Borttagen",
    UNDELETE: "Återställd (borttagning ångrad)",
    RESTORE: "Återställd",
    IMPORT: "Importerad",
    RETENTION: "Gallrad",
    BACKUP_RESTORE: "Säkerhetskopia återställd",
}

#: What a value removed by retention reads as, in the trail.
REDACTED = "(gallrat)"

_HEAD = (
    "INSERT INTO audit_entry (at, actor, organisation, action, record_type, record_id, "
    "changes, note) VALUES "
)
_INSERT = _HEAD + "(?, ?, ?, ?, ?, ?, ?, ?)"
_EMPTY = (None, "", ())

Changes = dict[str, list[Any]]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(data_class: type) -> tuple[str, ...]:
    """A data class's field names, worked out once a class."""
    names = _FIELD_NAMES.get(data_class)
    if names is None:
        names = _FIELD_NAMES[data_class] = tuple(f.name for f in dataclasses.fields(data_class))
    return names


def _default(value: object) -> Any:
    kind = value.__class__
    if kind is dt.date or kind is dt.time:  # the usual values first, without isinstance
        return value.isoformat()  # type: ignore[attr-defined]
    if isinstance(value, dt.date | dt.time):  # datetimes too
        return value.isoformat()
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _field_names(type(value))
    if names is not None:
        return {name: getattr(value, name) for name in names}
    raise TypeError(f"cannot write {type(value).__name__} to the audit trail")


#: One encoder for every line (`json.dumps` would make a new one each time); changes hold no
#: reference cycles, so the encoder does not look for them.
_ENCODER = json.JSONEncoder(
    default=_default, ensure_ascii=False, separators=(",", ":"), check_circular=False
)


def to_json(changes: Mapping[str, Any]) -> str:
    """`changes` as the JSON text stored in the trail."""
    return _ENCODER.encode(changes)


def _encoded_null(_value: object) -> str:
    return "null"


def _encoded_bool(value: object) -> str:
    return "true" if value else "false"


def _encoded_iso(value: dt.date | dt.time) -> str:
    return '"' + value.isoformat() + '"'


def _encoded_float(value: float) -> str:
    return float.__repr__(value) if math.isfinite(value) else str(_ENCODER.encode(value))


def _encoded_items(value: Any) -> str:
    return "[" + ",".join([_encoded(item) for item in value]) + "]"


_encoded_text: Callable[[str], str] = json.encoder.encode_basestring

#: What writes a value of each class as the trail's JSON (more are added as they are met).
_ENCODED: dict[type, Callable[[Any], str]] = {
    str: _encoded_text,
    int: int.__repr__,
    bool: _encoded_bool,
    type(None): _encoded_null,
    float: _encoded_float,
    dt.date: _encoded_iso,
    dt.time: _encoded_iso,
    dt.datetime: _encoded_iso,
    tuple: _encoded_items,
    list: _encoded_items,
}


def _encoded(value: Any) -> str:
    """`value` as `to_json` writes it (`_default`'s rules), without the encoder's call back
    into Python for each date, time and child row."""
    kind = value.__class__
    encode = _ENCODED.get(kind)
    if encode is None:
        if issubclass(kind, bool):
            encode = _encoded_bool
        elif issubclass(kind, str):  # the StrEnums
            encode = _encoded_text
        elif issubclass(kind, int):
            encode = int.__repr__
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            encode = _writer(kind, added=False)
        else:  # anything else as the encoder writes it
            return _ENCODER.encode(value)
        _ENCODED[kind] = encode
    return encode(value)


# --- a new record's changes, written directly ------------------------------------------------
# `added_json(data)` is `to_json(added(data))`: one call a save and a record of an import. The
# encoder calls back into Python for each date, time and child row; instead each data class
# gets a function, written once from its type hints, that writes every field's JSON with the
# usual classes inline (text, enums, whole numbers, dates and times, tuples of them, child
# rows) and anything else through `_encoded`. Each inline case checks the value's exact class
# first, so a value that is not what its hint says is still written as the encoder would.

_WRITERS: dict[tuple[type, bool], Callable[[Any], str]] = {}
_WRITERS_LOCK = threading.Lock()


def _inline(
    hint: Any, variable: str, names: dict[str, Any], depth: int = 0
) -> tuple[str, str, bool] | None:
    """For a value declared as `hint`: (the test that it is of the usual class, the Python
    expression that then writes it as `_encoded` does, whether such a value may be empty, as
    `added` counts empty), or None when it has no usual class written inline. The objects
    the expressions refer to are added to `names`."""

    def named(value: Any) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    if typing.get_origin(hint) is tuple:
        arguments = typing.get_args(hint)
        if len(arguments) == 2 and arguments[1] is Ellipsis and depth < 3:
            item = f"item{depth}"
            written = _expression(arguments[0], item, names, depth + 1)
            joined = f"'[' + ','.join([{written} for {item} in {variable}]) + ']'"
            return f"{variable}.__class__ is tuple", joined, True
        return None
    if not isinstance(hint, type) or issubclass(hint, bool):
        return None
    exact = f"{variable}.__class__ is {named(hint)}"
    if issubclass(hint, str):  # text and the StrEnums
        return exact, f"_encoded_text({variable})", True
    if hint is int:
        return exact, f"int.__repr__({variable})", False
    if hint is dt.date or hint is dt.time:
        return exact, f"'\"' + {variable}.isoformat() + '\"'", False
    if dataclasses.is_dataclass(hint):
        return exact, f"{named(_writer(hint, added=False))}({variable})", False
    return None


def _expression(hint: Any, variable: str, names: dict[str, Any], depth: int = 0) -> str:
    """A Python expression that writes the value in `variable`, declared as `hint`, as
    `_encoded` writes it (a value of another class than declared too)."""
    fallback = f"_encoded({variable})"
    inner = optional_inner(hint)
    if inner is not None:
        written = _expression(inner, variable, names, depth)
        return f'("null" if {variable} is None else {written})'
    inline = _inline(hint, variable, names, depth)
    if inline is None:
        return fallback
    exact, written, _empty = inline
    return f"({written} if {exact} else {fallback})"


def _writer(data_class: type, *, added: bool) -> Callable[[Any], str]:
    """The function that writes an instance of `data_class` as JSON: with `added`, as
    `to_json(added(data))` does (the fields with a value, each `[null, value]`); without, as
    the encoder writes a child row (every field by name, as `_default` gives it)."""
    found = _WRITERS.get((data_class, added))
    if found is not None:
        return found
    hints = typing.get_type_hints(data_class)
    names: dict[str, Any] = {
        "_encoded": _encoded,
        "_encoded_text": _encoded_text,
        "_EMPTY": _EMPTY,
    }
    fields = _field_names(data_class)
    if not added:  # one expression: every field, by name
        pieces = " + ',' + ".join(
            f"{_encoded_text(name) + ':'!r} + {_expression(hints.get(name, Any), f'v{n}', names)}"
            for n, name in enumerate(fields)
        )
        lines = ["def write(data):"]
        lines += [f"    v{n} = data.{name}" for n, name in enumerate(fields)]
        lines.append(f"    return '{{' + {pieces or repr('')} + '}}'")
    else:
        lines = ["def write(data):", "    parts = []"]
        for name in fields:
            key = _encoded_text(name) + ":[null,"
            hint = hints.get(name, Any)
            lines.append(f"    value = data.{name}")
            branch = "if"
            optional = optional_inner(hint)
            if optional is not None:  # None is empty: nothing to write
                lines.append("    if value is None:")
                lines.append("        pass")
                hint, branch = optional, "elif"
            inline = _inline(hint, "value", names)
            if inline is not None:
                exact, written, may_be_empty = inline
                lines.append(f"    {branch} {exact}:")
                indent = "        "
                if may_be_empty:
                    lines.append("        if value:")
                    indent += "    "
                lines.append(f"{indent}parts.append({key!r} + {written} + ']')")
                branch = "elif"
            lines.append(f"    {branch} value not in _EMPTY:")
            lines.append(f"        parts.append({key!r} + _encoded(value) + ']')")
        lines.append("    return '{' + ','.join(parts) + '}'")
    # The text is made here, of field names (identifiers) and constants written with repr.
    exec("\n".join(lines), names)
    write: Callable[[Any], str] = names["write"]
    with _WRITERS_LOCK:
        return _WRITERS.setdefault((data_class, added), write)


def added_json(data: object) -> str:
    """`to_json(added(data))`, written directly: the JSON of a new record's audit line (a
    save, and every record of an import)."""
    write = _WRITERS.get((data.__class__, True))
    if write is None:
        write = _writer(data.__class__, added=True)
    return write(data)


def _changes_text(changes: Mapping[str, Any] | str | None) -> str | None:
    """The JSON of a line's changes: given as they are, or already written (`added_json`)."""
    if changes is None or isinstance(changes, str):
        return changes
    return to_json(changes)


def added(data: object) -> Changes:
    """The fields of a new record that have a value, as `{field: [None, value]}`."""
    return {
        name: [None, value]
        for name in _field_names(type(data))
        if (value := getattr(data, name)) not in _EMPTY
    }


def diff(old: object, new: object) -> Changes:
    """The fields whose values differ between two copies of a data class, `[old, new]`."""
    return {
        name: [before, after]
        for name in _field_names(type(new))
        if (before := getattr(old, name)) != (after := getattr(new, name))
    }


def stamp(moment: dt.datetime) -> str:
    """A time as the trail stores it: ISO 8601 in UTC."""
    return moment.astimezone(dt.UTC).isoformat()


def record(
    session: Session,
    *,
    at: dt.datetime,
    actor: Actor | None,
    action: str,
    record_type: str | None = None,
    record_id: str | None = None,
    changes: Mapping[str, Any] | str | None = None,
    note: str | None = None,
) -> None:
    """Insert one audit line in the session's current (write) transaction. `changes` as
    `{field: [old, new]}`, or their JSON already written (`added_json`)."""
    driver_connection(session).execute(
        session_sql(session, _INSERT),
        line_values(
            at=at,
            actor=actor,
            action=action,
            record_type=record_type,
            record_id=record_id,
            changes=changes,
            note=note,
        ),
    )


def line_values(
    *,
    at: dt.datetime,
    actor: Actor | None,
    action: str,
    record_type: str | None = None,
    record_id: str | None = None,
    changes: Mapping[str, Any] | str | None = None,
    note: str | None = None,
) -> tuple[Any, ...]:
    """The values of one audit line, in the order of `_INSERT`."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return (
        stamp(at),
        None if actor is None else actor.name,
        None if actor is None else actor.organisation.value,
        action,
        record_type,
        record_id,
        _changes_text(changes),
        note,
    )


def insert_part(session: Session, values: tuple[Any, ...]) -> tuple[str, str, list[Any]]:
    """One audit line (`line_values`) as a part of `rows.one_statement`."""
    group = session_sql(session, "(?, ?, ?, ?, ?, ?, ?, ?)")
    return _HEAD, group, [values]


def record_many(
    session: Session,
    *,
    at: dt.datetime,
    actor: Actor | None,
    action: str,
    lines: Iterable[tuple[str | None, str | None, Mapping[str, Any] | str | None]],
    note: str | None = None,
) -> None:
    """Insert one audit line per item of `lines` (record type, record id, changes), all with
    the same time, actor, action and note, in the session's current (write) transaction: the
    lines `record` would insert one by one, in one statement (an import of many records)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    when = stamp(at)
    name = None if actor is None else actor.name
    organisation = None if actor is None else actor.organisation.value
    rows = [
        (
            when,
            name,
            organisation,
            action,
            record_type,
            record_id,
            _changes_text(changes),
            note,
        )
        for record_type, record_id, changes in lines
    ]
    cursor = raw.cursor()
    try:
        cursor.executemany(session_sql(session, _INSERT), rows)
    finally:
        cursor.close()


@dataclass(frozen=True)
class AuditEntry:
    """One line of the trail, as the history view shows it."""

    id: int
    at: dt.datetime
    actor: str | None
    organisation: str | None
    action: str
    record_type: str | None
    record_id: str | None
    changes: dict[str, list[Any]]
    note: str | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


_COLUMNS = "id, at, actor, organisation, action, record_type, record_id, changes, note"


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    id_, at, actor, organisation, action, record_type, record_id, changes, note = row
    return AuditEntry(
        id=id_,
        at=dt.datetime.fromisoformat(at),
        actor=actor,
        organisation=organisation,
        action=action,
        record_type=record_type,
        record_id=record_id,
        changes=json.loads(changes) if changes else {},
        note=note,
    )


def history(database: Database, record_id: str) -> list[AuditEntry]:
    """Every audit line of one record, oldest first ("Historik")."""
    with database.reading() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        sql = f"SELECT {_COLUMNS} FROM audit_entry WHERE record_id = ? ORDER BY id"
        rows = raw.execute(session_sql(session, sql), (record_id,)).fetchall()
    return [_entry(row) for row in rows]


def _all_rows(database: Database, batch: int = 10_000) -> Iterator[tuple[Any, ...]]:
    with database.reading() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        cursor = raw.execute(f"SELECT {_COLUMNS} FROM audit_entry ORDER BY id")
        while rows := cursor.fetchmany(batch):
            yield from rows


CSV_HEADER = (
    "nr",
    "tidpunkt (UTC)",
    "användare",
    "organisation",
    "händelse",
    "posttyp",
    "post-id",
    "ändringar (JSON: fält: [före, efter])",
    "anteckning",
)


def export_csv(database: Database, target: Path) -> int:
    """Write the whole trail to a new owner-only CSV file (UTF-8 with BOM, for Excel); returns
    how many lines it holds. The file is written beside `target` first and then renamed, so a
    failure leaves no half file; a text a spreadsheet would read as a formula starts with `'`.
    `target` may not be the database (nor its side files or backups)."""
    target = Path(target)
    check_output_path(target, database.path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileWriteError(
            error_text(
                "file.mappen_finns_inte_sa",
                (
                    "Mappen {folder} finns inte, så ändringsloggen skrevs inte. Välj en "
                    "befintlig mapp."
                ),
                folder=folder,
            )
        )
    if target.is_dir():
        raise FileWriteError(
            error_text(
                "file.ar_en_mapp_ange",
                "{target} är en mapp. Ange ett filnamn, t.ex. {target2}.",
                target=target,
                target2=target / "logg.csv",
            )
        )
    count = 0
    with atomic_write(target) as stream:
        handle = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        writer = csv.writer(handle, delimiter=";")  # as Swedish Excel opens it
        writer.writerow(CSV_HEADER)
        for id_, at, actor, organisation, action, kind, rid, changes, note in _all_rows(database):
            label = ACTION_LABELS.get(action, action)
            row = (id_, at, actor, organisation, label, kind, rid, changes, note)
            writer.writerow([csv_safe(v) if isinstance(v, str) else v for v in row])
            count += 1
        handle.flush()
        handle.detach()
    return count
