"""How one facet value looks in its list: [mark] value … count [exclude button].

The row is mirrored for a right-to-left interface, while the value itself is laid out in its own
direction (an Arabic name reads right to left in the English interface too).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.bidi import first_strong_direction
from reader.ui.filters.facet_list import COUNT_ROLE, STATE_ROLE


class FacetDelegate(QStyledItemDelegate):
    """Paints a row as [mark] value … count [exclude button], mirrored for right-to-left."""

    MARK_W = 14
    BUTTON_W = 18

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        # Arabic UI fonts have tall ascent/descent already; little extra padding keeps lists dense
        size.setHeight(option.fontMetrics.height())
        return size

    def exclude_button_rect(self, option_rect: QRect, direction: Qt.LayoutDirection) -> QRect:
        r = QRect(
            option_rect.right() - self.BUTTON_W,
            option_rect.top(),
            self.BUTTON_W,
            option_rect.height(),
        )
        return QStyle.visualRect(direction, option_rect, r)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = _paint_background(painter, opt)
        state = index.data(STATE_ROLE) or ""
        count = index.data(COUNT_ROLE) or 0
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlphaF(0.75)  # quieter, and still 4.5:1 on the row in both themes
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.save()
        try:
            if state:
                mark_colour = pal.color(QPalette.ColorRole.Link) if not selected else fg
                self._paint_mark(painter, opt.direction, rect, state, mark_colour)
            # the exclude button is always there (not only on hover), so it can be found
            trailing = self.BUTTON_W if state != "-" else 0
            count_w = self._paint_count(
                painter, opt, rect, f"{count:,}", trailing=trailing, colour=dim
            )
            if trailing:
                self._paint_exclude_button(
                    painter, self.exclude_button_rect(opt.rect, opt.direction), dim
                )
            value_w = rect.width() - self.MARK_W - count_w - trailing - 4
            colour = dim if state == "-" else fg
            self._paint_value(painter, opt, rect, text, width=value_w, colour=colour)
        finally:
            painter.restore()

    def _paint_mark(
        self,
        painter: QPainter,
        direction: Qt.LayoutDirection,
        rect: QRect,
        state: str,
        colour: QColor,
    ) -> None:
        """A check for an included value, a minus for an excluded one, at the leading end."""
        mark = QStyle.visualRect(
            direction, rect, QRect(rect.left(), rect.top(), self.MARK_W, rect.height())
        )
        painter.setPen(QPen(colour, 2))
        cy = mark.center().y()
        if state == "+":
            x = mark.left() + 2
            painter.drawPolyline([_pt(x, cy), _pt(x + 3, cy + 3), _pt(x + 9, cy - 4)])
        else:
            painter.drawLine(mark.left() + 2, cy, mark.left() + 10, cy)

    @staticmethod
    def _paint_count(
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        count_text: str,
        *,
        trailing: int,
        colour: QColor,
    ) -> int:
        """The count at the trailing end, before the exclude button; returns the width it took."""
        direction = opt.direction
        count_w = opt.fontMetrics.horizontalAdvance(count_text) + 6
        count_rect = QStyle.visualRect(
            direction,
            rect,
            QRect(rect.right() - trailing - count_w, rect.top(), count_w, rect.height()),
        )
        painter.setPen(colour)
        painter.setFont(opt.font)
        count_align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignRight)
        painter.drawText(count_rect, count_align | Qt.AlignmentFlag.AlignVCenter, count_text)
        return count_w

    def _paint_value(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        *,
        width: int,
        colour: QColor,
    ) -> None:
        """The value, elided, in the row's font (bold when included, struck through when
        excluded), at the interface's leading side."""
        direction = opt.direction
        value_rect = QStyle.visualRect(
            direction,
            rect,
            QRect(rect.left() + self.MARK_W + 2, rect.top(), width, rect.height()),
        )
        painter.setPen(colour)
        painter.setFont(opt.font)
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, value_rect.width())
        align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft)
        # the value is laid out in its own direction (an Arabic name right to left in the
        # English interface too)
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if first_strong_direction(text) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        painter.drawText(
            value_rect,
            align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter,
            elided,
        )

    @staticmethod
    def _paint_exclude_button(painter: QPainter, rect: QRect, colour: QColor) -> None:
        # drawn, not a glyph: the bundled fonts have no ⊖, and a fallback font would look foreign
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.4))
        d = min(rect.width(), rect.height()) - 6
        box = QRect(0, 0, d, d)
        box.moveCenter(rect.center())
        painter.drawEllipse(box)
        painter.drawLine(box.left() + 3, box.center().y(), box.right() - 3, box.center().y())


def _paint_background(painter: QPainter, opt: QStyleOptionViewItem) -> str:
    """The style's row (selection, hover, focus) without its text; returns the text the row
    shows, which the delegate lays out itself."""
    widget = opt.widget
    style = widget.style() if widget is not None else None
    text = opt.text
    opt.text = ""
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return text


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)
