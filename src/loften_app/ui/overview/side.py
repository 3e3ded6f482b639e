"""Beside the cards: the next planned safety walk, overdue walk actions, days until the
follow-up, and each indicator's values over time as a small chart with its source."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from loften_app.ui.i18n import enum_text, period_text
from loften_app.ui.words import InterfaceWords

if TYPE_CHECKING:
    from loften_app.reports.tracking.overview import IndicatorSeries, Overview


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("side_heading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _box() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("side_box")
    frame.setStyleSheet(
        "QFrame#side_box { background: #fafafa; border: 1px solid #d6d6d6; border-radius: 6px; }"
    )
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 10)
    layout.setSpacing(4)
    return frame, layout


class IndicatorChart(QWidget):
    """A small line chart of an indicator's values in period order, labels that never overlap:
    the first and last period under the axis, the last value beside its point."""

    def __init__(self, series: IndicatorSeries, words: InterfaceWords) -> None:
        super().__init__()
        self.series = series
        self._words = words
        self.setMinimumSize(QSize(220, 96))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        values = ", ".join(f"{period_text(p)}: {self._number(v)}" for p, v, _ in series.values)
        self.setAccessibleName(series.indicator.data.name)
        self.setToolTip(values)

    def _number(self, value: float) -> str:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text.replace(".", self._words.decimal)

    def sizeHint(self) -> QSize:
        return QSize(260, 96)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        values = [v for _, v, _ in self.series.values]
        if not values:
            painter.setPen(QColor("#555555"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Inga värden registrerade")
            )
            return
        last_text = self._number(values[-1])
        right_margin = metrics.horizontalAdvance(last_text) + 8
        plot = QRectF(6, 6, self.width() - 12 - right_margin, self.height() - 12 - metrics.height())
        low, high = min(values), max(values)
        if high == low:
            low, high = low - 1, high + 1

        def point(index: int, value: float) -> QPointF:
            x = plot.left() + (plot.width() * index / max(1, len(values) - 1))
            y = plot.bottom() - (value - low) / (high - low) * plot.height()
            return QPointF(x, y)

        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        points = [point(i, v) for i, v in enumerate(values)]
        painter.setPen(QPen(QColor("#1565c0"), 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(QColor("#1565c0"))
        for p in points:
            painter.drawEllipse(p, 2.5, 2.5)
        painter.setPen(QColor("#222222"))
        last = points[-1]
        painter.drawText(QPointF(last.x() + 5, last.y() + metrics.ascent() / 2 - 1), last_text)
        periods = self.series.values
        baseline = plot.bottom() + metrics.ascent() + 3
        painter.setPen(QColor("#555555"))
        first_label = period_text(periods[0][0])
        painter.drawText(QPointF(plot.left(), baseline), first_label)
        if len(periods) > 1:
            last_label = period_text(periods[-1][0])
            width = metrics.horizontalAdvance(last_label)
            x = plot.right() - width
            if x > plot.left() + metrics.horizontalAdvance(first_label) + 8:
                painter.drawText(QPointF(x, baseline), last_label)


class SidePanel(QWidget):
    """What is due beside the cards.

    Signals:
        walk_requested(str): open this safety walk (an overdue action's or the next planned).
    """

    walk_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumWidth(280)
        self.setMaximumWidth(360)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.action_buttons: list[QCommandLinkButton] = []

    def show_overview(self, data: Overview, words: InterfaceWords) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.action_buttons = []
        locale = QLocale()
        self._layout.addWidget(self._follow_up(data, locale))
        self._layout.addWidget(self._next_walk(data))
        self._layout.addWidget(self._overdue(data, locale))
        self._layout.addWidget(self._indicators(data.indicators, words))
        self._layout.addStretch(1)

    def _follow_up(self, data: Overview, locale: QLocale) -> QFrame:
        frame, layout = _box()
        layout.addWidget(_heading(self.tr("Uppföljningen")))
        days = data.days_to_follow_up
        due = data.report.agreement.data.follow_up_due
        if due is None or days is None:
            text = self.tr("Inget datum satt för uppföljningen (Register → Överenskommelse).")
        elif days > 1:
            text = (
                self.tr("Ska vara klar %1, om %2 dagar.")
                .replace("%1", due.isoformat())
                .replace("%2", locale.toString(days))
            )
        elif days == 1:
            text = self.tr("Ska vara klar %1, i morgon.").replace("%1", due.isoformat())
        elif days == 0:
            text = self.tr("Ska vara klar i dag, %1.").replace("%1", due.isoformat())
        else:
            text = self.tr("Skulle ha varit klar %1.").replace("%1", due.isoformat())
        label = QLabel(text)
        label.setObjectName("follow_up_text")
        label.setWordWrap(True)
        layout.addWidget(label)
        return frame

    def _next_walk(self, data: Overview) -> QFrame:
        frame, layout = _box()
        layout.addWidget(_heading(self.tr("Nästa planerade trygghetsvandring")))
        walk = data.next_walk
        if walk is None:
            label = QLabel(self.tr("Ingen planerad."))
            label.setObjectName("next_walk_text")
            layout.addWidget(label)
            return frame
        button = QCommandLinkButton(walk.data.date.isoformat(), walk.data.route)
        button.setObjectName("next_walk_button")
        button.setToolTip(self.tr("Öppna trygghetsvandringen"))
        button.clicked.connect(lambda: self.walk_requested.emit(walk.id))
        layout.addWidget(button)
        return frame

    def _overdue(self, data: Overview, locale: QLocale) -> QFrame:
        frame, layout = _box()
        heading = self.tr("Försenade åtgärder (%1)").replace(
            "%1", locale.toString(data.overdue_total)
        )
        layout.addWidget(_heading(heading))
        if not data.overdue:
            label = QLabel(self.tr("Inga försenade åtgärder."))
            label.setObjectName("overdue_none")
            layout.addWidget(label)
            return frame
        for overdue in data.overdue:
            button = QCommandLinkButton(
                overdue.what,
                self.tr("%1 · senast %2 · vandringen %3")
                .replace("%1", enum_text(overdue.owner))
                .replace("%2", overdue.deadline.isoformat())
                .replace("%3", overdue.walk_date.isoformat()),
            )
            button.setObjectName("overdue_action")
            button.setToolTip(self.tr("Öppna trygghetsvandringen där åtgärden beslutades"))
            walk_id = overdue.walk_id
            button.clicked.connect(lambda _=False, w=walk_id: self.walk_requested.emit(w))
            self.action_buttons.append(button)
            layout.addWidget(button)
        rest = data.overdue_total - len(data.overdue)
        if rest > 0:
            more = QLabel(
                self.tr("och %1 till; se Trygghetsvandringar.").replace("%1", locale.toString(rest))
            )
            more.setWordWrap(True)
            layout.addWidget(more)
        return frame

    def _indicators(self, series: Sequence[IndicatorSeries], words: InterfaceWords) -> QFrame:
        frame, layout = _box()
        layout.addWidget(_heading(self.tr("Indikatorer")))
        if not series:
            label = QLabel(self.tr("Inga indikatorer. De läggs till under Register → Indikatorer."))
            label.setWordWrap(True)
            layout.addWidget(label)
        for each in series:
            data = each.indicator.data
            name = QLabel(data.name + (f" ({data.unit})" if data.unit else ""))
            name.setWordWrap(True)
            layout.addWidget(name)
            layout.addWidget(IndicatorChart(each, words))
            source = QLabel(self.tr("Källa: %1").replace("%1", data.source))
            source.setObjectName("indicator_source")
            source.setStyleSheet("QLabel#indicator_source { color: #555555; }")
            source.setWordWrap(True)
            layout.addWidget(source)
        return frame
