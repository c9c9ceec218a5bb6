"""``Index.add_prepared`` (analysis done ahead, in parse workers) must build what ``Index.add`` builds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import random
from pathlib import Path

import numpy as np
import pytest

from reader.formats.folder import read_folder
from reader.index import Index
from reader.index import store as index_store
from reader.index.prepare import VocabMaps, WorkerVocab, with_texts
from reader.model import Article, Span

WORDS = [
    "الرئيس",
    "ايران",
    "غزة",
    "النفط",
    "كورونا",
    "الانتخابات",
    "السعودية",
    "برشلونة",
    "اللاجئين",
    "الدولار",
    "مجلس",
    "الأمن",
    "الأمم",
    "المتحدة",
    "البيت",
    "الأبيض",
    "كَتَبَ",
    "وزير",
    "الخارجية",
    "بغزة",
    "فلسطين",
    "3.5",
    "1,000",
    "١٢",
    "covid-19",
    "Covid",
    "الشرق",
    "الأوسط",
    "قال",
    "إن",
    "أن",
    "على",
    "في",
    "من",
    "مؤتمر",
    "صحفي",
    "اليوم",
]


def _article(rng: random.Random, n: int, vocab: tuple[str, ...]) -> Article:
    def text(k: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(k))

    body = "\n".join(text(rng.randint(0, 30)) for _ in range(rng.randint(1, 4)))
    title = text(rng.randint(0, 6)) + ("\n" + text(2) if rng.random() < 0.1 else "")
    body_len = len(body)
    ents = (Span(0, min(5, body_len), "LOC"),) if body_len > 5 and rng.random() < 0.5 else ()
    return Article(
        id=f"f{n}.txt",
        title=title,
        body=body,
        date=dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 400))
        if rng.random() < 0.8
        else None,
        source=rng.choice(["", "aljazeera", "bbc"]),
        tags=tuple(rng.sample(["غزة", "اقتصاد", "رياضة", "كورونا"], rng.randint(0, 2))),
        category=rng.choice(["", "سياسة"]),
        entities=ents,
        path=f"f{n}.txt",
    )


def _articles(seed: int, count: int) -> list[Article]:
    rng = random.Random(seed)
    # later articles bring new words, so new term ids are handed out in the middle of chunks
    vocab = tuple(WORDS)
    out = []
    for n in range(count):
        if n % 7 == 0:
            vocab += (f"كلمة{n}", f"word{n}")
        out.append(_article(rng, n, vocab))
    return out


def _chunks(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _shipped(chunk: list[Article], vocab: WorkerVocab | None = None) -> object:
    """What a parse worker sends: the analysis without the texts, pickled and back."""
    prepared = dataclasses.replace(Index.prepare(chunk, vocab), texts=())
    return with_texts(pickle.loads(pickle.dumps(prepared)), chunk)


def _add_from_workers(index: Index, chunks: list[list[Article]], workers: int) -> None:
    """Chunks analysed by ``workers`` worker vocabularies in turn (0: each chunk its own)."""
    vocabs = [WorkerVocab() for _ in range(workers)]
    maps = VocabMaps()
    for i, part in enumerate(chunks):
        vocab = vocabs[i % workers] if workers else None
        index.add_prepared(part, _shipped(part, vocab), maps)


def _state(index: Index) -> dict:
    """Everything ``add`` builds, as plain comparable values."""
    index.flush()
    stores = {}
    for name in ("surface_postings", "stem_postings", "title_postings"):
        store = getattr(index.store, name)
        n_terms = max((s.n_terms for s in store._segments), default=0)
        stores[name] = [
            (t, store.postings(t)[0].tolist(), store.postings(t)[1].tolist())
            for t in range(n_terms)
        ]
    tokens, bounds = index.store.forward._arrays()
    facets = {
        name: (
            field._keys,
            [dict(f) for f in field._forms],
            [list(b) for b in field._bitmaps],
            field.counts(np.ones(len(index.store.ids), dtype=np.bool_), 1000),
        )
        for name, field in index.store.facets.items()
    }
    return {
        "ids": index.store.ids,
        "docnum": index.store.docnum,
        "live": list(index.store.live),
        "terms": index.store.terms,
        "stems": index.store.stems,
        "surf2stem": index.store.surf2stem.tolist(),
        "stores": stores,
        "forward": (tokens.tolist(), bounds.tolist()),
        "doclen": index.store.doclen.tolist(),
        "titlelen": index.store.titlelen.tolist(),
        "sums": (index.store.len_sum, index.store.title_len_sum),
        "day": index.store.day.tolist(),
        "facets": facets,
        "articles": index.store.articles,
    }


QUERIES = ["الرئيس", "ايران -غزة", '"الأمم المتحدة"', "بغزة", "covid-19", "كتب", "word14", ""]


def _results(index: Index) -> list[tuple]:
    out = []
    for q in QUERIES:
        r = index.search(q, facet_limit=50)
        out.append((r.ids, r.scores.tolist(), r.facets, r.timeline))
    return out


@pytest.mark.parametrize(("count", "chunk"), [(1, 1), (40, 1), (60, 7), (120, 32), (200, 200)])
@pytest.mark.parametrize("flush_pairs", [index_store.FLUSH_PAIRS, 64])
@pytest.mark.parametrize("workers", [0, 1, 2, 3])
def test_prepared_builds_what_add_builds(
    count: int, chunk: int, flush_pairs: int, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "FLUSH_PAIRS", flush_pairs)
    articles = _articles(count, count)
    plain, fast = Index(), Index()
    plain.add_many(articles)
    _add_from_workers(fast, _chunks(articles, chunk), workers)
    assert _state(fast) == _state(plain)
    assert _results(fast) == _results(plain)


def test_mixed_with_plain_adds_and_removals() -> None:
    articles = _articles(5, 90)
    plain, fast = Index(), Index()
    for i, part in enumerate(_chunks(articles, 15)):
        plain.add_many(part)
        if i % 2:
            fast.add_many(part)
        else:
            fast.add_prepared(part, _shipped(part))
        plain.remove(part[0].id)
        fast.remove(part[0].id)
    assert _state(fast) == _state(plain)
    assert _results(fast) == _results(plain)


@pytest.mark.parametrize(
    "change",
    [
        lambda a: dataclasses.replace(a, tags=(*a.tags, "جديد")),  # the folder-wide tag pass
        lambda a: dataclasses.replace(a, body=a.body + " مختلف"),
        lambda a: dataclasses.replace(a, title="عنوان آخر"),
        lambda a: dataclasses.replace(a, id="other.txt"),
    ],
)
def test_articles_not_the_analysed_ones_take_the_add_path(change) -> None:
    articles = _articles(9, 30)
    changed = [*articles[:10], change(articles[10]), *articles[11:]]
    prepared = _shipped(articles)
    plain, fast = Index(), Index()
    plain.add_many(changed)
    fast.add_prepared(changed, prepared)
    assert _state(fast) == _state(plain)


def test_already_indexed_articles_take_the_add_path() -> None:
    articles = _articles(3, 20)
    plain, fast = Index(), Index()
    plain.add_many(articles[:5])
    fast.add_many(articles[:5])
    plain.add_many(articles)
    fast.add_prepared(articles, _shipped(articles))
    assert _state(fast) == _state(plain)


def test_entities_only_differ_from_the_analysed_articles() -> None:
    """Spans added after analysis do not change the text: the fast path, with entity facets."""
    articles = _articles(4, 25)
    prepared = _shipped(articles)
    tagged = [dataclasses.replace(a, entities=(Span(0, 1, "PERS"),)) for a in articles]
    plain, fast = Index(), Index()
    plain.add_many(tagged)
    fast.add_prepared(tagged, prepared)
    assert _state(fast) == _state(plain)
    assert fast.facet_values("PERS") == plain.facet_values("PERS")


@pytest.mark.parametrize("changed_chunk", [0, 1, 2])
def test_a_worker_chunk_taking_the_add_path_keeps_its_vocabulary_for_the_next(
    changed_chunk: int,
) -> None:
    articles = _articles(21, 90)
    chunks = _chunks(articles, 15)
    vocab, maps = WorkerVocab(), VocabMaps()
    shipped = [_shipped(part, vocab) for part in chunks]  # one worker, in order
    changed = [dataclasses.replace(a, tags=("اخر",)) for a in chunks[changed_chunk]]
    chunks[changed_chunk] = changed
    plain, fast = Index(), Index()
    for part, prepared in zip(chunks, shipped, strict=True):
        plain.add_many(part)
        fast.add_prepared(part, prepared, maps)
    assert _results(fast) == _results(plain)
    for word, tid in plain.store.terms.items():  # each word's postings, whatever its id
        fast_tid = fast.store.terms[word]
        assert (
            fast.store.surface_postings.postings(fast_tid)[0].tolist()
            == plain.store.surface_postings.postings(tid)[0].tolist()
        )


def test_a_worker_chunk_out_of_order_takes_the_add_path() -> None:
    articles = _articles(22, 45)
    chunks = _chunks(articles, 15)
    vocab = WorkerVocab()
    shipped = [_shipped(part, vocab) for part in chunks]
    plain, fast = Index(), Index()
    maps = VocabMaps()
    for i in (0, 2, 1):  # chunk 2 arrives before 1: its ids cannot be mapped
        plain.add_many(chunks[i])
        fast.add_prepared(chunks[i], shipped[i], maps)
    assert _results(fast) == _results(plain)
    assert fast.add_prepared(chunks[1], shipped[1]) is None  # no maps: the add path, no error


@pytest.mark.corpus
def test_prepared_matches_add_on_the_corpus(jawhara_dir: Path) -> None:
    articles = list(read_folder(jawhara_dir, workers=1).articles)[:3000]
    plain, fast = Index(), Index()
    plain.add_many(articles)
    _add_from_workers(fast, _chunks(articles, 256), 2)
    assert _state(fast) == _state(plain)
    assert _results(fast) == _results(plain)
