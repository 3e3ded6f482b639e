"""The `loften` command line run inside the test process.

`run_cli("status", "--db", str(path))` calls the program's entry point
(`loften_app.__main__.main`) with those arguments and gives back what a process would have: the
exit status and everything written to stdout and stderr, as a `CliResult` (`returncode`,
`stdout`, `stderr`, like `subprocess.CompletedProcess`). It takes milliseconds where a new
Python process takes a second or more, so command-line tests use it; a real process is kept only
for what is about the process itself (the `python -m loften_app` entry, start-up, a crash).

Never call it without a subcommand: that starts the window.

`imported(tmp_path, *args)` is the real process for what a command imports (issue 20): it runs
the command line in a fresh Python and gives the modules it had imported at exit.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from loften_app.__main__ import main


@dataclass(frozen=True)
class CliResult:
    """What the command gave: its exit status and its output."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_cli(*args: str, env: Mapping[str, str] | None = None) -> CliResult:
    """Run `loften *args` in this process, with `env` added to the environment meanwhile."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment(env or {}),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version, a bad argument
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    return CliResult(code, out.getvalue(), err.getvalue())


#: Runs the command line, then prints the top-level names of every module imported.
PROBE = """
import sys
from loften_app.__main__ import main
code = main(sys.argv[1:])
print("MODULES", " ".join(sorted({name.split(".")[0] for name in sys.modules})))
print("LOFTEN", " ".join(sorted(n for n in sys.modules if n.startswith("loften_app."))))
raise SystemExit(code)
"""


def imported(tmp_path: Path, *args: str) -> tuple[set[str], set[str]]:
    """The command line `args` run by `python -c PROBE` in a fresh process (its data under
    `tmp_path`): the top-level names of every module it imported, and the names of
    Löften's own."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LOFTEN_USER": "Test",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(
        line.split(" ", 1)
        for line in result.stdout.splitlines()
        if line.startswith(("MODULES", "LOFTEN"))
    )
    return set(lines["MODULES"].split()), set(lines.get("LOFTEN", "").split())
