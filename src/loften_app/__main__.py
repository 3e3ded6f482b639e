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
    from loften_app import cli

    args = cli.build_parser().parse_args(argv)
    if args.command is None:
        from loften_app.ui.app import run

        return run(cli.database_path(args), sys.argv[:1])
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
