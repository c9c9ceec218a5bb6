"""Article text is never markup in the window (issue 17, case 9).

Markup is planted in every field a scraper fills (title, body, source, url, author, category,
tags, related headlines, appended articles, entity names) and in file names, next to a real PNG
file that an ``<img src=…>`` names. Every surface that shows such text (list items and their
tooltips, facet rows, chips, the reading pane and its tooltips, the empty state, the status bar,
the skipped-files dialog, the window title) must show it character for character and load no
image. What Qt shows is judged the way Qt decides it: a label by its text format, a tooltip by
``Qt.mightBeRichText``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

from reader.library.library import Library, build_index
from reader.model import Appended, Article, LoadProblem, Span
from reader.printable import printable
from reader.ui.common.plain import menu_text, tooltip_text, window_title
from reader.ui.list.article_model import Roles
from reader.ui.reading.html import anchor
from reader.ui.reading.reading_view import LinkBrowser
from reader.ui.window.menus import Actions

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

BOLD = "<b>X</b>"
LINK = '<a href="file:///etc/passwd">L</a>'


def write_png(folder: Path) -> Path:
    path = folder / "planted.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(path))
    return path


def img(png: Path) -> str:
    return f'<img src="{png}">'


def shown_by_qt(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> QTextDocument:
    """The document Qt lays out for ``text`` shown in a label of ``text_format`` (or a tooltip)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    document = QTextDocument()
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document


def images_in(document: QTextDocument) -> list[str]:
    return [f.toImageFormat().name() for f in document.allFormats() if f.isImageFormat()]


def anchors_in(document: QTextDocument) -> list[str]:
    hrefs = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                hrefs.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return hrefs


def plain_of(document: QTextDocument) -> str:
    # a <br/> comes back as LINE SEPARATOR, &nbsp; as NO-BREAK SPACE
    return document.toPlainText().replace("\u2028", "\n").replace("\u00a0", " ")


def assert_literal(shown: str, expected: str, text_format=Qt.TextFormat.AutoText) -> None:
    """``shown`` (a label's text or a tooltip) reads ``expected`` literally, with no image."""
    document = shown_by_qt(shown, text_format)
    assert images_in(document) == [], shown
    assert anchors_in(document) == [], shown
    assert expected in plain_of(document), (shown, plain_of(document))


def sweep(widget: QWidget) -> list[str]:
    """Every label text and tooltip under ``widget``: none may load an image or make a link;
    returns what they show, to check the planted text is among them."""
    shown = []
    for child in [widget, *widget.findChildren(QWidget)]:
        tip = child.toolTip()
        if tip:
            document = shown_by_qt(tip)
            assert images_in(document) == [] and anchors_in(document) == [], (child, tip)
            shown.append(plain_of(document))
        if isinstance(child, QLabel) and child.text():
            document = shown_by_qt(child.text(), child.textFormat())
            assert images_in(document) == [] and anchors_in(document) == [], (child, child.text())
            shown.append(plain_of(document))
        if isinstance(child, QAbstractButton) and child.text():
            shown.append(child.text())  # buttons never read markup
    return shown


def check_reading_pane(window, article: Article) -> None:
    window.session.shown.show_article(article)
    for browser in (window.reading.view, window.reading.view.extras):
        document = browser.document()
        assert images_in(document) == []
        assert all(
            href == article.url
            or href.split(":", 1)[0] in ("entity", "tag", "source", "category", "article")
            for href in anchors_in(document)
        ), anchors_in(document)
    page = plain_of(window.reading.view.document())
    extras = plain_of(window.reading.view.extras.document())
    assert article.title in page
    for line in article.body.split("\n"):
        assert " ".join(line.split()) in " ".join(page.split())
    if article.source:
        assert article.source in page
    if article.author:
        assert article.author in page
    for tag in article.tags:
        assert tag in page
    for headline in article.related:
        assert headline in extras
    for extra in article.appended:
        assert extra.title in extras
        assert extra.body.split("\n")[0] in extras
    # what hovering its links says
    if article.source:
        assert_literal(
            window.reading.view.tooltip_for(anchor("source", article.source)), article.source
        )
    for tag in article.tags:
        assert_literal(window.reading.view.tooltip_for(anchor("tag", tag)), tag)
    if article.url and article.url.startswith("https://"):
        assert_literal(window.reading.view.tooltip_for(article.url), article.url)


def check_list(window, library: Library) -> None:
    model = window.list_panel.model
    assert model.rowCount() == len(library.articles)
    for row in range(model.rowCount()):
        index = model.index(row)
        article = library.articles[index.data(Roles.ID)]
        expected = article.title or article.id
        assert index.data(Qt.ItemDataRole.DisplayRole) == expected  # painted as plain text
        assert index.data(Roles.TITLE) == expected
        assert_literal(index.data(Qt.ItemDataRole.ToolTipRole), expected)


