"""The template workbook for people who prefer to fill in a sheet: the sheets and headers the
import reads (the export's layout, without its derived columns), a few example rows, and a first
sheet that says how to fill them in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from loften_app.domain.errors import LoftenError, error_text
from loften_app.reports.exports import EnumColumn, _column_formats
from loften_app.reports.imports import record_sheets
from loften_app.reports.output import writing_atomically
from loften_app.reports.sheet_reading import INSTRUCTIONS

__all__ = ["write_template"]

#: Example rows by sheet key: import field → value (every other column left empty).
_EXAMPLES: dict[str, list[dict[str, Any]]] = {
    "patrol": [
        {
            "id": "p1",
            "date": 0,
            "start_time": dt.time(21, 0),
            "end_time": dt.time(1, 0),
            "place_names": "Centrum, Stora torget",
            "mode": "foot",
            "officers": 2,
            "disturbances": 1,
            "visible_drug_use": 0,
            "notes": "Exempel: ta bort raden innan du importerar.",
        },
    ],
    "shop_visit": [
        {"parent_id": "p1", "shop_name": "Exempelbutiken", "note": "Lugnt i kväll."},
    ],
    "safety_walk": [
        {
            "id": "v1",
            "date": -7,
            "status": "completed",
            "start_time": dt.time(18, 30),
            "light": "dark",
            "place_name": "Centrum",
            "route": "Torget – resecentrum – parken",
            "participants_municipality": 3,
            "participants_police": 1,
            "participants_residents": 6,
            "notes": "Exempel: ta bort raden innan du importerar.",
        },
    ],
    "observation": [
        {
            "parent_id": "v1",
            "category": "lighting",
            "place_name": "Centrum",
            "description": "Trasig belysning vid gångtunneln.",
            "action.what": "Byta armaturen",
            "action.owner": "municipal_office",
            "action.owner_detail": "Tekniska förvaltningen",
        },
    ],
    "volunteer_deployment": [
        {
            "date": -2,
            "start_time": dt.time(19, 0),
            "end_time": dt.time(23, 0),
            "place_names": "Centrum",
            "task": "presence",
            "volunteers": 4,
            "with_municipality": True,
            "notes": "Exempel: ta bort raden innan du importerar.",
        },
    ],
    "drug_case": [
        {
            "promise_number": None,
            "detected_on": -3,
            "place_name": "Centrum",
            "age_group": "18_25",
            "kind": "own_use",
            "detection_method": "check",
            "legal_outcome": "under_investigation",
        },
    ],
    "other_activity": [],
}

_HELP = [
    "Mall för import till Löften",
    "",
    "Fyll i en rad per post i bladen. Rubrikerna är desamma som i Löftens export, så en "
    "export kan också redigeras och importeras.",
    "Exempelraderna visar hur cellerna fylls i: ta bort dem innan du importerar.",
    "Id: lämna tomt, eller skriv en egen kort nyckel (t.ex. p1) som raderna i Butiksbesök "
    "och Iakttagelser och åtgärder hänvisar till.",
    "Löfte: löftets nummer i den överenskommelse som gäller på postens datum. Tomt: "
    "överenskommelsens första löfte av postens typ.",
    "Platser och butiker: namnet som i registret. Ett okänt namn läggs till som nytt.",
    "Datum som ÅÅÅÅ-MM-DD, tider som TT:MM, ja eller nej, och värden som i formulären "
    "(t.ex. Till fots, Genomförd).",
    "Inga namn eller personnummer i anteckningarna: sådana rader importeras inte.",
    "Importera: Arkiv → Importera från Excel/CSV… eller loften import --db FIL mall.xlsx",
]


def _value(column: Any, value: Any, today: dt.date) -> Any:
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and column.field.endswith(("date", "detected_on"))
    ):
        return today + dt.timedelta(days=value)
    if isinstance(column.convert, EnumColumn) or column.convert.__name__ == "_yes_no":
        return column.convert(value)
    return value


def write_template(path: Path, *, today: dt.date | None = None) -> Path:
    """Write the template workbook to `path` (.xlsx), whole or not at all."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LoftenError(
            error_text(
                "export.not_xlsx",
                "Ange en fil som slutar på .xlsx, inte {name}.",
                name=path.name,
            )
        )
    today = today or dt.date.today()
    book = Workbook()
    info = book.active
    info.title = INSTRUCTIONS
    info.column_dimensions["A"].width = 110
    for line in _HELP:
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    for sheet in record_sheets():
        ws = book.create_sheet(sheet.title)
        ws.freeze_panes = "A2"
        columns = [column for column in sheet.columns if column.field is not None]
        formats = [f for c, f in zip(sheet.columns, _column_formats(sheet), strict=True) if c.field]
        for number, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(number)].width = column.width
            cell = ws.cell(row=1, column=number, value=column.header)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for row_number, example in enumerate(_EXAMPLES.get(sheet.key, []), start=2):
            for number, (column, number_format) in enumerate(
                zip(columns, formats, strict=True), start=1
            ):
                if column.field not in example or example[column.field] is None:
                    continue
                cell = ws.cell(row=row_number, column=number)
                cell.value = _value(column, example[column.field], today)
                if number_format is not None:
                    cell.number_format = number_format
    with writing_atomically(path) as stream:
        book.save(stream)
    return path
