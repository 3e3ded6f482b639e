"""`loften exchange` with signed packages: pairing with --trust, partners and --revoke, and the
preview's field changes and deletions (issue 14, holes 1 and 2 from the command line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loften_app.storage.database import Database
from loften_app.storage.exchange.signing import fingerprint, installation_key, public_bytes
from loften_app.storage.services import Services
from tests.factories import run_cli_as_test_user as loften
from tests.storage.exchange.conftest import forge, members_of, sha256_of, with_records


@pytest.mark.slow
@pytest.mark.sqlite_only  # changes the police's file directly
def test_pairing_partners_revoke_and_a_preview_with_deletions(
    police: Services, police_db: Database, municipality_db: Database, tmp_path: Path
) -> None:
    patrol = police.patrols.list_page().items[0]
    police_db_path, municipal = police_db.path, str(municipality_db.path)
    police_db.close()
    municipality_db.close()
    first = tmp_path / "1.loften"
    assert (
        loften(
            "exchange",
            "export",
            "--organisation",
            "police",
            "--db",
            str(police_db_path),
            "--out",
            str(first),
        ).returncode
        == 0
    )
    expected = fingerprint(public_bytes(installation_key(police_db_path)))
    unknown = loften("exchange", "import", "--db", municipal, str(first))
    assert unknown.returncode == 1 and expected in unknown.stdout and "police" in unknown.stdout
    wrong = loften("exchange", "import", "--db", municipal, str(first), "--trust", "1234")
    assert wrong.returncode == 1 and "stämmer inte" in wrong.stderr
    assert loften("exchange", "partners", "--db", municipal).stdout.strip() == (
        "Inga parade installationer."
    )
    imported = loften(
        "exchange", "import", "--db", municipal, str(first), "--trust", expected, "--yes"
    )
    assert imported.returncode == 0, imported.stderr
    listed = loften("exchange", "partners", "--db", municipal).stdout
    assert expected in listed and "police" in listed

    # The police delete a patrol; the preview says so in words.
    assert (
        loften(
            "exchange",
            "export",
            "--organisation",
            "police",
            "--db",
            str(police_db_path),
            "--out",
            str(tmp_path / "x.loften"),
        ).returncode
        == 0
    )
    import sqlite3

    with sqlite3.connect(police_db_path) as connection:
        connection.execute(
            "UPDATE patrol SET deleted_at = '2026-01-01T00:00:00+00:00', version = version + 1, "
            "updated_at = '2026-01-01T00:00:00+00:00' WHERE id = ?",
            (patrol.id,),
        )
    connection.close()
    second = tmp_path / "2.loften"
    assert (
        loften(
            "exchange",
            "export",
            "--organisation",
            "police",
            "--db",
            str(police_db_path),
            "--out",
            str(second),
        ).returncode
        == 0
    )
    preview = loften("exchange", "import", "--db", municipal, str(second))
    assert preview.returncode == 0, preview.stderr
    assert "Tas bort: " in preview.stdout and patrol.id in preview.stdout

    # A forged copy (re-hashed, unsigned) is refused and changes nothing.
    forged = tmp_path / "falsk.loften"

    def rewrite(records: list[dict[str, object]]) -> None:
        records[0]["version"] = 2**53

    forged.write_bytes(forge(with_records(members_of(second), "patrol", rewrite)))
    checksum = sha256_of(Path(municipal))
    refused = loften("exchange", "import", "--db", municipal, str(forged), "--yes")
    assert refused.returncode == 1 and "inte signerat" in refused.stderr
    assert sha256_of(Path(municipal)) == checksum

    installation = listed.split()[0]
    assert (
        loften("exchange", "partners", "--db", municipal, "--revoke", installation).returncode == 0
    )
    again = loften("exchange", "import", "--db", municipal, str(second))
    assert again.returncode == 1 and expected in again.stdout
