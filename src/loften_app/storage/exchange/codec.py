"""Records as JSON: the encoder for export and the strict decoder for untrusted packages.

A record in a package is an object with the bookkeeping of `RecordMeta` and `data`, the record's
data class (children included) as plain JSON: dates and times in ISO 8601, enums by value, tuples
as lists. The decoder is built once per data class from its type hints and accepts exactly that:
every key known, every required key present, every value of the right type and within bounds,
ids in the canonical UUID form, photo names bare file names. Anything else raises
`PackageError`; it never raises another type, whatever the input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import ErrorText, error_text
from loften_app.domain.personnummer import contains_identity_number
from loften_app.domain.records import RecordMeta
from loften_app.storage.exchange.errors import refused

#: The longest text accepted in one field, in characters.
MAX_TEXT = 20_000
#: The most items in one list (shop visits, observations, photos of an observation, ...).
MAX_ITEMS = 1_000
MAX_INT = 2**53

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_PHOTO_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)")

Decoder = Callable[[Any, str], Any]


class _InvalidError(Exception):
    """A value does not fit the schema; turned into a `PackageError` with the record's name."""

    def __init__(self, path: str, what: ErrorText) -> None:
        super().__init__(what.render())
        self.path = path
        self.what = what

    def within(self, parent: str) -> None:
        """Make the path start at `parent`: a value is decoded with its path relative to the
        list or object that holds it, so that no path is put together unless something is
        wrong."""
        if parent:
            self.path = f"{parent}.{self.path}" if self.path else parent


def is_uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def is_photo_name(value: object) -> bool:
    """A bare file name that stays inside the photo folder (no folder, no '..', no hidden file)."""
    return isinstance(value, str) and _PHOTO_NAME.fullmatch(value) is not None and value != ".."


# --- encoding -------------------------------------------------------------------------------------


