"""Field names and values as a user reads them: in the history, the import's conflicts, and the
question when someone else saved a record first.

Field names come from the domain's Swedish labels; values are shown in words (enums by their
label, dates ISO, yes/no), references by the name of the place, shop or promise when a
`RegisterNames` is given, child rows as a count or a list of names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from loften_app.domain.validation.common import _field_label
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.names import RegisterNames
from loften_app.ui.words import InterfaceWords

EMPTY = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("safety", text)


def _own_labels() -> dict[str, str]:
    """Names of the fields that are no record kind's own (`domain.kinds` labels the others):
    the bookkeeping and the parts of a walk's actions and observations."""
    return {
        "deleted_at": _tr("Borttagen"),
        "owner": _tr("Ansvarig"),
        "priority": _tr("Prioritet"),
        "category": _tr("Kategori"),
    }


def field_name(name: str) -> str:
    """The name of a field in the user's language (`detected_on` → "Datum upptäckt")."""
    own = _own_labels().get(name)
    return own if own is not None else _field_label(name, InterfaceWords())


def _names_of(field: str, names: RegisterNames | None) -> Any:
    if names is None:
        return None
    if field in ("place_id", "place_ids"):
        return names.places
    if field == "shop_id":
        return names.shops
    if field == "promise_id":
        return names.promises
    return None


def value_text(field: str, value: Any, names: RegisterNames | None = None) -> str:
    """`value` of `field` in words (one line)."""
    if value is None or value in ("", (), []):
        return EMPTY
    if field == "deleted_at":
        return _tr("Ja, %1").replace("%1", _moment(value)) if value else _tr("Nej")
    cache_ = _names_of(field, names)
    if cache_ is not None:
        if isinstance(value, tuple | list):
            return ", ".join(cache_.name(v) or str(v) for v in value)
        return str(cache_.name(value) or value)
    if isinstance(value, bool):
        return _tr("Ja") if value else _tr("Nej")
    if isinstance(value, enum.Enum):
        return enum_text(value)  # type: ignore[arg-type]
    if isinstance(value, dt.datetime):
        return _moment(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return QLocale().toString(value, "g", 6)
    if isinstance(value, tuple | list):
        if field == "shop_visits" and names is not None:
            shops = [
                names.shops.name(getattr(v, "shop_id", None) or _get(v, "shop_id")) for v in value
            ]
            return ", ".join(s or "?" for s in shops)
        return _tr("%1 st.").replace("%1", str(len(value)))
    if dataclasses.is_dataclass(value) or isinstance(value, Mapping):
        items = _items(value)
        words = InterfaceWords()
        return ", ".join(
            f"{_field_label(k, words).lower()} {v}" for k, v in items if v not in (0, None)
        )
    return str(value)


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, Mapping) else None


def _items(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, Mapping):
        return list(value.items())
    return [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]


def _moment(value: object) -> str:
    moment: object = value
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return moment.strftime("%Y-%m-%d %H:%M")
    return str(moment)


@cache
def _hints(data_class: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(data_class)
    except (NameError, TypeError):
        return {}


def _enum_of(hint: Any) -> type[enum.Enum] | None:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        for arg in typing.get_args(hint):
            if isinstance(arg, type) and issubclass(arg, enum.Enum):
                return arg
    return None


def typed(data_class: type | None, field: str, value: Any) -> Any:
    """A value read back from JSON (the audit trail) with its enum or date type again, as far
    as the record's data class tells it; otherwise unchanged."""
    if data_class is None or value is None or not isinstance(value, str):
        return value
    hint = _hints(data_class).get(field)
    if hint is None:
        return value
    kind = _enum_of(hint)
    if kind is not None:
        try:
            return kind(value)
        except ValueError:
            return value
    for candidate in (dt.date, dt.time):
        if hint is candidate or candidate in typing.get_args(hint):
            try:
                return candidate.fromisoformat(value)
            except ValueError:
                return value
    return value


def changed_fields(old: Any, new: Any) -> list[str]:
    """The fields whose values differ between two copies of a record's data."""
    return [f.name for f in dataclasses.fields(new) if getattr(old, f.name) != getattr(new, f.name)]
