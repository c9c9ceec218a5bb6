"""Search benchmark (issue 3): quality, the SQLite FTS5 peer, speed and memory, in one run.

    .venv/bin/python tests/benchmarks/bench_search.py                  # unpacks ../shared/corpus/*.tar.xz
    .venv/bin/python tests/benchmarks/bench_search.py --corpus DIR [--corpus DIR ...]

Quality is a known-item test built from the corpus with a fixed seed: for a few hundred articles
whose title is unique, a query of 2-3 title words typed the way a person might (hamza dropped, ة
typed as ه, ال added or removed, a clitic attached, a stray diacritic). success@10 and MRR@10 are
reported for each stemmer (light10 / snowball / none) and for SQLite FTS5 (in memory,
``unicode61 remove_diacritics 2``) with the same queries, ANDed and ORed.

Speed: time to index every article (parsing is timed apart), median and 95th-percentile latency of
``Index.search`` (which always computes every facet's counts and the timeline, as the UI asks) for
single words, two-word queries, quoted phrases and source-filtered queries (the ANT corpora carry no
tags; a source filter is the same bitmap operation), and the index's memory (RSS growth while
building, and tracemalloc's count of live Python allocations after it).

Measured on the 2-core sandbox (both ANT corpora, 41,661 articles, seed 20240229, 300 queries).
The last run shared the machine with other jobs (load average ~4.5 on 2 cores); on a quiet machine
the light10 build took 9.5-11 s and the latencies were about 20 % lower.

    stemmer    success@10  MRR@10   build                      ← light10 is the default
    light10      0.990     0.916   18.8 s (quiet: 9.5 s), RSS +288 MB, 209 MB of Python objects
    snowball     0.877     0.820   17.2 s
    none         0.710     0.674   17.6 s
    FTS5 AND     0.027     0.022    8.9 s (FTS5 splits Arabic words at diacritics, folds no hamza)
    FTS5 OR      0.370     0.232
    (--seed 7 --queries 400: light10 0.990 / 0.925)

    latency (ms)      median   p95    (Index.search with all facet counts + timeline)
    single word        1.48   12.7    (quiet: 0.9 / 4.9)
    two words          0.60    2.6
    phrase             0.54    2.4    (worst 49 ms; two common words scan all 10M tokens)
    word + source      0.58    1.4
    empty query        3.8     5.4    (all 41,661 ids, newest first)
    FTS5 single word   1.05   27.6    (top 10 only)

At 100,000 articles (the corpus repeated, quiet machine): build 25.8 s, RSS +492 MB, single word
median 1.8 ms / p95 14 ms, phrase 0.9 / 6.4 ms, empty query 12.9 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sqlite3
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from known_items import known_item_queries, quality, rank_of  # noqa: E402

from reader.formats import read_folder  # noqa: E402
from reader.index import Index  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.text import tokenize  # noqa: E402
from reader.text.stem import STEMMERS  # noqa: E402


# ------------------------------------------------------------------------------ the corpus
def corpus_dirs(given: Sequence[str], scratch: Path) -> list[Path]:
    if given:
        return [Path(d) for d in given]
    archives = sorted((ROOT.parent / "shared" / "corpus").glob("*.tar.xz"))
    if not archives:
        sys.exit("no --corpus given and no ../shared/corpus/*.tar.xz to unpack")
    for archive in archives:
        print(f"unpacking {archive.name} …", file=sys.stderr)
        with tarfile.open(archive) as tar:
            tar.extractall(scratch / archive.name.split(".")[0], filter="data")
    return [scratch / a.name.split(".")[0] for a in archives]


def load(dirs: list[Path]) -> list[Article]:
    articles: list[Article] = []
    for d in dirs:
        result = read_folder(d)
        # ids are relative to their folder; prefix them so two corpora cannot collide
        articles += [_prefixed(a, d.name) for a in result.articles]
        print(f"  {d}: {result.summary()}", file=sys.stderr)
    return articles


def _prefixed(article: Article, prefix: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, id=f"{prefix}/{article.id}")


# ------------------------------------------------------------------------------- measuring
def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def latency(index: Index, queries: list[str], **kw: object) -> tuple[float, float, float]:
    times = []
    for q in queries:
        t = time.perf_counter()
        index.search(q, **kw)  # type: ignore[arg-type]
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 0.95), max(times)


def speed_queries(articles: list[Article], seed: int, n: int) -> dict[str, list[str]]:
    rng = random.Random(seed + 1)
    sample = rng.sample(articles, n)
    single, double, phrase, filtered, prefix = [], [], [], [], []
    for a in sample:
        toks = [t.text for t in tokenize(a.body) if len(t.norm) >= 3]
        if len(toks) < 3:
            continue
        i = rng.randrange(len(toks) - 1)
        single.append(toks[i])
        double.append(f"{toks[i]} {rng.choice(toks)}")
        phrase.append(f'"{toks[i]} {toks[i + 1]}"')
        filtered.append(f'{rng.choice(toks)} source:"{a.source}"')
        prefix.append(toks[i][: rng.choice((2, 3, 4))] + "*")
    return {
        "single word": single,
        "two words": double,
        "phrase": phrase,
        "word + source": filtered,
        "prefix (2-4)*": prefix,
    }


def fts5(articles: list[Article], kiq: list[tuple[str, str, list[str]]], words: list[str]) -> None:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE a USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
    )
    t = time.perf_counter()
    with db:
        db.executemany(
            "INSERT INTO a(rowid, title, body) VALUES (?, ?, ?)",
            ((i, a.title, a.body) for i, a in enumerate(articles)),
        )
    build = time.perf_counter() - t
    row_of = {a.id: i for i, a in enumerate(articles)}

    def run(q: str) -> list[int]:
        try:
            return [
                r[0]
                for r in db.execute(
                    "SELECT rowid FROM a WHERE a MATCH ? ORDER BY rank LIMIT 10", (q,)
                )
            ]
        except sqlite3.OperationalError:
            return []

    def quoted(q: str, op: str) -> str:
        return f" {op} ".join('"' + w.replace('"', "") + '"' for w in q.split())

    for op in ("AND", "OR"):
        ranks = []
        for q, target, _ in kiq:
            rows = run(quoted(q, op))
            ranks.append(rows.index(row_of[target]) + 1 if row_of[target] in rows else None)
        s, m = quality(ranks)
        print(f"  FTS5 ({op:3})      success@10 {s:.3f}  MRR@10 {m:.3f}")
    times = []
    for w in words:
        t = time.perf_counter()
        run(quoted(w, "AND"))
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"  FTS5 build {build:.1f} s; single word top-10 median {statistics.median(times):.2f} ms,"
        f" p95 {pct(times, 0.95):.2f} ms"
    )


def main() -> int:
    from reader.runtime.allocator import tune_allocator

    tune_allocator()  # as the app does (reader.cli.main)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus", action="append", default=[], help="a folder of articles (repeatable)"
    )
    ap.add_argument("--queries", type=int, default=300, help="known-item queries")
    ap.add_argument("--latency-queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20240229)
    ap.add_argument("--stemmers", default=",".join(STEMMERS))
    ap.add_argument("--no-fts", action="store_true")
    ap.add_argument("--show-misses", type=int, default=8)
    args = ap.parse_args()
    stemmers = args.stemmers.split(",")

    with tempfile.TemporaryDirectory(prefix="bench_search_") as scratch:
        t = time.perf_counter()
        articles = load(corpus_dirs(args.corpus, Path(scratch)))
        print(
            f"read {len(articles)} articles in {time.perf_counter() - t:.1f} s (not part of the index build)"
        )
        kiq = known_item_queries(articles, args.queries, args.seed)
        perturbations = Counter(p for _, _, applied in kiq for p in applied)
        print(
            f"known-item queries: {len(kiq)} ({dict(perturbations)}); e.g. {[q for q, _, _ in kiq[:4]]}"
        )
        speed = speed_queries(articles, args.seed, args.latency_queries)

        print("\nquality (known item, 2-3 title words typed like a person)")
        for name in stemmers:
            gc.collect()
            before = rss_mb()
            t = time.perf_counter()
            index = Index(name)
            index.add_many(articles)
            index.search("")  # the last block of postings is sealed on first search
            build = time.perf_counter() - t
            grown = rss_mb() - before
            ranks = [rank_of(index.search(q).ids, target) for q, target, _ in kiq]
            s, m = quality(ranks)
            print(
                f"  {name:9} success@10 {s:.3f}  MRR@10 {m:.3f}   (build {build:.1f} s, RSS +{grown:.0f} MB)"
            )
            if name == stemmers[0]:
                misses = [
                    (q, tgt, ap_) for (q, tgt, ap_), r in zip(kiq, ranks, strict=True) if r is None
                ]
                for q, target, applied in misses[: args.show_misses]:
                    title = next(a.title for a in articles if a.id == target)
                    print(f"      miss: {q!r} ({', '.join(applied)}) for «{title}»")
                print("\nspeed (Index.search with all facet counts and the timeline)")
                print(
                    f"  index build {build:.1f} s for {len(index)} articles; RSS grew {grown:.0f} MB"
                )
                for kind, queries in speed.items():
                    med, p95, worst = latency(index, queries)
                    print(
                        f"  {kind:14} median {med:6.2f} ms  p95 {p95:6.2f} ms  max {worst:6.1f} ms  ({len(queries)} queries)"
                    )
                med, p95, _ = latency(index, [""] * 20)
                print(
                    f"  {'everything':14} median {med:6.2f} ms  p95 {p95:6.2f} ms  (empty query, {len(index)} ids)"
                )
                kept = index
            del index
        if not args.no_fts:
            print("\npeer: SQLite FTS5, unicode61 remove_diacritics 2, in memory")
            fts5(articles, kiq, speed["single word"])
        del kept
        gc.collect()
        import tracemalloc

        tracemalloc.start()
        index = Index(stemmers[0])
        index.add_many(articles)
        index.search("")
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"\nmemory: index ({stemmers[0]}) holds {current / 2**20:.0f} MB of Python allocations"
            f" (peak while building {peak / 2**20:.0f} MB); process peak RSS"
            f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
