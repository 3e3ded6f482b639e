"""Where the application's resources (templates, fonts, translations, icons) are.

One helper for every way Löften runs: from a checkout (the `resources/` folder at the project's
root), from an installed wheel (`loften_app/resources` inside the package) and from a bundle.
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
