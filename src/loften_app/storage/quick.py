"""The overview's first figures read on a plain `sqlite3` connection, before SQLAlchemy is imported.

Importing SQLAlchemy, the models and the services takes longer than everything else between the
window's first paint and the overview's figures. `QuickReader` reads what the overview's cards
need from a local file (the agreements, the promises and targets of one, the stored monthly
totals and the few records of a partial month, the safety walks and their actions) with the very
statements of `services.figures` (`storage.figure_sql`), folded by the same functions, and gives
it in the shapes the services give (`Stored` records, `PromiseFigures`), so that
`reports.tracking.engine.judged` makes the same report of either. `loften export` of a current
file reads its rows here too (`export_query`: the statements of `ReportQueries.export_query`,
written by `storage.export_sql`). `loften report` of a current file reads everything the
quarterly report and the follow-up need through `QuickSource` (`reports.source.ReportSource`):
the agreements chosen by `storage.listing`'s functions, the figures of `figure_sql`, the other
reads in `storage.report_sql`'s statements, the ones the services run. It reads a file only
when its schema is this version's (else `open_quick` gives None and the caller takes the full
path), and never writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from loften_app.domain import agreements as cycle
from loften_app.domain.enums import (
    Comparison,
    Measure,
    Organisation,
    PromiseType,
    Responsible,
    TargetPeriod,
)
from loften_app.domain.periods import Period
from loften_app.domain.records import (
    AgreementData,
    PromiseData,
    RecordMeta,
    Stored,
    TargetData,
)
from loften_app.storage.export_sql import EXPORT_BATCH, ExportQuery, export_statement
from loften_app.storage.figure_sql import (
    ACTION_GROUPS_SQL,
    SQLITE,
    TOTALS_SQL,
    WHOLE,
    FigureReads,
    PromiseFigures,
    action_groups_from,
    add_rows,
    add_up,
    additive_tables,
    figure_query_text,
    monthly_counts,
    months_from_rows,
)
from loften_app.storage.listing import AgreementListing, TermAgreements, listing_of
from loften_app.storage.report_sql import ReportReads

__all__ = ["QuickReader", "open_quick", "schema_version"]

#: "LOFT" in the SQLite header (`storage.database.APPLICATION_ID`).
_APPLICATION_ID = 0x4C4F4654
_SQLITE_MAGIC = b"SQLite format 3\x00"
_VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def schema_version() -> int:
    """This version's schema generation, as `storage.database.SCHEMA_VERSION` finds it (the
    newest migration's number; a test checks that the two agree)."""
    return max(int(p.name[:4]) for p in _VERSIONS.glob("[0-9]" * 4 + "_*.py"))


_META = "id, version, organisation, created_at, created_by, updated_at, updated_by, deleted_at"
_AGREEMENT = (
    f"SELECT {_META}, municipality, police_area, title, period_start, period_end, "
    "valid_until_replaced, follow_up_due, publication, background, aims FROM agreement"
)
_PROMISE = (
    f"SELECT {_META}, agreement_id, number, text, short_title, responsible, type, "
    "responsibility_note, follow_up_comment, internal_comment, continues_id, planned_hours "
    "FROM promise"
)
_PROMISES = _PROMISE + " WHERE agreement_id = ? AND deleted_at IS NULL ORDER BY number"
#: Every active target by id (`targets_by_promise` orders them as the target list does).
_TARGETS = (
    f"SELECT {_META}, promise_id, measure, comparison, value, period, parameter, description "
    "FROM target WHERE deleted_at IS NULL ORDER BY id"
)
#: A measure's place in the target list's sort ("measure": the order its members are declared,
#: `RecordService._sort_expression`).
_MEASURE_ORDER = {measure.value: index for index, measure in enumerate(Measure)}
_TERMS = (
    "SELECT id, period_start, period_end, valid_until_replaced FROM agreement "
    "WHERE deleted_at IS NULL"
)


