"""The record types that travel in a package, in the order they are written (parents first).

Built from the record kinds (`loften_app.domain.kinds` and `loften_app.storage.kinds`): each type
is a kind, named by the kind's key (its table and its key in the package), with its service in
`Services`, its data class, its Swedish noun, its label fields, its photos, its renumbering and,
for the registers, a natural key: two databases made from the same template hold the same
agreement, promises, places and indicators under different UUIDs, so a register record whose UUID
is unknown is matched to the local record with the same natural key (after its references have
been matched themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from loften_app.domain.enums import PromiseType
from loften_app.storage.kinds import STORAGE_KINDS, NaturalKey, Renumber, StorageKind
from loften_app.storage.services import RecordService, Services

__all__ = ["RECORD_TYPES", "REFERENCE_TARGETS", "TYPES_BY_NAME", "NaturalKey", "RecordType"]


@dataclass(frozen=True)
class RecordType:
    """One type of record in a package: `name` is its kind's key, table and package key."""

    name: str
    service: str
    data_class: type[Any]
    noun: str
    natural_key: NaturalKey | None = None
    label_fields: tuple[str, ...] = ("date",)
    photos: Callable[[Any], Iterable[str]] = lambda data: ()
    renumber: Renumber | None = None
    #: The type of promise a record must belong to (None: any, or a register).
    promise_type: PromiseType | None = None

    def service_of(self, services: Services) -> RecordService[Any, Any]:
        service: RecordService[Any, Any] = services.of_kind(self.name)
        return service

    @property
    def is_register(self) -> bool:
        return self.natural_key is not None


def _record_type(kind: StorageKind) -> RecordType:
    return RecordType(
        kind.key,
        kind.service,
        kind.domain.data_class,
        kind.domain.noun,
        kind.natural_key,
        kind.label_fields,
        kind.photos,
        kind.renumber,
        kind.promise_type,
    )


RECORD_TYPES: tuple[RecordType, ...] = tuple(_record_type(kind) for kind in STORAGE_KINDS)

TYPES_BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}

#: Which record type a reference field points at (the same names in every data class).
REFERENCE_TARGETS: dict[str, str] = {
    "agreement_id": "agreement",
    "promise_id": "promise",
    "continues_id": "promise",
    "place_id": "place",
    "place_ids": "place",
    "shop_id": "shop",
    "indicator_id": "indicator",
}
