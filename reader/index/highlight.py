"""Where a query matches an article: spans on the ORIGINAL text, and a snippet around the best one.

Highlights run the same pipeline as the index (tokenise with offsets → normalise → stem), so what
is highlighted is exactly what matched, while the reader shows the text as written (``إيران`` is
highlighted for the query ``ايران``). Fragmenting and formatting stay separate (Whoosh's split):
this module returns spans; the view decides how they look.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.model import Span
from reader.text import Token, normalize, tokenize

MATCH = "MATCH"


@dataclass(frozen=True, slots=True)
class Matcher:
    """The words of a query in the forms the index matched them by."""

    norms: frozenset[str]  # normalised surface forms that match (plain and quoted words)
    stems: frozenset[str]  # stem keys that match (plain words only)
    phrases: tuple[tuple[str, ...], ...]  # normalised word sequences that must be adjacent
    stem: Callable[[str], str]
    # forms of those stems that the query words did not match (``reader.index.variants``)
    left_out: frozenset[str] = frozenset()
    # stem sequences that must be adjacent (a typed chunk, كوفيد-19; a name typed apart)
    stem_phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.norms or self.stems or self.phrases or self.stem_phrases)

    def word_matches(self, norm: str) -> bool:
        if norm in self.norms:
            return True
        return bool(self.stems) and norm not in self.left_out and self.stem(norm) in self.stems


def match_spans(text: str, matcher: Matcher) -> list[Span]:
    """Sorted, non-overlapping MATCH spans of ``text`` (offsets into ``text`` itself)."""
    if not text or not matcher:
        return []
    tokens = tokenize(text)
    spans: list[tuple[int, int]] = [
        (t.start, t.end) for t in tokens if t.norm and matcher.word_matches(t.norm)
    ]
    norms = [t.norm for t in tokens]
    for phrase in matcher.phrases:
        spans.extend(_phrase_spans(tokens, norms, phrase))
    if matcher.stem_phrases:
        stems = [matcher.stem(n) if n else "" for n in norms]
        for phrase in matcher.stem_phrases:
            spans.extend(_phrase_spans(tokens, stems, phrase))
    return _merge(spans)


def _phrase_spans(
    tokens: list[Token], keys: list[str], phrase: tuple[str, ...]
) -> list[tuple[int, int]]:
    """Where the tokens' ``keys`` (their forms, or stems) run as ``phrase`` does."""
    n = len(phrase)
    found = []
    for i in range(len(tokens) - n + 1):
        if keys[i] == phrase[0] and keys[i : i + n] == list(phrase):
            found.append((tokens[i].start, tokens[i + n - 1].end))
    return found


def _merge(spans: list[tuple[int, int]]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1].end:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end, MATCH)
        else:
            merged.append(Span(start, end, MATCH))
    return merged


def make_snippet(text: str, spans: list[Span], width: int = 160) -> tuple[str, list[Span]]:
    """About ``width`` characters of ``text`` around the densest cluster of ``spans``.

    Cut at spaces where possible, "…" marks a cut, newlines become spaces (same length, so span
    offsets only shift by the cut). Returns the snippet and the spans inside it, re-based.
    """
    width = max(width, 20)
    keep = 0  # the window may not end before this (the end of the best match)
    if not spans:
        start = 0
    else:
        best = _densest(text, spans, width)
        # a quarter of the window before the match, more when the text ends soon after it
        start = max(0, min(best.start - width // 4, len(text) - width))
        if start > 0:
            start = _word_start(text, start, best.start)
        keep = best.end
    end = max(min(len(text), start + width), keep)
    if end < len(text):
        space = text.rfind(" ", max(end - 15, keep), end)
        end = space if space > start else end
    body = text[start:end].replace("\n", " ").strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start - lead
    inside = [
        Span(
            max(s.start, start + lead) + shift, min(s.end, start + lead + len(body)) + shift, s.kind
        )
        for s in spans
        if s.end > start + lead and s.start < start + lead + len(body)
    ]
    return prefix + body + suffix, inside


def _word_start(text: str, start: int, match: int) -> int:
    """Where a window meant to start at ``start`` starts on a word: after the last space up to 15
    characters before it, else the text's start when no space comes before, else after the next
    space (never past the match at ``match``)."""
    space = max(
        text.rfind(" ", max(0, start - 15), start), text.rfind("\n", max(0, start - 15), start)
    )
    if space >= 0:
        return space + 1
    if not any(c.isspace() for c in text[:start]):
        return 0
    after = min(
        (k for k in (text.find(" ", start, match), text.find("\n", start, match)) if k >= 0),
        default=-1,
    )
    return after + 1 if after >= 0 else match


def _densest(text: str, spans: list[Span], width: int) -> Span:
    """The span that starts the window holding the most different matched words, then the most
    matches (earliest on ties): a window with every query word beats one that repeats one."""
    words = [normalize(text[s.start : s.end]) for s in spans]
    best, best_key, j = spans[0], (0, 0), 0
    for i, s in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1].end - s.start <= width:
            j += 1
        key = (len(set(words[i : j + 1])), j - i + 1)
        if key > best_key:
            best, best_key = s, key
    return best
