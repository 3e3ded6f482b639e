"""`RecordTableModel`: a lazy table model over any record service.

The model keeps only the keys of the matching records, in list order: their SQLite rowids in an
`array('q')`, 8 bytes a row (a million patrols cost 8 MB). Rows are read with
`get_many_by_rowid` a page at a time when the view asks for them, and a few pages are kept in
a least-recently-used cache. Sorting and filtering are done by the database: `sort()` and
`set_filter()` ask the service for the keys again.

When one record changes, `record_changed(id)` reads the keys again and tells the view exactly
what happened: `dataChanged` for its row when it stayed where it was, rows inserted, removed or
moved otherwise (a reset only for anything more complicated).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from loften_app.domain.records import Stored
from loften_app.storage.services import RecordFilter, RecordService
from loften_app.ui.lists.columns import ListSpec, fill
from loften_app.ui.lists.names import RegisterNames

#: Role that returns a value that compares the way the column sorts (numbers, ISO dates, codes).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role that returns the record's id (str).
ID_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200
MAX_PAGES = 32
_KEY_BYTES = 8

Index = QModelIndex | QPersistentModelIndex
Page = list[Stored[Any] | None]


class RecordTableModel(QAbstractTableModel):
    """Rows of one record type, read lazily from its service.

    Nothing is read until `refresh()`, `set_filter()`, `set_query()` or `sort()` is called.

    Signals:
        count_changed(int): the number of matching records after a reload or a change.
    """

    count_changed = Signal(int)

    def __init__(
        self,
        service: RecordService[Any, Any],
        spec: ListSpec,
        names: RegisterNames,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._spec = spec
        self._names = names
        self._page_size = page_size
        self._max_pages = max_pages
        self._keys: array[int] = array("q")
        self._pages: OrderedDict[int, Page] = OrderedDict()
        self._filter = RecordFilter()
        self._sort_column = -1 if spec.default_sort_column is None else spec.default_sort_column
        self._descending = spec.default_descending

    # --- properties -----------------------------------------------------------------------------

    @property
    def service(self) -> RecordService[Any, Any]:
        return self._service

    @property
    def spec(self) -> ListSpec:
        return self._spec

    @property
    def names(self) -> RegisterNames:
        return self._names

    @property
    def filter(self) -> RecordFilter:
        return self._filter

    @property
    def sort_column(self) -> int:
        """The column sorted by, or -1 for the service's default order."""
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        if self._descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spec.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._spec.columns):
            return None
        column = self._spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title()
        # Header texts stay left-aligned: a right-aligned one would run into the sort arrow.
        if role == Qt.ItemDataRole.ToolTipRole and not column.sortable:
            return QCoreApplication.translate("RecordTableModel", "Kolumnen går inte att sortera")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if role not in _ROLES:
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        column = self._spec.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record.data, self._names)
        if role == SORT_ROLE:
            if column.sort_value is not None:
                return column.sort_value(record.data)
            return column.display(record.data, self._names)
        if role == ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        deleted_at = record.meta.deleted_at
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text, for cells too narrow to show it.
            text = column.display(record.data, self._names)
            if deleted_at is None:
                return text or None
            deleted = fill(
                QCoreApplication.translate("RecordTableModel", "Borttagen %1"),
                deleted_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
            return f"{deleted}\n{text}" if text else deleted
        if deleted_at is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a sortable column: the database orders the keys again. Columns that cannot be
        sorted (see `Column.sort_key`) are ignored."""
        if not 0 <= column < len(self._spec.columns) or not self._spec.columns[column].sortable:
            return
        self.set_query(filter=self._filter, sort_column=column, order=order)

    # --- queries --------------------------------------------------------------------------------

    def set_filter(self, filter: RecordFilter) -> None:
        """Show the records that match `filter` (a reset)."""
        self.set_query(filter=filter, sort_column=self._sort_column, order=self.sort_order)

    def set_query(self, *, filter: RecordFilter, sort_column: int, order: Qt.SortOrder) -> None:
        """Set the filter and the sort column at once and read the keys (a reset). An unsortable
        `sort_column` keeps the current order."""
        if 0 <= sort_column < len(self._spec.columns) and self._spec.columns[sort_column].sortable:
            self._sort_column = sort_column
            self._descending = order == Qt.SortOrder.DescendingOrder
        self._filter = filter
        keys = self._read_keys()
        self.beginResetModel()
        self._keys = keys
        self._pages.clear()
        self.endResetModel()
        self.count_changed.emit(len(keys))

    def refresh(self) -> None:
        """Read the keys again. Rows inserted or removed in one block, or one row moved, are
        reported as such; otherwise the model resets. Every cached row is read again."""
        self._apply_keys(self._read_keys(), changed=None)

    def record_changed(self, id: str) -> None:
        """One record was added, changed, deleted or restored: update only what that touched."""
        self._apply_keys(self._read_keys(), changed=self._service.rowid_of(id=id))

    def refresh_names(self) -> None:
        """A place, shop or promise was renamed: forget the names and repaint every row."""
        self._names.clear()
        self._emit_all_changed()

    # --- records --------------------------------------------------------------------------------

    def record_at(self, row: int) -> Stored[Any] | None:
        """The record shown in `row` (None outside the list or if it has gone meanwhile)."""
        if not 0 <= row < len(self._keys):
            return None
        number, offset = divmod(row, self._page_size)
        return self._page(number)[offset]

    def id_at(self, row: int) -> str | None:
        record = self.record_at(row)
        return None if record is None else record.id

    def row_of(self, id: str) -> int:
        """The row that shows the record with `id`, or -1."""
        rowid = self._service.rowid_of(id=id)
        return self._row_of_key(rowid)

    # --- internals ------------------------------------------------------------------------------

    def _sort_key(self) -> str | None:
        if self._sort_column < 0:
            return None
        return self._spec.columns[self._sort_column].sort_key

    def _read_keys(self) -> array[int]:
        return self._service.list_rowids(
            filter=self._filter, sort=self._sort_key(), descending=self._descending
        )

    def _page(self, number: int) -> Page:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * self._page_size
        keys = self._keys[start : start + self._page_size]
        records = self._service.get_many_by_rowid(rowids=keys)
        page = [records.get(key) for key in keys]
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _row_of_key(self, key: int | None) -> int:
        if key is None:
            return -1
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def _emit_all_changed(self) -> None:
        if self._keys:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._keys) - 1, self.columnCount() - 1)
            )

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _apply_keys(self, new: array[int], *, changed: int | None) -> None:
        old = self._keys
        edit = diff_keys(old, new)
        kind = edit[0]
        parent = QModelIndex()
        if kind == "same":
            if changed is None:
                self._pages.clear()
                self._emit_all_changed()
            else:
                row = self._row_of_key(changed)
                if row >= 0:
                    self._reload_row(row)
                    self._emit_row_changed(row)
            return
        if kind == "insert":
            first, count = edit[1], edit[2]
            self.beginInsertRows(parent, first, first + count - 1)
            self._keys = new
            self._pages.clear()
            self.endInsertRows()
        elif kind == "remove":
            first, count = edit[1], edit[2]
            self.beginRemoveRows(parent, first, first + count - 1)
            self._keys = new
            self._pages.clear()
            self.endRemoveRows()
        elif kind == "move":
            source, destination = edit[1], edit[2]
            # Qt's destination is the row the moved row goes before, counted before the move.
            before = destination + 1 if destination > source else destination
            self.beginMoveRows(parent, source, source, parent, before)
            self._keys = new
            self._pages.clear()
            self.endMoveRows()
            self._emit_row_changed(destination)
        else:
            self.beginResetModel()
            self._keys = new
            self._pages.clear()
            self.endResetModel()
        if len(old) != len(new):
            self.count_changed.emit(len(new))

    def _reload_row(self, row: int) -> None:
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            return
        key = self._keys[row]
        page[offset] = self._service.get_many_by_rowid(rowids=[key]).get(key)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SORT_ROLE,
        ID_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


# --- key lists ----------------------------------------------------------------------------------

Edit = tuple[str, int, int]


def _common_prefix(a: bytes, b: bytes) -> int:
    """How many leading keys two packed key arrays share (binary search over C comparisons)."""
    low, high = 0, min(len(a), len(b)) // _KEY_BYTES
    while low < high:
        middle = (low + high + 1) // 2
        if a[: middle * _KEY_BYTES] == b[: middle * _KEY_BYTES]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    """How many trailing keys two packed key arrays share, at most `limit`."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle * _KEY_BYTES :] == b[len(b) - middle * _KEY_BYTES :]:
            low = middle
        else:
            high = middle - 1
    return low


def diff_keys(old: array[int], new: array[int]) -> Edit:
    """How `new` differs from `old`, as the simplest edit a view understands:

    ("same", 0, 0); ("insert", first, count) and ("remove", first, count) for one block of rows;
    ("move", source, destination) for one row that moved; ("reset", 0, 0) for anything else.
    """
    a, b = old.tobytes(), new.tobytes()
    if a == b:
        return ("same", 0, 0)
    n_old, n_new = len(old), len(new)
    prefix = _common_prefix(a, b)
    suffix = _common_suffix(a, b, min(n_old, n_new) - prefix)
    if n_new > n_old and prefix + suffix == n_old:
        return ("insert", prefix, n_new - n_old)
    if n_new < n_old and prefix + suffix == n_new:
        return ("remove", prefix, n_old - n_new)
    if n_new == n_old:
        last = n_old - suffix - 1
        old_middle, new_middle = old[prefix : last + 1], new[prefix : last + 1]
        if old_middle[0] == new_middle[-1] and old_middle[1:] == new_middle[:-1]:
            return ("move", prefix, last)
        if old_middle[-1] == new_middle[0] and old_middle[:-1] == new_middle[1:]:
            return ("move", last, prefix)
    return ("reset", 0, 0)
