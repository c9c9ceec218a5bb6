"""What scrapers leave around an article's text, and what the reader makes of it (issue 16).

- Script, ad and tracking code flattened into lines (``googletag.cmd.push(function() { … });``,
  ``(adsbygoogle = window.adsbygoogle || []).push({});``, ``<script>`` remnants, ``var x = …;``,
  lines of JavaScript punctuation) and share/follow button labels (``شارك``, ``تابعونا على فيسبوك``,
  ``Share on Facebook``, ``Tweet``) are removed from bodies (``clean_line``, ``drop_debris``): the
  reader would show code, and the entity recogniser took ``googletag`` for a person.
- A site's copyright line and its calls to subscribe go too (``footer_lines``).
- A line that is only the page's address is its URL (``url_of_line``).

What the reader makes of the lines left, the title, is in ``titles.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reader.formats.footer_lines import is_footer_line
from reader.formats.tags import READ_ALSO
from reader.text.normalize import normalize

# shared with titles.py: what counts as an Arabic letter and as a word there too
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

# Code that only a script, an ad slot or a tracker writes; no news sentence holds these.
_SCRIPT = re.compile(
    r"googletag|adsbygoogle|datalayer|document\.(?:write|getelement|queryselector|createelement)"
    r"|window\.\w|gtag\s*\(|fbq\s*\(|_gaq\b|__gads|\bpbjs\b|apstag|taboola|outbrain"
    r"|<\s*/?\s*(?:script|noscript|ins|iframe|style|div)\b|<!\[cdata\[|\]\]>"
    r"|\b(?:var|let|const)\s+[\w$]+\s*=|\bfunction\s*[\w$]*\s*\([^()]{0,200}\)\s*\{"
    r"|\.push\s*\(|\}\s*\)\s*;",
    re.IGNORECASE,
)
# a piece of every _SCRIPT alternative: without one of these (in lower case) it cannot match
_SCRIPT_KEYS = (
    "googletag",
    "adsbygoogle",
    "datalayer",
    "document.",
    "window.",
    "gtag",
    "fbq",
    "_gaq",
    "__gads",
    "pbjs",
    "apstag",
    "taboola",
    "outbrain",
    "<",
    "]]>",
    "var",
    "let",
    "const",
    "function",
    ".push",
    "}",
)
_JS_PUNCTUATION = frozenset("{}()[];=<>|&$'\",.:!+*/\\")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_MARKUP_ONLY = re.compile(r"^(?:\s*<[^<>]{0,300}>)+\s*$")
_URL = r"(?:https?://|www\.)[^\s<>\"]+"
_URL_LINE = re.compile(
    r"^(?:(?:url|link|source|الرابط|رابط(?:\s+ال\w+)?|المصدر)\s*[:：|\-–]\s*)?"
    rf"[<(\[]?(?P<url>{_URL}?)[>)\]]?\s*$",
    re.IGNORECASE,
)
# a web address anywhere in a line
URL_IN_TEXT = re.compile(_URL, re.IGNORECASE)
_READ_ALSO_LINK = re.compile(rf"^\W*{READ_ALSO}\W*$")

# Share, follow and ad labels (compared after ``normalize``). A line is boilerplate when all its
# words are from these two lists and one of them names the action or the network.
_ANCHOR_WORDS = """
شارك شاركها شاركه شاركوا مشاركة تابعونا تابعنا تابعوا share shares tweet follow whatsapp واتساب
واتس فيسبوك فيس facebook تويتر twitter تلغرام تليغرام تيليغرام تيليجرام تليجرام telegram انستغرام
انستجرام انستقرام instagram يوتيوب youtube linkedin لينكدان pinterest messenger ماسنجر email
print طباعة أرسل إرسال غرد غردها reddit إعلان إعلانات advertisement advertisements sponsored
"""
_FILLER_WORDS = """
على عبر في من مع إلى ل لصديق صديق صديقك أصدقائك أصدقائكم الخبر المقال الموضوع الرابط رابط بوك آب اب
صفحتنا حساباتنا حسابنا قناتنا قناة مواقع موقع التواصل الاجتماعي البريد الإلكتروني نيوز جوجل google
news plus on via this article story page link with your friend friends to a the us it pin save
copy نسخ x آخر اخر الأخبار أخبار الاخبار جديد لمتابعة
"""
# a cheap test before the words are folded: every anchor word holds one of these pieces
_SHARE_HINT = (
    "شارك",
    "تابع",
    "share",
    "tweet",
    "follow",
    "whatsapp",
    "واتس",
    "فيس",
    "facebook",
    "تويتر",
    "twitter",
    "غرام",
    "جرام",
    "قرام",
    "telegram",
    "instagram",
    "يوتيوب",
    "youtube",
    "linkedin",
    "لينكد",
    "pinterest",
    "messenger",
    "ماسنجر",
    "email",
    "print",
    "طباع",
    "رسال",
    "رسل",
    "غرد",
    "reddit",
    "علان",
    "advert",
    "sponsor",
)
_SHARE_ANCHORS = frozenset(normalize(word) for word in _ANCHOR_WORDS.split())
_SHARE_FILLER = frozenset(normalize(word) for word in _FILLER_WORDS.split())
WORD = re.compile(r"[^\W_]+")
_SHARE_MAX_CHARS = 100
_TRAIL_MARKS = (">", "»", "›", "«", "‹", "<", "/", "\\")
_TRAIL_SPLIT = re.compile(r"\s*(?:>|»|›|«|‹|<|/|\\)\s*")
# the home page's name in a navigation trail, normalised (``reader.text.normalize``)
_HOME = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "الرءيسيه", "home", "accueil"})
_BLOCK_MAX_LINES = 200
_SHARE_MAX_WORDS = 10


def has_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(text) is not None


def mostly_arabic(text: str) -> bool:
    """More Arabic letters than Latin ones (in the first few thousand characters)."""
    sample = text[:4000]
    return len(ARABIC_LETTER.findall(sample)) > len(_LATIN_LETTER.findall(sample))


def is_latin_only(line: str) -> bool:
    """Letters, and none of them Arabic: a byline or a site name in an Arabic article."""
    return _LATIN_LETTER.search(line) is not None and not has_arabic(line)


def is_script_line(line: str) -> bool:
    return _script_cut(line) == ""


def is_share_line(line: str) -> bool:
    """Only share/follow/ad words (``شارك الخبر``, ``تابعونا على فيسبوك``, ``Share on Facebook``),
    or a "read also" label followed by nothing but links."""
    linked = "http" in line or "www." in line
    if len(line) > (_SHARE_MAX_CHARS * 3 if linked else _SHARE_MAX_CHARS):
        return False  # most lines stop here: a paragraph is longer than any button label
    without_urls = URL_IN_TEXT.sub(" ", line) if linked else line
    if linked and _READ_ALSO_LINK.match(without_urls):
        return True
    if len(without_urls) > _SHARE_MAX_CHARS:
        return False
    lowered = without_urls.lower()  # substring tests: a case-blind regex over Arabic is ~5x slower
    if not any(hint in lowered for hint in _SHARE_HINT):
        return False
    # "وتلغرام": the conjunction و glued to a network's name
    words = [
        word[1:] if word.startswith("و") and word not in _SHARE_ANCHORS else word
        for word in WORD.findall(normalize(without_urls))
    ]
    return (
        0 < len(words) <= _SHARE_MAX_WORDS
        and any(word in _SHARE_ANCHORS for word in words)
        and all(word in _SHARE_ANCHORS or word in _SHARE_FILLER for word in words)
    )


def clean_line(line: str) -> str:
    """``line`` without debris: "" for a script, ad or share line; a paragraph with script code
    glued after it keeps its text; any other line comes back as it is."""
    if not line:
        return line
    if is_share_line(line) or is_breadcrumb(line) or is_footer_line(line):
        return ""
    return _script_cut(line)


def is_breadcrumb(line: str) -> bool:
    """A site's navigation trail (``الرئيسية > أخبار > سياسة``, ``Home » News``): short names
    between arrows, one end the home page."""
    if len(line) > _SHARE_MAX_CHARS or not any(mark in line for mark in _TRAIL_MARKS):
        return False
    parts = [part.strip() for part in _TRAIL_SPLIT.split(line)]
    if len(parts) < 2 or any(not part or len(part.split()) > 4 for part in parts):
        return False
    return normalize(parts[0]).lower() in _HOME or normalize(parts[-1]).lower() in _HOME


def clean_lines(lines: Iterable[str]) -> list[str]:
    """``clean_line`` of every line, and "" for the lines of a code block a debris line opened:
    a ``<script>`` until ``</script>``, or a ``function() {`` until its braces close. Inside a
    block a line without Arabic text and with code punctuation (``'gtm.start': new
    Date().getTime(),``) or only a few words is code; any other line ends the block, so a stray
    brace never swallows the article."""
    out: list[str] = []
    depth = 0  # braces a dropped line left open
    in_script = False
    left = 0  # lines a block may still run, in case its end was lost
    for line in lines:
        if not line:
            out.append(line)
            continue
        if not (depth or in_script) and _plain_prose(line):
            out.append(line)  # what clean_line gives back, without its tests
            continue
        if (depth or in_script) and left and _inside_code(line):
            out.append("")
            depth = max(0, depth + line.count("{") - line.count("}"))
            in_script = in_script and "</script" not in line.lower()
            left -= 1
            continue
        kept = clean_line(line)
        out.append(kept)
        depth, in_script, left = 0, False, _BLOCK_MAX_LINES
        if not kept:  # a debris line: does a block of code start here?
            depth = max(0, line.count("{") - line.count("}"))
            lower = line.lower()
            opened = lower.rfind("<script")
            in_script = opened >= 0 and "</script" not in lower[opened:]
    return out


def _plain_prose(line: str) -> bool:
    """A line ``clean_line`` keeps as it is, told by substring tests alone (most lines of a
    body): longer than any share label, no link, and none of the characters script code needs."""
    return (
        len(line) > _SHARE_MAX_CHARS
        and ";" not in line
        and "(" not in line
        and "=" not in line
        and "<" not in line
        and "{" not in line
        and "}" not in line
        and "http" not in line
        and "www." not in line
    )


def _inside_code(line: str) -> bool:
    # No Arabic outside string literals, and code punctuation or a fragment of a few words:
    # a sentence of prose (an English article) ends the block.
    if has_arabic(_QUOTED.sub("", line)):
        return False
    return any(c in line for c in "{}()[];=<>") or len(line.split()) <= 3


def drop_debris(lines: Iterable[str]) -> list[str]:
    """The lines that are not debris (see ``clean_lines``); blank lines are dropped too."""
    return [kept for kept in clean_lines(lines) if kept]


def clean_body(body: str) -> str:
    """A body of ``"\\n"``-joined paragraphs without its debris lines."""
    return "\n".join(drop_debris(body.split("\n")))


def _script_cut(line: str) -> str:
    if not has_arabic(line) and _js_punctuation_only(line):
        return ""
    # Code always holds one of these characters and Latin letters: most text lines stop here.
    if not ("(" in line or "=" in line or "<" in line or "{" in line or ";" in line):
        return line
    if _ASCII_LETTER.search(line) is None:
        return line
    if _MARKUP_ONLY.match(line) and not has_arabic(line):
        return ""
    lowered = line.lower()
    if not any(key in lowered for key in _SCRIPT_KEYS):
        return line  # substring tests first: the regex costs ~20 µs a line of Arabic prose
    match = _SCRIPT.search(line)
    if match is None:
        return line
    # Arabic only inside quotes is a string literal of the code (an ad label, a headline).
    if not has_arabic(_QUOTED.sub("", line)):
        return ""
    # A paragraph with the ad slot's code glued after it: keep the paragraph.
    head, tail = line[: match.start()].rstrip(" ;(\t"), line[match.start() :]
    if has_arabic(head) and not has_arabic(_QUOTED.sub("", tail)):
        return head
    # Text around the code (an article quoting a tag) cannot be cut apart safely: kept whole.
    return line


def _js_punctuation_only(line: str) -> bool:
    """``});``, ``})();``, ``}``: the remains of a script block, no words in them."""
    if not any(c in line for c in "{};"):
        return False
    visible = [c for c in line if not c.isspace()]
    punctuation = sum(1 for c in visible if c in _JS_PUNCTUATION)
    return punctuation * 2 >= len(visible)


def url_of_line(line: str) -> str | None:
    """The address when ``line`` is a URL and nothing else (``URL: …`` and ``<…>`` allowed)."""
    if len(line) > 2000 or ("http" not in line and "www." not in line):
        return None
    match = _URL_LINE.match(line.strip())
    return match["url"] if match else None


# A news API's text cut to a preview, with what it left out counted (NewsAPI's "… [+1532 chars]")
_API_CUT = re.compile(r"\s*…?\s*\[\+(\d+) chars\]\s*$")


def api_cut(body: str) -> tuple[str, str | None]:
    """``body`` without a news API's cut mark (ended with "…" instead), and the note that says
    the text is a preview; ``(body, None)`` for a whole text."""
    match = _API_CUT.search(body, max(0, len(body) - 40))
    if match is None:
        return body, None
    more = int(match.group(1))
    return (
        body[: match.start()].rstrip() + "…",
        f"text cut short by the news API that exported it ({more:,} more characters at the source)",
    )


# Arabic presentation forms, the shaped glyphs that text copied out of a PDF or an old program
# carries (ﻣﺒﺎﺣﺜﺎت); the reader, the search and the recogniser want the letters (مباحثات). Word
# ligatures (ﷺ, U+FDF0-U+FDFF) are written on purpose and stay.
_PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdcf\ufe70-\ufefc]+")
PRESENTATION_NOTE = (
    "Arabic presentation forms (shaped glyphs, as text copied from a PDF) turned into letters"
)


def base_letters(text: str) -> str:
    """``text`` with Arabic presentation forms as the letters they draw (NFKC, on them only)."""
    if _PRESENTATION_FORMS.search(text) is None:
        return text
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
