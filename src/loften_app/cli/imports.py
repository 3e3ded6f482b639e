"""`loften import`: bring in records kept in Excel (the layout `loften export` writes)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `import` to the subcommands."""
    command = commands.add_parser(
        "import",
        parents=[with_db],
        help="importera poster från en XLSX-fil eller CSV-mapp i exportens format: visar vad "
        "som skulle läggas till, och importerar med --yes",
    )
    command.add_argument(
        "path",
        nargs="?",
        metavar="SÖKVÄG",
        help="XLSX-filen, mappen med CSV-filerna eller en CSV-fil",
    )
    command.add_argument(
        "--yes",
        action="store_true",
        help="importera (annars visas bara vad som skulle hända, och inget skrivs)",
    )
    command.add_argument(
        "--template-workbook",
        metavar="FIL.xlsx",
        help="spara en tom mall med rubrikerna och några exempelrader, och avsluta",
    )
    command.add_argument(
        "--today", metavar="DATUM", help="datum som raderna kontrolleras mot (standard: i dag)"
    )
    command.set_defaults(handler=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    today = None
    if args.today is not None:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError as error:
            raise LoftenError(f"Okänt datum: {args.today!r}. Skriv t.ex. 2026-12-01.") from error
    if args.template_workbook is not None:
        from loften_app.reports.import_template import write_template

        path = write_template(Path(args.template_workbook), today=today)
        print(f"Mallen är sparad: {path}")
        return 0
    if args.path is None:
        raise LoftenError("Ange filen eller mappen som ska importeras (eller --template-workbook).")
    from loften_app.reports.imports import apply_import, preview_import
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services

    db = database_path(args)
    if not db.exists():
        raise LoftenError(f"Databasfilen {db} finns inte.")
    with open_database(db, create=False) as database:
        services = Services.build(database, actor_from(args))
        preview = preview_import(services, Path(args.path), today=today)
        for line in preview.lines():
            print(line)
        if preview.problems:
            return 1
        if not args.yes:
            if preview.total:
                print("Inget är importerat. Kör igen med --yes för att importera.")
            return 0
        written = apply_import(services, preview)
        if written.added:
            print(f"Importerade {sum(written.added.values())} poster i en transaktion.")
            if written.backup is not None:
                print(f"Säkerhetskopia före importen: {written.backup}")
    return 0
