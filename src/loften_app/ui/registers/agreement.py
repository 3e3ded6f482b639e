"""Överenskommelse: the form of the cooperation agreement (samverkansöverenskommelse)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit

from loften_app.domain.periods import quarter_of
from loften_app.domain.records import AgreementData
from loften_app.storage.services import RecordService
from loften_app.ui.forms.fields import DateField, OptionalDateField, compact, form_layout
from loften_app.ui.registers.common import RegisterForm, text_box


class AgreementForm(RegisterForm[AgreementData]):
    """Who agreed, for which period, when and where it is followed up, and why."""

    def __init__(
        self,
        service: RecordService[AgreementData, Any],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(
            service,
            title=QCoreApplication.translate("AgreementForm", "Samverkansöverenskommelse"),
            today=today,
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText(self.tr("t.ex. Filipstads kommun"))
        self.add_row(
            form,
            "municipality",
            self.tr("Kommun:"),
            self.municipality,
            self.municipality.textChanged,
        )
        self.police_area = QLineEdit()
        self.police_area.setPlaceholderText(self.tr("t.ex. Lokalpolisområde Filipstad"))
        self.add_row(
            form,
            "police_area",
            self.tr("Lokalpolisområde:"),
            self.police_area,
            self.police_area.textChanged,
        )
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("t.ex. Medborgarlöften 2017–2018"))
        self.add_row(form, "title", self.tr("Titel:"), self.title, self.title.textChanged)
        self.period_start = DateField()
        self.add_row(
            form,
            "period_start",
            self.tr("Periodens början:"),
            self.period_start,
            self.period_start.dateChanged,
        )
        self.period_end = DateField()
        self.add_row(
            form,
            "period_end",
            self.tr("Periodens slut:"),
            self.period_end,
            self.period_end.dateChanged,
        )
        compact(self.period_start, self.period_end)
        self.valid_until_replaced = QCheckBox(
            self.tr("Gäller tills en ny överenskommelse har undertecknats")
        )
        self.add_row(
            form,
            "valid_until_replaced",
            self.tr("Giltighet:"),
            self.valid_until_replaced,
            self.valid_until_replaced.toggled,
        )
        self.follow_up_due = OptionalDateField(self.tr("Ange datum"))
        self.follow_up_due.setToolTip(
            self.tr("Uppföljningen görs efter perioden, oftast under första kvartalet efter.")
        )
        self.add_row(
            form,
            "follow_up_due",
            self.tr("Uppföljning senast (valfritt):"),
            self.follow_up_due,
            self.follow_up_due.changed,
        )
        compact(self.follow_up_due)
        self.publication = text_box(2, self.tr("t.ex. I lokalmedia och på kommunens webbplats"))
        self.add_row(
            form,
            "publication",
            self.tr("Var uppföljningen publiceras:"),
            self.publication,
            self.publication.textChanged,
        )
        self.background = text_box(5, self.tr("Vad medborgardialogen visade"))
        self.add_row(
            form, "background", self.tr("Bakgrund:"), self.background, self.background.textChanged
        )
        self.aims = text_box(5)
        self.add_row(
            form, "aims", self.tr("Det här ska vi åstadkomma:"), self.aims, self.aims.textChanged
        )

    def load(self, data: AgreementData) -> None:
        self.municipality.setText(data.municipality)
        self.police_area.setText(data.police_area)
        self.title.setText(data.title)
        self.period_start.set_value(data.period_start)
        self.period_end.set_value(data.period_end)
        self.valid_until_replaced.setChecked(data.valid_until_replaced)
        self.follow_up_due.set_value(data.follow_up_due, default=_quarter_after(data.period_end))
        self.publication.setPlainText(data.publication)
        self.background.setPlainText(data.background)
        self.aims.setPlainText(data.aims)

    def collect(self) -> AgreementData:
        return AgreementData(
            municipality=self.municipality.text().strip(),
            police_area=self.police_area.text().strip(),
            title=self.title.text().strip(),
            period_start=self.period_start.value(),
            period_end=self.period_end.value(),
            valid_until_replaced=self.valid_until_replaced.isChecked(),
            follow_up_due=self.follow_up_due.value(),
            publication=self.publication.toPlainText(),
            background=self.background.toPlainText(),
            aims=self.aims.toPlainText(),
        )

    def blank(self, today: dt.date) -> AgreementData:
        """A new two-year agreement from the start of this year, followed up in the quarter
        after it."""
        end = dt.date(today.year + 1, 12, 31)
        return AgreementData(
            municipality="",
            police_area="",
            title="",
            period_start=dt.date(today.year, 1, 1),
            period_end=end,
            follow_up_due=_quarter_after(end),
        )


def _quarter_after(end: dt.date) -> dt.date:
    """The last day of the quarter after the one `end` lies in (the usual follow-up date)."""
    return quarter_of(quarter_of(end).end + dt.timedelta(days=1)).end
