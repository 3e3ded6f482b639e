"""Validators of the activities: patrols, safety walks (with `with_defaults`), deployments of
police volunteers, drug cases and other activities.

Validators that compare with the current date take a keyword `today`; the check is skipped when
it is None, so that the functions stay pure and testable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from loften_app.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    NotificationKind,
    WalkStatus,
)
from loften_app.domain.errors import ValidationIssue
from loften_app.domain.periods import add_months
from loften_app.domain.records import (
    ActionData,
    DrugCaseData,
    ObservationData,
    OtherActivityData,
    PatrolData,
    SafetyWalkData,
    VolunteerDeploymentData,
)
from loften_app.domain.targets import SWEDISH, Words
from loften_app.domain.validation.common import (
    CODE_DATE_ORDER,
    CODE_DUPLICATE,
    CODE_FORMAT,
    CODE_NO_FIRST_CONTACT,
    CODE_NOT_ALLOWED,
    CODE_POLICE_CASE_NUMBER,
    CODE_REPORT_OF_CONCERN,
    CODE_REQUIRED,
    DEFAULT_ACTION_DEADLINE_MONTHS,
    _check_places,
    _check_shift,
    _Issues,
    _promise_hint,
)

_HOURS_PER_DAY = 24

# N-2018-014: the application's own pseudonymous case code.
#: N-2018-014 (older files), or an installation's own prefix: P-2026-001, K-2026-001, K3F-2026-001.
_CASE_CODE = re.compile(r"(?:N|[PKA][0-9A-Z]{0,3})-[0-9]{4}-[0-9]{3,}")
# The police's own case numbers (5000-K123456-18, K123456-18) and the prosecutors'
# (AM-123456-18): these must never be stored.
_POLICE_CASE_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9]{4}\s*-\s*)?(?:K|AM)\s*-?\s*[0-9]{2,}\s*-\s*[0-9]{2}(?![0-9])",
    re.IGNORECASE,
)


def validate_patrol(data: PatrolData, *, words: Words = SWEDISH) -> list[ValidationIssue]:
    """Issues of a patrol shift with its shop visits."""
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    _check_shift(issues, data.start_time, data.end_time)
    _check_places(
        issues,
        data.place_ids,
        words.text(
            "Ingen plats är vald. Välj minst en plats där passet gjordes; en ny plats kan läggas "
            "till från formuläret."
        ),
    )
    issues.count(
        "officers", data.officers, 1, words.text("Ange hur många poliser som deltog i passet.")
    )
    first_visit: dict[str, int] = {}
    for index, visit in enumerate(data.shop_visits):
        if visit.shop_id.strip() and visit.shop_id not in first_visit:
            first_visit[visit.shop_id] = index  # the usual case: nothing to say
            continue
        path = f"shop_visits[{index}].shop_id"
        if not visit.shop_id.strip():
            issues.add(
                path,
                CODE_REQUIRED,
                words.text(
                    "Butiksbesök {number} saknar butik. Välj butiken i listan eller ta bort raden."
                ).format(number=index + 1),
            )
        elif visit.shop_id in first_visit:
            issues.add(
                path,
                CODE_DUPLICATE,
                words.text(
                    "Butiksbesök {number} gäller samma butik som butiksbesök {first}. Ta bort "
                    "dubbletten och samla det butiken sa i en anteckning."
                ).format(number=index + 1, first=first_visit[visit.shop_id] + 1),
            )
        else:
            first_visit[visit.shop_id] = index
    issues.count("disturbances", data.disturbances)
    issues.count("visible_drug_use", data.visible_drug_use)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def _check_action(
    issues: _Issues, action: ActionData, prefix: str, walk_date: dt.date, today: dt.date | None
) -> None:
    words = issues.words
    issues.required_text(
        f"{prefix}.what",
        action.what,
        words.text("Skriv vad som ska göras, t.ex. Byta trasig belysning."),
        name=words.text("{field}, vad som ska göras").format(field=issues.label(prefix)),
    )
    if action.owner is ActionOwner.OTHER:
        issues.required_text(
            f"{prefix}.owner_detail",
            action.owner_detail,
            words.text("Ansvarig är ”annan”: skriv vem som har rådighet över platsen."),
        )
    walk_date_text = words.text("vandringens datum")
    issues.not_before(f"{prefix}.deadline", action.deadline, walk_date, walk_date_text)
    if action.status is ActionStatus.REJECTED:
        issues.required_text(
            f"{prefix}.rejection_reason",
            action.rejection_reason,
            words.text("En avslagen åtgärd behöver ett skäl; skriv varför den inte genomförs."),
        )
    closed_path = f"{prefix}.closed_on"
    if action.is_closed:
        if action.closed_on is None:
            issues.add(
                closed_path,
                CODE_REQUIRED,
                words.text(
                    "{field} saknas. Åtgärden är {status}: ange vilket datum den avslutades."
                ).format(field=issues.label(closed_path), status=words.label(action.status)),
            )
    elif action.closed_on is not None:
        issues.add(
            closed_path,
            CODE_NOT_ALLOWED,
            words.text(
                "Åtgärden är {status} men har ett datum avslutad ({date}). Ta bort datumet, "
                "eller ändra status till åtgärdad eller avslagen."
            ).format(status=words.label(action.status), date=action.closed_on.isoformat()),
        )
    issues.not_before(closed_path, action.closed_on, walk_date, walk_date_text)
    issues.not_future(
        closed_path,
        action.closed_on,
        today,
        words.text("En åtgärd kan inte avslutas i förväg."),
    )


def _check_observation(
    issues: _Issues,
    observation: ObservationData,
    prefix: str,
    walk_date: dt.date,
    today: dt.date | None,
) -> None:
    words = issues.words
    issues.required_text(
        f"{prefix}.description",
        observation.description,
        words.text("Beskriv vad deltagarna såg, t.ex. Mörk gångtunnel, två lampor trasiga."),
    )
    if observation.action is not None:
        _check_action(issues, observation.action, f"{prefix}.action", walk_date, today)


def validate_safety_walk(
    data: SafetyWalkData, *, today: dt.date | None = None, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of a safety walk with its observations and actions.

    With `today`, a completed walk and a closed action may not be dated after it.
    """
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    if data.status is WalkStatus.COMPLETED:
        issues.not_future(
            "date",
            data.date,
            today,
            words.text(
                "En genomförd vandring kan inte ha ett datum framåt i tiden. Rätta datumet, "
                "eller sätt status till planerad."
            ),
        )
        if data.participants.total == 0:
            issues.add(
                "participants",
                CODE_REQUIRED,
                words.text(
                    "Vandringen är genomförd men har inga deltagare. Ange hur många som deltog i "
                    "varje grupp (antal, aldrig namn)."
                ),
            )
    if data.status is WalkStatus.CANCELLED:
        issues.required_text(
            "cancellation_reason",
            data.cancellation_reason,
            words.text("Skriv varför vandringen ställdes in; det syns i uppföljningen."),
        )
    for f in dataclasses.fields(data.participants):
        issues.count(f"participants.{f.name}", getattr(data.participants, f.name))
    if data.preparatory_meeting_on is not None and data.preparatory_meeting_on > data.date:
        issues.add(
            "preparatory_meeting_on",
            CODE_DATE_ORDER,
            words.text(
                "Förmötet ({meeting}) kan inte vara efter vandringen ({walk}). Rätta något av "
                "datumen."
            ).format(meeting=data.preparatory_meeting_on.isoformat(), walk=data.date.isoformat()),
        )
    issues.not_before(
        "protocol_published_on",
        data.protocol_published_on,
        data.date,
        words.text("vandringens datum"),
    )
    issues.hours_spent("hours_spent", data.hours_spent)
    for index, observation in enumerate(data.observations):
        _check_observation(issues, observation, f"observations[{index}]", data.date, today)
    return issues.finish(data)


