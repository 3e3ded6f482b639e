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
from typing import Any, BinaryIO

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
from loften_app.domain.errors import LoftenError
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
    Convert,
    Sheet,
    _date,
    _datetime,
    _enum,
    _time,
    _yes_no,
)
from loften_app.storage.files import check_output_path, csv_safe, looks_like_formula, os_reason
from loften_app.storage.services import Services
from loften_app.storage.services.report_queries import ReportQueries

__all__ = ["SHEETS", "ExportFormat", "Sheet", "export"]


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "patrol",
        "Patrullpass",
        "patrullpass",
        (
            ("Id", _T, 12),
            ("Löfte", _I, 7),
            ("Datum", _D, 11),
            ("Start", _TM, 8),
            ("Slut", _TM, 8),
            ("Timmar", _N, 8),
            ("Platser", _T, 28),
            ("Färdsätt", _enum(PatrolMode), 10),
            ("Poliser", _I, 8),
            ("Butiksbesök", _I, 11),
            ("Ordningsstörningar", _I, 11),
            ("Synligt missbruk", _I, 11),
            ("Nedlagda timmar", _N, 10),
            ("Anteckningar", _T, 40),
            _ORG,
            *_CHANGED,
        ),
    ),
    Sheet(
        "shop_visit",
        "Butiksbesök",
        "butiksbesok",
        (
            ("Patrullpass (id)", _T, 12),
            ("Datum", _D, 11),
            ("Butik", _T, 22),
            ("Adress", _T, 22),
            ("Sort", _T, 14),
            ("Anteckning", _T, 40),
        ),
    ),
    Sheet(
        "safety_walk",
        "Trygghetsvandringar",
        "trygghetsvandringar",
        (
            ("Id", _T, 12),
            ("Löfte", _I, 7),
            ("Datum", _D, 11),
            ("Status", _enum(WalkStatus), 11),
            ("Start", _TM, 8),
            ("Ljus", _enum(LightCondition), 10),
            ("Område", _T, 18),
            ("Rutt", _T, 30),
            ("Deltagare kommunen", _I, 10),
            ("Deltagare polisen", _I, 10),
            ("Deltagare fastighetsägare", _I, 10),
            ("Deltagare näringsliv", _I, 10),
            ("Deltagare föreningar", _I, 10),
            ("Deltagare boende/medborgare", _I, 10),
            ("Deltagare politiker", _I, 10),
            ("Deltagare övriga", _I, 10),
            ("Förberedande möte", _D, 11),
            ("Protokoll publicerat", _D, 11),
            ("Orsak till inställd", _T, 24),
            ("Nedlagda timmar", _N, 10),
            ("Anteckningar", _T, 40),
            _ORG,
            *_CHANGED,
        ),
    ),
    Sheet(
        "observation",
        "Iakttagelser och åtgärder",
        "iakttagelser-och-atgarder",
        (
            ("Trygghetsvandring (id)", _T, 12),
            ("Vandringens datum", _D, 11),
            ("Kategori", _enum(ObservationCategory), 18),
            ("Plats", _T, 18),
            ("Iakttagelse", _T, 40),
            ("Foton", _I, 7),
            ("Åtgärd", _T, 36),
            ("Ansvarig", _enum(ActionOwner), 18),
            ("Ansvarig (förvaltning e.d.)", _T, 18),
            ("Prioritet", _enum(Priority), 9),
            ("Senast", _D, 11),
            ("Status", _enum(ActionStatus), 11),
            ("Skäl till avslag", _T, 24),
            ("Stängd", _D, 11),
        ),
    ),
    Sheet(
        "volunteer_deployment",
        "Volontärinsatser",
        "volontarinsatser",
        (
            ("Id", _T, 12),
            ("Löfte", _I, 7),
            ("Datum", _D, 11),
            ("Start", _TM, 8),
            ("Slut", _TM, 8),
            ("Timmar", _N, 8),
            ("Platser", _T, 28),
            ("Uppgift", _enum(VolunteerTask), 16),
            ("Volontärer", _I, 9),
            ("Volontärtimmar", _N, 10),
            ("Volontärtimmar inmatade", _yes_no, 10),
            ("I samråd med kommunen", _yes_no, 10),
            ("I samråd med näringslivet", _yes_no, 10),
            ("Iakttagelser till polisen", _I, 10),
            ("Nedlagda timmar", _N, 10),
            ("Anteckningar", _T, 40),
            _ORG,
            *_CHANGED,
        ),
    ),
    Sheet(
        "drug_case",
        "Narkotikaärenden",
        "narkotikaarenden",
        (
            ("Ärende", _T, 12),
            ("Löfte", _I, 7),
            ("Upptäckt", _D, 11),
            ("Plats", _T, 18),
            ("Åldersgrupp", _enum(AgeGroup), 14),
            ("Typ", _enum(DrugCaseKind), 18),
            ("Upptäckt genom", _enum(DetectionMethod), 11),
            ("Rättsligt utfall", _enum(LegalOutcome), 16),
            ("Kommunen underrättad", _D, 11),
            ("Underrättelse", _enum(NotificationKind), 18),
            ("Polisens anteckningar", _T, 36),
            ("Första kontakt", _D, 11),
            ("Dagar till kontakt", _I, 9),
            ("Stöd som erbjudits", _enum(SupportOffered), 14),
            ("Accepterat", _enum(Accepted), 10),
            ("Status", _enum(CaseStatus), 10),
            ("Avslutat", _D, 11),
            ("Kommunens anteckningar", _T, 36),
            ("Nedlagda timmar", _N, 10),
            *_CHANGED,
        ),
    ),
    Sheet(
        "other_activity",
        "Övriga aktiviteter",
        "ovriga-aktiviteter",
        (
            ("Id", _T, 12),
            ("Löfte", _I, 7),
            ("Datum", _D, 11),
            ("Vad", _T, 30),
            ("Plats", _T, 18),
            ("Antal", _I, 8),
            ("Nedlagda timmar", _N, 10),
            ("Anteckningar", _T, 40),
            _ORG,
            *_CHANGED,
        ),
    ),
    *KIND_SHEETS,
    Sheet(
        "promise",
        "Löften",
        "loften",
        (
            ("Överenskommelse", _T, 24),
            ("Nummer", _I, 8),
            ("Kort titel", _T, 24),
            ("Löftet", _T, 60),
            ("Ansvarig", _enum(Responsible), 16),
            ("Typ", _enum(PromiseType), 20),
            ("Om ansvaret", _T, 24),
            ("Offentlig kommentar", _T, 40),
            ("Intern kommentar", _T, 40),
        ),
    ),
    Sheet(
        "target",
        "Mål",
        "mal",
        (
            ("Löfte", _I, 7),
            ("Mått", _enum(Measure), 30),
            ("Jämförelse", _enum(Comparison), 10),
            ("Värde", _N, 8),
            ("Period", _enum(TargetPeriod), 18),
            ("Parameter", _I, 9),
            ("Beskrivning", _T, 40),
        ),
    ),
    Sheet(
        "indicator_value",
        "Indikatorvärden",
        "indikatorvarden",
        (
            ("Indikator", _T, 36),
            ("Enhet", _T, 8),
            ("Källa", _T, 28),
            ("Period", _T, 10),
            ("Värde", _N, 9),
            ("Anteckning", _T, 30),
        ),
    ),
)


