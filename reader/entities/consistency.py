"""The second pass: document-level consistency (issue 4, calibration run: +2.9 F1).

A second CRF sees the first pass's label of each token and its neighbours, and how the same
word (clitic-stripped stem) was labelled elsewhere in the document: a name tagged confidently
once is usually the same name further down, where its context may say less. ANERcorp has no
document boundaries, so training treats each run of ``BLOCK`` consecutive sentences as one
document, and ``main.py ner`` tags its input in blocks of the same size.

BLOCK was 15 (about one ANERcorp article); longer blocks give the votes more to go on and cost
little where they join two articles. Measured on the cached features of one dev run (the same
first pass; second pass c1 0.03, c2 0.05), out of fold over the training part / dev: 8 sentences
74.79 / 73.46, 15: 75.07 / 73.68, 20: 74.70 / 74.64, 25: 75.15 / 73.82, 30: 75.22 / 74.43, 40:
74.99 / 73.86, 50: 74.88 / 73.25, 100: 74.58 / 73.26. Out of fold, 15 to 40 are within noise of
each other; 30 is the best.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from reader.entities.conll import entity_chunks, to_bio

BLOCK = 30


def bio_of(tags: Sequence[str]) -> Sequence[str]:
    """``to_bio`` of a tagger's labels; a sentence that names nothing (most) is returned as it
    is, not walked."""
    return tags if tags.count("O") == len(tags) else to_bio(tags)


def chunks_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``entity_chunks`` of BIO labels, without walking a sentence that names nothing."""
    return entity_chunks(tags) if tags.count("O") != len(tags) else []


def second_pass_features(
    features: Sequence[list[list[str]]],
    stems: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
) -> list[list[list[str]]]:
    """Second-pass features of one document's sentences: each token's first-pass features plus
    its ``second_pass_extras``.

    A leaner set (word, stem, clusters only) was tried to save tagging time and lost the whole
    gain on dev: the second pass must still see the context to overrule the first.
    """
    extras = second_pass_extras(stems, first_tags)
    return [
        [x + extra for x, extra in zip(xs, sentence, strict=True)]
        for xs, sentence in zip(features, extras, strict=True)
    ]


def second_pass_extras(
    stems: Sequence[Sequence[str]], first_tags: Sequence[Sequence[str]]
) -> list[list[list[str]]]:
    """What the second pass sees beyond the first pass's features, per token of each of a
    document's sentences: the first-pass labels around it and the document's vote on its stem
    and names."""
    repeated = _repeated_stems(stems, first_tags)
    chunks = [chunks_of(bio_of(tags)) for tags in first_tags]
    names, places = _document_names(stems, chunks)
    index = _name_index(names) if names else None
    cache: dict[tuple[str, str], str] = {}
    out: list[list[list[str]]] = []
    for sentence_stems, tags in zip(stems, first_tags, strict=True):
        named = _match_names(sentence_stems, names, index) if names else None
        doc = _sentence_votes(sentence_stems, tags, repeated, cache)
        extras = _label_extras(tags, doc)
        if named is not None:
            _add_name_extras(extras, tags, named)
        if places:
            for extra, stem in zip(extras, sentence_stems, strict=True):
                place = places.get(stem)
                if place:
                    extra.append("dp=" + place)
        out.append(extras)
    return out


def _repeated_stems(
    stems: Sequence[Sequence[str]], first_tags: Sequence[Sequence[str]]
) -> dict[str, dict[str, int]]:
    """How often the first pass gave each stem each type (``O`` for none), for the stems met
    more than once in the document: a stem met once has no vote."""
    votes: dict[str, dict[str, int]] = {}
    for sentence_stems, tags in zip(stems, first_tags, strict=True):
        for stem, tag in zip(sentence_stems, tags, strict=True):
            if len(stem) > 1:
                kind = tag[2:] or "O"
                counts = votes.get(stem)
                if counts is None:
                    votes[stem] = {kind: 1}
                else:
                    counts[kind] = counts.get(kind, 0) + 1
    return {stem: counts for stem, counts in votes.items() if sum(counts.values()) > 1}


