"""Peak memory of reading the worst packages that are refused (issue 14: bounded reading).

    .venv/bin/python benchmarks/bench_exchange_memory.py [--dir DIR]

Makes a police database (the template and a demo year), pairs a municipal one with it, and
builds packages that a paired but hostile partner (who has the signing key) or anyone else could
send, each refused in the end:

- `largest`: two records members at the per-member limit (64 MB each, 128 MB together, about
  170,000 copies of a real patrol and volunteer deployment with one id each), signed with the
  partner's key: every record is parsed and validated before the duplicate ids refuse it. This
  is the most a package can make the reader hold.
- `bomb`: the attack's package (5 MB that inflates to more than 1 GB of records), signed with
  the partner's key: refused from the zip directory, before inflating.
- `unsigned`: the same forged by someone without the key: refused at the signature.

Each is opened in a fresh process with `trust.open_trusted`; it prints the peak resident memory
of that process above its high-water mark before reading (Linux: `VmHWM`), and the time.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def child(package: Path, database: Path) -> None:
    from loften_app.storage.database import open_database
    from loften_app.storage.exchange import PackageError
    from loften_app.storage.exchange.trust import open_trusted

    with open_database(database) as db:
        before = _status_kb("VmHWM")
        began = time.perf_counter()
        try:
            open_trusted(db, package)
            outcome = "accepted"
        except PackageError as error:
            outcome = error.message[:110]
        seconds = time.perf_counter() - began
    peak = _status_kb("VmHWM")  # the high-water mark of this process (reset by exec)
    print(json.dumps({"before_kb": before, "peak_kb": peak, "s": seconds, "outcome": outcome}))


def _zip(members: dict[str, bytes]) -> bytes:
    from loften_app.storage.exchange.package import MANIFEST, content_digest

    content = {n: d for n, d in members.items() if n != MANIFEST}
    manifest = json.loads(members[MANIFEST])
    manifest["files"] = {
        n: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in content.items()
    }
    manifest["content_sha256"] = content_digest(list(content.items()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        for name, data in content.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _fill(records: list[dict[str, Any]], limit: int) -> tuple[bytes, int]:
    """Copies of the first record up to `limit` bytes, each with other notes (so that they do not
    pack like a zip bomb) and the same id (refused only at the end, after all are parsed)."""
    rng = random.Random(8)
    letters = "abcdefghijklmnopqrstuvwxyzåäö "
    parts: list[bytes] = []
    size = 2
    while True:
        record = copy.deepcopy(records[0])
        record["data"]["notes"] = "".join(rng.choice(letters) for _ in range(200))
        one = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        if size + len(one) + 1 > limit:
            break
        parts.append(one)
        size += len(one) + 1
    return b"[" + b",".join(parts) + b"]", len(parts)


def build(folder: Path) -> tuple[Path, dict[str, Path]]:
    from loften_app.domain.enums import Organisation
    from loften_app.domain.records import Actor
    from loften_app.storage.database import open_database
    from loften_app.storage.demo.common import DemoOptions
    from loften_app.storage.demo.fill import fill_demo_data
    from loften_app.storage.exchange import export_changes
    from loften_app.storage.exchange.package import MANIFEST
    from loften_app.storage.exchange.signing import (
        installation_key,
        pair,
        sign_file,
        verify_signature,
    )
    from loften_app.storage.services import Services
    from loften_app.storage.template import apply_template

    police = Actor("kommunpolis", Organisation.POLICE)
    municipality = Actor("samordnare", Organisation.MUNICIPALITY)
    police_path, municipal_path = folder / "polisen.db", folder / "kommunen.db"
    with open_database(police_path) as db:
        apply_template(Services.build(db, police), "filipstad-2017-2018")
        fill_demo_data(db, police, DemoOptions(year=2018, seed=1))
        export_changes(Services.build(db, police), folder / "real.loften", photo_dir=None)
    key = installation_key(police_path)
    with open_database(municipal_path) as db:
        apply_template(Services.build(db, municipality), "filipstad-2017-2018")
        pair(db, verify_signature(folder / "real.loften"))
    with zipfile.ZipFile(folder / "real.loften") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members[MANIFEST])

    largest = dict(members)
    counts = dict(manifest["counts"])
    for name in ("patrol", "volunteer_deployment"):
        records = json.loads(members[f"records/{name}.json"])
        largest[f"records/{name}.json"], counts[name] = _fill(records, (64 << 20) - (256 << 10))
    largest[MANIFEST] = json.dumps({**manifest, "counts": counts}).encode()

    bomb = dict(members)
    patrols = json.loads(members["records/patrol.json"])
    fake = copy.deepcopy(patrols[0])
    fake["id"] = str(uuid.uuid4())
    bomb["records/patrol.json"] = (
        b"[" + json.dumps(fake).encode() + b"," + b" " * (1100 << 20) + b"]"
    )

    packages: dict[str, Path] = {}
    for name, content, signed in (
        ("largest", largest, True),
        ("bomb", bomb, True),
        ("unsigned", largest, False),
    ):
        path = folder / f"{name}.loften"
        path.write_bytes(_zip(content))
        if signed:
            sign_file(path, key)
        packages[name] = path
    return municipal_path, packages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="keep the files here")
    parser.add_argument("--child", nargs=2, metavar=("PACKAGE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="loften-exchange-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    database, packages = build(folder)
    for name, path in packages.items():
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(database)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        above = (figures["peak_kb"] - figures["before_kb"]) / 1024
        print(
            f"{name}: file {path.stat().st_size / 2**20:.1f} MB, peak {above:.0f} MB above the "
            f"{figures['before_kb'] / 1024:.0f} MB before reading, {figures['s']:.1f} s: "
            f"{figures['outcome']}"
        )


if __name__ == "__main__":
    main()
