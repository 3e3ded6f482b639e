"""Subcommands for reports and exports: `report quarterly`, `report follow-up`, `export`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loften_app.cli import actor_from, database_path
from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period, parse_period
from loften_app.paths import ServerPath

if TYPE_CHECKING:
    from collections.abc import Iterator
    from contextlib import AbstractContextManager

    from loften_app.reports.documents import ReportRequest
    from loften_app.storage.quick import QuickReader
    from loften_app.storage.services import Services

log = logging.getLogger(__name__)


def register(commands: Any, with_db: argparse.ArgumentParser) -> None:
    """Add `report quarterly`, `report follow-up` and `export` to the subcommands."""
    report = commands.add_parser(
        "report", help="gör kvartalsrapporten eller uppföljningen (PDF, HTML, Word)"
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="RAPPORT", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", required=True, metavar="FIL", help="filen som skapas")
    common.add_argument(
        "--format",
        choices=["pdf", "html", "docx"],
        default="pdf",
        help="pdf (standard), html (tillgänglig webbsida) eller docx (Word, redigerbar)",
    )
    common.add_argument(
        "--fragment",
        action="store_true",
        help="bara med --format html: innehållet utan <html>, <head> och stilar, att klistra "
        "in i kommunens publiceringsverktyg",
    )
    common.add_argument(
        "--public",
        action="store_true",
        help="offentlig version: ingen fritext utöver löftestexter och offentliga kommentarer, "
        "inga ärendekoder, antal narkotikaärenden 1–4 som 'färre än 5'",
    )
    common.add_argument(
        "--today", metavar="DATUM", help="datum som målen bedöms per (standard: i dag)"
    )
    common.add_argument(
        "--agreement",
        metavar="ÖK",
        help="överenskommelsens id eller startår, t.ex. 2017 (standard: den som gäller under "
        "kvartalet; för uppföljningen den senaste som har löpt ut)",
    )
    quarterly = kinds.add_parser(
        "quarterly", parents=[with_db, common], help="kvartalsrapport för styrgruppen"
    )
    quarterly.add_argument("--quarter", required=True, metavar="KVARTAL", help="t.ex. 2018-Q3")
    quarterly.set_defaults(handler=_cmd_report, kind="quarterly")
    follow_up = kinds.add_parser(
        "follow-up", parents=[with_db, common], help="uppföljning av hela överenskommelsen"
    )
    follow_up.set_defaults(handler=_cmd_report, kind="follow-up", quarter=None)

    export = commands.add_parser(
        "export",
        parents=[with_db],
        help="exportera posterna till XLSX (ett blad per posttyp) eller CSV (en fil per typ)",
    )
    export.add_argument("--format", required=True, choices=["xlsx", "csv"])
    export.add_argument(
        "--out", required=True, metavar="SÖKVÄG", help="XLSX-filen, eller mappen för CSV-filerna"
    )
    export.add_argument(
        "--from", dest="date_from", metavar="DATUM", help="från och med, ÅÅÅÅ-MM-DD"
    )
    export.add_argument("--to", dest="date_to", metavar="DATUM", help="till och med, ÅÅÅÅ-MM-DD")
    export.add_argument(
        "--agreement",
        metavar="ÖK",
        help="bara en överenskommelses poster: id eller startår (standard: alla)",
    )
    export.set_defaults(handler=_cmd_export)


def _date(text: str | None, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise LoftenError(f"Okänt datum för {what}: {text!r}. Skriv t.ex. 2018-07-01.") from error


def _services(args: argparse.Namespace) -> AbstractContextManager[Services]:
    from loften_app.storage.database import open_database
    from loften_app.storage.services import Services

    path = database_path(args)
    if not path.exists():
        raise LoftenError(f"Databasfilen {path} finns inte.")

    @contextmanager
    def opened() -> Iterator[Services]:
        with open_database(path, create=False) as database:
            yield Services.build(database, actor_from(args))

    return opened()


def _cmd_report(args: argparse.Namespace) -> int:
    """`loften report`. A current local file is read on a plain `sqlite3` connection
    (`storage.quick`), without importing SQLAlchemy and the services; a server, a file with
    another schema, `LOFTEN_NO_QUICK`, or an error of that connection take the services. Either
    way the same builders make the same report from the same statements
    (`reports.source`)."""
    from loften_app.reports.documents import ReportFormat, ReportKind, ReportRequest

    quarter: Period | None = None
    if args.quarter is not None:
        try:
            quarter = parse_period(args.quarter)
        except ValueError as error:
            raise LoftenError(str(error)) from error
    today = _date(args.today, "--today")
    request = ReportRequest(
        ReportKind(args.kind),
        public=args.public,
        quarter=quarter,
        agreement=args.agreement,
        format=ReportFormat(args.format),
        fragment=args.fragment,
    )
    out = Path(args.out)
    if not _report_quick(args, request, out, today):
        _report_services(args, request, out, today)
    version = "offentlig" if args.public else "intern"
    print(f"Skrev {out} ({version} version).")
    return 0


#: Set (to anything but "" or "0") to export or make a report through the services even from a
#: current local file (`_cmd_export`, `_cmd_report`): the path of a server or of a file with an
#: older schema.
ENV_NO_QUICK = "LOFTEN_NO_QUICK"


def _no_quick() -> bool:
    return os.environ.get(ENV_NO_QUICK, "") not in ("", "0")


def _report_services(
    args: argparse.Namespace, request: ReportRequest, out: Path, today: dt.date | None
) -> None:
    from loften_app.reports.documents import write_report

    with _services(args) as services:
        write_report(services, request, out, made_by=actor_from(args).name, today=today)


def _quick_file(args: argparse.Namespace) -> tuple[QuickReader, Path] | None:
    """The plain `sqlite3` reader of the local file `args` names, and its path; None for a
    server, with `LOFTEN_NO_QUICK`, or when the file is not current (the services then)."""
    path = database_path(args)
    if isinstance(path, ServerPath) or _no_quick():
        return None
    from loften_app.storage.quick import open_quick

    reader = open_quick(path, tidy=True)
    return None if reader is None else (reader, path)


def _report_quick(
    args: argparse.Namespace, request: ReportRequest, out: Path, today: dt.date | None
) -> bool:
    """The report of a current local file made without SQLAlchemy; False when the services
    must make it (nothing written then)."""
    opened = _quick_file(args)
    if opened is None:
        return False
    reader, path = opened
    from loften_app.reports.documents import write_report_from

    with reader:
        made_by = actor_from(args).name  # a name the services would refuse is refused here too
        try:
            write_report_from(
                reader.report_source(),
                path.expanduser().resolve(),
                request,
                out,
                made_by=made_by,
                today=today,
            )
        except (sqlite3.Error, LookupError) as error:
            # The services say what is wrong with the file (or read it after all).
            log.warning("report without SQLAlchemy failed: %s", error)
            return False
    return True


def _cmd_export(args: argparse.Namespace) -> int:
    """`loften export`. A current local file is read on a plain `sqlite3` connection
    (`storage.quick`), without importing SQLAlchemy and the services; a server, a file with
    another schema (which `open_database` upgrades, after a backup), `LOFTEN_NO_QUICK`, or an
    error of that connection take the services. Either way the same `export_from` writes the
    same files from the same statements."""
    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    period: Period | None = None
    if start is not None or end is not None:
        start = start or dt.date(1, 1, 1)
        end = end or dt.date(9999, 12, 31)
        if end < start:
            raise LoftenError("--to ligger före --from.")
        period = Period(start, end)
    files = _export_quick(args, period)
    if files is None:
        files = _export_services(args, period)
    for path in files:
        print(f"Skrev {path}")
    return 0


def _agreement_period(period: Period | None, span: Period) -> Period:
    """`period` (all of it when None) within the agreement's `span`."""
    within = span if period is None else period.overlap(span)
    if within is None:
        raise LoftenError("Perioden ligger utanför överenskommelsen.")
    return within


