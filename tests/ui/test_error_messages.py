"""Errors carry a code and parameters; the window shows them in the user's language, the command
line in Swedish."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import psycopg
from pytestqt.qtbot import QtBot

from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period, parse_period, year
from loften_app.domain.records import PlaceData
from loften_app.reports.exports import ExportFormat, export
from loften_app.reports.imports import preview_import
from loften_app.reports.quarterly import check_quarter
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.writing import check_options
from loften_app.storage.errors import DatabaseLockedError, StaleRecordError
from loften_app.storage.exchange.codec import decode_record
from loften_app.storage.exchange.errors import refused
from loften_app.storage.exchange.export import export_changes
from loften_app.storage.exchange.importing import preview_import as preview_package
from loften_app.storage.exchange.package import read_package
from loften_app.storage.server.errors import classify_server_error
from loften_app.storage.services import Services
from loften_app.ui.errors import error_message
from loften_app.ui.i18n import Translations
from loften_app.ui.safety.sheet_import import SheetImportDialog


def test_a_lock_error_is_english_for_an_english_user_and_swedish_on_the_command_line(
    english: Translations,
) -> None:
    error = DatabaseLockedError()
    assert error.code == "database.locked"
    assert error.message.startswith("Databasen används just nu")
    assert error_message(error).startswith("The database is being used right now")


def test_a_refused_package_translates_its_reason_too(english: Translations) -> None:
    from loften_app.domain.errors import error_text

    error = refused(error_text("package.encrypted", "paketet är krypterat."))
    assert error.message == (
        "Paketet kan inte importeras: paketet är krypterat. Databasen har inte ändrats."
    )
    assert error_message(error) == (
        "The package cannot be imported: the package is encrypted. "
        "The database has not been changed."
    )


def test_a_conflict_names_who_changed_the_record_in_english(
    english: Translations, ui_services: Services
) -> None:
    stored = ui_services.places.add(data=PlaceData(name="Parken"))
    ui_services.places.update(
        id=stored.id, expected_version=1, data=dataclasses.replace(stored.data, name="Parken 2")
    )
    try:
        ui_services.places.update(
            id=stored.id, expected_version=1, data=dataclasses.replace(stored.data, name="Ny")
        )
    except StaleRecordError as error:
        assert error.code == "record.stale"
        assert "Platsen har ändrats av" in error.message
        assert error_message(error).startswith("The place has been changed by ")
    else:
        raise AssertionError("no conflict")


def test_the_swedish_window_shows_the_swedish_text() -> None:
    error = DatabaseLockedError()
    assert error_message(error) == error.message


# --- One error of each area converted to codes: English in the window, Swedish on the line ------


def _raised(call: Callable[[], object]) -> LoftenError:
    try:
        call()
    except LoftenError as error:
        return error
    raise AssertionError("no error")


def test_an_unknown_agreement_is_english_with_its_choices(
    english: Translations, ui_services: Services
) -> None:
    error = _raised(lambda: ui_services.agreements.find("1999"))
    assert error.code == "agreement.unknown"
    assert error.message.startswith("Ingen överenskommelse heter 1999. Ange id eller startår: ")
    assert error_message(error).startswith("No agreement is called 1999. Give the id or the year")


def test_a_quarter_outside_the_agreement_is_english(english: Translations) -> None:
    span = Period(dt.date(2017, 1, 1), dt.date(2018, 12, 31))
    error = _raised(lambda: check_quarter(parse_period("2020-Q1"), span))
    assert error.message == (
        "Kvartalet 2020 kv 1 ligger utanför överenskommelsens period (2017-01-01 – 2018-12-31). "
        "Välj ett kvartal inom den."
    )
    assert error_message(error) == (
        "The quarter 2020 kv 1 lies outside the agreement's period (2017-01-01 – 2018-12-31). "
        "Choose a quarter within it."
    )


def test_an_export_to_a_file_that_is_not_xlsx_is_english(
    english: Translations, ui_services: Services, tmp_path: Path
) -> None:
    error = _raised(
        lambda: export(ui_services, ExportFormat.XLSX, tmp_path / "out.txt", period=year(2018))
    )
    assert error.message == "Ange en fil som slutar på .xlsx, inte out.txt."
    assert error_message(error) == "Give a file whose name ends in .xlsx, not out.txt."


def test_demo_data_options_are_refused_in_english(english: Translations) -> None:
    error = _raised(lambda: check_options(DemoOptions(year=2018, scale=0)))
    assert error.code == "demo.bad_scale"
    assert error_message(error) == "The scale of demo data must be at least 1."


def test_a_record_of_a_package_that_does_not_fit_names_field_and_problem_in_english(
    english: Translations,
) -> None:
    error = _raised(lambda: decode_record([], PlaceData, "plats nr 3"))
    assert error.message == (
        "Paketet kan inte importeras: plats nr 3 ska vara ett objekt. Databasen har inte ändrats."
    )
    assert error_message(error) == (
        "The package cannot be imported: plats nr 3 must be an object. "
        "The database has not been changed."
    )


def test_the_exchange_refuses_its_own_package_in_english(
    english: Translations, ui_services: Services, tmp_path: Path
) -> None:
    package = tmp_path / "own.loften"
    export_changes(ui_services, package, photo_dir=None, partner="Polisen")
    error = _raised(lambda: preview_package(ui_services, read_package(package)))
    assert error.message == (
        "Paketet kan inte importeras: paketet är exporterat från just den här databasen. "
        "Databasen har inte ändrats."
    )
    assert error_message(error) == (
        "The package cannot be imported: the package was exported from this very database. "
        "The database has not been changed."
    )


def test_a_server_that_cannot_be_reached_is_english(english: Translations) -> None:
    error = classify_server_error(psycopg.OperationalError("connection refused"))
    assert error is not None
    assert error.message.startswith("Det gick inte att nå databasservern")
    assert error_message(error).startswith("The database server could not be reached")


def test_a_spreadsheet_that_cannot_be_found_is_english(
    english: Translations, ui_services: Services, tmp_path: Path
) -> None:
    missing = tmp_path / "saknas.xlsx"
    error = _raised(lambda: preview_import(ui_services, missing))
    assert error.message == f"{missing} finns inte."
    assert error_message(error) == f"{missing} does not exist."


def test_the_import_preview_lists_its_problems_in_english(
    english: Translations, ui_services: Services, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "csv"
    export(ui_services, ExportFormat.CSV, folder, period=year(2018))
    walks = next(folder.glob("trygghetsvandringar.csv"))
    with walks.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=";"))
    row = ["" for _ in header]
    row[header.index("Datum")] = "i morgon"
    with walks.open("a", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerow(row)
    preview = preview_import(ui_services, folder)
    dated = [p for p in preview.problems if "«Datum»" in p.column]
    where = f"trygghetsvandringar.csv, rad 2, kolumn {dated[0].column}: "
    assert str(dated[0]) == (
        where + "Skriv datumet som ÅÅÅÅ-MM-DD (t.ex. 2026-12-01), inte «i morgon»."
    )
    dialog = SheetImportDialog(preview)
    qtbot.addWidget(dialog)
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert (
        "trygghetsvandringar.csv, row 2, column "
        f"{dated[0].column}: Write the date as YYYY-MM-DD (e.g. 2026-12-01), not «i morgon»."
    ) in shown
    assert not any(", rad " in text for text in shown)
    # The unreadable date is said once, not again as a missing value.
    assert len(dated) == 1, [str(p) for p in dated]
    # The sheets the import does not read are named in English too.
    assert "Not read: " in dialog.summary.text()
    assert "Läses inte" not in dialog.summary.text()
