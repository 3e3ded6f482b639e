"""The fields of a record kind with their labels (`loften_app.domain.kinds.Kind.fields`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One field of a kind's data class and its label: the Swedish source text that the
    form's caption, the list's column header, the export's column header and the validation
    messages all show (the interface translates it in the context "FieldLabel";
    scripts/update-translations.sh writes every label there for the translation file)."""

    name: str
    label: str


def fields(*items: tuple[str, str]) -> tuple[Field, ...]:
    """The fields of a kind, in the data class's order: `fields(("date", "Datum"), ...)`."""
    return tuple(Field(name, label) for name, label in items)