def _export_services(args: argparse.Namespace, period: Period | None) -> list[Path]:
    from loften_app.reports.exports import ExportFormat, export

    with _services(args) as services:
        if args.agreement is not None:
            agreement = services.agreements.find(args.agreement)
            period = _agreement_period(period, services.agreements.covered(agreement.id))
        return export(services, ExportFormat(args.format), Path(args.out), period=period)


def _export_quick(args: argparse.Namespace, period: Period | None) -> list[Path] | None:
    """The export of a current local file read without SQLAlchemy, or None when the services
    must do it (nothing written then)."""
    opened = _quick_file(args)
    if opened is None:
        return None
    reader, path = opened
    from loften_app.reports.exports import ExportFormat, export_from
    from loften_app.storage.listing import find_listed

    with reader:
        actor_from(args)  # a name the services would refuse is refused here too
        try:
            if args.agreement is not None:
                listed = find_listed(reader.listing(dt.date.today()), args.agreement)
                period = _agreement_period(period, listed.covered)
            database = path.expanduser().resolve()
            return export_from(
                reader, database, ExportFormat(args.format), Path(args.out), period=period
            )
        except sqlite3.Error as error:
            # The services say what is wrong with the file (or read it after all).
            log.warning("export without SQLAlchemy failed: %s", error)
            return None
