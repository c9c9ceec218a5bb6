"""What one word form says of itself, for the CRF's features: its shape, how the corpus writes it
(with the article, with the feminine ending), its written form where folding changed it, and the
quotes of a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.text.normalize import INVISIBLES, MARKS, TATWEEL

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_UNWRITTEN = re.compile("[" + re.escape(MARKS + TATWEEL + INVISIBLES) + "]")
# Quotation marks and the mark that closes each. News quotes the titles of programmes, films,
# books and papers (MISC, ORG) and a few words of speech (O); what stands before the quote
# (برنامج, بعنوان, صحيفة) tells which.
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "''": "''"}
QUOTED_MAX = 6  # words: a longer quote is speech, not a title


def shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if not any(ch.isalnum() for ch in word):
        return "P" + word[:2]
    if any(ch in _LATIN for ch in word):
        return "L"
    if any(ch.isdigit() for ch in word):
        return "AD"
    return "A"


def article_rate(counts: dict[str, int], core: str) -> str:
    """How often the corpus writes this word with the article ال, bucketed.

    Names of people and most places never take the article (ترامب, not الترامب) while common
    nouns mostly do: a clue that holds for names the training data never saw.
    """
    bare = counts.get(core, 0)
    with_article = counts.get("ال" + core, 0)
    total = bare + with_article
    if total < 5:
        return "?"
    rate = with_article / total
    return "0" if rate == 0 else "1" if rate < 0.05 else "2" if rate < 0.3 else "3"


def nisba_rate(counts: dict[str, int], core: str) -> str:
    """How often the corpus also writes a word ending in ي with the feminine ة (folded to ه),
    bucketed: adjectives of relation (ايراني/ايرانيه, رئيسي/رئيسيه) take it, names ending in ي
    (خامنئي, الزهيري) rarely do. "-" for words that do not end in ي."""
    if len(core) < 4 or not core.endswith("ي"):
        return "-"
    bare = counts.get(core, 0) + counts.get("ال" + core, 0)
    feminine = counts.get(core + "ه", 0) + counts.get("ال" + core + "ه", 0)
    if bare + feminine < 5:
        return "?"
    rate = feminine / (bare + feminine)
    return "0" if rate < 0.02 else "1" if rate < 0.15 else "2" if rate < 0.4 else "3"


def nisba_gender(norm: str) -> str:
    """The gender of a definite adjective of relation: "m" (الفرنسي), "f" (والفرنسيه), or "".

    After a city's name the masculine one says it is a club (ليون الفرنسي: a club; ليون الفرنسيه:
    the city), a cue the CRF can only weigh joined with the name's own cluster (``nx=``)."""
    if norm[:1] in "وبل" and norm[1:3] == "ال":
        norm = norm[1:]
    if not norm.startswith("ال") or len(norm) < 6:
        return ""
    if norm.endswith("يه"):
        return "f"
    return "m" if norm.endswith("ي") else ""


def quoted_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """(opening mark, closing mark) index pairs of the quotes of one to ``QUOTED_MAX`` words."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        close = QUOTES.get(tokens[i])
        if close:
            j = i + 1
            while j < n and j - i - 1 <= QUOTED_MAX and tokens[j] != close:
                j += 1
            if j < n and tokens[j] == close and i + 1 < j <= i + 1 + QUOTED_MAX:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return out


def written_form(token: str, norm: str, own: list[str], ctx: list[str]) -> None:
    """The word as written, where its folded form differs, added to ``own`` and ``ctx``.

    The folded form merges what the writer kept apart: the preposition على with the name علي,
    the pronoun suffix ه with the feminine ة, hamza forms. Most words have no such feature and
    cost nothing here."""
    raw = _UNWRITTEN.sub("", token).lower()
    if raw != norm:
        own.append("r=" + raw)
        ctx.append("r=" + raw)
        if raw[-1:] != norm[-1:]:
            own.append("rx1=" + raw[-1:])
            ctx.append("rx1=" + raw[-1:])