def encode_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        if isinstance(value, enum.Enum):
            return value.value
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode_value(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot encode {type(value).__name__}")


def encode_record(meta: RecordMeta, data: object) -> dict[str, Any]:
    """A record as the JSON object stored in a package."""
    return {
        "id": meta.id,
        "version": meta.version,
        "organisation": meta.organisation.value,
        "created_at": encode_value(meta.created_at),
        "created_by": meta.created_by,
        "updated_at": encode_value(meta.updated_at),
        "updated_by": meta.updated_by,
        "deleted_at": encode_value(meta.deleted_at),
        "data": encode_value(data),
    }


# --- decoding -------------------------------------------------------------------------------------


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _InvalidError(path, error_text("exchange.not_text", "ska vara en text"))
    if len(value) > MAX_TEXT:
        raise _InvalidError(
            path,
            error_text(
                "exchange.text_too_long", "texten är längre än {limit} tecken", limit=MAX_TEXT
            ),
        )
    if "\x00" in value:
        raise _InvalidError(
            path, error_text("exchange.text_nul", "texten innehåller ett nolltecken")
        )
    return value


_UUID_MATCH = _UUID.fullmatch


def _uuid(value: Any, path: str) -> str:
    if isinstance(value, str) and _UUID_MATCH(value) is not None:
        return value
    raise _InvalidError(path, error_text("exchange.not_uuid", "ska vara ett id (UUID)"))


def _photo(value: Any, path: str) -> str:
    if not is_photo_name(value):
        raise _InvalidError(
            path, error_text("exchange.not_file_name", "ska vara ett filnamn utan mapp")
        )
    result: str = value
    return result


def _int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_INT:
        raise _InvalidError(path, error_text("exchange.not_integer", "ska vara ett heltal"))
    return value


def _float(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _InvalidError(path, error_text("exchange.not_number", "ska vara ett tal"))
    if isinstance(value, int) and abs(value) > MAX_INT:
        raise _InvalidError(path, error_text("exchange.number_too_big", "talet är för stort"))
    result = float(value)
    if not math.isfinite(result):
        raise _InvalidError(path, error_text("exchange.not_finite", "ska vara ett ändligt tal"))
    return result


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _InvalidError(path, error_text("exchange.not_boolean", "ska vara sant eller falskt"))
    return value


#: Dates and times already decoded, by their text (a package repeats a few hundred of each);
#: at most `_REMEMBERED` of each, so that no package can make them large.
_DATES: dict[str, dt.date] = {}
_TIMES: dict[str, dt.time] = {}
_REMEMBERED = 4096


def _date(value: Any, path: str) -> dt.date:
    found = _DATES.get(value) if value.__class__ is str else None
    if found is not None:
        return found
    decoded = _new_date(value, path)
    if len(_DATES) < _REMEMBERED:
        _DATES[value] = decoded
    return decoded


def _time(value: Any, path: str) -> dt.time:
    found = _TIMES.get(value) if value.__class__ is str else None
    if found is not None:
        return found
    decoded = _new_time(value, path)
    if len(_TIMES) < _REMEMBERED:
        _TIMES[value] = decoded
    return decoded


def _new_date(value: Any, path: str) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _InvalidError(
            path, error_text("exchange.not_date", "ska vara ett datum (ÅÅÅÅ-MM-DD)")
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _InvalidError(
            path, error_text("exchange.bad_date", "är inget giltigt datum")
        ) from None


def _new_time(value: Any, path: str) -> dt.time:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise _InvalidError(path, error_text("exchange.not_time", "ska vara en tid (TT:MM)"))
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise _InvalidError(path, error_text("exchange.bad_time", "är ingen giltig tid")) from None


def decode_datetime(value: Any, path: str) -> dt.datetime:
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        raise _InvalidError(
            path, error_text("exchange.not_timestamp", "ska vara en tidpunkt i UTC")
        )
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _InvalidError(
            path, error_text("exchange.bad_timestamp", "är ingen giltig tidpunkt")
        ) from None
    return parsed.astimezone(dt.UTC)


def _enum(enum_class: type[enum.Enum]) -> Decoder:
    by_value = {member.value: member for member in enum_class}

    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, str) or value not in by_value:
            raise _InvalidError(path, error_text("exchange.unknown_value", "har ett okänt värde"))
        return by_value[value]

    return decode


def _optional(inner: Decoder) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        return None if value is None else inner(value, path)

    return decode


def _tuple_of(inner: Decoder) -> Decoder:
    def decode(value: Any, path: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _InvalidError(path, error_text("exchange.not_list", "ska vara en lista"))
        if len(value) > MAX_ITEMS:
            raise _InvalidError(
                path,
                error_text(
                    "exchange.list_too_long", "listan har fler än {limit} poster", limit=MAX_ITEMS
                ),
            )
        items = []
        for index, item in enumerate(value):
            try:
                items.append(inner(item, ""))
            except _InvalidError as error:
                error.within(f"{path}[{index}]")
                raise
        return tuple(items)

    return decode


def _decoder_for(hint: Any, name: str) -> Decoder:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        arguments = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(arguments) != 1:
            raise TypeError(f"unsupported union {hint}")
        return _optional(_decoder_for(arguments[0], name))
    if origin is tuple:
        item, _ellipsis = typing.get_args(hint)
        return _tuple_of(_decoder_for(item, name))
    if hint is str:
        if name == "id" or name.endswith(("_id", "_ids")):
            return _uuid
        if name == "photos":
            return _photo
        return _text
    if hint is bool:
        return _bool
    if hint is int:
        return _int
    if hint is float:
        return _float
    if hint is dt.date:
        return _date
    if hint is dt.time:
        return _time
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return data_decoder(hint)
    raise TypeError(f"unsupported type {hint} for {name}")


_DECODERS: dict[type, Decoder] = {}

#: Decoders whose accepted values `data_decoder` recognises without calling them.
_SLOW, _QUICK_UUID, _QUICK_TEXT, _QUICK_INT = -1, 0, 1, 2
_QUICK: dict[Decoder, int] = {_uuid: _QUICK_UUID, _text: _QUICK_TEXT, _int: _QUICK_INT}
#: The exact class of a value each quick check takes (bool is no int here, as in `_int`).
_QUICK_CLASS: tuple[Any, ...] = (str, str, int)


def data_decoder(data_class: type) -> Decoder:
    """The strict decoder of a data class's JSON object (built once per class)."""
    found = _DECODERS.get(data_class)
    if found is not None:
        return found
    hints = typing.get_type_hints(data_class)
    specs: list[tuple[str, Decoder, bool, int]] = []
    #: The value of each field left out (by name): its default, or its default factory.
    defaults: dict[str, tuple[bool, Any]] = {}
    for f in dataclasses.fields(data_class):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        decoder = _decoder_for(hints[f.name], f.name)
        specs.append((f.name, decoder, required, _QUICK.get(decoder, _SLOW)))
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = (False, f.default)
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = (True, f.default_factory)
    known = frozenset(spec[0] for spec in specs)
    # A data class whose `__init__` only sets its fields (no `__post_init__`, no slots) is
    # made by filling its instance's dictionary in field order, as `__init__` would, without
    # the call's keyword matching and a frozen class's `object.__setattr__` for each field.
    plain = (
        not hasattr(data_class, "__post_init__")
        and not hasattr(data_class, "__slots__")
        and all(f.init for f in dataclasses.fields(data_class))
    )

    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise _InvalidError(path, error_text("exchange.not_object", "ska vara ett objekt"))
        if not value.keys() <= known:
            raise _InvalidError(
                path,
                error_text(
                    "exchange.unknown_field",
                    "okänt fält {name!r}",
                    name=sorted(str(k) for k in value.keys() - known)[0],
                ),
            )
        values: dict[str, Any] = {}
        for name, decoder, required, quick in specs:
            if name in value:
                raw: Any = value[name]
                # The common values that fit, accepted here as their decoder accepts them
                # (anything else goes to the decoder, which names what is wrong).
                if quick == _SLOW or raw.__class__ is not _QUICK_CLASS[quick]:
                    pass
                elif quick == _QUICK_UUID:
                    if _UUID_MATCH(raw) is not None:
                        values[name] = raw
                        continue
                elif quick == _QUICK_TEXT:
                    if len(raw) <= MAX_TEXT and "\x00" not in raw:
                        values[name] = raw
                        continue
                elif -MAX_INT <= raw <= MAX_INT:  # _QUICK_INT
                    values[name] = raw
                    continue
                try:
                    values[name] = decoder(raw, name)
                except _InvalidError as error:
                    error.within(path)
                    raise
            elif required:
                raise _InvalidError(
                    f"{path}.{name}" if path else name, error_text("exchange.missing", "saknas")
                )
            elif plain:
                factory, default = defaults[name]
                values[name] = default() if factory else default
        if not plain:
            return data_class(**values)
        made: Any = object.__new__(data_class)
        made.__dict__.update(values)
        return made

    _DECODERS[data_class] = decode
    return decode


_META_KEYS = frozenset(
    (
        "id",
        "version",
        "organisation",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "deleted_at",
        "data",
    )
)
_organisation = _enum(Organisation)


def _person(value: Any, path: str) -> str:
    text = _text(value, path)
    if len(text) > 200:
        raise _InvalidError(
            path, error_text("exchange.name_too_long", "namnet är längre än 200 tecken")
        )
    if contains_identity_number(text):
        raise _InvalidError(
            path,
            error_text(
                "exchange.identity_number", "innehåller ett personnummer eller samordningsnummer"
            ),
        )
    return text


def _times() -> Decoder:
    """`decode_datetime`, remembering the last text and its time: a record's creation and
    change times are often the same."""
    last: tuple[Any, Any] = (None, None)

    def decode(value: Any, path: str) -> dt.datetime:
        nonlocal last
        seen, decoded = last  # one tuple: threads never see a text with another's time
        if value.__class__ is str and value == seen:
            return decoded  # type: ignore[no-any-return]
        decoded = decode_datetime(value, path)
        last = (value, decoded)
        return decoded

    return decode


_record_time = _times()
_optional_time = _optional(decode_datetime)


def decode_record(value: Any, data_class: type, where: str | ErrorText) -> tuple[RecordMeta, Any]:
    """(meta, data) of one record object of a package; `PackageError` naming `where` (the
    record's place in the package) if anything does not fit."""
    try:
        if not isinstance(value, dict):
            raise _InvalidError("", error_text("exchange.not_object", "ska vara ett objekt"))
        if value.keys() != _META_KEYS:
            missing = sorted(_META_KEYS - value.keys())
            extra = sorted(str(k) for k in value.keys() - _META_KEYS)
            raise _InvalidError(
                "",
                error_text("exchange.missing_fields", "saknar {names}", names=missing)
                if missing
                else error_text("exchange.unknown_field", "okänt fält {name!r}", name=extra[0]),
            )
        version = _int(value["version"], "version")
        if version < 1:
            raise _InvalidError(
                "version", error_text("exchange.version_below_one", "ska vara minst 1")
            )
        meta = RecordMeta(
            id=_uuid(value["id"], "id"),
            version=version,
            organisation=_organisation(value["organisation"], "organisation"),
            created_at=_record_time(value["created_at"], "created_at"),
            created_by=_person(value["created_by"], "created_by"),
            updated_at=_record_time(value["updated_at"], "updated_at"),
            updated_by=_person(value["updated_by"], "updated_by"),
            deleted_at=_optional_time(value["deleted_at"], "deleted_at"),
        )
        data = data_decoder(data_class)(value["data"], "")
    except _InvalidError as error:
        raise refused(
            error_text(
                "exchange.invalid_field",
                "{where} (fältet {field}) {what}.",
                where=where,
                field=error.path,
                what=error.what,
            )
            if error.path
            else error_text(
                "exchange.invalid_record", "{where} {what}.", where=where, what=error.what
            )
        ) from None
    return meta, data
