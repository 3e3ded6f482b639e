"""The command line: the same services as the window, for headless work.

`loften` alone starts the window (see `__main__.py`); the subcommands work without Qt. The
subcommands live in the modules of this package, one module per area (see `_COMMAND_MODULES`);
this module holds the parser and what they share (the database path, the acting user).
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import loften_app
from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError
from loften_app.paths import ENV_DATABASE, resolve_database_path, user_data_dir

if TYPE_CHECKING:
    from loften_app.domain.records import Actor

ENV_USER = "LOFTEN_USER"

#: Each module adds its subcommands with `register(commands, with_db)`; `with_db` is the parent
#: parser that gives a subcommand --db, --user and --organisation.
_COMMAND_MODULES = (
    "loften_app.cli.records",
    "loften_app.cli.reports",
    "loften_app.cli.exchange",
    "loften_app.cli.imports",
    "loften_app.cli.safety",
    "loften_app.cli.server",
)
#: The module that adds each subcommand (`tests/test_cli_imports.py` keeps it equal to what the
#: modules register): `loften status ...` builds the parser of that one module, not of every
#: command (which would import each module and build some twenty parsers for nothing).
COMMAND_MODULE = {
    "new": "loften_app.cli.records",
    "demo-data": "loften_app.cli.records",
    "status": "loften_app.cli.records",
    "agreements": "loften_app.cli.records",
    "renew": "loften_app.cli.records",
    "report": "loften_app.cli.reports",
    "export": "loften_app.cli.reports",
    "exchange": "loften_app.cli.exchange",
    "import": "loften_app.cli.imports",
    "backup": "loften_app.cli.safety",
    "restore": "loften_app.cli.safety",
    "check": "loften_app.cli.safety",
    "audit": "loften_app.cli.safety",
    "retention": "loften_app.cli.safety",
    "server": "loften_app.cli.server",
}


def command_module(argv: Sequence[str]) -> str | None:
    """The module of the subcommand `argv` names, or None (no subcommand, an unknown one, or a
    top-level option other than --db before it: then every module is needed)."""
    rest = iter(argv)
    for word in rest:
        if word == "--db":
            next(rest, None)
        elif word.startswith("--db="):
            continue
        elif word.startswith("-"):
            return None
        else:
            return COMMAND_MODULE.get(word)
    return None


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (it is slow to look up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"Löften {loften_app.__version__}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with `argv`, only as much of it as `argv` needs (the
    subcommand's module; every module when that is not clear)."""
    wanted = None if argv is None else command_module(argv)
    parser = argparse.ArgumentParser(
        prog="loften",
        description="Löften: registrera och följ upp medborgarlöften. "
        "Utan kommando startar programfönstret.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="visa versionen")
    db_help = (
        f"databasfilen eller en server (postgresql://användare@värd:port/databas); annars "
        f"miljövariabeln {ENV_DATABASE}, annars loften.db i din datamapp"
    )
    parser.add_argument("--db", metavar="FIL", help=db_help)
    # Subcommands accept --db too; SUPPRESS keeps a value given before the subcommand.
    with_db = argparse.ArgumentParser(add_help=False)
    with_db.add_argument("--db", metavar="FIL", default=argparse.SUPPRESS, help=db_help)
    with_db.add_argument(
        "--user",
        metavar="NAMN",
        default=argparse.SUPPRESS,
        help=f"vem som gör ändringen (annars {ENV_USER} eller inloggningsnamnet)",
    )
    with_db.add_argument(
        "--organisation",
        choices=[o.value for o in Organisation],
        default=argparse.SUPPRESS,
        help="organisationen som gör ändringen (standard: municipality)",
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    for module in _COMMAND_MODULES if wanted is None else (wanted,):
        importlib.import_module(module).register(commands, with_db)
    return parser


def actor_from(args: argparse.Namespace) -> Actor:
    from loften_app.domain.personnummer import identity_number_problem
    from loften_app.domain.records import Actor

    name = getattr(args, "user", None) or os.environ.get(ENV_USER) or getpass.getuser()
    problem = identity_number_problem(name)
    if problem is not None:
        raise LoftenError(f"Användarnamnet kan inte användas. {problem}")
    organisation = Organisation(getattr(args, "organisation", Organisation.MUNICIPALITY.value))
    return Actor(name, organisation)


def database_path(args: argparse.Namespace) -> Path:
    return resolve_database_path(getattr(args, "db", None))


def run(args: argparse.Namespace) -> int:
    """Run the subcommand in `args`; a `LoftenError` becomes a message and exit status 1."""
    from loften_app.storage.logs import setup_logging

    setup_logging(user_data_dir())
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except LoftenError as error:
        print(error.message, file=sys.stderr)
        return 1
