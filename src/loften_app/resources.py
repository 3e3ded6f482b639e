"""Where the application's resources (templates, fonts, translations, icons) are.

One helper for every way Löften runs: from an installed wheel (pyproject.toml force-includes
`resources/` as `loften_app/resources`), from the PyInstaller bundle (installer/loften.spec puts
it at the same place, and `importlib.resources` finds it there as in the wheel), and from a
checkout or an editable install (the `resources/` folder at the project's root). No other module
looks for files itself; the migrations are found beside `storage/database.py`, which the bundle
keeps in the same layout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    packaged = Path(str(resources.files("loften_app"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("Löften's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """The path of a resource file, e.g. `resource_path("templates", "x.json")`."""
    return resource_dir().joinpath(*parts)
