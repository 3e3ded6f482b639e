"""Which page each section shows: the one place that builds them from the services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget

from loften_app.domain.enums import Organisation
from loften_app.domain.periods import Period
from loften_app.storage.services import RecordService, Services
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.forms.drug_case import DrugCaseForm
from loften_app.ui.forms.other_activity import OtherActivityForm
from loften_app.ui.forms.patrol import PatrolForm
from loften_app.ui.forms.safety_walk import SafetyWalkForm
from loften_app.ui.forms.volunteers import VolunteerDeploymentForm
from loften_app.ui.lists.record_list import RecordListWidget
from loften_app.ui.lists.specs import SPECS
from loften_app.ui.lists.table_model import RecordTableModel
from loften_app.ui.lookups import Lookups
from loften_app.ui.overview import OverviewPage
from loften_app.ui.registers.page import RegistersPage
from loften_app.ui.section import RecordSection


def coming_later(text: str) -> QWidget:
    label = QLabel(text)
    label.setObjectName("coming_later")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def section(
    key: str,
    service: RecordService[Any, Any],
    form: RecordForm[Any],
    *,
    lookups: Lookups,
    settings: QSettings,
    period: Period | None,
) -> RecordSection:
    model = RecordTableModel(service, SPECS[key], lookups.names)
    records = RecordListWidget(
        model,
        settings=settings,
        settings_key=f"lists/{key}",
        place_choices=lookups.places,
        period=period,
    )
    lookups.changed.connect(records.reload_places)
    model.refresh()
    return RecordSection(service=service, records=records, form=form)


def build_pages(
    services: Services,
    settings: QSettings,
    *,
    organisation: Organisation,
    photo_dir: Path,
) -> dict[str, QWidget]:
    """The real page of every section, for `MainWindow.attach`."""
    translate = QCoreApplication.translate
    lookups = Lookups(services)
    agreement = services.agreements.current()
    period = (
        None
        if agreement is None
        else Period(agreement.data.period_start, agreement.data.period_end)
    )
    overview = OverviewPage(services)
    sections = {
        "patrols": section(
            "patrols",
            services.patrols,
            PatrolForm(services.patrols, lookups),
            lookups=lookups,
            settings=settings,
            period=period,
        ),
        "safety_walks": section(
            "safety_walks",
            services.safety_walks,
            SafetyWalkForm(services.safety_walks, lookups, photo_dir=photo_dir),
            lookups=lookups,
            settings=settings,
            period=period,
        ),
        "volunteers": section(
            "volunteer_deployments",
            services.volunteer_deployments,
            VolunteerDeploymentForm(services.volunteer_deployments, lookups),
            lookups=lookups,
            settings=settings,
            period=period,
        ),
        "drug_cases": section(
            "drug_cases",
            services.drug_cases,
            DrugCaseForm(services.drug_cases, lookups, organisation=organisation),
            lookups=lookups,
            settings=settings,
            period=period,
        ),
        "other_activities": section(
            "other_activities",
            services.other_activities,
            OtherActivityForm(services.other_activities, lookups),
            lookups=lookups,
            settings=settings,
            period=period,
        ),
    }
    for page in sections.values():
        page.records_changed.connect(overview.refresh)
    pages: dict[str, QWidget] = {"overview": overview, **sections}
    registers = RegistersPage(services, lookups, settings, period=period)
    registers.registers_changed.connect(overview.refresh)
    pages["registers"] = registers
    pages["reports"] = coming_later(
        translate("pages", "Kvartalsrapporten och uppföljningen kommer i en senare version.")
    )
    return pages
