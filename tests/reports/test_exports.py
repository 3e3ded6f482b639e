"""XLSX and CSV exports read back with openpyxl and the csv module, and the CLI commands."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from loften_app.__main__ import main
from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import year
from loften_app.reports.exports import SHEETS, ExportFormat, export
from loften_app.storage.services import RecordFilter, Services
from tests.cli_runner import run_cli
from tests.reports.conftest import pdf_text
from tests.storage.conftest import db_argument


def test_the_xlsx_has_a_sheet_per_record_type_with_real_cells_and_a_frozen_header(
    demo_services: Services, tmp_path: Path
) -> None:
    out = tmp_path / "export.xlsx"
    assert export(demo_services, ExportFormat.XLSX, out, period=year(2018)) == [out]
    book = load_workbook(out)
    assert book.sheetnames == [s.title for s in SHEETS]
    patrols = book["Patrullpass"]
    assert patrols.freeze_panes == "A2"
    header = [c.value for c in patrols[1]]
    assert header[:6] == ["Id", "Löfte", "Datum", "Starttid", "Sluttid", "Timmar"]
    assert all(c.font.bold for c in patrols[1])
    rows = list(patrols.iter_rows(min_row=2, values_only=True))
    counted = demo_services.patrols.count(filter=RecordFilter(period=year(2018)))
    assert len(rows) == counted > 0
    first = rows[0]
    assert isinstance(first[2], dt.datetime) and first[2].year == 2018  # a date cell
    assert isinstance(first[3], dt.time)
    assert isinstance(first[5], int | float) and isinstance(first[8], int)
    assert patrols.cell(row=2, column=3).number_format == "yyyy-mm-dd"
    cases = list(book["Narkotikaärenden"].iter_rows(min_row=2, values_only=True))
    stored = demo_services.drug_cases.list_page(
        filter=RecordFilter(period=year(2018)), sort="detected_on", descending=False, limit=1000
    ).items
    assert [r[0] for r in cases] == [c.data.case_code for c in stored]
    # Notes belong to the internal export: as stored, nothing added.
    notes = {c.data.municipal_notes for c in stored if c.data.municipal_notes}
    assert notes and notes <= {r[17] for r in cases}
    visits = sum(
        len(p.data.shop_visits)
        for p in demo_services.patrols.list_page(
            filter=RecordFilter(period=year(2018)), limit=10_000
        ).items
    )
    assert book["Butiksbesök"].max_row - 1 == visits


def test_the_csv_files_open_in_swedish_excel(demo_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    files = export(demo_services, ExportFormat.CSV, folder)
    assert [f.name for f in files] == [f"{s.file_name}.csv" for s in SHEETS]
    raw = (folder / "patrullpass.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (folder / "patrullpass.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0][:3] == ["Id", "Löfte", "Datum"]
    assert len(rows) - 1 == demo_services.patrols.count()
    assert dt.date.fromisoformat(rows[1][2])
    hours = [r[5] for r in rows[1:]]
    assert any("," in h for h in hours) and not any("." in h for h in hours)


def test_an_export_to_a_bad_place_is_a_plain_error(demo_services: Services, tmp_path: Path) -> None:
    with pytest.raises(LoftenError, match=r"\.xlsx"):
        export(demo_services, ExportFormat.XLSX, tmp_path / "x.pdf")
    with pytest.raises(LoftenError, match="finns inte"):
        export(demo_services, ExportFormat.XLSX, tmp_path / "no" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_the_commands_make_the_reports_and_the_exports(
    demo_services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_argument(demo_services.database)
    q3 = tmp_path / "q3.pdf"
    common = ["--db", db, "--user", "Anna"]
    assert main(["report", "quarterly", "--quarter", "2018-Q3", *common, "--out", str(q3)]) == 0
    assert "Kvartalsrapport" in pdf_text(q3) and "Anna" in pdf_text(q3)
    public = tmp_path / "public.pdf"
    assert main(["report", "follow-up", *common, "--out", str(public), "--public"]) == 0
    assert "offentlig version" in pdf_text(public)
    assert (
        main(
            [
                "export",
                *common,
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / "a.xlsx"),
                "--from",
                "2018-07-01",
                "--to",
                "2018-09-30",
            ]
        )
        == 0
    )
    rows = list(
        load_workbook(tmp_path / "a.xlsx")["Patrullpass"].iter_rows(min_row=2, values_only=True)
    )
    assert rows and all(dt.date(2018, 7, 1) <= r[2].date() <= dt.date(2018, 9, 30) for r in rows)
    assert main(["export", *common, "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "narkotikaarenden.csv").exists()
    capsys.readouterr()
    assert main(["report", "quarterly", "--quarter", "2030-Q1", *common, "--out", str(q3)]) == 1
    assert "utanför överenskommelsens period" in capsys.readouterr().err


def test_the_report_command_writes_the_pdf_and_a_bad_period_is_a_plain_error(
    demo_services: Services, tmp_path: Path
) -> None:
    out = tmp_path / "fu.pdf"
    db = db_argument(demo_services.database)
    result = run_cli("report", "follow-up", "--db", db, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Uppföljning" in pdf_text(out)
    bad = run_cli("report", "quarterly", "--quarter", "kv3", "--db", db, "--out", str(out))
    assert bad.returncode == 1 and "Okänd period" in bad.stderr and "Traceback" not in bad.stderr
