"""Validation of every record type before it is saved.

Each `validate_*` function takes the `*Data` of one record type and returns every problem as a
`ValidationIssue` tied to the data class's field name (`end_time`, `shop_visits[0].note`,
`observations[2].action.deadline`, `participants.residents`), with a message that says what is
wrong and how to put it right: Swedish, or in the language of the keyword `words` (see
`loften_app.domain.targets.Words`; every message is put together from literal templates through
`words.text("...")`, which scripts/update-translations.sh collects for the translation file).
An empty list means the record may be saved.
`validate` picks the right function by type and `raise_if_invalid` raises `ValidationError`.

Two guards apply to every record type and are generic, so that a field added later cannot
escape them: `check_free_text` refuses a personnummer or samordningsnummer in any text field
(DOMAIN.md, "Privacy"), and every date must lie in the years 2000–2100 (a typo such as 2108
would otherwise end up in a report).

Validators that compare with the current date take a keyword `today`; the check is skipped when
it is None, so that the functions stay pure and testable.

Stable issue codes: see the `CODE_*` constants in `common`.

The package is split by what it checks: `common` (constants, codes, field labels, the issue
collector and the generic guards), `registers` (agreements, promises, targets, places, shops,
indicators and their values) and `activities` (patrols, safety walks, volunteer deployments,
drug cases and other activities). This module re-exports the public names and dispatches by type.
"""

from __future__ import annotations

import datetime as dt

# The kinds say which validator checks which data class. They import this package's modules,
# not its names, so either may be imported first.
from loften_app.domain import kinds as _kinds
from loften_app.domain.errors import ValidationError, ValidationIssue
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation.activities import (
    validate_drug_case,
    validate_other_activity,
    validate_patrol,
    validate_safety_walk,
    validate_volunteer_deployment,
    with_defaults,
)
from loften_app.domain.validation.common import (
    CODE_DATE_ORDER,
    CODE_DATE_RANGE,
    CODE_DUPLICATE,
    CODE_FORMAT,
    CODE_FUTURE,
    CODE_NEGATIVE,
    CODE_NO_FIRST_CONTACT,
    CODE_NOT_ALLOWED,
    CODE_NOT_FINITE,
    CODE_PERIOD,
    CODE_PERSONNUMMER,
    CODE_POLICE_CASE_NUMBER,
    CODE_REPORT_OF_CONCERN,
    CODE_REQUIRED,
    CODE_SAME_TIME,
    CODE_SHARE_RANGE,
    CODE_TIMEZONE,
    CODE_TOO_LARGE,
    CODE_TOO_SMALL,
    DEFAULT_ACTION_DEADLINE_MONTHS,
    MAX_HOURS_SPENT,
    MAX_YEAR,
    MIN_YEAR,
    check_free_text,
)
from loften_app.domain.validation.registers import (
    validate_agreement,
    validate_indicator,
    validate_indicator_value,
    validate_place,
    validate_promise,
    validate_shop,
    validate_target,
)

__all__ = [
    "CODE_DATE_ORDER",
    "CODE_DATE_RANGE",
    "CODE_DUPLICATE",
    "CODE_FORMAT",
    "CODE_FUTURE",
    "CODE_NEGATIVE",
    "CODE_NOT_ALLOWED",
    "CODE_NOT_FINITE",
    "CODE_NO_FIRST_CONTACT",
    "CODE_PERIOD",
    "CODE_PERSONNUMMER",
    "CODE_POLICE_CASE_NUMBER",
    "CODE_REPORT_OF_CONCERN",
    "CODE_REQUIRED",
    "CODE_SAME_TIME",
    "CODE_SHARE_RANGE",
    "CODE_TIMEZONE",
    "CODE_TOO_LARGE",
    "CODE_TOO_SMALL",
    "DEFAULT_ACTION_DEADLINE_MONTHS",
    "MAX_HOURS_SPENT",
    "MAX_YEAR",
    "MIN_YEAR",
    "check_free_text",
    "raise_if_invalid",
    "validate",
    "validate_agreement",
    "validate_drug_case",
    "validate_indicator",
    "validate_indicator_value",
    "validate_other_activity",
    "validate_patrol",
    "validate_place",
    "validate_promise",
    "validate_safety_walk",
    "validate_shop",
    "validate_target",
    "validate_volunteer_deployment",
    "with_defaults",
]

# --- dispatch -------------------------------------------------------------------------------------


def validate(
    data: object, *, today: dt.date | None = None, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of any record's data, by its kind (`loften_app.domain.kinds`); `today` is used
    where a record needs it.

    The messages are Swedish unless `words` says otherwise (the UI passes its `InterfaceWords`).
    Raises `TypeError` for a type that has no validator.
    """
    return _kinds.validate_kind(data, today=today, words=words)


def raise_if_invalid(data: object, *, today: dt.date | None = None) -> None:
    """Raise `ValidationError` with every issue of `data`; return quietly if there is none."""
    issues = validate(data, today=today)
    if issues:
        raise ValidationError(issues)
