"""Names of register entries (places, shops, promises) for showing references in lists.

A patrol refers to its places by id; its list shows their names. The registers are small
(dozens of entries), so a cache loads a whole register in one query on first use and again
when an id turns up that it has not seen (a place added since). Deleted entries are included:
an old record still shows the name of a place that has since been removed from the register.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from loften_app.storage.services import Deleted, RecordFilter, RecordService


class NameCache:
    """Id → display name for one register, loaded in one go by `load` on first use."""

    def __init__(self, load: Callable[[], Mapping[str, str]]) -> None:
        self._load = load
        self._names: dict[str, str] | None = None
        self._missing: set[str] = set()

    def name(self, id: str | None) -> str:
        """The name for `id`; an empty string for None or an id the register does not have."""
        if id is None:
            return ""
        names = self._loaded()
        if id not in names and id not in self._missing:
            # Added since the cache was filled: reload once, then give up quietly.
            self._names = None
            names = self._loaded()
            if id not in names:
                self._missing.add(id)
        return names.get(id, "")

    def names(self, ids: Iterable[str]) -> list[str]:
        return [self.name(id) for id in ids]

    def items(self) -> list[tuple[str, str]]:
        """Every (id, name) pair, deleted entries included."""
        return list(self._loaded().items())

    def clear(self) -> None:
        """Forget every name; the next lookup reloads the register."""
        self._names = None
        self._missing.clear()

    def _loaded(self) -> dict[str, str]:
        if self._names is None:
            self._names = dict(self._load())
        return self._names


def register_loader(
    service: RecordService[Any, Any], columns: tuple[str, ...], name_of: Callable[..., str]
) -> Callable[[], dict[str, str]]:
    """A loader for `NameCache` reading every entry (deleted ones too) of a register service in
    one query: the values of `columns`, which `name_of` turns into the name shown."""

    def load() -> dict[str, str]:
        rows = service.list_values("id", *columns, filter=RecordFilter(deleted=Deleted.ALL))
        return {row[0]: name_of(*row[1:]) for row in rows}

    return load


@dataclass(frozen=True)
class RegisterNames:
    """The name caches a list needs to show references: places, shops and promises."""

    places: NameCache
    shops: NameCache
    promises: NameCache

    @classmethod
    def from_services(
        cls,
        *,
        places: RecordService[Any, Any],
        shops: RecordService[Any, Any],
        promises: RecordService[Any, Any],
    ) -> RegisterNames:
        return cls(
            places=NameCache(register_loader(places, ("name",), str)),
            shops=NameCache(register_loader(shops, ("name",), str)),
            promises=NameCache(
                register_loader(
                    promises,
                    ("number", "short_title"),
                    lambda number, title: f"{number}. {title}",
                )
            ),
        )

    def clear(self) -> None:
        self.places.clear()
        self.shops.clear()
        self.promises.clear()
