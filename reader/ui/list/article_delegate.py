"""How one row of the article list looks: star, title (bold while unread), date · source, snippet.

Rows have a fixed height (two lines, three while searching) so the view can use uniform item
sizes and scroll 100,000 rows without measuring each. Each text is aligned by its own first strong
character: an Arabic title sits on the right even in the English interface.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPolygonF,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.bidi import first_strong_direction
from reader.ui.common.dates import readable_date
from reader.ui.common.i18n import current_language
from reader.ui.common.plain import isolated
from reader.ui.common.theme import MATCH_COLOURS
from reader.ui.list.article_model import ArticleListModel, Roles

AnyIndex = QModelIndex | QPersistentModelIndex
_PAD = 6
_STAR = 16


def short_date(day: dt.date | None) -> str:
    """The date as the reading pane writes it, in the interface language ("27 March 2017")."""
    return readable_date(day, current_language()) if day is not None else "—"


def layout_direction(direction: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight


def _star_polygon(rect: QRect) -> QPolygonF:
    import math

    cx, cy = rect.center().x() + 0.5, rect.center().y() + 0.5
    outer, inner = rect.width() / 2, rect.width() / 5
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return QPolygonF(points)


def _paint_star(painter: QPainter, star: QRect, *, starred: bool, colour: QColor) -> None:
    """The star button: filled amber when starred, an outline in the quiet text colour if not.
    Leaves antialiasing on for the rest of the row."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#b45309") if starred else colour)
    painter.setBrush(QColor("#f59e0b") if starred else Qt.BrushStyle.NoBrush)
    painter.drawPolygon(_star_polygon(star.adjusted(1, 1, -1, -1)))


def _text_rect(option: QStyleOptionViewItem, star: QRect) -> QRect:
    """The row inside its padding, beside the star (the star is at the leading end)."""
    text_rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
    if option.direction == Qt.LayoutDirection.RightToLeft:
        text_rect.setRight(star.left() - _PAD)
    else:
        text_rect.setLeft(star.right() + _PAD)
    return text_rect


def _meta_text(index: AnyIndex) -> str:
    """The second line: date · source · the reader's marks, each part that is there."""
    return " · ".join(
        part
        for part in (
            isolated(short_date(index.data(Roles.DATE))),
            index.data(Roles.SOURCE) or "",
            isolated(index.data(Roles.MARKS) or ""),
        )
        if part
    )


def _small_font(font: QFont) -> QFont:
    """The row's font at nine tenths, for the date line and the snippet."""
    small = QFont(font)
    if font.pixelSize() > 0:  # the app font is set in pixels (theme.UI_FONT_PX)
        small.setPixelSize(max(9, round(font.pixelSize() * 0.9)))
    else:
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    return small


class ArticleDelegate(QStyledItemDelegate):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.theme = "light"

    # ---- geometry
    def _lines(self, index: AnyIndex) -> int:
        model = index.model()
        searching = isinstance(model, ArticleListModel) and model.has_snippets
        return 4 if searching else 2

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, self._lines(index) * metrics.lineSpacing() + 2 * _PAD + 2)

    def star_rect(self, option: QStyleOptionViewItem) -> QRect:
        rect = option.rect
        top = rect.top() + _PAD + 1
        if option.direction == Qt.LayoutDirection.RightToLeft:
            return QRect(rect.right() - _PAD - _STAR, top, _STAR, _STAR)
        return QRect(rect.left() + _PAD, top, _STAR, _STAR)

    # ---- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        dim = QColor(text_colour)
        if not selected:  # on the highlight, a quieter line would fall under 4.5:1
            dim.setAlpha(190)  # quieter, and still 4.5:1 on the row in both themes

        painter.save()
        star = self.star_rect(option)
        _paint_star(painter, star, starred=bool(index.data(Roles.STARRED)), colour=dim)
        text_rect = _text_rect(option, star)
        line = QFontMetrics(option.font).lineSpacing()
        title = str(index.data(Roles.TITLE) or "")
        title_font = QFont(option.font)
        title_font.setBold(not index.data(Roles.READ))  # bold while unread
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line)
        self._draw_line(painter, title_rect, title)
        small = _small_font(option.font)
        painter.setFont(small)
        painter.setPen(dim)
        meta_rect = QRect(text_rect.left(), text_rect.top() + line, text_rect.width(), line)
        # the date · source line sits on the same side as the title above it
        self._draw_line(painter, meta_rect, _meta_text(index), first_strong_direction(title))
        snippet = index.data(Roles.SNIPPET)
        if snippet:
            painter.setPen(text_colour)
            snippet_rect = QRect(
                text_rect.left(), text_rect.top() + 2 * line, text_rect.width(), 2 * line
            )
            self._draw_snippet(painter, snippet_rect, snippet[0], snippet[1], small)
        painter.restore()

    def _draw_line(
        self, painter: QPainter, rect: QRect, text: str, direction: str | None = None
    ) -> None:
        direction = direction or first_strong_direction(text)
        metrics = painter.fontMetrics()
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        align = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        align |= Qt.AlignmentFlag.AlignRight if direction == "rtl" else Qt.AlignmentFlag.AlignLeft
        # laid out in the text's own direction, whatever the interface's: the quote or "!" that
        # ends an Arabic title stays at its left end
        painter.save()
        painter.setLayoutDirection(layout_direction(direction))
        painter.drawText(rect, int(align), elided)
        painter.restore()

    def _draw_snippet(
        self, painter: QPainter, rect: QRect, text: str, spans: object, font: QFont
    ) -> None:
        text = " ".join(text.split())  # the layout wants one paragraph
        layout = QTextLayout(text, font)
        option = QTextOption()
        rtl = first_strong_direction(text) == "rtl"
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        match = MATCH_COLOURS.get(self.theme, MATCH_COLOURS["light"])
        formats = []
        for span in spans or ():  # type: ignore[attr-defined]
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(match.background))
            fmt.setForeground(QColor(match.text))
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = span.start, span.end - span.start, fmt
            formats.append(rng)
        layout.setFormats(formats)
        layout.beginLayout()
        y = 0.0
        max_lines = max(1, rect.height() // max(1, QFontMetrics(font).lineSpacing()))
        for _ in range(max_lines):
            tl = layout.createLine()
            if not tl.isValid():
                break
            tl.setLineWidth(rect.width())
            tl.setPosition(QPointF(0, y))
            y += tl.height()
        layout.endLayout()
        painter.save()
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.left(), rect.top()))
        painter.restore()

    # ---- the star is a button
    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: AnyIndex
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.star_rect(option).adjusted(-4, -4, 4, 4).contains(event.position().toPoint())
            and isinstance(model, ArticleListModel)
        ):
            model.set_starred(index.row(), not index.data(Roles.STARRED))
            return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]
