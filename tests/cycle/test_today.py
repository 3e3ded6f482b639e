"""On a fresh template file made today, a record entered for today appears in the overview's
figures and in this quarter's report; the same in the old template's extension."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from loften_app.domain.enums import PromiseType
from loften_app.domain.errors import ValidationError
from loften_app.domain.periods import quarter_of, year
from loften_app.domain.records import PatrolData, PlaceData, SafetyWalkData
from loften_app.reports.documents import ReportKind, ReportRequest, write_report
from loften_app.reports.tracking.overview import overview
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.factories import current_promise
from tests.reports.conftest import pdf_text
from tests.storage.conftest import MUNICIPALITY

TODAY = dt.date.today()


@pytest.mark.parametrize("template", ["filipstad", "filipstad-2017-2018"])
def test_a_record_of_today_counts_today(tmp_path: Path, template: str) -> None:
    with open_database(tmp_path / "k.db") as database:
        services = Services.build(database, MUNICIPALITY)
        apply_template(services, template)
        place = services.places.add(data=PlaceData(name="Stora torget")).id
        services.patrols.add(
            data=PatrolData(
                promise_id=current_promise(services, TODAY, PromiseType.PATROL),
                date=TODAY,
                start_time=dt.time(8),
                end_time=dt.time(10),
                place_ids=(place,),
            )
        )
        planned = services.safety_walks.add(
            data=SafetyWalkData(
                promise_id=current_promise(services, TODAY, PromiseType.SAFETY_WALK),
                date=TODAY + dt.timedelta(days=20),
                place_id=place,
            )
        )
        seen = overview(services, period=None, today=TODAY)
        assert seen.report.period == year(TODAY.year).overlap(seen.report.period)
        patrols = next(p for p in seen.report.promises if p.promise.data.type is PromiseType.PATROL)
        assert patrols.figures.patrols == 1
        assert seen.due.next_walk is not None and seen.due.next_walk.id == planned.id
        out = tmp_path / "q.pdf"
        write_report(
            services,
            ReportRequest(ReportKind.QUARTERLY, quarter=quarter_of(TODAY)),
            out,
            made_by="x",
            today=TODAY,
        )
        assert "Patrullpass 1" in pdf_text(out)


def test_a_date_without_an_agreement_is_refused_next_to_the_date(tmp_path: Path) -> None:
    with open_database(tmp_path / "k.db") as database:
        services = Services.build(database, MUNICIPALITY)
        apply_template(services, "filipstad")
        place = services.places.add(data=PlaceData(name="Stora torget")).id
        with pytest.raises(ValidationError) as caught:
            services.patrols.add(
                data=PatrolData(
                    promise_id=current_promise(services, TODAY, PromiseType.PATROL),
                    date=dt.date(TODAY.year - 1, 6, 1),
                    start_time=dt.time(8),
                    end_time=dt.time(10),
                    place_ids=(place,),
                )
            )
        (issue,) = caught.value.issues
        assert issue.field == "date" and issue.code == "no_agreement"
        assert services.patrols.count() == 0