def _sentence_votes(
    stems: Sequence[str],
    tags: Sequence[str],
    repeated: Mapping[str, Mapping[str, int]],
    cache: dict[tuple[str, str], str],
) -> list[str]:
    """The document's vote on each token's stem ("" for none); ``cache``: per document."""
    doc = []
    for stem, tag in zip(stems, tags, strict=True):
        counts = repeated.get(stem)
        if counts is None:
            doc.append("")
            continue
        key = (stem, tag[2:] or "O")
        vote = cache.get(key)
        if vote is None:
            vote = cache[key] = _vote(counts, key[1])
        doc.append(vote)
    return doc


def _label_extras(tags: Sequence[str], doc: Sequence[str]) -> list[list[str]]:
    """Per token: the first-pass labels of it and its neighbours, and the votes around it."""
    labels = [_label_features(tag) for tag in tags]
    n = len(tags)
    rows = []
    for i in range(n):
        extra = [
            labels[i][0],
            labels[i - 1][1] if i else "1-=^",
            labels[i + 1][2] if i + 1 < n else "1+=$",
        ]
        if doc[i]:
            extra.append("d=" + doc[i])
            extra.append(f"d={doc[i]}|{tags[i]}")
        if i and doc[i - 1]:
            extra.append("d-=" + doc[i - 1])
        if i + 1 < n and doc[i + 1]:
            extra.append("d+=" + doc[i + 1])
        rows.append(extra)
    return rows


def _add_name_extras(extras: list[list[str]], tags: Sequence[str], named: Sequence[str]) -> None:
    """Where the document's names (``_match_names``) lie around each token."""
    n = len(tags)
    for i, extra in enumerate(extras):
        if named[i]:
            extra.append("dg=" + named[i])
            extra.append(f"dg={named[i]}|{tags[i]}")
        if i + 1 < n and named[i + 1]:
            extra.append("dg+=" + named[i + 1])
        if i and named[i - 1]:
            extra.append("dg-=" + named[i - 1])


@lru_cache(maxsize=64)
def _label_features(tag: str) -> tuple[str, str, str]:
    """A first-pass label as the feature of its own token, of the next and of the previous one."""
    return "1=" + tag, "1-=" + tag, "1+=" + tag


def _document_names(
    stems: Sequence[Sequence[str]], chunks: Sequence[list[tuple[int, int, str]]]
) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """What the first pass named in the document: its names of two words or more (stems ->
    the type given most often), and for each word its usual place in a name (``PERS|L``: the
    last word of a person's name; S alone, F first, M middle).

    A name found whole once (علي بن أبي طالب) tells where the same words begin and end as a
    name elsewhere in the document, where the first pass cut it short or ran on into a verb;
    and a word that ends a person's name elsewhere is a surname here too."""
    kinds: dict[tuple[str, ...], dict[str, int]] = {}
    place_counts: dict[str, dict[str, int]] = {}
    for sentence_stems, sentence_chunks in zip(stems, chunks, strict=True):
        for start, end, kind in sentence_chunks:
            if end - start >= 2:
                counts = kinds.setdefault(tuple(sentence_stems[start:end]), {})
                counts[kind] = counts.get(kind, 0) + 1
            for i in range(start, end):
                if len(sentence_stems[i]) > 1:
                    where = (
                        "S"
                        if end - start == 1
                        else "F"
                        if i == start
                        else "L"
                        if i == end - 1
                        else "M"
                    )
                    counts = place_counts.setdefault(sentence_stems[i], {})
                    key = f"{kind}|{where}"
                    counts[key] = counts.get(key, 0) + 1
    names = {name: max(counts, key=counts.__getitem__) for name, counts in kinds.items()}
    places = {stem: max(counts, key=counts.__getitem__) for stem, counts in place_counts.items()}
    return names, places


def _name_index(names: Mapping[tuple[str, ...], str]) -> tuple[int, frozenset[str]]:
    """The longest name's length and the words names begin with: made once per document."""
    return max(len(name) for name in names), frozenset(name[0] for name in names)


