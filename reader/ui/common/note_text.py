"""The notes on how an article was read ("decoded as windows-1256", "date taken from the
article's address") and the reasons a file was not read ("empty file"), in the interface's
language.

The readers write their notes in English, and a note can join several with "; " (a decoder's
repairs). The notes readers meet most are given in Arabic here: the fixed ones by the readers'
own constants, so a reworded note shows in English instead of wrongly, and the ones that carry
a value (an encoding, a count, a quoted date, a file's kind) by a pattern. A note not listed
stays in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reader.formats.codepage_mojibake import NOTE as CODEPAGE_NOTE
from reader.formats.codepage_mojibake import UTF8_NOTE as UTF8_AS_1256_NOTE
from reader.formats.csv_dates import SERIAL_NOTE
from reader.formats.csv_headerless import HEADERLESS_NOTE
from reader.formats.csvfmt import BODY_IS_SUMMARY, HEADLINES_ONLY
from reader.formats.datelines import DATELINE_NOTE
from reader.formats.dates import URL_DATE_NOTE
from reader.formats.debris import PRESENTATION_NOTE
from reader.formats.enex import CLIP_DATE_NOTE
from reader.formats.epub import BOOK_DATE_NOTE
from reader.formats.escaped_text import NOTE as ESCAPED_NOTE
from reader.formats.html_dates import DATE_LINE_NOTE
from reader.formats.jsonfmt import HEADLINES_ONLY as JSON_HEADLINES_ONLY
from reader.formats.mojibake import NOTE as ENCODED_TWICE_NOTE
from reader.formats.page_data import EMBEDDED_NOTE
from reader.formats.page_paywall import FULL_TEXT_NOTE
from reader.formats.parse import CUT_SHORT_NOTE
from reader.formats.pdf import GARBLED_PDF
from reader.formats.titles import (
    TITLE_FROM_FILE_NAME,
    TITLE_FROM_FIRST_SENTENCE,
    TITLE_FROM_FIRST_WORDS,
)
from reader.formats.visual_order import VISUAL_ORDER_NOTE
from reader.formats.xmlnews import HEADLINE_ONLY
from reader.ui.common.plain import isolated

_FIXED: dict[str, str] = {
    TITLE_FROM_FILE_NAME: "لا سطر للعنوان: العنوان مأخوذ من اسم الملف",
    TITLE_FROM_FIRST_SENTENCE: "لا سطر للعنوان: العنوان مأخوذ من الجملة الأولى",
    TITLE_FROM_FIRST_WORDS: "لا عنوان: صيغ من الكلمات الأولى للنص",
    URL_DATE_NOTE: "التاريخ مأخوذ من رابط المقال",
    DATE_LINE_NOTE: "التاريخ مقروء من سطر التاريخ الظاهر في الصفحة",
    FULL_TEXT_NOTE: (
        "عرضت الصفحة مقتطفًا (محتوى مدفوع): النص هو المقال كاملًا من البيانات المضمَّنة في الصفحة"
        " (JSON-LD)"
    ),
    HEADLINE_ONLY: "لا نص: مادة الخلاصة عنوان فقط (وصفها روابط إليه لا غير)",
    DATELINE_NOTE: "التاريخ مأخوذ من سطر الوكالة في مطلع المقال (المكان والتاريخ)",
    ENCODED_TWICE_NOTE: "أُصلح نص رُمِّز مرتين (UTF-8 قُرئ على أنه Windows-1252 ثم حُفظ من جديد)",
    CODEPAGE_NOTE: "أُصلح نص عربي قُرئ بصفحة ترميز خاطئة (Windows-1256 قُرئ على أنه Windows-1252)",
    UTF8_AS_1256_NOTE: "أُصلح نص رُمِّز مرتين (UTF-8 قُرئ على أنه Windows-1256 ثم حُفظ من جديد)",
    ESCAPED_NOTE: "كان النص يحمل حروفه رموز هروب (\\u0627…): فُكَّت",
    PRESENTATION_NOTE: "حُوِّلت أشكال العرض العربية (حروف مُشكَّلة كالنص المنسوخ من PDF) إلى حروف",
    VISUAL_ORDER_NOTE: "أُعيد نص عربي مخزَّن بترتيب العرض (حروفه معكوسة) إلى ترتيب القراءة",
    HEADERLESS_NOTE: "لا صف عناوين في الجدول: عُرفت أعمدته بما تحويه (نص، عنوان، تاريخ، رابط)",
    SERIAL_NOTE: "التاريخ مقروء من رقم اليوم في جدول البيانات",
    HEADLINES_ONLY: "لا نص: الجدول يحوي العناوين وحدها (لا عمود فيه للنص)",
    "no headline in the row": "لا عنوان في الصف",
    JSON_HEADLINES_ONLY: "لا نص: التصدير يحوي العناوين وحدها (لا نص في أي سجل)",
    BODY_IS_SUMMARY: "النص هو عمود الملخص: لا عمود للنص في الجدول",
    "body is the summary: the article has no text field": "النص هو الملخص: لا حقل للنص في المقال",
    # why a file was not read
    "empty file": "ملف فارغ",
    "broken symbolic link (its target does not exist)": "رابط رمزي معطوب (هدفه غير موجود)",
    "symbolic link to a folder already read (a loop or a duplicate); not followed": (
        "رابط رمزي إلى مجلد قُرئ من قبل (حلقة أو نسخة مكررة)؛ لم يُتبع"
    ),
    "empty file (only whitespace)": "ملف فارغ (مسافات فقط)",
    "no article found in the file": "لم يُعثر على مقال في الملف",
    "encrypted PDF (it needs a password); not read": "ملف PDF مشفَّر (يحتاج كلمة سر)؛ لم يُقرأ",
    GARBLED_PDF: (
        "ملف PDF بلا جدول يربط خطوطه بالحروف: طبقة نصه أرقام رسوم لا حروف (تُنسخ رموزًا)؛ لم يُقرأ"
    ),
    "a PDF whose pages hold no text (scanned images?); not read": (
        "ملف PDF لا نص في صفحاته (صور ممسوحة ضوئيًا؟)؛ لم يُقرأ"
    ),
    "a DRM-protected EPUB e-book (its pages are encrypted); not read": (
        "كتاب EPUB محمي بإدارة الحقوق الرقمية (صفحاته مشفَّرة)؛ لم يُقرأ"
    ),
    "a web page without article text (the page may load its text with JavaScript)": (
        "صفحة ويب بلا نص مقال (لعل الصفحة تُحمِّل نصها بجافاسكربت)"
    ),
    CLIP_DATE_NOTE: "التاريخ هو يوم إنشاء الملاحظة (في Evernote) لا يوم النشر",
    CUT_SHORT_NOTE: "قُرئ من ملف مضغوط مقطوع: ما بعد موضع القطع ناقص",
    BOOK_DATE_NOTE: "التاريخ هو تاريخ الكتاب الإلكتروني (يوم صُنع) لا تاريخ المقال",
    "the PDF ends without its end mark (cut short?): pages may be missing": (
        "ينتهي ملف PDF دون علامة نهايته (مقطوع؟): قد تنقص صفحات"
    ),
    EMBEDDED_NOTE: "النص مأخوذ من البيانات المضمَّنة في الصفحة: لا تُظهر صفحتها المقال إلا بجافاسكربت",
}
# what a .doc or .xls held ("read as a web page: the .doc file holds one")
_KINDS = {
    "a web page": "صفحة ويب",
    "a web page saved as a single file (MHTML)": "صفحة ويب محفوظة في ملف واحد (MHTML)",
    "an RTF document": "مستند RTF",
    "a CSV table": "جدول CSV",
    "a tab-separated table": "جدول مفصول بعلامات الجدولة",
    "plain text": "نص عادي",
    "a Word document (.docx)": "مستند Word (.docx)",
    "an Excel workbook (.xlsx)": "مصنف Excel (.xlsx)",
    "a Word 97-2003 document (.doc)": "مستند Word 97-2003 (.doc)",
    "an Excel 97-2003 workbook (.xls)": "مصنف Excel 97-2003 (.xls)",
}


# the documents a reason names ("corrupt Word document (...)")
_DOCUMENTS = {
    "Word document": "مستند Word",
    "Excel workbook": "مصنف Excel",
    "OpenDocument spreadsheet": "جدول OpenDocument",
    "OpenDocument text": "مستند OpenDocument",
    "EPUB e-book": "كتاب EPUB إلكتروني",
    "Outlook message": "رسالة Outlook",
    "PDF": "ملف PDF",
    "zip archive": "أرشيف zip",
}


def _document(template: str) -> Callable[[re.Match[str]], str | None]:
    def arabic(match: re.Match[str]) -> str | None:
        what = _DOCUMENTS.get(match["what"])
        # a value keeps its own direction inside the Arabic (".mp4" must not show as "mp4.")
        values = {name: isolated(value) for name, value in match.groupdict().items() if value}
        return template.format(**{**values, "what": what}) if what else None

    return arabic


def _read_as(match: re.Match[str]) -> str | None:
    kind = _KINDS.get(match["kind"])
    return f"قُرئ على أنه {kind}: هذا ما يحويه ملف {isolated(match['suffix'])}" if kind else None


def _pages(pages: str) -> str:
    # "2, 3, 5 and 8 more" (reader/formats/pdf.py's page list)
    return pages.replace(", ", "، ").replace(" and ", " و").replace(" more", " أخرى")


# why a saved page is no article (reader/formats/page_errors.py)
_ERROR_KINDS = {
    "page not found": "صفحة غير موجودة",
    "access denied": "الوصول مرفوض",
    "server error": "خطأ في الخادم",
    "site under maintenance": "الموقع قيد الصيانة",
}


def _rows_above(match: re.Match[str]) -> str:
    n = int(match["n"])
    where = match["where"].replace("line", "السطر").replace("row", "الصف")
    rows = "صف واحد" if n == 1 else f"{n} صفوف"
    return f"أُغفل {rows} فوق صف عناوين الجدول ({where}): عنوان أو ملاحظات، لا مقالات"


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (
        re.compile(r"no date: the reference gives only the year (?P<year>\d+)"),
        lambda m: f"لا تاريخ: لا يذكر المرجع إلا السنة {m['year']}",
    ),
    (
        re.compile(r"date names only the year \((?P<year>\d+)\): not used"),
        lambda m: f"لا يذكر التاريخ إلا السنة ({m['year']}): لم يُعتمد",
    ),
    (
        re.compile(r"date names only the month \((?P<month>[\d-]+)\): shown as its first day"),
        lambda m: f"لا يذكر التاريخ إلا الشهر ({isolated(m['month'])}): يُعرض يومه الأول",
    ),
    (
        re.compile(r"(?P<n>\d+) records? removed by the news API \(\[Removed\]\) left out"),
        lambda m: f"أُغفل {m['n']} من السجلات التي حذفتها واجهة الأخبار ([Removed])",
    ),
    (
        re.compile(
            r"(?P<n>\d+) Facebook post\(s\) without text \(a photo, a check-in, a link alone\)"
            r" left out"
        ),
        lambda m: f"أُغفل {m['n']} من منشورات فيسبوك بلا نص (صورة، تسجيل وصول، رابط وحده)",
    ),
    (
        re.compile(r"a Messenger conversation(?P<named>.*) \((?P<n>\d+) messages\), not articles"),
        lambda m: (
            f"محادثة ماسنجر{isolated(m['named'])} ({m['n']} رسالة)، لا مقالات"
            if m["named"].strip()
            else f"محادثة ماسنجر ({m['n']} رسالة)، لا مقالات"
        ),
    ),
    (
        re.compile(r"line (?P<line>\d+): invalid JSON at column (?P<col>\d+): (?P<msg>.+)"),
        lambda m: f"السطر {m['line']}: JSON غير صالح في العمود {m['col']}: {isolated(m['msg'])}",
    ),
    (
        re.compile(r"no Arabic or Latin letters \(read as (?P<enc>\S+)\)"),
        lambda m: f"لا حروف عربية ولا لاتينية (قُرئ بترميز {isolated(m['enc'])})",
    ),
    (
        re.compile(r"the images, scripts and frames of the saved web page (?P<page>.+); not read"),
        lambda m: (
            f"صور صفحة الويب المحفوظة {isolated(m['page'])} ونصوصها البرمجية وإطاراتها؛ لم تُقرأ"
        ),
    ),
    (
        re.compile(
            r"(?P<n>\d+) messages without text \(photos, service messages\) are not articles"
        ),
        lambda m: f"{m['n']} رسائل بلا نص (صور، رسائل خدمة) ليست مقالات",
    ),
    (
        re.compile(
            r"(?P<n>\d+) messages without text \(notices, photos, deleted\) are not articles"
        ),
        lambda m: f"{m['n']} رسائل بلا نص (إشعارات، صور، رسائل محذوفة) ليست مقالات",
    ),
    (
        re.compile(r"date in the future \((?P<date>[\d-]+)\): not used"),
        lambda m: f"تاريخ في المستقبل ({isolated(m['date'])}): لم يُعتمد",
    ),
    (
        re.compile(
            r"(?P<n>\d+) rows? above the table's header \((?P<where>(?:line|row) \d+)\) left out:"
            r" a title or notes, not (?:an article|articles)"
        ),
        _rows_above,
    ),
    (
        re.compile(
            r"date (?P<text>'[^']*') read month-first, as the date column's (?P<other>'[^']*') can"
            r" only be"
        ),
        lambda m: (
            f"قُرئ التاريخ {isolated(m['text'])} والشهر أولًا، لأن التاريخ {isolated(m['other'])}"
            " في العمود نفسه لا يُقرأ إلا كذلك"
        ),
    ),
    (
        re.compile(
            r"a bot-check page \((?P<who>[^()]+)\), not the article: save the page again from a browser"
        ),
        lambda m: (
            f"صفحة تحقق من الزائر ({isolated(m['who'])})، لا المقال: احفظ الصفحة من جديد من المتصفح"
        ),
    ),
    (
        re.compile(r"an error page \((?P<kind>[^()]+)\), not an article"),
        lambda m: (
            f"صفحة خطأ ({_ERROR_KINDS[m['kind']]})، لا مقال" if m["kind"] in _ERROR_KINDS else None
        ),
    ),
    (
        re.compile(r"no date \((?P<shown>.+), a placeholder for a missing date\)"),
        lambda m: f"لا تاريخ ({isolated(m['shown'])}، قيمة توضع مكان تاريخ مفقود)",
    ),
    (
        re.compile(r"PDF pages without text \(scanned images\?\): (?P<pages>.+)"),
        lambda m: f"صفحات PDF بلا نص (صور ممسوحة ضوئيًا؟): {_pages(m['pages'])}",
    ),
    (
        re.compile(r"PDF pages that could not be read \(damaged\): (?P<pages>.+)"),
        lambda m: f"صفحات PDF تعذّرت قراءتها (تالفة): {_pages(m['pages'])}",
    ),
    (
        re.compile(
            r"PDF pages with text in fonts without a character map, left out: (?P<pages>.+)"
        ),
        lambda m: f"أُغفلت صفحات PDF نصها بخطوط لا جدول يربطها بالحروف: {_pages(m['pages'])}",
    ),
    (
        re.compile(r"only the first (?P<n>\d+) of the PDF's (?P<count>\d+) pages read"),
        lambda m: f"قُرئت أول {m['n']} صفحة فقط من صفحات ملف PDF البالغة {m['count']}",
    ),
    (
        re.compile(
            r"(?P<kind>gzip|bzip2|xz) file cut short \(.*\); what came before the cut is read"
        ),
        lambda m: (
            f"ملف {isolated(m['kind'])} مقطوع (تنتهي بياناته قبل نهاية الدفق المضغوط: تنزيل "
            "لم يكتمل؟)؛ قُرئ ما قبل موضع القطع"
        ),
    ),
    (re.compile(r"decoded as (?P<x>\S+)"), lambda m: f"فُكَّ ترميزه على أنه {isolated(m['x'])}"),
    (
        re.compile(r"(?P<n>[\d,]+) control character\(s\) dropped"),
        lambda m: f"حُذف {m['n']} من محارف التحكم",
    ),
    (
        re.compile(r"(?P<n>[\d,]+) letter\(s\) lost \(shown as \ufffd\)"),
        lambda m: f"ضاع {m['n']} من الحروف (تظهر هكذا: \ufffd)",
    ),
    (re.compile(r"read as (?P<kind>.+): the (?P<suffix>\.\w+) file holds one"), _read_as),
    (
        re.compile(r"read as JSON Lines: the (?P<suffix>\.\w+) file holds them"),
        lambda m: f"قُرئ على أنه أسطر JSON: هذا ما يحويه ملف {isolated(m['suffix'])}",
    ),
    (
        re.compile(
            r"date counted back from (?P<raw>'.*'), from when the record was saved \((?P<at>.*)\)"
        ),
        lambda m: (
            f"التاريخ محسوب رجوعًا من {isolated(m['raw'])} انطلاقًا من وقت حفظ السجل ({isolated(m['at'])})"
        ),
    ),
    (
        re.compile(
            r"relative date (?P<raw>'.*'): the day it counts from \(when it was saved\) is not in the file"
        ),
        lambda m: f"تاريخ نسبي {isolated(m['raw'])}: اليوم الذي يُحسب منه (يوم الحفظ) ليس في الملف",
    ),
    (
        re.compile(
            r"text cut short by the news API that exported it \((?P<n>[\d,]+) more characters at the source\)"
        ),
        lambda m: f"نص مقتطع من واجهة الأخبار التي صدّرته (بقي {m['n']} حرفًا في المصدر)",
    ),
    (
        re.compile(r"not an article format \((?P<suffix>[^):;]*)\)"),
        lambda m: f"ليس بصيغة مقال ({isolated(m['suffix'])})",
    ),
    (
        re.compile(r"binary file \((?P<kind>.+)\), not text"),
        lambda m: f"ملف ثنائي ({isolated(m['kind'])})، لا نص",
    ),
    (
        re.compile(r"corrupt (?P<what>[A-Za-z -]+?) \((?P<detail>.*)\)", re.DOTALL),
        _document("{what} تالف ({detail})"),
    ),
    (
        re.compile(
            r"an encrypted \(password-protected\) (?P<what>[A-Za-z ]+?); save it without a password as (?P<fmt>.+)"
        ),
        _document("{what} مشفَّر (محمي بكلمة سر)؛ احفظه دون كلمة سر بصيغة {fmt}"),
    ),
    (
        re.compile(
            r"a page listing (?P<n>[\d,]+) articles \(a home, section or tag page\), not an article"
        ),
        lambda m: f"صفحة تسرد {m['n']} مقالًا (صفحة رئيسية أو قسم أو وسم)، لا مقال",
    ),
    (
        re.compile(
            r"(?P<n>[\d,]+) page\(s\) without article text left out \(cover, contents, section lists\)"
        ),
        lambda m: f"أُغفلت {m['n']} صفحة بلا نص مقال (غلاف، فهرس، قوائم أقسام)",
    ),
    (
        re.compile(r"row (?P<row>\d+) \(line (?P<line>\d+)\): no text in the (?P<col>'.*') column"),
        lambda m: f"الصف {m['row']} (السطر {m['line']}): لا نص في العمود {isolated(m['col'])}",
    ),
    (
        re.compile(r"invalid JSON at line (?P<line>\d+) column (?P<col>\d+): (?P<msg>.+)"),
        lambda m: f"JSON غير صالح في السطر {m['line']} العمود {m['col']}: {isolated(m['msg'])}",
    ),
    (
        re.compile(
            r"(?P<n>[\d,]+) item\(s\) of the site that are no articles \(pictures, menu entries, \.\.\.\) left out"
        ),
        lambda m: f"أُغفل {m['n']} من عناصر الموقع لا تُعدّ مقالات (صور، عناصر قوائم، ...)",
    ),
]


@lru_cache(maxsize=4096)  # a folder repeats its notes, and views ask for them at each repaint
def note_text(note: str, language: str) -> str:
    """``note`` as the interface in ``language`` ("en" or "ar") shows it."""
    if language != "ar":
        return note
    whole = _arabic(note)
    if whole is not None or "; " not in note:
        return whole or note
    parts = [(part, _arabic(part)) for part in note.split("; ")]
    if all(arabic is None for _, arabic in parts):
        return note
    return "؛ ".join(arabic or part for part, arabic in parts)


def _arabic(part: str) -> str | None:
    fixed = _FIXED.get(part)
    if fixed is not None:
        return fixed
    for pattern, arabic in _PATTERNS:
        match = pattern.fullmatch(part)
        if match is not None:
            return arabic(match)
    return None
