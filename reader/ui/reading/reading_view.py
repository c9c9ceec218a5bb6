"""The reading pane: a QTextBrowser showing the HTML of reader.ui.reading.html, never loading anything.

Links are not followed by the browser (``setOpenLinks(False)``); every click arrives at
``_on_anchor`` and becomes a signal the window acts on (filter by tag or entity, open a related
article). ``loadResource`` answers nothing, so an image URL that slipped into an article can never
make the app touch the network or the disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.model import Article, Span
from reader.ui.common.entity_variants import variants_line
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text
from reader.ui.common.scroll_restore import ScrollRestore
from reader.ui.common.theme import BODY_FONT_FAMILY, BODY_FONT_PX, MATCH_COLOURS
from reader.ui.reading.entity_markup import KIND_LABELS
from reader.ui.reading.html import article_html, message_html
from reader.ui.reading.html_extras import extras_html
from reader.ui.reading.html_links import parse_anchor
from reader.ui.reading.html_options import RenderOptions

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "{kind}: {text} — click to filter": "{kind}: {text} — انقر للتصفية",
        "Filter by tag: {tag}": "تصفية حسب الوسم: {tag}",
        "Filter by source: {source}": "تصفية حسب المصدر: {source}",
        "Filter by section: {section}": "تصفية حسب القسم: {section}",
        "Open: {url}": "فتح: {url}",
    }
)


# the widest text column, in ems of the body size: about 70 Arabic characters of Naskh
MEASURE_EM = 38


class LinkBrowser(QTextBrowser):
    """A browser that follows no link and loads nothing: clicks go to ``link_clicked``, hovering
    a link shows what clicking it does."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setMouseTracking(True)
        self.anchorClicked.connect(self.link_clicked)
        # the folder's entity identities: an entity link's tooltip lists the name's variants
        self.identities: Identities | None = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        href = self.anchorAt(event.position().toPoint())
        tip = tooltip_for(href, self.identities) if href else ""
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self.viewport())
        else:
            QToolTip.hideText()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing from outside the app: articles are text, and the network is never touched.

        An empty answer, not None: on None the document falls back to reading a local file
        itself, so an ``<img src="/path">`` that reached the HTML would show that file."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return ""


def tooltip_for(href: str, identities: Identities | None = None) -> str:
    """What clicking the link does, and an entity's other spellings in the folder; the names in
    it come from the article (``tooltip_text``)."""
    scheme, parts = parse_anchor(href)
    if scheme == "entity":
        kind = t(KIND_LABELS.get(parts[0], "Other"))
        text = t("{kind}: {text} — click to filter").format(kind=kind, text=parts[1])
        if identities is not None:
            text += variants_line(partial(identities.variants, parts[0]), parts[1])
    elif scheme == "tag":
        text = t("Filter by tag: {tag}").format(tag=parts[0])
    elif scheme == "source":
        text = t("Filter by source: {source}").format(source=parts[0])
    elif scheme == "category":
        text = t("Filter by section: {section}").format(section=parts[0])
    elif scheme in ("http", "https"):
        text = t("Open: {url}").format(url=href)
    else:
        text = ""
    return tooltip_text(text)


