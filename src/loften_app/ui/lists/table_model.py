"""`RecordTableModel`: a lazy table model over any record service.

The model keeps only the keys of the matching records, in list order: their SQLite rowids in an
`array('q')`, 8 bytes a row (a million patrols cost 8 MB). Rows are read with
`get_many_by_rowid` a page at a time when the view asks for them, and a few pages are kept in
a least-recently-used cache. Sorting and filtering are done by the database: `sort()` and
`set_filter()` ask the service for the keys again.

A large list (more than `full_keys_limit` matches) is counted first and its keys are read by
window, as the view reaches them: the first rows of a million show as soon as the count and the
first window are read, and the last rows come from the same query in the opposite order, so
jumping to the end costs no more than the start. The whole key list of a large list is read only
when something needs it (a change to report exactly, or finding a record's row).

When one record changes, `record_changed(id)` reads the keys again and tells the view exactly
what happened: `dataChanged` for its row when it stayed where it was, rows inserted, removed or
moved otherwise (a reset only for anything more complicated, or when a large list's windows
cannot tell what the old order was).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
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

#: Rows read at a time: about two screens (a page of 50 patrols with their places and shop
#: visits reads in about 10 ms; 200 took 50-100 ms before the first rows could show).
PAGE_SIZE = 50
MAX_PAGES = 64
#: Lists with more matches than this are counted first and their keys read by window.
FULL_KEYS_LIMIT = 50_000
#: The longest a list shown by its first window waits for `count_now()` before it counts (ms).
COUNT_DELAY_MS = 100
#: When a list shown with the stored totals' count counts its rows to check it (ms).
CHECK_DELAY_MS = 1000
#: Pages of keys in one window, and the windows kept.
WINDOW_PAGES = 10
MAX_WINDOWS = 64
_KEY_BYTES = 8

Index = QModelIndex | QPersistentModelIndex


class _Unread(Enum):
    """A row of the first page not read yet (`RecordTableModel.first_rows`)."""

    ROW = 0


_UNREAD: Final = _Unread.ROW
Page = list[Stored[Any] | _Unread | None]


class RecordTableModel(QAbstractTableModel):
    """Rows of one record type, read lazily from its service.

    Nothing is read until `refresh()`, `set_filter()`, `set_query()` or `sort()` is called.

    With `count_later` (a list on screen), a query's first window of keys is shown before the
    matches are counted: the count follows when `count_now()` is called (the list calls it after
    its view's paint) or after `COUNT_DELAY_MS` at the latest (rows inserted after the first
    window), and `counting` is true until then. A large list without a filter of a kind the
    stored totals count (`RecordService.stored_count`) takes their number at once instead, and
    counts its rows `CHECK_DELAY_MS` later to check it (read again if it differs).

    Signals:
        count_changed(int): the number of matching records after a reload or a change (not
        sent for the first window shown before the count).
        counting_started(): a first window is shown and the count is pending.
    """

    count_changed = Signal(int)
    counting_started = Signal()

    def __init__(
        self,
        service: RecordService[Any, Any],
        spec: ListSpec,
        names: RegisterNames,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        full_keys_limit: int = FULL_KEYS_LIMIT,
        count_later: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._spec = spec
        self._names = names
        self._page_size = page_size
        self._max_pages = max_pages
        self._full_keys_limit = full_keys_limit
        #: Every key in list order, or None for a large list read by window.
        self._keys: array[int] | None = array("q")
        self._count = 0
        self._windows: OrderedDict[int, array[int]] = OrderedDict()
        self._pages: OrderedDict[int, Page] = OrderedDict()
        self._filter = RecordFilter()
        self._sort_column = -1 if spec.default_sort_column is None else spec.default_sort_column
        self._descending = spec.default_descending
        #: Show a query's first window before counting the matches (see the class).
        self.count_later = count_later
        #: How many rows of the first page to read first (the rows the view shows; the list
        #: sets it from its height): the rest of that page is read when asked for. None: all.
        self.first_rows: int | None = None
        #: The query whose count is pending (its number), or None.
        self._pending: int | None = None
        #: The query shown with the stored totals' count, until it is checked.
        self._checking: int | None = None
        self._queries = 0

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
    def counting(self) -> bool:
        """True while the rows shown are a first window and the matches are being counted."""
        return self._pending is not None

    @property
    def sort_order(self) -> Qt.SortOrder:
        if self._descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
        # Called about seven times per cell painted: roles compared as plain numbers, and the
        # record taken from its cached page directly.
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < self._count:  # an invalid index has row -1
            return None
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._page(number)
        else:
            self._pages.move_to_end(number)
        record = page[offset]
        if record is _UNREAD:
            record = self._read_rest(number)[offset]
        if record is None or record is _UNREAD:
            return None
        column = self._spec.columns[index.column()]
        if role == _DISPLAY:
            return column.display(record.data, self._names)
        if role == _ALIGNMENT:
            return column.alignment
        deleted_at = record.meta.deleted_at
        if deleted_at is None and role in _STRUCK_ROLES:
            return None
        if role == SORT_ROLE:
            if column.sort_value is not None:
                return column.sort_value(record.data)
            return column.display(record.data, self._names)
        if role == ID_ROLE:
            return record.id
        if role == _TOOLTIP:
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
        if role == _FOREGROUND:
            return QGuiApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == _FONT:
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
        self._queries += 1
        self._pending = None
        if self.count_later:
            self._show_first_window()
            return
        count = self._service.count(filter=self._filter)
        keys = self._read_keys() if count <= self._full_keys_limit else None
        self.beginResetModel()
        self._set_keys(keys, len(keys) if keys is not None else count)
        self.endResetModel()
        self.count_changed.emit(self._count)

    def _show_first_window(self) -> None:
        """The query's first window of keys, shown at once; a longer list is counted next, from
        the event loop (`_count_rest`)."""
        size = self._window_size()
        first = self._service.list_rowids(
            filter=self._filter,
            sort=self._sort_key(),
            descending=self._descending,
            offset=0,
            limit=size + 1,
        )
        # A large unfiltered list: the stored totals know how many (checked a moment later).
        stored = None
        if len(first) > size and self._filter == RecordFilter():
            stored = self._service.stored_count()
            if stored is not None and stored <= max(size, self._full_keys_limit):
                stored = None  # a list read whole is counted as it is read
        self.beginResetModel()
        if len(first) <= size:  # that is the whole list
            self._set_keys(first, len(first))
        else:
            self._set_keys(None, size if stored is None else stored)
            self._windows[0] = first[:size]
            self._pending = self._queries if stored is None else None
        self.endResetModel()
        if stored is not None:
            self._checking = self._queries
            QTimer.singleShot(CHECK_DELAY_MS, self, self._check_count)
        if self._pending is None:
            self.count_changed.emit(self._count)
        else:
            QTimer.singleShot(COUNT_DELAY_MS, self, self._count_rest)
            self.counting_started.emit()

    def _check_count(self) -> None:
        """Count a list shown with the stored totals' number: should they differ (totals that
        drifted, `loften check`), the list is read again with the counted number."""
        if self._checking != self._queries:
            return
        self._checking = None
        count = self._service.count(filter=self._filter)
        if count == self._count:
            return
        keys = self._read_keys() if count <= self._full_keys_limit else None
        self.beginResetModel()
        self._set_keys(keys, count if keys is None else len(keys))
        self.endResetModel()
        self.count_changed.emit(self._count)

    def _count_rest(self) -> None:
        """Count the matches of a list shown by its first window, and add the other rows."""
        if self._pending != self._queries:
            return  # another query (or a refresh) came meanwhile
        self._pending = None
        count = self._service.count(filter=self._filter)
        first = self._windows.get(0, array("q"))
        keys = self._read_keys() if count <= self._full_keys_limit else None
        if keys is not None:
            count = len(keys)
        same_start = count >= self._count and (keys is None or keys[: len(first)] == first)
        if not same_start:  # changed meanwhile: start again
            self.beginResetModel()
            self._set_keys(keys, count)
            self.endResetModel()
        elif count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            if keys is not None:
                self._keys = keys
                self._windows.clear()
            self.endInsertRows()
        self.count_changed.emit(self._count)

    def count_now(self) -> None:
        """Finish a pending count now (the first rows are on screen, or something needs the
        whole list)."""
        if self._pending is not None:
            self._count_rest()

    def refresh(self) -> None:
        """Read the keys again. Rows inserted or removed in one block, or one row moved, are
        reported as such; otherwise the model resets. Every cached row is read again.

        A large list that has not read its whole key list is counted again and read by window
        again: all rows changed if the count is the same, a reset otherwise."""
        self.count_now()
        if self._keys is None or not self._keys:
            count = self._service.count(filter=self._filter)
            if count > self._full_keys_limit:
                if self._keys is None and count == self._count:
                    self._set_keys(None, count)
                    self._emit_all_changed()
                    return
                self.beginResetModel()
                self._set_keys(None, count)
                self.endResetModel()
                self.count_changed.emit(count)
                return
        self._apply_keys(self._read_keys(), changed=None)

    def record_changed(self, id: str) -> None:
        """One record was added, changed, deleted or restored: update only what that touched."""
        self.count_now()
        changed = self._service.rowid_of(id=id)
        self._apply_keys(self._read_keys(), changed=changed)

    def refresh_names(self) -> None:
        """A place, shop or promise was renamed: forget the names and repaint every row."""
        self._names.clear()
        self._emit_all_changed()

    # --- records --------------------------------------------------------------------------------

    def record_at(self, row: int) -> Stored[Any] | None:
        """The record shown in `row` (None outside the list or if it has gone meanwhile)."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self._page_size)
        record = self._page(number)[offset]
        if record is _UNREAD:
            record = self._read_rest(number)[offset]
        return None if record is _UNREAD else record

    def id_at(self, row: int) -> str | None:
        record = self.record_at(row)
        return None if record is None else record.id

    def row_of(self, id: str) -> int:
        """The row that shows the record with `id`, or -1."""
        self.count_now()
        rowid = self._service.rowid_of(id=id)
        if rowid is None:
            return -1
        if self._keys is None:
            row = self._cached_row_of(rowid)
            if row >= 0:
                return row
            self._load_all_keys()
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
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        start = number * self._page_size
        end = min(start + self._page_size, self._count)
        first = self.first_rows
        partial = number == 0 and first is not None and 0 < first < end
        page = self._read(start, first if partial and first is not None else end)
        if partial:
            page.extend([_UNREAD] * (end - len(page)))
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _read(self, start: int, end: int) -> Page:
        """The records of rows `start` to `end` (exclusive)."""
        keys = self._key_slice(start, end)
        records = self._service.get_many_by_rowid(rowids=keys)
        page: Page = [records.get(key) for key in keys]
        # A large list read by window may have lost rows since it was counted: those show empty.
        page.extend([None] * (end - start - len(page)))
        return page

    def _read_rest(self, number: int) -> Page:
        """Page `number` with its rows not read yet read now."""
        page = self._page(number)
        first = page.index(_UNREAD)
        start = number * self._page_size
        page[first:] = self._read(start + first, start + len(page))
        return page

    def _row_of_key(self, key: int | None) -> int:
        if key is None:
            return -1
        if self._keys is None:
            return self._cached_row_of(key)
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    # --- keys by window (large lists) -----------------------------------------------------------

    def _set_keys(self, keys: array[int] | None, count: int) -> None:
        """Take a new key list (None: a large list of `count` rows, read by window)."""
        self._keys = keys
        self._count = count
        self._windows.clear()
        self._pages.clear()

    def _window_size(self) -> int:
        return self._page_size * WINDOW_PAGES

    def _key_slice(self, start: int, end: int) -> array[int]:
        """The keys of rows `start` to `end` (exclusive)."""
        if self._keys is not None:
            return self._keys[start:end]
        size = self._window_size()
        keys: array[int] = array("q")
        row = start
        while row < end:
            number, offset = divmod(row, size)
            window = self._window(number)
            taken = window[offset : offset + end - row]
            if not taken:  # the file has fewer rows than counted (changed meanwhile)
                break
            keys.extend(taken)
            row += len(taken)
        return keys

    def _window(self, number: int) -> array[int]:
        """Window `number` of a large list's keys; those past the middle are read from the end
        (the same query in the opposite order), so that the end is as quick as the start."""
        window = self._windows.get(number)
        if window is not None:
            self._windows.move_to_end(number)
            return window
        size = self._window_size()
        start = number * size
        end = min(start + size, self._count)
        if start < self._count - end:
            window = self._service.list_rowids(
                filter=self._filter,
                sort=self._sort_key(),
                descending=self._descending,
                offset=start,
                limit=end - start,
            )
        else:
            window = self._service.list_rowids(
                filter=self._filter,
                sort=self._sort_key(),
                descending=not self._descending,
                offset=self._count - end,
                limit=end - start,
            )
            window.reverse()
        self._windows[number] = window
        while len(self._windows) > MAX_WINDOWS:
            self._windows.popitem(last=False)
        return window

    def _cached_row_of(self, key: int) -> int:
        """The row of `key` in the windows read so far, or -1."""
        size = self._window_size()
        for number, window in self._windows.items():
            try:
                return number * size + window.index(key)
            except ValueError:
                continue
        return -1

    def _load_all_keys(self) -> None:
        """Read a large list's whole key list (for what needs every row); nothing is emitted:
        the rows stay what they were."""
        keys = self._read_keys()
        if len(keys) == self._count and self._windows_match(keys):
            self._keys = keys
            self._windows.clear()
        else:  # changed meanwhile: start again
            self.beginResetModel()
            self._set_keys(keys, len(keys))
            self.endResetModel()
            self.count_changed.emit(self._count)

    def _windows_match(self, keys: array[int]) -> bool:
        size = self._window_size()
        return all(
            keys[number * size : number * size + len(window)] == window
            for number, window in self._windows.items()
        )

    def _old_keys(self, new: array[int], changed: int | None) -> array[int] | None:
        """The key list before a change, for a large list of which only windows were read: the
        one-record edit that `new` and the windows agree on, or None if none fits."""
        count = self._count
        old: array[int] | None = None
        row = -1 if changed is None else _index(new, changed)
        if changed is None:
            old = new
        elif len(new) == count and row >= 0:
            old = new
            was = self._cached_row_of(changed)
            if was >= 0 and was != row:
                old = new[:row] + new[row + 1 :]
                old = old[:was] + array("q", [changed]) + old[was:]
        elif len(new) == count + 1 and row >= 0:
            old = new[:row] + new[row + 1 :]
        elif len(new) == count - 1 and row < 0:
            was = self._cached_row_of(changed)
            if was >= 0:
                old = new[:was] + array("q", [changed]) + new[was:]
        if old is None or len(old) != count or not self._windows_match(old):
            return None
        return old

    def _emit_all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1)
            )

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _apply_keys(self, new: array[int], *, changed: int | None) -> None:
        old = self._keys
        if old is None:
            old = self._old_keys(new, changed)
            if old is None:
                self.beginResetModel()
                self._set_keys(new, len(new))
                self.endResetModel()
                self.count_changed.emit(self._count)
                return
            self._set_keys(old, len(old))
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
            self._set_keys(new, len(new))
            self.endInsertRows()
        elif kind == "remove":
            first, count = edit[1], edit[2]
            self.beginRemoveRows(parent, first, first + count - 1)
            self._set_keys(new, len(new))
            self.endRemoveRows()
        elif kind == "move":
            source, destination = edit[1], edit[2]
            # Qt's destination is the row the moved row goes before, counted before the move.
            before = destination + 1 if destination > source else destination
            self.beginMoveRows(parent, source, source, parent, before)
            self._set_keys(new, len(new))
            self.endMoveRows()
            self._emit_row_changed(destination)
        else:
            self.beginResetModel()
            self._set_keys(new, len(new))
            self.endResetModel()
        if len(old) != len(new):
            self.count_changed.emit(len(new))

    def _reload_row(self, row: int) -> None:
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            return
        key = self._key_slice(row, row + 1)[0]
        page[offset] = self._service.get_many_by_rowid(rowids=[key]).get(key)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
#: The roles that only a deleted record's cells answer.
_STRUCK_ROLES = frozenset({_FOREGROUND, _FONT})
#: The roles `data` answers (as numbers: compared with the plain int Qt passes).
_ROLES = frozenset(
    {_DISPLAY, int(SORT_ROLE), int(ID_ROLE), _ALIGNMENT, _FOREGROUND, _FONT, _TOOLTIP}
)


# --- key lists ----------------------------------------------------------------------------------


def _index(keys: array[int], key: int) -> int:
    try:
        return keys.index(key)
    except ValueError:
        return -1


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
