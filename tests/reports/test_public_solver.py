"""No drug count from 1 to 4 can be worked out from all the public numbers of an agreement read
together (docs/figures.md, rule 5).

The solver here is the test's own: it does not use `reports.privacy`. It reads every public
document of an agreement (the public quarterly report of every quarter and the public follow-up,
as the data the PDFs print), turns each drug text into the set of true values it allows ("färre än
5": 0–4, "visas inte": anything, a number: itself, "N %": a share rounded half up), adds every
identity between the numbers (per period: total = sum of age groups including "uppgift saknas" =
sum of kinds including "uppgift saknas" = notified + not notified = contacted within a day + not;
per cell: a year = its quarters, a year so far = its quarters so far, the agreement = its years),
and then, for every count whose true value is 1–4, searches for another solution that gives it a
different value. None may be forced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from loften_app.domain.enums import (
    AgeGroup,
    DrugCaseKind,
    Measure,
    NotificationKind,
    Organisation,
    PromiseType,
    label,
)
from loften_app.domain.periods import Period, quarters_in, years_in
from loften_app.domain.records import Actor, DrugCaseData
from loften_app.domain.targets import DEFAULT_CONTACT_DAYS
from loften_app.reports.exports import SHEETS
from loften_app.reports.follow_up import FollowUpReport, follow_up_report
from loften_app.reports.quarterly import QuarterlyReport, quarterly_report
from loften_app.storage.database import open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services
from loften_app.storage.services.report_queries import ReportQueries
from loften_app.storage.template import apply_template

ACTOR = Actor("Anna Andersson", Organisation.MUNICIPALITY)
AFTER = dt.date(2019, 3, 1)
AGES = [g.value for g in AgeGroup] + ["missing"]
KINDS = [k.value for k in DrugCaseKind] + ["missing"]
CELLS = (
    ["total", "notified", "not_notified", "within", "not_within"]
    + [f"age:{a}" for a in AGES]
    + [f"kind:{k}" for k in KINDS]
)
AGE_LABELS = {label(g): f"age:{g.value}" for g in AgeGroup} | {"uppgift saknas": "age:missing"}
KIND_LABELS = {label(k): f"kind:{k.value}" for k in DrugCaseKind} | {
    "uppgift saknas": "kind:missing"
}
#: Texts that say nothing about a count.
SILENT = re.compile(r"^(|–|redovisas .*|\d+(,\d)? d|\d+(,\d)? h)$")


class UnmodelledError(AssertionError):
    """A public drug text the solver does not know how to read: a failure, not a pass."""


# --- the solver ---------------------------------------------------------------------------------


class SearchBudgetError(Exception):
    """The search gave up before it found a solution or ran out of them."""


@dataclasses.dataclass
class Share:
    part: str
    whole: str
    percent: int


class Model:
    """Integer unknowns with bounds, equalities sum(left) == sum(right), and rounded shares."""

    def __init__(self, upper: int) -> None:
        self.upper = upper
        self.bounds: dict[str, tuple[int, int]] = {}
        self.equalities: list[tuple[list[str], list[str]]] = []
        self.shares: list[Share] = []

    def var(self, name: str) -> str:
        self.bounds.setdefault(name, (0, self.upper))
        return name

    def narrow(self, name: str, lo: int, hi: int) -> None:
        old = self.bounds[self.var(name)]
        self.bounds[name] = (max(old[0], lo), min(old[1], hi))

    def equal(self, left: Iterable[str], right: Iterable[str]) -> None:
        self.equalities.append(([self.var(n) for n in left], [self.var(n) for n in right]))

    def _index(self) -> None:
        """Each equality as (name, sign) terms, and the equalities and shares of each name."""
        self._terms = [
            [(n, 1) for n in left] + [(n, -1) for n in right] for left, right in self.equalities
        ]
        self._uses: dict[str, list[int]] = {}
        for i, terms in enumerate(self._terms):
            for name, _ in terms:
                self._uses.setdefault(name, []).append(i)
        self._indexed = (len(self.equalities), len(self.shares))

    # Bounds propagation to a fixpoint (a worklist of equalities); None when infeasible.
    def propagate(
        self, bounds: dict[str, tuple[int, int]], changed: str | None = None
    ) -> dict[str, tuple[int, int]] | None:
        """`bounds` narrowed by every constraint; only those of `changed` are looked at first
        when `bounds` were already propagated before that name changed."""
        if getattr(self, "_indexed", None) != (len(self.equalities), len(self.shares)):
            self._index()
        b = dict(bounds)
        pending = set(range(len(self._terms))) if changed is None else set(self._uses[changed])
        shares_due = True
        while pending or shares_due:
            while pending:
                terms = self._terms[pending.pop()]
                # sum(sign * x) == 0: bounds of the whole sum, then of each term without it.
                low = sum(b[n][0] if s > 0 else -b[n][1] for n, s in terms)
                high = sum(b[n][1] if s > 0 else -b[n][0] for n, s in terms)
                if low > 0 or high < 0:
                    return None
                for name, sign in terms:
                    lo, hi = b[name]
                    own_low, own_high = (lo, hi) if sign > 0 else (-hi, -lo)
                    rest_low, rest_high = low - own_low, high - own_high
                    # sign * x == -rest
                    if sign > 0:
                        new = (max(lo, -rest_high), min(hi, -rest_low))
                    else:
                        new = (max(lo, rest_low), min(hi, rest_high))
                    if new[0] > new[1]:
                        return None
                    if new != (lo, hi):
                        b[name] = new
                        low += (new[0] - lo) if sign > 0 else (hi - new[1])
                        high += (new[1] - hi) if sign > 0 else (lo - new[0])
                        pending.update(self._uses.get(name, ()))
                        shares_due = True
            shares_due = False
            for s in self.shares:
                (p_lo, p_hi), (w_lo, w_hi) = b[s.part], b[s.whole]
                # round_half_up(100 p / w) == percent: (percent - .5) w <= 100 p < (percent + .5) w
                lo = max(p_lo, math.ceil((s.percent - 0.5) * w_lo / 100))
                hi = min(p_hi, math.ceil((s.percent + 0.5) * w_hi / 100) - 1)
                if s.percent == 100:
                    hi = min(p_hi, w_hi)
                if lo > hi:
                    return None
                if (lo, hi) != (p_lo, p_hi):
                    b[s.part] = (lo, hi)
                    pending.update(self._uses.get(s.part, ()))
        return b

    def _shares_hold(self, b: dict[str, tuple[int, int]]) -> bool:
        for s in self.shares:
            p, w = b[s.part][0], b[s.whole][0]
            if w == 0 or math.floor(100 * p / w + 0.5) != s.percent:
                return False
        return True

    def feasible(
        self, bounds: dict[str, tuple[int, int]], budget: list[int], changed: str | None = None
    ) -> bool:
        """Whether some integer assignment within `bounds` satisfies everything (depth-first,
        branching on the narrowest open unknown; `budget` limits the nodes). `changed`: the one
        name narrowed since `bounds` were last propagated."""
        b = self.propagate(bounds, changed)
        if b is None:
            return False
        budget[0] -= 1
        if budget[0] < 0:
            raise SearchBudgetError
        open_ = [(hi - lo, n) for n, (lo, hi) in b.items() if lo < hi]
        if not open_:
            return self._shares_hold(b)
        _, name = min(open_)
        lo, hi = b[name]
        middle = (lo + hi) // 2
        return self.feasible({**b, name: (lo, middle)}, budget, name) or self.feasible(
            {**b, name: (middle + 1, hi)}, budget, name
        )


# --- reading the public documents ---------------------------------------------------------------


def cell_name(period: Period, cell: str) -> str:
    return f"{period.start}/{period.end}/{cell}"


def read_text(model: Model, period: Period, cell: str, text: str) -> None:
    """What a reader learns from the public text of one drug count (or count with a share)."""
    text = text.strip()
    name = model.var(cell_name(period, cell))
    if text == "färre än 5":
        model.narrow(name, 0, 4)
    elif text == "visas inte" or SILENT.match(text):
        pass
    elif m := re.fullmatch(r"(\d+)(?: \((\d+) %\))?", text):
        model.narrow(name, int(m[1]), int(m[1]))
        if m[2] is not None:
            model.shares.append(Share(name, cell_name(period, "total"), int(m[2])))
    elif m := re.fullmatch(r"(färre än 5|visas inte) \((\d+) %\)", text):
        read_text(model, period, cell, m[1])
        model.shares.append(Share(name, cell_name(period, "total"), int(m[2])))
    else:
        raise UnmodelledError(f"{cell} {period}: {text!r}")


def read_share(model: Model, period: Period, cell: str, text: str) -> None:
    if m := re.fullmatch(r"(\d+) %", text.strip()):
        model.shares.append(Share(cell_name(period, cell), cell_name(period, "total"), int(m[1])))
    elif not (text.strip() == "visas inte" or SILENT.match(text.strip())):
        raise UnmodelledError(f"share {cell} {period}: {text!r}")


FIGURE_LABELS = {
    "Narkotikaärenden": "total",
    "Kommunen underrättad": "notified",
    f"Kontakt inom {DEFAULT_CONTACT_DAYS} dag": "within",
} | {f"varav {k}": v for k, v in AGE_LABELS.items()}
#: Not counts of drug cases: hours, a median, a drug promise's other activities (information
#: meetings and the like); "Kommunal kontakt" is not modelled and must not appear in public.
IGNORED_LABELS = {
    "Nedlagda timmar",
    "Mediantid till kontakt",
    "Kommunal kontakt",
    "Övriga aktiviteter",
    "Planerad tid",
}


def read_figure(
    model: Model, period: Period, name: str, text: str, *, internal: bool = False
) -> None:
    if name in IGNORED_LABELS:
        if internal:
            return
        if name == "Kommunal kontakt" and not SILENT.match(text) and text != "visas inte":
            raise UnmodelledError(f"{name}: {text!r}")  # a count of contacts is not modelled
        return
    if name not in FIGURE_LABELS:
        if SILENT.match(text) or text == "visas inte":
            return
        raise UnmodelledError(f"{name} {period}: {text!r}")
    cell = FIGURE_LABELS[name]
    if name.startswith("Kontakt inom") and text.endswith("%") and "(" not in text:
        read_share(model, period, cell, text)
    else:
        read_text(model, period, cell, text)


def read_target(
    model: Model, period: Period, measure: Measure, parameter: int | None, text: str
) -> None:
    if measure in (Measure.DRUG_CASES, Measure.RECORD_COUNT):
        read_text(model, period, "total", text)
    elif measure is Measure.DRUG_SHARE_NOTIFIED:
        read_share(model, period, "notified", text)
    elif measure is Measure.DRUG_SHARE_CONTACTED_WITHIN_DAYS and parameter in (None, 1):
        read_share(model, period, "within", text)
    elif not (SILENT.match(text.strip()) or text.strip() == "visas inte"):
        raise UnmodelledError(f"{measure} {period}: {text!r}")


def read_quarterly(model: Model, report: QuarterlyReport, services: Services) -> None:
    q, ytd = report.quarter, report.year_to_date
    internal = not report.header.public
    for section in report.promises:
        if section.type is not PromiseType.DRUGS:
            continue
        for name, q_text, y_text in section.figures:
            read_figure(model, q, name, q_text, internal=internal)
            read_figure(model, ytd, name, y_text, internal=internal)
        targets = drug_targets(services)
        for line in section.targets:
            measure, parameter = targets[line.description]
            read_target(model, q, measure, parameter, line.actual_text)
            read_target(model, ytd, measure, parameter, line.ytd_text)
    for name, text in report.drugs.lines:
        read_figure(model, q, name, text, internal=internal)
    for name, text in report.drugs.age_lines:
        read_text(model, q, AGE_LABELS[name], text)
    for name, text in report.drugs.kind_lines:
        read_text(model, q, KIND_LABELS[name], text)


def read_follow_up(model: Model, report: FollowUpReport, services: Services) -> None:
    span = report.header.period
    targets = drug_targets(services)
    for p in report.promises:
        if p.type is not PromiseType.DRUGS:
            continue
        for name, text in p.figure_lines:
            read_figure(model, span, name, text)
        for line in p.targets:
            measure, parameter = targets[line.description]
            read_target(model, span, measure, parameter, line.actual_text)
        if p.drug_table is not None:
            for name, cell in p.drug_table.ages:
                read_text(model, span, AGE_LABELS[name], cell.text)
            for name, cell in p.drug_table.kinds:
                read_text(model, span, KIND_LABELS[name], cell.text)


def drug_targets(services: Services) -> dict[str, tuple[Measure, int | None]]:
    from loften_app.domain.targets import describe_target

    page = services.targets.list_page(limit=1000)
    return {describe_target(t.data): (t.data.measure, t.data.parameter) for t in page.items}


# --- the model of an agreement ------------------------------------------------------------------


def agreement_periods(span: Period) -> tuple[list[Period], list[Period]]:
    quarters = [Period(max(q.start, span.start), min(q.end, span.end)) for q in quarters_in(span)]
    years = [Period(max(y.start, span.start), min(y.end, span.end)) for y in years_in(span)]
    return quarters, years


def identities(model: Model, span: Period) -> list[Period]:
    quarters, years = agreement_periods(span)
    periods = [*quarters, *years, span]
    for y in years:
        in_year = [q for q in quarters if y.start <= q.start and q.end <= y.end]
        for n in range(2, len(in_year) + 1):
            periods.append(Period(y.start, in_year[n - 1].end))  # year so far
    periods = list(dict.fromkeys(periods))
    for period in periods:
        c = {cell: cell_name(period, cell) for cell in CELLS}
        model.equal([c["total"]], [c[f"age:{a}"] for a in AGES])
        model.equal([c["total"]], [c[f"kind:{k}"] for k in KINDS])
        model.equal([c["total"]], [c["notified"], c["not_notified"]])
        model.equal([c["total"]], [c["within"], c["not_within"]])
        parts = [q for q in quarters if period.start <= q.start and q.end <= period.end]
        if parts != [period]:
            for cell in CELLS:
                model.equal([cell_name(period, cell)], [cell_name(q, cell) for q in parts])
    return periods


def true_values(services: Services, periods: list[Period]) -> dict[str, int]:
    """The real counts of every cell (from the internal figures), to check the model against."""
    agreement = services.agreements.current()
    assert agreement is not None
    drugs = [
        p.id
        for p in services.promises.for_agreement(agreement.id)
        if p.data.type is PromiseType.DRUGS
    ]
    queries = ReportQueries(services.database)
    values: dict[str, int] = {}
    for period in periods:
        f = services.figures.period_figures(period=period, promise_ids=drugs, as_of=AFTER)
        total = sum(x.drug_cases for x in f.values())
        notified = sum(x.drug_cases_notified for x in f.values())
        within = sum(
            n for x in f.values() for d, n in x.contact_days.items() if d <= DEFAULT_CONTACT_DAYS
        )
        kinds = queries.drug_cases_by_kind(period=period, promise_ids=drugs)
        cells = {
            "total": total,
            "notified": notified,
            "not_notified": total - notified,
            "within": within,
            "not_within": total - within,
            "age:missing": sum(x.drug_cases_age_missing for x in f.values()),
            "kind:missing": kinds.get(None, (0, 0))[0],
        }
        for g in AgeGroup:
            cells[f"age:{g.value}"] = sum(x.drug_cases_by_age.get(g, 0) for x in f.values())
        for k in DrugCaseKind:
            cells[f"kind:{k.value}"] = kinds.get(k, (0, 0))[0]
        for cell, value in cells.items():
            values[cell_name(period, cell)] = value
    return values


def forced_small_counts(services: Services, *, public: bool = True) -> list[str]:
    """Every count from 1 to 4 that the public documents of the agreement pin down (with
    `public=False`: the internal ones, which show everything, to check the solver)."""
    agreement = services.agreements.current()
    assert agreement is not None
    span = Period(agreement.data.period_start, agreement.data.period_end)
    truth_total = sum(
        1
        for _ in ReportQueries(services.database).export_query(
            next(sheet for sheet in SHEETS if sheet.key == "drug_case").query, period=span
        )
    )
    model = Model(upper=max(truth_total, 1))
    periods = identities(model, span)
    for q in quarters_in(span):
        read_quarterly(
            model, quarterly_report(services, q, made_by="x", today=AFTER, public=public), services
        )
    if public:
        read_follow_up(
            model, follow_up_report(services, made_by="x", today=AFTER, public=True), services
        )
    truth = true_values(services, periods)
    assert set(truth) <= set(model.bounds)
    for name, value in truth.items():
        lo, hi = model.bounds[name]
        assert lo <= value <= hi, (name, value, (lo, hi))  # the reading is true to the data
    start = model.propagate(model.bounds)
    assert start is not None
    forced: list[str] = []
    for name, value in truth.items():
        if not 0 < value < 5:
            continue
        lo, hi = start[name]
        if lo == hi:
            forced.append(f"{name} = {value}")
            continue
        # Another value on either side is a witness that the count is not forced.
        inconclusive = False
        for side in ((lo, value - 1), (value + 1, hi)):
            if side[0] > side[1]:
                continue
            try:
                if model.feasible({**start, name: side}, [5_000], name):
                    break
            except SearchBudgetError:
                inconclusive = True
        else:
            assert not inconclusive, f"{name}: the search could not decide"
            forced.append(f"{name} = {value}")
    return forced


# --- the solver itself finds what the old rules gave away ---------------------------------------


def test_the_solver_finds_a_count_pinned_by_a_year_so_far_difference() -> None:
    # The example: Q4 18–25 = 15 − 14 = 1 from two year-so-far columns.
    model = Model(upper=60)
    a, b, c = "q1_3", "q4", "q1_4"
    model.equal([c], [a, b])
    model.narrow(a, 14, 14)
    model.narrow(c, 15, 15)
    model.narrow(b, 0, 4)  # "färre än 5"
    start = model.propagate(model.bounds)
    assert start is not None and start[b] == (1, 1)
    # ... and one that a 5 + 1 split gives away when only the total and the 5 are shown.
    split = Model(upper=60)
    split.equal(["t"], ["x", "y"])
    split.narrow("t", 6, 6)
    split.narrow("x", 5, 5)
    split.narrow("y", 0, 4)
    assert split.propagate(split.bounds) == {"t": (6, 6), "x": (5, 5), "y": (1, 1)}
    # A rounded share with both counts shown elsewhere: 27 of 30 (90 %) gives 3 not notified.
    share = Model(upper=60)
    share.equal(["t"], ["n", "r"])
    share.narrow("t", 30, 30)
    share.shares.append(Share("n", "t", 90))
    bounds = share.propagate(share.bounds)
    assert bounds is not None and bounds["r"] == (3, 3)


# --- the public documents of real agreements ----------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path: Path = tmp_path_factory.mktemp("solver") / "demo.db"
    with open_database(path) as database:
        fill_demo_data(database, ACTOR, DemoOptions(year=2017))
        fill_demo_data(database, ACTOR, DemoOptions(year=2018))
        yield Services.build(database, ACTOR)


def test_no_count_from_one_to_four_is_derivable_from_the_demo_agreement(demo: Services) -> None:
    assert forced_small_counts(demo) == []


def test_the_solver_pins_the_small_counts_of_the_internal_reports(demo: Services) -> None:
    # The internal quarterly reports show every count: the solver must find the small ones of
    # the quarters, and of the years so far and years that they add up to.
    forced = forced_small_counts(demo, public=False)
    assert any("/2018-12-31/" in f for f in forced)
    assert len(forced) > 20


def test_public_documents_name_the_organisations_not_the_person(demo: Services) -> None:
    public = follow_up_report(demo, made_by=ACTOR.name, today=AFTER, public=True)
    assert ACTOR.name not in public.header.made_text
    assert public.header.municipality in public.header.made_text
    internal = follow_up_report(demo, made_by=ACTOR.name, today=AFTER)
    assert ACTOR.name in internal.header.made_text


def crafted(tmp_path: Path, cases: list[dict[str, object]]) -> Iterator[Services]:
    with open_database(tmp_path / "crafted.db") as database:
        services = Services.build(database, ACTOR)
        apply_template(services, "filipstad-2017-2018")
        agreement = services.agreements.current()
        assert agreement is not None
        drugs = next(
            p.id
            for p in services.promises.for_agreement(agreement.id)
            if p.data.type is PromiseType.DRUGS
        )
        missing_age: list[str] = []
        missing_kind: list[str] = []
        for case in cases:
            on = case["on"]
            assert isinstance(on, dt.date)
            age = case.get("age", AgeGroup.AGE_18_25)
            notified = bool(case.get("notified", True))
            contact = case.get("contact")
            stored = services.drug_cases.add(
                data=DrugCaseData(
                    promise_id=drugs,
                    detected_on=on,
                    age_group=age if isinstance(age, AgeGroup) else AgeGroup.AGE_18_25,
                    kind=case.get("kind", DrugCaseKind.POSSESSION),  # type: ignore[arg-type]
                    municipality_notified_on=on if notified else None,
                    notification_kind=(
                        NotificationKind.REPORT_OF_CONCERN
                        if age is AgeGroup.UNDER_18
                        else NotificationKind.NOTICE
                    )
                    if notified
                    else None,
                    first_contact_on=None
                    if contact is None
                    else on + dt.timedelta(days=int(contact)),  # type: ignore[call-overload]
                )
            )
            if age is None:
                missing_age.append(stored.id)
            if case.get("kind", 0) is None:
                missing_kind.append(stored.id)
        with database.writing() as session:
            from sqlalchemy import text

            for case_id in missing_age:
                session.execute(
                    text("UPDATE drug_case SET age_group = NULL WHERE id = :id"), {"id": case_id}
                )
            for case_id in missing_kind:
                session.execute(
                    text("UPDATE drug_case SET kind = NULL WHERE id = :id"), {"id": case_id}
                )
            # Written past the services: the stored totals are counted again, as
            # `loften check --rebuild-totals` does.
            from loften_app.storage import totals

            totals.rebuild(session)
        yield Services.build(database, ACTOR)


D = dt.date


def spread(n: int, start: D, **rest: object) -> list[dict[str, object]]:
    return [{"on": start + dt.timedelta(days=7 * i), **rest} for i in range(n)]


CRAFTED: dict[str, list[dict[str, object]]] = {
    "one case in a quarter": [{"on": D(2018, 5, 3), "contact": 0}],
    "every cell from 1 to 4": [
        {"on": D(2017, 2, 1), "age": AgeGroup.UNDER_18, "kind": DrugCaseKind.OWN_USE},
        {"on": D(2017, 8, 1), "age": AgeGroup.AGE_18_25, "kind": DrugCaseKind.POSSESSION},
        {"on": D(2017, 9, 1), "age": AgeGroup.AGE_18_25, "kind": DrugCaseKind.POSSESSION},
        {"on": D(2018, 1, 9), "age": AgeGroup.AGE_26_PLUS, "kind": DrugCaseKind.SUPPLY},
        {"on": D(2018, 4, 9), "age": AgeGroup.AGE_26_PLUS, "kind": DrugCaseKind.SUPPLY},
        {"on": D(2018, 6, 9), "age": AgeGroup.AGE_26_PLUS, "kind": DrugCaseKind.DRIVING},
        {"on": D(2018, 7, 9), "age": None, "kind": DrugCaseKind.DRIVING, "notified": False},
        {"on": D(2018, 10, 9), "age": AgeGroup.UNDER_18, "kind": None, "contact": 1},
        {"on": D(2018, 11, 9), "age": AgeGroup.UNDER_18, "kind": DrugCaseKind.OTHER},
    ],
    "a 5 + 1 split": [
        *spread(5, D(2018, 2, 1), age=AgeGroup.UNDER_18, kind=DrugCaseKind.OWN_USE, contact=0),
        {"on": D(2018, 11, 20), "age": AgeGroup.AGE_26_PLUS, "notified": False},
    ],
    "every quarter 1 to 4, some 5s": [
        *(
            c
            for n, q in enumerate(quarters_in(Period(D(2017, 1, 1), D(2018, 12, 31))))
            for c in spread(
                n % 4 + 1 if n != 5 else 5, q.start + dt.timedelta(days=3), contact=n % 3
            )
        ),
    ],
}


@pytest.mark.parametrize("name", list(CRAFTED))
def test_no_count_from_one_to_four_is_derivable_from_crafted_data(
    tmp_path: Path, name: str
) -> None:
    for services in crafted(tmp_path, CRAFTED[name]):
        assert forced_small_counts(services) == []
