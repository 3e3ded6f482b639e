"""Bringing in records kept in Excel: the layout `loften export` writes, read back.

`preview_import` reads a workbook or CSV folder (`reports.sheet_reading`), checks every row as
the form would (the domain validation, the personnummer guard included) and plans what it would
add; `apply_import` writes that plan in one transaction after a backup
(`storage.import_writer`). Nothing is written unless every row passes.

- Sheets read: Patrullpass with Butiksbesök, Trygghetsvandringar with Iakttagelser och åtgärder,
  Volontärinsatser, Narkotikaärenden, Övriga aktiviteter. Löften, Mål and Indikatorvärden are
  registers, kept in the window, and a sheet that a record kind declares itself (Grannsamverkan)
  has no import yet; they are listed as not read.
- Identity: a row whose Id is a record id (a UUID, as the export writes) is that record. Any
  other row gets an id derived from its sheet and its cells (its Id text included, which child
  rows refer to, such as "p1"), so the same row always gives the same id. A record whose id is
  in the database already (or, for a drug case, whose code is) is left as it is: importing a
  file twice adds nothing, and an import never changes or deletes a record.
- Promises: "Löfte" is the promise's number in the agreement in force on the record's date (a
  record belongs to that agreement); empty means the agreement's first promise of the record's
  type. A date when no agreement is in force is a problem of that row.
- Places and shops are matched by name (case and blanks ignored); an unknown one is added, and
  the preview lists it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loften_app.domain.enums import PromiseType, label
from loften_app.domain.errors import ErrorText, LoftenError, ValidationIssue, error_text
from loften_app.domain.records import (
    ActionData,
    DrugCaseData,
    ObservationData,
    OtherActivityData,
    Participants,
    PatrolData,
    PlaceData,
    SafetyWalkData,
    ShopData,
    ShopVisitData,
    VolunteerDeploymentData,
)
from loften_app.domain.validation import validate, with_defaults
from loften_app.reports.exports import SHEETS, Sheet
from loften_app.reports.sheet_reading import CellError, SheetRows, column_letter, parse_cell
from loften_app.reports.sheet_reading import read_source as _read_source
from loften_app.storage.bulk import collection_paused
from loften_app.storage.import_lookup import (
    ImportLookup,
    existing_case_codes,
    existing_ids,
    load_lookup,
    name_key,
)
from loften_app.storage.import_writer import ImportBatch, ImportWritten, write_import
from loften_app.storage.services import Services

__all__ = ["ImportPreview", "ImportProblem", "apply_import", "preview_import"]

#: Record sheets in writing order, their data class, date field and promise type.
_RECORDS: dict[str, tuple[type, str, PromiseType | None]] = {
    "patrol": (PatrolData, "date", PromiseType.PATROL),
    "safety_walk": (SafetyWalkData, "date", PromiseType.SAFETY_WALK),
    "volunteer_deployment": (VolunteerDeploymentData, "date", PromiseType.VOLUNTEERS),
    "drug_case": (DrugCaseData, "detected_on", PromiseType.DRUGS),
    "other_activity": (OtherActivityData, "date", None),
}
#: Child sheets and the record sheet their rows belong to.
_CHILDREN = {"shop_visit": "patrol", "observation": "safety_walk"}
_CHILD_FIELD = {"patrol": "shop_visits", "safety_walk": "observations"}
#: Namespace of the ids derived from a row's cells.
_NAMESPACE = uuid.UUID("6a1f3b9e-2f57-4c38-9d0b-1f0e7c2a5d41")
_SHEET = {sheet.key: sheet for sheet in SHEETS}


@dataclass(frozen=True)
class ImportProblem:
    """One problem of the file: where (sheet or CSV file, row, column) and what (`text`, whose
    `message` is Swedish; the window renders it in the user's language)."""

    sheet: str
    row: int
    column: str
    text: ErrorText

    @property
    def message(self) -> str:
        return self.text.render()

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """Where and what, through `translate` (Swedish without it)."""
        if self.column:
            where = error_text(
                "import.problem_in_column",
                "{sheet}, rad {row}, kolumn {column}: {message}",
                sheet=self.sheet,
                row=self.row,
                column=self.column,
                message=self.text,
            )
        else:
            where = error_text(
                "import.problem_in_row",
                "{sheet}, rad {row}: {message}",
                sheet=self.sheet,
                row=self.row,
                message=self.text,
            )
        return where.render() if translate is None else where.render(translate)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do; `can_import` when every row passes and there is
    something to add."""

    source: Path
    #: (sheet title, records to add), for the sheets read
    added: tuple[tuple[str, int], ...]
    #: (sheet title, rows whose record is in the database already)
    existing: tuple[tuple[str, int], ...]
    new_places: tuple[str, ...]
    new_shops: tuple[str, ...]
    problems: tuple[ImportProblem, ...]
    #: Sheets or files that are not read, with why
    ignored: tuple[ErrorText, ...]
    batch: ImportBatch = field(repr=False, compare=False)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.added)

    @property
    def can_import(self) -> bool:
        return not self.problems and self.total > 0

    def lines(self) -> list[str]:
        """The preview as text (the CLI prints it)."""
        lines = [f"Fil: {self.source}"]
        for title, count in self.added:
            lines.append(f"  {title}: {count} nya")
        for title, count in self.existing:
            lines.append(f"  {title}: {count} finns redan (ändras inte)")
        if self.new_places:
            lines.append("Nya platser: " + ", ".join(self.new_places))
        if self.new_shops:
            lines.append("Nya butiker: " + ", ".join(self.new_shops))
        lines.extend(text.render() for text in self.ignored)
        if self.problems:
            lines.append(f"{len(self.problems)} problem (ingenting importeras):")
            lines.extend(f"  {problem}" for problem in self.problems)
        elif not self.total:
            lines.append("Inget nytt att importera.")
        return lines


@dataclass
class _Row:
    """One row of a record or child sheet, its values by field."""

    rows: SheetRows
    number: int
    values: dict[str, Any]
    children: list[_Row] = field(default_factory=list)
    #: Fields whose cell could not be read (said once, not again as "missing").
    unreadable: set[str] = field(default_factory=set)


class _Planner:
    """Turns the rows read into records, problems and the batch to write."""

    def __init__(self, database: Any, lookup: ImportLookup, today: dt.date) -> None:
        self.database = database
        self.lookup = lookup
        self.today = today
        self.problems: list[ImportProblem] = []
        self.batch = ImportBatch()
        self.new_places: dict[str, tuple[str, str, _Row, str]] = {}
        self.new_shops: dict[str, tuple[str, ShopData, _Row]] = {}
        self._fields: dict[int, dict[str, int]] = {}

    # --- problems ---------------------------------------------------------------------------------

    def problem(
        self, row: _Row | SheetRows, number: int, field_name: str, message: str | ErrorText
    ) -> None:
        rows = row.rows if isinstance(row, _Row) else row
        text = message if isinstance(message, ErrorText) else ErrorText("", message)
        index = self._field_index(rows).get(field_name)
        column = "" if index is None else f"{column_letter(index)} «{rows.headers[index]}»"
        self.problems.append(ImportProblem(rows.label, number, column, text))

    def _field_index(self, rows: SheetRows) -> dict[str, int]:
        found = self._fields.get(id(rows))
        if found is None:
            found = {}
            for index, column in enumerate(rows.columns):
                if column is not None and column.field is not None:
                    found.setdefault(column.field, index)
            self._fields[id(rows)] = found
        return found

    # --- reading rows -----------------------------------------------------------------------------

    def read(self, rows: SheetRows) -> list[_Row]:
        for index, (column, header) in enumerate(zip(rows.columns, rows.headers, strict=False)):
            if column is None and header.strip():
                known = ", ".join(rows.sheet.headers)
                self.problems.append(
                    ImportProblem(
                        rows.label,
                        1,
                        f"{column_letter(index)} «{header}»",
                        error_text(
                            "import.unknown_column",
                            "Okänd kolumn. Bladets kolumner heter som i exporten: {known}.",
                            known=known,
                        ),
                    )
                )
        read: list[_Row] = []
        wanted = [
            (index, column)
            for index, column in enumerate(rows.columns)
            if column is not None and column.field is not None
        ]
        for number, cells in rows.rows:
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue
            values: dict[str, Any] = {}
            row = _Row(rows, number, values)
            for index, column in wanted:
                cell = cells[index] if index < len(cells) else None
                try:
                    values[column.field] = parse_cell(column, cell)  # type: ignore[index]
                except CellError as error:
                    row.unreadable.add(column.field or "")
                    self.problem(row, number, column.field or "", error.text)
            read.append(row)
        return read

    # --- references -------------------------------------------------------------------------------

    def place_id(self, row: _Row, field_name: str, name: str) -> str | None:
        key = name_key(name)
        if not key:
            return None
        known = self.lookup.places.get(key)
        if known is not None:
            return known
        if key not in self.new_places:
            place_id = str(uuid.uuid5(_NAMESPACE, f"place\x1f{key}"))
            self.new_places[key] = (place_id, " ".join(name.split()), row, field_name)
        return self.new_places[key][0]

    def shop_id(self, row: _Row, values: dict[str, Any]) -> str | None:
        name = values.get("shop_name") or ""
        key = name_key(name)
        if not key:
            self.problem(
                row,
                row.number,
                "shop_name",
                error_text("import.shop_name_missing", "Fyll i butikens namn."),
            )
            return None
        known = self.lookup.shops.get(key)
        if known is not None:
            return known
        if key not in self.new_shops:
            data = ShopData(
                name=" ".join(name.split()),
                address=values.get("shop_address") or "",
                kind=values.get("shop_kind") or "",
            )
            self.new_shops[key] = (str(uuid.uuid5(_NAMESPACE, f"shop\x1f{key}")), data, row)
        return self.new_shops[key][0]

    def promise_id(self, row: _Row, kind: str, day: dt.date) -> str | None:
        _, date_field, promise_type = _RECORDS[kind]
        term = self.lookup.in_force(day)
        if term is None:
            self.problem(
                row,
                row.number,
                date_field,
                error_text(
                    "import.no_agreement_on_day",
                    "Ingen överenskommelse gäller {day}. Lägg till eller förnya "
                    "överenskommelsen (Register → Överenskommelse) och importera igen.",
                    day=day.isoformat(),
                ),
            )
            return None
        promises = self.lookup.promises.get(term.id, [])
        title = self.lookup.titles.get(term.id, "")
        number = row.values.get("promise_number")
        if number is None:
            match = [p for p in promises if promise_type is None or p.type is promise_type]
            if promise_type is None or not match:
                what = (
                    error_text("import.which_promise", "vilket löfte")
                    if promise_type is None
                    else error_text("import.promise_of_this_type", "ett löfte av den här typen")
                )
                self.problem(
                    row,
                    row.number,
                    "promise_number",
                    error_text(
                        "import.promise_number_missing",
                        "Fyll i löftets nummer: överenskommelsen «{title}» som gäller "
                        "{day} behöver {what}.",
                        title=title,
                        day=day.isoformat(),
                        what=what,
                    ),
                )
                return None
            return match[0].id
        chosen = next((p for p in promises if p.number == number), None)
        if chosen is None:
            self.problem(
                row,
                row.number,
                "promise_number",
                error_text(
                    "import.no_such_promise",
                    "Överenskommelsen «{title}», som gäller {day}, har inget löfte "
                    "nummer {number}.",
                    title=title,
                    day=day.isoformat(),
                    number=number,
                ),
            )
            return None
        if promise_type is not None and chosen.type is not promise_type:
            self.problem(
                row,
                row.number,
                "promise_number",
                error_text(
                    "import.wrong_promise_type",
                    "Löfte {number} gäller {actual}, inte {expected}.",
                    number=number,
                    actual=label(chosen.type).lower(),
                    expected=label(promise_type).lower(),
                ),
            )
            return None
        return chosen.id

    # --- records ----------------------------------------------------------------------------------

    def record(self, kind: str, row: _Row) -> tuple[str, Any, Any] | None:
        """(id, organisation, data) of a record row, or None when it has a problem."""
        before = len(self.problems)
        data_class, date_field, _ = _RECORDS[kind]
        values = row.values
        kwargs: dict[str, Any] = {}
        day = values.get(date_field)
        if isinstance(day, dt.date):
            kwargs["promise_id"] = self.promise_id(row, kind, day)
        if "place_names" in values:
            names = [n for n in (values["place_names"] or "").split(",") if n.strip()]
            ids = [self.place_id(row, "place_names", n) for n in names]
            kwargs["place_ids"] = tuple(i for i in ids if i is not None)
        if "place_name" in values:
            kwargs["place_id"] = self.place_id(row, "place_name", values["place_name"] or "")
        if kind == "safety_walk":
            kwargs["participants"] = Participants(
                **{
                    name: values.get(f"participants_{name}") or 0
                    for name in (f.name for f in dataclasses.fields(Participants))
                }
            )
            walk_place = name_key(values.get("place_name") or "")
            kwargs["observations"] = tuple(
                o for o in (self.observation(child, walk_place) for child in row.children) if o
            )
        if kind == "patrol":
            kwargs["shop_visits"] = tuple(
                ShopVisitData(shop_id=shop, note=child.values.get("note") or "")
                for child in row.children
                if (shop := self.shop_id(child, child.values)) is not None
            )
        if kind == "volunteer_deployment":
            entered = values.get("volunteer_hours_entered")
            kwargs["volunteer_hours_override"] = values.get("volunteer_hours") if entered else None
        data = self.build(data_class, row, values, kwargs)
        if data is None or len(self.problems) > before:
            return None
        if isinstance(data, SafetyWalkData):
            data = with_defaults(data)
        for issue in validate(data, today=self.today):
            self.issue(row, issue)
        if len(self.problems) > before:
            return None
        return self.identity(kind, row), values.get("organisation"), data

    def observation(self, child: _Row, walk_place: str) -> ObservationData | None:
        values = child.values
        action_values = {k[7:]: v for k, v in values.items() if k.startswith("action.")}
        action = None
        if any(v not in (None, "") for v in action_values.values()):
            action = self.build(ActionData, child, action_values, {}, prefix="action.")
        place = values.get("place_name") or ""
        place_id = (
            None if name_key(place) == walk_place else self.place_id(child, "place_name", place)
        )
        kwargs = {"place_id": place_id, "action": action}
        observation: ObservationData | None = self.build(ObservationData, child, values, kwargs)
        return observation

    def build(
        self,
        data_class: type,
        row: _Row,
        values: dict[str, Any],
        kwargs: dict[str, Any],
        prefix: str = "",
    ) -> Any:
        """`data_class` from the row's values (an empty cell: None where the field may be
        None, else the field's default); a missing required value is a problem."""
        shape = _shape(data_class)
        for name, nullable, _ in shape:
            if name in kwargs or name not in values:
                continue
            value = values[name]
            if value is not None or nullable:
                kwargs[name] = value
        missing = [name for name, _, required in shape if required and name not in kwargs]
        for name in missing:
            # promise_id: said already, on the date or the number; an unreadable cell: said.
            if name != "promise_id" and prefix + name not in row.unreadable:
                self.problem(
                    row,
                    row.number,
                    prefix + name,
                    error_text("import.value_missing", "Fyll i ett värde."),
                )
        if missing or kwargs.get("promise_id", "") is None:
            return None
        return data_class(**kwargs)

    def issue(self, row: _Row, issue: ValidationIssue) -> None:
        match = re.match(r"^(shop_visits|observations)\[(\d+)\]\.?(.*)$", issue.field)
        target, name = row, issue.field
        if match is not None:
            index = int(match.group(2))
            target = row.children[index] if index < len(row.children) else row
            name = match.group(3)
        name = _ISSUE_FIELDS.get(name, name)
        name = re.sub(r"\[\d+\]$", "", name)
        name = _ISSUE_FIELDS.get(name, name).replace("participants.", "participants_")
        self.problem(target, target.number, name, issue.message)

    def identity(self, kind: str, row: _Row) -> str:
        key = str(row.values.get("id") or row.values.get("case_code") or "")
        try:
            return str(uuid.UUID(key))
        except ValueError:
            pass
        cells = sorted((k, repr(v)) for k, v in row.values.items())
        return str(uuid.uuid5(_NAMESPACE, f"{kind}\x1f{cells!r}"))


_SHAPES: dict[type, list[tuple[str, bool, bool]]] = {}


def _shape(data_class: type) -> list[tuple[str, bool, bool]]:
    """(name, may be None, required) of each field of a data class, worked out once."""
    shape = _SHAPES.get(data_class)
    if shape is None:
        shape = [
            (
                f.name,
                "None" in str(f.type),
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            )
            for f in dataclasses.fields(data_class)
        ]
        _SHAPES[data_class] = shape
    return shape


#: A validation issue's field → the import field whose column shows it.
_ISSUE_FIELDS = {
    "promise_id": "promise_number",
    "place_id": "place_name",
    "place_ids": "place_names",
    "shop_id": "shop_name",
    "volunteer_hours_override": "volunteer_hours",
}


def preview_import(
    services: Services, path: Path, *, today: dt.date | None = None
) -> ImportPreview:
    """What importing the workbook, CSV folder or CSV file at `path` would add, and every
    problem; reads the file and the database, writes nothing."""
    path = Path(path)
    with collection_paused():
        return _preview(services, path, today)


def _preview(services: Services, path: Path, today: dt.date | None) -> ImportPreview:
    planner = _Planner(services.database, load_lookup(services.database), today or dt.date.today())
    found, unknown, handle = _read_source(path)
    ignored = [
        error_text("import.unknown_sheet", "Läses inte (okänt blad eller fil): {name}", name=name)
        for name in unknown
    ]
    records: dict[str, list[_Row]] = {}
    children: dict[str, list[_Row]] = {}
    registers: list[str] = []
    try:
        for rows in found:
            key = rows.sheet.key
            if key in _RECORDS:
                records[key] = planner.read(rows)
            elif key in _CHILDREN:
                children[key] = planner.read(rows)
            else:
                registers.append(rows.label)
    finally:
        if handle is not None:
            handle.close()
    if registers:
        read = ", ".join(_SHEET[key].title for key in _RECORDS)
        ignored.append(
            error_text(
                "import.sheets_not_read",
                "Läses inte: {sheets} (importen läser {read})",
                sheets=", ".join(registers),
                read=read,
            )
        )
    existing = _attach_children(planner, records, children)
    added, kept = _plan_records(services, planner, records, existing)
    _plan_registers(planner)
    return ImportPreview(
        source=path,
        added=tuple(added),
        existing=tuple(kept),
        new_places=tuple(name for _, name, _, _ in planner.new_places.values()),
        new_shops=tuple(data.name for _, data, _ in planner.new_shops.values()),
        problems=tuple(planner.problems),
        ignored=tuple(ignored),
        batch=planner.batch,
    )


def _attach_children(
    planner: _Planner, records: dict[str, list[_Row]], children: dict[str, list[_Row]]
) -> dict[str, int]:
    """Child rows onto their records (by the text of the record's Id); the count of child rows
    of records that are in the database already, by child sheet."""
    of_existing: dict[str, int] = {}
    for child_key, rows in children.items():
        parent_key = _CHILDREN[child_key]
        parents = {str(row.values.get("id") or ""): row for row in records.get(parent_key, [])}
        parents.pop("", None)
        orphans: list[_Row] = []
        for row in rows:
            parent = parents.get(str(row.values.get("parent_id") or ""))
            if parent is None:
                orphans.append(row)
            else:
                parent.children.append(row)
        table = parent_key
        known = existing_ids(
            planner.database, table, [str(r.values.get("parent_id") or "") for r in orphans]
        )
        for row in orphans:
            reference = str(row.values.get("parent_id") or "")
            if reference in known:
                of_existing[child_key] = of_existing.get(child_key, 0) + 1
                continue
            title = _SHEET[parent_key].title
            planner.problem(
                row,
                row.number,
                "parent_id",
                f"Det finns ingen rad med Id «{reference}» i bladet {title}"
                if reference
                else f"Fyll i Id för raden i bladet {title} som den här raden hör till.",
            )
    return of_existing


def _plan_records(
    services: Services,
    planner: _Planner,
    records: dict[str, list[_Row]],
    children_existing: dict[str, int],
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    added: list[tuple[str, int]] = []
    kept: list[tuple[str, int]] = []
    for kind in _RECORDS:
        if kind not in records:
            continue
        planned: list[tuple[_Row, tuple[str, Any, Any]]] = []
        seen: dict[str, int] = {}
        for row in records[kind]:
            made = planner.record(kind, row)
            if made is None:
                continue
            if made[0] in seen:
                planner.problem(
                    row,
                    row.number,
                    "id",
                    f"Samma post som rad {seen[made[0]]}. Är det två poster, ge dem olika Id.",
                )
                continue
            seen[made[0]] = row.number
            planned.append((row, made))
        there = existing_ids(services.database, kind, [made[0] for _, made in planned])
        if kind == "drug_case":
            codes = existing_case_codes(
                services.database, [made[2].case_code for _, made in planned if made[2].case_code]
            )
            there |= {made[0] for _, made in planned if made[2].case_code in codes}
        title = _SHEET[kind].title
        new = [made for _, made in planned if made[0] not in there]
        for id_, organisation, data in new:
            planner.batch.add(kind, id_, _child_ids(id_, data), organisation)
        added.append((title, len(new)))
        if there:
            kept.append((title, len(planned) - len(new)))
    for child_key, count in children_existing.items():
        kept.append((_SHEET[child_key].title, count))
    return added, kept


def _plan_registers(planner: _Planner) -> None:
    """New places and shops: checked as the register's form would, then put first."""
    registers = ImportBatch()
    for place_id, name, row, field_name in planner.new_places.values():
        data = PlaceData(name=name)
        for issue in validate(data):
            planner.problem(row, row.number, field_name, issue.message)
        registers.add("place", place_id, data)
    for shop_id, shop, row in planner.new_shops.values():
        for issue in validate(shop):
            planner.problem(row, row.number, "shop_name", issue.message)
        registers.add("shop", shop_id, shop)
    registers.records.update(planner.batch.records)
    planner.batch.records = registers.records


def _child_ids(record_id: str, data: Any) -> Any:
    """Ids of child rows derived from the record's id (the same file gives the same ids)."""

    def child(n: int, what: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{record_id}\x1f{what}\x1f{n}"))

    if isinstance(data, PatrolData):
        visits = tuple(
            dataclasses.replace(v, id=child(n, "visit")) for n, v in enumerate(data.shop_visits)
        )
        return dataclasses.replace(data, shop_visits=visits)
    if isinstance(data, SafetyWalkData):
        observations = tuple(
            dataclasses.replace(
                o,
                id=child(n, "observation"),
                action=None
                if o.action is None
                else dataclasses.replace(o.action, id=child(n, "action")),
            )
            for n, o in enumerate(data.observations)
        )
        return dataclasses.replace(data, observations=observations)
    return data


def apply_import(
    services: Services,
    preview: ImportPreview,
    *,
    make_backup: Callable[[Path], Path | None] | None = None,
) -> ImportWritten:
    """Write what `preview` plans, in one transaction after a backup. Refused (`LoftenError`,
    nothing written) when the preview has problems; nothing to add writes nothing."""
    if preview.problems:
        raise LoftenError(
            error_text(
                "import.has_problems",
                "Filen har {count} problem och importeras inte. Rätta dem och "
                "förhandsgranska igen.",
                count=len(preview.problems),
            )
        )
    if not preview.total:
        return ImportWritten({}, None)
    preview.batch.source = preview.source.name
    with collection_paused():
        return write_import(services, preview.batch, make_backup=make_backup)


def sheet_titles() -> list[str]:
    """The titles of the sheets an import reads, in order."""
    return [_SHEET[key].title for key in (*_RECORDS, *_CHILDREN)]


def record_sheets() -> list[Sheet]:
    """The sheets an import reads, in the export's order."""
    keys = {*_RECORDS, *_CHILDREN}
    return [sheet for sheet in SHEETS if sheet.key in keys]
