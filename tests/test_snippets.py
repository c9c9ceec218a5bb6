"""Where a result's snippet starts (reader/index/highlight.make_snippet)."""

from __future__ import annotations

from reader.index.highlight import make_snippet
from reader.model import Span


def test_a_snippet_starts_on_a_word() -> None:
    # a quarter of the window before the match falls inside the first word, no space before it
    text = "والمستشفيات صلاح " + "كلام " * 10
    snippet, _ = make_snippet(text, [_span(text, "صلاح")], width=40)
    assert snippet.lstrip("…").split()[0] in text.split()


def test_a_snippet_shows_every_query_word_it_can() -> None:
    # three ليفربول close together, صلاح and ليفربول further on: the window with both wins
    text = "ليفربول ليفربول ليفربول " + "كلام " * 30 + "صلاح لاعب ليفربول " + "كلام " * 30
    spans = [_span(text, "ليفربول", k) for k in range(4)] + [_span(text, "صلاح")]
    snippet, _ = make_snippet(text, sorted(spans, key=lambda s: s.start), width=60)
    assert "صلاح" in snippet and "ليفربول" in snippet


def _span(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word), "MATCH")
