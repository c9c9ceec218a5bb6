"""Word clusters from unlabelled news (training time only; needs the ``dev`` extra: gensim).

Names the 125k-token training file never saw still land in the clusters of names it did see:
skip-gram vectors trained on the shared corpus (~10M words), then k-means at three granularities
(64/256/1024 clusters), as in the calibration run of issue 4 (+3.9 F1, PERS +8).

Determinism: one worker thread, a fixed seed, and a hash function that does not depend on
PYTHONHASHSEED (gensim seeds each word's initial vector from ``hashfxn(word)``).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

GRANULARITIES: tuple[int, ...] = (64, 256, 1024, 4096)
MIN_COUNT = 5
SEED = 20240


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Corpus counts and cluster ids of the words seen at least ``MIN_COUNT`` times."""

    words: tuple[str, ...]
    counts: np.ndarray  # int64, one per word
    clusters: np.ndarray  # int32, shape (len(words), len(GRANULARITIES))
    # rarer words: counts only, they still tell the clitic splitter what the corpus spells
    rare_counts: dict[str, int]


def kmeans(vectors: np.ndarray, k: int, iterations: int, seed: int) -> np.ndarray:
    """Spherical k-means (cosine) in numpy; returns the cluster of each row."""
    rng = np.random.default_rng(seed)
    k = min(k, len(vectors))  # a small corpus (tests) has fewer words than clusters
    x = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int32)
    for _ in range(iterations):
        assign = np.empty(len(x), dtype=np.int32)
        for lo in range(0, len(x), 65536):  # bounded memory for the similarity block
            assign[lo : lo + 65536] = np.argmax(x[lo : lo + 65536] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] < 1e-9
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-9))
    return assign


def build_lexicon(
    sentences: Sequence[list[str]],
    *,
    vector_size: int = 100,
    epochs: int = 5,
    # skip-gram with a narrow window groups words by the role they play (a name after الرئيس)
    # more than by topic; on dev it beat CBOW with window 5 by 2 F1 points (69.7 -> 71.8)
    skipgram: bool = True,
    window: int = 3,
    progress: Callable[[str], None] = print,
) -> Lexicon:
    from gensim.models import Word2Vec  # training-only dependency

    counts = Counter(w for s in sentences for w in s)
    progress(f"  corpus: {sum(counts.values()):,} tokens, {len(counts):,} distinct words")
    model = Word2Vec(
        vector_size=vector_size,
        window=window,
        min_count=MIN_COUNT,
        sg=int(skipgram),
        negative=5,
        sample=1e-4,
        workers=1,
        seed=SEED,
        hashfxn=_stable_hash,
    )
    model.build_vocab(sentences)
    progress(f"  word2vec: {len(model.wv):,} words in the vocabulary, {epochs} epochs")
    model.train(sentences, total_examples=model.corpus_count, epochs=epochs)
    words = tuple(model.wv.index_to_key)
    vectors = np.asarray(model.wv.vectors, dtype=np.float32)
    columns = []
    for k in GRANULARITIES:
        progress(f"  k-means: {k} clusters")
        columns.append(kmeans(vectors, k, iterations=12, seed=SEED + k))
    return Lexicon(
        words=words,
        counts=np.array([counts[w] for w in words], dtype=np.int64),
        clusters=np.stack(columns, axis=1).astype(np.int32),
        rare_counts={w: c for w, c in counts.items() if 2 <= c < MIN_COUNT},
    )


def write_lexicon(lexicon: Lexicon, path: Path) -> None:
    """One ``word<TAB>count<TAB>c64<TAB>c256<TAB>c1024`` line per word, most frequent first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("#word\tcount\t" + "\t".join(f"c{k}" for k in GRANULARITIES) + "\n")
        for word, count, row in zip(lexicon.words, lexicon.counts, lexicon.clusters, strict=True):
            out.write(f"{word}\t{count}\t" + "\t".join(str(int(c)) for c in row) + "\n")
        for word, count in sorted(
            lexicon.rare_counts.items(), key=lambda item: (-item[1], item[0])
        ):
            out.write(f"{word}\t{count}\n")


def build_stem_clusters(
    stem_sentences: Sequence[list[str]],
    *,
    vector_size: int = 100,
    epochs: int = 5,
    window: int = 3,
    rare_min: int = 2,
    bucket: int = 2_000_000,
    progress: Callable[[str], None] = print,
) -> dict[str, tuple[int, ...]]:
    """Clusters of clitic-stripped stems from fastText vectors (training time only).

    A second clustering beside the surface-word one: the stem pools a name's clitic forms
    (بوتين, وبوتين, لبوتين), and fastText's character n-grams give the stems seen only
    ``rare_min``..``MIN_COUNT`` times a vector too, so rarer names still get a cluster. Measured
    out of fold on the training part (issue 4): first pass 72.9 -> 73.8, both passes 74.2 -> 74.5-74.7
    (three fastText runs); the same clusters from word2vec (no n-grams) lost 0.4 on the first pass.
    """
    from gensim.models import FastText  # training-only dependency

    counts = Counter(w for s in stem_sentences for w in s)
    model = FastText(
        vector_size=vector_size,
        window=window,
        min_count=MIN_COUNT,
        sg=1,
        negative=5,
        sample=1e-4,
        workers=1,
        seed=SEED,
        hashfxn=_stable_hash,
        bucket=bucket,  # hashed character n-grams (gensim's default)
    )
    model.build_vocab(stem_sentences)
    progress(f"  fastText: {len(model.wv):,} stems in the vocabulary, {epochs} epochs")
    model.train(stem_sentences, total_examples=model.corpus_count, epochs=epochs)
    stems = list(model.wv.index_to_key)
    rare = sorted(
        (w for w, c in counts.items() if rare_min <= c < MIN_COUNT), key=lambda w: (-counts[w], w)
    )
    vectors = np.vstack(
        [np.asarray(model.wv.vectors, dtype=np.float32)]
        + [np.asarray(model.wv[w], dtype=np.float32)[None, :] for w in rare]
    )
    stems += rare
    progress(f"  {len(rare):,} rarer stems placed by their character n-grams")
    columns = []
    for k in GRANULARITIES:
        progress(f"  k-means: {k} stem clusters")
        columns.append(kmeans(vectors, k, iterations=12, seed=SEED + k))
    table = np.stack(columns, axis=1)
    return {stem: tuple(int(c) for c in row) for stem, row in zip(stems, table, strict=True)}


def write_stem_clusters(clusters: dict[str, tuple[int, ...]], path: Path) -> None:
    """One ``stem<TAB>c64<TAB>c256...`` line per stem (read by ``Lexicon.with_stem_clusters``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("#stem\t" + "\t".join(f"c{k}" for k in GRANULARITIES) + "\n")
        for stem, row in clusters.items():
            out.write(stem + "\t" + "\t".join(map(str, row)) + "\n")