def validate_volunteer_deployment(
    data: VolunteerDeploymentData, *, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of a deployment of police volunteers."""
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    _check_shift(issues, data.start_time, data.end_time)
    _check_places(
        issues,
        data.place_ids,
        words.text(
            "Ingen plats är vald. Välj minst en plats där insatsen gjordes; en ny plats kan "
            "läggas till från formuläret."
        ),
    )
    issues.count(
        "volunteers",
        data.volunteers,
        1,
        words.text("Ange hur många volontärer som deltog (antal, inga namn)."),
    )
    override = data.volunteer_hours_override
    # With no valid number of volunteers the upper bound is meaningless; `volunteers` has its
    # own issue then.
    maximum = data.volunteers * _HOURS_PER_DAY if data.volunteers >= 1 else math.inf
    issues.hours(
        "volunteer_hours_override",
        override,
        maximum,
        words.text(
            "{hours} volontärtimmar är fler än {volunteers} volontärer hinner på ett pass (högst "
            "{volunteers} × {hours_per_day} = {maximum} timmar). Rätta timmarna eller antalet "
            "volontärer, eller töm fältet så räknas timmarna som antal volontärer × passets längd."
        ).format(
            hours=issues.number(override or 0),
            volunteers=data.volunteers,
            hours_per_day=_HOURS_PER_DAY,
            maximum=maximum,
        ),
    )
    issues.count("observations_passed", data.observations_passed)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def _check_case_code(issues: _Issues, code: str) -> None:
    if not code:
        return
    words = issues.words
    if _POLICE_CASE_NUMBER.search(code):
        issues.add(
            "case_code",
            CODE_POLICE_CASE_NUMBER,
            words.text(
                "Ärendekoden ser ut som ett ärendenummer hos Polisen eller Åklagarmyndigheten. "
                "Det får inte lagras i Löften. Töm fältet så skapar Löften en egen kod "
                "(t.ex. N-2018-014)."
            ),
        )
    elif not _CASE_CODE.fullmatch(code):
        issues.add(
            "case_code",
            CODE_FORMAT,
            words.text(
                "Ärendekoden ”{code}” har fel form. Den ska se ut som K-2026-014: P, K eller N, "
                "årtal och löpnummer med minst tre siffror. Töm fältet så skapar Löften koden."
            ).format(code=code),
        )


_NOT_UNDER_18_KINDS = (NotificationKind.NOTICE, NotificationKind.CONTACT_OFFER)


def validate_drug_case(
    data: DrugCaseData, *, today: dt.date | None = None, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of a pseudonymous drug case (police part and municipal part).

    With `today`, none of the case's dates may lie after it.
    """
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    _check_case_code(issues, data.case_code)
    for path in ("police_notes", "municipal_notes"):
        if _POLICE_CASE_NUMBER.search(getattr(data, path)):
            issues.add(
                path,
                CODE_POLICE_CASE_NUMBER,
                words.text(
                    "Anteckningen verkar innehålla ett ärendenummer hos Polisen eller "
                    "Åklagarmyndigheten (t.ex. 5000-K123456-18). Det får inte lagras i Löften, "
                    "eftersom det pekar ut personen. Ta bort numret; ärendet har Löftens egen kod."
                ),
            )
    detected = words.text("datum upptäckt")
    for path in ("municipality_notified_on", "first_contact_on", "closed_on"):
        issues.not_before(path, getattr(data, path), data.detected_on, detected)
    happened = words.text("Ange det datum då det faktiskt hände.")
    for path in ("detected_on", "municipality_notified_on", "first_contact_on", "closed_on"):
        issues.not_future(path, getattr(data, path), today, happened)

    if data.municipality_notified_on is not None and data.notification_kind is None:
        issues.add(
            "notification_kind",
            CODE_REQUIRED,
            words.text(
                "Ange hur kommunen underrättades: orosanmälan (under 18 år), underrättelse eller "
                "erbjudande om kontakt."
            ),
        )
    if data.notification_kind is not None and data.municipality_notified_on is None:
        issues.add(
            "municipality_notified_on",
            CODE_REQUIRED,
            words.text(
                "Sättet är angivet ({kind}) men inte när kommunen underrättades. Ange datumet, "
                "eller töm sättet."
            ).format(kind=words.label(data.notification_kind)),
        )
    if data.age_group is AgeGroup.UNDER_18 and data.notification_kind in _NOT_UNDER_18_KINDS:
        issues.add(
            "notification_kind",
            CODE_REPORT_OF_CONCERN,
            words.text(
                "Den som är under 18 år ska anmälas till socialtjänsten med en orosanmälan, inte "
                "med {kind}. Välj orosanmälan, eller rätta åldersgruppen."
            ).format(kind=words.label(data.notification_kind)),
        )

    for path, value in (("support_offered", data.support_offered), ("accepted", data.accepted)):
        if value is not None and data.first_contact_on is None:
            issues.add(
                path,
                CODE_NO_FIRST_CONTACT,
                words.text(
                    "{field} ({value}) är angivet men ingen första kontakt. Ange datum för första "
                    "kontakt, eller töm fältet."
                ).format(field=issues.label(path), value=words.label(value)),
            )

    if data.status is CaseStatus.CLOSED and data.closed_on is None:
        issues.add(
            "closed_on",
            CODE_REQUIRED,
            words.text(
                "Ärendet är avslutat men saknar datum avslutad. Ange datumet, eller sätt status "
                "till pågående."
            ),
        )
    if data.status is CaseStatus.ONGOING and data.closed_on is not None:
        issues.add(
            "closed_on",
            CODE_NOT_ALLOWED,
            words.text(
                "Ärendet är pågående men har datum avslutad ({date}). Sätt status till avslutad, "
                "eller ta bort datumet."
            ).format(date=data.closed_on.isoformat()),
        )
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def validate_other_activity(
    data: OtherActivityData, *, words: Words = SWEDISH
) -> list[ValidationIssue]:
    """Issues of a generic activity."""
    issues = _Issues(words)
    issues.required_id("promise_id", data.promise_id, _promise_hint(words))
    issues.required_text(
        "what",
        data.what,
        words.text("Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8."),
    )
    issues.count("count", data.count)
    issues.hours_spent("hours_spent", data.hours_spent)
    return issues.finish(data)


def with_defaults(data: SafetyWalkData) -> SafetyWalkData:
    """The walk with every action that has no deadline due six months after the walk."""
    default = add_months(data.date, DEFAULT_ACTION_DEADLINE_MONTHS)
    observations = tuple(
        dataclasses.replace(
            observation, action=dataclasses.replace(observation.action, deadline=default)
        )
        if observation.action is not None and observation.action.deadline is None
        else observation
        for observation in data.observations
    )
    return dataclasses.replace(data, observations=observations)
