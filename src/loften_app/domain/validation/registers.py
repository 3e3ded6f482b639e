"""Validators of the registers: agreements, promises, targets, places, shops, indicators and
indicator values."""

from __future__ import annotations

from loften_app.domain.enums import Measure
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
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation.common import (
    CODE_DATE_ORDER,
    CODE_NEGATIVE,
    CODE_PERIOD,
    CODE_REQUIRED,
    CODE_SHARE_RANGE,
    _Issues,
)


def validate_agreement(data: AgreementData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a cooperation agreement (samverkansöverenskommelse)."""
    issues = _Issues(words)
    issues.required_text(
        "municipality", data.municipality, words.text("Ange kommunen, t.ex. Filipstads kommun.")
    )
    issues.required_text(
        "police_area",
        data.police_area,
        words.text("Ange lokalpolisområdet som kommunen samverkar med."),
    )
    issues.required_text(
        "title",
        data.title,
        words.text("Ge överenskommelsen en titel, t.ex. Medborgarlöften 2017–2018."),
    )
    if data.period_end <= data.period_start:
        issues.add(
            "period_end",
            CODE_DATE_ORDER,
            words.text(
                "Periodens slut ({end}) måste komma efter periodens början ({start}). Rätta något "
                "av datumen."
            ).format(end=data.period_end.isoformat(), start=data.period_start.isoformat()),
        )
    if data.follow_up_due is not None and data.follow_up_due < data.period_end:
        issues.add(
            "follow_up_due",
            CODE_DATE_ORDER,
            words.text(
                "Uppföljningen ({due}) kan inte vara före periodens slut ({end}): den görs efter "
                "perioden, oftast första kvartalet efter. Välj ett senare datum."
            ).format(due=data.follow_up_due.isoformat(), end=data.period_end.isoformat()),
        )
    return issues.finish(data)


def validate_promise(data: PromiseData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a promise (medborgarlöfte)."""
    issues = _Issues(words)
    issues.required_id(
        "agreement_id",
        data.agreement_id,
        words.text("Välj vilken överenskommelse löftet hör till."),
    )
    issues.count(
        "number", data.number, 1, words.text("Ange löftets nummer, t.ex. 1 för det första löftet.")
    )
    issues.required_text(
        "text", data.text, words.text("Skriv löftets text ordagrant som i överenskommelsen.")
    )
    issues.required_text(
        "short_title",
        data.short_title,
        words.text(
            "Skriv en kort titel som visas i listor och rapporter, t.ex. Trygghetsvandringar."
        ),
    )
    return issues.finish(data)


def _is_share(measure: Measure) -> bool:
    return "share" in measure.value


def validate_target(data: TargetData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a target (mål) of a promise."""
    issues = _Issues(words)
    issues.required_id(
        "promise_id", data.promise_id, words.text("Välj vilket löfte målet hör till.")
    )
    if issues.finite("value", data.value):
        if data.value < 0:
            issues.add(
                "value",
                CODE_NEGATIVE,
                words.text(
                    "Målets värde kan inte vara negativt ({value}). Ange 0 eller mer."
                ).format(value=issues.number(data.value)),
            )
        elif _is_share(data.measure) and data.value > 1:
            issues.add(
                "value",
                CODE_SHARE_RANGE,
                words.text(
                    "Målet är en andel ({measure}) och anges som ett tal mellan 0 och 1, men "
                    "värdet är {value}. Skriv t.ex. 0,8 för 80 procent."
                ).format(measure=words.label(data.measure), value=issues.number(data.value)),
            )
    if data.measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS:
        if data.parameter is None:
            issues.add(
                "parameter",
                CODE_REQUIRED,
                words.text(
                    "Ange inom hur många dagar kommunen ska ha fått kontakt (SMADIT siktar på "
                    "1 dygn); måttet räknar andelen ärenden med kontakt inom så många dagar."
                ),
            )
        else:
            issues.count("parameter", data.parameter, 0)
    return issues.finish(data)


def validate_place(data: PlaceData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a place in the place register."""
    issues = _Issues(words)
    issues.required_text("name", data.name, words.text("Ge platsen ett namn, t.ex. Stora torget."))
    return issues.finish(data)


def validate_shop(data: ShopData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a shop in the shop register."""
    issues = _Issues(words)
    issues.required_text("name", data.name, words.text("Skriv butikens namn."))
    return issues.finish(data)


def validate_indicator(data: IndicatorData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of an indicator (outcome measure)."""
    issues = _Issues(words)
    issues.required_text(
        "name",
        data.name,
        words.text("Ge indikatorn ett namn, t.ex. Andel otrygga i centrum kvällstid."),
    )
    issues.required_text(
        "source",
        data.source,
        words.text(
            "Ange var siffrorna kommer ifrån, t.ex. Polisens trygghetsmätning eller Brås NTU."
        ),
    )
    return issues.finish(data)


def validate_indicator_value(
    data: IndicatorValueData, *, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of one value of an indicator."""
    issues = _Issues(words)
    issues.required_id(
        "indicator_id", data.indicator_id, words.text("Välj vilken indikator värdet hör till.")
    )
    if not data.period_key.strip():
        issues.add(
            "period_key",
            CODE_REQUIRED,
            words.text(
                "Period saknas. Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31."
            ),
        )
    else:
        try:
            parse_period(data.period_key)
        except ValueError as exc:
            issues.add("period_key", CODE_PERIOD, str(exc))
    issues.finite("value", data.value)
    return issues.finish(data)
