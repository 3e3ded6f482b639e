"""Reading the layout `loften export` writes: an XLSX workbook (one sheet per record type) or a
folder of CSV files (`;`, decimal comma, UTF-8 with or without a byte-order mark), and turning
each cell back into a value with its column's declaration (`reports.exports.SHEETS`).

Only reads: the file is opened read-only and never written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loften_app.domain.errors import ErrorText, LoftenError, error_text
from loften_app.reports.exports import (
    SHEETS,
    Column,
    EnumColumn,
    Sheet,
    _date,
    _datetime,
    _integer,
    _number,
    _text,
    _time,
    _yes_no,
)
from loften_app.storage.files import FORMULA_STARTS

__all__ = ["INSTRUCTIONS", "CellError", "SheetRows", "column_letter", "parse_cell", "read_source"]


class CellError(ValueError):
    """A cell that cannot be read as its column's kind of value: `text` says why (its message,
    the exception's text, is Swedish)."""

    def __init__(self, text: ErrorText) -> None:
        super().__init__(text.render())
        self.text = text


def column_letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class SheetRows:
    """One sheet (or CSV file) as read: its declaration, the name to show in messages, the
    columns found (declared column or None for an unknown header, by position) and the rows
    with their row numbers (the header is row 1)."""

    sheet: Sheet
    label: str
    columns: list[Column | None]
    headers: list[str]
    rows: Iterator[tuple[int, tuple[Any, ...]]]


#: The title of the template's first sheet (how to fill it in), which the import passes over.
INSTRUCTIONS = "Instruktioner"

_BY_TITLE = {sheet.title.casefold(): sheet for sheet in SHEETS}
_BY_FILE = {sheet.file_name.casefold(): sheet for sheet in SHEETS}


def _columns(sheet: Sheet, headers: list[str]) -> list[Column | None]:
    declared = {
        header.casefold(): column
        for column in sheet.columns
        for header in (*column.aliases, column.header)
    }
    return [declared.get(header.strip().casefold()) for header in headers]


def read_source(path: Path) -> tuple[list[SheetRows], list[str], Any]:
    """The sheets of the workbook or CSV folder (or single CSV file) at `path` that the import
    knows, the names of those it does not, and a handle to close afterwards (or None).
    `LoftenError` when the file cannot be read at all."""
    path = Path(path)
    if not path.exists():
        raise LoftenError(error_text("import.file_missing", "{path} finns inte.", path=path))
    if path.is_dir():
        return _read_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        sheet = _BY_FILE.get(path.stem.casefold())
        if sheet is None:
            names = ", ".join(f"{s.file_name}.csv" for s in SHEETS)
            raise LoftenError(
                error_text(
                    "import.unknown_csv_name",
                    "Filen {name} har inte något av de namn som exporten ger ({names}).",
                    name=path.name,
                    names=names,
                )
            )
        return [_read_csv(path, sheet)], [], None
    raise LoftenError(
        error_text(
            "import.unknown_source",
            "{name} är varken en .xlsx-fil eller en mapp med CSV-filer från Löftens export.",
            name=path.name,
        )
    )


def _read_folder(folder: Path) -> tuple[list[SheetRows], list[str], Any]:
    found: list[SheetRows] = []
    unknown: list[str] = []
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() != ".csv":
            continue
        sheet = _BY_FILE.get(file.stem.casefold())
        if sheet is None:
            unknown.append(file.name)
        else:
            found.append(_read_csv(file, sheet))
    if not found and not unknown:
        raise LoftenError(
            error_text("import.no_csv_files", "Mappen {folder} har inga CSV-filer.", folder=folder)
        )
    order = {sheet.key: index for index, sheet in enumerate(SHEETS)}
    found.sort(key=lambda rows: order[rows.sheet.key])
    return found, unknown, None


def _read_csv(file: Path, sheet: Sheet) -> SheetRows:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoftenError(
            error_text(
                "import.not_utf8",
                "{name} är inte sparad som UTF-8. Spara den som CSV UTF-8 (kommaavgränsad) "
                "i Excel och försök igen.",
                name=file.name,
            )
        ) from error
    except OSError as error:
        raise LoftenError(
            error_text(
                "import.cannot_read",
                "Kan inte läsa {name}: {reason}.",
                name=file.name,
                reason=error.strerror or error,
            )
        ) from error
    reader = csv.reader(text.splitlines(), delimiter=";")
    headers = next(reader, [])
    rows = ((number, tuple(row)) for number, row in enumerate(reader, start=2))
    return SheetRows(sheet, file.name, _columns(sheet, headers), headers, rows)


