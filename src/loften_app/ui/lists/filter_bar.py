"""`FilterBar`: the inputs above a record list (period, place, status, search, deleted)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from loften_app.domain.periods import Period, parse_period, quarter, year, years_in
from loften_app.storage.services import Deleted, RecordFilter
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.columns import fill

#: How long the search waits after the last key press before it asks the database.
SEARCH_DELAY_MS = 250
ISO_FORMAT = "yyyy-MM-dd"

_ALL = ""
_CUSTOM = "custom"


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Period, place, status, search text and "show deleted" as one `RecordFilter`.

    `with_period` shows the period filter, offering "Hela perioden" (no date limit), the years
    and quarters of `period` (the agreement's; None: this year) and a custom range; `places` is
    the place register as (id, name) pairs (None: no place filter); `statuses` is the enum of
    the status filter (None: no status filter).

    Signals:
        filter_changed(): the filter changed (the search text only after a short pause).
    """

    filter_changed = Signal()

    def __init__(
        self,
        *,
        with_period: bool = True,
        period: Period | None = None,
        places: Sequence[tuple[str, str]] | None = None,
        statuses: type[StrEnum] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_period = with_period
        self._with_place = places is not None
        self._statuses = statuses
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setToolTip(self.tr("Visa poster från hela perioden, ett år eller ett kvartal"))
        layout.addWidget(self.period)
        # The custom period's two date inputs are made when first shown (`date_from`): most
        # lists never show them, and the first QDateEdit of a process takes several ms.
        self._date_from: QDateEdit | None = None
        self._date_to: QDateEdit | None = None
        self._fill_periods(period)
        self.period.setVisible(with_period)

        self.place = QComboBox(self)
        self.place.setAccessibleName(self.tr("Plats"))
        self.set_places(places or ())
        self.place.setVisible(self._with_place)
        layout.addWidget(self.place)

        # The status filter only where there is a status; elsewhere made (hidden) if asked for.
        self._status: QComboBox | None = None
        if statuses is not None:
            self._make_status()

        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Sök"))
        self.search.setPlaceholderText(self.tr("Sök (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        layout.addWidget(self.search, 1)
        # The choices keep their full width; the search box gives way when space is short.
        for fixed in (self.period, self.place):
            fixed.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.show_deleted = QCheckBox(self.tr("Visa borttagna"), self)
        self.show_deleted.setAccessibleName(self.tr("Visa borttagna"))
        layout.addWidget(self.show_deleted)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.filter_changed)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.place.currentIndexChanged.connect(self.filter_changed)
        self.show_deleted.toggled.connect(self.filter_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.search_now)

    # --- the parts made when needed -------------------------------------------------------------

    @property
    def date_from(self) -> QDateEdit:
        """The custom period's first day (made with `date_to` on first use)."""
        if self._date_from is None:
            self._make_dates()
        assert self._date_from is not None
        return self._date_from

    @property
    def date_to(self) -> QDateEdit:
        """The custom period's last day (made with `date_from` on first use)."""
        if self._date_to is None:
            self._make_dates()
        assert self._date_to is not None
        return self._date_to

    @property
    def status(self) -> QComboBox:
        """The status filter (hidden where the records have no status)."""
        if self._status is None:
            self._make_status()
        assert self._status is not None
        return self._status

    @property
    def dates_made(self) -> bool:
        """Whether the custom period's date inputs exist yet."""
        return self._date_from is not None

    def _make_dates(self) -> None:
        """The two date inputs, hidden, right after the period choice in the layout and in the
        tab order, holding the whole period until the user picks dates."""
        edits = []
        for name in (self.tr("Från och med datum"), self.tr("Till och med datum")):
            edit = QDateEdit(self)
            edit.setAccessibleName(name)
            edit.setDisplayFormat(ISO_FORMAT)
            edit.setCalendarPopup(True)
            edit.setVisible(False)
            edit.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            edits.append(edit)
        self._date_from, self._date_to = edits
        self._date_from.setDate(_to_qdate(self._whole.start))
        self._date_to.setDate(_to_qdate(self._whole.end))
        after = self._layout.indexOf(self.period) + 1
        self._layout.insertWidget(after, self._date_from)
        self._layout.insertWidget(after + 1, self._date_to)
        QWidget.setTabOrder(self.period, self._date_from)
        QWidget.setTabOrder(self._date_from, self._date_to)
        self._date_from.dateChanged.connect(self._dates_changed)
        self._date_to.dateChanged.connect(self._dates_changed)

    def _make_status(self) -> None:
        """The status combo, after the place choice in the layout and in the tab order."""
        status = self._status = QComboBox(self)
        status.setAccessibleName(self.tr("Status"))
        status.addItem(self.tr("Alla statusar"), _ALL)
        for member in self._statuses or ():
            status.addItem(enum_text(member), member.value)
        status.setVisible(self._statuses is not None)
        status.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._layout.insertWidget(self._layout.indexOf(self.place) + 1, status)
        QWidget.setTabOrder(self.place, status)
        status.currentIndexChanged.connect(self.filter_changed)

    def set_places(self, places: Sequence[tuple[str, str]]) -> None:
        """Offer these (id, name) places; the chosen one stays chosen if it is still there."""
        chosen = self.place.currentData()
        blocked = self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(self.tr("Alla platser"), _ALL)
        for place_id, name in places:
            self.place.addItem(name, place_id)
        index = self.place.findData(chosen) if chosen else 0
        self.place.setCurrentIndex(max(index, 0))
        self.place.blockSignals(blocked)
        if chosen and index < 0:
            self.filter_changed.emit()

    def _fill_periods(self, period: Period | None) -> None:
        self.period.addItem(self.tr("Hela perioden"), _ALL)
        whole = period or year(dt.date.today().year)
        for each in years_in(whole):
            self.period.addItem(str(each.start.year), each.key)
            for number in range(1, 5):
                part = quarter(each.start.year, number)
                text = fill(self.tr("%1 kv %2"), str(each.start.year), str(number))
                self.period.addItem(text, part.key)
        self.period.addItem(self.tr("Anpassad…"), _CUSTOM)
        #: What the custom period's dates start as.
        self._whole = whole

    def _period_chosen(self) -> None:
        custom = self.period.currentData() == _CUSTOM
        if custom or self.dates_made:
            self.date_from.setVisible(custom)
            self.date_to.setVisible(custom)
        self.filter_changed.emit()

    def _dates_changed(self) -> None:
        if self.period.currentData() == _CUSTOM:
            self.filter_changed.emit()

    def search_now(self) -> None:
        """Apply a pending search text at once (instead of after the pause)."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.filter_changed.emit()

    def set_period(self, period: Period) -> None:
        """Choose `period`: its year or quarter when offered, else its dates as a custom one."""
        index = self.period.findData(period.key)
        if index < 0:
            blocked = (self.date_from.blockSignals(True), self.date_to.blockSignals(True))
            self.date_from.setDate(_to_qdate(period.start))
            self.date_to.setDate(_to_qdate(period.end))
            self.date_from.blockSignals(blocked[0])
            self.date_to.blockSignals(blocked[1])
            index = self.period.findData(_CUSTOM)
        if index == self.period.currentIndex():
            self._period_chosen()
        else:
            self.period.setCurrentIndex(index)

    def selected_period(self) -> Period | None:
        """The period chosen (None: the whole period, or no period filter at all)."""
        if not self._with_period:
            return None
        data = self.period.currentData()
        if data == _CUSTOM:
            start = _from_qdate(self.date_from.date())
            end = _from_qdate(self.date_to.date())
            return Period(min(start, end), max(start, end))
        return parse_period(str(data)) if data else None

    def current_filter(self, *, promise_id: str | None = None) -> RecordFilter:
        """The filter the inputs describe."""
        text = self.search.text().strip()
        place = self.place.currentData() if self._with_place else None
        status = self.status.currentData() if self._statuses is not None else None
        return RecordFilter(
            period=self.selected_period(),
            place_id=place or None,
            status=status or None,
            text=text or None,
            promise_id=promise_id,
            deleted=Deleted.ALL if self.show_deleted.isChecked() else Deleted.ACTIVE,
        )
