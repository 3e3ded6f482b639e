"""The built-in Filipstad template: verbatim promises, responsible parties, the target."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loften_app.domain.enums import Comparison, Measure, PromiseType, Responsible, TargetPeriod
from loften_app.storage.errors import StorageError
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template, available_templates

SEED = Path(__file__).resolve().parents[1] / "data" / "medborgarloften-filipstad-2017-2018.txt"


def seed_promises() -> list[str]:
    """The four bullet points of the seed document, without their 'Ansvarig' part."""
    bullets = [
        line.strip().lstrip("•").strip()
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("•")
    ]
    return [re.split(r"\s+Ansvarig", bullet, maxsplit=1)[0].strip() for bullet in bullets]


def test_the_template_is_listed() -> None:
    assert [(t.name, t.label) for t in available_templates()] == [
        ("filipstad-2017-2018", "Filipstad 2017–2018")
    ]


def test_the_promises_are_verbatim_from_the_seed(services: Services) -> None:
    agreement = apply_template(services, "filipstad-2017-2018")
    assert agreement.data.municipality == "Filipstads kommun"
    assert str(agreement.data.period_start) == "2017-01-01"
    assert str(agreement.data.period_end) == "2018-12-31"
    assert agreement.data.valid_until_replaced
    promises = services.promises.for_agreement(agreement.id)
    expected = seed_promises()
    assert len(expected) == 4
    assert [p.data.text for p in promises] == expected
    assert [p.data.type for p in promises] == [
        PromiseType.PATROL,
        PromiseType.SAFETY_WALK,
        PromiseType.VOLUNTEERS,
        PromiseType.DRUGS,
    ]
    assert [p.data.responsible for p in promises] == [
        Responsible.POLICE,
        Responsible.MUNICIPALITY,
        Responsible.POLICE,
        Responsible.BOTH,
    ]
    assert "lagföring: Polisen" in promises[3].data.responsibility_note


def test_the_template_holds_the_safety_walk_target_and_places(services: Services) -> None:
    agreement = apply_template(services, "filipstad-2017-2018")
    walk_promise = services.promises.for_agreement(agreement.id)[1]
    targets = [t.data for t in services.targets.list_page().items]
    assert len(targets) == 1
    (target,) = targets
    assert target.promise_id == walk_promise.id
    assert (target.measure, target.comparison, target.value, target.period) == (
        Measure.WALKS_COMPLETED,
        Comparison.AT_LEAST,
        2,
        TargetPeriod.YEAR,
    )
    names = {p.data.name for p in services.places.list_page(sort="name").items}
    assert {"Centrum", "Stora torget", "Resecentrum/busstationen", "Skillerälven"} <= names
    assert services.indicators.count() == 2


def test_a_template_is_not_applied_twice(services: Services) -> None:
    apply_template(services, "filipstad-2017-2018")
    with pytest.raises(StorageError, match="redan en överenskommelse"):
        apply_template(services, "filipstad-2017-2018")
    assert services.promises.count() == 4


def test_an_unknown_template_is_refused_with_the_names_available(services: Services) -> None:
    with pytest.raises(StorageError, match="filipstad-2017-2018"):
        apply_template(services, "stockholm-2030")
    assert services.agreements.count() == 0