def _read_xlsx(path: Path) -> tuple[list[SheetRows], list[str], Any]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise LoftenError(
            error_text(
                "import.not_a_workbook",
                "{name} kan inte läsas som en Excel-arbetsbok ({reason}).",
                name=path.name,
                reason=error,
            )
        ) from error
    found: list[SheetRows] = []
    unknown: list[str] = []
    for ws in book.worksheets:
        sheet = _BY_TITLE.get(ws.title.strip().casefold())
        if sheet is None:
            if ws.title != INSTRUCTIONS:
                unknown.append(ws.title)
            continue
        cells = ws.iter_rows(values_only=True)
        first = next(cells, ())
        headers = ["" if value is None else str(value) for value in first]
        rows = ((number, row) for number, row in enumerate(cells, start=2))
        found.append(SheetRows(sheet, ws.title, _columns(sheet, headers), headers, rows))
    return found, unknown, book


# --- cells ----------------------------------------------------------------------------------------

_TIME = re.compile(r"^(\d{1,2})[:.]?(\d{2})(?::(\d{2}))?$")


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]  # the export's guard against formulas, taken off again
    return text


def _parse_integer(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError(error_text("import.integer", "Skriv ett heltal."))
    if isinstance(value, int):
        return value
    number = value if isinstance(value, float) else _parse_number(value)
    if not float(number).is_integer():
        raise CellError(
            error_text(
                "import.not_integer", "Skriv ett heltal, inte {value}.", value=_as_text(value)
            )
        )
    return int(number)


def _parse_number(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = _as_text(value).replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError(
            error_text(
                "import.not_number",
                "Skriv ett tal (t.ex. 1,5), inte «{value}».",
                value=_as_text(value),
            )
        ) from None


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _as_text(value)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise CellError(
            error_text(
                "import.not_date",
                "Skriv datumet som ÅÅÅÅ-MM-DD (t.ex. 2026-12-01), inte «{value}».",
                value=text,
            )
        ) from None


def _parse_time(value: Any) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel's fraction of a day
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    text = _as_text(value)
    match = _TIME.match(text)
    if match is not None:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes, int(match.group(3) or 0))
    raise CellError(
        error_text(
            "import.not_time", "Skriv tiden som TT:MM (t.ex. 21:00), inte «{value}».", value=text
        )
    )


_YES = {"ja", "j", "yes", "y", "1", "true", "sant"}
_NO = {"nej", "n", "no", "0", "false", "falskt"}


def _parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _as_text(value).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(
        error_text(
            "import.not_yes_no", "Skriv ja eller nej, inte «{value}».", value=_as_text(value)
        )
    )


_ENUM_WORDS: dict[type, dict[str, Any]] = {}


def _parse_enum(convert: EnumColumn, value: Any) -> Any:
    words = _ENUM_WORDS.get(convert.kind)
    if words is None:
        words = {}
        for member in convert.kind:
            words[member.value.casefold()] = member
            words[str(convert(member.value)).casefold()] = member
        _ENUM_WORDS[convert.kind] = words
    text = _as_text(value)
    found = words.get(text.casefold())
    if found is None:
        choices = ", ".join(str(convert(m.value)) for m in convert.kind)
        raise CellError(
            error_text(
                "import.unknown_value",
                "Okänt värde «{value}». Välj ett av: {choices}.",
                value=text,
                choices=choices,
            )
        )
    return found


_PARSERS: dict[Any, Any] = {
    _text: _as_text,
    _integer: _parse_integer,
    _number: _parse_number,
    _date: _parse_date,
    _time: _parse_time,
    _datetime: lambda value: value,
    _yes_no: _parse_yes_no,
}


def parse_cell(column: Column, value: Any) -> Any:
    """The cell's value as the column's kind (None for an empty cell; text columns: "").
    Raises `CellError` with a Swedish message for a value that is not of the kind."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "" if column.convert is _text else None
    if isinstance(column.convert, EnumColumn):
        return _parse_enum(column.convert, value)
    return _PARSERS[column.convert](value)
