"""`RecordListWidget`: a filter bar over a lazy table of records of one type."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.periods import Period
from loften_app.storage.errors import StorageError
from loften_app.storage.services import RecordFilter
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.columns import ListSpec, fill
from loften_app.ui.lists.filter_bar import FilterBar
from loften_app.ui.lists.table_model import RecordTableModel
from loften_app.ui.settings import list_column_widths, list_sort_descending, list_sort_key

_ASCENDING = "ascending"
_DESCENDING = "descending"
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SortHeader(QHeaderView):
    """A column header whose sort arrow points the way the list runs: ▲ for ascending (A to Ö,
    oldest first), ▼ for descending (newest first). Qt itself draws ascending as "sort down"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, section: int) -> None:
        super().initStyleOptionForIndex(option, section)
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == section:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortUp
                if ascending
                else QStyleOptionHeader.SortIndicator.SortDown
            )


def search_codes(spec: ListSpec, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each column that shows an enum's words: the stored codes whose words (as shown)
    contain `text`, so that the database search finds "genomförd" as it finds a place."""
    needle = text.strip().casefold()
    if not needle:
        return ()
    result = []
    for column in spec.columns:
        if column.enum is None or column.sort_key is None:
            continue
        codes = tuple(
            member.value for member in column.enum if needle in enum_text(member).casefold()
        )
        if codes:
            result.append((column.sort_key, codes))
    return tuple(result)


def configure_table_view(view: QTableView) -> None:
    """How every record list shows its table: whole rows, fixed row heights, no row numbers
    (the benchmark shows its bare baseline the same way)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    columns = view.horizontalHeader()
    columns.setHighlightSections(False)
    columns.setStretchLastSection(True)
    columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class RecordListWidget(QWidget):
    """A list of the records of one type with a filter bar, over a `RecordTableModel`.

    Column widths and the sort order are kept in `settings` under `settings_key` ("lists/
    patrols"). `place_choices` gives the (id, name) pairs of the place filter (needed when
    the model's spec has a place); `period` is the agreement period whose years and quarters
    the period filter offers. Enter or a double click opens a record, Delete asks to delete
    it, Ctrl+F searches.

    Signals:
        open_requested(str): the user wants to open the record with this id.
        new_requested(): the user wants to add a record ("Ny").
        delete_requested(str): the user pressed Delete on the record with this id.
        record_restored(str): the deleted record with this id was restored ("Återställ").
    """

    open_requested = Signal(str)
    new_requested = Signal()
    delete_requested = Signal(str)
    record_restored = Signal(str)

    def __init__(
        self,
        model: RecordTableModel,
        *,
        settings: QSettings,
        settings_key: str,
        place_choices: Callable[[], list[tuple[str, str]]] | None = None,
        period: Period | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        # On screen, a query's first rows show before the matches are counted.
        model.count_later = True
        self._settings = settings
        self._key = settings_key.rstrip("/")
        self._restoring = True
        self._place_choices = place_choices
        spec = model.spec

        self.filter_bar = FilterBar(
            with_period=spec.has_period,
            period=period,
            places=place_choices() if spec.has_place and place_choices is not None else None,
            statuses=spec.status_enum,
            parent=self,
        )
        self.restore_button = QPushButton(self.tr("Återställ"), self)
        self.restore_button.setAccessibleName(self.tr("Återställ den valda posten"))
        self.restore_button.setToolTip(self.tr("Återställ den valda borttagna posten"))
        self.restore_button.setVisible(False)
        self.new_button = QPushButton(self.tr("Ny"), self)
        self.new_button.setAccessibleName(self.tr("Ny post"))
        self.new_button.setToolTip(self.tr("Lägg till en ny post"))

        self.view = QTableView(self)
        self.view.setHorizontalHeader(SortHeader(self.view))
        self.view.setAccessibleName(spec.title_text())
        configure_table_view(self.view)
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Antal poster"))
        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Meddelande"))
        self.message_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.restore_button)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.sectionResized.connect(self._section_resized)
        model.count_changed.connect(self._show_count)
        model.counting_started.connect(self._count_after_paint)
        model.modelReset.connect(self._update_buttons)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.filter_bar.show_deleted.toggled.connect(self.restore_button.setVisible)
        self.new_button.clicked.connect(self.new_requested)
        self.restore_button.clicked.connect(self.restore_selected)

        self._restore_settings()
        self._restoring = False
        self._update_buttons()

    # --- public ---------------------------------------------------------------------------------

    @property
    def model(self) -> RecordTableModel:
        return self._model

    def current_id(self) -> str | None:
        """The id of the selected record (None when nothing is selected)."""
        index = self.view.currentIndex()
        return self._model.id_at(index.row()) if index.isValid() else None

    def select_id(self, id: str) -> bool:
        """Select and show the record with `id`; False if the list does not show it."""
        row = self._model.row_of(id)
        if row < 0:
            return False
        index = self._model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def reload(self) -> None:
        """Read the list again from the database (after changes made elsewhere)."""
        self._keep_selection(self._model.refresh)

    def reload_places(self) -> None:
        """Read the place register again for the place filter (after it was changed)."""
        if self._place_choices is not None and self._model.spec.has_place:
            self.filter_bar.set_places(self._place_choices())

    def restore_selected(self) -> None:
        """Restore the selected deleted record through the service."""
        record = self._model.record_at(self.view.currentIndex().row())
        if record is None or not record.meta.is_deleted:
            return
        try:
            self._model.service.undelete(id=record.id, expected_version=record.version)
        except StorageError as error:
            self.message_label.setText(error.message)
            return
        self.message_label.clear()
        self._model.record_changed(record.id)
        self.select_id(record.id)
        self._update_buttons()
        self.record_restored.emit(record.id)

    def save_settings(self) -> None:
        """Write column widths and the sort order to the settings."""
        header = self.view.horizontalHeader()
        widths = ",".join(str(header.sectionSize(i)) for i in range(header.count()))
        list_column_widths(self._key).write(self._settings, widths)
        column = self._model.sort_column
        sort_key = self._model.spec.columns[column].sort_key if column >= 0 else None
        list_sort_key(self._key).write(self._settings, sort_key or "")
        descending = self._model.sort_order == Qt.SortOrder.DescendingOrder
        list_sort_descending(self._key).write(
            self._settings, _DESCENDING if descending else _ASCENDING
        )

    # --- events ---------------------------------------------------------------------------------

    def _count_after_paint(self) -> None:
        """The model shows a first window before counting: count once the view has painted it
        (watched only until then); meanwhile the count says so."""
        self._show_count(self._model.rowCount())
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._model, self._model.count_now)
            return False
        if watched is self.view and event.type() == QEvent.Type.Resize:
            # The first page reads the rows this height shows first (the rest when asked for).
            assert isinstance(event, QResizeEvent)
            row = max(1, self.view.verticalHeader().defaultSectionSize())
            self._model.first_rows = event.size().height() // row + 1
        elif watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() in _OPEN_KEYS:
                record_id = self.current_id()
                if record_id is not None:
                    self.open_requested.emit(record_id)
                return True
            if event.key() == Qt.Key.Key_Delete:
                record = self._model.record_at(self.view.currentIndex().row())
                if record is not None and not record.meta.is_deleted:
                    self.delete_requested.emit(record.id)
                return True
        return super().eventFilter(watched, event)

    # --- internals ------------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        record_id = self._model.id_at(index.row())
        if record_id is not None:
            self.open_requested.emit(record_id)

    def _filter_changed(self) -> None:
        self.message_label.clear()
        new_filter = self._current_filter()
        self._keep_selection(lambda: self._model.set_filter(new_filter))

    def _current_filter(self) -> RecordFilter:
        chosen = self.filter_bar.current_filter(promise_id=self._model.filter.promise_id)
        codes = search_codes(self._model.spec, chosen.text or "")
        return dataclasses.replace(chosen, text_codes=codes) if codes else chosen

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if self._restoring:
            return
        if (
            not 0 <= column < self._model.columnCount()
            or not self._model.spec.columns[column].sortable
        ):
            self._show_sort_indicator()
            return
        self._keep_selection(lambda: self._model.sort(column, order))
        self.save_settings()

    def _section_resized(self) -> None:
        if not self._restoring:
            self.save_settings()

    def _keep_selection(self, change: Any) -> None:
        selected = self.current_id()
        change()
        if selected is not None:
            self.select_id(selected)
        self._update_buttons()

    def _show_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(self._model.sort_column, self._model.sort_order)
        header.blockSignals(blocked)

    def _show_count(self, count: int) -> None:
        if self._model.counting:
            self.count_label.setText(self.tr("Räknar…"))
        elif count == 1:
            self.count_label.setText(self.tr("1 post"))
        else:
            self.count_label.setText(fill(self.tr("%1 poster"), QLocale().toString(count)))

    def _update_buttons(self) -> None:
        record = self._model.record_at(self.view.currentIndex().row())
        self.restore_button.setEnabled(record is not None and record.meta.is_deleted)

    def _restore_settings(self) -> None:
        spec = self._model.spec
        header = self.view.horizontalHeader()
        saved = list_column_widths(self._key).read(self._settings)
        widths = [int(part) for part in saved.split(",") if part.strip().isdigit()]
        if len(widths) != len(spec.columns):
            metrics = self.view.fontMetrics()
            char = max(metrics.averageCharWidth(), metrics.horizontalAdvance("0"))
            title_metrics = header.fontMetrics()
            widths = [
                max(
                    column.width * char + 12,
                    title_metrics.horizontalAdvance(column.title()) + 36,
                )
                for column in spec.columns
            ]
        for section, width in enumerate(widths):
            header.resizeSection(section, max(width, header.minimumSectionSize()))
        if spec.stretch_column is not None:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(spec.stretch_column, QHeaderView.ResizeMode.Stretch)

        column, order = self._model.sort_column, self._model.sort_order
        sort_key = list_sort_key(self._key).read(self._settings)
        if sort_key and spec.column_of(sort_key) >= 0:
            column = spec.column_of(sort_key)
            saved_order = list_sort_descending(self._key).read(self._settings)
            order = (
                Qt.SortOrder.AscendingOrder
                if saved_order == _ASCENDING
                else Qt.SortOrder.DescendingOrder
            )
        self._model.set_query(filter=self._current_filter(), sort_column=column, order=order)
        self._show_sort_indicator()
        self._show_count(self._model.rowCount())
