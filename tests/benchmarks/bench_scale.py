"""100,000 articles: cold open, warm reopen, query latency, memory, and the peers (issue 6).

    .venv/bin/python tests/benchmarks/bench_scale.py [--corpus DIR]... [--articles 100000]
        [--skip-entities] [--work DIR] [--json OUT]

Builds a folder of ``--articles`` files in a temporary directory from the ANT corpora (``--corpus``
folders, else ``../shared/corpus/*.tar.xz`` unpacked into a fresh temp dir): each source file is
copied into ``copyN/`` with its DOCNO rewritten, so every article has its own id and the text is
the real news text. Each measurement runs in a fresh child process (``--phase``) so its peak
memory (ru_maxrss) is its own:

1. cold open (empty disk cache, 2 workers): first rows (first ``on_batch``), searchable
   (``load_library(entities=False)`` returns), entities done (``with_entities``);
2. warm reopen of the unchanged folder: searchable, from the file cache and the index snapshot;
3. query latency, median and p95, for single words, phrases, and tag/source-filtered queries,
   every search computing the facet counts (``facet_limit=200``);
4. the same corpus and queries in SQLite FTS5 and tantivy (``pip install .[bench]``), text
   normalised beforehand, top 10 by BM25; filtered queries add a facet count by source;
5. ``main.py search FOLDER --queries FILE`` twice on a fresh cache: times and identical output;
6. parsing with 1 vs 2 worker processes (no cache), and entity tagging with 1 vs 2 workers on a
   sample;
7. ``--phase entities``: the whole folder's entities (what ``with_entities`` does after a cold
   open), run on its own because it takes minutes.

The files are freshly written, so the page cache holds them: "cold" means an empty disk cache,
not cold disk reads (docs/PERFORMANCE.md: reading 100k files cold costs ~12 s more).

Measured (2026-11-29, fourth session, this 2-core sandbox, no other job running; 99,949 articles
from 100,000 files = the two ANT corpora copied; runs on this VM vary by up to ~30%):

| step | ours | note |
|---|---|---|
| cold: first rows (window) | 0.72 s | bench_ui_load.py, fresh cache |
| cold: searchable (window) | 32.8 s | analysis in the parse workers, index built while parsing |
| cold: entities done (window) | 393 s after opening, window 1,264 MB | 2 tagging workers, 680 MB together |
| warm reopen: searchable | 1.86-1.91 s (3 runs), first rows 0.48 s, peak 670 MB | window: 2.12-2.28 s |
| warm reopen: entities from the cache | +8.2-9.2 s, peak 1,254-1,257 MB | index derived (shared postings) |
| query p95, words | 6.1-7.2 ms (median 2.6-3.0) | after the entity stage: 8 facet fields counted |
| query p95, phrases | 5.1-5.6 ms (median 3.2-3.6) | |
| query p95, source/month/entity filtered | 3.0-3.8 ms (median 1.2-1.3) | |
| search CLI on 100k, 1st / 2nd / 3rd run | 24.7 s / 1.19 s / 1.16 s (ratio 0.048), identical | |

Peers (same session, same corpus and queries, text normalised beforehand, top 10): SQLite FTS5
build 12.4 s, +300 MB, p95 words 18.5 ms, phrases 7.0 ms, filtered 66.5 ms; tantivy build 6.1 s,
66 MB on disk, p95 words 0.16 ms, phrases 0.67 ms, filtered 0.37 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

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
]
PHRASES = ['"الأمم المتحدة"', '"البيت الأبيض"', '"مجلس الأمن"', '"الشرق الأوسط"', '"كأس العالم"']
REPEAT = 20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """The resident size now (peak_mb is a high-water mark that an earlier step may have set)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# ------------------------------------------------------------------------------ the folder
def corpus_dirs(given: list[str], work: Path) -> list[Path]:
    if given:
        return [Path(g) for g in given]
    archives = sorted((SHARED / "corpus").glob("*.tar.xz"))
    if not archives:
        sys.exit("no --corpus given and no ../shared/corpus/*.tar.xz")
    out = []
    for archive in archives:
        dest = work / "src" / archive.name.split(".")[0]
        dest.mkdir(parents=True)
        with tarfile.open(archive) as tar:
            tar.extractall(dest, filter="data")
        out.append(dest)
    return out


