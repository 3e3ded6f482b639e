"""The change hub: what changed is told once; caches forget before views read again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from loften_app.domain.records import PlaceData
from loften_app.storage.services import Services
from loften_app.ui.changes import EVERYTHING, Change, ChangeHub
from loften_app.ui.lookups import Lookups


def test_caches_hear_of_a_change_before_the_views(qtbot: QtBot) -> None:
    hub = ChangeHub()
    heard: list[str] = []
    hub.changed.connect(lambda change, origin: heard.append("view"))
    hub.stale.connect(lambda change, origin: heard.append("cache"))
    hub.notify(Change.of(registers={"places"}), origin=None)
    assert heard == ["cache", "view"]


def test_what_a_change_touches() -> None:
    saved = Change.of(kinds={"patrols"})
    assert saved.has_kind("patrols") and not saved.has_kind("drug_cases")
    assert not saved.names_changed
    assert Change.of(agreement=True).names_changed
    assert EVERYTHING.has_kind("drug_cases") and EVERYTHING.has_register("shops")


def test_a_place_added_from_a_form_reaches_every_picker(ui_services: Services) -> None:
    lookups = Lookups(ui_services)
    before = len(lookups.places())
    other = Lookups(ui_services, lookups.changes)  # a second cache on the same hub
    assert len(other.places()) == before
    lookups.add_place("Parken vid biblioteket")
    assert len(other.places()) == before + 1


def test_a_record_saved_elsewhere_is_not_a_names_change(ui_services: Services) -> None:
    lookups = Lookups(ui_services)
    names = lookups.places()
    ui_services.places.add(data=PlaceData(name="Utan besked"))
    lookups.changes.notify(Change.of(kinds={"patrols"}))
    assert lookups.places() == names  # the cache was kept: no register changed
