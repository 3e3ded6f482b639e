"""The command line: the same services as the window, for headless work.

`loften` alone starts the window (see `__main__.py`); the subcommands work without Qt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import loften_app
from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError
from loften_app.paths import ENV_DATABASE, resolve_database_path

if TYPE_CHECKING:
    from loften_app.domain.records import Actor

ENV_USER = "LOFTEN_USER"


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (it is slow to look up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"Löften {loften_app.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loften",
        description="Löften: registrera och följ upp medborgarlöften. "
        "Utan kommando startar programfönstret.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="visa versionen")
    db_help = (
        f"databasfilen (annars miljövariabeln {ENV_DATABASE}, annars loften.db i din datamapp)"
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

    new = commands.add_parser(
        "new", parents=[with_db], help="skapa en databas från en inbyggd mall"
    )
    new.add_argument("--template", required=True, metavar="MALL", help="t.ex. filipstad-2017-2018")
    new.set_defaults(handler=_cmd_new)

    demo = commands.add_parser(
        "demo-data",
        parents=[with_db],
        help="fyll en databas med realistiska, påhittade demodata för ett år",
    )
    demo.add_argument("--year", type=int, required=True, metavar="ÅR")
    demo.add_argument("--seed", type=int, default=1, metavar="N", help="samma frö ger samma data")
    demo.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help="gånger så många poster (för prestandatest)",
    )
    demo.add_argument(
        "--template",
        default="filipstad-2017-2018",
        metavar="MALL",
        help="mallen som används om databasen är tom",
    )
    demo.set_defaults(handler=_cmd_demo_data)

    status = commands.add_parser(
        "status",
        parents=[with_db],
        help="visa varje löfte med mål, utfall, status och prognos för en period",
    )
    status_period = status.add_mutually_exclusive_group()
    status_period.add_argument("--year", type=int, metavar="ÅR", help="t.ex. 2018")
    status_period.add_argument("--quarter", metavar="KVARTAL", help="t.ex. 2018-Q3")
    status.set_defaults(handler=_cmd_status)
    return parser


def actor_from(args: argparse.Namespace) -> Actor:
    from loften_app.domain.records import Actor

    name = getattr(args, "user", None) or os.environ.get(ENV_USER) or getpass.getuser()
    organisation = Organisation(getattr(args, "organisation", Organisation.MUNICIPALITY.value))
    return Actor(name, organisation)


def database_path(args: argparse.Namespace) -> Path:
    return resolve_database_path(getattr(args, "db", None))


def _cmd_new(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template, load_template

    path = database_path(args)
    template = load_template(args.template)  # an unknown name fails before a file is created
    with open_database(path) as database:
        agreement = apply_template(Services.build(database, actor_from(args)), args.template)
    print(f"Skapade {agreement.data.title} i {path} från mallen {template['label']}.")
    return 0


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.demo import DemoOptions, fill_demo_data

    if args.scale < 1:
        raise LoftenError("--scale måste vara minst 1.")
    path = database_path(args)
    with open_database(path) as database:
        summary = fill_demo_data(
            database,
            actor_from(args),
            DemoOptions(year=args.year, seed=args.seed, scale=args.scale, template=args.template),
        )
    print(f"Demodata för {args.year} i {path}:")
    for label, count in summary.items():
        print(f"  {label}: {count}")
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    from loften_app.domain.periods import Period, parse_period, quarter_key, year
    from loften_app.reports.tracking import render_status, status_report
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services

    period: Period | None = None
    try:
        if args.year is not None:
            period = year(args.year)
        elif args.quarter is not None:
            period = parse_period(args.quarter)
            if period.key != quarter_key(period.start):
                raise ValueError(f"Okänt kvartal: {args.quarter!r}. Skriv t.ex. 2018-Q3.")
    except ValueError as error:
        raise LoftenError(str(error)) from error
    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")
    with open_database(path, create=False) as database:
        report = status_report(Services.build(database, actor_from(args)), period=period)
    print(render_status(report), end="")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the subcommand in `args`; a `LoftenError` becomes a message and exit status 1."""
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except LoftenError as error:
        print(error.message, file=sys.stderr)
        return 1
