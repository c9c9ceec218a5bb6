"""Long texts are tagged in windows of whole sentences (issue 17, case 3: memory grew with the text)."""

from __future__ import annotations

import tracemalloc

import pytest

from reader.entities import load_recogniser
from reader.entities import recogniser as recogniser_module
from reader.entities.features import FeatureExtractor
from reader.entities.lexicon import Lexicon
from reader.entities.recogniser import (
    MAX_PUNCTUATION_RUN,
    Recogniser,
    sentence_windows,
    split_sentences,
)

SENTENCE = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة للحوار."


class _ScriptedRecogniser(Recogniser):
    """Tags each token from a table and records the documents it is given."""

    def __init__(self, tags: dict[str, str]) -> None:  # no model: _tag_document is scripted
        super().__init__(FeatureExtractor(Lexicon(counts={})))
        self._tags = tags
        self.documents: list[list[list[str]]] = []

    def _tag_document(self, sentences, keywords=frozenset()):
        self.documents.append([list(s) for s in sentences])
        return [[self._tags.get(t, "O") for t in s] for s in sentences]


@pytest.fixture(scope="module")
def recogniser():
    return load_recogniser()


def test_windows_end_at_sentence_ends_and_keep_the_texts_offsets() -> None:
    text = " ".join(f"الجملة رقم {n} تنتهي هنا." for n in range(200))  # one line
    windows = list(sentence_windows(text, 500))
    assert len(windows) > 5
    sentences = [s for w in windows for s in w]
    assert sentences == list(split_sentences(text))  # the same sentences, only grouped
    for window in windows:
        start, end = window[0][0][1], window[-1][-1][2]
        assert end - start <= 500
        assert text[end - 1] == "."  # each window ends with its sentence
        for units in window:
            for surface, s, e, _ in units:
                assert text[s:e] == surface


def test_a_short_text_is_one_window() -> None:
    text = SENTENCE * 20
    assert len(list(sentence_windows(text, recogniser_module.WINDOW_CHARS))) == 1


def test_names_at_window_boundaries_stay_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recogniser_module, "WINDOW_CHARS", 300)
    tags = {"فلاديمير": "B-PERS", "بوتين": "I-PERS", "موسكو": "B-LOC"}
    rec = _ScriptedRecogniser(tags)
    # every sentence begins and ends with a name, so every window boundary sits next to one
    one = "فلاديمير بوتين زار مدينة كبيرة ثم عاد إلى موسكو. "
    text = one * 100
    spans = rec.find_entities(text)
    assert len(rec.documents) > 10  # tagged in windows, one document each
    assert max(sum(len(s) for s in d) for d in rec.documents) < 80  # none near the whole text
    found = [(text[s.start : s.end], s.kind) for s in spans]
    assert found == [("فلاديمير بوتين", "PERS"), ("موسكو", "LOC")] * 100
    assert [s.start for s in spans[::2]] == [n * len(one) for n in range(100)]


def test_long_text_spans_are_the_windows_spans_shifted(
    recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real model on a long one-line text: each window finds what a short text finds, at the
    text's own offsets."""
    alone = [(s.start, s.end, s.kind) for s in recogniser.find_entities(SENTENCE)]
    assert ("فلاديمير بوتين", "PERS") in {(SENTENCE[s:e], k) for s, e, k in alone}
    monkeypatch.setattr(recogniser_module, "WINDOW_CHARS", len(SENTENCE) + 1)  # one a window
    step = len(SENTENCE) + 1
    text = " ".join([SENTENCE] * 40)
    spans = [(s.start, s.end, s.kind) for s in recogniser.find_entities(text)]
    expected = [(s + n * step, e + n * step, k) for n in range(40) for s, e, k in alone]
    assert spans == expected


def test_a_run_of_punctuation_is_cut_into_bounded_sentences() -> None:
    text = "بدأ " + "=" * (3 * MAX_PUNCTUATION_RUN + 10) + " انتهى"
    sentences = list(split_sentences(text))
    assert max(len(s) for s in sentences) <= MAX_PUNCTUATION_RUN
    assert [u[0] for s in sentences for u in s if u[3]] == ["بدأ", "انتهى"]
    assert sum(len(s) for s in sentences) == 3 * MAX_PUNCTUATION_RUN + 12


def _peak_bytes(recogniser, text: str) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        recogniser.find_entities(text)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def test_memory_grows_with_the_window_not_the_text(
    recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tagging holds some 300 bytes of Python objects per character of the document it tags (the
    features of both passes): a text six windows long now peaks near what one window costs,
    where it cost six times as much before windows (tracemalloc's count; the CRF's own memory is
    per sentence)."""
    window = 10_000
    monkeypatch.setattr(recogniser_module, "WINDOW_CHARS", window)
    line = " ".join([SENTENCE] * (window // len(SENTENCE)))
    recogniser.find_entities(line)  # warms the per-word caches, which are not the text's
    one_window = _peak_bytes(recogniser, line[:window])
    long_text = " ".join([line] * 6)  # ~60,000 characters on one line
    long_peak = _peak_bytes(recogniser, long_text)
    # the spans found are the only part that grows with the text (~4 a sentence here)
    assert long_peak < 2 * one_window
