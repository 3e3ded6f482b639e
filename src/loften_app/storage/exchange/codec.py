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
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import ErrorText, error_text
from loften_app.domain.personnummer import contains_identity_number
from loften_app.domain.records import RecordMeta, optional_inner
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
_DECODERS_LOCK = threading.Lock()


def data_decoder(data_class: type) -> Decoder:
    """The strict decoder of a data class's JSON object (built once per class)."""
    found = _DECODERS.get(data_class)
    if found is None:
        decode = _built_decoder(data_class)
        with _DECODERS_LOCK:
            found = _DECODERS.setdefault(data_class, decode)
    return found


# A data class's decoder is one function written for it from its type hints (as the audit
# trail's writers are, `storage.audit._writer`): for each field in order, the usual values
# that fit (a UUID, a text, a whole number, a known date, time or enum value, a boolean, None
# where allowed) are taken inline, checked as their decoder checks them; anything else, and
# every error, goes to the field's decoder, which names what is wrong. Against a loop over the
# fields with a test per field, decoding the 100,000 records of the benchmark's package takes
# 0.90 s instead of 1.07 s.


def _accepted(decoder: Decoder, hint: Any, names: dict[str, Any]) -> str | None:
    """A Python condition on `raw` (and assigning `found`, where it looks a value up) that is
    true only for a value `decoder` accepts as it is, and leaves that value, or what it
    decodes to, in `found`; None when no value of that field is taken inline."""

    def named(value: Any) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    if decoder is _uuid:
        return "raw.__class__ is str and _UUID_MATCH(raw) is not None and (found := raw)"
    if decoder is _text:
        return (
            "raw.__class__ is str and len(raw) <= _MAX_TEXT and '\\x00' not in raw "
            "and ((found := raw) or True)"
        )
    if decoder is _int:
        return "raw.__class__ is int and -_MAX_INT <= raw <= _MAX_INT and ((found := raw) or True)"
    if decoder is _bool:
        return "raw.__class__ is bool and ((found := raw) or True)"
    if decoder is _date:
        return "raw.__class__ is str and (found := _DATES.get(raw)) is not None"
    if decoder is _time:
        return "raw.__class__ is str and (found := _TIMES.get(raw)) is not None"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = named({member.value: member for member in hint})
        return f"raw.__class__ is str and (found := {members}.get(raw)) is not None"
    return None


def _built_decoder(data_class: type) -> Decoder:
    hints = typing.get_type_hints(data_class)
    fields = dataclasses.fields(data_class)
    known = frozenset(f.name for f in fields)
    # A data class whose `__init__` only sets its fields (no `__post_init__`, no slots) is
    # made by filling its instance's dictionary in field order, as `__init__` would, without
    # the call's keyword matching and a frozen class's `object.__setattr__` for each field.
    plain = (
        not hasattr(data_class, "__post_init__")
        and not hasattr(data_class, "__slots__")
        and all(f.init for f in fields)
    )
    names: dict[str, Any] = {
        "_class": data_class,
        "_known": known,
        "_new": object.__new__,
        "_MISSING": _MISSING,
        "_UUID_MATCH": _UUID_MATCH,
        "_MAX_TEXT": MAX_TEXT,
        "_MAX_INT": MAX_INT,
        "_DATES": _DATES,
        "_TIMES": _TIMES,
        "_not_object": _not_object,
        "_unknown_field": _unknown_field,
        "_missing": _missing,
        "_slow": _slow,
    }
    lines = [
        "def decode(value, path):",
        "    if not isinstance(value, dict):",
        "        _not_object(path)",
        "    if not value.keys() <= _known:",
        "        _unknown_field(value, _known, path)",
        "    get = value.get",
    ]
    if not plain:
        lines.append("    values = {}")
    for n, f in enumerate(fields):
        hint = hints[f.name]
        decoder = _decoder_for(hint, f.name)
        decoder_name = f"_d{n}"
        names[decoder_name] = decoder
        inner = optional_inner(hint)
        target = f"v{n}" if plain else f"values[{f.name!r}]"
        lines.append(f"    raw = get({f.name!r}, _MISSING)")
        branch = "if"
        if inner is not None:
            lines.append("    if raw is None:")
            lines.append(f"        {target} = None")
            branch = "elif"
        accepted = _accepted(
            _decoder_for(inner, f.name) if inner is not None else decoder,
            hint if inner is None else inner,
            names,
        )
        if accepted is not None:
            lines.append(f"    {branch} {accepted}:")
            lines.append(f"        {target} = found")
            branch = "elif"
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        lines.append(f"    {branch} raw is _MISSING:")
        if required:
            lines.append(f"        _missing(path, {f.name!r})")
        elif not plain:
            lines.append("        pass")
        elif f.default is not dataclasses.MISSING:
            default_name = f"_default{n}"
            names[default_name] = f.default
            lines.append(f"        {target} = {default_name}")
        else:
            factory_name = f"_factory{n}"
            names[factory_name] = f.default_factory
            lines.append(f"        {target} = {factory_name}()")
        lines.append("    else:")
        lines.append(f"        {target} = _slow({decoder_name}, raw, {f.name!r}, path)")
    if plain:
        built = ", ".join(f"{f.name!r}: v{n}" for n, f in enumerate(fields))
        lines.append("    made = _new(_class)")
        lines.append(f"    made.__dict__.update({{{built}}})")
        lines.append("    return made")
    else:
        lines.append("    return _class(**values)")
    # The text is made here, of field names (identifiers) and constants written with repr.
    exec("\n".join(lines), names)
    decode: Decoder = names["decode"]
    return decode


class _Missing:
    """What `dict.get` gives for a key left out (JSON has no such value)."""


_MISSING = _Missing()


def _slow(decoder: Decoder, raw: Any, name: str, path: str) -> Any:
    """A field's value through its decoder, an error's path starting at `path`."""
    try:
        return decoder(raw, name)
    except _InvalidError as error:
        error.within(path)
        raise


def _not_object(path: str) -> None:
    raise _InvalidError(path, error_text("exchange.not_object", "ska vara ett objekt"))


def _unknown_field(value: dict[Any, Any], known: frozenset[str], path: str) -> None:
    raise _InvalidError(
        path,
        error_text(
            "exchange.unknown_field",
            "okänt fält {name!r}",
            name=sorted(str(k) for k in value.keys() - known)[0],
        ),
    )


def _missing(path: str, name: str) -> None:
    raise _InvalidError(
        f"{path}.{name}" if path else name, error_text("exchange.missing", "saknas")
    )


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
