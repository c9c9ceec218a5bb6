"""Tags of scraped pages: the ``كلمات دلالية:`` line, and multi-word tags recovered folder-wide.

The scraper joins a page's tags with single spaces, so ``الحرب في غزة`` and ``غزة`` arrive as four
words, and the "read also" heading of the page is often glued at the end of the line
(``... الإقلیمیة اقرأ أیضا``). ``split_tag_line`` removes that debris and keeps one word per tag
unless the line itself separates tags (commas, ``،``, ``|``, ``#``); ``recover_multiword_tags``
later merges adjacent words where the opened folder gives evidence (see its docstring).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from reader.model import Article
from reader.text.normalize import normalize_token

# Marks, tatweel and invisible controls may sit between any two letters of a scraped phrase.
_GAP = "[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]*"
_LETTER_CLASSES = {
    "ا": "[اأإآٱ]",
    "ي": "[يیىې]",
    "ق": "ق",
    "ر": "ر",
    "ض": "ض",
    "ء": "[أإءؤئا]",
    "ة": "[ةه]",
    "ك": "[كک]",
    "ه": "[هة]",
}


def _spelling_pattern(skeleton: str) -> str:
    """A regex for ``skeleton`` that tolerates hamza/yeh variants, marks, tatweel and spacing."""
    parts = []
    for char in skeleton:
        if char == " ":
            parts.append(r"\s*")
        else:
            parts.append(_LETTER_CLASSES.get(char, re.escape(char)) + _GAP)
    return "".join(parts)


# "اقرأ أيضاً" / "إقرأ أيضا" / "اقرأ أیضا" / "اقرأ أيضـاً" / "اقرا ايضا" ...: the page's "read also"
# heading, with the siblings other Arabic sites print ("طالع أيضاً", "شاهد أيضا", "اقرأ كذلك",
# "اقرأ المزيد").
_IQRA = "(?:" + _spelling_pattern("ا") + ")?" + _spelling_pattern("قر") + "[أاءؤئ]?" + _GAP
# The yeh may be "?": Windows-1256 has no Persian yeh, so a page converted to it with replacement
# writes "اقرأ أ?ضا" for the debris "اقرأ أیضا". (A missing yeh is not accepted: "الإقراض".)
_AYDAN = (
    "[اأإآ]?"
    + _GAP
    + "[يیىې?]"
    + _GAP
    + _spelling_pattern("ض")
    + "(?:"
    + _spelling_pattern("ا")
    + ")?"
)
_READ = "(?:" + _IQRA + "|" + _spelling_pattern("طالع") + "|" + _spelling_pattern("شاهد") + ")"
_ALSO = "(?:" + _AYDAN + "|" + _spelling_pattern("كذلك") + "|" + _spelling_pattern("المزيد") + ")"
READ_ALSO = _READ + r"\s*" + _ALSO
# Debris glued after the last tag (or a paragraph): one or more "اقرأ أيضاً" headings with their
# punctuation. Only the imperative اقرأ: "شاهد أيضا" / "طالع كذلك" can also end a real sentence.
_TRAILING_READ_ALSO = re.compile(rf"(?:\s*{_IQRA}\s*{_AYDAN}[\s:：.…\-–]*)+$")
_DEBRIS_WINDOW = 120
# Separators that prove the line itself splits tags (a multi-word tag between two of them is real).
_EXPLICIT_SEPARATORS = re.compile(r"\s*[،,|#؛;]\s*|\s+[-–]\s+")
_EDGE_PUNCT = " \t:：.،,|#؛;-–\u00a0\u200e\u200f"


def strip_read_also_debris(line: str) -> str:
    """``line`` without the "read also" headings glued at its end (any spelling, glued or spaced)."""
    # The debris is short and anchored at the end: searching only the tail keeps this cheap on
    # long paragraphs (every body line is checked for a glued marker).
    cut = max(0, len(line) - _DEBRIS_WINDOW)
    tail = line[cut:]
    end = tail[-30:]
    if "يض" not in end and "یض" not in end and "?ض" not in end and "\u0640" not in end:
        return line.rstrip()
    pos = 0
    while (match := _TRAILING_READ_ALSO.search(tail, pos)) is not None:
        start = cut + match.start()
        if _starts_a_word(line, start):
            return line[:start].rstrip()
        pos = match.start() + 1
    return line.rstrip()


_ALEFS = "اأإآٱ"


def _starts_a_word(line: str, start: int) -> bool:
    """Is the debris found at ``start`` a heading of its own, not the end of a longer word?

    "يقرأ أيضاً" (he reads too) ends a body sentence; a match inside it begins at its ق. Debris
    glued to the previous word without a space ("الإقلیمیةاقرأ أیضا") keeps its alef.
    """
    while start < len(line) and line[start].isspace():
        start += 1
    if start == 0 or line[start - 1].isspace() or line[start] in _ALEFS:
        return True
    return not line[start - 1].isalpha()


def split_tag_line(line: str) -> list[str]:
    """The tags of a ``كلمات دلالية:`` line (the label itself may be present or already removed).

    One word per tag, in order, with the original letters kept (e.g. Persian ی); when the line
    uses explicit separators the pieces between them are the tags.
    """
    text = _restore_persian_yeh(line.replace("\u00a0", " "))
    text = _TAG_LABEL.sub("", text, count=1)
    text = strip_read_also_debris(text)
    text = _TRAILING_READ_ALSO_NO_YEH.sub("", text).strip(_EDGE_PUNCT)
    if not text:
        return []
    if _EXPLICIT_SEPARATORS.search(text):
        pieces = [" ".join(piece.split()) for piece in _EXPLICIT_SEPARATORS.split(text)]
        return [piece.strip(_EDGE_PUNCT) for piece in pieces if piece.strip(_EDGE_PUNCT)]
    return [word.strip(_EDGE_PUNCT) for word in text.split() if word.strip(_EDGE_PUNCT)]


# Windows-1256 has no Persian yeh, which this site types in its tags and "اقرأ أیضا" debris. A page
# converted to it loses the letter: "?" with replacement, nothing when dropped. Inside an Arabic
# word "?" can only be such a lost letter, so the tag gets its yeh back; a dropped yeh leaves the
# debris as "اقرأ أضا", recognised here only as two separate words (never inside "الإقراض").
_LOST_YEH = re.compile(r"(?<=[\u0621-\u064a])\?(?=[\u0621-\u064a])")
READ_ALSO_NO_YEH = rf"{_IQRA}\s+[اأإآ]{_GAP}ض{_GAP}(?:ا{_GAP})?"
_TRAILING_READ_ALSO_NO_YEH = re.compile(rf"(?<!\S){READ_ALSO_NO_YEH}[\s:：.…\-–]*$")


def _restore_persian_yeh(text: str) -> str:
    return _LOST_YEH.sub("ی", text) if "?" in text else text


# "كلمات دلالية:" and the other labels Arabic sites put before their tags.
TAG_LABEL = (
    r"(?:"
    + "|".join(
        _spelling_pattern(label)
        for label in (
            "كلمات دلالية",
            "الكلمات الدلالية",
            "كلمات مفتاحية",
            "الكلمات المفتاحية",
            "الوسوم",
            "وسوم",
        )
    )
    + r")"
)
_TAG_LABEL = re.compile(rf"^\s*{TAG_LABEL}\s*[:：]?\s*")
# The site's own label: a line opening with it is the tag line even without a colon. The other
# labels ("الوسوم" also means "the hashtags") need the colon: a body sentence may open with them.
SITE_TAG_LABEL = (
    "(?:" + _spelling_pattern("كلمات دلالية") + "|" + _spelling_pattern("الكلمات الدلالية") + ")"
)


# --- folder-wide recovery of multi-word tags -------------------------------------------------

# Prepositions and conjunctions cannot be a tag on their own: one between two tag words belongs to a
# tag spanning both ("الحرب في غزة", "محمد بن سلمان"). Forms as normalize_token folds them.
_BINDS_BOTH = frozenset(
    {"في", "من", "علي", "الي", "عن", "مع", "و", "او", "بين", "ضد", "حول", "عبر", "دون", "بن", "بنت"}
)
# Name heads that need the next word ("أبو ظبي", "عبد الله", "آل سعود", "ابن خلدون").
_BINDS_NEXT = frozenset({"ابو", "ابي", "عبد", "ال", "ابن", "ام", "بني", "ذو", "ذي"})
# Thresholds of the collocation rule (see _Collocations).
_MIN_PAIR_LINES = 3
_TOGETHER_SHARE = 0.9
_MAX_TAG_WORDS = 6
# A repeated word pair in an article's own text is a collocation of that article.
_MIN_TEXT_REPEATS = 2
_CONTAINER_SUFFIXES = (".json", ".jsonl", ".ndjson")


def recover_multiword_tags(
    articles: Sequence[Article],
    *,
    is_candidate: Callable[[Article], bool] | None = None,
) -> list[Article]:
    """Merge adjacent tag words into multi-word tags where the folder gives evidence.

    Candidates are articles whose tags are all single words from a line joined by spaces (by
    default: every tag is one word and the file is not a JSON container, whose tag lists are
    already split). Adjacent words ``a b`` are joined when (strongest evidence first):

    1. the sequence is a tag elsewhere in the folder where tags are unambiguous (a JSON tag list,
       a tag line with separators): greedy longest match;
    2. a function word sits between them or opens a name (``في``, ``من``, ``بن``, ``أبو``, ``عبد``):
       it cannot be a tag on its own, so it binds its neighbours;
    3. the folder's tag lines show a collocation: ``a b`` occurs in at least three lines, and either
       both words are almost never apart (90 %), or ``b`` never occurs except right after ``a``
       and ``a`` never ends a line (an adjective like ``ثنائي`` in ``تعاون ثنائي``);
    4. the pair occurs at least twice verbatim (normalised) in the article's own title and body.

    Tag words are never dropped, invented or reordered; without evidence they stay apart.
    Returns a new list; articles without a change are the same objects.
    """
    check = is_candidate or _from_unsplit_tag_line
    candidates = [i for i, article in enumerate(articles) if check(article)]
    result = list(articles)
    if not candidates:
        return result
    known = _known_phrases(articles)
    longest_known = max((len(phrase) for phrase in known), default=0)
    lines = {i: [normalize_token(tag) for tag in articles[i].tags] for i in candidates}
    collocations = _Collocations(lines.values())
    for i in candidates:
        words = lines[i]
        joins = [False] * (len(words) - 1)
        _join_known(words, joins, known, longest_known)
        _join_function_words(words, joins)
        for k in range(len(joins)):
            if not joins[k] and collocations.binds(words[k], words[k + 1]):
                _join_if_short(joins, k)
        _join_repeated_in_text(articles[i], joins)
        if any(joins):
            result[i] = replace(articles[i], tags=_merge(articles[i].tags, joins))
    return result


def _from_unsplit_tag_line(article: Article) -> bool:
    return (
        len(article.tags) >= 2
        and not article.path.lower().endswith(_CONTAINER_SUFFIXES)
        and not any(" " in tag for tag in article.tags)
    )


def _known_phrases(articles: Sequence[Article]) -> set[tuple[str, ...]]:
    phrases: set[tuple[str, ...]] = set()
    for article in articles:
        for tag in article.tags:
            parts = tag.split()
            if 1 < len(parts) <= _MAX_TAG_WORDS:
                phrases.add(tuple(normalize_token(part) for part in parts))
    return phrases


def _join_known(
    words: list[str], joins: list[bool], known: set[tuple[str, ...]], longest: int
) -> None:
    k = 0
    while k < len(words):
        for size in range(min(longest, len(words) - k), 1, -1):
            if tuple(words[k : k + size]) in known:
                for j in range(k, k + size - 1):
                    joins[j] = True
                k += size
                break
        else:
            k += 1


def _join_function_words(words: list[str], joins: list[bool]) -> None:
    for k, word in enumerate(words):
        if word in _BINDS_BOTH:
            if k > 0:
                joins[k - 1] = True
            if k < len(joins):
                joins[k] = True
        elif word in _BINDS_NEXT and k < len(joins):
            joins[k] = True


def _join_if_short(joins: list[bool], k: int) -> None:
    """Join the pair at ``k`` unless the tag it makes would be implausibly long."""
    left = k
    while left > 0 and joins[left - 1]:
        left -= 1
    right = k + 1
    while right < len(joins) and joins[right]:
        right += 1
    if right - left + 1 <= _MAX_TAG_WORDS:
        joins[k] = True


class _Collocations:
    """Counts over the folder's tag lines: how often each word, and each adjacent pair, occurs.

    Identical tag lines count once: copies of one page (or one tag set reused) would otherwise make
    every adjacent pair of that line look like a collocation.
    """

    def __init__(self, lines: Iterable[list[str]]) -> None:
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.line_ends: Counter[str] = Counter()
        for words in {tuple(line) for line in lines}:
            self.words.update(words)
            self.pairs.update(pairwise(words))
            if words:
                self.line_ends[words[-1]] += 1

    def binds(self, a: str, b: str) -> bool:
        together = self.pairs.get((a, b), 0)
        if together < _MIN_PAIR_LINES:
            return False
        n_a, n_b = self.words[a], self.words[b]
        if together >= _TOGETHER_SHARE * n_a and together >= _TOGETHER_SHARE * n_b:
            return True
        return together == n_b and self.line_ends.get(a, 0) == 0


# The letter folds of reader.text.normalize that matter for comparing a word pair with running
# text, as plain replacements: a full normalize of every body costs more than the rest of the pass.
_TEXT_FOLDS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ی", "ي"), ("ک", "ك"))


def _fold(text: str) -> str:
    text = text.replace("\u0640", "")
    for a, b in _TEXT_FOLDS:
        text = text.replace(a, b)
    return text


def _join_repeated_in_text(article: Article, joins: list[bool]) -> None:
    tags = article.tags
    pairs = [k for k in range(len(joins)) if not joins[k]]
    if not pairs:
        return
    text = _fold(article.title + "\n" + article.body)
    for k in pairs:
        phrase = _fold(tags[k] + " " + tags[k + 1])
        if text.count(phrase) >= _MIN_TEXT_REPEATS:
            _join_if_short(joins, k)


def _merge(tags: Sequence[str], joins: list[bool]) -> tuple[str, ...]:
    merged: list[str] = [tags[0]]
    for k, joined in enumerate(joins):
        if joined:
            merged[-1] += " " + tags[k + 1]
        else:
            merged.append(tags[k + 1])
    return tuple(merged)
