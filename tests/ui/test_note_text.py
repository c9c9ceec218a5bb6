"""Notes and problem reasons in the interface's language (reader/ui/common/note_text.py)."""

from __future__ import annotations

import pytest

from reader.formats.codepage_mojibake import NOTE as CODEPAGE_NOTE
from reader.formats.dates import URL_DATE_NOTE
from reader.formats.escaped_text import NOTE as ESCAPED_NOTE
from reader.formats.mojibake import NOTE as ENCODED_TWICE_NOTE
from reader.formats.titles import TITLE_FROM_FIRST_WORDS
from reader.model import Article
from reader.ui.common.note_text import note_text
from reader.ui.reading.html import article_html
from reader.ui.reading.html_options import RenderOptions

# a value in an Arabic note keeps its own direction (".jpg" must not show as "jpg."): embedded
# left to right, as reader.ui.common.plain.isolated embeds it
L, P = "\u202a", "\u202c"


@pytest.mark.parametrize(
    ("note", "arabic"),
    [
        (URL_DATE_NOTE, "التاريخ مأخوذ من رابط المقال"),
        (TITLE_FROM_FIRST_WORDS, "لا عنوان: صيغ من الكلمات الأولى للنص"),
        ("decoded as windows-1256", f"فُكَّ ترميزه على أنه {L}windows-1256{P}"),
        (
            "decoded as cp720; 3 control character(s) dropped",
            f"فُكَّ ترميزه على أنه {L}cp720{P}؛ حُذف 3 من محارف التحكم",
        ),
        (
            f"{ENCODED_TWICE_NOTE}; 2 letter(s) lost (shown as \ufffd)",
            "أُصلح نص رُمِّز مرتين (UTF-8 قُرئ على أنه Windows-1252 ثم حُفظ من جديد)؛ "
            "ضاع 2 من الحروف (تظهر هكذا: \ufffd)",
        ),
        (
            "read as a web page: the .doc file holds one",
            f"قُرئ على أنه صفحة ويب: هذا ما يحويه ملف {L}.doc{P}",
        ),
        (
            "text cut short by the news API that exported it (1,532 more characters at the source)",
            "نص مقتطع من واجهة الأخبار التي صدّرته (بقي 1,532 حرفًا في المصدر)",
        ),
        (
            "read from a compressed file cut short: text after the cut is missing",
            "قُرئ من ملف مضغوط مقطوع: ما بعد موضع القطع ناقص",
        ),
        (
            "gzip file cut short (the data ends before the end of the compressed stream "
            "(truncated download?)); what came before the cut is read",
            f"ملف {L}gzip{P} مقطوع (تنتهي بياناته قبل نهاية الدفق المضغوط: تنزيل لم يكتمل؟)؛ "
            "قُرئ ما قبل موضع القطع",
        ),
        # why a file was not read
        ("not an article format (.jpg)", f"ليس بصيغة مقال ({L}.jpg{P})"),
        ("binary file (PNG image), not text", f"ملف ثنائي ({L}PNG image{P})، لا نص"),
        (
            "corrupt Word document (ValueError: bad (header))",
            f"مستند Word تالف ({L}ValueError: bad (header){P})",
        ),
        (
            "an encrypted (password-protected) Excel workbook; save it without a password as .xlsx or CSV",
            f"مصنف Excel مشفَّر (محمي بكلمة سر)؛ احفظه دون كلمة سر بصيغة {L}.xlsx or CSV{P}",
        ),
        (
            "row 4 (line 5): no text in the 'النص' column",
            "الصف 4 (السطر 5): لا نص في العمود \u202b'النص'\u202c",
        ),
        (
            "invalid JSON at line 3 column 7: Expecting ','",
            f"JSON غير صالح في السطر 3 العمود 7: {L}Expecting ','{P}",
        ),
        (
            "encrypted PDF (it needs a password); not read",
            "ملف PDF مشفَّر (يحتاج كلمة سر)؛ لم يُقرأ",
        ),
        (
            "PDF pages without text (scanned images?): 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 4 more",
            "صفحات PDF بلا نص (صور ممسوحة ضوئيًا؟): 1، 2، 3، 4، 5، 6، 7، 8، 9، 10 و4 أخرى",
        ),
        (
            "PDF pages with text in fonts without a character map, left out: 2",
            "أُغفلت صفحات PDF نصها بخطوط لا جدول يربطها بالحروف: 2",
        ),
        (
            "only the first 500 of the PDF's 812 pages read",
            "قُرئت أول 500 صفحة فقط من صفحات ملف PDF البالغة 812",
        ),
        (
            CODEPAGE_NOTE,
            "أُصلح نص عربي قُرئ بصفحة ترميز خاطئة (Windows-1256 قُرئ على أنه Windows-1252)",
        ),
        (
            "a bot-check page (Cloudflare), not the article: save the page again from a browser",
            f"صفحة تحقق من الزائر ({L}Cloudflare{P})، لا المقال: احفظ الصفحة من جديد من المتصفح",
        ),
        ("an error page (page not found), not an article", "صفحة خطأ (صفحة غير موجودة)، لا مقال"),
        ("an error page (spaceship), not an article", "an error page (spaceship), not an article"),
        (
            "no date ('1900-01-01', a placeholder for a missing date)",
            f"لا تاريخ ({L}'1900-01-01'{P}، قيمة توضع مكان تاريخ مفقود)",
        ),
        (
            "2 rows above the table's header (line 3) left out: a title or notes, not articles",
            "أُغفل 2 صفوف فوق صف عناوين الجدول (السطر 3): عنوان أو ملاحظات، لا مقالات",
        ),
        (
            "date '03/12/2024' read month-first, as the date column's '03/25/2024' can only be",
            f"قُرئ التاريخ {L}'03/12/2024'{P} والشهر أولًا، لأن التاريخ {L}'03/25/2024'{P}"
            " في العمود نفسه لا يُقرأ إلا كذلك",
        ),
        (
            "line 3: invalid JSON at column 70: Unterminated string starting at",
            f"السطر 3: JSON غير صالح في العمود 70: {L}Unterminated string starting at{P}",
        ),
        ("broken symbolic link (its target does not exist)", "رابط رمزي معطوب (هدفه غير موجود)"),
        (
            "2 messages without text (photos, service messages) are not articles",
            "2 رسائل بلا نص (صور، رسائل خدمة) ليست مقالات",
        ),
        (
            "2 records removed by the news API ([Removed]) left out",
            "أُغفل 2 من السجلات التي حذفتها واجهة الأخبار ([Removed])",
        ),
        (
            "no date: the reference gives only the year 2024",
            "لا تاريخ: لا يذكر المرجع إلا السنة 2024",
        ),
        (ESCAPED_NOTE, "كان النص يحمل حروفه رموز هروب (\\u0627…): فُكَّت"),
        # a note not listed, and a kind of content not listed, stay as written
        (
            "not an article format (.pages: a Pages document); save it as .docx or text",
            "not an article format (.pages: a Pages document); save it as .docx or text",
        ),
        ("corrupt spaceship (x)", "corrupt spaceship (x)"),
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
    assert f"فُكَّ ترميزه على أنه {L}cp720{P}" in arabic
    english = article_html(article, options=RenderOptions(language="en"))
    assert URL_DATE_NOTE.replace("'", "&#x27;") in english


def test_the_problems_list_gives_its_reasons_in_arabic(qtbot) -> None:
    from reader.model import LoadProblem
    from reader.ui.common.i18n import set_language
    from reader.ui.status.problems import ProblemsModel

    model = ProblemsModel()
    model.set_problems([LoadProblem("photo.jpg", "not an article format (.jpg)")])
    set_language("ar")
    try:
        assert model.data(model.index(0, 1)) == f"ليس بصيغة مقال ({L}.jpg{P})"
    finally:
        set_language("en")
    assert model.data(model.index(0, 1)) == "\u202anot an article format (.jpg)\u202c"


def test_an_arabic_reason_is_isolated_right_to_left_after_its_path(qtbot) -> None:
    """In the empty folder's list, "movie.mp4: <reason>": the path reads left to right, and the
    Arabic reason right to left as one unit, its Latin words (EPUB, .mp4) in their places."""
    from reader.model import LoadProblem
    from reader.ui.common.i18n import set_language
    from reader.ui.list.empty_state import problem_lines

    problem = LoadProblem("movie.mp4", "not an article format (.mp4)")
    set_language("ar")
    try:
        (line,) = problem_lines([problem])
    finally:
        set_language("en")
    assert line == f"\u202amovie.mp4\u202c: \u202bليس بصيغة مقال ({L}.mp4{P})\u202c"
    (english,) = problem_lines([problem])
    assert english == "\u202amovie.mp4: not an article format (.mp4)\u202c"
