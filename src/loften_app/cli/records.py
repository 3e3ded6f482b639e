"""Subcommands for databases and records: new, demo-data, status."""

from __future__ import annotations

import argparse
from typing import Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `new`, `demo-data` and `status` to the subcommands."""
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
