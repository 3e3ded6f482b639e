"""What changed in the open database, told once and heard by every page that shows it.

One `ChangeHub` per open database is made at the composition root (`ui.composition`) and passed
in. Whoever calls a service that changes something notifies it with a `Change` (which record
kinds, which registers, the agreement); pages subscribe and decide themselves what to read
again. Nothing looks another page up or emits another page's signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    """What changed: record kinds (section keys such as "patrols"), registers ("places",
    "shops", "promises", "targets", "indicators"), the agreement; `everything` after an import,
    which may have changed anything."""

    kinds: frozenset[str] = frozenset()
    registers: frozenset[str] = frozenset()
    agreement: bool = False
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        kinds: Iterable[str] = (),
        registers: Iterable[str] = (),
        agreement: bool = False,
    ) -> Change:
        return cls(frozenset(kinds), frozenset(registers), agreement)

    def has_kind(self, kind: str) -> bool:
        return self.everything or kind in self.kinds

    def has_register(self, register: str) -> bool:
        return self.everything or register in self.registers

    @property
    def names_changed(self) -> bool:
        """A register or the agreement changed: names shown in pickers and lists may differ."""
        return self.everything or self.agreement or bool(self.registers)


#: After an import: anything may have changed.
EVERYTHING = Change(everything=True)


class ChangeHub(QObject):
    """Hears what changed and tells the subscribers, caches first.

    A subscriber connects a bound method of a `QObject` (Qt drops the connection when the
    object is destroyed, so pages that are replaced unsubscribe by themselves).

    Signals:
        stale(object, object): (`Change`, origin) for caches (the lookups): forget what changed.
        changed(object, object): (`Change`, origin) for views, after the caches: read again.
            `origin` is the object that notified (a view skips what it did itself) or None.
    """

    stale = Signal(object, object)
    changed = Signal(object, object)

    def notify(self, change: Change, origin: object = None) -> None:
        self.stale.emit(change, origin)
        self.changed.emit(change, origin)