def check_facet(panel, values: set[str]) -> None:
    model = panel.model()
    listed = {model.row_entry(r)[0] for r in range(model.rowCount())}
    assert values <= listed
    for row in range(model.rowCount()):
        value = model.row_entry(row)[0]
        tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
        assert_literal(tip, f"{value}: ")


def page_text(png: Path) -> str:
    """A scraped page (the seeds/ layout) with markup in each of its parts."""
    return f"""\
قطر والسعودية {BOLD} تبحثان تعزيز التنسيق {img(png)}
تاريخ النشر: 22nd, March 2024 GMT
بحث أمير قطر الشيخ تميم بن حمد {LINK} مع ولي العهد السعودي الأمير محمد بن سلمان، الخميس، سبل تعزيز العلاقات الثنائية.
وذكرت وكالة الأنباء القطرية أن الجانبين استعرضا خلال اللقاء الذي عقد في الرياض مستجدات الأوضاع {img(png)} في قطاع غزة.
اقرأ أيضاً
أمير قطر يصل {BOLD} في زيارة {img(png)}
وأكد الجانبان أهمية استمرار العمل الخليجي المشترك، ودعم جهود الوساطة الرامية إلى وقف إطلاق النار.
المصدر | الخليج {BOLD}المصدر: الخليج {BOLD}
كلمات دلالية: قطر <b>السعودية</b> تميم
إقرأ أيضاً:
الكويت {BOLD} تعلن موعد الانتخابات {img(png)}
أعلنت الحكومة الكويتية، اليوم، أن الانتخابات البرلمانية ستجرى في الرابع من أبريل المقبل {LINK}.
وأشار البيان إلى أن الحكومة اتخذت كل الإجراءات اللازمة لضمان نزاهة العملية الانتخابية.
"""


def json_article(png: Path) -> dict:
    """A JSON Lines export where every string field carries markup (HTML entities for the body's
    link: a scraper that escaped it; the reader unescapes it back to the characters)."""
    return {
        "title": f"عنوان {BOLD} {LINK} {img(png)}",
        "content": f"نص المقال {img(png)} و {BOLD} و &lt;a href=&quot;file:///etc/passwd&quot;&gt;L&lt;/a&gt;",
        "date": "2024-02-03",
        "source": f"مصدر {BOLD} {img(png)}",
        "url": f'https://example.invalid/a?b="><img src="{png}">',
        "author": f"كاتب {LINK}",
        "category": f"قسم {BOLD}",
        "tags": [f"وسم {BOLD}", f"وسم {img(png)}", LINK],
    }


def test_planted_markup_from_disk_shows_as_text_everywhere(qtbot, make_window, tmp_path: Path):
    png = write_png(tmp_path)
    folder = tmp_path / "<b>news<i>[*]"
    folder.mkdir()
    (folder / "page.txt").write_text(page_text(png), encoding="utf-8")
    (folder / "news.jsonl").write_text(
        json.dumps(json_article(png), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "<b>empty<i>.txt").write_text("", encoding="utf-8")
    (folder / "line\nbreak.txt").write_text("", encoding="utf-8")
    (folder / "evil\u202etxt.md").write_text("", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    library = window.library
    assert library is not None and len(library.articles) == 2
    by_file = {a.path: a for a in library.articles.values()}
    # the planted markup reached the articles (else nothing below would be tested)
    assert img(png) in by_file["page.txt"].title
    assert by_file["page.txt"].related and img(png) in by_file["page.txt"].related[0]
    assert by_file["page.txt"].appended and BOLD in by_file["page.txt"].appended[0].title
    assert by_file["news.jsonl"].title == f"عنوان {BOLD} {LINK} {img(png)}"
    assert LINK in by_file["news.jsonl"].body and LINK in by_file["news.jsonl"].tags

    check_list(window, library)
    check_facet(window.sidebar.tag_facet, {f"وسم {BOLD}", f"وسم {img(png)}", LINK})
    check_facet(window.sidebar.source_facet, {f"مصدر {BOLD} {img(png)}"})
    for article in library.articles.values():
        check_reading_pane(window, article)
    # the window title shows the folder's name as it is, "[*]" included
    assert window.windowHandle().title() == "<b>news<i>[*] — Arabic News Reader"

    # a chip for a planted tag
    window.apply_filters(window.results.state.toggle_include_tag(f"وسم {img(png)}"))
    (chip,) = window.search_bar.chips.chips()
    assert chip.label.textFormat() == Qt.TextFormat.PlainText
    assert img(png) in chip.label.text()
    # a query that finds nothing (a phrase: the words alone would list the articles holding
    # the most of them): the empty state quotes it
    window.results.set_query(f'"{BOLD} زنجبيل"')
    assert window.list_panel.stack.currentWidget() is window.list_panel.empty_state
    assert f'«"{BOLD} زنجبيل"»' in window.list_panel.empty_state.label.text()
    assert window.list_panel.empty_state.label.textFormat() == Qt.TextFormat.PlainText

    # skipped files: counted in the status bar, named (invisible characters shown) in the dialog
    assert window.status.problems_button.text() == "3 files skipped"
    assert_literal(window.status.problems_button.toolTip(), "3 files skipped: .txt ×2, .md ×1")
    panel = window.status.problems_panel
    model = panel.model()
    shown = {
        model.problem(r).path: (
            model.index(r, 0).data(Qt.ItemDataRole.DisplayRole),
            model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole),
        )
        for r in range(model.rowCount())
    }
    display, tip = shown["<b>empty<i>.txt"]
    assert "<b>empty<i>.txt" in display
    assert_literal(tip, "<b>empty<i>.txt")
    display, tip = shown["line\nbreak.txt"]
    assert "line\\nbreak.txt" in display and "\n" not in display
    assert tip == "line\\nbreak.txt"
    display, tip = shown["evil\u202etxt.md"]
    assert "evil\\u202etxt.md" in display and "\u202e" not in display

    shown_texts = sweep(window) + sweep(panel)
    assert any(f'«"{BOLD} زنجبيل"»' in text for text in shown_texts)
    assert any(img(png) in text for text in shown_texts)  # the chip


def _span(text: str, part: str, kind: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), kind)


