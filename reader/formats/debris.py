"""What scrapers leave around an article's text, and what the reader makes of it (issue 16).

- Script, ad and tracking code flattened into lines (``googletag.cmd.push(function() { … });``,
  ``(adsbygoogle = window.adsbygoogle || []).push({});``, ``<script>`` remnants, ``var x = …;``,
  lines of JavaScript punctuation) and share/follow button labels (``شارك``, ``تابعونا على فيسبوك``,
  ``Share on Facebook``, ``Tweet``) are removed from bodies (``clean_line``, ``drop_debris``): the
  reader would show code, and the entity recogniser took ``googletag`` for a person.
- A line that is only the page's address is its URL (``url_of_line``).
- Titles: a Latin byline or site name (``AHDATH.INFO``, ``By Reuters``) never heads an Arabic
  article (``reads_as_headline``); a file name can hold the headline
  (``site.net__مقتل_شخصين_في_حادث_سير.txt``, ``title_from_filename``); failing both, the first
  sentence of the text, cut at a word boundary (``title_from_text``).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Sequence

from reader.formats.tags import READ_ALSO
from reader.text.normalize import normalize

# The notes an article carries when its title was made up rather than read from a headline line;
# a metadata sidecar's title replaces such a title (formats/sidecar.py), never a real headline.
TITLE_FROM_FILE_NAME = "no headline line: title from the file name"
TITLE_FROM_FIRST_SENTENCE = "no headline line: title made from the first sentence"
TITLE_FROM_FIRST_WORDS = "no title: made from the first words of the text"
DERIVED_TITLE_NOTES = frozenset(
    {TITLE_FROM_FILE_NAME, TITLE_FROM_FIRST_SENTENCE, TITLE_FROM_FIRST_WORDS}
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
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
_URL_ANYWHERE = re.compile(_URL, re.IGNORECASE)
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
copy نسخ x
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
_WORD = re.compile(r"[^\W_]+")
_SHARE_MAX_CHARS = 100
_BLOCK_MAX_LINES = 200
_SHARE_MAX_WORDS = 10

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 15
_SHORT_HEADLINE_WORDS = 12
_TITLE_MAX_CHARS = 120
_CLAUSE_ENDS = ("،", ",", "؛", ";", ":")
_CLOSERS = " \"'»”’)]"
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
_NAME_SPLIT = re.compile(r"[\s_\-+]+")
_DANGLING_WORDS = """
و في من على عن إلى مع بين أن إن ما لا أو ثم التي الذي الذين حتى منذ عند لدى ب ل ك
the of and a an to in on for with by
"""
_DANGLING = frozenset(normalize(word) for word in _DANGLING_WORDS.split())


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def mostly_arabic(text: str) -> bool:
    """More Arabic letters than Latin ones (in the first few thousand characters)."""
    sample = text[:4000]
    return len(_ARABIC_LETTER.findall(sample)) > len(_LATIN_LETTER.findall(sample))


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
    without_urls = _URL_ANYWHERE.sub(" ", line) if linked else line
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
        for word in _WORD.findall(normalize(without_urls))
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
    if is_share_line(line):
        return ""
    return _script_cut(line)


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


def reads_as_headline(line: str, *, arabic: bool) -> bool:
    """Short (at most 25 words), one sentence, not ending mid-clause (``،`` ``:``), not a URL, and
    in an Arabic article not a Latin-only line (a byline, a site name, a share label)."""
    words = line.split()
    if not 0 < len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if not any(c.isalpha() for c in line) or url_of_line(line) is not None:
        return False
    if arabic and not has_arabic(line):
        return False
    if line.rstrip(_CLOSERS).endswith(_CLAUSE_ENDS):
        return False
    return _sentence_end(line, inside=True) is None


def ends_with_full_stop(line: str) -> bool:
    end = line.rstrip(_CLOSERS)
    return end.endswith(".") and not end.endswith("..")


def _sentence_end(line: str, *, inside: bool = False) -> int | None:
    """Index just after the first sentence-final mark (``. ! ? ؟`` before a space or the end);
    with ``inside``, only a full stop that has more text after it. Abbreviations (``د.``,
    ``U.S.``) and ellipses do not end a sentence."""
    for match in _SENTENCE_END.finditer(line):
        mark = match.start()
        if inside and (line[mark] != "." or not line[mark + 1 :].strip()):
            continue
        if line[mark] == ".":
            if mark > 0 and line[mark - 1] == ".":
                continue
            word = line[:mark].rsplit(None, 1)[-1] if line[:mark].strip() else ""
            if len(word) < 2 or "." in word:
                continue
        return mark + 1
    return None


def title_from_filename(rel_path: str) -> str | None:
    """The headline a file name holds, or ``None`` when it reads as an id, a number or a hash.

    ``hespress.com__مقتل_شخصين_في_حادث_سير.txt`` -> ``مقتل شخصين في حادث سير``: the extension goes,
    ``__`` separates a site prefix, ``_`` ``-`` ``+`` stand for spaces, ids at either end go, and two
    or more Arabic words must remain.
    """
    stem = rel_path.rsplit("/", 1)[-1]
    base, dot, ext = stem.rpartition(".")
    if dot and base and ext.isascii() and ext.isalnum() and len(ext) <= 8:
        stem = base
    if "%" in stem:
        stem = urllib.parse.unquote(stem)
    parts = [part for part in stem.split("__") if part.strip(" _-")]
    if not parts:
        return None
    best = max(parts, key=lambda part: len(_ARABIC_LETTER.findall(part)))
    words = [word for word in _NAME_SPLIT.split(best) if word]
    while words and _is_id(words[0]):
        words.pop(0)
    while words and _is_id(words[-1]):
        words.pop()
    if sum(1 for word in words if has_arabic(word)) < 2:
        return None
    return " ".join(words)


def file_name_wins(line: str, named: str, *, alone: bool) -> bool:
    """With ``named`` (a headline from the file name) at hand, is the headline-shaped first
    ``line`` a paragraph after all?

    The scraper named the file after the headline, so a headline line in the text opens with
    the name's words. Any other line is a paragraph when it closes a sentence or is the only
    text (a one-paragraph article would lose its body), and a line of more than twelve words
    only counts as the headline when it shares nearly all its words with the name (a lead
    sentence repeats the headline's words too, and is longer).
    """
    name_words = _WORD.findall(normalize(named))
    line_words = _WORD.findall(normalize(line))
    if line_words[: len(name_words)] == name_words:  # the name may be cut short
        return False
    if alone or ends_with_full_stop(line):
        return True
    if len(line_words) <= _SHORT_HEADLINE_WORDS:
        return False
    shared = len(set(name_words) & set(line_words))
    return shared * 5 < len(name_words) * 4 or len(line_words) > len(name_words) + 2


def _is_id(word: str) -> bool:
    # a long or zero-padded number, a hash or a site name (``hespress.com``) is never part of a
    # headline's wording; a count or a year is ("19 قتيلا …", "… 10 فيفري 2017")
    if _HEADLINE_NUMBER.fullmatch(word):
        return False
    return not has_arabic(word) and (any(c.isdigit() for c in word) or "." in word)


_HEADLINE_NUMBER = re.compile(r"[1-9]\d{0,3}|[١-٩][٠-٩]{0,3}")


def title_from_text(lines: Sequence[str], *, arabic: bool | None = None) -> str:
    """The first sentence of the first line that can head the article, at most 15 words and
    120 characters, cut at a word boundary (`` …`` when cut). In an Arabic article Latin-only
    lines (bylines, site names) and URL lines are passed over. ``arabic=None``: the lines say
    (counted only when a line without Arabic letters comes first, which is rare)."""
    fallback = ""
    for line in lines:
        if not line.strip():
            continue
        fallback = fallback or line
        if url_of_line(line) is not None:
            continue
        if not has_arabic(line):
            if arabic is None:
                arabic = mostly_arabic(" ".join(lines[:40]))
            if arabic:
                continue
        return first_sentence(line)
    return first_sentence(fallback) if fallback else ""


def first_sentence(line: str) -> str:
    end = _sentence_end(line)
    sentence = line[:end] if end is not None else line
    words = sentence.split()
    cut = len(words) > _TITLE_MAX_WORDS
    words = words[:_TITLE_MAX_WORDS]
    while len(words) > 1 and len(" ".join(words)) > _TITLE_MAX_CHARS:
        words.pop()
        cut = True
    title = " ".join(words)
    if len(title) > _TITLE_MAX_CHARS:  # one word longer than a title: a URL or a run of letters
        title, cut = title[:_TITLE_MAX_CHARS], True
    if cut:
        words = title.split()
        # a title cut after "و" or "من" reads as broken: end it on the word before
        while len(words) > 1 and normalize(words[-1]) in _DANGLING:
            words.pop()
        return " ".join(words).rstrip(" ،,؛;:") + " …"
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title