def open_quick(path: Path, *, tidy: bool = False) -> QuickReader | None:
    """A reader of the local database file `path`, or None when the quick path cannot read it:
    no such file, not a Löften file, another schema version (an upgrade is due, or the file is
    newer), or any error while looking (the full path then says what is wrong).

    `tidy`: open a writable file as the services do, for writing but with every statement
    refused that would write (`PRAGMA query_only`), so that closing the last connection
    removes the write-ahead log and its index as theirs does (a read-only connection leaves
    them beside the file); a command that reads the file alone (`loften export`) asks for
    it. Otherwise, and for a write-protected file, the connection is read-only."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            return None
        version = schema_version()
        user_version = int.from_bytes(header[60:64], "big")
        application_id = int.from_bytes(header[68:72], "big")
        if (application_id, user_version) != (_APPLICATION_ID, version):
            return None
        writable = tidy and _writable(path)
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode={'rw' if writable else 'ro'}",
            uri=True,
            check_same_thread=False,
        )
        if writable:
            connection.execute("PRAGMA query_only = 1")
    except (OSError, ValueError, sqlite3.Error):
        return None
    reader = QuickReader(connection)
    try:
        current = reader.is_current(version)
    except sqlite3.Error:
        current = False
    if not current:
        reader.close()
        return None
    return reader


def _writable(path: Path) -> bool:
    """Whether the file may be written (`storage.database._write_protected`, negated)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value))


def _maybe_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


def _time(value: Any) -> dt.datetime | None:
    """A stored UTC time (naive text) as an aware datetime, as `models.UTCDateTime` gives it."""
    return None if value is None else dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC)


