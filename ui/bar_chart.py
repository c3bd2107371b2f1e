"""A small grouped bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials)."""

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

# Distinguishable colours, also for colour-blind readers (Okabe-Ito).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
MARGIN = 8
TICKS = 5


@dataclass(frozen=True)
class Series:
    """One row of bars: a label for the legend and one value per category."""

    label: str
    values: list[int]


def nice_step(span: float, ticks: int = TICKS) -> float:
    """A round grid step (1, 2 or 5 times a power of ten) giving about `ticks` lines."""
    if span <= 0:
        return 1
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= raw)


class BarChart(QWidget):
    """Categories along the x axis, one bar per series in each; tooltips give exact values."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.title = ""
        self.empty_text = ""
        self.axis_format: Callable[[float], str] = lambda v: f"{v:g}"
        self.value_format: Callable[[int], str] = str
        self.setMouseTracking(True)
        self.setMinimumSize(300, 160)

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def set_data(self, categories: list[str], series: list[Series], title: str = "") -> None:
        """Show `series` (each with one value per category); an empty list shows empty_text."""
        for s in series:
            if len(s.values) != len(categories):
                raise ValueError(f"series {s.label!r} has {len(s.values)} values")
        self.categories, self.series, self.title = list(categories), list(series), title
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart as text (for screen readers and tests)."""
        parts = []
        for s in self.series:
            values = ", ".join(
                f"{c}: {self.value_format(v)}"
                for c, v in zip(self.categories, s.values, strict=True)
            )
            parts.append(f"{s.label}: {values}")
        return "; ".join(parts)

    # -- geometry ------------------------------------------------------------------------------

    def _range(self) -> tuple[float, float, float]:
        values = [v for s in self.series for v in s.values] or [0]
        low, high = min(0, min(values)), max(0, max(values))
        step = nice_step(high - low)
        return math.floor(low / step) * step, math.ceil(high / step) * step or step, step

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        low, high, step = self._range()
        labels = [self.axis_format(low + i * step) for i in range(round((high - low) / step) + 1)]
        left = MARGIN + max(metrics.horizontalAdvance(t) for t in labels) + 6
        top = MARGIN + (metrics.height() + 4 if self.title or len(self.series) > 1 else 0)
        bottom = self.height() - MARGIN - metrics.height() - 4
        return QRectF(left, top, max(1, self.width() - left - MARGIN), max(1, bottom - top))

    def _y(self, value: float, plot: QRectF) -> float:
        low, high, _ = self._range()
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    def bar_rects(self) -> list[tuple[int, int, QRectF]]:
        """(series index, category index, rectangle) of every bar."""
        if not self.categories or not self.series:
            return []
        plot = self._plot_rect()
        group = plot.width() / len(self.categories)
        width = group * 0.8 / len(self.series)
        zero = self._y(0, plot)
        rects = []
        for c in range(len(self.categories)):
            for s, series in enumerate(self.series):
                x = plot.left() + c * group + group * 0.1 + s * width
                y = self._y(series.values[c], plot)
                rects.append((s, c, QRectF(x, min(y, zero), width, abs(zero - y))))
        return rects

    def bar_at(self, point: QPointF) -> tuple[int, int] | None:
        """(series, category) of the bar under `point`, or None."""
        for s, c, rect in self.bar_rects():
            # At least 3 px high, so a small value can still be pointed at.
            if rect.adjusted(0, -3, 0, 0).contains(point):
                return s, c
        return None

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.categories or not self.series:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        plot = self._plot_rect()
        self._paint_grid(painter, plot)
        self._paint_bars(painter)
        self._paint_categories(painter, plot)
        self._paint_heading(painter)

    def _paint_grid(self, painter: QPainter, plot: QRectF) -> None:
        low, high, step = self._range()
        metrics = QFontMetrics(self.font())
        text = self.palette().text().color()
        grid = QColor(text)
        grid.setAlpha(40)
        for i in range(round((high - low) / step) + 1):
            value = low + i * step
            y = self._y(value, plot)
            painter.setPen(QPen(text if value == 0 else grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = self.axis_format(value)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )

    def _paint_bars(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for s, _c, rect in self.bar_rects():
            painter.setBrush(QColor(PALETTE[s % len(PALETTE)]))
            painter.drawRect(rect)

    def _paint_categories(self, painter: QPainter, plot: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        group = plot.width() / len(self.categories)
        widest = max(metrics.horizontalAdvance(c) for c in self.categories) + 6
        every = max(1, math.ceil(widest / group))  # skip labels that would overlap
        painter.setPen(self.palette().text().color())
        for c, label in enumerate(self.categories):
            if c % every:
                continue
            rect = QRectF(plot.left() + c * group, plot.bottom() + 2, group, metrics.height() + 2)
            painter.drawText(
                rect.adjusted(-group, 0, group, 0), Qt.AlignmentFlag.AlignCenter, label
            )

    def _legend_width(self, metrics: QFontMetrics) -> int:
        if len(self.series) < 2:
            return 0
        box = metrics.height() - 4
        return sum(metrics.horizontalAdvance(s.label) + box + 18 for s in self.series)

    def _paint_heading(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        painter.setPen(self.palette().text().color())
        title_room = self.width() - 2 * MARGIN - self._legend_width(metrics)
        # The legend says more than the title where both do not fit.
        if self.title and metrics.horizontalAdvance(self.title) * 1.2 < title_room:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QPointF(MARGIN, MARGIN + metrics.ascent()), self.title)
            font.setBold(False)
            painter.setFont(font)
        if len(self.series) < 2:
            return
        x = self.width() - MARGIN
        box = metrics.height() - 4
        for s in reversed(range(len(self.series))):
            label = self.series[s].label
            x -= metrics.horizontalAdvance(label)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x, MARGIN + metrics.ascent()), label)
            x -= box + 4
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[s % len(PALETTE)]))
            painter.drawRect(QRectF(x, MARGIN + 2, box, box))
            x -= 14

    # -- tooltips ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        hit = self.bar_at(QPointF(event.pos()))
        if hit is None:
            QToolTip.hideText()
            event.ignore()
            return
        s, c = hit
        series = self.series[s]
        label = f"{self.categories[c]}: {self.value_format(series.values[c])}"
        if len(self.series) > 1:
            label = f"{series.label}\n{label}"
        QToolTip.showText(event.globalPos(), label, self)
