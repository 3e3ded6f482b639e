"""An import killed with SIGKILL at a random moment is either wholly there or not at all."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loften_app.storage.database import Database
from loften_app.storage.exchange import export_changes, read_package
from loften_app.storage.exchange.signing import pair, verify_signature
from loften_app.storage.services import Services
from tests.storage.conftest import POLICE, FixedClock

ATTEMPTS = 8


@pytest.mark.slow
# Nine imports in processes of their own: on a busy machine that is minutes, not a hang.
@pytest.mark.timeout(600)
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_import_killed_at_random_moments_is_never_half_applied(
    police: Services,
    municipality_db: Database,
    municipality_path: Path,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    package_path = tmp_path / "p.loften"
    # Made now (as a user makes it): the import refuses record times later than the package's.
    export_changes(police, package_path, photo_dir=None, actor=POLICE)
    package = read_package(package_path)
    activity_ids = {
        (name, item.meta.id)
        for name, items in package.records.items()
        if name in ("patrol", "safety_walk", "volunteer_deployment", "drug_case")
        for item in items
    }
    pair(municipality_db, verify_signature(package_path))  # the user confirmed the fingerprint
    municipality_db.close()
    rng = random.Random(6)
    outcomes = {"none": 0, "all": 0}
    # How long a whole import takes here (start-up included); the kills fall between 30 and 90
    # per cent of it, where the import reads, plans and writes.
    began = time.perf_counter()
    _start_import(municipality_path, tmp_path / "whole.db", package_path, tmp_path).wait()
    whole = time.perf_counter() - began
    # The moments are spread from early (the import cannot have committed) to a little after an
    # uninterrupted import would have ended (it has), each moved at random within its share, so
    # that both outcomes occur; a run that saw only one goes on with more, at most twice as many.
    running_when_killed = 0
    attempt = 0
    while attempt < ATTEMPTS or (min(outcomes.values()) == 0 and attempt < 2 * ATTEMPTS):
        share = (attempt % ATTEMPTS + rng.random()) / ATTEMPTS
        target = tmp_path / f"kill-{attempt}.db"
        attempt += 1
        # The extra attempts allow for a machine that got busier (or quieter) since `whole` was
        # measured: later when no kill came after the commit yet, earlier when none came before.
        stretch = 1.0
        if attempt > ATTEMPTS:
            stretch = 3.0 if outcomes["all"] == 0 else 0.3
        process = _start_import(municipality_path, target, package_path, tmp_path)
        time.sleep((0.3 + 1.0 * share) * whole * stretch)
        running_when_killed += process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            present = {
                (name, record_id)
                for name, record_id in activity_ids
                if connection.execute(f"SELECT 1 FROM {name} WHERE id = ?", (record_id,)).fetchone()
            }
            logged = connection.execute(
                "SELECT count(*) FROM exchange_log WHERE package_id = ?",
                (package.manifest.package_id,),
            ).fetchone()[0]
            audited = connection.execute(
                "SELECT count(*) FROM audit_entry WHERE action = 'import'"
            ).fetchone()[0]
        connection.close()
        if present:
            assert present == activity_ids and logged == 1 and audited > 0, attempt
            outcomes["all"] += 1
        else:
            assert logged == 0 and audited == 0, attempt
            outcomes["none"] += 1
    assert sum(outcomes.values()) == attempt
    # Both outcomes occurred, and kills did interrupt imports (not only finished processes).
    assert outcomes["none"] > 0, outcomes
    assert outcomes["all"] > 0, outcomes
    assert running_when_killed > 0, running_when_killed
    with sqlite3.connect(tmp_path / "whole.db") as connection:  # the uninterrupted import
        assert connection.execute("SELECT count(*) FROM exchange_log").fetchone()[0] == 1
    connection.close()
    print(f"killed imports: {outcomes}")


def _start_import(
    template: Path, target: Path, package: Path, tmp_path: Path
) -> subprocess.Popen[bytes]:
    shutil.copyfile(template, target)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "loften_app",
            "exchange",
            "import",
            "--db",
            str(target),
            str(package),
            "--yes",
            "--photos",
            str(tmp_path / "foton"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LOFTEN_USER": "kill-test"},
    )