def _meta(row: Sequence[Any]) -> RecordMeta:
    created, updated = _time(row[3]), _time(row[5])
    assert created is not None and updated is not None
    return RecordMeta(
        id=row[0],
        version=row[1],
        organisation=Organisation(row[2]),
        created_at=created,
        created_by=row[4],
        updated_at=updated,
        updated_by=row[6],
        deleted_at=_time(row[7]),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _promise(r: Sequence[Any]) -> Stored[PromiseData]:
    """A promise from a row of `_PROMISE`."""
    data = PromiseData(
        agreement_id=r[8],
        number=r[9],
        text=r[10],
        short_title=r[11],
        responsible=Responsible(r[12]),
        type=PromiseType(r[13]),
        responsibility_note=r[14],
        follow_up_comment=r[15],
        internal_comment=r[16],
        continues_id=r[17],
        planned_hours=_float(r[18]),
    )
    return Stored(_meta(r), data)


class QuickReader:
    """Reads a current Löften file over one read-only `sqlite3` connection, in one snapshot per
    call. The methods give what the services' methods of the same names give."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()

    def __enter__(self) -> QuickReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _rows(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        return self._connection.execute(sql, parameters).fetchall()

    def _rows_for_ids(self, sql: str, parameters: dict[str, Any]) -> list[Any]:
        """`sql` with its `IN :ids` (an expanding parameter in SQLAlchemy) written out."""
        if "ids" not in parameters:
            return self._rows(sql, parameters)
        ids = list(parameters["ids"])
        names = [f"ids_{index}" for index in range(len(ids))]
        listed = "(" + ", ".join(f":{name}" for name in names) + ")"
        values = {k: v for k, v in parameters.items() if k != "ids"}
        values.update(zip(names, ids, strict=True))
        return self._rows(sql.replace(":ids", listed), values)

    def is_current(self, version: int) -> bool:
        """Whether the header and `alembic_version` say this version's schema, read in one
        snapshot (`storage.database._is_current`: a header still in the write-ahead log)."""
        self._connection.execute("BEGIN")
        try:
            header = (
                self._rows("PRAGMA application_id")[0][0],
                self._rows("PRAGMA user_version")[0][0],
            )
            if header != (_APPLICATION_ID, version):
                return False
            revisions = [r[0] for r in self._rows("SELECT version_num FROM alembic_version")]
        finally:
            self._connection.execute("COMMIT")
        return revisions == [f"{version:04d}"]

    # --- the agreements (`AgreementService`) --------------------------------------------------

    def terms(self) -> list[cycle.Term]:
        return [cycle.Term(r[0], _date(r[1]), _date(r[2]), bool(r[3])) for r in self._rows(_TERMS)]

    def agreement(self, agreement_id: str) -> Stored[AgreementData] | None:
        rows = self._rows(_AGREEMENT + " WHERE id = ?", (agreement_id,))
        if not rows:
            return None
        r = rows[0]
        data = AgreementData(
            municipality=r[8],
            police_area=r[9],
            title=r[10],
            period_start=_date(r[11]),
            period_end=_date(r[12]),
            valid_until_replaced=bool(r[13]),
            follow_up_due=_maybe_date(r[14]),
            publication=r[15],
            background=r[16],
            aims=r[17],
        )
        return Stored(_meta(r), data)

    def listing(self, today: dt.date) -> list[AgreementListing]:
        """Every active agreement as `AgreementService.listing` gives them, in one snapshot."""
        self._connection.execute("BEGIN")
        try:
            terms = self.terms()
            return listing_of(terms, today, self.agreement_or_error)
        finally:
            self._connection.execute("COMMIT")

    def agreement_or_error(self, agreement_id: str) -> Stored[AgreementData]:
        """The agreement `agreement_id`; `LookupError` if there is none (the services say
        it)."""
        found = self.agreement(agreement_id)
        if found is None:  # cannot happen in one snapshot
            raise LookupError(agreement_id)
        return found

    def report_rows(self, sql: str, parameters: dict[str, Any]) -> list[Any]:
        """A statement of `storage.report_sql` run here (its dates as the file stores them)."""
        return self._figure_rows(sql, parameters)

    # --- the export (`ReportQueries.export_query`) ------------------------------------------

    def export_query(
        self, query: ExportQuery, *, period: Period | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The rows of an export as raw database values, streamed in batches: the statement of
        `ReportQueries.export_query` (`export_statement`), on this connection."""
        sql, parameters = export_statement(query, period)
        cursor = self._connection.execute(sql, parameters)
        try:
            while rows := cursor.fetchmany(EXPORT_BATCH):
                yield from rows
        finally:
            cursor.close()

    # --- promises and targets -----------------------------------------------------------------

    def promises_for(self, agreement_id: str) -> list[Stored[PromiseData]]:
        """The active promises of an agreement in number order (`PromiseService.for_agreement`)."""
        return [_promise(r) for r in self._rows(_PROMISES, (agreement_id,))]

    def promises_by_id(self, ids: Sequence[str]) -> list[Stored[PromiseData]]:
        """The promises `ids` (deleted ones too), in the order given, missing ones left out
        (`PromiseService.get_many`)."""
        wanted = list(ids)
        if not wanted:
            return []
        found = {
            r[0]: _promise(r)
            for r in self._rows_for_ids(_PROMISE + " WHERE id IN :ids", {"ids": wanted})
        }
        return [found[i] for i in wanted if i in found]

    def targets_by_promise(self, promise_ids: Iterable[str]) -> dict[str, list[Stored[TargetData]]]:
        """The active targets of `promise_ids`, each promise's in the order the engine lists
        them (`TargetService.list_page(sort="measure")`: the measure's declared order, then
        id)."""
        wanted = set(promise_ids)
        result: dict[str, list[Stored[TargetData]]] = {}
        rows = sorted(self._rows(_TARGETS), key=lambda r: _MEASURE_ORDER[r[9]])  # stable: by id
        for r in rows:
            if r[8] not in wanted:
                continue
            data = TargetData(
                promise_id=r[8],
                measure=Measure(r[9]),
                comparison=Comparison(r[10]),
                value=float(r[11]),
                period=TargetPeriod(r[12]),
                parameter=r[13],
                description=r[14],
            )
            result.setdefault(data.promise_id, []).append(Stored(_meta(r), data))
        return result

    # --- the figures (`FigureService`) --------------------------------------------------------

    def period_figures(
        self,
        *,
        period: Period,
        promise_ids: Sequence[str],
        as_of: dt.date,
        forecast_until: dt.date | None = None,
    ) -> dict[str, PromiseFigures]:
        return self.many_figures([(period, forecast_until)], promise_ids=promise_ids, as_of=as_of)[
            0
        ]

    def many_figures(
        self,
        requests: Sequence[tuple[Period, dt.date | None]],
        *,
        promise_ids: Sequence[str],
        as_of: dt.date,
        actions: Sequence[bool] | None = None,
    ) -> list[dict[str, PromiseFigures]]:
        """`FigureService.many_figures`, read in one snapshot: whole months from the stored
        totals, partial months counted, then the walks, the planned walks ahead and the walk
        actions, in the order `FigureService` adds them up."""
        ids = list(dict.fromkeys(promise_ids))
        flags = [True] * len(requests) if actions is None else list(actions)
        reads = self._figure_reads()
        self._connection.execute("BEGIN")
        try:
            return add_up(reads, requests, ids, as_of, flags)
        finally:
            self._connection.execute("COMMIT")

    def monthly_counts(
        self, *, period: Period, promise_ids: Sequence[str]
    ) -> dict[str, dict[str, int]]:
        """`FigureService.monthly_counts`, read in one snapshot."""
        self._connection.execute("BEGIN")
        try:
            return monthly_counts(self._figure_reads(), period, promise_ids)
        finally:
            self._connection.execute("COMMIT")

    def _figure_reads(self) -> FigureReads:
        """How `figure_sql.add_up` reads on this connection."""
        return FigureReads(
            rows=self._figure_rows,
            stored=lambda ids, first, last: months_from_rows(
                self._rows_for_ids(TOTALS_SQL, {"ids": ids, "first": first, "last": last})
            ),
            counted=self._counted,
            action_groups=lambda ids: action_groups_from(
                self._rows_for_ids(ACTION_GROUPS_SQL, {"ids": ids})
            ),
        )

    def _figure_rows(self, sql: str, parameters: dict[str, Any]) -> list[Any]:
        """A figure statement run here: its dates as the file stores them ("YYYY-MM-DD")."""
        values = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in parameters.items()}
        return self._rows_for_ids(sql, values)

    def _counted(self, span: Period) -> dict[str, PromiseFigures]:
        """The additive figures of every promise's records dated in `span`, counted now."""
        out: dict[str, PromiseFigures] = {}

        def figures(pid: str, _key: str) -> PromiseFigures:
            return out.setdefault(pid, PromiseFigures())

        parameters = {"start": span.start.isoformat(), "end": span.end.isoformat()}
        for table in additive_tables():
            sql = figure_query_text(table, SQLITE, bucket=WHOLE)
            add_rows(table, self._rows(sql, parameters), figures)
        return out

    # --- the reports (`reports.source.ReportSource`) ------------------------------------------

    def report_source(self) -> QuickSource:
        """What the quarterly report and the follow-up read, on this connection."""
        return QuickSource(self)


class _QuickPromises:
    """The promises' reads of `PromiseService` that the reports use."""

    def __init__(self, reader: QuickReader, reads: ReportReads) -> None:
        self._reader = reader
        self._reads = reads

    def for_agreement(self, agreement_id: str) -> list[Stored[PromiseData]]:
        return self._reader.promises_for(agreement_id)

    def get_many(self, *, ids: Sequence[str]) -> list[Stored[PromiseData]]:
        return self._reader.promises_by_id(ids)

    def lineage(self, promise_id: str) -> list[str]:
        return self._reads.lineage(promise_id)


class QuickSource:
    """The reports' reads (`reports.source.ReportSource`) of a `QuickReader`: the agreements as
    `AgreementService` gives them (`storage.listing`), the figures of `figure_sql`, the other
    reads of `report_sql`, all on the reader's connection."""

    #: Tells `reports.source.report_source` this is no `Services`.
    is_report_source = True

    def __init__(self, reader: QuickReader) -> None:
        self.figures = reader
        self.queries = ReportReads(reader.report_rows)
        self.agreements = TermAgreements(reader.terms, reader.agreement_or_error)
        self.promises = _QuickPromises(reader, self.queries)
        self.targets_by_promise = reader.targets_by_promise
