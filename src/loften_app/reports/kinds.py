"""Every activity kind as the reports show it: its figure lines, its chart series and its name.

Keyed by the record kind's key (`loften_app.domain.kinds`). The target engine's main figures of
a promise, the quarterly report's monthly series and the names of records in the internal lists
are built from `REPORT_KINDS`. A kind whose figures are generic (`storage.kinds.FlatFigures`)
names its lines by measure (`measure_lines`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from loften_app.domain import kinds as domain_kinds
from loften_app.domain.enums import (
    Measure,
    NeighbourhoodMeeting,
    Organisation,
    PromiseType,
)
from loften_app.domain.targets import (
    DEFAULT_CONTACT_DAYS,
    SWEDISH,
    Words,
    format_number,
    share,
)
from loften_app.reports.public_drugs import drug_figure_lines
from loften_app.reports.sheet import _D, _DT, _I, _N, _T, Sheet, _enum, _yes_no, sheet
from loften_app.storage.export_sql import PROMISE_SQL, places_sql
from loften_app.storage.figure_sql import PromiseFigures

#: (label, value) lines of a promise's main figures, in the language of `words`.
Lines = Callable[[PromiseFigures, Words], list[tuple[str, str]]]


def contacted_within(f: PromiseFigures, parameter: int | None) -> float | None:
    """Percent of all the period's cases with a first contact within the days given."""
    days = DEFAULT_CONTACT_DAYS if parameter is None else parameter
    within = sum(n for d, n in f.contact_days.items() if d <= days)
    return share(within, f.drug_cases)


def _number(value: float, words: Words) -> str:
    return format_number(value, words=words)


def _count_share(part: int, whole: int, words: Words) -> str:
    percent = share(part, whole)
    if percent is None:
        return f"{part}"
    return f"{part} ({format_number(percent, 0, words=words)} %)"


def _hours(f: PromiseFigures, words: Words) -> tuple[str, str]:
    return (words.text("Nedlagda timmar"), f"{_number(f.hours_spent, words)} h")


def _patrol_lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
    return [
        (words.text("Patrullpass"), _number(f.patrols, words)),
        (words.text("Butiksbesök"), _number(f.shop_visits, words)),
        (words.text("Timmar närvaro"), f"{_number(f.patrol_hours, words)} h"),
        (words.text("varav kväll och natt"), f"{_number(f.patrol_hours_evening_night, words)} h"),
        _hours(f, words),
    ]


def _walk_lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
    next_walk = ""
    if f.next_planned_walk is not None:
        next_walk = words.text(" (nästa {date})").format(date=f.next_planned_walk.isoformat())
    return [
        (words.text("Genomförda trygghetsvandringar"), _number(f.walks_completed, words)),
        # Planned walks after the judging date are not records yet (they count nowhere else):
        # in a running period the line shows those still ahead, as the forecast does.
        (words.text("Planerade"), f"{max(f.walks_planned, f.walks_planned_ahead)}{next_walk}"),
        (words.text("Inställda"), _number(f.walks_cancelled, words)),
        (words.text("Öppna åtgärder"), _number(f.actions_open, words)),
        (words.text("varav försenade"), _number(f.actions_overdue, words)),
        _hours(f, words),
    ]


def _volunteer_lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
    return [
        (words.text("Volontärinsatser"), _number(f.deployments, words)),
        (words.text("Volontärtimmar"), f"{_number(f.volunteer_hours, words)} h"),
        (
            words.text("I samråd med kommunen"),
            _count_share(f.deployments_with_municipality, f.deployments, words),
        ),
        (
            words.text("I samråd med näringslivet"),
            _count_share(f.deployments_with_business, f.deployments, words),
        ),
        _hours(f, words),
    ]


def _drug_lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
    return [*drug_figure_lines(f, public=False, words=words), _hours(f, words)]


def _record_lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
    return [(words.text("Aktiviteter"), _number(f.records, words)), _hours(f, words)]


def measure_lines(key: str, title: Callable[[Words], str], measures: tuple[Measure, ...]) -> Lines:
    """Lines of the kind `key` with generic figures: `title(words)` (a literal `words.text`)
    with its number of records, one line per measure (its label and its sum), then the hours
    spent."""

    def lines(f: PromiseFigures, words: Words) -> list[tuple[str, str]]:
        result = [(title(words), _number(f.kind_records.get(key, 0), words))]
        for measure in measures:
            name = words.label(measure)
            result.append(
                (name[:1].upper() + name[1:], _number(f.sums.get(measure.value, 0), words))
            )
        return [*result, _hours(f, words)]

    return lines


