"""Monthly figures as small bar charts, one per promise type, each with its own scale."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from loften_app.reports.pdf.base import ACCENT, BOLD, CONTENT_WIDTH, FONT, GRID

CHART_HEIGHT = 118.0
GAP = 14.0


def _nice_step(highest: int) -> int:
    """A whole-number tick step giving at most five ticks up to `highest`."""
    if highest <= 5:
        return 1
    rough = highest / 4
    magnitude = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= rough and float(step).is_integer():
            return int(step)
    return int(10 * magnitude)


def bar_chart(title: str, months: Sequence[tuple[str, int]], width: float) -> Drawing:
    """One promise type's records per month: bars with their values above them."""
    drawing = Drawing(width, CHART_HEIGHT)
    drawing.add(String(0, CHART_HEIGHT - 10, title, fontName=BOLD, fontSize=8.5))
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 16
    chart.width, chart.height = width - 30, CHART_HEIGHT - 42
    values = [n for _, n in months]
    highest = max([*values, 1])
    step = _nice_step(highest)
    chart.data = [values]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * math.ceil(highest * 1.15 / step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.strokeColor = GRID
    chart.categoryAxis.categoryNames = [name for name, _ in months]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5 if len(months) <= 9 else 6
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 6
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    chart.barLabels.fillColor = colors.HexColor("#333333")
    drawing.add(chart)
    return drawing


def chart_grid(series: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> list[Drawing]:
    """The charts two by two, as rows of drawings the width of the text."""
    half = (CONTENT_WIDTH - GAP) / 2
    rows: list[Drawing] = []
    for i in range(0, len(series), 2):
        row = Drawing(CONTENT_WIDTH, CHART_HEIGHT + 6)
        # The renderer starts each drawing in its initial font: Helvetica, not embedded.
        row.initialFontName = FONT
        for j, (title, months) in enumerate(series[i : i + 2]):
            chart = bar_chart(title, months, half)
            chart.translate(j * (half + GAP), 0)
            row.add(chart)
        rows.append(row)
    return rows