def build_folder(sources: list[Path], dest: Path, articles: int) -> int:
    files = [
        (src, p)
        for src in sources
        for p in sorted(src.rglob("*"))
        if p.is_file() and p.suffix.lower() in {".txt", ".xml", ".trec"}
    ]
    docno = re.compile(rb"<DOCNO>\s*([^<]*?)\s*</DOCNO>")
    written = 0
    copy = 0
    while written < articles:
        for src, p in files:
            if written >= articles:
                break
            target = dest / f"copy{copy}" / src.name / p.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = p.read_bytes()
            data = docno.sub(
                lambda m, c=copy: b"<DOCNO>" + m.group(1) + f"-c{c}".encode() + b"</DOCNO>", data
            )
            target.write_bytes(data)
            written += 1
        copy += 1
    return written


# ------------------------------------------------------------------------------ the phases
def phase_cold(folder: str, workers: int, entities: bool) -> dict:
    from reader.library.library import load_library, with_entities

    start = time.perf_counter()
    first: list[float] = []
    library = load_library(
        folder,
        entities=False,
        workers=workers,
        on_batch=lambda b: first or first.append(time.perf_counter() - start),
    )
    searchable = time.perf_counter() - start
    library.search("")
    out = {
        "articles": len(library),
        "first_rows_s": first[0] if first else None,
        "searchable_s": searchable,
        "stats": library.stats,
        "peak_mb_searchable": peak_mb(),
    }
    if entities:
        t = time.perf_counter()
        tagged = with_entities(library)
        out["entities_s"] = time.perf_counter() - t
        out["entities_done_s"] = time.perf_counter() - start
        out["entity_status"] = tagged.entity_status
        out["entity_stats"] = tagged.stats
    out["peak_mb"] = peak_mb()
    return out


def _queries(library) -> dict[str, list[tuple[str, object]]]:
    from reader.index import Filters

    # The ANT corpora have no tags: the filtered queries pick a source, or a month (the timeline),
    # or a place (the entity facet) when entities were found
    sources = [v.value for v in library.index.facet_values("source")[:5]]
    months = [v.value for v in library.index.facet_values("month")[:5]]
    places = [v.value for v in library.index.facet_values("LOC")[:5]]
    filtered = [
        (w, Filters(include_sources=frozenset({s})))
        for w, s in zip(WORDS[:5], sources * 5, strict=False)
    ]
    for w, m in zip(WORDS[5:], months, strict=False):
        start = dt.date.fromisoformat(m + "-01")
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        filtered.append((w, Filters(since=start, until=end)))
    filtered += [
        (w, Filters(include_entities=frozenset({("LOC", p)})))
        for w, p in zip(WORDS, places, strict=False)
    ]
    return {
        "word": [(w, None) for w in WORDS],
        "phrase": [(p, None) for p in PHRASES],
        "filtered": filtered,
    }


def _latency(fn, queries) -> dict:
    times = []
    for _ in range(REPEAT):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "n": len(times),
    }


def _describe(f) -> tuple[str, str]:
    if f.include_sources:
        return ("source", next(iter(f.include_sources)))
    if f.include_entities:
        return ("LOC", next(iter(f.include_entities))[1])
    return ("day", f"{f.since.toordinal()}:{f.until.toordinal()}")