@dataclass(frozen=True)
class ReportKind:
    """One activity kind in the reports."""

    key: str
    lines: Lines
    #: The title of its series in the quarterly report's monthly chart.
    series_title: str
    #: Its export sheet, every column declared once (`reports.sheet.sheet`); None: the kind's
    #: sheet is one of the hand-made ones in `reports.exports`.
    export: Sheet | None = None

    @property
    def domain(self) -> domain_kinds.Kind:
        return domain_kinds.KIND_BY_KEY[self.key]

    @property
    def name(self) -> str:
        """One record's name in a list ("Patrullpass")."""
        noun = self.domain.noun
        return noun[:1].upper() + noun[1:]

    @property
    def promise_type(self) -> PromiseType | None:
        """The promise type it counts for (None: other activities, which any promise has)."""
        kind = self.domain.promise_type
        return None if kind is PromiseType.OTHER else kind


REPORT_KINDS: tuple[ReportKind, ...] = (
    ReportKind("patrol", _patrol_lines, "Patrullpass"),
    ReportKind("safety_walk", _walk_lines, "Genomförda trygghetsvandringar"),
    ReportKind("volunteer_deployment", _volunteer_lines, "Volontärinsatser"),
    ReportKind("drug_case", _drug_lines, "Narkotikaärenden"),
    ReportKind("other_activity", _record_lines, "Övriga aktiviteter"),
    ReportKind(
        "neighbourhood_watch",
        measure_lines(
            "neighbourhood_watch",
            lambda words: words.text("Grannsamverkansträffar"),
            (Measure.HOUSEHOLDS_REACHED, Measure.NEW_GROUPS),
        ),
        "Grannsamverkansträffar",
        sheet(
            "neighbourhood_watch",
            "Grannsamverkan",
            "grannsamverkan",
            source="neighbourhood_watch AS t",
            date_column="t.date",
            order="t.date, t.id",
            columns=(
                ("Id", "t.id", _T, 12),
                ("Löfte", PROMISE_SQL, _I, 7),
                ("Datum", "t.date", _D, 11),
                ("Typ av träff", "t.meeting", _enum(NeighbourhoodMeeting), 16),
                ("Område", places_sql("neighbourhood_watch_place", "meeting_id"), _T, 28),
                ("Nådda hushåll", "t.households_reached", _I, 10),
                ("Nya grupper", "t.new_groups", _I, 10),
                ("Deltagare", "t.participants", _I, 10),
                ("Med Polisen", "t.with_police", _yes_no, 10),
                ("Med kommunen", "t.with_municipality", _yes_no, 10),
                ("Med fastighetsägare", "t.with_landlord", _yes_no, 12),
                ("Med förening", "t.with_association", _yes_no, 10),
                ("Nedlagda timmar", "t.hours_spent", _N, 10),
                ("Anteckningar", "t.notes", _T, 40),
                ("Registrerad av", "t.organisation", _enum(Organisation), 12),
                ("Ändrad (UTC)", "t.updated_at", _DT, 17),
                ("Ändrad av", "t.updated_by", _T, 18),
            ),
        ),
    ),
)

REPORT_KIND_BY_KEY: dict[str, ReportKind] = {kind.key: kind for kind in REPORT_KINDS}
#: The sheets that kinds declare themselves, in the kinds' order.
KIND_SHEETS: tuple[Sheet, ...] = tuple(k.export for k in REPORT_KINDS if k.export is not None)
#: The name of one record of each kind, by its table ("Patrullpass").
RECORD_NAMES: dict[str, str] = {kind.key: kind.name for kind in REPORT_KINDS}


def main_figures(
    promise_type: PromiseType, f: PromiseFigures, *, words: Words = SWEDISH
) -> list[tuple[str, str]]:
    """The figures shown for a promise of `promise_type`, with or without targets."""
    kind = domain_kinds.KIND_OF_TYPE.get(promise_type)
    report = REPORT_KIND_BY_KEY.get(kind.key) if kind is not None else None
    return (report.lines if report is not None else _record_lines)(f, words)
