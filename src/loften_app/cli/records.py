"""Subcommands for databases and records: new, demo-data, status."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loften_app.cli import actor_from, database_path
from loften_app.cli.exchange import photo_dir as _photo_dir
from loften_app.cli.exchange import trusted_package
from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period, parse_period, quarter_key, year
from loften_app.domain.records import Actor

if TYPE_CHECKING:
    from loften_app.domain.periods import Period


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `new`, `demo-data`, `status`, `agreements` and `renew` to the subcommands."""
    new = commands.add_parser(
        "new", parents=[with_db], help="skapa en databas från en inbyggd mall"
    )
    source = new.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--template",
        metavar="MALL",
        help="filipstad (löftena för en period du väljer) eller filipstad-2017-2018",
    )
    source.add_argument(
        "--from-package",
        metavar="PAKET",
        help="börja från ett paket från den andra organisationen (samma överenskommelse)",
    )
    new.add_argument("--photos", metavar="MAPP", help="mappen för paketets foton")
    new.add_argument(
        "--trust",
        metavar="FINGERAVTRYCK",
        help="para med avsändarens installation om paketets fingeravtryck är detta",
    )
    new.add_argument(
        "--start", metavar="DATUM", help="periodens första dag (standard: 1 januari i år)"
    )
    new.add_argument(
        "--end", metavar="DATUM", help="periodens sista dag (standard: 31 december i år)"
    )
    new.set_defaults(handler=_cmd_new)

    # Not `with_db`: --organisation here says whose records to make (both by default).
    demo_db = argparse.ArgumentParser(add_help=False)
    for action in with_db._actions:  # --db and --user as every command has them
        if action.dest in ("db", "user"):
            demo_db._add_action(action)
    demo = commands.add_parser(
        "demo-data",
        parents=[demo_db],
        help="fyll en databas med realistiska, påhittade demodata för ett år",
    )
    demo.add_argument(
        "--organisation",
        dest="parts",
        choices=["police", "municipality", "both"],
        default="both",
        help="bara den organisationens poster och delar (standard: both)",
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
    status.add_argument(
        "--agreement", metavar="ÖK", help="överenskommelsens id eller startår (t.ex. 2017)"
    )
    status.add_argument(
        "--today", metavar="DATUM", help="datum som målen bedöms per (standard: i dag)"
    )
    status.set_defaults(handler=_cmd_status)

    agreements = commands.add_parser(
        "agreements", parents=[with_db], help="lista överenskommelserna och vilken som gäller"
    )
    agreements.set_defaults(handler=_cmd_agreements)

    renew = commands.add_parser(
        "renew",
        parents=[with_db],
        help="förnya överenskommelsen: en ny för nästa period med samma löften och mål",
    )
    renew.add_argument(
        "--start", metavar="DATUM", help="första dagen (standard: 1 januari året efter)"
    )
    renew.add_argument("--end", metavar="DATUM", help="sista dagen (standard: 31 december)")
    renew.add_argument(
        "--from",
        dest="from_agreement",
        metavar="ÖK",
        help="överenskommelsen som förnyas, id eller startår (standard: den som gäller)",
    )
    renew.add_argument("--title", metavar="TITEL", help="den nya överenskommelsens titel")
    renew.set_defaults(handler=_cmd_renew)


def _cmd_new(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template, load_template, template_label

    path = database_path(args)
    if args.from_package is not None:
        return _new_from_package(args, path)
    template = load_template(args.template)  # an unknown name fails before a file is created
    period = _period(args.start, args.end)
    with open_database(path) as database:
        agreement = apply_template(
            Services.build(database, actor_from(args)), args.template, period=period
        )
    data = agreement.data
    print(
        f"Skapade {data.title} ({data.period_start.isoformat()} – {data.period_end.isoformat()}) "
        f"i {path} från mallen {template_label(args.template, template)}."
    )
    return 0


def _period(start: str | None, end: str | None) -> Period | None:
    """`--start`/`--end` as a period: both, or one with the other in the same calendar year."""
    if start is None and end is None:
        return None
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
    except ValueError as error:
        raise LoftenError(f"Okänt datum: {error}. Skriv t.ex. 2026-01-01.") from error
    first = first or dt.date(last.year, 1, 1)  # type: ignore[union-attr]
    last = last or dt.date(first.year, 12, 31)
    if last < first:
        raise LoftenError("--end ligger före --start.")
    return Period(first, last)


def _new_from_package(args: argparse.Namespace, path: Path) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import start_from_package
    from loften_app.storage.services import Services

    package = Path(args.from_package)
    if not package.is_file():
        raise LoftenError(f"Paketet {package} finns inte.")
    existed = path.exists()
    try:
        with open_database(path) as database:
            trusted = trusted_package(database, package, args.trust)
            summary = start_from_package(
                Services.build(database, actor_from(args)),
                trusted.package,
                photo_dir=_photo_dir(args),
            )
    except BaseException:
        if not existed:  # a file made for nothing goes; one that was there stays as it was
            for leftover in (path, *path.parent.glob(path.name + "-*")):
                leftover.unlink(missing_ok=True)
        raise
    print(f"Skapade {path} från paketet {package.name}: {summary}.")
    return 0


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.demo.common import DemoOptions
    from loften_app.storage.demo.fill import fill_demo_data

    if args.scale < 1:
        raise LoftenError("--scale måste vara minst 1.")
    path = database_path(args)
    actor = actor_from(args)
    if args.parts != "both":
        actor = Actor(actor.name, Organisation(args.parts))
    with open_database(path) as database:
        summary = fill_demo_data(
            database,
            actor,
            DemoOptions(
                year=args.year,
                seed=args.seed,
                scale=args.scale,
                template=args.template,
                parts=args.parts,
                today=dt.date.today(),
            ),
        )
    print(f"Demodata för {args.year} i {path}:")
    for label, count in summary.items():
        print(f"  {label}: {count}")
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
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
    today = None
    if args.today is not None:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError as error:
            raise LoftenError(f"Okänt datum för --today: {args.today!r}.") from error
    with open_database(path, create=False) as database:
        report = status_report(
            Services.build(database, actor_from(args)),
            period=period,
            today=today,
            agreement=args.agreement,
        )
    print(render_status(report), end="")
    return 0


def _cmd_agreements(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services

    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")
    with open_database(path, create=False) as database:
        items = Services.build(database, actor_from(args)).agreements.listing()
    if not items:
        print("Databasen har ingen överenskommelse.")
        return 0
    for item in items:
        data = item.agreement.data
        state = ""
        if item.in_force:
            state = "gäller"
            if item.extension is not None:
                state += f" (förlängd t.o.m. {item.covered.end.isoformat()})"
        elif data.period_start > dt.date.today():
            state = "kommande"
        print(
            f"{item.id}  {data.period_start.isoformat()} – {data.period_end.isoformat()}  "
            f"{data.title}{'  ' + state if state else ''}"
        )
    return 0


def _cmd_renew(args: argparse.Namespace) -> int:
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services

    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")
    period = _period(args.start, args.end)
    with open_database(path, create=False) as database:
        services = Services.build(database, actor_from(args))
        source = None
        if args.from_agreement is not None:
            source = services.agreements.find(args.from_agreement).id
        new = services.agreements.renew(from_id=source, period=period, title=args.title)
        promises = services.promises.for_agreement(new.id)
    data = new.data
    print(
        f"Skapade {data.title} ({data.period_start.isoformat()} – {data.period_end.isoformat()}) "
        f"med {len(promises)} löften, id {new.id}."
    )
    return 0
