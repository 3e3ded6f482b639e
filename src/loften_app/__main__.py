"""Composition root: `loften` and `python -m loften_app`.

Parses the command line; a subcommand runs headless through `cli`, no subcommand starts the
window. Slow imports (Qt, SQLAlchemy, ReportLab) happen only once it is known which is needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # Answered before the parser and its subcommands are built: close to `python -c pass`.
        import loften_app

        print(f"Löften {loften_app.__version__}")
        return 0
    window, database = window_arguments(list(sys.argv[1:] if argv is None else argv))
    if window:
        # Nothing but the database: the window starts without building the parser of every
        # subcommand (which imports the command modules and the domain's records).
        from loften_app.paths import database_named, resolve_database_path
        from loften_app.ui.app import run

        return run(
            resolve_database_path(database), sys.argv[:1], choose=not database_named(database)
        )
    from loften_app import cli

    args = cli.build_parser().parse_args(argv)
    if args.command is None:
        from loften_app.paths import database_named
        from loften_app.ui.app import run

        return run(
            cli.database_path(args),
            sys.argv[:1],
            choose=not database_named(getattr(args, "db", None)),
        )
    return cli.run(args)


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
