"""Tests of record validation: every rule, the personnummer guard on every text field, defaults."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, time

import pytest
from hypothesis import given

from loften_app.domain.enums import (
    ActionStatus,
    ObservationCategory,
)
from loften_app.domain.errors import ValidationError
from loften_app.domain.personnummer import find_identity_numbers
from loften_app.domain.records import (
    ObservationData,
    Participants,
    PatrolData,
    ShopData,
    ShopVisitData,
)
from loften_app.domain.validation import (
    DEFAULT_ACTION_DEADLINE_MONTHS,
    check_free_text,
    raise_if_invalid,
    validate,
    validate_drug_case,
    validate_patrol,
    validate_safety_walk,
    validate_volunteer_deployment,
    with_defaults,
)
from tests.domain.validation_data import (
    DRUG_CASE,
    FUTURE,
    HARMLESS,
    MORE_VALID,
    PATROL,
    PERSONNUMMER,
    POLICE_PART_ONLY,
    RULES,
    SAMORDNINGSNUMMER,
    TEXT_FIELDS,
    TIMES,
    TODAY,
    VALID_EXAMPLES,
    VALIDATORS,
    VOLUNTEERS,
    WALK,
    WALK_WITHOUT_ROWS,
    _break_free_text,
    _today_kw,
    pairs,
    replace,
    replaced_at,
    text_paths,
    with_action,
)

# --- valid examples, one per record type, with every nested row filled in ---------------------


# --- valid examples ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", VALID_EXAMPLES.values(), ids=VALID_EXAMPLES.keys())
def test_valid_example_has_no_issues(data: object) -> None:
    assert validate(data, today=TODAY) == []
    assert validate(data) == []
    raise_if_invalid(data, today=TODAY)


def test_every_record_type_has_a_valid_example_and_a_validator() -> None:
    assert {type(data) for data in VALID_EXAMPLES.values()} == set(VALIDATORS)


@pytest.mark.parametrize("data", VALID_EXAMPLES.values(), ids=VALID_EXAMPLES.keys())
def test_type_specific_validator_agrees_with_validate(data: object) -> None:
    broken = _break_free_text(data)
    assert VALIDATORS[type(data)](broken) == validate(broken)
    assert validate(broken) != []


@pytest.mark.parametrize("data", MORE_VALID.values(), ids=MORE_VALID.keys())
def test_more_valid_cases(data: object) -> None:
    assert validate(data, today=TODAY) == []


# --- every rule: exactly the expected field and code ---------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [case[1:] for case in RULES],
    ids=[case[0] for case in RULES],
)
def test_rule(data: object, field: str, code: str) -> None:
    issues = validate(data, today=TODAY)
    assert pairs(issues) == [(field, code)]
    assert VALIDATORS[type(data)](data, **_today_kw(data)) == issues
    message = issues[0].message
    assert len(message) > 20
    assert message.rstrip().endswith((".", ")"))
    assert "_" not in message, "the message shows a code name instead of Swedish text"
    with pytest.raises(ValidationError) as raised:
        raise_if_invalid(data, today=TODAY)
    assert raised.value.issues == tuple(issues)
    assert raised.value.for_field(field) == issues
    assert message in raised.value.message


def test_rule_ids_are_unique() -> None:
    names = [case[0] for case in RULES]
    assert len(names) == len(set(names))


def test_same_time_message_explains_midnight() -> None:
    issues = validate_patrol(replace(PATROL, start_time=time(21, 0), end_time=time(21, 0)))
    assert "21:00–02:00" in issues[0].message
    assert "midnatt" in issues[0].message


def test_future_checks_are_skipped_without_today() -> None:
    assert validate_safety_walk(replace(WALK_WITHOUT_ROWS, date=FUTURE)) == []
    assert validate_drug_case(replace(POLICE_PART_ONLY, detected_on=FUTURE)) == []
    assert validate(with_action(WALK, 0, closed_on=FUTURE)) == []


def test_several_problems_are_all_reported() -> None:
    data = replace(
        PATROL,
        promise_id="",
        start_time=time(22),
        end_time=time(22),
        place_ids=(),
        officers=0,
        notes=f"Kontroll av {PERSONNUMMER}",
    )
    assert set(pairs(validate_patrol(data))) == {
        ("promise_id", "required"),
        ("end_time", "same_time"),
        ("place_ids", "required"),
        ("officers", "too_small"),
        ("notes", "personnummer"),
    }


def test_ongoing_case_without_first_contact_reports_support_and_accepted() -> None:
    data = replace(DRUG_CASE, first_contact_on=None)
    assert set(pairs(validate_drug_case(data))) == {
        ("support_offered", "no_first_contact"),
        ("accepted", "no_first_contact"),
    }


def test_validate_refuses_unknown_types() -> None:
    with pytest.raises(TypeError):
        validate("not a record")
    with pytest.raises(TypeError):
        validate(Participants())


# --- shifts --------------------------------------------------------------------------------------


@given(start=TIMES, end=TIMES)
def test_any_shift_with_different_times_is_valid(start: time, end: time) -> None:
    patrol = replace(PATROL, start_time=start, end_time=end)
    deployment = replace(VOLUNTEERS, start_time=start, end_time=end, volunteer_hours_override=None)
    expected = [] if start != end else [("end_time", "same_time")]
    assert pairs(validate_patrol(patrol)) == expected
    assert pairs(validate_volunteer_deployment(deployment)) == expected


def test_shift_over_midnight_is_five_hours_and_valid() -> None:
    patrol = replace(PATROL, start_time=time(21, 0), end_time=time(2, 0))
    assert validate_patrol(patrol) == []
    assert patrol.duration_hours == 5.0


# --- the personnummer guard on every text field ---------------------------------------------------


def test_text_fields_include_nested_rows() -> None:
    found = {(kind, path) for kind, _, path in TEXT_FIELDS}
    for expected in [
        ("patrol", "notes"),
        ("patrol", "shop_visits[0].note"),
        ("patrol", "shop_visits[1].note"),
        ("safety_walk", "route"),
        ("safety_walk", "cancellation_reason"),
        ("safety_walk", "observations[0].description"),
        ("safety_walk", "observations[0].photos[0]"),
        ("safety_walk", "observations[0].photos[1]"),
        ("safety_walk", "observations[0].action.what"),
        ("safety_walk", "observations[0].action.owner_detail"),
        ("safety_walk", "observations[1].action.rejection_reason"),
        ("drug_case", "case_code"),
        ("drug_case", "police_notes"),
        ("drug_case", "municipal_notes"),
        ("agreement", "aims"),
        ("indicator_value", "source_note"),
        ("other_activity", "what"),
    ]:
        assert expected in found
    assert not any(path.endswith(("id", "_ids")) for _, _, path in TEXT_FIELDS)


@pytest.mark.parametrize("number", [PERSONNUMMER, SAMORDNINGSNUMMER, "198112189876"])
@pytest.mark.parametrize(
    ("data", "path"),
    [(data, path) for _, data, path in TEXT_FIELDS],
    ids=[f"{kind}.{path}" for kind, _, path in TEXT_FIELDS],
)
def test_personnummer_refused_in_every_text_field(data: object, path: str, number: str) -> None:
    assert find_identity_numbers(number)
    broken = replaced_at(data, path, f"Gäller {number} enligt tips")
    issues = validate(broken, today=TODAY)
    assert (path, "personnummer") in pairs(issues)
    assert [issue for issue in issues if issue.code == "personnummer"] == [
        issue for issue in issues if issue.field == path and issue.code == "personnummer"
    ]
    message = next(issue.message for issue in issues if issue.code == "personnummer")
    assert "personnummer" in message or "samordningsnummer" in message
    assert number not in message, "the message must not repeat the number"


@pytest.mark.parametrize("text", HARMLESS)
@pytest.mark.parametrize("kind", VALID_EXAMPLES.keys())
def test_harmless_text_is_not_flagged(kind: str, text: str) -> None:
    data = VALID_EXAMPLES[kind]
    for path in text_paths(data):
        data = replaced_at(data, path, text)
    assert check_free_text(data) == []


def test_check_free_text_uses_prefix_and_reports_each_field_once() -> None:
    observation = ObservationData(
        category=ObservationCategory.OTHER,
        description=f"{PERSONNUMMER} och {SAMORDNINGSNUMMER}",
        photos=("bild.jpg", f"{PERSONNUMMER}.jpg"),
    )
    assert pairs(check_free_text(observation, prefix="observations[3]")) == [
        ("observations[3].description", "personnummer"),
        ("observations[3].photos[1]", "personnummer"),
    ]


def test_check_free_text_skips_only_id_fields() -> None:
    visit = ShopVisitData(shop_id=PERSONNUMMER, note="", id=PERSONNUMMER)
    assert check_free_text(visit) == []
    shop = ShopData(name="Kiosken", kind=PERSONNUMMER, place_id=PERSONNUMMER)
    assert pairs(check_free_text(shop)) == [("kind", "personnummer")]


def test_an_enum_field_is_checked_unless_no_member_holds_a_number() -> None:
    """Enum values are fixed in the code and skipped once found clean; an enum with a member
    that holds a number (none of Löften's does) is still checked, member by member."""

    class Clean(enum.StrEnum):
        A = "a"

    class Odd(enum.StrEnum):
        PLAIN = "plain"
        NUMBER = PERSONNUMMER

    @dataclasses.dataclass(frozen=True)
    class Holder:
        clean: Clean
        odd: Odd
        note: str = ""

    for _ in range(2):  # the second time with the clean class known
        assert check_free_text(Holder(Clean.A, Odd.PLAIN)) == []
        assert pairs(check_free_text(Holder(Clean.A, Odd.NUMBER))) == [("odd", "personnummer")]
        assert pairs(check_free_text(Holder(Clean.A, Odd.PLAIN, PERSONNUMMER))) == [
            ("note", "personnummer")
        ]


def test_check_free_text_refuses_non_dataclasses() -> None:
    with pytest.raises(TypeError):
        check_free_text("811218-9876")
    with pytest.raises(TypeError):
        check_free_text(PatrolData)


def test_personnummer_message_names_the_field() -> None:
    broken = with_action(WALK, 2, what=f"Prata med {PERSONNUMMER}")
    issue = next(i for i in validate(broken) if i.code == "personnummer")
    assert issue.field == "observations[2].action.what"
    assert issue.message.startswith("Iakttagelse 3, åtgärd, vad:")


# --- defaults ------------------------------------------------------------------------------------


def test_default_deadline_constant() -> None:
    assert DEFAULT_ACTION_DEADLINE_MONTHS == 6


def test_with_defaults_sets_missing_deadlines_only() -> None:
    result = with_defaults(WALK)
    actions = [observation.action for observation in result.observations]
    assert actions[0] is not None and actions[0].deadline == date(2019, 3, 1)
    assert actions[1] is not None and actions[1].deadline == date(2019, 4, 10)
    assert actions[2] is not None and actions[2].deadline == date(2019, 4, 10)
    assert actions[3] is None
    assert result.observations[3] == WALK.observations[3]
    assert replace(result, observations=WALK.observations) == WALK
    assert validate(result, today=TODAY) == []


def test_with_defaults_clamps_to_month_end() -> None:
    walk = replace(WALK, date=date(2018, 8, 31), preparatory_meeting_on=None)
    walk = with_action(walk, 0, deadline=None, closed_on=None, status=ActionStatus.OPEN)
    action = with_defaults(walk).observations[0].action
    assert action is not None
    assert action.deadline == date(2019, 2, 28)


def test_with_defaults_without_actions_is_unchanged() -> None:
    walk = replace(WALK, observations=())
    assert with_defaults(walk) == walk
    assert with_defaults(WALK_WITHOUT_ROWS) == WALK_WITHOUT_ROWS


@pytest.mark.parametrize("field", ["police_notes", "municipal_notes"])
def test_a_police_case_number_in_drug_case_notes_is_refused(field: str) -> None:

    from loften_app.domain.validation import validate_drug_case

    base = DRUG_CASE
    data = dataclasses.replace(base, **{field: "Se ärende 5000-K123456-18 hos polisen"})
    issues = validate_drug_case(data)
    assert [(i.field, i.code) for i in issues] == [(field, "police_case_number")]
    assert validate_drug_case(dataclasses.replace(base, **{field: "Telefon 054-12 34 56"})) == []
