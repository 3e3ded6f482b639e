"""Importing a package that would change the agreements: a second agreement over the same
time is shown before anything is written, and the command line refuses it unless told."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from loften_app.storage.database import open_database
from loften_app.storage.exchange import cycle_warnings, export_changes, read_package
from loften_app.storage.exchange.signing import verify_signature
from loften_app.storage.services import Services
from loften_app.storage.template import apply_template
from tests.cli_runner import run_cli
from tests.storage.conftest import MUNICIPALITY, POLICE

TODAY = dt.date(2026, 12, 2)


def test_a_second_agreement_is_shown_and_refused(tmp_path: Path) -> None:
    kommun, polis = tmp_path / "kommun.db", tmp_path / "polis.db"
    # Two files made from the template separately (the way it was done before the cycle)...
    with open_database(polis) as database:
        apply_template(Services.build(database, POLICE), "filipstad", today=TODAY)
    with open_database(kommun) as database:
        services = Services.build(database, MUNICIPALITY)
        agreement = apply_template(services, "filipstad", today=TODAY)
        # ... and then one side changes the period: the natural key no longer matches.
        services.agreements.update(
            id=agreement.id,
            expected_version=1,
            data=dataclasses.replace(
                agreement.data,
                period_end=dt.date(2027, 6, 30),
                follow_up_due=dt.date(2027, 9, 30),
            ),
        )
        export_changes(services, tmp_path / "k.loften", photo_dir=None)
    package = read_package(tmp_path / "k.loften")
    with open_database(polis) as database:
        warnings = cycle_warnings(Services.build(database, POLICE), package)
    assert len(warnings) == 1
    assert (
        "andra överenskommelse" in warnings[0] and "Medborgarlöften Filipstad 2026" in warnings[0]
    )

    def records() -> list[tuple[str, int]]:
        with sqlite3.connect(polis) as connection:
            tables = ("agreement", "promise", "target", "place", "audit_entry", "exchange_log")
            found = [
                (t, connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables
            ]
        connection.close()
        return found

    before = records()
    args = ["exchange", "import", "--db", str(polis), str(tmp_path / "k.loften")]
    fingerprint = verify_signature(tmp_path / "k.loften").fingerprint  # read aloud by the sender
    result = run_cli(*args, "--yes", "--photos", str(tmp_path), "--trust", fingerprint)
    assert result.returncode == 1
    assert "Varning: Paketet skapar en andra överenskommelse" in result.stdout
    assert "Inget har importerats" in result.stderr
    # Nothing imported (confirming the fingerprint pairs the sender, which is kept).
    assert records() == before


def test_renewing_into_an_overlapping_period_is_refused(tmp_path: Path) -> None:
    with open_database(tmp_path / "k.db") as database:
        services = Services.build(database, MUNICIPALITY)
        apply_template(services, "filipstad", today=TODAY)
        from loften_app.domain.errors import LoftenError
        from loften_app.domain.periods import Period

        with pytest.raises(LoftenError, match="överlappar Medborgarlöften Filipstad 2026"):
            services.agreements.renew(
                period=Period(dt.date(2026, 7, 1), dt.date(2027, 6, 30)), today=TODAY
            )
        assert len(services.agreements.listing(TODAY)) == 1
        renewed = services.agreements.renew(today=TODAY)
        assert (renewed.data.period_start, renewed.data.period_end) == (
            dt.date(2027, 1, 1),
            dt.date(2027, 12, 31),
        )
        assert renewed.data.title == "Medborgarlöften Filipstad 2027"
        old = services.agreements.find("2026")
        news = services.promises.for_agreement(renewed.id)
        olds = {p.id for p in services.promises.for_agreement(old.id)}
        assert {p.data.continues_id for p in news} == olds


def test_two_installations_of_one_organisation_get_marks_of_their_own(tmp_path: Path) -> None:
    from loften_app.domain.enums import AgeGroup, DrugCaseKind, PromiseType
    from loften_app.domain.records import DrugCaseData
    from loften_app.storage.exchange import apply_import, start_from_package

    def case(services: Services) -> str:
        agreement = services.agreements.current(TODAY)
        assert agreement is not None
        (promise,) = (
            p
            for p in services.promises.for_agreement(agreement.id)
            if p.data.type is PromiseType.DRUGS
        )
        data = DrugCaseData(
            promise_id=promise.id,
            detected_on=dt.date(2026, 3, 1),
            age_group=AgeGroup.UNDER_18,
            kind=DrugCaseKind.OWN_USE,
        )
        return services.drug_cases.add(data=data).data.case_code

    with open_database(tmp_path / "a.db") as database:
        first = Services.build(database, MUNICIPALITY)
        apply_template(first, "filipstad", today=TODAY)
        export_changes(first, tmp_path / "a0.loften", photo_dir=None)
    with open_database(tmp_path / "b.db") as database:
        second = Services.build(database, MUNICIPALITY)
        start_from_package(
            second,
            tmp_path / "a0.loften",
            photo_dir=None,
            trust=verify_signature(tmp_path / "a0.loften").fingerprint,
        )
        assert case(second) == "K-2026-001"
        export_changes(second, tmp_path / "b1.loften", photo_dir=None)
    with open_database(tmp_path / "a.db") as database:
        first = Services.build(database, MUNICIPALITY)
        apply_import(
            first, read_package(tmp_path / "b1.loften"), actor=MUNICIPALITY, photo_dir=None
        )
        mine = case(first)
    assert mine.startswith("K") and not mine.startswith("K-"), mine
    assert mine.endswith("-2026-001")
