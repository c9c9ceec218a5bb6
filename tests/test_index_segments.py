"""Postings in segments, merged geometrically, must read the same as one big block."""

from __future__ import annotations

import random

import numpy as np
import pytest

from reader.index import Index
from reader.index import store as index_store
from reader.index.forward import ForwardIndex
from reader.index.postings import PostingStore
from reader.model import Article


def _triples(rng: random.Random, docs: range, terms: int) -> list[tuple[int, int, float]]:
    return [
        (t, d, float(rng.randint(1, 5))) for d in docs for t in sorted(rng.sample(range(terms), 5))
    ]


def _block(triples: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t, d, f = zip(*triples, strict=True)
    return np.array(t, np.int32), np.array(d, np.int32), np.array(f, np.float32)


@pytest.mark.parametrize("block_docs", [1, 3, 17, 100])
def test_blocks_read_like_one(block_docs: int) -> None:
    rng = random.Random(block_docs)
    triples = _triples(rng, range(100), terms=30)
    whole, parts = PostingStore(), PostingStore()
    whole.add_block(*_block(triples))
    for start in range(0, 100, block_docs):
        part = [x for x in triples if start <= x[1] < start + block_docs]
        parts.add_block(*_block(part))
    assert parts.n_segments <= 8  # merged geometrically, not one segment per block
    for term in range(31):
        a, b = whole.postings(term), parts.postings(term)
        assert a[0].tolist() == b[0].tolist() and a[1].tolist() == b[1].tolist()
        assert whole.df(term) == parts.df(term)
        assert list(whole.bitmap(term)) == a[0].tolist()


def test_merge_pairs_sums_repeated_postings() -> None:
    store = PostingStore()
    terms, docs, tfs = _block([(2, 0, 1.0), (1, 0, 2.0), (2, 0, 3.0), (2, 1, 1.0)])
    store.add_block(terms, docs, tfs, merge_pairs=True)
    assert store.postings(2)[0].tolist() == [0, 1]
    assert store.postings(2)[1].tolist() == [4.0, 1.0]
    assert store.postings(1)[1].tolist() == [2.0]
    assert store.postings(7)[0].tolist() == []


@pytest.mark.parametrize(
    ("phrase", "docs"),
    [([5, 6], [0]), ([6, 5], [1]), ([6, 7], []), ([5], [0, 1]), ([9], []), ([7, 6], [])],
)
@pytest.mark.parametrize("candidates", [[0, 1], [0, 1, 2]])  # gathers their tokens / scans all
def test_forward_index_phrases(phrase: list[int], docs: list[int], candidates: list[int]) -> None:
    fwd = ForwardIndex()
    fwd.add(0, [5, 6, 0, 7])  # 0 is the separator: 6 and 7 are in different paragraphs
    fwd.add(1, [6, 5])
    fwd.add(2, [8] * 100 + [7])  # a long document (7 ends document 0, 6 starts 1: no phrase)
    found = fwd.with_phrase(np.array(candidates), [[t] for t in phrase])
    assert found.tolist() == docs


def _phrase_docs_by_hand(docs: list[list[int]], phrase: list[list[int]]) -> list[int]:
    k = len(phrase)
    return [
        d
        for d, tokens in enumerate(docs)
        if any(
            all(tokens[p + i] in phrase[i] for i in range(k)) for p in range(len(tokens) - k + 1)
        )
    ]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("added", ["one by one", "in blocks"])
def test_forward_index_ids_sharing_a_low_byte_never_match(seed: int, added: str) -> None:
    # ids 5, 261, 517 (and 0, 256: the separator's low byte) share a low byte: the quick filter
    # on low bytes lets them through, the check on full ids must not
    rng = random.Random(seed)
    vocab = [5, 261, 517, 6, 262, 256, 7]
    docs = [
        [rng.choice(vocab) if rng.random() > 0.1 else 0 for _ in range(rng.randint(1, 30))]
        for _ in range(60)
    ]
    fwd = ForwardIndex()
    if added == "one by one":
        for d, tokens in enumerate(docs):
            fwd.add(d, tokens)
            if d % 7 == 0:
                fwd.seal()
            if d == 29:  # low bytes built now, extended for the documents added after
                fwd.with_phrase(np.array([0]), [[5], [6]])
    else:
        flat = [t for tokens in docs for t in [*tokens, 0]]
        starts = np.cumsum([0] + [len(tokens) + 1 for tokens in docs])
        fwd.add_block(0, np.array(flat, np.int32), starts)
    stored = [[*tokens, 0] for tokens in docs]
    for phrase in ([[5], [6]], [[261], [262], [7]], [[5, 517], [256]], [[517], [5]]):
        for candidates in (list(range(0, 60, 9)), list(range(60))):  # gathered / scanned
            expected = [d for d in _phrase_docs_by_hand(stored, phrase) if d in candidates]
            found = fwd.with_phrase(np.array(candidates), phrase)
            assert found.tolist() == expected, (phrase, candidates)


def test_forward_index_maps_tokens_for_stem_phrases() -> None:
    fwd = ForwardIndex()
    fwd.add(0, [1, 2])
    mapping = np.array([0, 10, 20])  # surface id -> stem id
    assert fwd.with_phrase(np.array([0]), [[10], [20, 30]], mapping).tolist() == [0]
    assert fwd.with_phrase(np.array([0]), [[20], [10]], mapping).tolist() == []


def test_small_flushes_give_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    words = ["غزة", "الحرب", "إيران", "روسيا", "اقتصاد", "والاقتصاد", "مباراة", "بوتين", "ترامب"]
    articles = [
        Article(
            id=f"n{i}",
            title=" ".join(rng.sample(words, 2)),
            body="\n".join(" ".join(rng.choices(words, k=6)) for _ in range(3)),
        )
        for i in range(120)
    ]
    queries = ["غزة", "الحرب إيران", '"روسيا اقتصاد"', "بوتين OR ترامب", "-غزة", "اقتصاد"]
    one = Index()
    one.add_many(articles)
    expected = {q: one.search(q) for q in queries}

    monkeypatch.setattr(index_store, "FLUSH_PAIRS", 16)
    many = Index()
    for i, article in enumerate(articles):
        many.add(article)
        if i % 7 == 0:
            many.search("غزة")  # searching seals the pending block too
    for q in queries:
        got = many.search(q)
        assert got.ids == expected[q].ids, q
        assert np.allclose(got.scores, expected[q].scores), q


@pytest.mark.parametrize("cap", [50, 400])
def test_segments_stop_merging_at_the_cap_and_read_the_same(
    cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.index import postings

    monkeypatch.setattr(postings, "MAX_MERGED_POSTINGS", cap)
    rng = random.Random(cap)
    triples = _triples(rng, range(300), terms=40)  # 1,500 postings
    whole, parts = PostingStore(), PostingStore()
    whole.add_block(*_block(triples))
    for start in range(0, 300, 4):
        parts.add_block(*_block([x for x in triples if start <= x[1] < start + 4]))
    sizes = [len(s.docs) for s in parts._segments]
    assert all(size <= cap for size in sizes if size > 20)  # merged ones stay under the cap
    assert len(sizes) <= 2 * 1500 // cap + 8
    for term in range(41):
        a, b = whole.postings(term), parts.postings(term)
        assert a[0].tolist() == b[0].tolist() and a[1].tolist() == b[1].tolist()
        assert whole.df(term) == parts.df(term)
