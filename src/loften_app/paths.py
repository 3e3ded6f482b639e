"""Where the database file is: `--db PATH`, else `LOFTEN_DB`, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATABASE = "LOFTEN_DB"
APP_NAME = "Loften"


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "loften.db"


SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


class ServerPath(type(Path())):  # type: ignore[misc]
    """A database on a PostgreSQL server named where a file's path is expected (`--db
    postgresql://user@host:port/dbname`): `open_database` opens the server's database for it;
    it "exists" (the server says otherwise when it does not) and resolves to itself."""

    url: str

    def __new__(cls, url: str) -> ServerPath:
        self = super().__new__(cls, url)
        self.url = url
        return self  # type: ignore[no-any-return]

    def exists(self, *_args: object, **_kwargs: object) -> bool:
        return True

    def is_file(self) -> bool:
        return True

    def expanduser(self) -> ServerPath:
        return self

    def resolve(self, strict: bool = False) -> ServerPath:
        return self

    def __str__(self) -> str:
        return self.url


def resolve_database_path(argument: str | None) -> Path:
    """The database to use: the command-line argument, the environment, or the default file.
    A `postgresql://` URL gives a `ServerPath`."""
    chosen = argument or os.environ.get(ENV_DATABASE) or None
    if chosen and chosen.startswith(SERVER_SCHEMES):
        return ServerPath(chosen)
    path = Path(chosen) if chosen else default_database_path()
    return path.expanduser()


def database_named(argument: str | None) -> bool:
    """Whether the database was named (`--db` or `LOFTEN_DB`); if not, the window's first start
    asks for a local file or a shared server."""
    return bool(argument or os.environ.get(ENV_DATABASE))