def phase_warm(folder: str) -> dict:
    from reader.library.library import load_library

    start = time.perf_counter()
    first: list[float] = []
    library = load_library(
        folder,
        entities=False,
        on_batch=lambda b: first or first.append(time.perf_counter() - start),
    )
    searchable = time.perf_counter() - start
    t = time.perf_counter()
    library.search("ايران")
    first_query = time.perf_counter() - t
    out = {
        "articles": len(library),
        "first_rows_s": first[0] if first else None,
        "searchable_s": searchable,
        "first_query_ms": first_query * 1000,
        "stats": library.stats,
        "notes": library.notes,
        "peak_mb_searchable": peak_mb(),
    }
    # the window's second stage: the spans from the cache (tagged only where missing)
    if library.entity_status == "entities not computed":
        from reader.library.library import with_entities

        library = with_entities(library)
        out["entities_from_cache_s"] = time.perf_counter() - start
        out["entity_stats"] = library.stats
    out["has_entities"] = library.has_entities
    qs = _queries(library)
    out["filters_used"] = [_describe(f) for _, f in qs["filtered"]]
    for kind, items in qs.items():
        out[f"latency_{kind}"] = _latency(lambda q: library.search(q[0], q[1]), items)
        out[f"hits_{kind}"] = [library.search(q, f).total for q, f in items]
    out["peak_mb"] = peak_mb()
    return out


def _peer_corpus(folder: str):
    from reader.library.library import load_library
    from reader.text import normalize

    library = load_library(folder, entities=False)
    docs = [
        (
            normalize(a.title),
            normalize(a.body),
            " ".join(
                normalize(a.body[s.start : s.end]).replace(" ", "_")
                for s in a.entities
                if s.kind == "LOC"
            ),
            a.source or "",
            a.date.toordinal() if a.date else 0,
        )
        for a in library.articles.values()
    ]
    qs = _queries(library)
    plain = {
        kind: [(normalize(q), None if f is None else _describe(f)) for q, f in items]
        for kind, items in qs.items()
    }
    plain["filtered"] = [
        (q, f if f[0] != "LOC" else ("LOC", normalize(f[1]).replace(" ", "_")))
        for q, f in plain["filtered"]
    ]
    del library
    return docs, plain


def phase_fts5(folder: str) -> dict:
    import sqlite3

    docs, queries = _peer_corpus(folder)
    base = rss_mb()
    db = sqlite3.connect(":memory:")
    t = time.perf_counter()
    db.execute(
        "CREATE VIRTUAL TABLE d USING fts5(title, body, places, source UNINDEXED, day UNINDEXED)"
    )
    db.executemany("INSERT INTO d VALUES (?, ?, ?, ?, ?)", docs)
    db.commit()
    build = time.perf_counter() - t
    del docs

    def fts_query(q: str, f) -> str:
        words = q.strip('"')
        text = f'"{words}"' if q.startswith('"') else " ".join(f'"{w}"' for w in words.split())
        if f is not None and f[0] == "LOC":
            return f'{text} AND places:"{f[1]}"'
        return text

    def run(item) -> None:
        q, f = item
        where, params = "d MATCH ?", [fts_query(q, f)]
        if f is not None and f[0] == "source":
            where, params = where + " AND source = ?", [*params, f[1]]
        elif f is not None and f[0] == "day":
            lo, hi = map(int, f[1].split(":"))
            where, params = where + " AND day BETWEEN ? AND ?", [*params, lo, hi]
        db.execute(f"SELECT rowid FROM d WHERE {where} ORDER BY rank LIMIT 10", params).fetchall()
        if f is not None:  # the facet count by source over the result
            db.execute(
                f"SELECT source, count(*) FROM d WHERE {where} GROUP BY source", params
            ).fetchall()

    out = {"build_s": build, "memory_mb": rss_mb() - base}
    for kind, items in queries.items():
        out[f"latency_{kind}"] = _latency(run, items)
    out["peak_mb"] = peak_mb()
    return out


