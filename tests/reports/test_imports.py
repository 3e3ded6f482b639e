"""`loften import`: the export's XLSX and CSV read back, checked row by row, written in one
transaction; a refused file is named precisely and left untouched."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from loften_app.domain.periods import year
from loften_app.reports.exports import ExportFormat, export
from loften_app.reports.imports import apply_import, preview_import, record_sheets
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.cli_runner import run_cli
from tests.reports.conftest import ACTOR

PNR = "811218-9876"
#: Columns that say when and by whom a record was last saved: the import's own.
_BOOKKEEPING = ("Ändrad (UTC)", "Ändrad av")


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    """A new file from the Filipstad 2017–2018 template, as `loften new` makes it."""
    with open_database(tmp_path / "fresh.db") as database:
        services = Services.build(database, ACTOR)
        apply_template(services, "filipstad-2017-2018")
        yield services


def sha256(path: Path) -> str:
    if path.is_dir():
        return "".join(sha256(file) for file in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the record sheets of an exported workbook, less the bookkeeping, sorted."""
    book = load_workbook(path, read_only=True)
    result = {}
    for sheet in record_sheets():
        rows = list(book[sheet.title].iter_rows(values_only=True))
        keep = [i for i, header in enumerate(rows[0]) if header not in _BOOKKEEPING]
        result[sheet.title] = sorted(
            (tuple(row[i] if i < len(row) else None for i in keep) for row in rows[1:]), key=repr
        )
    book.close()
    return result


def audit_count(services: Services) -> int:
    with sqlite3.connect(services.database.path) as connection:
        return int(connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0])


def test_the_demo_year_exported_and_imported_into_a_fresh_template_gives_the_same_records(
    demo_services: Services, fresh: Services, tmp_path: Path
) -> None:
    source = tmp_path / "demo.xlsx"
    export(demo_services, ExportFormat.XLSX, source, period=year(2018))
    before = sha256(source)
    preview = preview_import(fresh, source)
    assert preview.problems == ()
    assert preview.can_import and preview.total > 200
    assert preview.new_shops  # the template has no shops: each is offered as new
    lines_before = audit_count(fresh)
    written = apply_import(fresh, preview)
    assert written.backup is not None and written.backup.exists()
    assert sum(written.added.values()) == preview.total + len(preview.new_shops)
    assert audit_count(fresh) - lines_before == sum(written.added.values())
    again = tmp_path / "again.xlsx"
    export(fresh, ExportFormat.XLSX, again, period=year(2018))
    assert record_rows(again) == record_rows(source)
    assert sha256(source) == before

    # The same file again adds nothing.
    second = preview_import(fresh, source)
    assert second.problems == () and second.total == 0 and not second.can_import
    assert dict(second.existing)["Patrullpass"] == dict(preview.added)["Patrullpass"]
    assert apply_import(fresh, second).added == {}


