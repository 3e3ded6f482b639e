"""Översikt: a plain summary of the agreement (the tracking overview replaces it later)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from loften_app.domain.enums import PromiseType
from loften_app.domain.periods import Period, year
from loften_app.storage.services import RecordFilter, RecordService, Services
from loften_app.ui.i18n import enum_text


class OverviewPage(QScrollArea):
    """The agreement, its promises with who is responsible, and what was recorded this year."""

    def __init__(self, services: Services, *, today: dt.date | None = None) -> None:
        super().__init__()
        self._services = services
        self._today = today or dt.date.today()
        self.setObjectName("overview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.refresh()

    def _period(self, start: dt.date, end: dt.date) -> Period:
        this_year = year(self._today.year)
        if start <= this_year.end and this_year.start <= end:
            return this_year
        return year(end.year)

    def _services_by_type(self) -> dict[PromiseType, RecordService]:  # type: ignore[type-arg]
        s = self._services
        return {
            PromiseType.PATROL: s.patrols,
            PromiseType.SAFETY_WALK: s.safety_walks,
            PromiseType.VOLUNTEERS: s.volunteer_deployments,
            PromiseType.DRUGS: s.drug_cases,
            PromiseType.OTHER: s.other_activities,
        }

    def refresh(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        agreement = self._services.agreements.current()
        if agreement is None:
            layout.addWidget(QLabel(self.tr("Databasen har ingen överenskommelse ännu.")))
            layout.addStretch(1)
            self.setWidget(content)
            return
        data = agreement.data
        locale = QLocale()
        title = QLabel(data.title)
        title.setObjectName("overview_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        layout.addWidget(title)
        facts = QLabel(
            self.tr("%1 och %2 · gäller %3 – %4")
            .replace("%1", data.municipality)
            .replace("%2", data.police_area)
            .replace("%3", data.period_start.isoformat())
            .replace("%4", data.period_end.isoformat())
        )
        facts.setWordWrap(True)
        layout.addWidget(facts)
        if data.follow_up_due is not None:
            days = (data.follow_up_due - self._today).days
            due = self.tr("Uppföljningen ska vara klar %1").replace(
                "%1", data.follow_up_due.isoformat()
            )
            if days == 1:
                due += " " + self.tr("(om 1 dag)")
            elif days >= 0:
                due += " " + self.tr("(om %1 dagar)").replace("%1", locale.toString(days))
            layout.addWidget(QLabel(due))

        period = self._period(data.period_start, data.period_end)
        heading = QLabel(self.tr("Löftena och vad som registrerats %1").replace("%1", period.label))
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addSpacing(16)
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        services = self._services_by_type()
        for row, promise in enumerate(self._services.promises.for_agreement(agreement.id)):
            p = promise.data
            number = QLabel(f"{p.number}.")
            number.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(f"<b>{p.short_title}</b><br>{p.text}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            responsible = QLabel(self.tr("Ansvarig: %1").replace("%1", enum_text(p.responsible)))
            responsible.setWordWrap(True)
            responsible.setMinimumWidth(180)
            service = services.get(p.type)
            count = 0
            if service is not None:
                count = service.count(filter=RecordFilter(period=period, promise_id=promise.id))
            recorded = QLabel(self.tr("%1 registrerade").replace("%1", locale.toString(count)))
            for widget in (responsible, recorded):
                widget.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(number, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(responsible, row, 2)
            grid.addWidget(recorded, row, 3)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(content)
