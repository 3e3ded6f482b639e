"""Subcommands for the offline exchange: `exchange export` and `exchange import`.

`exchange import` without `--yes` prints what would happen and changes nothing. With `--yes` it
imports: new and newer records are written, and a record changed on both sides keeps its local
values (the command says which); the window lets the user choose per record or field instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError

if TYPE_CHECKING:
    from loften_app.storage.exchange import ImportPreview

#: How many records of each kind the preview lists by name before it only counts.
_LISTED = 10


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `exchange export` and `exchange import` to the subcommands."""
    exchange = commands.add_parser(
        "exchange", help="utbyt ändringar med en annan installation (polis och kommun)"
    )
    actions = exchange.add_subparsers(dest="exchange_command", metavar="ÅTGÄRD", required=True)
    photos_help = "mappen med fotona (standard: photos i din datamapp)"

    export = actions.add_parser(
        "export", parents=[with_db], help="skriv ändringarna till ett paket (.loften)"
    )
    export.add_argument("--out", required=True, metavar="FIL", help="paketfilen som skrivs")
    export.add_argument(
        "--since",
        metavar="DATUM",
        help="ta med allt som ändrats från och med datumet (ÅÅÅÅ-MM-DD, UTC) i stället för "
        "sedan det senaste utbytet med partnern",
    )
    export.add_argument(
        "--partner",
        default="",
        metavar="NAMN",
        help="vem paketet är till; utan --since tas allt med som ändrats sedan den förra "
        "exporten till samma partner",
    )
    export.add_argument("--photos", metavar="MAPP", help=photos_help)
    export.set_defaults(handler=_cmd_export)

    imp = actions.add_parser(
        "import",
        parents=[with_db],
        help="visa vad ett paket skulle ändra, och importera det med --yes",
    )
    imp.add_argument("file", metavar="FIL", help="paketfilen (.loften)")
    imp.add_argument(
        "--yes",
        action="store_true",
        help="importera: nya och nyare poster skrivs, vid konflikter behålls de egna värdena",
    )
    imp.add_argument("--photos", metavar="MAPP", help=photos_help)
    imp.add_argument(
        "--allow-second-agreement",
        action="store_true",
        help="importera även om paketet skapar en andra överenskommelse över samma tid",
    )
    imp.set_defaults(handler=_cmd_import)


def photo_dir(args: argparse.Namespace) -> Path:
    """`--photos`, else the photos folder in the user's data folder."""
    if getattr(args, "photos", None):
        return Path(args.photos).expanduser()
    from loften_app.paths import user_data_dir

    return user_data_dir() / "photos"


def _since(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise LoftenError(f"Okänt datum för --since: {text!r}. Skriv t.ex. 2018-06-01.") from None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _existing_database(args: argparse.Namespace) -> Path:
    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")
    return path


def _cmd_export(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import export_changes
    from loften_app.storage.services import Services

    since = _since(args.since)
    actor = actor_from(args)
    with open_database(_existing_database(args), create=False) as database:
        result = export_changes(
            Services.build(database, actor),
            Path(args.out),
            photo_dir=photo_dir(args),
            partner=args.partner,
            since=since,
            actor=actor,
        )
    print(f"Skrev {result.records} poster och {result.photos} foton till {result.path}.")
    for name, count in result.counts.items():
        print(f"  {name}: {count}")
    if result.missing_photos:
        print(f"  {len(result.missing_photos)} foton saknades i fotomappen och kom inte med.")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import (
        Side,
        apply_import,
        cycle_warnings,
        preview_import,
        read_package,
    )
    from loften_app.storage.services import Services

    package = read_package(Path(args.file).expanduser())  # checked before the database is opened
    actor = actor_from(args)
    with open_database(_existing_database(args), create=False) as database:
        services = Services.build(database, actor)
        preview = preview_import(services, package)
        _print_preview(preview)
        if preview.already_imported:
            print("Paketet är redan importerat. Inget har ändrats.")
            return 0
        warnings = cycle_warnings(services, package, preview)
        for warning in warnings:
            print(f"  Varning: {warning}")
        if warnings and args.yes and not args.allow_second_agreement:
            raise LoftenError(
                "Inget har importerats: paketet skulle ändra överenskommelserna så som "
                "varningarna säger. Kör med --allow-second-agreement om det ändå är rätt."
            )
        if not args.yes:
            print("Inget har ändrats. Kör igen med --yes för att importera.")
            return 0
        result = apply_import(
            services, package, actor=actor, photo_dir=photo_dir(args), unresolved=Side.LOCAL
        )
    print(
        f"Importerat: {result.added} nya, {result.updated} uppdaterade, "
        f"{result.photos} foton. Konflikter där de egna värdena behölls: {result.kept_local}."
    )
    if result.backup is not None:
        print(f"Säkerhetskopia före importen: {result.backup}")
    return 0


def _print_preview(preview: ImportPreview) -> None:
    print(f"Paket {preview.package_id} från installationen {preview.partner}")
    print(f"  skapat {preview.created_at:%Y-%m-%d %H:%M} UTC av {preview.created_by or '(okänd)'}")
    print(
        f"  Nya: {len(preview.new)}, uppdaterade: {len(preview.updated)}, "
        f"oförändrade: {len(preview.unchanged)}, konflikter: {len(preview.conflicts)}"
    )
    for label, refs in (("Ny", preview.new), ("Uppdateras", preview.updated)):
        for ref in refs[:_LISTED]:
            print(f"  {label}: {ref.label}")
        if len(refs) > _LISTED:
            print(f"  … och {len(refs) - _LISTED} till")
    for conflict in preview.conflicts:
        fields = ", ".join(f.field for f in conflict.fields)
        print(f"  Konflikt: {conflict.ref.label} ({conflict.ref.id}): {fields}")
    if preview.conflicts:
        print(
            "  Med --yes behålls de egna värdena för konflikterna. Välj värde för värde i "
            "programfönstret (Importera ändringar) om paketets värden ska gälla."
        )
    for match in preview.matched[:_LISTED]:
        print(f"  Samma som här (matchad på namn/nummer): {match.label}")
    if len(preview.matched) > _LISTED:
        print(f"  … och {len(preview.matched) - _LISTED} till matchade registerposter")
    for renumbered in preview.renumbered:
        print(
            f"  Ärendekoden {renumbered.package_code} finns redan här: "
            f"det inkommande ärendet får koden {renumbered.new_code}"
        )
    if preview.missing_photos:
        print(f"  {len(preview.missing_photos)} foton som posterna nämner finns inte i paketet.")
