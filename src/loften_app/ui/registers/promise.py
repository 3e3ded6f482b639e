"""Löften: one medborgarlöfte of the current agreement, its verbatim text and its comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from loften_app.domain.enums import PromiseType, Responsible
from loften_app.domain.errors import LoftenError, ValidationIssue
from loften_app.domain.records import PromiseData, Stored
from loften_app.domain.validation import CODE_DUPLICATE
from loften_app.storage.services import (
    AgreementService,
    PromiseService,
    RecordFilter,
    TargetService,
)
from loften_app.ui.forms.fields import CountField, EnumCombo, HoursField, compact, form_layout
from loften_app.ui.registers.common import RegisterForm, text_box
from loften_app.ui.registers.target import target_sentence


class PromiseForm(RegisterForm[PromiseData]):
    """A promise of the agreement in force: number, text, who is responsible, type, comments.

    The agreement is not chosen: a new promise belongs to the current agreement. The promise's
    targets are shown (they are edited in the Mål tab).
    """

    def __init__(
        self,
        service: PromiseService,
        *,
        agreements: AgreementService,
        targets: TargetService,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._promises = service
        self._agreements = agreements
        self._targets = targets
        self._agreement_id = ""
        self._continues_id: str | None = None
        self._taken_numbers: set[int] = set()
        super().__init__(
            service, title=QCoreApplication.translate("PromiseForm", "Löfte"), today=today
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.agreement = QLabel()
        self.agreement.setObjectName("promise_agreement")
        self.agreement.setWordWrap(True)
        # A fixed value: it has no change signal of its own, but its errors need a place.
        self.add_row(
            form,
            "agreement_id",
            self.tr("Överenskommelse:"),
            self.agreement,
            self.agreement.objectNameChanged,
        )
        self.number = CountField(0, 999)
        self.add_row(form, "number", self.tr("Nummer:"), self.number, self.number.valueChanged)
        compact(self.number)
        self.short_title = QLineEdit()
        self.short_title.setPlaceholderText(self.tr("t.ex. Trygghetsvandringar"))
        self.add_row(
            form,
            "short_title",
            self.tr("Kort titel:"),
            self.short_title,
            self.short_title.textChanged,
        )
        self.text = text_box(5, self.tr("Löftets text ordagrant som i överenskommelsen"))
        self.add_row(form, "text", self.tr("Löftets text:"), self.text, self.text.textChanged)
        self.responsible = EnumCombo(Responsible)
        self.add_row(
            form,
            "responsible",
            self.tr("Ansvarig:"),
            self.responsible,
            self.responsible.currentIndexChanged,
        )
        self.responsibility_note = QLineEdit()
        self.responsibility_note.setPlaceholderText(
            self.tr("t.ex. i samråd med kommunen och det lokala näringslivet")
        )
        self.add_row(
            form,
            "responsibility_note",
            self.tr("Kommentar om ansvar:"),
            self.responsibility_note,
            self.responsibility_note.textChanged,
        )
        self.type = EnumCombo(PromiseType)
        self.type.setToolTip(self.tr("Vilken sorts aktiviteter som registreras för löftet."))
        self.add_row(form, "type", self.tr("Typ:"), self.type, self.type.currentIndexChanged)
        self.planned_hours = HoursField(optional=True, maximum=100_000)
        self.planned_hours.setObjectName("planned_hours")
        self.planned_hours.setToolTip(
            self.tr(
                "Timmar per år som polisen och kommunen planerar att lägga på löftet. "
                "Rapporterna visar planerad tid mot nedlagd tid. Lämna tomt om ingen plan finns."
            )
        )
        self.add_row(
            form,
            "planned_hours",
            self.tr("Planerad tid per år:"),
            self.planned_hours,
            self.planned_hours.valueChanged,
        )
        compact(self.planned_hours)
        self.targets = QLabel()
        self.targets.setObjectName("promise_targets")
        self.targets.setWordWrap(True)
        form.addRow(self.tr("Mål:"), self.targets)
        self.follow_up_comment = text_box(
            3,
            self.tr("Skrivs för invånarna och pressen. Inga namn och inga personnummer."),
        )
        self.add_row(
            form,
            "follow_up_comment",
            self.tr("Kommentar i den offentliga uppföljningen:"),
            self.follow_up_comment,
            self.follow_up_comment.textChanged,
        )
        self.internal_comment = text_box(
            3,
            self.tr(
                "Visas bara internt, aldrig i den offentliga uppföljningen. "
                "Inga namn och inga personnummer."
            ),
        )
        self.add_row(
            form,
            "internal_comment",
            self.tr("Intern kommentar:"),
            self.internal_comment,
            self.internal_comment.textChanged,
        )

    # --- the register ---------------------------------------------------------------------------

    def open_new(self, data: PromiseData) -> None:
        self._read_register(data.agreement_id, None)
        super().open_new(data)

    def open_record(self, stored: Stored[PromiseData]) -> None:
        self._read_register(stored.data.agreement_id, stored.id)
        super().open_record(stored)

    def _read_register(self, agreement_id: str, own_id: str | None) -> None:
        """The agreement's title, the numbers other promises use and this promise's targets."""
        self._agreement_id = agreement_id
        title = ""
        if agreement_id:
            try:
                title = self._agreements.get(id=agreement_id).data.title
            except LoftenError:
                title = ""
        self.agreement.setText(
            title or self.tr("Ingen överenskommelse. Lägg in den under fliken Överenskommelse.")
        )
        others = self._promises.for_agreement(agreement_id) if agreement_id else []
        self._taken_numbers = {p.data.number for p in others if p.id != own_id}
        targets = (
            []
            if own_id is None
            else self._targets.list_page(
                filter=RecordFilter(promise_id=own_id), sort="measure", descending=False
            ).items
        )
        lines = ["• " + target_sentence(t.data) for t in targets]
        lines.append(
            self.tr("Mål läggs till och ändras under fliken Mål.")
            if lines
            else self.tr("Inga mål ännu. Lägg till mål under fliken Mål.")
        )
        self.targets.setText("\n".join(lines))

    def extra_issues(self, data: PromiseData) -> list[ValidationIssue]:
        if data.number not in self._taken_numbers:
            return []
        return [
            ValidationIssue(
                "number",
                CODE_DUPLICATE,
                self.tr(
                    "Löfte nummer %1 finns redan i överenskommelsen. Välj ett annat nummer."
                ).replace("%1", str(data.number)),
            )
        ]

    # --- data -----------------------------------------------------------------------------------

    def load(self, data: PromiseData) -> None:
        self.number.setValue(data.number)
        self.short_title.setText(data.short_title)
        self.text.setPlainText(data.text)
        self.responsible.set_value(data.responsible)
        self.responsibility_note.setText(data.responsibility_note)
        self.type.set_value(data.type)
        self.follow_up_comment.setPlainText(data.follow_up_comment)
        self.internal_comment.setPlainText(data.internal_comment)
        self.planned_hours.set_value_or_none(data.planned_hours)
        self._continues_id = data.continues_id

    def collect(self) -> PromiseData:
        return PromiseData(
            agreement_id=self._agreement_id,
            number=self.number.value(),
            text=self.text.toPlainText(),
            short_title=self.short_title.text().strip(),
            responsible=self.responsible.value() or Responsible.BOTH,
            type=self.type.value() or PromiseType.OTHER,
            responsibility_note=self.responsibility_note.text(),
            follow_up_comment=self.follow_up_comment.toPlainText(),
            internal_comment=self.internal_comment.toPlainText(),
            continues_id=self._continues_id,
            planned_hours=self.planned_hours.value_or_none(),
        )

    def blank(self, today: dt.date) -> PromiseData:
        """A new promise of the current agreement, numbered after the last one."""
        agreement = self._agreements.current()
        agreement_id = "" if agreement is None else agreement.id
        numbers = (
            [p.data.number for p in self._promises.for_agreement(agreement_id)]
            if agreement_id
            else []
        )
        return PromiseData(
            agreement_id=agreement_id,
            number=max(numbers, default=0) + 1,
            text="",
            short_title="",
            responsible=Responsible.BOTH,
            type=PromiseType.OTHER,
        )