class ReadingView(LinkBrowser):
    """The article (objectName articleView). ``extras`` is the browser under it that shows the
    related headlines, appended articles and the entity list; its links act like these."""

    tag_clicked = Signal(str)
    source_clicked = Signal(str)
    category_clicked = Signal(str)
    entity_clicked = Signal(str, str)  # kind, text
    article_requested = Signal(str)  # id
    action_requested = Signal(str)  # e.g. "clear-filters"
    next_requested = Signal()  # Space at the end of the article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.scroll_restore = ScrollRestore(self.verticalScrollBar())
        self.link_clicked.connect(self._on_anchor)
        self.extras = LinkBrowser()
        self.extras.setObjectName("articleExtras")
        self.extras.link_clicked.connect(self._on_anchor)
        self.options = RenderOptions()
        self.article: Article | None = None
        self._title_matches: Sequence[Span] = ()
        self._body_matches: Sequence[Span] = ()
        self._related: Mapping[str, str] = {}
        self._copies: tuple[str, ...] = ()
        self._apply_font()

    # ---- content
    def show_article(
        self,
        article: Article,
        title_matches: Sequence[Span] = (),
        body_matches: Sequence[Span] = (),
        related_links: Mapping[str, str] | None = None,
        identities: Identities | None = None,
        *,
        copies: Sequence[str] = (),
    ) -> None:
        """``copies``: the ids of the folder's other articles with the same text."""
        related = related_links or {}
        if (
            article is self.article
            and identities is self.identities
            and list(title_matches) == list(self._title_matches)
            and list(body_matches) == list(self._body_matches)
            and related == self._related
            and tuple(copies) == self._copies
        ):
            # the page shown already: rendering it again would change nothing but the scroll
            # position, and costs 10-35 ms (the turn that installs a loaded 100k folder shows
            # the article the list showed while loading)
            return
        self.article = article
        self.identities = self.extras.identities = identities
        self._title_matches, self._body_matches = title_matches, body_matches
        self._related = related
        self._copies = tuple(copies)
        self._render()

    def show_message(self, title: str, text: str) -> None:
        self.article = None
        self.setHtml(message_html(title, text, self.options))
        self.extras.clear()

    def set_options(self, options: RenderOptions) -> None:
        self.options = options
        self._apply_font()
        if self.article is not None:
            self._render()

    def _render(self) -> None:
        assert self.article is not None
        scroll = self.verticalScrollBar().value()
        same = self.document().property("article_id") == self.article.id
        self.setHtml(
            article_html(
                self.article,
                title_matches=self._title_matches,
                body_matches=self._body_matches,
                options=self.options,
                identities=self.identities,
            )
        )
        self.extras.setHtml(
            extras_html(
                self.article,
                related_links=self._related,
                options=self.options,
                identities=self.identities,
                copies=self._copies,
            )
        )
        self.document().setProperty("article_id", self.article.id)
        self._colour_match_underlines()
        self._fit_measure()
        # re-rendering the same article (zoom, theme) keeps the reading position
        if not same:
            self.scroll_restore.cancel()
        self.verticalScrollBar().setValue(scroll if same else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space reads on a page at a time and, at the end of the article, goes to the next one
        (as RSS readers do); Shift+Space goes back a page."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Space and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            bar = self.verticalScrollBar()
            # a line of the page before stays in sight, so the reader keeps their place
            step = max(1, bar.pageStep() - bar.singleStep())
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                bar.setValue(bar.value() - step)
            elif bar.value() >= bar.maximum():
                self.next_requested.emit()
            else:
                bar.setValue(bar.value() + step)
            event.accept()
            return
        super().keyPressEvent(event)

    def _colour_match_underlines(self) -> None:
        """Qt's HTML has no text-decoration-color: give match underlines their colour, thicker."""
        colour = MATCH_COLOURS.get(self.options.theme, MATCH_COLOURS["light"]).background
        doc = self.document()
        block = doc.begin()
        cursor = QTextCursor(doc)
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().fontUnderline():
                    fmt = QTextCharFormat()
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor("#ca8a04" if colour == "#fde047" else colour))
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.mergeCharFormat(fmt)
                it += 1
            block = block.next()

    def _fit_measure(self) -> None:
        """Keep lines near 70 characters (docs/UI.md): on a wide pane the side margins grow."""
        em = BODY_FONT_PX * self.options.zoom / 100
        widest = MEASURE_EM * em
        side = max(12.0, (self.viewport().width() - widest) / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _apply_font(self) -> None:
        font = QFont(BODY_FONT_FAMILY)
        font.setPixelSize(max(8, round(BODY_FONT_PX * self.options.zoom / 100)))
        self.document().setDefaultFont(font)

    # ---- links and tooltips
    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        scheme, parts = parse_anchor(href)
        if scheme == "entity":
            self.entity_clicked.emit(parts[0], parts[1])
        elif scheme == "tag":
            self.tag_clicked.emit(parts[0])
        elif scheme == "category":
            self.category_clicked.emit(parts[0])
        elif scheme == "source":
            self.source_clicked.emit(parts[0])
        elif scheme == "article":
            self.article_requested.emit(parts[0])
        elif scheme == "action":
            self.action_requested.emit(parts[0])
        elif scheme in ("http", "https"):
            # a deliberate click on the article's own link opens the system browser; nothing loads here
            QDesktopServices.openUrl(url)

    def tooltip_for(self, href: str) -> str:
        return tooltip_for(href, self.identities)