@pytest.fixture
def planted_library(tmp_path: Path) -> tuple[Library, Path]:
    """Articles with markup in every field, entity names included (no parser in between)."""
    png = write_png(tmp_path)
    person, place = f"بوتين {BOLD}", img(png)
    body = f"التقى {person} مع رئيسي في {place}.\nوقال {LINK} إن اللقاء كان مثمراً."
    appended_body = f"نص ملحق عن {person}."
    first = Article(
        id="<b>a1<i>.txt",
        title=f"لقاء {BOLD} في {img(png)}",
        body=body,
        date=dt.date(2023, 12, 7),
        source=f"مصدر {LINK}",
        url=f'https://example.invalid/<img src="{png}">',
        author=f"كاتب {BOLD}",
        category=f"قسم {img(png)}",
        tags=(f"وسم {BOLD}", img(png)),
        related=(f"خبر {LINK} آخر", f"عنوان ثان {BOLD}"),
        appended=(
            Appended(f"ملحق {img(png)}", appended_body, (_span(appended_body, person, "PERS"),)),
        ),
        entities=(_span(body, person, "PERS"), _span(body, place, "LOC")),
        path="<b>a1<i>.txt",
    )
    second = Article(
        id="<b>a2<i>.txt",
        title="",  # the list shows the id, the file name
        body=f"زار {person} موسكو.",
        date=dt.date(2023, 12, 8),
        source=f"مصدر {img(png)}",
        entities=(Span(4, 4 + len(person), "ORG"),),
        path="<b>a2<i>.txt",
    )
    third = Article(
        id="a3.txt",
        title=f"عنوان ثان {BOLD}",
        body="نص قصير.",
        date=dt.date(2023, 12, 9),
        path="a3.txt",
    )
    articles = [first, second, third]
    library = Library(
        root=tmp_path,
        articles={a.id: a for a in articles},
        problems=[LoadProblem(f"{LINK}.json", f"invalid JSON near {img(png)}")],
        index=build_index(articles, len(articles)),
        files_seen=4,
        entity_status=None,
    )
    return library, png


def test_planted_markup_in_every_field_and_entity_name(qtbot, make_window, planted_library):
    library, png = planted_library
    person, place = f"بوتين {BOLD}", img(png)
    window = make_window()
    window.session.library_loaded(library)
    check_list(window, library)
    check_facet(window.sidebar.tag_facet, {f"وسم {BOLD}", img(png)})
    check_facet(window.sidebar.source_facet, {f"مصدر {LINK}", f"مصدر {img(png)}"})
    check_facet(window.sidebar.entity_facet.panel("PERS"), {person})
    check_facet(window.sidebar.entity_facet.panel("LOC"), {place})
    check_facet(window.sidebar.entity_facet.panel("ORG"), {person})
    for article in library.articles.values():
        check_reading_pane(window, article)
    first = library.articles["<b>a1<i>.txt"]
    window.session.shown.show_article(first)
    # the entity list and the entity links' tooltips
    extras = plain_of(window.reading.view.extras.document())
    assert person in extras and place in extras
    assert_literal(
        window.reading.view.tooltip_for(anchor("entity", "PERS", person)), f"Person: {person}"
    )
    # the related headline with the title of another article links to it, by id
    assert "article:a3.txt" in anchors_in(window.reading.view.extras.document())
    # entity chips
    window.apply_filters(window.results.state.toggle_include_entity("LOC", place))
    (chip,) = window.search_bar.chips.chips()
    assert chip.label.textFormat() == Qt.TextFormat.PlainText
    assert place in chip.label.text()
    window.apply_filters(window.results.state.clear())
    # the skipped file and its reason
    assert_literal(
        window.status.problems_button.toolTip(), "1 file skipped: .json ×1. Click to see each file"
    )
    model = window.status.problems_panel.model()
    assert_literal(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole), f"{LINK}.json")
    assert_literal(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole), img(png))
    sweep(window)
    sweep(window.status.problems_panel)


