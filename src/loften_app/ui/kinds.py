"""Every activity kind as the window shows it: its section, its list and its form.

Keyed by the record kind's key (`loften_app.domain.kinds`). The navigation, the pages, the
overview's links from a promise to its records and the refresh after an import are built from
`RECORD_SECTIONS`, never from a hand-written list.

This module stays light (no storage, no forms): the main window reads it before the database is
open. The list spec and the form are named as "module:attribute" and loaded when the pages are
built (`load`); a form module's `section_form(service, context)` makes the form.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from loften_app.domain.enums import Organisation, PromiseType


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` (typed as str; lupdate finds it by name)."""
    del context
    return text


@dataclass(frozen=True)
class FormContext:
    """What a section's form may need besides its service."""

    lookups: Any
    organisation: Organisation
    photo_dir: Path
    today: Callable[[], dt.date]


@dataclass(frozen=True)
class SectionKind:
    """One activity kind in the window."""

    # The record kind's key ("patrol").
    kind: str
    # The section's key: its page, its navigation entry, the remembered last section.
    section: str
    # The navigation title, translated in the context "MainWindow".
    title: str
    # The promise type whose records the section lists (the overview links to it).
    promise_type: PromiseType
    # "module:attribute" of the section's `ListSpec`; its name keys the list's settings.
    spec: str
    # "module" of the form; its `section_form(service, context)` makes the form.
    form: str


_LISTS = "loften_app.ui.lists.activity_specs"

RECORD_SECTIONS: tuple[SectionKind, ...] = (
    SectionKind(
        "patrol",
        "patrols",
        QT_TRANSLATE_NOOP("MainWindow", "Närvaro och butiksbesök"),
        PromiseType.PATROL,
        f"{_LISTS}:PATROLS",
        "loften_app.ui.forms.patrol",
    ),
    SectionKind(
        "safety_walk",
        "safety_walks",
        QT_TRANSLATE_NOOP("MainWindow", "Trygghetsvandringar"),
        PromiseType.SAFETY_WALK,
        f"{_LISTS}:SAFETY_WALKS",
        "loften_app.ui.forms.safety_walk",
    ),
    SectionKind(
        "volunteer_deployment",
        "volunteers",
        QT_TRANSLATE_NOOP("MainWindow", "Polisvolontärer"),
        PromiseType.VOLUNTEERS,
        f"{_LISTS}:VOLUNTEER_DEPLOYMENTS",
        "loften_app.ui.forms.volunteers",
    ),
    SectionKind(
        "drug_case",
        "drug_cases",
        QT_TRANSLATE_NOOP("MainWindow", "Narkotikaärenden"),
        PromiseType.DRUGS,
        f"{_LISTS}:DRUG_CASES",
        "loften_app.ui.forms.drug_case",
    ),
    SectionKind(
        "other_activity",
        "other_activities",
        QT_TRANSLATE_NOOP("MainWindow", "Övriga aktiviteter"),
        PromiseType.OTHER,
        f"{_LISTS}:OTHER_ACTIVITIES",
        "loften_app.ui.forms.other_activity",
    ),
    SectionKind(
        "neighbourhood_watch",
        "neighbourhood_watch",
        QT_TRANSLATE_NOOP("MainWindow", "Grannsamverkan"),
        PromiseType.NEIGHBOURHOOD_WATCH,
        "loften_app.ui.forms.neighbourhood_watch:NEIGHBOURHOOD_WATCH",
        "loften_app.ui.forms.neighbourhood_watch",
    ),
)

SECTION_BY_KEY: dict[str, SectionKind] = {s.section: s for s in RECORD_SECTIONS}
# The section that lists the records of each promise type.
SECTION_OF_TYPE: dict[PromiseType, str] = {s.promise_type: s.section for s in RECORD_SECTIONS}


def section_title(section: SectionKind) -> str:
    return QCoreApplication.translate("MainWindow", section.title)


class FieldLabel(str):
    """A field's Swedish label (`domain.kinds.Field.label`) that is translated in the context
    "FieldLabel" (a list column's header; scripts/update-translations.sh marks every label)."""

    __slots__ = ()
    context = "FieldLabel"


def label_of(kind: str, name: str) -> FieldLabel:
    """The Swedish label of the field `name` of the record kind `kind`, untranslated."""
    from loften_app.domain.kinds import KIND_BY_KEY  # the records: not before the first paint

    return FieldLabel(KIND_BY_KEY[kind].label(name))


def field_label(kind: str, name: str) -> str:
    """The label of the field `name` of the record kind `kind`, in the interface's language."""
    from loften_app.domain.kinds import KIND_BY_KEY

    return QCoreApplication.translate("FieldLabel", KIND_BY_KEY[kind].label(name))


def load(path: str) -> Any:
    """The object named by "module:attribute" (or the module itself without ":")."""
    module_name, _, attribute = path.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module
