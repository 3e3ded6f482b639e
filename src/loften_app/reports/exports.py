"""Exporting the records: XLSX (one sheet per record type) and CSV (one file per type).

The export is internal data for the coordinator's own analysis, so it holds every field the
database has for the active records, notes and case codes included (the privacy rules of the
public reports do not apply; the files are written readable by their owner only). It never adds
anything the database does not have: derived columns (a shift's hours, days to contact, the
number of shop visits) are computed from the stored fields. Deleted records are left out.

XLSX: real date, time and number cells, a bold Swedish header row that stays in view (frozen).
CSV: the form Swedish Excel opens directly: UTF-8 with a byte-order mark, `;` between fields,
decimal comma, ISO dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from loften_app.domain.enums import (
    Accepted,
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Comparison,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    LightCondition,
    Measure,
    NotificationKind,
    ObservationCategory,
    PatrolMode,
    Priority,
    PromiseType,
    Responsible,
    SupportOffered,
    TargetPeriod,
    VolunteerTask,
    WalkStatus,
)
from loften_app.domain.errors import LoftenError, error_text
from loften_app.domain.periods import Period
from loften_app.reports.kinds import KIND_SHEETS
from loften_app.reports.output import check_writable_folder, writing_atomically
from loften_app.reports.sheet import (
    _CHANGED,
    _D,
    _I,
    _N,
    _ORG,
    _T,
    _TM,
    DERIVED,
    Column,
    Convert,
    EnumColumn,
    Sheet,
    _date,
    _datetime,
    _enum,
    _integer,
    _number,
    _text,
    _time,
    _yes_no,
    col,
)
from loften_app.reports.sheet import (
    sheet as declare_sheet,
)
from loften_app.storage.export_sql import (
    PLACE_SQL,
    PROMISE_SQL,
    SHIFT_HOURS_SQL,
    ExportReader,
    places_sql,
)
from loften_app.storage.files import (
    FORMULA_STARTS,
    check_output_path,
    csv_safe,
    looks_like_formula,
    os_reason,
)

if TYPE_CHECKING:
    from loften_app.storage.services import Services

__all__ = [
    "DERIVED",
    "SHEETS",
    "Column",
    "Convert",
    "EnumColumn",
    "ExportFormat",
    "Sheet",
    "_date",
    "_datetime",
    "_integer",
    "_number",
    "_text",
    "_time",
    "_yes_no",
    "export",
    "export_from",
]


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


_ID = col("Id", "t.id", _T, 12)
_PROMISE = col("Löfte", PROMISE_SQL, _I, 7, "promise_number")
_PLACE = col("Plats", PLACE_SQL, _T, 18, "place_name")
_HOURS = col("Nedlagda timmar", "t.hours_spent", _N, 10)
_NOTES = col("Anteckningar", "t.notes", _T, 40)


def _participants(header: str, group: str) -> Column:
    return col(header, f"t.participants_{group}", _I, 10)


_BUILT_IN: tuple[Sheet, ...] = (
    declare_sheet(
        "patrol",
        "Patrullpass",
        "patrullpass",
        source="patrol AS t",
        date_column="t.date",
        order="t.date, t.start_time, t.id",
        columns=(
            _ID,
            _PROMISE,
            col("Datum", "t.date", _D, 11),
            col("Start", "t.start_time", _TM, 8),
            col("Slut", "t.end_time", _TM, 8),
            col("Timmar", SHIFT_HOURS_SQL, _N, 8, DERIVED),
            col("Platser", places_sql("patrol_place", "patrol_id"), _T, 28, "place_names"),
            col("Färdsätt", "t.mode", _enum(PatrolMode), 10),
            col("Poliser", "t.officers", _I, 8),
            col(
                "Butiksbesök",
                "(SELECT count(*) FROM shop_visit AS v WHERE v.patrol_id = t.id)",
                _I,
                11,
                DERIVED,
            ),
            col("Ordningsstörningar", "t.disturbances", _I, 11),
            col("Synligt missbruk", "t.visible_drug_use", _I, 11),
            _HOURS,
            _NOTES,
            _ORG,
            *_CHANGED,
        ),
    ),
    declare_sheet(
        "shop_visit",
        "Butiksbesök",
        "butiksbesok",
        source=(
            "shop_visit AS c JOIN patrol AS t ON t.id = c.patrol_id"
            " JOIN shop AS s ON s.id = c.shop_id"
        ),
        date_column="t.date",
        order="t.date, t.start_time, t.id, c.position",
        columns=(
            col("Patrullpass (id)", "t.id", _T, 12, "parent_id"),
            col("Datum", "t.date", _D, 11, DERIVED),
            col("Butik", "s.name", _T, 22, "shop_name"),
            col("Adress", "s.address", _T, 22, "shop_address"),
            col("Sort", "s.kind", _T, 14, "shop_kind"),
            col("Anteckning", "c.note", _T, 40),
        ),
    ),
    declare_sheet(
        "safety_walk",
        "Trygghetsvandringar",
        "trygghetsvandringar",
        source="safety_walk AS t",
        date_column="t.date",
        order="t.date, t.id",
        columns=(
            _ID,
            _PROMISE,
            col("Datum", "t.date", _D, 11),
            col("Status", "t.status", _enum(WalkStatus), 11),
            col("Start", "t.start_time", _TM, 8),
            col("Ljus", "t.light", _enum(LightCondition), 10),
            col("Område", PLACE_SQL, _T, 18, "place_name"),
            col("Rutt", "t.route", _T, 30),
            _participants("Deltagare kommunen", "municipality"),
            _participants("Deltagare polisen", "police"),
            _participants("Deltagare fastighetsägare", "property_owners"),
            _participants("Deltagare näringsliv", "business"),
            _participants("Deltagare föreningar", "associations"),
            _participants("Deltagare boende/medborgare", "residents"),
            _participants("Deltagare politiker", "politicians"),
            _participants("Deltagare övriga", "others"),
            col("Förberedande möte", "t.preparatory_meeting_on", _D, 11),
            col("Protokoll publicerat", "t.protocol_published_on", _D, 11),
            col("Orsak till inställd", "t.cancellation_reason", _T, 24),
            _HOURS,
            _NOTES,
            _ORG,
            *_CHANGED,
        ),
    ),
    declare_sheet(
        "observation",
        "Iakttagelser och åtgärder",
        "iakttagelser-och-atgarder",
        source=(
            "observation AS c JOIN safety_walk AS t ON t.id = c.walk_id"
            " LEFT JOIN walk_action AS a ON a.observation_id = c.id"
        ),
        date_column="t.date",
        order="t.date, t.id, c.position",
        columns=(
            col("Trygghetsvandring (id)", "t.id", _T, 12, "parent_id"),
            col("Vandringens datum", "t.date", _D, 11, DERIVED),
            col("Kategori", "c.category", _enum(ObservationCategory), 18),
            col(
                "Plats",
                "(SELECT name FROM place WHERE place.id = coalesce(c.place_id, t.place_id))",
                _T,
                18,
                "place_name",
            ),
            col("Iakttagelse", "c.description", _T, 40),
            col(
                "Foton",
                "(SELECT count(*) FROM observation_photo AS f WHERE f.observation_id = c.id)",
                _I,
                7,
                DERIVED,
            ),
            col("Åtgärd", "a.what", _T, 36),
            col("Ansvarig", "a.owner", _enum(ActionOwner), 18),
            col("Ansvarig (förvaltning e.d.)", "a.owner_detail", _T, 18),
            col("Prioritet", "a.priority", _enum(Priority), 9),
            col("Senast", "a.deadline", _D, 11),
            col("Status", "a.status", _enum(ActionStatus), 11),
            col("Skäl till avslag", "a.rejection_reason", _T, 24),
            col("Stängd", "a.closed_on", _D, 11),
        ),
    ),
    declare_sheet(
        "volunteer_deployment",
        "Volontärinsatser",
        "volontarinsatser",
        source="volunteer_deployment AS t",
        date_column="t.date",
        order="t.date, t.start_time, t.id",
        columns=(
            _ID,
            _PROMISE,
            col("Datum", "t.date", _D, 11),
            col("Start", "t.start_time", _TM, 8),
            col("Slut", "t.end_time", _TM, 8),
            col("Timmar", SHIFT_HOURS_SQL, _N, 8, DERIVED),
            col("Platser", places_sql("deployment_place", "deployment_id"), _T, 28, "place_names"),
            col("Uppgift", "t.task", _enum(VolunteerTask), 16),
            col("Volontärer", "t.volunteers", _I, 9),
            col(
                "Volontärtimmar",
                f"coalesce(t.volunteer_hours_override, t.volunteers * {SHIFT_HOURS_SQL})",
                _N,
                10,
                "volunteer_hours",
            ),
            col(
                "Volontärtimmar inmatade",
                "t.volunteer_hours_override IS NOT NULL",
                _yes_no,
                10,
                "volunteer_hours_entered",
            ),
            col("I samråd med kommunen", "t.with_municipality", _yes_no, 10),
            col("I samråd med näringslivet", "t.with_business", _yes_no, 10),
            col("Iakttagelser till polisen", "t.observations_passed", _I, 10),
            _HOURS,
            _NOTES,
            _ORG,
            *_CHANGED,
        ),
    ),
    declare_sheet(
        "drug_case",
        "Narkotikaärenden",
        "narkotikaarenden",
        source="drug_case AS t",
        date_column="t.detected_on",
        order="t.detected_on, t.case_code",
        columns=(
            col("Ärende", "t.case_code", _T, 12),
            _PROMISE,
            col("Upptäckt", "t.detected_on", _D, 11),
            _PLACE,
            col("Åldersgrupp", "t.age_group", _enum(AgeGroup), 14),
            col("Typ", "t.kind", _enum(DrugCaseKind), 18),
            col("Upptäckt genom", "t.detection_method", _enum(DetectionMethod), 11),
            col("Rättsligt utfall", "t.legal_outcome", _enum(LegalOutcome), 16),
            col("Kommunen underrättad", "t.municipality_notified_on", _D, 11),
            col("Underrättelse", "t.notification_kind", _enum(NotificationKind), 18),
            col("Polisens anteckningar", "t.police_notes", _T, 36),
            col("Första kontakt", "t.first_contact_on", _D, 11),
            col(
                "Dagar till kontakt",
                "CAST(julianday(t.first_contact_on) - julianday(t.detected_on) AS INTEGER)",
                _I,
                9,
                DERIVED,
            ),
            col("Stöd som erbjudits", "t.support_offered", _enum(SupportOffered), 14),
            col("Accepterat", "t.accepted", _enum(Accepted), 10),
            col("Status", "t.status", _enum(CaseStatus), 10),
            col("Avslutat", "t.closed_on", _D, 11),
            col("Kommunens anteckningar", "t.municipal_notes", _T, 36),
            _HOURS,
            *_CHANGED,
        ),
    ),
    declare_sheet(
        "other_activity",
        "Övriga aktiviteter",
        "ovriga-aktiviteter",
        source="other_activity AS t",
        date_column="t.date",
        order="t.date, t.id",
        columns=(
            _ID,
            _PROMISE,
            col("Datum", "t.date", _D, 11),
            col("Vad", "t.what", _T, 30),
            _PLACE,
            col("Antal", "t.count", _I, 8),
            _HOURS,
            _NOTES,
            _ORG,
            *_CHANGED,
        ),
    ),
    declare_sheet(
        "promise",
        "Löften",
        "loften",
        source="promise AS t JOIN agreement AS g ON g.id = t.agreement_id",
        date_column=None,
        order="g.period_start, t.number",
        columns=(
            col("Överenskommelse", "g.title", _T, 24, "agreement_title"),
            col("Nummer", "t.number", _I, 8),
            col("Kort titel", "t.short_title", _T, 24),
            col("Löftet", "t.text", _T, 60),
            col("Ansvarig", "t.responsible", _enum(Responsible), 16),
            col("Typ", "t.type", _enum(PromiseType), 20),
            col("Om ansvaret", "t.responsibility_note", _T, 24),
            col("Offentlig kommentar", "t.follow_up_comment", _T, 40),
            col("Intern kommentar", "t.internal_comment", _T, 40),
        ),
    ),
    declare_sheet(
        "target",
        "Mål",
        "mal",
        source="target AS t JOIN promise AS p ON p.id = t.promise_id AND p.deleted_at IS NULL",
        date_column=None,
        order="p.number, t.measure, t.id",
        columns=(
            col("Löfte", "p.number", _I, 7, "promise_number"),
            col("Mått", "t.measure", _enum(Measure), 30),
            col("Jämförelse", "t.comparison", _enum(Comparison), 10),
            col("Värde", "t.value", _N, 8),
            col("Period", "t.period", _enum(TargetPeriod), 18),
            col("Parameter", "t.parameter", _I, 9),
            col("Beskrivning", "t.description", _T, 40),
        ),
    ),
    declare_sheet(
        "indicator_value",
        "Indikatorvärden",
        "indikatorvarden",
        source=(
            "indicator_value AS t"
            " JOIN indicator AS i ON i.id = t.indicator_id AND i.deleted_at IS NULL"
        ),
        date_column=None,
        order="i.name, t.period_key",
        columns=(
            col("Indikator", "i.name", _T, 36, "indicator_name"),
            col("Enhet", "i.unit", _T, 8, DERIVED),
            col("Källa", "i.source", _T, 28, DERIVED),
            col("Period", "t.period_key", _T, 10),
            col("Värde", "t.value", _N, 9),
            col("Anteckning", "t.source_note", _T, 30),
        ),
    ),
)

#: Every sheet: the built-in record types, then those that record kinds declare themselves.
SHEETS: tuple[Sheet, ...] = (*_BUILT_IN, *KIND_SHEETS)


def _rows(queries: ExportReader, sheet: Sheet, period: Period | None) -> Iterator[list[Any]]:
    converters = [column.convert for column in sheet.columns]
    for raw in queries.export_query(sheet.query, period=period):
        yield [convert(value) for convert, value in zip(converters, raw, strict=True)]


def export(
    services: Services,
    fmt: ExportFormat,
    out: Path,
    *,
    period: Period | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Export the active records (dated within `period`, if given) to `out`: one XLSX file, or a
    folder of CSV files (created if missing). Returns the files written. Every file is written
    whole or not at all; raises `LoftenError` when `out` cannot be written."""
    from loften_app.storage.services.report_queries import ReportQueries

    database = services.database
    return export_from(
        ReportQueries(database), database.path, fmt, out, period=period, progress=progress
    )


