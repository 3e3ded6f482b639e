"""Composition root: `loften` and `python -m loften_app`.

Parses the command line; a subcommand runs headless through `cli`, no subcommand starts the
window. Slow imports (Qt, SQLAlchemy, ReportLab) happen only once it is known which is needed.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:
        # Answered before the parser and its subcommands are built: close to `python -c pass`.
        import loften_app

        print(f"Löften {loften_app.__version__}")
        return 0
    window, database = window_arguments(words)
    if window:
        # Nothing but the database: the window starts without building the parser of every
        # subcommand (which imports the command modules and the domain's records).
        from loften_app.paths import database_named, resolve_database_path
        from loften_app.ui.app import run

        return run(
            resolve_database_path(database), sys.argv[:1], choose=not database_named(database)
        )
    own_process = argv is None  # the process's own command line, not a caller's (tests)
    if own_process:
        _fewer_collections()
    from loften_app import cli

    args = cli.build_parser(words).parse_args(words)
    if args.command is None:
        from loften_app.paths import database_named
        from loften_app.ui.app import run

        if own_process:
            gc.set_threshold(DEFAULT_COLLECT_EVERY)  # the window runs for hours: as Python has it

        return run(
            cli.database_path(args),
            sys.argv[:1],
            choose=not database_named(getattr(args, "db", None)),
        )
    try:
        return cli.run(args)
    finally:
        if own_process:
            # The process ends now: every object counts as permanent, so that the interpreter's
            # last collections on the way out do not walk them all (about a fifth of a short
            # command's time). They are freed by the operating system instead.
            gc.freeze()


#: Objects made between two collections of the youngest generation in a command (Python's
#: default: 700).
COLLECT_EVERY = 10_000
DEFAULT_COLLECT_EVERY = gc.get_threshold()[0]


def _fewer_collections() -> None:
    """A command's imports (SQLAlchemy's above all) make hundreds of thousands of objects that
    live until the process ends, and the collector would walk them again and again while they
    are made (tens of milliseconds of a short command). Collect the youngest generation every
    `COLLECT_EVERY` objects instead: cycles are still freed, a little later. Long work with
    millions of objects pauses collection itself (`storage.bulk.collection_paused`)."""
    gc.set_threshold(COLLECT_EVERY)


def window_arguments(argv: list[str]) -> tuple[bool, str | None]:
    """Whether `argv` only starts the window (nothing, or `--db FILE`), and the file given."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0].removeprefix("--db=")
    return False, None


if __name__ == "__main__":
    sys.exit(main())
