"""Timeline of article counts over the current result, with a date range chosen by dragging.

Bars are per day for short spans, per month for longer ones, per year past twenty years, so a 300 px
sidebar never holds more bars than it has pixels to draw. Empty periods are drawn as gaps (a zero bar),
not skipped, so the horizontal axis stays proportional to time.

Time runs left to right even in the Arabic interface: Arabic charts, newspapers' graphics and
spreadsheets (Excel, Google Sheets in Arabic locales) keep the time axis LTR like numbers, and a mirrored
axis would contradict the date labels, which are written LTR digits. So the painting ignores the
layout direction; only the clear button moves to the leading corner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import QStyle, QToolButton, QToolTip, QWidget

from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text
from reader.ui.filters.timeline_bins import Bin, article_count, bin_counts, in_range, period_label
from reader.ui.filters.timeline_paint import TimelineScene, paint_timeline

add_arabic(
    {
        "Clear the date range": "إلغاء النطاق الزمني",
        "Drag across the bars to filter by date; double-click to clear": "اسحب فوق الأعمدة للتصفية حسب التاريخ، وانقر مرتين للإلغاء",
        "Arrow keys move over the bars, Shift+arrows stretch a range, Enter applies it": "تتنقل الأسهم بين الأعمدة، وتمدّ Shift مع الأسهم النطاق، ويطبّقه Enter",
        "Timeline": "الخط الزمني",
    }
)

DRAG_THRESHOLD = 4  # pixels a press must move to count as a range drag, not a click


class TimelineWidget(QWidget):
    """Bars of article counts; drag to pick a date range, double-click or the × button to clear it."""

    range_selected = Signal(object, object)  # since: date | None, until: date | None

    MARGIN = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: tuple[tuple[dt.date, int], ...] = ()
        self._bins: list[Bin] = []
        self._unit = "day"
        self._since: dt.date | None = None
        self._until: dt.date | None = None
        self._drag: tuple[int, int] | None = None  # press x, current x
        # keyboard selection: the bar under the cursor, and where Shift+arrows started
        self._cursor: int | None = None
        self._anchor: int | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(70)
        self._clear = QToolButton(self)
        self._clear.setObjectName("timelineClear")
        self._clear.setAutoRaise(True)
        self._clear.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton))
        self._clear.setVisible(False)
        self._clear.clicked.connect(self.clear_range)
        self.retranslate()

    # --- public API ----------------------------------------------------------------------------
    def set_counts(self, counts: Sequence[tuple[dt.date, int]]) -> None:
        """Articles per day over the current result (any order; undated articles are not in it)."""
        self._counts = tuple(counts)
        self._rebin()

    def set_range(self, since: dt.date | None, until: dt.date | None) -> None:
        """Show the active date range (does not emit ``range_selected``)."""
        self._since, self._until = since, until
        self._clear.setVisible(since is not None or until is not None)
        self._rebin()

    def selected_range(self) -> tuple[dt.date | None, dt.date | None]:
        return self._since, self._until

    def bins(self) -> list[Bin]:
        return list(self._bins)

    def unit(self) -> str:
        return self._unit

    def clear_range(self) -> None:
        self.set_range(None, None)
        self.range_selected.emit(None, None)

    def retranslate(self) -> None:
        self._clear.setToolTip(t("Clear the date range"))
        self.setAccessibleName(t("Timeline"))
        self.setAccessibleDescription(
            t("Drag across the bars to filter by date; double-click to clear")
            + ". "
            + t("Arrow keys move over the bars, Shift+arrows stretch a range, Enter applies it")
        )
        self.update()

    # --- geometry ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(280, 110)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 70)

    def plot_rect(self) -> QRectF:
        """Where the bars are drawn (tests use it to aim the mouse)."""
        fm = QFontMetrics(self.label_font())
        # labels are placed by baseline: Arabic UI fonts reserve line height for marks that Latin
        # digits and month names barely use, and a 110 px chart cannot spare it
        top = max(int(fm.capHeight()) + 8, 20)  # the range label and the clear button
        bottom = self.height() - int(fm.capHeight()) - 10
        return QRectF(
            self.MARGIN, top, max(1, self.width() - 2 * self.MARGIN), max(1, bottom - top)
        )

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(11)
        return font

    def x_of_bin(self, index: int) -> float:
        """The centre of bar ``index``."""
        plot = self.plot_rect()
        return plot.left() + (index + 0.5) * plot.width() / max(1, len(self._bins))

    def bin_at(self, x: float) -> int | None:
        if not self._bins:
            return None
        plot = self.plot_rect()
        frac = (x - plot.left()) / plot.width()
        return min(len(self._bins) - 1, max(0, int(frac * len(self._bins))))

    def _rebin(self) -> None:
        self._bins, self._unit = bin_counts(self._counts, self._since, self._until)
        self._cursor = self._anchor = None  # bar indexes mean other dates now
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_clear_button()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._place_clear_button()
        super().changeEvent(event)

    def _place_clear_button(self) -> None:
        size = 18
        self._clear.resize(size, size)
        # the leading corner; the chart itself stays left-to-right (module docstring)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            self._clear.move(2, 1)
        else:
            self._clear.move(self.width() - size - 2, 1)

    # --- mouse and keyboard --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._bins:
            x = int(event.position().x())
            self._drag = (x, x)
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], int(event.position().x()))
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        x0, x1 = drag[0], int(event.position().x())
        self.update()
        if abs(x1 - x0) < DRAG_THRESHOLD:
            return  # a click, not a drag: double-click clears, so a click alone must not filter
        lo, hi = self.bin_at(min(x0, x1)), self.bin_at(max(x0, x1))
        if lo is None or hi is None:
            return
        since, until = self._bins[lo].start, self._bins[hi].end
        self.set_range(since, until)
        self.range_selected.emit(since, until)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (self._since or self._until):
            self.clear_range()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left/Right (Home/End) move a cursor over the bars, with Shift they stretch a selection,
        Enter applies it; Escape drops a pending selection, or else clears the range."""
        key = event.key()
        moves = {int(Qt.Key.Key_Left): -1, int(Qt.Key.Key_Right): 1}
        if self._bins and key in (*moves, Qt.Key.Key_Home, Qt.Key.Key_End):
            last = len(self._bins) - 1
            start = self._cursor if self._cursor is not None else self._first_in_range()
            if key == Qt.Key.Key_Home:
                cursor = 0
            elif key == Qt.Key.Key_End:
                cursor = last
            else:
                cursor = (
                    min(last, max(0, start + moves[key])) if self._cursor is not None else start
                )
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                if self._anchor is None:
                    self._anchor = start
            else:
                self._anchor = None
            self._cursor = cursor
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._cursor is not None:
            anchor = self._cursor if self._anchor is None else self._anchor
            lo, hi = sorted((anchor, self._cursor))
            since, until = self._bins[lo].start, self._bins[hi].end
            self.set_range(since, until)
            self.range_selected.emit(since, until)
            return
        if key == Qt.Key.Key_Escape and self._cursor is not None:
            self._cursor = self._anchor = None
            self.update()
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self._since or self._until
        ):
            self.clear_range()
            return
        super().keyPressEvent(event)

    def _first_in_range(self) -> int:
        for i, b in enumerate(self._bins):
            if (self._since or self._until) and in_range(b, self._since, self._until):
                return i
        return len(self._bins) - 1  # the most recent bar

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._cursor = self._anchor = None
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = event.pos()
            text = self.tooltip_at(pos)
            if text:
                QToolTip.showText(event.globalPos(), tooltip_text(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """'March 2018: 1,204 articles' for the bar under ``pos`` (empty when there is none)."""
        at = self.bin_at(pos.x())
        if at is None or not self.plot_rect().adjusted(0, -20, 0, 20).contains(pos):
            return ""
        b = self._bins[at]
        return f"{self.period_label(b)}: {article_count(b.count)}"

    def period_label(self, b: Bin) -> str:
        return period_label(b, self._unit)

    def pending_selection(self) -> tuple[int, int] | None:
        """Bar indexes (first, last) the keyboard cursor would select with Enter."""
        if self._cursor is None:
            return None
        anchor = self._cursor if self._anchor is None else self._anchor
        lo, hi = sorted((anchor, self._cursor))
        return lo, hi

    # --- painting (reader/ui/filters/timeline_paint.py) -----------------------------------------------
    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        try:
            paint_timeline(painter, self._scene(), self.palette())
        finally:
            painter.end()

    def _scene(self) -> TimelineScene:
        drag = self._drag
        if drag is not None and abs(drag[1] - drag[0]) < DRAG_THRESHOLD:
            drag = None  # a click so far, not a range
        return TimelineScene(
            rect=self.rect(),
            plot=self.plot_rect(),
            font=self.label_font(),
            bins=self._bins,
            unit=self._unit,
            since=self._since,
            until=self._until,
            cursor=self._cursor,
            anchor=self._anchor,
            drag=drag,
        )
