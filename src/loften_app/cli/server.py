"""`loften server init` and `loften server add-user`: a shared PostgreSQL server."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from loften_app.cli import database_path
from loften_app.domain.errors import LoftenError
from loften_app.paths import ServerPath


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `server init` and `server add-user` to the subcommands."""
    server = commands.add_parser(
        "server", help="en gemensam PostgreSQL-server: skapa schema, roller och användare"
    )
    actions = server.add_subparsers(dest="server_command", metavar="ÅTGÄRD", required=True)
    init = actions.add_parser(
        "init",
        parents=[with_db],
        help="skapa eller uppgradera schemat och rollerna (körs av serverns administratör, "
        "--db postgresql://admin@värd:port/databas)",
    )
    init.set_defaults(handler=_cmd_init)
    add_user = actions.add_parser("add-user", help="lägg till en användare i en organisations roll")
    # Not `with_db`: its --organisation is the acting user's, this one the new user's.
    add_user.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS, help="serverns adress (som för init)"
    )
    add_user.add_argument("name", metavar="NAMN", help="användarnamnet på servern")
    add_user.add_argument(
        "--organisation",
        dest="server_organisation",
        required=True,
        choices=("police", "municipality", "reader"),
        help="police (Polisen), municipality (Kommunen) eller reader (styrgruppen, bara läsa)",
    )
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="läs användarens lösenord från standard in (en rad)",
    )
    add_user.set_defaults(handler=_cmd_add_user)


def _server_url(args: argparse.Namespace) -> str:
    path = database_path(args)
    if not isinstance(path, ServerPath):
        raise LoftenError(
            "Ange serverns adress med --db postgresql://användare@värd:port/databas "
            "(eller miljövariabeln LOFTEN_DB)."
        )
    return path.url


def _cmd_init(args: argparse.Namespace) -> int:
    from loften_app.storage.server import init_server, shown_url

    url = _server_url(args)
    init_server(url)
    print(f"Databasen {shown_url(url)} har Löftens schema och rollerna loften_police, ")
    print(
        "loften_municipality och loften_reader. Lägg till användare med 'loften server add-user'."
    )
    return 0


def _cmd_add_user(args: argparse.Namespace) -> int:
    from loften_app.storage.server import GROUPS, create_user

    url = _server_url(args)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    create_user(url, args.name, args.server_organisation, password or None)
    print(f"Användaren {args.name} är tillagd i rollen {GROUPS[args.server_organisation]}.")
    return 0
