"""The drug-case figure lines of every report, and the drug-case figures of a public document
(docs/figures.md, rule 5): one table per drug promise, for the whole agreement period, in the
public follow-up of an ended agreement only.

`drug_figure_lines` writes the lines of a report, internal or public, in one place.
`public_drug_table` turns a promise's figures into the public table through `privacy.suppress`;
the public quarterly reports say `IN_FOLLOW_UP` and an unfinished follow-up `NOT_YET` instead of
any drug number.
"""

from __future__ import annotations

from dataclasses import dataclass

from loften_app.domain.enums import AgeGroup, DrugCaseKind, Measure, label
from loften_app.domain.targets import DEFAULT_CONTACT_DAYS, SWEDISH, Words
from loften_app.reports import privacy
from loften_app.reports.privacy import Cell, Shown
from loften_app.storage.figure_sql import PromiseFigures

__all__ = [
    "IN_FOLLOW_UP",
    "MISSING",
    "NOT_YET",
    "PublicDrugTable",
    "drug_figure_lines",
    "public_drug_table",
]

#: Where a public quarterly report sends the reader for drug figures.
IN_FOLLOW_UP = "redovisas i uppföljningen"
#: What a public follow-up says while the agreement period runs.
NOT_YET = "redovisas när perioden är slut"
#: The label of cases whose age group or kind is not given.
MISSING = "uppgift saknas"


@dataclass(frozen=True)
class PublicDrugTable:
    """A drug promise's public figures: every text already follows rule 5."""

    total: Cell
    #: (label, cell) per age group and per kind, "uppgift saknas" last.
    ages: tuple[tuple[str, Cell], ...]
    kinds: tuple[tuple[str, Cell], ...]
    notified: Cell
    not_notified: Cell
    within: Cell
    not_within: Cell
    median: str

    @property
    def lines(self) -> tuple[tuple[str, str], ...]:
        """(label, text) of the summary lines: total, notified, contact within a day, median."""
        return (
            ("Narkotikaärenden", self.total.text),
            ("Kommunen underrättad", self._with_share(self.notified)),
            (f"Kontakt inom {DEFAULT_CONTACT_DAYS} dag", self._with_share(self.within)),
            ("Mediantid till kontakt", self.median),
        )

    def _with_share(self, part: Cell) -> str:
        percent = privacy.public_share_text(part, self.total)
        return part.text if percent == privacy.HIDDEN else f"{part.text} ({percent})"

    def measure_text(self, measure: Measure, parameter: int | None) -> tuple[str, bool]:
        """A drug target's actual value in public, and whether it is exact (then its status may
        be shown: it says nothing the value does not)."""
        if measure is Measure.DRUG_CASES or measure is Measure.RECORD_COUNT:
            return self.total.text, self.total.shown is Shown.EXACT
        if measure is Measure.DRUG_SHARE_NOTIFIED:
            text = privacy.public_share_text(self.notified, self.total)
            return text, text != privacy.HIDDEN
        if measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS and parameter in (
            None,
            DEFAULT_CONTACT_DAYS,
        ):
            text = privacy.public_share_text(self.within, self.total)
            return text, text != privacy.HIDDEN
        if measure is Measure.DRUG_MEDIAN_DAYS_TO_CONTACT:
            return self.median, self.median != privacy.HIDDEN
        return privacy.HIDDEN, False


def public_drug_table(
    f: PromiseFigures, by_kind: dict[DrugCaseKind | None, int]
) -> PublicDrugTable:
    """The public table of one drug promise's figures over the whole agreement period."""
    total = f.drug_cases
    ages = [f.drug_cases_by_age.get(g, 0) for g in AgeGroup]
    ages.append(f.drug_cases_age_missing)
    kinds = [by_kind.get(k, 0) for k in DrugCaseKind]
    kinds.append(by_kind.get(None, 0))
    within = sum(n for d, n in f.contact_days.items() if d <= DEFAULT_CONTACT_DAYS)
    notified = f.drug_cases_notified
    head, (age_cells, kind_cells, notified_cells, within_cells) = privacy.suppress(
        total,
        [
            [(n, True) for n in ages],
            [(n, True) for n in kinds],
            [(notified, True), (total - notified, False)],
            [(within, True), (total - within, False)],
        ],
    )
    age_labels = [label(g) for g in AgeGroup] + [MISSING]
    kind_labels = [label(k) for k in DrugCaseKind] + [MISSING]
    return PublicDrugTable(
        total=head,
        ages=tuple(zip(age_labels, age_cells, strict=True)),
        kinds=tuple(zip(kind_labels, kind_cells, strict=True)),
        notified=notified_cells[0],
        not_notified=notified_cells[1],
        within=within_cells[0],
        not_within=within_cells[1],
        median=privacy.public_median_text(f.contact_days),
    )


def drug_figure_lines(
    f: PromiseFigures,
    *,
    public: bool,
    table: PublicDrugTable | None = None,
    in_public: str = IN_FOLLOW_UP,
    section: bool = False,
    words: Words = SWEDISH,
) -> list[tuple[str, str]]:
    """(label, value) of the drug-case figures of a report: the one place that decides what a
    report, the overview's cards and `loften status` show of them (docs/figures.md, rule 5).

    In public: the lines of the public `table` (the follow-up of an ended agreement), or else a
    single line that says where they are published (`in_public`). Internal: the count, the
    municipality notified, the first contact within a day and the median days to it (with small
    counts masked by `privacy`); a promise's figures (`section` False) add a line per age group,
    the quarterly report's drug section (`section` True) the municipal contacts and the contacts
    within a day as counts (its ages have a table of their own). Internal lines are in the
    language of `words` (the overview's cards); public ones are Swedish."""
    if public:
        if table is not None:
            return list(table.lines)
        return [("Narkotikaärenden", in_public)]
    within = sum(n for d, n in f.contact_days.items() if d <= DEFAULT_CONTACT_DAYS)
    within_label = words.text("Kontakt inom {days} dag").format(days=DEFAULT_CONTACT_DAYS)
    lines = [(words.text("Narkotikaärenden"), privacy.count_text(f.drug_cases))]
    if not section:
        of = words.text("varav {group}")
        lines += [
            (of.format(group=words.label(g)), str(f.drug_cases_by_age.get(g, 0))) for g in AgeGroup
        ]
        if f.drug_cases_age_missing:
            lines.append(
                (of.format(group=words.text("uppgift saknas")), str(f.drug_cases_age_missing))
            )
    lines.append(
        (
            words.text("Kommunen underrättad"),
            privacy.count_with_share(f.drug_cases_notified, f.drug_cases, words=words),
        )
    )
    if section:
        contacted = sum(f.contact_days.values())
        lines += [
            (
                words.text("Kommunal kontakt"),
                privacy.count_with_share(contacted, f.drug_cases, words=words),
            ),
            (within_label, privacy.count_with_share(within, f.drug_cases, words=words)),
        ]
    else:
        lines.append((within_label, privacy.share_text(within, f.drug_cases, words=words)))
    lines.append(
        (words.text("Mediantid till kontakt"), privacy.median_text(f.contact_days, words=words))
    )
    return lines
