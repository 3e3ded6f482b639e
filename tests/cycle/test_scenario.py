"""The agreement cycle over two years and two installations, on the command line alone (plus
one edit of an agreement's period through the services, as the register form makes it).

The municipality creates the 2025 agreement and renews it for 2026; the police start from the
municipality's package; both enter their records; packages go both ways; the 2026 period is
changed on one side; the 2025 follow-up is made in 2026. Case codes and every figure agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import open_database
from loften_app.storage.services import Services
from tests.cli_runner import run_cli
from tests.reports.conftest import pdf_text

TODAY = "2026-12-02"


def loften(*args: str) -> str:
    """Run one command in-process; its standard output (fails on a non-zero exit)."""
    result = run_cli(*args)
    assert result.returncode == 0, f"loften {' '.join(args)}: {result.stderr}"
    return result.stdout


def paired(*args: str) -> str:
    """Run a command that reads a package from an unknown installation: the first run names
    the fingerprint to compare (as the sender reads it aloud), the second confirms it."""
    first = run_cli(*args)
    assert first.returncode == 1 and "inte är parad" in first.stdout, first.stderr
    found = re.search(r"--trust ([0-9A-F-]+)", first.stderr)
    assert found is not None, first.stderr
    return loften(*args, "--trust", found.group(1))


def codes(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, case_code FROM drug_case").fetchall()
    connection.close()
    return set(rows)


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as connection:
        (value,) = connection.execute(sql).fetchone()
    connection.close()
    return int(value)


@pytest.mark.slow
def test_two_installations_renew_exchange_and_agree(tmp_path: Path) -> None:
    kommun, polis = tmp_path / "kommun.db", tmp_path / "polis.db"
    k = ["--db", str(kommun), "--user", "Kim", "--organisation", "municipality"]
    p = ["--db", str(polis), "--user", "Per", "--organisation", "police"]
    photos = ["--photos", str(tmp_path / "photos")]

    out = loften("new", *k, "--template", "filipstad", "--start", "2025-01-01")
    assert "Medborgarlöften Filipstad 2025 (2025-01-01 – 2025-12-31)" in out
    out = loften("renew", *k)
    assert "Medborgarlöften Filipstad 2026 (2026-01-01 – 2026-12-31) med 4 löften" in out
    listing = loften("agreements", "--db", str(kommun))
    assert listing.index("Filipstad 2026") < listing.index("Filipstad 2025")
    assert "gäller" in listing.splitlines()[0]

    for year in ("2025", "2026"):
        loften(
            "demo-data",
            "--db",
            str(kommun),
            "--year",
            year,
            "--organisation",
            "municipality",
            "--seed",
            "1",
        )
    loften("exchange", "export", *k, "--out", str(tmp_path / "k1.loften"), *photos)
    out = paired("new", *p, "--from-package", str(tmp_path / "k1.loften"), *photos)
    assert "Medborgarlöften Filipstad 2025" in out and "Medborgarlöften Filipstad 2026" in out
    for year in ("2025", "2026"):
        loften(
            "demo-data",
            "--db",
            str(polis),
            "--year",
            year,
            "--organisation",
            "police",
            "--seed",
            "2",
        )
    assert all(code.startswith("P-") for _, code in codes(polis))

    loften("exchange", "export", *p, "--out", str(tmp_path / "p1.loften"), *photos)
    out = paired("exchange", "import", *k, str(tmp_path / "p1.loften"), "--yes", *photos)
    assert "Varning" not in out and "finns redan här" not in out
    loften("exchange", "export", *k, "--out", str(tmp_path / "k2.loften"), *photos)
    out = loften("exchange", "import", *p, str(tmp_path / "k2.loften"), "--yes", *photos)
    assert "Varning" not in out

    # The municipality moves the end of 2026 (valid until replaced, so nothing falls outside).
    with open_database(kommun) as database:
        services = Services.build(database, Actor("Kim", Organisation.MUNICIPALITY))
        current = services.agreements.find("2026")
        services.agreements.update(
            id=current.id,
            expected_version=current.meta.version,
            data=dataclasses.replace(current.data, period_end=dt.date(2026, 12, 20)),
        )
    loften("exchange", "export", *k, "--out", str(tmp_path / "k3.loften"), *photos)
    out = loften("exchange", "import", *p, str(tmp_path / "k3.loften"), "--yes", *photos)
    assert "Uppdateras: " in out and "Varning" not in out

    for path in (kommun, polis):
        assert count(path, "SELECT count(*) FROM agreement") == 2
        assert count(path, "SELECT count(*) FROM promise") == 8
        assert count(path, "SELECT count(*) FROM promise WHERE continues_id IS NOT NULL") == 4
        assert count(path, "SELECT count(*) FROM agreement WHERE period_end = '2026-12-20'") == 1
    assert codes(kommun) == codes(polis) and codes(kommun)
    for table in ("patrol", "safety_walk", "volunteer_deployment", "drug_case"):
        assert (
            count(kommun, f"SELECT count(*) FROM {table}")
            == count(polis, f"SELECT count(*) FROM {table}")
            > 0
        )

    for agreement, period in (("2026", "2026"), ("2025", "2025")):
        a = loften(
            "status",
            "--db",
            str(kommun),
            "--agreement",
            agreement,
            "--year",
            period,
            "--today",
            TODAY,
        )
        b = loften(
            "status",
            "--db",
            str(polis),
            "--agreement",
            agreement,
            "--year",
            period,
            "--today",
            TODAY,
        )
        assert a == b
        assert f"Filipstad {agreement}" in a

    # The 2025 follow-up while 2026 is in force, and 2026's with 2025's result beside it.
    out = loften(
        "report",
        "follow-up",
        "--db",
        str(kommun),
        "--agreement",
        "2025",
        "--today",
        TODAY,
        "--out",
        str(tmp_path / "f2025.pdf"),
    )
    assert "f2025.pdf" in out
    loften(
        "report",
        "follow-up",
        "--db",
        str(kommun),
        "--agreement",
        "2026",
        "--today",
        TODAY,
        "--out",
        str(tmp_path / "f2026.pdf"),
    )
    text = pdf_text(tmp_path / "f2026.pdf")
    assert "Föregående överenskommelse: Medborgarlöften Filipstad 2025" in text
    earlier = pdf_text(tmp_path / "f2025.pdf")
    assert "Medborgarlöften Filipstad 2025" in earlier and "Föregående" not in earlier
    assert "2025-01-01 – 2025-12-31" in earlier
