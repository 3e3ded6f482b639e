"""Subcommands for the offline exchange: `exchange export` and `exchange import`.

`exchange import` without `--yes` prints what would happen and changes nothing. With `--yes` it
imports: new and newer records are written, and a record changed on both sides keeps its local
values (the command says which); the window lets the user choose per record or field instead.

Only signed packages from a paired installation are imported. The first package of an unknown
installation shows its organisation, name and fingerprint; it is paired once the user confirms
the fingerprint (compared with the sender, e.g. on the phone): at the prompt when the command
runs in a terminal, or with `--trust FINGERAVTRYCK`. `exchange partners` lists the pairings and
`--revoke ID` removes one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError
from loften_app.paths import user_data_dir

if TYPE_CHECKING:
    from collections.abc import Sequence

    from loften_app.storage.database import Database
    from loften_app.storage.exchange import ImportPreview
    from loften_app.storage.exchange.trust import RecordChange, RefusedField, Trusted

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
    imp.add_argument(
        "--trust",
        metavar="FINGERAVTRYCK",
        help="para med avsändarens installation om paketets fingeravtryck är detta (jämför det "
        "med avsändaren först)",
    )
    imp.set_defaults(handler=_cmd_import)

    partners = actions.add_parser(
        "partners", parents=[with_db], help="visa de parade installationerna, eller ta bort en"
    )
    partners.add_argument(
        "--revoke", metavar="ID", help="sluta lita på installationen med detta id"
    )
    partners.set_defaults(handler=_cmd_partners)


def photo_dir(args: argparse.Namespace) -> Path:
    """`--photos`, else the photos folder in the user's data folder."""
    if getattr(args, "photos", None):
        return Path(args.photos).expanduser()

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
    from loften_app.storage.exchange import Side, apply_import, cycle_warnings, preview_import
    from loften_app.storage.exchange.trust import describe_changes, enforce_ownership
    from loften_app.storage.services import Services

    path = Path(args.file).expanduser()
    actor = actor_from(args)
    with open_database(_existing_database(args), create=False) as database:
        trusted = trusted_package(database, path, args.trust)
        services = Services.build(database, actor)
        package, refused_fields = enforce_ownership(services, trusted)
        preview = preview_import(services, package)
        _print_preview(preview)
        _print_changes(describe_changes(services, package, preview), refused_fields)
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


def trusted_package(database: Database, path: Path, trust: str | None) -> Trusted:
    """The checked package; an unknown signer is paired after the user confirms."""
    from loften_app.storage.exchange.signing import UnknownSignerError
    from loften_app.storage.exchange.trust import open_trusted

    try:
        return open_trusted(database, path, trust=trust)
    except UnknownSignerError as unknown:
        signer = unknown.signer
        print("Paketet kommer från en installation som inte är parad med den här:")
        print(f"  Organisation: {signer.organisation.value}")
        print(f"  Namn: {signer.name or '(inget namn)'}")
        print(f"  Installation: {signer.installation_id}")
        print(f"  Fingeravtryck: {signer.fingerprint}")
        print("Ring avsändaren och be hen läsa upp fingeravtrycket som Löften visar där.")
        if not sys.stdin.isatty():
            raise LoftenError(
                "Installationen är inte parad, så inget har importerats. Stämmer "
                "fingeravtrycket, kör igen med --trust " + signer.fingerprint + "."
            ) from None
        answer = input("Stämmer fingeravtrycket och litar du på avsändaren? [j/N] ")
        if answer.strip().lower() not in {"j", "ja", "y", "yes"}:
            raise LoftenError("Installationen parades inte. Inget har ändrats.") from None
        return open_trusted(database, path, trust=signer.fingerprint)


def _print_changes(changes: Sequence[RecordChange], refused: Sequence[RefusedField]) -> None:
    from loften_app.storage.exchange.trust import short

    for change in changes[: _LISTED * 5]:
        if change.deleted:
            print(f"  Tas bort: {change.label} ({change.id})")
        elif change.undeleted:
            print(f"  Återställs (var borttagen här): {change.label} ({change.id})")
        else:
            print(f"  Ändras: {change.label} ({change.id})")
        for name, local, incoming in change.fields:
            print(f"      {name}: {short(local)} → {short(incoming)}")
    if len(changes) > _LISTED * 5:
        print(f"  … och {len(changes) - _LISTED * 5} ändrade poster till")
    for field in refused:
        what = (
            "borttagningen av ärendet"
            if field.field == "deleted_at"
            else f"{field.field}: {short(field.local)} → {short(field.incoming)}"
        )
        print(
            f"  Avvisas (den andra organisationens del av ärendet {field.label}): {what}; "
            "värdet här behålls"
        )


def _cmd_partners(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange.signing import partners, revoke

    with open_database(_existing_database(args), create=False) as database:
        if args.revoke:
            if not revoke(database, args.revoke):
                raise LoftenError(f"Ingen parad installation har id {args.revoke}.")
            print(f"Parningen med {args.revoke} är borttagen. Dess paket importeras inte längre.")
            return 0
        found = partners(database)
    if not found:
        print("Inga parade installationer.")
    for partner in found:
        print(
            f"{partner.installation_id}  {partner.organisation.value}  "
            f"{partner.name or '(inget namn)'}  {partner.fingerprint}  "
            f"parad {partner.paired_at:%Y-%m-%d}"
        )
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
