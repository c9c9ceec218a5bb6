"""A title that carries its source's name, as feeds and news APIs write it: "البنك المركزي
يرفع الفائدة - اليوم السابع" from Google News, "... | Al Arabiya" from NewsAPI. The article's
source says the same thing; the title is the headline without it, as the reader shows the
source beside it.
"""

from __future__ import annotations

import re

from reader.text.normalize import normalize

# the separators between a headline and a site's name; a dash needs its spaces (hyphenated
# words), as a page's <title> writes them too (html_titles)
SITE_SEPARATOR = re.compile(r"\s*(?:\||::|•|·)\s*|\s+(?:[–—»]|-{1,2})\s+")
_MIN_WORDS = 2


def without_source(title: str, source: str | None) -> str:
    """``title`` without ``source``'s name before its first separator or after its last; as it
    is when it does not carry it, or would keep fewer than two words."""
    if not source or not title or len(source) >= len(title):
        return title
    name = _folded(source)
    separators = list(SITE_SEPARATOR.finditer(title))
    if not name or not separators:
        return title
    last, first = separators[-1], separators[0]
    if _folded(title[last.end() :]) == name and _splits(last.group(), source):
        kept = title[: last.start()].strip()
    elif _folded(title[: first.start()]) == name and _splits(first.group(), source):
        kept = title[first.end() :].strip()
    else:
        return title
    return kept if len(kept.split()) >= _MIN_WORDS else title


def _splits(separator: str, source: str) -> bool:
    """A bar, a guillemet or a long dash sets a site's name apart; a plain hyphen joins names
    inside headlines too ("الأهلي - الزمالك", "القاهرة - الإسكندرية"), and is taken only before a
    name of two words or more, or an address ("اليوم السابع", "youm7.com")."""
    if separator.strip() not in ("-", "--"):
        return True
    return len(source.split()) >= 2 or "." in source


def _folded(text: str) -> str:
    return " ".join(normalize(text).lower().split())
