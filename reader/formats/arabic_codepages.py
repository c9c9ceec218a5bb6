"""Which Arabic code page a legacy (not Unicode) file was written in.

Windows-1256 is by far the most common, and it maps nearly every byte above 127 to an Arabic
letter, so a file from another Arabic code page (DOS's 720, written by old console tools and
Windows' OEM exports; Mac OS Arabic, written by Mac word processors before OS X) reads in it as
Arabic letters too, only the wrong ones. Letter shares cannot tell the code pages apart; words
can: in any Arabic prose the article ال and a dozen function words make up a large share of the
words, and a wrong code page scrambles both.
"""

from __future__ import annotations

import re

from reader.formats.debris import ARABIC_LETTER

_LATIN_IN_ARABIC = re.compile(r"[\u0621-\u064a][àâçèéêëîïôùûü×]|[àâçèéêëîïôùûü×][\u0621-\u064a]")
# code page -> the name a user knows it by (what "decoded as ..." says)
OTHER_ARABIC_CODE_PAGES: dict[str, str] = {"mac_arabic": "mac-arabic", "cp720": "cp720"}
_WORD = re.compile(r"[\u0621-\u064a]{2,}")
# the words that make up much of any Arabic prose
_PROSE_WORDS = (
    "في من على إلى الى أن ان إن عن مع التي الذي الذين هذا هذه ذلك تلك بين كان كانت قد لا ما "
    "لم لن أو او ثم بعد قبل حيث كما وقد وفي ومن أي كل عند منذ حتى خلال لكن إذا اذا هو هي هم"
)
_FUNCTION_WORDS = frozenset(_PROSE_WORDS.split())
_PUNCTUATION = ".,:;!?\"'()[]«»،؛؟…-–—"
_ARTICLE_STARTS = ("ال", "وال", "بال", "فال", "كال", "لل")
# the sample scored: enough words to tell, and a bounded cost on big files
_SAMPLE_BYTES = 16384
# how much better another code page must read than Windows-1256 to be taken (share of words)
_MARGIN = 0.1
# below this share of words a reading is no Arabic prose, whichever code page gives it
_FLOOR = 0.15


def prose_share(text: str) -> float:
    """Share of the words of ``text`` with letters outside ASCII that are Arabic function words
    or Arabic words carrying the article. A wrong code page's words mix Arabic letters with
    Latin ones and symbols; they count as words that miss."""
    words = [w for w in text.split() if not w.isascii()]
    if not words:
        return 0.0
    hits = 0
    for word in words:
        match = _WORD.fullmatch(word.strip(_PUNCTUATION))
        if match and (match[0] in _FUNCTION_WORDS or _with_article(match[0])):
            hits += 1
    return hits / len(words)


def _with_article(word: str) -> bool:
    """A word that carries the article: ال (or a clitic and ال) and at least two letters."""
    return any(word.startswith(start) and len(word) >= len(start) + 2 for start in _ARTICLE_STARTS)


def other_arabic_code_page(data: bytes, as_cp1256: str) -> tuple[str, str] | None:
    """(text, code page name) when another Arabic code page reads ``data`` better than
    Windows-1256 (``as_cp1256``) does; None when Windows-1256 is as good, or when no reading is
    Arabic prose (too short to tell, or no Arabic at all)."""
    iso = _iso_8859_6(data, as_cp1256)
    if iso is not None:
        return iso, "iso-8859-6"
    sample = data[:_SAMPLE_BYTES]
    baseline = prose_share(as_cp1256[:_SAMPLE_BYTES])
    best: tuple[float, str] | None = None
    for codec in OTHER_ARABIC_CODE_PAGES:
        share = prose_share(sample.decode(codec, errors="replace"))
        if share >= _FLOOR and share >= baseline + _MARGIN and (best is None or share > best[0]):
            best = (share, codec)
    if best is None:
        return None
    codec = best[1]
    return data.decode(codec, errors="replace"), OTHER_ARABIC_CODE_PAGES[codec]


def _iso_8859_6(data: bytes, as_cp1256: str) -> str | None:
    """ISO-8859-6 (older Unix and mail Arabic), told apart from Windows-1256 both ways: real
    Windows-1256 Arabic uses غ ف ق ك at bytes ISO-8859-6 leaves undefined, so it rarely decodes
    strictly, and ISO-8859-6 text read as Windows-1256 puts Latin letters (â ç è é ê) inside
    Arabic words, which Windows-1256 Arabic never does."""
    if not _LATIN_IN_ARABIC.search(as_cp1256):
        return None
    try:
        text = data.decode("iso8859_6")
    except UnicodeDecodeError:
        return None
    return text if share(ARABIC_LETTER, text) >= 0.9 else None


def share(pattern: re.Pattern[str], text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that ``pattern`` matches (a 64 kB sample)."""
    text = text[:65536]
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii:
        return 0.0
    return len(pattern.findall(text)) / non_ascii
