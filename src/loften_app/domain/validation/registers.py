"""Validators of the registers: agreements, promises, targets, places, shops, indicators and
indicator values."""

from __future__ import annotations

from loften_app.domain.enums import Measure, label
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import parse_period
from loften_app.domain.records import (
    AgreementData,
    IndicatorData,
    IndicatorValueData,
    PlaceData,
    PromiseData,
    ShopData,
    TargetData,
)
from loften_app.domain.validation.common import (
    CODE_DATE_ORDER,
    CODE_NEGATIVE,
    CODE_PERIOD,
    CODE_REQUIRED,
    CODE_SHARE_RANGE,
    _Issues,
    _number_text,
)


def validate_agreement(data: AgreementData) -> list[ValidationIssue]:
    """Issues of a cooperation agreement (samverkansöverenskommelse)."""
    issues = _Issues()
    issues.required_text(
        "municipality", data.municipality, "Ange kommunen, t.ex. Filipstads kommun."
    )
    issues.required_text(
        "police_area", data.police_area, "Ange lokalpolisområdet som kommunen samverkar med."
    )
    issues.required_text(
        "title", data.title, "Ge överenskommelsen en titel, t.ex. Medborgarlöften 2017–2018."
    )
    if data.period_end <= data.period_start:
        issues.add(
            "period_end",
            CODE_DATE_ORDER,
            f"Periodens slut ({data.period_end.isoformat()}) måste komma efter periodens början "
            f"({data.period_start.isoformat()}). Rätta något av datumen.",
        )
    if data.follow_up_due is not None and data.follow_up_due < data.period_end:
        issues.add(
            "follow_up_due",
            CODE_DATE_ORDER,
            f"Uppföljningen ({data.follow_up_due.isoformat()}) kan inte vara före periodens slut "
            f"({data.period_end.isoformat()}): den görs efter perioden, oftast första kvartalet "
            "efter. Välj ett senare datum.",
        )
    return issues.finish(data)


def validate_promise(data: PromiseData) -> list[ValidationIssue]:
    """Issues of a promise (medborgarlöfte)."""
    issues = _Issues()
    issues.required_id(
        "agreement_id", data.agreement_id, "Välj vilken överenskommelse löftet hör till."
    )
    issues.count("number", data.number, 1, "Ange löftets nummer, t.ex. 1 för det första löftet.")
    issues.required_text("text", data.text, "Skriv löftets text ordagrant som i överenskommelsen.")
    issues.required_text(
        "short_title",
        data.short_title,
        "Skriv en kort titel som visas i listor och rapporter, t.ex. Trygghetsvandringar.",
    )
    return issues.finish(data)


def _is_share(measure: Measure) -> bool:
    return "share" in measure.value


def validate_target(data: TargetData) -> list[ValidationIssue]:
    """Issues of a target (mål) of a promise."""
    issues = _Issues()
    issues.required_id("promise_id", data.promise_id, "Välj vilket löfte målet hör till.")
    if issues.finite("value", data.value):
        if data.value < 0:
            issues.add(
                "value",
                CODE_NEGATIVE,
                f"Målets värde kan inte vara negativt ({_number_text(data.value)}). "
                "Ange 0 eller mer.",
            )
        elif _is_share(data.measure) and data.value > 1:
            issues.add(
                "value",
                CODE_SHARE_RANGE,
                f"Målet är en andel ({label(data.measure)}) och anges som ett tal mellan 0 och 1, "
                f"men värdet är {_number_text(data.value)}. Skriv t.ex. 0,8 för 80 procent.",
            )
    if data.measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS:
        if data.parameter is None:
            issues.add(
                "parameter",
                CODE_REQUIRED,
                "Ange inom hur många dagar kommunen ska ha fått kontakt (SMADIT siktar på "
                "1 dygn); måttet räknar andelen ärenden med kontakt inom så många dagar.",
            )
        else:
            issues.count("parameter", data.parameter, 0)
    return issues.finish(data)


def validate_place(data: PlaceData) -> list[ValidationIssue]:
    """Issues of a place in the place register."""
    issues = _Issues()
    issues.required_text("name", data.name, "Ge platsen ett namn, t.ex. Stora torget.")
    return issues.finish(data)


def validate_shop(data: ShopData) -> list[ValidationIssue]:
    """Issues of a shop in the shop register."""
    issues = _Issues()
    issues.required_text("name", data.name, "Skriv butikens namn.")
    return issues.finish(data)


def validate_indicator(data: IndicatorData) -> list[ValidationIssue]:
    """Issues of an indicator (outcome measure)."""
    issues = _Issues()
    issues.required_text(
        "name", data.name, "Ge indikatorn ett namn, t.ex. Andel otrygga i centrum kvällstid."
    )
    issues.required_text(
        "source",
        data.source,
        "Ange var siffrorna kommer ifrån, t.ex. Polisens trygghetsmätning eller Brås NTU.",
    )
    return issues.finish(data)


def validate_indicator_value(data: IndicatorValueData) -> list[ValidationIssue]:
    """Issues of one value of an indicator."""
    issues = _Issues()
    issues.required_id("indicator_id", data.indicator_id, "Välj vilken indikator värdet hör till.")
    if not data.period_key.strip():
        issues.add(
            "period_key",
            CODE_REQUIRED,
            "Period saknas. Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31.",
        )
    else:
        try:
            parse_period(data.period_key)
        except ValueError as exc:
            issues.add("period_key", CODE_PERIOD, str(exc))
    issues.finite("value", data.value)
    return issues.finish(data)
