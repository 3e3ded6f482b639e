"""The lists of the registers: places, shops, promises, targets and indicators."""

from __future__ import annotations

from enum import IntEnum

from loften_app.domain.enums import Measure, PromiseType, Responsible, TargetPeriod
from loften_app.domain.records import IndicatorData, PromiseData, TargetData
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.column_kinds import (
    checked,
    count_column,
    enum_column,
    text_column,
)
from loften_app.ui.lists.columns import (
    CENTER,
    QT_TRANSLATE_NOOP,
    Column,
    ListSpec,
    number_text,
    yes_no,
)
from loften_app.ui.lists.names import RegisterNames

# --- Registers ----------------------------------------------------------------------------------


class PlaceColumn(IntEnum):
    NAME = 0
    DESCRIPTION = 1


PLACES = checked(
    ListSpec(
        "places",
        QT_TRANSLATE_NOOP("RecordColumns", "Platser"),
        (
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Namn"), "name", "name", 24),
            text_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Beskrivning"), "description", "description", 40
            ),
        ),
        default_descending=False,
        has_place=False,
        has_period=False,
    ),
    PlaceColumn,
)


class ShopColumn(IntEnum):
    NAME = 0
    ADDRESS = 1
    KIND = 2


SHOPS = checked(
    ListSpec(
        "shops",
        QT_TRANSLATE_NOOP("RecordColumns", "Butiker"),
        (
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Namn"), "name", "name", 24),
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Adress"), "address", "address", 24),
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Typ"), "kind", "kind", 14),
        ),
        stretch_column=ShopColumn.ADDRESS,
        default_descending=False,
        has_period=False,
    ),
    ShopColumn,
)


class PromiseColumn(IntEnum):
    NUMBER = 0
    SHORT_TITLE = 1
    RESPONSIBLE = 2
    TYPE = 3


def _promise_responsible(data: PromiseData, _names: RegisterNames) -> str:
    return enum_text(data.responsible)


PROMISES = checked(
    ListSpec(
        "promises",
        QT_TRANSLATE_NOOP("RecordColumns", "Löften"),
        (
            count_column(QT_TRANSLATE_NOOP("RecordColumns", "Nr"), lambda d: d.number, "number", 4),
            text_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Löfte"), "short_title", "short_title", 36
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Ansvarig"),
                _promise_responsible,
                "responsible",
                sort_value=lambda d: d.responsible.value,
                enum=Responsible,
                width=18,
            ),
            enum_column(QT_TRANSLATE_NOOP("RecordColumns", "Typ"), "type", "type", PromiseType, 24),
        ),
        default_descending=False,
        stretch_column=PromiseColumn.SHORT_TITLE,
        has_place=False,
        has_period=False,
    ),
    PromiseColumn,
)


class TargetColumn(IntEnum):
    PROMISE = 0
    MEASURE = 1
    TARGET = 2
    PERIOD = 3
    DESCRIPTION = 4


def _target_measure(data: TargetData, _names: RegisterNames) -> str:
    text = enum_text(data.measure)
    if data.measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS and data.parameter is not None:
        text = text.replace(" N ", f" {data.parameter} ")
    return text


def _target_value(data: TargetData, _names: RegisterNames) -> str:
    return f"{enum_text(data.comparison)} {number_text(data.value)}"


TARGETS = checked(
    ListSpec(
        "targets",
        QT_TRANSLATE_NOOP("RecordColumns", "Mål"),
        (
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Löfte"),
                lambda d, names: names.promises.name(d.promise_id),
                "promise",
                width=28,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Mått"),
                _target_measure,
                "measure",
                lambda d: d.measure.value,
                enum=Measure,
                width=30,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Mål"),
                _target_value,
                "value",
                sort_value=lambda d: d.value,
                width=10,
            ),
            enum_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Period"), "period", "period", TargetPeriod, 14
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordColumns", "Beskrivning"), "description", "description", 30
            ),
        ),
        default_sort_column=None,
        has_place=False,
        has_period=False,
    ),
    TargetColumn,
)


class IndicatorColumn(IntEnum):
    NAME = 0
    UNIT = 1
    SOURCE = 2
    LOWER_IS_BETTER = 3


def _lower_is_better(data: IndicatorData, _names: RegisterNames) -> str:
    return yes_no(data.lower_is_better)


INDICATORS = checked(
    ListSpec(
        "indicators",
        QT_TRANSLATE_NOOP("RecordColumns", "Indikatorer"),
        (
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Namn"), "name", "name", 36),
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Enhet"), "unit", "unit", 8),
            text_column(QT_TRANSLATE_NOOP("RecordColumns", "Källa"), "source", "source", 24),
            Column(
                QT_TRANSLATE_NOOP("RecordColumns", "Lägre är bättre"),
                _lower_is_better,
                "lower_is_better",
                sort_value=lambda d: int(d.lower_is_better),
                alignment=CENTER,
                width=12,
            ),
        ),
        default_descending=False,
        stretch_column=IndicatorColumn.NAME,
        has_place=False,
        has_period=False,
    ),
    IndicatorColumn,
)

#: Every list, by the name of its service in `Services`.
