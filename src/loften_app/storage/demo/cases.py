"""Drug cases: the police part (detection, outcome) and the municipal part (contact, support)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from loften_app.domain.enums import (
    Accepted,
    AgeGroup,
    CaseStatus,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    NotificationKind,
    SupportOffered,
)
from loften_app.domain.records import DrugCaseData
from loften_app.storage.demo.common import (
    POLICE,
    SOCIAL_SERVICES,
    Pair,
    Pick,
    at,
    half_hours,
    maybe,
    meta,
    named,
    time_on,
)
from loften_app.storage.demo.year import DemoRecords, DemoYear
from loften_app.storage.services.activities import case_code

_AGE_GROUPS = named(AgeGroup, UNDER_18=40, AGE_18_25=40, AGE_26_PLUS=20)
#: By whether the person is under 18.
_KINDS = {
    True: named(DrugCaseKind, OWN_USE=50, POSSESSION=35, SUPPLY=8, DRIVING=2, OTHER=5),
    False: named(DrugCaseKind, OWN_USE=35, POSSESSION=28, SUPPLY=12, DRIVING=20, OTHER=5),
}
_SUPPORT = {
    True: named(SupportOffered, TALK=35, SSPF=30, OUTPATIENT=25, OTHER=5, NONE=5),
    False: named(SupportOffered, TALK=30, OUTPATIENT=30, TREATMENT=20, OTHER=5, NONE=15),
}
_DETECTION = named(DetectionMethod, CHECK=45, SURVEILLANCE=20, TIP=30, OTHER=5)
_OUTCOMES = named(
    LegalOutcome,
    UNDER_INVESTIGATION=15,
    REPORTED=20,
    SUMMARY_FINE=30,
    PROSECUTED=20,
    DISCONTINUED=15,
)
_NOTIFY_DELAY = Pick([(0, 50), (1, 30), (2, 10), (3, 5), (5, 5)])
_CONTACT_DELAY = Pick([((0, 1), 45), ((2, 7), 30), ((8, 30), 25)])
_ACCEPTED = named(Accepted, YES=60, NO=25, UNKNOWN=15)


def drug_cases(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """About 30 cases per unit, in order of detection, so that their codes (N-2018-001, ...)
    follow it; numbering starts at `year.first_case`."""
    rng = year.options.rng("drugs")
    texts = year.content
    count = year.total(rng, 27, 33)
    for index in range(count):
        # Stratified over the year: every quarter gets its share, and the days come in order.
        day = year.start + dt.timedelta(days=int((index + rng.random()) * year.days / count))
        if day > year.happened_by:  # in order of detection: the rest are after today too
            break
        young = (age := _AGE_GROUPS(rng)) is AgeGroup.UNDER_18
        notified_on = notification = None
        if rng.random() < 0.88:
            notified_on = day + dt.timedelta(days=_NOTIFY_DELAY(rng))
            if notified_on > year.happened_by:
                notified_on = None
            elif young:
                notification = NotificationKind.REPORT_OF_CONCERN
            elif rng.random() < 0.6:
                notification = NotificationKind.NOTICE
            else:
                notification = NotificationKind.CONTACT_OFFER
        first_contact = support = accepted = closed_on = None
        if notified_on is not None and rng.random() < 0.8:
            first_contact = max(notified_on, year.days_after(rng, day, *_CONTACT_DELAY(rng)))
            if first_contact > year.happened_by:
                first_contact = None
        if first_contact is not None:
            support = _SUPPORT[young](rng)
            accepted = None if support is SupportOffered.NONE else _ACCEPTED(rng)
            if rng.random() < 0.45:
                closed_on = year.days_after(rng, first_contact, 14, 150)
                closed_on = closed_on if closed_on <= year.happened_by else None
        recent = (year.end - day).days < 30
        data = DrugCaseData(
            promise_id=promise_id,
            detected_on=day,
            age_group=age,
            kind=_KINDS[young](rng),
            case_code=case_code(
                year.options.year, year.first_case + index, year.options.case_prefix
            ),
            place_id=year.place(rng) if rng.random() < 0.85 else None,
            detection_method=_DETECTION(rng),
            legal_outcome=LegalOutcome.UNDER_INVESTIGATION
            if recent and rng.random() < 0.7
            else _OUTCOMES(rng),
            municipality_notified_on=notified_on,
            notification_kind=notification,
            police_notes=maybe(rng, 0.4, texts.police_notes),
            first_contact_on=first_contact,
            support_offered=support,
            accepted=accepted,
            status=CaseStatus.CLOSED if closed_on else CaseStatus.ONGOING,
            closed_on=closed_on,
            municipal_notes=maybe(rng, 0.4, texts.municipal_notes) if first_contact else "",
            hours_spent=half_hours(rng.uniform(2, 12)) if rng.random() < 0.3 else None,
        )
        entered = time_on(rng, year.days_after(rng, day, 0, 1), 8, hours=3)
        followed_up = None
        if not year.options.makes("municipality"):  # the police's file: its own part only
            first_contact = None
            data = dataclasses.replace(
                data,
                first_contact_on=None,
                support_offered=None,
                accepted=None,
                closed_on=None,
                status=CaseStatus.ONGOING,
                municipal_notes="",
                hours_spent=None,
            )
        if first_contact is not None:
            followed_up = max(at(closed_on or first_contact, 13), entered + dt.timedelta(hours=4))
        yield meta(rng, POLICE, entered, updated=followed_up, updated_by=SOCIAL_SERVICES), data


DRUG_CASE_DEMO = DemoRecords("Narkotikaärenden", "police", drug_cases)