def phase_tantivy(folder: str) -> dict:
    import tantivy

    docs, queries = _peer_corpus(folder)
    base = rss_mb()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False)
    builder.add_text_field("body", stored=False)
    builder.add_text_field("places", stored=False)
    builder.add_text_field("source", stored=False, fast=True, tokenizer_name="raw")
    builder.add_integer_field("day", stored=False, fast=True, indexed=True)
    schema = builder.build()
    tmp = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
    index = tantivy.Index(schema, path=str(tmp))
    t = time.perf_counter()
    writer = index.writer(heap_size=500_000_000, num_threads=2)
    for title, body, places, source, day in docs:
        writer.add_document(
            tantivy.Document(title=title, body=body, places=places, source=source, day=day)
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build = time.perf_counter() - t
    del docs
    searcher = index.searcher()
    agg = {"by_source": {"terms": {"field": "source", "size": 200}}}

    def run(item) -> None:
        q, f = item
        text = q
        if f is not None:
            field, value = f
            if field == "day":
                lo, hi = value.split(":")
                text = f"({text}) AND day:[{lo} TO {hi}]"
            elif field == "LOC":
                text = f'({text}) AND places:"{value}"'
            else:
                text = f'({text}) AND source:"{value}"'
        query = index.parse_query(text, ["title", "body"])
        searcher.search(query, 10)
        if f is not None:
            searcher.aggregate(query, agg)

    out = {"build_s": build, "memory_mb": rss_mb() - base}
    for kind, items in queries.items():
        out[f"latency_{kind}"] = _latency(run, items)
    out["peak_mb"] = peak_mb()
    out["index_dir_mb"] = sum(f.stat().st_size for f in tmp.rglob("*") if f.is_file()) / 2**20
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def phase_entities(folder: str, workers: int) -> dict:
    """Entity tagging of the whole folder (opened from the cache), then the tokens it covered."""
    from reader.library.library import load_library, with_entities
    from reader.text import tokenize

    library = load_library(folder, entities=False, workers=workers)
    start = time.perf_counter()
    tagged = with_entities(library)
    took = time.perf_counter() - start
    tokens = sum(
        sum(1 for _ in tokenize(a.body)) + sum(sum(1 for _ in tokenize(x.body)) for x in a.appended)
        for a in tagged.articles.values()
    )
    return {
        "workers": workers,
        "articles": len(tagged),
        "entities_s": took,
        "tokens": tokens,
        "tokens_per_s": tokens / took,
        "entity_status": tagged.entity_status,
        "spans": sum(len(a.entities) for a in tagged.articles.values()),
        "peak_mb": peak_mb(),
    }


def phase_parse_workers(folder: str, workers: int) -> dict:
    from reader.library.library import LoadProgress, load_library

    start = time.perf_counter()
    parsed_at: list[float] = []

    def progress(p: LoadProgress) -> None:
        if p.stage == "index" and not parsed_at:
            parsed_at.append(time.perf_counter() - start)

    library = load_library(
        folder, entities=False, use_cache=False, workers=workers, progress=progress
    )
    return {
        "workers": workers,
        "parse_s": parsed_at[0],
        "total_s": time.perf_counter() - start,
        "articles": len(library),
    }


def phase_tag_workers(folder: str, workers: int, sample: int) -> dict:
    from reader.library.library import default_recogniser, load_library
    from reader.library.tagging import tag_files
    from reader.text import tokenize

    library = load_library(folder, entities=False)
    articles = list(library.articles.values())[:sample]
    tokens = sum(sum(1 for _ in tokenize(a.body)) for a in articles)
    files = [(a.id, [a]) for a in articles]
    recogniser = default_recogniser()
    t = time.perf_counter()
    for _ in tag_files(files, recogniser, workers=workers):
        pass
    took = time.perf_counter() - t
    return {
        "workers": workers,
        "articles": len(articles),
        "tokens": tokens,
        "s": took,
        "tokens_per_s": tokens / took,
    }


# ------------------------------------------------------------------------------ orchestration
def child(phase: str, *args: str, env: dict | None = None) -> dict:
    cmd = [sys.executable, __file__, "--phase", phase, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_twice(folder: Path, work: Path, env: dict) -> dict:
    queries = work / "queries.txt"
    queries.write_text("\n".join(WORDS + PHRASES) + "\n", encoding="utf-8")
    runs = []
    for _ in range(2):
        t = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "search",
                str(folder),
                "--queries",
                str(queries),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        runs.append((time.perf_counter() - t, done.stdout, done.stderr.strip().splitlines()[-1:]))
    return {
        "first_s": runs[0][0],
        "second_s": runs[1][0],
        "ratio": runs[1][0] / runs[0][0],
        "identical": runs[0][1] == runs[1][1] and bool(runs[0][1]),
        "second_stderr": runs[1][2],
    }


def main() -> None:
    from reader.runtime.allocator import tune_allocator

    tune_allocator()  # as the app does (reader.cli.main)
    ap = argparse.ArgumentParser()
    ap.add_argument("--phase")
    ap.add_argument("--folder")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=int, default=1500)
    ap.add_argument("--entities", action="store_true")
    ap.add_argument("--corpus", action="append", default=[])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--skip-entities", action="store_true")
    ap.add_argument("--work")
    ap.add_argument("--json")
    args = ap.parse_args()
    if args.phase:
        result = {
            "cold": lambda: phase_cold(args.folder, args.workers, args.entities),
            "warm": lambda: phase_warm(args.folder),
            "fts5": lambda: phase_fts5(args.folder),
            "tantivy": lambda: phase_tantivy(args.folder),
            "parse": lambda: phase_parse_workers(args.folder, args.workers),
            "entities": lambda: phase_entities(args.folder, args.workers),
            "tag": lambda: phase_tag_workers(args.folder, args.workers, args.sample),
        }[args.phase]()
        print(json.dumps(result, ensure_ascii=False, default=str))
        return
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    results: dict = {}

    def record(name: str, value: dict) -> None:
        results[name] = value
        print(f"== {name}: {json.dumps(value, ensure_ascii=False, default=str)}", flush=True)
        if args.json:
            Path(args.json).write_text(
                json.dumps(results, ensure_ascii=False, indent=1, default=str)
            )

    folder = work / "folder"
    if not folder.exists():
        folder.mkdir(parents=True)
        t = time.perf_counter()
        n = build_folder(corpus_dirs(args.corpus, work), folder, args.articles)
        record("folder", {"files": n, "build_s": time.perf_counter() - t, "path": str(folder)})
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    shutil.rmtree(work / "cache", ignore_errors=True)
    f = ["--folder", str(folder)]
    record(
        "cold_open",
        child(
            "cold", *f, "--workers", "2", *([] if args.skip_entities else ["--entities"]), env=env
        ),
    )
    record("warm_reopen", child("warm", *f, env=env))
    record("warm_reopen_again", child("warm", *f, env=env))
    record("fts5", child("fts5", *f, env=env))
    record("tantivy", child("tantivy", *f, env=env))
    cli_env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache-cli"))
    shutil.rmtree(work / "cache-cli", ignore_errors=True)
    record("cli_search_twice", cli_twice(folder, work, cli_env))
    for w in (1, 2):
        record(f"parse_{w}_workers", child("parse", *f, "--workers", str(w), env=env))
    for w in (1, 2):
        record(f"tag_{w}_workers", child("tag", *f, "--workers", str(w), env=env))
    ours, peers = results["warm_reopen"], {k: results[k] for k in ("fts5", "tantivy")}
    ratios = {}
    for name, peer in peers.items():
        for kind in ("word", "phrase", "filtered"):
            key = f"latency_{kind}"
            if key in ours and key in peer:
                ratios[f"{kind}_p95_ours_over_{name}"] = ours[key]["p95_ms"] / peer[key]["p95_ms"]
    record("ratios", ratios)


if __name__ == "__main__":
    main()
