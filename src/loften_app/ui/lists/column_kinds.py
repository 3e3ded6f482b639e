"""Builders for the kinds of column that many lists share (a date, a shift, a count, ...)."""

from __future__ import annotations

import dataclasses
from enum import IntEnum, StrEnum
from typing import Any

from loften_app.ui.kinds import label_of
from loften_app.ui.lists.columns import (
    QT_TRANSLATE_NOOP,
    RIGHT,
    Column,
    ListSpec,
    date_text,
    enum_or_empty,
    iso_or_empty,
    number_or_minus,
    number_text,
    shift_text,
)


def checked(spec: ListSpec, constants: type[IntEnum]) -> ListSpec:
    """`spec`, after checking that its columns match the constants one to one."""
    assert [member.value for member in constants] == list(range(len(spec.columns))), spec.name
    return spec


def headed(column: Column, kind: str, name: str) -> Column:
    """`column` under the label of the field `name` of the record kind `kind` (`domain.kinds`)."""
    return dataclasses.replace(column, header=label_of(kind, name))


def join_names(names: list[str]) -> str:
    return ", ".join(name for name in names if name)


def date_column(attribute: str = "date", sort_key: str | None = "date") -> Column:
    return Column(
        QT_TRANSLATE_NOOP("RecordColumns", "Datum"),
        lambda data, _n: date_text(getattr(data, attribute)),
        sort_key,
        lambda data: iso_or_empty(getattr(data, attribute)),
        width=10,
    )


def shift_column() -> Column:
    return Column(
        QT_TRANSLATE_NOOP("RecordColumns", "Tid"),
        lambda data, _n: shift_text(data.start_time, data.end_time, data.duration_hours),
        "start_time",
        lambda data: data.start_time.isoformat(),
        width=19,
    )


def places_column() -> Column:
    return Column(
        QT_TRANSLATE_NOOP("RecordColumns", "Platser"),
        lambda data, names: join_names(names.places.names(data.place_ids)),
        "places",
        width=24,
    )


def count_column(header: str, value: Any, sort_key: str | None = None, width: int = 8) -> Column:
    return Column(
        header,
        lambda data, _n: number_text(value(data)),
        sort_key,
        lambda data: number_or_minus(value(data)),
        RIGHT,
        width,
    )


def enum_column(
    header: str, attribute: str, sort_key: str | None, enum: type[StrEnum], width: int = 10
) -> Column:
    # The database sorts in the order the members are declared, and so does SORT_ROLE.
    order = {member: index for index, member in enumerate(enum)}
    return Column(
        header,
        lambda data, _n: enum_or_empty(getattr(data, attribute)),
        sort_key,
        lambda data: order.get(getattr(data, attribute), -1),
        width=width,
        enum=enum,
    )


def text_column(header: str, attribute: str, sort_key: str | None, width: int = 20) -> Column:
    return Column(header, lambda data, _n: getattr(data, attribute), sort_key, width=width)