def test_a_folder_of_planted_files_with_no_article_lists_them_as_text(qtbot, make_window):
    window = make_window()
    library = Library(
        root=Path("/nowhere"),
        articles={},
        problems=[
            LoadProblem("<b>a<i>.pdf", "not an article format (.pdf)"),
            LoadProblem("b\n.txt", f"unreadable: {LINK}"),
        ],
        index=build_index([], 0),
        files_seen=2,
        entity_status=None,
    )
    window.session.library_loaded(library)
    empty = window.list_panel.empty_state
    assert window.list_panel.stack.currentWidget() is empty
    assert empty.details.textFormat() == Qt.TextFormat.PlainText
    text = empty.details.text()
    assert "<b>a<i>.pdf: not an article format (.pdf)" in text
    assert f"b\\n.txt: unreadable: {LINK}" in text
    sweep(window)


def test_the_reading_pane_loads_no_image_even_from_raw_html(qtbot, tmp_path: Path):
    """Beyond escaping: markup that reached the HTML still loads nothing from disk (returning
    None from loadResource let the document read the file itself)."""
    png = write_png(tmp_path)
    browser = LinkBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f'<p>x<img src="{png}">y<img src="file://{png}"></p>')
    browser.show()
    qtbot.waitExposed(browser)
    for url in (QUrl(str(png)), QUrl.fromLocalFile(str(png))):
        resource = browser.document().resource(QTextDocument.ResourceType.ImageResource, url)
        assert resource is None or resource.isNull(), resource


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain title", "plain title"),  # left as it is: Qt shows it as plain anyway
        ("a <b>b</b>", "<p>a &lt;b&gt;b&lt;/b&gt;</p>"),
        ("<img src='/x.png'>\nline", "<p>&lt;img src=&#x27;/x.png&#x27;&gt;<br/>line</p>"),
        ("", ""),
    ],
)
def test_tooltip_text(text: str, expected: str) -> None:
    assert tooltip_text(text) == expected


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("مقال.txt", "مقال.txt"),
        ("a\nb.txt", "a\\nb.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("tab\there\x01", "tab\\there\\x01"),
        ("مي\u200cخواهم.txt", "مي\u200cخواهم.txt"),  # ZWNJ shapes a Persian word: kept
        ("a\u00a0b", "a\u00a0b"),
    ],
)
def test_printable(name: str, shown: str) -> None:
    assert printable(name) == shown


def test_menu_and_title_texts_keep_their_special_characters_literal(qtbot) -> None:
    assert menu_text("R&D\tnews") == "R&&D news"
    assert window_title("a[*]b") == "a[*][*]b"
    holder = QWidget()
    qtbot.addWidget(holder)
    actions = Actions(holder)
    actions.fill_recent(["/data/R&D news", "/data/line\nbreak"], lambda _f: None)
    texts = [a.text() for a in actions.recent_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["/data/R&&D news", "/data/line\\nbreak"]


def test_cache_note_shows_paths_as_text(qtbot, tmp_path: Path) -> None:
    from reader.ui.status.cache_dialog import CacheNote

    png = write_png(tmp_path)
    note = CacheNote()
    qtbot.addWidget(note)
    note.set_notes([f"cache unreadable: {tmp_path}/{img(png)}\u202e.db: damaged"])
    assert note.textFormat() == Qt.TextFormat.PlainText
    assert_literal(note.toolTip(), f"{img(png)}\\u202e.db: damaged")


def test_a_folder_that_is_not_there_is_named_as_text(qtbot, make_window, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = make_window()
    missing = tmp_path / f"{BOLD}\u202egone"
    said: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                said.append((widget.textFormat(), widget.text()))
                widget.button(QMessageBox.StandardButton.Ok).click()
                return
        QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    window.open_folder(missing)
    assert said == [(Qt.TextFormat.PlainText, f"{tmp_path}/{BOLD}\\u202egone")]
