"""The reading pane's notes in the interface's language (reader/ui/reading/note_text.py)."""

from __future__ import annotations

import pytest

from reader.formats.dates import URL_DATE_NOTE
from reader.formats.mojibake import NOTE as ENCODED_TWICE_NOTE
from reader.formats.titles import TITLE_FROM_FIRST_WORDS
from reader.model import Article
from reader.ui.reading.html import article_html
from reader.ui.reading.html_options import RenderOptions
from reader.ui.reading.note_text import note_text


@pytest.mark.parametrize(
    ("note", "arabic"),
    [
        (URL_DATE_NOTE, "التاريخ مأخوذ من رابط المقال"),
        (TITLE_FROM_FIRST_WORDS, "لا عنوان: صيغ من الكلمات الأولى للنص"),
        ("decoded as windows-1256", "فُكَّ ترميزه على أنه windows-1256"),
        (
            "decoded as cp720; 3 control character(s) dropped",
            "فُكَّ ترميزه على أنه cp720؛ حُذف 3 من محارف التحكم",
        ),
        (
            f"{ENCODED_TWICE_NOTE}; 2 letter(s) lost (shown as \ufffd)",
            "أُصلح نص رُمِّز مرتين (UTF-8 قُرئ على أنه Windows-1252 ثم حُفظ من جديد)؛ "
            "ضاع 2 من الحروف (تظهر هكذا: \ufffd)",
        ),
        (
            "read as a web page: the .doc file holds one",
            "قُرئ على أنه صفحة ويب: هذا ما يحويه ملف .doc",
        ),
        (
            "text cut short by the news API that exported it (1,532 more characters at the source)",
            "نص مقتطع من واجهة الأخبار التي صدّرته (بقي 1,532 حرفًا في المصدر)",
        ),
        # a note not listed, and a kind of content not listed, stay as written
        ("sheet 'Sheet2', row 4 (line 5): no text", "sheet 'Sheet2', row 4 (line 5): no text"),
        (
            "read as a spaceship: the .doc file holds one",
            "read as a spaceship: the .doc file holds one",
        ),
    ],
)
def test_notes_in_arabic(note: str, arabic: str) -> None:
    assert note_text(note, "ar") == arabic
    assert note_text(note, "en") == note


def test_the_reading_pane_shows_the_notes_in_the_interfaces_language() -> None:
    article = Article(
        id="a.txt", title="عنوان", body="نص.", problems=(URL_DATE_NOTE, "decoded as cp720")
    )
    arabic = article_html(article, options=RenderOptions(language="ar"))
    assert "التاريخ مأخوذ من رابط المقال" in arabic
    assert "فُكَّ ترميزه على أنه cp720" in arabic
    english = article_html(article, options=RenderOptions(language="en"))
    assert URL_DATE_NOTE.replace("'", "&#x27;") in english
