"""The agreement picker shared by the overview and the reports page.

A combo of the file's agreements as `AgreementService.listing` orders them: the one in force
first, marked "(gäller)", then the earlier ones, latest first; "förlängd" where an agreement
runs past its written end date (förlängd giltighet). Each is named by its years (the page shows
the chosen one's title; each item's tooltip its title and dates). Within the chosen agreement
the pages offer the years and quarters of its covered span (written period plus extension up
to today).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from loften_app.domain.periods import Period, quarter, years_in
from loften_app.storage.listing import AgreementListing


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementPicker", text)


def _years(item: AgreementListing) -> str:
    data = item.agreement.data
    first, last = data.period_start.year, data.period_end.year
    return str(first) if first == last else f"{first}–{last}"


def listing_text(item: AgreementListing, *, by_dates: bool = False) -> str:
    """'2026 (gäller)', '2017–2018 (gäller, förlängd)', '2025': short, so that the marks show
    in a narrow combo (the page shows the title; the item's tooltip too). `by_dates` names it
    by its written dates instead (two agreements within the same years)."""
    data = item.agreement.data
    name = (
        f"{data.period_start.isoformat()} – {data.period_end.isoformat()}"
        if by_dates
        else _years(item)
    )
    marks = []
    if item.in_force:
        marks.append(_tr("gäller"))
    if item.extension is not None:
        marks.append(_tr("förlängd"))
    return f"{name} ({', '.join(marks)})" if marks else name


def span_text(item: AgreementListing) -> str:
    """'gäller 2017-01-01 – 2018-12-31, förlängd giltighet till 2026-12-02'."""
    data = item.agreement.data
    text = (
        _tr("gäller %1 – %2")
        .replace("%1", data.period_start.isoformat())
        .replace("%2", data.period_end.isoformat())
    )
    if item.extension is not None:
        text += ", " + _tr("förlängd giltighet till %1").replace(
            "%1", item.extension.end.isoformat()
        )
    return text


def periods_of(span: Period) -> list[tuple[Period, bool]]:
    """The years of `span`, each followed by its quarters that overlap it: (period, is a year)."""
    result: list[tuple[Period, bool]] = []
    for whole in years_in(span):
        result.append((whole, True))
        for number in range(1, 5):
            part = quarter(whole.start.year, number)
            if part.overlap(span) is not None:
                result.append((part, False))
    return result


class AgreementCombo(QComboBox):
    """The agreements of the file; `listing` is what was filled in, `chosen()` the selected one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_combo")
        self.setAccessibleName(_tr("Överenskommelse"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.listing: list[AgreementListing] = []

    def fill(self, listing: list[AgreementListing], keep: str | None = None) -> bool:
        """Offer `listing`; select `keep` (an agreement id) if still there, else the first (the
        one in force). Signals are blocked; True when the selection changed."""
        before = self.chosen_id()
        blocked = self.blockSignals(True)
        self.listing = list(listing)
        self.clear()
        years = [_years(item) for item in self.listing]
        for item in self.listing:
            self.addItem(listing_text(item, by_dates=years.count(_years(item)) > 1), item.id)
            tip = f"{item.agreement.data.title}\n{span_text(item)}"
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        index = self.findData(keep) if keep else -1
        self.setCurrentIndex(max(index, 0) if self.count() else -1)
        self.blockSignals(blocked)
        return self.chosen_id() != before

    def chosen_id(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def chosen(self) -> AgreementListing | None:
        index = self.currentIndex()
        return self.listing[index] if 0 <= index < len(self.listing) else None

    def select(self, agreement_id: str) -> None:
        index = self.findData(agreement_id)
        if index >= 0:
            self.setCurrentIndex(index)