def _rows(queries: ReportQueries, sheet: Sheet, period: Period | None) -> Iterator[list[Any]]:
    converters = [convert for _, convert, _ in sheet.columns]
    rows = (
        queries.export_rows(sheet.key, period=period)
        if sheet.query is None
        else queries.export_query(sheet.query, period=period)
    )
    for raw in rows:
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
    queries = ReportQueries(services.database)
    out = Path(out)
    database = services.database.path
    check_output_path(out, database)
    if fmt is ExportFormat.XLSX:
        if out.suffix.lower() != ".xlsx":
            raise LoftenError(f"Ange en fil som slutar på .xlsx, inte {out.name}.")
        with writing_atomically(out, database=database) as stream:
            _write_xlsx(queries, stream, period, progress)
        return [out]
    if out.exists() and not out.is_dir():
        raise LoftenError(f"{out} är en fil. Ange en mapp för CSV-filerna.")
    if not out.exists():
        check_writable_folder(out.parent if str(out.parent) else Path("."))
        try:
            out.mkdir(mode=0o700)
        except OSError as error:
            raise LoftenError(f"Kan inte skapa mappen {out}: {os_reason(error)}.") from error
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


def _write_csv(
    queries: ReportQueries, sheet: Sheet, stream: BinaryIO, period: Period | None
) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([csv_safe(header) for header in sheet.headers])
    for row in _rows(queries, sheet, period):
        writer.writerow([_csv_value(v) for v in row])
    text.flush()
    text.detach()


_FORMATS = {dt.datetime: "yyyy-mm-dd hh:mm", dt.date: "yyyy-mm-dd", dt.time: "hh:mm"}


def _write_xlsx(
    queries: ReportQueries,
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
        for column, (_, _, width) in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
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
    return [kinds.get(convert) for _, convert, _ in sheet.columns]


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
