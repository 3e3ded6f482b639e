"""Open a list of many patrols and jump to its end, against a bare table model.

    .venv/bin/python benchmarks/bench_list.py [--records 1000000] [--db PATH] [--runs 3]

The database is made with `loften demo-data` (kept in the temporary folder and reused by later
runs). The list (RecordListWidget over RecordTableModel on the patrols) is opened and shown
until the view has painted its first rows ("first rows visible"), then scrolled to the bottom
with QTableView.scrollToBottom until the view has painted the last rows ("jump to end"; the
list shows its first rows before it has counted them, so this includes waiting for the count). The
baseline is a bare QAbstractTableModel with the same number of rows and columns whose data()
formats the row and column numbers, shown in a QTableView set up the same way in a window of
the same size, timed the same two ways. Prints the medians of `--runs`, their ratios (goal: at
most 3 each), the main thread's CPU time to the first rows (steadier than the wall time on a
loaded machine) and the resident memory with the list open (goal: at most 250 MB).

LOFTEN_BENCH_SRC=DIR runs the package from another source tree (an older commit unpacked with
`git archive COMMIT src resources | tar -x -C DIR`), to compare before and after.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QApplication, QTableView, QVBoxLayout, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("LOFTEN_BENCH_SRC", str(ROOT / "src")))

from loften_app.domain.enums import Organisation  # noqa: E402
from loften_app.domain.records import Actor  # noqa: E402
from loften_app.storage.database import open_database  # noqa: E402
from loften_app.storage.services import Services  # noqa: E402
from loften_app.ui.lists.names import RegisterNames  # noqa: E402
from loften_app.ui.lists.record_list import RecordListWidget, configure_table_view  # noqa: E402
from loften_app.ui.lists.specs import PATROLS  # noqa: E402
from loften_app.ui.lists.table_model import RecordTableModel  # noqa: E402
from loften_app.ui.lookups import Lookups  # noqa: E402

#: Patrols per unit of `loften demo-data --scale` (about 236 records of all kinds).
PATROLS_PER_SCALE_UNIT = 149
WINDOW_SIZE = (1100, 700)
PAINT_TIMEOUT_S = 120.0


class BareModel(QAbstractTableModel):
    """The baseline: `rows` × `columns` cells of formatted numbers, nothing stored."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows = rows
        self._columns = columns

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}:{index.column()}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return f"Kolumn {section}"
        return None


class PaintWatch(QObject):
    """Counts paint events of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def process_until(condition: Any, what: str) -> None:
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not condition():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")


def show_and_scroll(
    window: QWidget, view: QTableView, started: float, cpu_started: float
) -> tuple[float, float, float]:
    """Show `window`, wait for its first paint, scroll `view` to the end, wait for a paint;
    returns the seconds from `started` to the first paint and from there to the end painted,
    and the main thread's CPU seconds from `cpu_started` to the first paint."""
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    window.resize(*WINDOW_SIZE)
    window.show()
    process_until(lambda: watch.paints > 0, "the first paint")
    first = time.perf_counter()
    first_cpu = time.thread_time()
    # A list on screen shows its first window before it is counted: the jump waits for the
    # count (its time is part of the jump to the end).
    model = view.model()
    process_until(lambda: not getattr(model, "counting", False), "the count")
    painted = watch.paints
    bar = view.verticalScrollBar()
    before = bar.value()
    view.scrollToBottom()
    if bar.value() != before:
        process_until(lambda: watch.paints > painted, "the paint after scrolling")
    view.viewport().removeEventFilter(watch)
    last = view.model().rowCount() - 1
    if bar.value() != bar.maximum() or view.rowAt(view.viewport().height() - 1) not in (last, -1):
        raise SystemExit(f"not at the end: {bar.value()} of {bar.maximum()}")
    return first - started, time.perf_counter() - first, first_cpu - cpu_started


def ensure_database(path: Path, records: int) -> None:
    if path.exists():
        print(f"using {path}")
        return
    scale = max(1, math.ceil(records / PATROLS_PER_SCALE_UNIT))
    loften = Path(sys.executable).parent / "loften"
    print(f"creating {path} with demo-data --scale {scale} …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [str(loften), "demo-data", "--db", str(path), "--year", "2018", "--scale", str(scale)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"created in {time.perf_counter() - started:.0f} s")


def warm_up() -> None:
    """Show a tiny table once so that neither run pays for Qt's first-use costs (fonts, style)."""
    window = QTableView()
    configure_table_view(window)
    window.setModel(BareModel(10, 3))
    show_and_scroll(window, window, time.perf_counter(), time.thread_time())
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def bench_list(
    services: Services, settings_path: Path
) -> tuple[tuple[float, float, float], int, float]:
    started = time.perf_counter()
    cpu_started = time.thread_time()
    names = RegisterNames.from_services(
        places=services.places, shops=services.shops, promises=services.promises
    )
    model = RecordTableModel(services.patrols, PATROLS, names)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    widget = RecordListWidget(
        model,
        settings=settings,
        settings_key="lists/patrols",
        place_choices=Lookups(services).places,
    )
    times = show_and_scroll(widget, widget.view, started, cpu_started)
    rows = model.rowCount()
    memory = rss_mb()
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()
    return times, rows, memory


def bench_bare(rows: int, columns: int) -> tuple[float, float, float]:
    started = time.perf_counter()
    cpu_started = time.thread_time()
    window = QWidget()
    view = QTableView(window)
    configure_table_view(view)
    view.setModel(BareModel(rows, columns))
    QVBoxLayout(window).addWidget(view)
    times = show_and_scroll(window, view, started, cpu_started)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="patrols in the list")
    parser.add_argument("--db", type=Path, help="database to use (made if missing)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / "loften-bench" / f"list-{args.records}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_database(path, args.records)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    database = open_database(path)
    services = Services.build(database, Actor("benchmark", Organisation.MUNICIPALITY))
    warm_up()
    lists: list[tuple[float, float, float]] = []
    bares: list[tuple[float, float, float]] = []
    memory = 0.0
    rows = 0
    print(f"load average: {os.getloadavg()[0]:.2f}")
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            times, rows, rss = bench_list(services, Path(folder) / "settings.ini")
        lists.append(times)
        memory = max(memory, rss)
        bares.append(bench_bare(rows, len(PATROLS.columns)))
    database.close()
    del app

    print(f"rows: {rows:,}".replace(",", " "))
    for what, index in (("first rows visible", 0), ("jump to end", 1)):
        mine = statistics.median(t[index] for t in lists)
        bare = statistics.median(t[index] for t in bares)
        ratio = mine / bare
        print(
            f"{what}: list {mine * 1000:.0f} ms | bare model {bare * 1000:.0f} ms | "
            f"ratio {ratio:.1f} (goal <= 3) {'MET' if ratio <= 3 else 'NOT MET'}"
        )
    mine = statistics.median(t[2] for t in lists)
    bare = statistics.median(t[2] for t in bares)
    print(
        f"first rows visible, the main thread's CPU: list {mine * 1000:.1f} ms | "
        f"bare model {bare * 1000:.1f} ms | ratio {mine / bare:.2f}"
    )
    print(
        f"resident memory with the list open: {memory:.0f} MB (goal <= 250 MB) "
        f"{'MET' if memory <= 250 else 'NOT MET'} | load average {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
