"""The overview's words: `InterfaceWords`, which moved to `loften_app.ui.words` since the
validation messages use it too."""

from loften_app.ui.words import InterfaceWords

__all__ = ["InterfaceWords"]
