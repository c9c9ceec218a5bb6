"""Rules over one document's labels after the second pass (BIO in, BIO out): names the article
vouches for (``name_rules.py``, ``consistency.propagate_surnames``); then a list of names joined
by و is split, a family name after آل joined, a multi-word name found once found again wherever
the document repeats it, and a name the document labels with two types given the type it mostly
has.

Each rule was kept for what it did out of fold on the training part (8 folds, 8,031 entities)
and on dev (969 entities); the figures are in docs/ENTITIES.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from reader.entities.consistency import chunks_of, keep_full_names, propagate_surnames
from reader.entities.mining import TRIGGERS
from reader.entities.name_rules import complete_names_from_keywords, titled_names
from reader.text import normalize_token

Splitter = Callable[[str], tuple[str, str]]  # normalised word -> (proclitics, stem)
# Types whose names news lists with و (محمد وأحمد, مصر وتونس); an organisation's own name often
# holds it (الاتحاد العربي للتربية والثقافة), so those are left whole.
_LISTED = frozenset({"PERS", "LOC"})
# آل as written: folded, it is the article ال, which begins the next word of many names.
_FAMILY = "آل"
# A label the document gives a repeated name this share of the time or more is its label there.
_MAJORITY = 0.6


def split_at_conjunction(
    tags: Sequence[Sequence[str]], words: Sequence[Sequence[str]], split: Splitter
) -> list[list[str]]:
    """Inside a person or place name, a word that begins with the conjunction و begins a name of
    its own: "ابوتريكة ومتعب" is two people. The clitic splitter decides whether the و is the
    conjunction or the name's first letter (وليد, وايت stay whole)."""
    out = []
    for sentence_tags, sentence_words in zip(tags, words, strict=True):
        fixed = list(sentence_tags)
        for start, end, kind in chunks_of(sentence_tags):
            if kind not in _LISTED:
                continue
            for i in range(start + 1, end):
                if split(normalize_token(sentence_words[i]))[0].startswith("و"):
                    fixed[i] = "B-" + kind
        out.append(fixed)
    return out


def join_family_names(
    tags: Sequence[Sequence[str]], words: Sequence[Sequence[str]]
) -> list[list[str]]:
    """A person's name written right before آل and one more word goes on through them: آل
    (the house of) names a family, part of the name (حمد بن خليفة آل ثاني), where the model
    often stops before it, or right after it."""
    out = []
    for sentence_tags, sentence_words in zip(tags, words, strict=True):
        fixed = list(sentence_tags)
        n = len(fixed)
        for _, end, kind in chunks_of(sentence_tags):
            if kind != "PERS" or end >= n:
                continue
            if sentence_words[end - 1] == _FAMILY:  # the name stopped right after آل
                joined = end
            elif end + 1 < n and sentence_words[end] == _FAMILY and fixed[end] == "O":
                joined = end + 1
            else:
                continue
            if fixed[joined].startswith("I-"):
                continue
            fixed[end : joined + 1] = ["I-PERS"] * (joined + 1 - end)
            j = joined + 1
            while j < n and fixed[j].startswith("I-"):
                fixed[j] = "I-PERS"
                j += 1
        out.append(fixed)
    return out


def _labelled_names(
    tags: Sequence[Sequence[str]], stems: Sequence[Sequence[str]], min_words: int = 1
) -> dict[tuple[str, ...], Counter[str]]:
    """Each labelled name of the document (its stems) with how often it has each type."""
    found: dict[tuple[str, ...], Counter[str]] = {}
    for sentence_tags, sentence_stems in zip(tags, stems, strict=True):
        for start, end, kind in chunks_of(sentence_tags):
            if end - start >= min_words:
                found.setdefault(tuple(sentence_stems[start:end]), Counter())[kind] += 1
    return found


def repeat_names(tags: Sequence[Sequence[str]], stems: Sequence[Sequence[str]]) -> list[list[str]]:
    """A name of two words or more labelled somewhere in the document is that name wherever the
    document writes the same words (clitics aside): a bank's name tagged once in a report is the
    same bank in the ten other places it is written. Where those words are labelled in pieces
    (ريال as a club and مدريد as a city) they become the one name; where they are already one
    name, of another type, the vote settles the type; a label reaching outside them is kept."""
    found = _labelled_names(tags, stems, min_words=2)
    if not found:
        return [list(t) for t in tags]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, kinds in found.items():
        by_first.setdefault(key[0], []).append((key, kinds.most_common(1)[0][0]))
    out = []
    for sentence_tags, sentence_stems in zip(tags, stems, strict=True):
        fixed = list(sentence_tags)
        for i, stem in enumerate(sentence_stems):
            for key, kind in by_first.get(stem, ()):
                end = i + len(key)
                if tuple(sentence_stems[i:end]) == key and _relabelable(fixed, i, end):
                    fixed[i:end] = ["B-" + kind] + ["I-" + kind] * (len(key) - 1)
        out.append(fixed)
    return out


def _relabelable(tags: Sequence[str], start: int, end: int) -> bool:
    """Whether ``tags[start:end]`` may become one name: no label there runs in from before
    ``start`` or on past ``end``, and the words are not one name already."""
    inside = tags[start:end]
    if inside[0].startswith("I-") or (end < len(tags) and tags[end].startswith("I-")):
        return False
    one_name = inside[0].startswith("B-") and all(t.startswith("I-") for t in inside[1:])
    return not one_name


def vote_types(tags: Sequence[Sequence[str]], stems: Sequence[Sequence[str]]) -> list[list[str]]:
    """A name the document labels twice or more takes, everywhere, the type it has in at least
    ``_MAJORITY`` of those places: a club written in one sentence as a place and in three as an
    organisation is the organisation."""
    found = _labelled_names(tags, stems)
    out = []
    for sentence_tags, sentence_stems in zip(tags, stems, strict=True):
        fixed = list(sentence_tags)
        for start, end, kind in chunks_of(sentence_tags):
            kinds = found[tuple(sentence_stems[start:end])]
            total = sum(kinds.values())
            best, count = kinds.most_common(1)[0]
            if total >= 2 and best != kind and count >= _MAJORITY * total:
                fixed[start:end] = ["B-" + best] + ["I-" + best] * (end - start - 1)
        out.append(fixed)
    return out


def apply_document_rules(
    tags: Sequence[Sequence[str]],
    first: Sequence[Sequence[str]],
    words: Sequence[Sequence[str]],
    stems: Sequence[Sequence[str]],
    *,
    mined: Sequence[Sequence[str]],
    split: Splitter,
    keywords: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """What the recogniser outputs for one document, given the second pass's labels (``first``:
    the first pass's): training scores dev and out-of-fold predictions through this same
    function. ``mined``: each sentence's mined-names gazetteer labels; ``keywords``: the
    article's own (``name_rules.keyword_words``)."""
    tagged = keep_full_names(tags, first)
    tagged = complete_names_from_keywords(tagged, words, keywords)
    tagged = titled_names(tagged, words, mined, TRIGGERS)
    tagged = propagate_surnames(tagged, stems, keywords)
    tagged = split_at_conjunction(tagged, words, split)
    tagged = join_family_names(tagged, words)
    tagged = repeat_names(tagged, stems)
    return vote_types(tagged, stems)