def _match_names(
    stems: Sequence[str],
    names: Mapping[tuple[str, ...], str],
    index: tuple[int, frozenset[str]] | None = None,
) -> list[str]:
    """BIO labels of the document's names in one sentence, longest match first, left to right
    ("" outside them). ``index``: ``_name_index(names)``, when the caller matches many
    sentences against the same names."""
    longest, starts = index or _name_index(names)
    out = [""] * len(stems)
    i = 0
    while i < len(stems):
        if stems[i] in starts:
            for length in range(min(longest, len(stems) - i), 1, -1):
                kind = names.get(tuple(stems[i : i + length]))
                if kind is not None:
                    out[i] = "B-" + kind
                    for j in range(i + 1, i + length):
                        out[j] = "I-" + kind
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _vote(counter: Mapping[str, int] | None, own: str) -> str:
    """The label the rest of the document gave this word, with how sure it was."""
    if counter is None:
        return ""
    total = sum(counter.values()) - 1
    if total <= 0:
        return ""
    best_kind, best = "O", 0
    for kind, seen in counter.items():
        count = seen - 1 if kind == own else seen
        if kind != "O" and count > best:
            best_kind, best = kind, count
    if best == 0:
        return "O"
    return f"{best_kind}:{'all' if best == total else 'most' if 2 * best > total else 'some'}"


def blocks(n: int, size: int = BLOCK) -> list[range]:
    """Consecutive sentence ranges treated as documents when there are no document boundaries."""
    return [range(i, min(i + size, n)) for i in range(0, n, size)]


def propagate_surnames(
    tags: Sequence[Sequence[str]], stems: Sequence[Sequence[str]], vouched: frozenset[str]
) -> list[list[str]]:
    """Tag the later bare mentions of a person's last name that the article's keywords vouch
    for (BIO in, BIO out; ``vouched``: ``name_rules.keyword_words`` of the article's tags).

    News names a person in full once (إبراهيم رئيسي) and by the last name after that (وطلب من
    رئيسي ...), where the word alone may look like a common one (رئيسي, "main"). Propagating
    every last name cost precision (out of fold 76.64 -> 76.44: the folded علي took the
    preposition على along, ordinals and nisbas of wrongly joined names followed), so only a
    name the page lists among its keywords is followed through; texts without keywords (ANERcorp,
    ``main.py ner``) are left as they are."""
    if not vouched:
        return [list(t) for t in tags]
    names = set()
    for sentence_tags, sentence_stems in zip(tags, stems, strict=True):
        for start, end, kind in chunks_of(sentence_tags):
            last = sentence_stems[end - 1]
            if kind == "PERS" and end - start >= 2 and len(last) >= 3 and last in vouched:
                names.add(last)
    if not names:
        return [list(t) for t in tags]
    out = []
    for sentence_tags, sentence_stems in zip(tags, stems, strict=True):
        fixed = list(sentence_tags)
        for i, stem in enumerate(sentence_stems):
            if fixed[i] == "O" and stem in names:
                fixed[i] = "B-PERS"
        out.append(fixed)
    return out


def keep_full_names(
    tags: Sequence[Sequence[str]], first: Sequence[Sequence[str]]
) -> list[list[str]]:
    """A person the first pass named in two words or more, and the second pass dropped whole, is
    a person (BIO in and out; ``first``: the first pass's labels as the tagger gives them, BIOES,
    or BIO).

    The second pass weighs how the rest of the document labelled each word, and news names a
    person in full once (إبراهيم رئيسي) and by the last name after that, where the first pass
    takes the word alone for a common one (رئيسي, "main"): the many bare mentions outvote the
    one place the name is written whole, and the second pass drops it. Out of fold on the
    training part the rule is neutral (76.64 -> 76.63 after the document rules), on dev it
    adds four wrong names (75.50 -> 75.38); it stays for the case it was written for."""
    out = []
    for sentence_tags, sentence_first in zip(tags, first, strict=True):
        # a name of two words or more has an I- or E- word: most sentences have none, and are
        # not converted (this runs on every sentence the recogniser tags)
        if "I-PERS" not in sentence_first and "E-PERS" not in sentence_first:
            out.append(list(sentence_tags))
            continue
        fixed = list(sentence_tags)
        for start, end, kind in entity_chunks(to_bio(sentence_first)):
            if kind == "PERS" and end - start >= 2 and all(t == "O" for t in fixed[start:end]):
                fixed[start:end] = ["B-PERS"] + ["I-PERS"] * (end - start - 1)
        out.append(fixed)
    return out
