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


def resolve_database_path(argument: str | None) -> Path:
    """The database file to use: the command-line argument, the environment, or the default."""
    chosen = argument or os.environ.get(ENV_DATABASE) or None
    path = Path(chosen) if chosen else default_database_path()
    return path.expanduser()