def export_from(
    queries: ExportReader,
    database: Path,
    fmt: ExportFormat,
    out: Path,
    *,
    period: Period | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """`export`, the rows read by `queries`: `ReportQueries` of the services, or a
    `storage.quick.QuickReader` of the current local file `database` (`loften export` without
    SQLAlchemy). The same files, byte for byte, from either."""
    out = Path(out)
    check_output_path(out, database)
    if fmt is ExportFormat.XLSX:
        if out.suffix.lower() != ".xlsx":
            raise LoftenError(
                error_text(
                    "export.not_xlsx",
                    "Ange en fil som slutar på .xlsx, inte {name}.",
                    name=out.name,
                )
            )
        with writing_atomically(out, database=database) as stream:
            _write_xlsx(queries, stream, period, progress)
        return [out]
    if out.exists() and not out.is_dir():
        raise LoftenError(
            error_text(
                "export.csv_target_is_file",
                "{path} är en fil. Ange en mapp för CSV-filerna.",
                path=out,
            )
        )
    if not out.exists():
        check_writable_folder(out.parent if str(out.parent) else Path("."))
        try:
            out.mkdir(mode=0o700)
        except OSError as error:
            raise LoftenError(
                error_text(
                    "export.cannot_create_folder",
                    "Kan inte skapa mappen {path}: {reason}.",
                    path=out,
                    reason=os_reason(error),
                )
            ) from error
    written: list[Path] = []
    for index, sheet in enumerate(SHEETS):
        path = out / f"{sheet.file_name}.csv"
        with writing_atomically(path, database=database) as stream:
            _write_csv(queries, sheet, stream, period)
        written.append(path)
        if progress is not None:
            progress(index + 1, len(SHEETS))
    return written


def _csv_value(value: Any) -> str:
    if type(value) is str:  # most cells: checked first
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return csv_safe(str(value))


def _csv_cell(convert: Convert) -> Callable[[Any], str]:
    """A column's CSV text from the database's value: `convert`, then `_csv_value`; dates and
    times stored as ISO text are cut to what `_csv_value` writes without being parsed."""
    if convert is _date:
        return lambda v: v[:10] if type(v) is str else _csv_value(_date(v))
    if convert is _time:
        return lambda v: v[:5] if type(v) is str else _csv_value(_time(v))
    if convert is _datetime:
        return lambda v: (
            f"{v[:10]} {v[11:16]}" if type(v) is str and len(v) >= 16 else _csv_value(_datetime(v))
        )
    return lambda v: _csv_value(convert(v))


def _write_csv(
    queries: ExportReader, sheet: Sheet, stream: BinaryIO, period: Period | None
) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([csv_safe(header) for header in sheet.headers])
    cells = [_csv_cell(column.convert) for column in sheet.columns]
    for raw in queries.export_query(sheet.query, period=period):
        writer.writerow([cell(value) for cell, value in zip(cells, raw, strict=True)])
    text.flush()
    text.detach()


_FORMATS = {dt.datetime: "yyyy-mm-dd hh:mm", dt.date: "yyyy-mm-dd", dt.time: "hh:mm"}


def _write_xlsx(
    queries: ExportReader,
    stream: BinaryIO,
    period: Period | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(vertical="top", wrap_text=True)
    for index, sheet in enumerate(SHEETS):
        ws = workbook.create_sheet(sheet.title)
        ws.freeze_panes = "A2"
        for number, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(number)].width = column.width
        header = []
        for name in sheet.headers:
            cell = WriteOnlyCell(ws, value=name)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            header.append(cell)
        ws.append(header)
        formats = _column_formats(sheet)
        for row in _rows(queries, sheet, period):
            ws.append(_xlsx_row(ws, row, formats, WriteOnlyCell))
        if progress is not None:
            progress(index + 1, len(SHEETS) + 1)
    workbook.save(stream)
    if progress is not None:
        progress(len(SHEETS) + 1, len(SHEETS) + 1)


def _column_formats(sheet: Sheet) -> list[str | None]:
    kinds: dict[Convert, str] = {_date: "yyyy-mm-dd", _time: "hh:mm", _datetime: "yyyy-mm-dd hh:mm"}
    return [kinds.get(column.convert) for column in sheet.columns]


def _xlsx_row(
    ws: Any, row: Sequence[Any], formats: Sequence[str | None], cell_class: Any
) -> list[Any]:
    if not any(formats) and not any(looks_like_formula(value) for value in row):
        return list(row)
    values: list[Any] = []
    for value, number_format in zip(row, formats, strict=True):
        if looks_like_formula(value):
            # A text that a spreadsheet would run as a formula is stored as text.
            cell = cell_class(ws, value=value)
            cell.data_type = "s"
            values.append(cell)
        elif number_format is None or value is None:
            values.append(value)
        else:
            cell = cell_class(ws, value=value)
            cell.number_format = number_format
            values.append(cell)
    return values
