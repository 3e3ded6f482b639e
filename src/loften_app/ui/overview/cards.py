"""One card per promise: its number and short text, who is responsible, its main figures, and
each target with a progress bar, its status in words and colour, and the forecast."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.targets import (
    TargetStatus,
    describe_target,
    forecast_text,
    format_value,
    parts_text,
    scaled_value,
    status_label,
)
from loften_app.reports.kinds import main_figures
from loften_app.reports.tracking import PromiseStatus, TargetResult
from loften_app.ui.words import InterfaceWords

#: (symbol, colour) of each status: the symbol and the words carry the meaning, the colour
#: only repeats it (never colour alone).
STATUS_STYLE: dict[TargetStatus, tuple[str, str]] = {
    TargetStatus.MET: ("✔", "#1b5e20"),
    TargetStatus.ON_TRACK: ("➜", "#0d47a1"),
    TargetStatus.AT_RISK: ("⚠", "#8a4b00"),
    TargetStatus.MISSED: ("✖", "#b71c1c"),
    TargetStatus.NO_DATA: ("–", "#555555"),
}
_BAR_COLOURS: dict[TargetStatus, str] = {
    TargetStatus.MET: "#43a047",
    TargetStatus.ON_TRACK: "#1e88e5",
    TargetStatus.AT_RISK: "#fb8c00",
    TargetStatus.MISSED: "#e53935",
    TargetStatus.NO_DATA: "#9e9e9e",
}
_BAR_SCALE = 1000


class StatusBadge(QLabel):
    """A status as a symbol and words in its colour, on a light background."""

    def __init__(self, status: TargetStatus, words: InterfaceWords) -> None:
        symbol, colour = STATUS_STYLE[status]
        super().__init__(f"{symbol} {status_label(status, words=words)}")
        self.status = status
        self.setObjectName("status_badge")
        self.setStyleSheet(
            f"QLabel#status_badge {{ color: {colour}; border: 1px solid {colour};"
            " border-radius: 3px; padding: 1px 6px; font-weight: bold; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class TargetRow(QWidget):
    """A target: its sentence, a bar of the actual value against it, its status, the forecast."""

    def __init__(self, result: TargetResult, words: InterfaceWords) -> None:
        super().__init__()
        self.result = result
        data = result.target.data
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        self.description = QLabel(describe_target(data, words=words))
        self.description.setWordWrap(True)
        self.badge = StatusBadge(result.status, words)
        goal = scaled_value(data, result.window.factor)
        self.bar = QProgressBar()
        self.bar.setRange(0, _BAR_SCALE)
        actual = result.actual or 0.0
        filled = 1.0 if goal <= 0 else min(max(actual / goal, 0.0), 1.0)
        self.bar.setValue(round(filled * _BAR_SCALE))
        comparison = words.label(data.comparison)
        self.actual_text = format_value(data.measure, result.actual, words=words)
        bar_text = (
            self.tr("%1 av %2 %3")
            .replace("%1", self.actual_text)
            .replace("%2", comparison)
            .replace("%3", format_value(data.measure, goal, words=words))
        )
        self.bar.setFormat(bar_text)
        self.bar.setAccessibleName(f"{self.description.text()}: {bar_text}")
        self.bar.setStyleSheet(
            "QProgressBar { border: 1px solid #b0b0b0; border-radius: 3px; text-align: center;"
            " background: #f2f2f2; min-height: 16px; max-height: 16px; }"
            f" QProgressBar::chunk {{ background: {_BAR_COLOURS[result.status]}; }}"
        )
        self.forecast = QLabel(
            parts_text(data, result.parts, result.as_of, words=words)
            if result.parts
            else forecast_text(data, result.forecast, window=result.window, words=words)
        )
        self.forecast.setObjectName("forecast")
        self.forecast.setWordWrap(True)
        self.forecast.setStyleSheet("QLabel#forecast { color: #444444; }")
        layout.addWidget(self.description, 0, 0)
        layout.addWidget(self.badge, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.bar, 1, 0, 1, 2)
        layout.addWidget(self.forecast, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)


class PromiseCard(QFrame):
    """A promise on the overview. Clicking it (or Enter/Space when it has focus) asks for its
    list.

    Signals:
        activated(): the user wants the promise's records for the period.
    """

    activated = Signal()

    def __init__(self, status: PromiseStatus, words: InterfaceWords, responsible: str) -> None:
        super().__init__()
        self.status = status
        promise = status.promise.data
        self.setObjectName("promise_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "QFrame#promise_card { background: #ffffff; border: 1px solid #c8c8c8;"
            " border-radius: 6px; }"
            " QFrame#promise_card:focus { border: 2px solid #1565c0; }"
        )
        self.setToolTip(self.tr("Klicka för att visa löftets poster för perioden"))
        self.setAccessibleName(f"{promise.number}. {promise.short_title}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        header = QHBoxLayout()
        self.title = QLabel(f"{promise.number}. {promise.short_title}")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.responsible = QLabel(self.tr("Ansvarig: %1").replace("%1", responsible))
        self.responsible.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.title, 1)
        header.addWidget(self.responsible)
        layout.addLayout(header)

        self.text = QLabel(promise.text)
        self.text.setWordWrap(True)
        self.text.setObjectName("promise_text")
        self.text.setStyleSheet("QLabel#promise_text { color: #444444; }")
        layout.addWidget(self.text)

        figures = QGridLayout()
        figures.setHorizontalSpacing(16)
        figures.setVerticalSpacing(2)
        self.figures: list[tuple[str, str]] = main_figures(
            promise.type, status.figures, words=words
        )
        columns = 3
        for index, (name, value) in enumerate(self.figures):
            cell = QLabel(f"{name}: <b>{value}</b>")
            cell.setTextFormat(Qt.TextFormat.RichText)
            cell.setWordWrap(True)
            figures.addWidget(cell, index // columns, index % columns)
        for column in range(columns):
            figures.setColumnStretch(column, 1)
        layout.addLayout(figures)

        self.target_rows = [TargetRow(result, words) for result in status.targets]
        if self.target_rows:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet("color: #e0e0e0;")
            layout.addWidget(line)
        for row in self.target_rows:
            layout.addWidget(row)
        if not self.target_rows:
            none = QLabel(
                self.tr("Inga mål satta för löftet. Mål läggs till under Register → Mål.")
            )
            none.setObjectName("no_targets")
            none.setStyleSheet("QLabel#no_targets { color: #555555; font-style: italic; }")
            none.setWordWrap(True)
            layout.addWidget(none)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)
