"""Titles (issue 16): a Latin byline or site name (``AHDATH.INFO``, ``By Reuters``) never heads an
Arabic article (``reads_as_headline``); a file name can hold the headline
(``site.net__مقتل_شخصين_في_حادث_سير.txt``, ``title_from_filename``); failing both, the first
sentence of the text, cut at a word boundary (``title_from_text``).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence

from reader.formats.debris import ARABIC_LETTER, WORD, has_arabic, mostly_arabic, url_of_line
from reader.text.normalize import normalize

# The notes an article carries when its title was made up rather than read from a headline line;
# a metadata sidecar's title replaces such a title (formats/sidecar.py), never a real headline.
TITLE_FROM_FILE_NAME = "no headline line: title from the file name"
TITLE_FROM_FIRST_SENTENCE = "no headline line: title made from the first sentence"
TITLE_FROM_FIRST_WORDS = "no title: made from the first words of the text"
DERIVED_TITLE_NOTES = frozenset(
    {TITLE_FROM_FILE_NAME, TITLE_FROM_FIRST_SENTENCE, TITLE_FROM_FIRST_WORDS}
)

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


def reads_as_headline(line: str, *, arabic: bool) -> bool:
    """Short (at most 25 words), one sentence, not ending mid-clause (``،`` ``:``), not a URL, not
    a sentence of more than 12 words ending in a full stop (headlines have none; a lead paragraph
    does), and in an Arabic article not a Latin-only line (a byline, a site name, a share
    label)."""
    words = line.split()
    if not 0 < len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if not any(c.isalpha() for c in line) or url_of_line(line) is not None:
        return False
    if arabic and not has_arabic(line):
        return False
    if line.rstrip(_CLOSERS).endswith(_CLAUSE_ENDS):
        return False
    if len(words) > _SHORT_HEADLINE_WORDS and ends_with_full_stop(line):
        return False  # a long sentence with its full stop is the lead paragraph
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
    best = max(parts, key=lambda part: len(ARABIC_LETTER.findall(part)))
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
    name_words = WORD.findall(normalize(named))
    line_words = WORD.findall(normalize(line))
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
