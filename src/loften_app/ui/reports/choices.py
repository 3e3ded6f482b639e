"""What the user can choose on the reports page, and what a made report is called.

Plain functions over the agreement period: the quarters to offer, the one chosen by default, the
text of a quarter and the file name a report is saved under (all visible text through `tr`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from loften_app.domain.periods import Period, quarter_of, quarters_in

#: The two reports (the values of `reports.documents.ReportKind`, which is imported only when a
#: report is made: it brings ReportLab).
QUARTERLY = "quarterly"
FOLLOW_UP = "follow-up"
KINDS = (QUARTERLY, FOLLOW_UP)


def _tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


def kind_title(kind: str) -> str:
    return _tr("Kvartalsrapport") if kind == QUARTERLY else _tr("Uppföljning")


def quarter_text(period: Period) -> str:
    """'2018 kv 3' (English: 'Q3 2018')."""
    number = (period.start.month - 1) // 3 + 1
    return _tr("%1 kv %2").replace("%1", str(period.start.year)).replace("%2", str(number))


def agreement_years(agreement: Period) -> str:
    """'2017–2018', or '2018' for an agreement within one year."""
    first, last = agreement.start.year, agreement.end.year
    return str(first) if first == last else f"{first}–{last}"


def default_quarter(agreement: Period, today: dt.date) -> Period:
    """The quarter of `today` while the agreement runs (its covered span: written period and
    extension); else its first or its last quarter."""
    quarters = quarters_in(agreement)
    if today < agreement.start:
        return quarters[0]
    if today > agreement.end:
        return quarters[-1]
    return quarter_of(today)


@dataclass(frozen=True)
class Choice:
    """One report to make: its kind, internal or public, the quarter (quarterly only) and the
    agreement's id (None: the one the report chooses by itself)."""

    kind: str
    public: bool
    quarter: Period | None
    agreement: str | None = None

    def title(self, agreement: Period) -> str:
        """'Kvartalsrapport 2018 kv 3' or 'Uppföljning 2017–2018', for the page."""
        if self.kind == QUARTERLY and self.quarter is not None:
            return f"{kind_title(self.kind)} {quarter_text(self.quarter)}"
        return f"{kind_title(self.kind)} {agreement_years(agreement)}"

    def file_name(self, agreement: Period) -> str:
        """'Kvartalsrapport 2018-Q3 (intern).pdf', 'Uppföljning 2017-2018 (offentlig).pdf': the
        version is always in the name, so a saved copy says what it may be used for."""
        if self.kind == QUARTERLY and self.quarter is not None:
            stem = f"{kind_title(self.kind)} {self.quarter.key}"
        else:
            years = agreement_years(agreement).replace("–", "-")
            stem = f"{kind_title(self.kind)} {years}"
        stem += " " + (_tr("(offentlig)") if self.public else _tr("(intern)"))
        return stem + ".pdf"
