"""Backups of a server database: `pg_dump` in its custom format, and `pg_restore` into an
empty database.

The server's own backups (base backups, WAL archiving, the dumps it takes every night) are the
IT department's business; `loften backup` on a server writes one owner-only dump file for the
user who asks, when PostgreSQL's client programs are installed, and says what to install when
they are not. `loften restore` restores such a file into an empty database only, so that it can
never mix with or overwrite what is there.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text

from loften_app.domain.errors import error_text
from loften_app.storage.errors import StorageError
from loften_app.storage.files import atomic_path, private_folder
from loften_app.storage.server.database import make_server_engine, shown_url

INSTALL_HINT = error_text(
    "server.client_programs_missing",
    "PostgreSQL:s klientprogram (pg_dump och pg_restore) saknas på den här datorn. Installera "
    "dem (Debian/Ubuntu: sudo apt-get install postgresql-client; Windows: PostgreSQL:s "
    "installationsprogram, bara kommandoradsverktygen) och försök igen. Inget har ändrats.",
)


def client_program(name: str) -> str | None:
    """The path of pg_dump or pg_restore: on the PATH, else the newest in Debian's folders."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _run(program: str, *args: str) -> None:
    result = subprocess.run(
        [program, *args], capture_output=True, text=True, check=False, timeout=3600
    )
    if result.returncode != 0:
        raise StorageError(
            error_text(
                "server.program_failed",
                "{program} misslyckades ({output}). Inget har ändrats.",
                program=Path(program).name,
                output=result.stderr.strip()[-500:],
            )
        )


def dump(url: str, target: Path) -> Path:
    """Write a custom-format dump of the database at `url` to `target` (owner-only; written
    under a temporary name and renamed, so a failure leaves no file)."""
    program = client_program("pg_dump")
    if program is None:
        raise StorageError(INSTALL_HINT)
    private_folder(target.parent)
    with atomic_path(target) as partial:
        _run(program, "--format=custom", "--no-owner", f"--file={partial}", _libpq_url(url))
        os.chmod(partial, 0o600)
    return target


def default_dump_path(database_path: Path, now: dt.datetime | None = None) -> Path:
    """`backups/<database>.<UTC time>.manual.dump` in this user's folder for the server."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    folder = private_folder(database_path.parent / "backups", own=True)
    return folder / f"{database_path.parent.name}.{stamp}.manual.dump"


def restore(url: str, source: Path) -> None:
    """Restore the dump `source` into the database at `url`, which must be empty."""
    program = client_program("pg_restore")
    if program is None:
        raise StorageError(INSTALL_HINT)
    if not source.is_file():
        raise StorageError(
            error_text(
                "server.dump_missing",
                "Säkerhetskopian {path} finns inte. Inget har ändrats.",
                path=source,
            )
        )
    engine = make_server_engine(url)
    try:
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
    finally:
        engine.dispose()
    if tables:
        raise StorageError(
            error_text(
                "server.restore_not_empty",
                "Databasen {url} är inte tom, så säkerhetskopian återställdes inte dit "
                "(den skulle blandas med det som finns). Inget har ändrats. Återställ till en ny, "
                "tom databas och kör sedan 'loften server init' mot den.",
                url=shown_url(url),
            )
        )
    _run(
        program,
        "--no-owner",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={_libpq_url(url)}",
        str(source),
    )
