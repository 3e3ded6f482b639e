"""A drug case keeps each organisation's part empty until that organisation fills it in, and a
case with an empty part goes through every figure, report, export and package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from loften_app.domain.enums import AgeGroup, DrugCaseKind, PromiseType
from loften_app.domain.periods import quarter, year
from loften_app.domain.records import DrugCaseData
from loften_app.reports.documents import ReportKind, ReportRequest, write_report
from loften_app.reports.exports import ExportFormat, export
from loften_app.reports.tracking import status_report
from loften_app.storage.database import open_database
from loften_app.storage.exchange import export_changes, read_package
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.reports.conftest import pdf_text
from tests.storage.conftest import MUNICIPALITY, POLICE

DAY = dt.date(2026, 5, 4)


def drug_promise(services: Services) -> str:
    agreement = services.agreements.current(DAY)
    assert agreement is not None
    (promise,) = (
        p for p in services.promises.for_agreement(agreement.id) if p.data.type is PromiseType.DRUGS
    )
    return promise.id


def test_a_case_by_kommunen_has_no_police_values_and_counts_everywhere(tmp_path: Path) -> None:
    with open_database(tmp_path / "k.db") as database:
        kommun = Services.build(database, MUNICIPALITY)
        apply_template(kommun, "filipstad", today=DAY)
        promise = drug_promise(kommun)
        case = kommun.drug_cases.add(
            data=DrugCaseData(
                promise_id=promise,
                detected_on=DAY,
                detection_method=None,
                legal_outcome=None,
                first_contact_on=DAY,
            )
        )
        stored = kommun.drug_cases.get(id=case.id).data
        assert (stored.age_group, stored.kind, stored.detection_method, stored.legal_outcome) == (
            None,
            None,
            None,
            None,
        )
        assert case.data.case_code == "K-2026-001"
        police = Services.build(database, POLICE)
        second = police.drug_cases.add(
            data=DrugCaseData(
                promise_id=promise,
                detected_on=DAY,
                age_group=AgeGroup.AGE_18_25,
                kind=DrugCaseKind.OWN_USE,
                status=None,
            )
        )
        assert second.data.case_code == "P-2026-001"
        assert police.drug_cases.get(id=second.id).data.status is None

        report = status_report(kommun, period=year(2026), today=dt.date(2026, 12, 2))
        drugs = next(p for p in report.promises if p.promise.data.type is PromiseType.DRUGS)
        assert drugs.figures.drug_cases == 2
        for kind, public in ((ReportKind.QUARTERLY, False), (ReportKind.QUARTERLY, True)):
            out = tmp_path / f"q-{public}.pdf"
            request = ReportRequest(kind, public=public, quarter=quarter(2026, 2))
            write_report(kommun, request, out, made_by="x", today=dt.date(2026, 12, 2))
            assert "Kvartalsrapport" in pdf_text(out)
        out = tmp_path / "f.pdf"
        write_report(
            kommun,
            ReportRequest(ReportKind.FOLLOW_UP),
            out,
            made_by="x",
            today=dt.date(2026, 12, 2),
        )
        assert "Uppföljning" in pdf_text(out)
        files = export(kommun, ExportFormat.XLSX, tmp_path / "x.xlsx", period=None)
        assert files
        package = tmp_path / "k.loften"
        export_changes(kommun, package, photo_dir=tmp_path, partner="Polisen")
        read_package(package)
