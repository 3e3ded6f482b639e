"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl from Debian's `postgresql`
package, in a temporary folder, on loopback on a free port (its unix socket in the same folder).

PostgreSQL refuses to run as root (initdb says so and stops). These machines and CI run the
tests as root, so there the server's folder is handed to the unprivileged `nobody` account and
initdb, pg_ctl and the server run as that account (`subprocess`'s `user=`/`group=`, no helper
program needed); the tests themselves stay root and connect over TCP. As any other user, the
server runs as that user.

The cluster's superuser is `loften_admin`; loopback connections are trusted (the server listens
on 127.0.0.1 only, in a folder only its owner can enter), so the tests log in as any role
without a password, except `PASSWORD_USER`: that one role must give its password
(scram-sha-256 over TCP), so that a wrong password can be tried.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ADMIN = "loften_admin"
#: The one role the server asks for a password (scram-sha-256); made by the test that uses it.
PASSWORD_USER = "med_losenord"


class NoPostgresError(RuntimeError):
    """initdb/pg_ctl are not installed."""


def _bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps it off the PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    raise NoPostgresError(
        "PostgreSQL is not installed: run ./scripts/setup.sh test (it installs Debian's "
        "postgresql package)"
    )


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server: its folder, port and the admin's URL."""

    folder: Path
    port: int
    bin_dir: Path
    run_as: tuple[int, int] | None

    def url(self, database: str = "postgres", user: str = ADMIN) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        extra: dict[str, object] = {}
        if self.run_as is not None:
            extra = {"user": self.run_as[0], "group": self.run_as[1], "extra_groups": []}
        return subprocess.run(  # type: ignore[call-overload,no-any-return]
            [str(self.bin_dir / args[0]), *args[1:]],
            check=check,
            capture_output=True,
            text=True,
            cwd=self.folder,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"},
            **extra,
        )

    def start(self) -> None:
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            ADMIN,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync",
        )
        hba = self.data / "pg_hba.conf"
        lines = hba.read_text()
        # The first matching line counts: this role, and only it, gives a password.
        hba.write_text(f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n{lines}")
        self._pg_ctl_start()

    def _pg_ctl_start(self) -> None:
        options = " ".join(
            (
                "-c listen_addresses=127.0.0.1",
                f"-c port={self.port}",
                f"-c unix_socket_directories='{self.folder}'",
                # A test server: speed over durability (the folder is thrown away afterwards).
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            )
        )
        result = self._run(
            "pg_ctl",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.folder / "server.log"),
            "--options",
            options,
            "--wait",
            "--timeout",
            "60",
            "start",
            check=False,
        )
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {result.stderr}\n{log}")

    def start_again(self) -> None:
        """Start the stopped server again (same folder, port and data)."""
        self._pg_ctl_start()

    def stop(self) -> None:
        self._run(
            "pg_ctl",
            "--pgdata",
            str(self.data),
            "--mode",
            "fast",  # a clean shutdown: "immediate" loses the last commits with fsync off
            "--wait",
            "stop",
            check=False,
        )


def _unprivileged() -> tuple[int, int] | None:
    """The account to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    account = pwd.getpwnam("nobody")
    return account.pw_uid, account.pw_gid


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """Start a server in a fresh temporary folder; stop it and remove the folder afterwards."""
    bin_dir = _bin_dir()
    run_as = _unprivileged()
    # Directly under the system's temporary folder: pytest's own folders are root-only (0700),
    # which the unprivileged server could not enter.
    folder = Path(tempfile.mkdtemp(prefix="loften-pg-"))
    if run_as is not None:
        os.chown(folder, *run_as)
    server = None
    try:
        for _attempt in range(5):  # another process may take the free port in between
            server = PostgresServer(folder, _free_port(), bin_dir, run_as)
            try:
                server.start()
                break
            except RuntimeError:
                shutil.rmtree(server.data, ignore_errors=True)
                time.sleep(0.2)
        else:
            raise RuntimeError("PostgreSQL did not start on any free port")
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
