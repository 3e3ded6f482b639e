"""Subcommands that keep data safe: backup, restore, check, audit (export), retention."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError
from loften_app.paths import ServerPath


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `backup`, `restore`, `check`, `audit` and `retention` to the subcommands."""
    backup = commands.add_parser(
        "backup",
        parents=[with_db],
        help="säkerhetskopiera databasen (till mappen backups/ bredvid den, eller --out)",
    )
    backup.add_argument("--out", metavar="FIL", help="skriv kopian till den här filen")
    backup.set_defaults(handler=_cmd_backup)

    restore = commands.add_parser(
        "restore",
        parents=[with_db],
        help="återställ databasen från en säkerhetskopia (den nuvarande sparas först)",
    )
    restore.add_argument("file", metavar="KOPIA", help="säkerhetskopian att återställa")
    restore.set_defaults(handler=_cmd_restore)

    check = commands.add_parser(
        "check",
        parents=[with_db],
        help="kontrollera integritet, främmande nycklar och schemaversion (ändrar inget)",
    )
    check.add_argument(
        "--rebuild-totals",
        action="store_true",
        help="räkna om de lagrade summorna per löfte och månad från posterna (i en transaktion)",
    )
    check.set_defaults(handler=_cmd_check)

    trail = commands.add_parser(
        "audit", parents=[with_db], help="exportera hela ändringsloggen som CSV"
    )
    trail.add_argument("--out", metavar="FIL.csv", help="standard: <databas>-logg.csv")
    trail.set_defaults(handler=_cmd_audit)

    retention = commands.add_parser(
        "retention",
        parents=[with_db],
        help="gallra avslutade narkotikaärenden (anteckningar och exakta datum tas bort)",
    )
    retention.add_argument(
        "--months", type=int, default=36, metavar="N", help="månader efter avslut (standard 36)"
    )
    retention.set_defaults(handler=_cmd_retention)


def _existing(args: argparse.Namespace) -> Path:
    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")
    return path


def _cmd_backup(args: argparse.Namespace) -> int:
    from loften_app.storage.backup import export_backup, make_backup
    from loften_app.storage.database import open_database

    path = _existing(args)
    with open_database(path, create=False) as database:  # refuses a foreign or newer file
        server_url = getattr(database, "url", None)
    if server_url is not None:  # a server: pg_dump (storage/server/backup.py)
        from loften_app.storage.server.backup import default_dump_path, dump

        out = Path(args.out) if args.out else default_dump_path(database.path)
        print(f"Säkerhetskopian är sparad: {dump(server_url, out)}")
        return 0
    target = export_backup(path, args.out) if args.out else make_backup(path, "manual")
    print(f"Säkerhetskopian är sparad: {target}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from loften_app.storage.backup import restore_backup

    path = database_path(args)
    if isinstance(path, ServerPath):  # pg_restore into an empty database
        from loften_app.storage.server.backup import restore

        restore(path.url, Path(args.file))
        print(f"Databasen {path} är återställd från {args.file}.")
        return 0
    kept = restore_backup(path, args.file, actor=actor_from(args))
    print(f"Databasen {path} är återställd från {args.file}.")
    if kept is not None:
        print(f"Databasen som den var före återställningen är sparad: {kept}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from loften_app.storage.backup import check_database

    path = _existing(args)
    if args.rebuild_totals:
        _rebuild_totals(path)
    if isinstance(path, ServerPath):
        from loften_app.storage.server import check_server

        report = check_server(path.url)
    else:
        report = check_database(path)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


def _rebuild_totals(path: Path) -> None:
    """Recount the stored totals from the records in one transaction and say what changed."""
    from loften_app.storage import totals
    from loften_app.storage.database import open_database

    with open_database(path, create=False) as database, database.writing() as session:
        before = totals.stored(session)
        changed = totals.rebuild(session)
        after = totals.stored(session)
    if not changed:
        print("Lagrade summor: alla stämde med posterna, inget ändrat.")
        return
    print(f"Lagrade summor: {len(changed)} rättade från posterna:")
    for key in changed[:20]:
        print(f"  {totals.describe(key, before, after).replace('räknat', 'nu')}")
    if len(changed) > 20:
        print(f"  ... och {len(changed) - 20} till")


def _cmd_audit(args: argparse.Namespace) -> int:
    from loften_app.storage.audit import export_csv
    from loften_app.storage.database import open_database

    path = _existing(args)
    out = Path(args.out) if args.out else path.with_name(path.stem + "-logg.csv")
    with open_database(path, create=False) as database:
        count = export_csv(database, out)
    print(f"Ändringsloggen ({count} rader) är sparad: {out}")
    return 0


def _cmd_retention(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.retention import run_retention

    if args.months < 1:
        raise LoftenError("--months måste vara minst 1.")
    with open_database(_existing(args), create=False) as database:
        result = run_retention(database, actor=actor_from(args), months=args.months)
    print(
        f"Gallring: {result.cases} narkotikaärenden avslutade före "
        f"{result.closed_before.isoformat()} gallrades."
    )
    return 0
