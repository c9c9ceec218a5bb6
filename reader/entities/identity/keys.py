"""Name keys: the form two spellings of one name share, a span's name without the punctuation
around it, and the clitic readings of a word."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reader.text.normalize import normalize
from reader.text.stem import fold_hamza, strip_tanween_alef

# one letter, or one of these two (و then ب ل ك, ف then ب ل ك), may be glued to a name
_CLITICS = "وفبلك"
_TWO_CLITICS = frozenset(a + b for a in "وف" for b in "بلك")


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def name_key(text: str) -> str:
    """The form two spellings of one name share: the search's normalisation (hamza seats, ة/ه,
    ى/ي, marks and tatweel) with ؤ/ئ folded as the search's stems fold them, single spaces."""
    return _name_key(text)


@lru_cache(maxsize=1 << 17)
def _name_key(text: str) -> str:
    return fold_hamza(" ".join(normalize(text).split()))


def bare_key(key: str) -> str:
    """A name key without each word's article and accusative alef (الدولار, دولارا → دولار),
    as the search's stems drop them; at least three letters remain of a word (الله stays).

    The alef goes after ه too (جنيها → جنيه), which the search keeps for the pronoun ها: here
    the key only groups forms the folder names with the same type, so the bare form must be a
    name there as well."""
    return " ".join(_bare_word(w) for w in key.split(" "))


def _bare_word(word: str) -> str:
    word = strip_tanween_alef(word[2:] if word.startswith("ال") and len(word) >= 5 else word)
    if len(word) >= 5 and word.endswith("ها"):
        return word[:-1]
    return word


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn" or ch == "\u0640"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading or trailing punctuation, spaces or symbols (a trailing
    mark stays with its letter)."""
    while start < end and not _is_letter(text[start]):
        start += 1
    while end > start and not _is_letter(text[end - 1]):
        if is_mark(text[end - 1]) and end - 1 > start and _is_letter(text[end - 2]):
            break
        end -= 1
    return start, end


def skip_letters(surface: str, letters: int) -> int:
    """Characters of ``surface`` holding its first ``letters`` letters (with their marks)."""
    pos = 0
    for _ in range(letters):
        pos += 1
        while pos < len(surface) and is_mark(surface[pos]):
            pos += 1
    return pos


def readings(word: str) -> list[tuple[int, str]]:
    """(letters dropped, what remains) for each clitic reading of a word, longest clitic first;
    لل keeps its article (للرئاسة is ل + الرئاسة)."""
    options: list[tuple[int, str]] = []
    if word[:1] in "وف" and word[1:3] == "لل":
        options.append((2, "ال" + word[3:]))
    if word[:2] in _TWO_CLITICS:
        options.append((2, word[2:]))
    if word.startswith("لل"):
        options.append((1, "ال" + word[2:]))
    if word[:1] and word[0] in _CLITICS:
        options.append((1, word[1:]))
    return options
