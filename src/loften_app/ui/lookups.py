"""Names of places, shops and promises for combos, pickers and list columns.

One object per window, built from the services and invalidated when the `ChangeHub` tells of a
changed register, so a form or a list never queries the registers row by row. The choices
offered in forms are the active entries; `names` (shared with the lists) also knows deleted
ones.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from loften_app.domain.enums import PromiseType
from loften_app.domain.records import PlaceData, ShopData
from loften_app.storage.services import RecordFilter, RecordService, Services
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.lists.names import RegisterNames

REGISTER_LIMIT = 100_000


class Lookups(QObject):
    """Cached (id, name) lists of the registers. A place or shop added from a form is told to
    `changes` (the window's hub; a hub of its own when none is given)."""

    def __init__(self, services: Services, changes: ChangeHub | None = None) -> None:
        super().__init__()
        self._services = services
        self.changes = changes if changes is not None else ChangeHub()
        self.changes.stale.connect(self._on_stale)
        #: Names of every register entry, deleted ones too (lists show old references).
        self.names = RegisterNames.from_services(
            places=services.places, shops=services.shops, promises=services.promises
        )
        self._places: dict[str, str] | None = None
        self._shops: dict[str, str] | None = None
        self._promises: list[tuple[str, str, PromiseType]] | None = None

    def invalidate(self) -> None:
        """Forget every cached name: the next question reads the registers again."""
        self._places = self._shops = None
        self._promises = None
        self.names.clear()

    def _on_stale(self, change: Change, _origin: object) -> None:
        if change.names_changed:
            self.invalidate()

    def _place_names(self) -> dict[str, str]:
        if self._places is None:
            self._places = _active_names(self._services.places)
        return self._places

    def _shop_names(self) -> dict[str, str]:
        if self._shops is None:
            self._shops = _active_names(self._services.shops)
        return self._shops

    def places(self) -> list[tuple[str, str]]:
        return list(self._place_names().items())

    def shops(self) -> list[tuple[str, str]]:
        return list(self._shop_names().items())

    def place_name(self, place_id: str | None) -> str:
        return self.names.places.name(place_id)

    def shop_name(self, shop_id: str) -> str:
        return self.names.shops.name(shop_id)

    def promises(self, kind: PromiseType | None = None) -> list[tuple[str, str]]:
        """(id, "1. Short title") of the current agreement's promises, of one type or all."""
        if self._promises is None:
            agreement = self._services.agreements.current()
            found = [] if agreement is None else self._services.promises.for_agreement(agreement.id)
            self._promises = [
                (p.id, f"{p.data.number}. {p.data.short_title}", p.data.type) for p in found
            ]
        return [(key, name) for key, name, type_ in self._promises if kind in (None, type_)]

    def add_place(self, name: str) -> tuple[str, str]:
        stored = self._services.places.add(data=PlaceData(name=name))
        self.changes.notify(Change.of(registers={"places"}), self)
        return stored.id, stored.data.name

    def add_shop(self, name: str, address: str = "") -> tuple[str, str]:
        stored = self._services.shops.add(data=ShopData(name=name, address=address))
        self.changes.notify(Change.of(registers={"shops"}), self)
        return stored.id, stored.data.name


def _active_names(service: RecordService[Any, Any]) -> dict[str, str]:
    """Id → name of a register's active entries in name order, in one query."""
    rows = service.list_values(
        "id", "name", filter=RecordFilter(), sort="name", descending=False, limit=REGISTER_LIMIT
    )
    return dict(rows)