def test_the_csv_folder_round_trips_too(
    demo_services: Services, fresh: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    export(demo_services, ExportFormat.CSV, folder, period=year(2018))
    # Without the byte-order mark (as some editors save it), the file reads the same.
    patrols = folder / "patrullpass.csv"
    patrols.write_bytes(patrols.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    preview = preview_import(fresh, folder)
    assert preview.problems == ()
    apply_import(fresh, preview)
    check = tmp_path / "check.xlsx"
    source = tmp_path / "source.xlsx"
    export(fresh, ExportFormat.XLSX, check, period=year(2018))
    export(demo_services, ExportFormat.XLSX, source, period=year(2018))
    assert record_rows(check) == record_rows(source)
    assert preview_import(fresh, folder).total == 0


def test_a_csv_folder_with_the_previous_versions_headers_imports_the_same(
    demo_services: Services, fresh: Services, tmp_path: Path
) -> None:
    """The headers are the fields' labels now (`domain.kinds`); a folder exported by the
    previous version, under the former headers, still imports every record."""
    folder = tmp_path / "csv"
    export(demo_services, ExportFormat.CSV, folder, period=year(2018))
    renamed = 0
    for sheet in record_sheets():
        former = {c.header: c.aliases[0] for c in sheet.columns if c.aliases}
        path = folder / f"{sheet.file_name}.csv"
        if not former or not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        renamed += sum(1 for header in rows[0] if header in former)
        rows[0] = [former.get(header, header) for header in rows[0]]
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    assert renamed >= 15
    preview = preview_import(fresh, folder)
    assert preview.problems == ()
    apply_import(fresh, preview)
    check = tmp_path / "check.xlsx"
    source = tmp_path / "source.xlsx"
    export(fresh, ExportFormat.XLSX, check, period=year(2018))
    export(demo_services, ExportFormat.XLSX, source, period=year(2018))
    assert record_rows(check) == record_rows(source)


def test_a_personnummer_in_a_note_refuses_the_workbook_naming_sheet_row_and_column(
    demo_services: Services, fresh: Services, tmp_path: Path
) -> None:
    source = tmp_path / "demo.xlsx"
    export(demo_services, ExportFormat.XLSX, source, period=year(2018))
    book = load_workbook(source)
    sheet = book["Volontärinsatser"]
    headers = [cell.value for cell in sheet[1]]
    notes = headers.index("Anteckningar") + 1
    sheet.cell(row=7, column=notes, value=f"Talade med {PNR} vid torget")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    before = sha256(bad)
    size = fresh.database.path.stat().st_size
    preview = preview_import(fresh, bad)
    assert not preview.can_import
    assert len(preview.problems) == 1
    problem = preview.problems[0]
    assert (problem.sheet, problem.row) == ("Volontärinsatser", 7)
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[notes - 1]
    assert problem.column == f"{letter} «Anteckningar»"
    assert "personnummer" in problem.message.lower()
    assert PNR not in str(problem)
    assert str(problem).startswith(f"Volontärinsatser, rad 7, kolumn {letter} «Anteckningar»:")
    with pytest.raises(Exception, match="importeras inte"):
        apply_import(fresh, preview)
    assert fresh.patrols.count() == 0
    assert sha256(bad) == before
    assert fresh.database.path.stat().st_size == size

    result = run_cli("import", "--db", str(fresh.database.path), str(bad), "--yes")
    code, out = result.returncode, result.stdout
    assert code == 1
    assert "Volontärinsatser, rad 7, kolumn" in out
    assert fresh.patrols.count() == 0
    assert sha256(bad) == before


def test_a_bad_csv_row_is_named_by_file_row_and_column(
    demo_services: Services, fresh: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    export(demo_services, ExportFormat.CSV, folder, period=year(2018))
    cases = folder / "narkotikaarenden.csv"
    with cases.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    rows[3][rows[0].index("Kommunens anteckningar")] = f"pnr {PNR.replace('-', '')}"
    rows[5][rows[0].index("Datum upptäckt")] = "2018-13-40"
    with cases.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    before = sha256(folder)
    preview = preview_import(fresh, folder)
    where = {(p.sheet, p.row, p.column.split(" ", 1)[1]) for p in preview.problems}
    assert where == {
        ("narkotikaarenden.csv", 4, "«Kommunens anteckningar»"),
        ("narkotikaarenden.csv", 6, "«Datum upptäckt»"),
    }
    result = run_cli("import", "--db", str(fresh.database.path), str(folder), "--yes")
    code, out = result.returncode, result.stdout
    assert code == 1 and "narkotikaarenden.csv, rad 6" in out
    assert fresh.drug_cases.count() == 0
    assert sha256(folder) == before


def test_promises_places_and_agreements_are_matched_on_the_records_date(
    fresh: Services, tmp_path: Path
) -> None:
    book_path = tmp_path / "mall.xlsx"
    result = run_cli("import", "--template-workbook", str(book_path))
    code, out = result.returncode, result.stdout
    assert code == 0 and "Mallen är sparad" in out
    book = load_workbook(book_path)
    assert book.sheetnames[0] == "Instruktioner"
    assert book.sheetnames[1:] == [s.title for s in record_sheets()]
    patrols = book["Patrullpass"]
    headers = [cell.value for cell in patrols[1]]
    assert "Timmar" not in headers and "Ändrad av" not in headers
    # A patrol on a day no agreement covers (the template's ends 2018 and is valid until
    # replaced: before 2017 nothing is in force), and one with a walk promise's number.
    date = headers.index("Datum") + 1
    promise = headers.index("Löfte") + 1
    patrols.cell(row=3, column=1, value="p2")
    patrols.cell(row=3, column=date, value="2016-05-01")
    patrols.cell(row=3, column=4, value="21:00")
    patrols.cell(row=3, column=5, value="23:00")
    patrols.cell(row=4, column=1, value="p3")
    patrols.cell(row=4, column=promise, value=2)
    patrols.cell(row=4, column=date, value="2018-05-01")
    patrols.cell(row=4, column=4, value="21:00")
    patrols.cell(row=4, column=5, value="23:00")
    book.save(book_path)
    preview = preview_import(fresh, book_path)
    messages = {(p.row, p.column.split(" ", 1)[1]): p.message for p in preview.problems}
    assert "Ingen överenskommelse gäller 2016-05-01" in messages[(3, "«Datum»")]
    assert "Löfte 2 gäller" in messages[(4, "«Löfte»")]
    assert len(messages) == 2

    # Without the two rows the examples import; their new place and shop are created with them.
    for column in range(1, len(headers) + 1):
        patrols.cell(row=3, column=column).value = None
        patrols.cell(row=4, column=column).value = None
    book.save(book_path)
    result = run_cli("import", "--db", str(fresh.database.path), str(book_path))
    code, out = result.returncode, result.stdout
    assert code == 0, out + result.stderr
    assert "Nya butiker: Exempelbutiken" in out and "--yes" in out
    assert fresh.patrols.count() == 0  # a preview writes nothing
    result = run_cli("import", "--db", str(fresh.database.path), str(book_path), "--yes")
    code, out = result.returncode, result.stdout
    assert code == 0 and "Importerade" in out
    patrol = fresh.patrols.list_page().items[0].data
    assert len(patrol.shop_visits) == 1
    assert fresh.shops.get(id=patrol.shop_visits[0].shop_id).data.name == "Exempelbutiken"
    walk = fresh.safety_walks.list_page().items[0].data
    assert walk.observations[0].action is not None
    assert walk.observations[0].action.deadline is not None  # the form's default: six months
    result = run_cli("import", "--db", str(fresh.database.path), str(book_path), "--yes")
    code, out = result.returncode, result.stdout
    assert code == 0 and "Importerade" not in out and "finns redan" in out
    assert fresh.patrols.count() == 1
