"""A value that does not fit is named by its whole path, however deep it lies."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from loften_app.domain.records import PatrolData, SafetyWalkData
from loften_app.storage.exchange import PackageError
from loften_app.storage.exchange.codec import decode_record, encode_record
from loften_app.storage.services import Services
from tests.storage.exchange.conftest import dump


def _first(police: Services, type_name: str, wanted: Any) -> dict[str, Any]:
    for meta, data in dump(police)[type_name].values():
        if wanted(data):
            return encode_record(meta, data)
    raise AssertionError(f"no {type_name} in the demo data")


def _refusal(value: dict[str, Any], data_class: type) -> str:
    with pytest.raises(PackageError) as raised:
        decode_record(value, data_class, "posten")
    return str(raised.value)


def test_a_bad_value_in_a_child_or_a_list_is_named_by_its_whole_path(police: Services) -> None:
    patrol = _first(police, "patrol", lambda d: len(d.shop_visits) > 1 and len(d.place_ids) > 1)
    assert decode_record(copy.deepcopy(patrol), PatrolData, "posten")  # as exported: fine
    bad = copy.deepcopy(patrol)
    bad["data"]["shop_visits"][1]["shop_id"] = "../../etc"
    assert "(fältet shop_visits[1].shop_id) ska vara ett id" in _refusal(bad, PatrolData)
    bad = copy.deepcopy(patrol)
    bad["data"]["place_ids"][1] = 7
    assert "(fältet place_ids[1]) ska vara ett id" in _refusal(bad, PatrolData)
    bad = copy.deepcopy(patrol)
    del bad["data"]["shop_visits"][0]["shop_id"]
    assert "(fältet shop_visits[0].shop_id) saknas" in _refusal(bad, PatrolData)
    bad = copy.deepcopy(patrol)
    bad["data"]["shop_visits"] = {"a": 1}
    assert "(fältet shop_visits) ska vara en lista" in _refusal(bad, PatrolData)
    bad = copy.deepcopy(patrol)
    bad["created_by"] = 3
    assert "(fältet created_by) ska vara en text" in _refusal(bad, PatrolData)

    walk = _first(
        police, "safety_walk", lambda d: any(o.action is not None for o in d.observations)
    )
    index = next(i for i, o in enumerate(walk["data"]["observations"]) if o["action"])
    bad = copy.deepcopy(walk)
    bad["data"]["observations"][index]["action"]["what"] = 12
    expected = f"(fältet observations[{index}].action.what) ska vara en text"
    assert expected in _refusal(bad, SafetyWalkData)
    bad = copy.deepcopy(walk)
    bad["data"]["observations"][index]["action"]["vem"] = "x"
    expected = f"(fältet observations[{index}].action) okänt fält 'vem'"
    assert expected in _refusal(bad, SafetyWalkData)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("officers", True, "ska vara ett heltal"),
        ("officers", 2**60, "ska vara ett heltal"),
        ("officers", 2.0, "ska vara ett heltal"),
        ("notes", "a\x00b", "texten innehåller ett nolltecken"),
        ("notes", "x" * 20_001, "texten är längre än 20000 tecken"),
        ("notes", 5, "ska vara en text"),
        ("promise_id", "AE310EDA-39E5-490C-B9D0-CD3C67400C94", "ska vara ett id"),
        ("promise_id", None, "ska vara ett id"),
        ("mode", "flying", "har ett okänt värde"),
        ("mode", 1, "har ett okänt värde"),
        ("date", "2019-02-30", "är inget giltigt datum"),
        ("date", "20190228", "ska vara ett datum (ÅÅÅÅ-MM-DD)"),
        ("start_time", "25:00", "är ingen giltig tid"),
        ("start_time", None, "ska vara en tid (TT:MM)"),
        ("hours_spent", "2", "ska vara ett tal"),
        ("hours_spent", float("inf"), "ska vara ett ändligt tal"),
        ("place_ids", "AE310EDA-39E5-490C-B9D0-CD3C67400C94", "ska vara en lista"),
        ("place_ids", [], None),
        ("shop_visits", [{"id": None}] * 1001, "listan har fler än 1000 poster"),
        ("shop_visits", "none", "ska vara en lista"),
    ],
)
def test_values_that_do_not_fit_are_refused_however_common_their_field(
    police: Services, field: str, value: Any, expected: str
) -> None:
    patrol = _first(police, "patrol", lambda d: True)
    patrol["data"][field] = value
    if expected is None:  # a value that fits
        _meta, data = decode_record(patrol, PatrolData, "posten")
        assert list(getattr(data, field)) == value
        return
    assert f"(fältet {field}) {expected}" in _refusal(patrol, PatrolData)


def test_every_field_left_out_takes_its_default_and_a_required_one_is_named(
    police: Services,
) -> None:
    patrol = _first(police, "patrol", lambda d: True)
    defaults = {f.name: f for f in dataclasses.fields(PatrolData)}
    for name, field in defaults.items():
        value = copy.deepcopy(patrol)
        del value["data"][name]
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            assert f"(fältet {name}) saknas" in _refusal(value, PatrolData)
            continue
        _meta, data = decode_record(value, PatrolData, "posten")
        expected = field.default if field.default is not dataclasses.MISSING else ()
        assert getattr(data, name) == expected
        assert list(vars(data)) == list(defaults)  # every field, in the class's order
