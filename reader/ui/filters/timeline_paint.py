"""How the timeline looks: its bars, axis, keyboard cursor, range label and drag band.

Painted from a TimelineScene, what the widget (reader/ui/filters/timeline.py) holds at the moment of
painting, so the picture depends on nothing else. Time runs left to right in either interface
(the widget's docstring says why), so nothing here reads the layout direction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from reader.ui.common.i18n import add_arabic, t
from reader.ui.filters.timeline_bins import Bin, article_count, axis_ticks, in_range, period_label

add_arabic({"No dated article in this result": "لا مقالات مؤرَّخة في هذه النتيجة"})

# a bar is never wider than this: one day (or a few) is a bar over its date, not a slab filling
# the whole timeline
MAX_BAR_PX = 24.0


@dataclass(frozen=True, slots=True)
class TimelineScene:
    """What the timeline shows at one paint."""

    rect: QRect  # the whole widget
    plot: QRectF  # where the bars stand
    font: QFont  # the labels' font
    bins: Sequence[Bin]
    unit: str
    since: dt.date | None
    until: dt.date | None
    cursor: int | None  # the keyboard's bar, and where Shift+arrows started
    anchor: int | None
    drag: tuple[int, int] | None  # x where a range drag started and where it is, once it counts

    @property
    def has_range(self) -> bool:
        return self.since is not None or self.until is not None


def paint_timeline(painter: QPainter, scene: TimelineScene, pal: QPalette) -> None:
    painter.fillRect(scene.rect, pal.color(QPalette.ColorRole.Base))
    text_colour = pal.color(QPalette.ColorRole.Text)
    dim = QColor(text_colour)
    dim.setAlphaF(0.55)
    plot = scene.plot
    if not scene.bins:
        painter.setPen(dim)
        painter.drawText(
            scene.rect,
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            t("No dated article in this result"),
        )
        return
    step = plot.width() / len(scene.bins)
    # Link, not Highlight: the light theme's selection blue is too pale to read as bars
    accent = pal.color(QPalette.ColorRole.Link)
    _paint_bars(painter, scene, step, accent)
    painter.setPen(dim)
    painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
    _paint_axis(painter, scene, step, dim)
    if scene.cursor is not None:
        _paint_cursor(painter, scene, step, accent, text_colour)
    elif scene.has_range:
        _paint_range_label(painter, scene, text_colour)
    if scene.drag is not None:
        _paint_drag(painter, scene, accent)


def _paint_bars(painter: QPainter, scene: TimelineScene, step: float, accent: QColor) -> None:
    """One bar per period, its height by its count; outside the chosen range they fade."""
    plot = scene.plot
    top = max(b.count for b in scene.bins) or 1
    faded = QColor(accent)
    faded.setAlphaF(0.3)
    gap = 1.0 if step >= 4 else 0.0
    for i, b in enumerate(scene.bins):
        if not b.count:
            continue
        h = max(1.0, plot.height() * b.count / top)
        inside = not scene.has_range or in_range(b, scene.since, scene.until)
        colour = accent if inside else faded
        width = min(max(1.0, step - gap), MAX_BAR_PX)
        x = plot.left() + i * step + (step - width) / 2
        painter.fillRect(QRectF(x, plot.bottom() - h, width, h), colour)


def _paint_cursor(
    painter: QPainter, scene: TimelineScene, step: float, accent: QColor, colour: QColor
) -> None:
    """The keyboard cursor: the pending selection as a band, the bar outlined, its period and count."""
    plot, bins = scene.plot, scene.bins
    cursor = scene.cursor if scene.cursor is not None else 0
    anchor = scene.anchor if scene.anchor is not None else cursor
    lo, hi = sorted((anchor, cursor))
    band = QColor(accent)
    band.setAlphaF(0.25)
    painter.fillRect(
        QRectF(plot.left() + lo * step, plot.top(), (hi - lo + 1) * step, plot.height()), band
    )
    painter.setPen(colour)
    painter.drawRect(QRectF(plot.left() + cursor * step, plot.top(), max(2.0, step), plot.height()))
    b = bins[cursor]
    text = f"{period_label(b, scene.unit)}: {article_count(b.count)}"
    if lo != hi:
        text = f"{period_label(bins[lo], scene.unit)} – {period_label(bins[hi], scene.unit)}"
    fm = QFontMetrics(scene.font)
    painter.setFont(scene.font)
    text = fm.elidedText(text, Qt.TextElideMode.ElideMiddle, scene.rect.width() - 44)
    x = (scene.rect.width() - fm.horizontalAdvance(text)) / 2
    painter.drawText(QPointF(x, 4 + fm.capHeight()), text)


def _paint_range_label(painter: QPainter, scene: TimelineScene, colour: QColor) -> None:
    since = scene.since.isoformat() if scene.since else "…"
    until = scene.until.isoformat() if scene.until else "…"
    # LRE … PDF: ISO dates read left to right in both interfaces; in an RTL paragraph the bidi
    # algorithm would otherwise swap the two ends around the dash
    text = f"\u202a{since} – {until}\u202c"
    fm = QFontMetrics(scene.font)
    painter.setFont(scene.font)
    painter.setPen(colour)
    x = (scene.rect.width() - fm.horizontalAdvance(text)) / 2
    painter.drawText(QPointF(x, 4 + fm.capHeight()), text)


def _paint_axis(painter: QPainter, scene: TimelineScene, step: float, colour: QColor) -> None:
    plot, width = scene.plot, scene.rect.width()
    fm = QFontMetrics(scene.font)
    ticks = axis_ticks(scene.bins, scene.unit, step, fm.horizontalAdvance)
    painter.setFont(scene.font)
    painter.setPen(colour)
    baseline = plot.bottom() + 5 + fm.capHeight()
    last_right = -1e9
    for index, label in ticks:
        x = plot.left() + index * step
        # ticks point up into the bars: below, they would touch the first glyph of a label
        painter.drawLine(int(x), int(plot.bottom() - 3), int(x), int(plot.bottom()))
        w = fm.horizontalAdvance(label) + 4
        left = min(max(x - w / 2, 0), width - w)
        if left < last_right + 4:
            continue  # never overprint a neighbour's label
        painter.drawText(QPointF(left + 2, baseline), label)
        last_right = left + w


def _paint_drag(painter: QPainter, scene: TimelineScene, accent: QColor) -> None:
    """The band a mouse drag is choosing, within the plot."""
    assert scene.drag is not None
    plot = scene.plot
    band = QColor(accent)
    band.setAlphaF(0.25)
    x0, x1 = sorted(scene.drag)
    x0 = max(x0, int(plot.left()))
    x1 = min(x1, int(plot.right()))
    painter.fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), band)
    painter.setPen(accent)
    painter.drawRect(QRectF(x0, plot.top(), x1 - x0, plot.height()))
