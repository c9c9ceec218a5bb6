"""Names the article itself vouches for: a person's name completed from the article's keywords,
a mined person's name written after a title (BIO in, BIO out; run after the second pass)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.entities.conll import entity_chunks
from reader.text import normalize_token

# Particles that a multi-word keyword may hold (الحرب على غزة) and that never continue a name.
_NOT_NAME_WORDS = frozenset(
    normalize_token(w)
    for w in [
        "على",
        "إلى",
        "منذ",
        "حتى",
        "بين",
        "بعد",
        "قبل",
        "خلال",
        "نحو",
        "لدى",
        "عند",
        "حول",
        "دون",
        "غير",
        "عبر",
        "وفق",
        "ضمن",
        "أمام",
        "تحت",
        "فوق",
        "وراء",
        "أنه",
        "إنه",
        "كان",
        "كانت",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "قال",
        "قالت",
        "يوم",
    ]
)


def keyword_words(keywords: Iterable[str]) -> frozenset[str]:
    """The words of an article's keywords (its ``tags``) that may be part of a person's name:
    normalised, three letters or more, without the article ال, not a particle."""
    out = set()
    for keyword in keywords:
        for word in keyword.split():
            norm = normalize_token(word)
            if len(norm) >= 3 and not norm.startswith("ال") and norm not in _NOT_NAME_WORDS:
                out.add(norm)
    return frozenset(out)


def complete_names_from_keywords(
    tags: list[list[str]], words: Sequence[Sequence[str]], keywords: frozenset[str]
) -> list[list[str]]:
    """A person named by one word, next to a word the article lists among its keywords, is
    named by both (BIO in, BIO out).

    Scraped news pages list the people they are about in their keywords line (كلمات دلالية:
    ... بوتين رئيسي ...). A surname that is also a common word (رئيسي, "main": O in most of the
    training data) is then left out of the name the model found (إبراهيم), while the page
    itself says it is a name. Only an untagged word right after (or before) a one-word person is
    joined, and only one the page names; the rest of the document then follows through
    ``propagate_surnames``."""
    if not keywords:  # every text without tags (ANERcorp, ``main.py ner``): nothing to do
        return tags
    out = []
    for sentence_tags, sentence_words in zip(tags, words, strict=True):
        fixed = list(sentence_tags)
        for start, end, kind in entity_chunks(sentence_tags):
            if kind != "PERS" or end - start != 1:
                continue
            if end < len(fixed) and fixed[end] == "O" and _named(sentence_words[end], keywords):
                fixed[end] = "I-PERS"
            elif (
                start > 0
                and fixed[start - 1] == "O"
                and _named(sentence_words[start - 1], keywords)
            ):
                fixed[start - 1], fixed[start] = "B-PERS", "I-PERS"
        out.append(fixed)
    return out


def _named(word: str, keywords: frozenset[str]) -> bool:
    return normalize_token(word) in keywords


def titled_names(
    tags: list[list[str]],
    words: Sequence[Sequence[str]],
    mined: Sequence[Sequence[str]],
    titles: frozenset[str],
) -> list[list[str]]:
    """A person name of two words or more that corpus mining found after titles (``mining.py``),
    written here after a title too, is a person even where the model left it out (BIO in and
    out; ``mined``: the mined-names gazetteer's labels).

    The title may be followed by one nisba adjective (المرشد الإيراني علي خامنئي). The model
    learnt its titles from ANERcorp's years; a title that grew common later (المرشد) says
    little to it, while the name after it is one the corpus itself names after titles. Only
    words the model tagged O are changed. Out of fold on the training part and on dev the rule
    never fires (its names are of the corpus's years): F1 unchanged."""
    out = []
    for sentence_tags, sentence_words, labels in zip(tags, words, mined, strict=True):
        if not labels or "B-PERS" not in labels:
            out.append(sentence_tags)  # most sentences: no mined name, nothing to change
            continue
        fixed = list(sentence_tags)
        for start, end, kind in entity_chunks(labels):
            if kind != "PERS" or end - start < 2 or start == 0:
                continue
            if any(t != "O" for t in fixed[start:end]):
                continue
            if _after_title(sentence_words, start, titles):
                fixed[start:end] = ["B-PERS"] + ["I-PERS"] * (end - start - 1)
        out.append(fixed)
    return out


def _after_title(words: Sequence[str], start: int, titles: frozenset[str]) -> bool:
    before = normalize_token(words[start - 1])
    if before in titles:
        return True
    nisba = before.startswith("ال") and before.endswith("ي")
    return nisba and start >= 2 and normalize_token(words[start - 2]) in titles
