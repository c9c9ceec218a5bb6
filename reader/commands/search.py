"""``main.py search FOLDER (QUERY | --queries FILE)``: ranked results on standard output.

Text output (the default for one QUERY): a count line, then per result its rank, score, id,
title and a snippet around the best match. JSON Lines (the default for ``--queries``): one line
per query, ``{"query": str, "results": [{"id", "title", "url", "score", "snippet"}]}``, with
``"words_held"`` and ``"words"`` when no article had every word and the results hold the most,
``"copies_left_out"`` when copies of a listed text were left out (a search lists each text once)
Problems go to stderr as ``path: reason`` with the one-line summary; a
malformed query is answered (best reading) and its message goes to stderr too. The disk cache
(``reader.storage.cache``) answers for a folder seen before: files and the index snapshot are read back
instead of rebuilt, and an unchanged folder is answered from the snapshot alone, the hits'
articles read by file (``reader.library.warm``); ``--no-cache`` reads everything. Stderr says how much the
cache answered. Exit code 0 when the folder could be read, 2 when it could not (or the queries
file cannot be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.output import Output, tell
from reader.index import SearchResult
from reader.library.warm import WarmFolder
from reader.model import Article

if TYPE_CHECKING:
    from reader.index.marks import Marks
    from reader.library.library import Library

_ENTITY_FIELDS = ("entity:", "كيان:")


def run(args: argparse.Namespace) -> int:
    from reader.formats.scan import FolderError

    if args.query is None and not args.queries:
        tell("search", "give a QUERY or --queries FILE")
        return 2
    try:
        queries = list(_queries(args))
    except OSError as exc:
        tell("search", f"{args.queries}: {exc.strerror or exc}")
        return 2
    # entity recognition costs time; only a query that filters by entity needs it
    needs_entities = any(f in q for q in queries for f in _ENTITY_FIELDS)
    limit = max(0, args.limit)
    marks, state_note = _marks(Path(args.folder))
    if state_note:
        tell("search", state_note)
    try:
        folder, answers, notes = _answer(args, queries, needs_entities, limit, marks)
    except FolderError as exc:
        tell("search", exc)
        return 2
    for problem in folder.problems:
        print(problem, file=sys.stderr)
    print(folder.summary(), file=sys.stderr)
    for note in notes:
        tell("search", note)
    if not getattr(args, "no_cache", False):
        tell("search", cache_line(folder))
    if needs_entities and (status := getattr(folder, "entity_status", None)):
        tell("search", f"entity: filters unavailable: {status}")
    fmt = args.format or ("jsonl" if args.queries else "text")
    sys.stdout.flush()
    out = Output(sys.stdout.buffer)
    try:
        for query, result, hits in answers:
            if result.error:
                tell("search", f"{query!r}: {result.error}")
            if fmt == "jsonl":
                _write_jsonl(out, query, hits, result)
            else:
                _write_text(out, query, result, hits, limit)
            out.flush()
    except BrokenPipeError:
        # `| head` closed the pipe: stop quietly, and keep Python from complaining at exit
        sys.stdout = None
    if ending := out.note():
        tell("search", ending)
    return 0


_Hit = tuple[int, float, Article, str]
_Answer = tuple[str, SearchResult, list[_Hit]]


def _marks(root: Path) -> tuple[Marks | None, str | None]:
    """The reader's stars, read marks, own tags and notes of the folder (``is:starred``,
    ``mytag:``, ``note:`` answer from them as in the window); read-only: a damaged state file
    is only reported."""
    from reader.storage.state import UserState, state_path

    if not state_path(root).exists():
        return None, None
    state = UserState(root, readonly=True)
    return state.marks(), state.note or None


def _answer(
    args: argparse.Namespace,
    queries: list[str],
    needs_entities: bool,
    limit: int,
    marks: Marks | None = None,
) -> tuple[Library | WarmFolder, list[_Answer], list[str]]:
    """(the folder, each query with its result and hits, notes about the cache).

    A folder seen before and unchanged is answered from the cache alone (``reader.library.warm``); if
    anything there does not fit, even an article of a hit, the folder is loaded in full."""
    from reader.library.library import load_library
    from reader.library.loading import never_stop, scan
    from reader.library.warm import open_warm

    root = Path(args.folder)
    use_cache = not getattr(args, "no_cache", False)
    scanned = None
    notes: list[str] = []
    # entity filters need the articles' spans, which only a full load gives
    if use_cache and not needs_entities:
        scanned = scan(root, never_stop)
        warm, notes = open_warm(root, scanned)
        if warm is not None:
            try:
                return warm, [_hits(warm, q, limit, marks) for q in queries], notes + warm.notes
            except LookupError:
                pass  # a file changed under us: read the folder
            finally:
                warm.close()
    # a patched snapshot is saved, so the next run on the folder as it is now is answered
    # from the cache alone
    library = load_library(
        root, entities=needs_entities, use_cache=use_cache, scanned=scanned, save_patched=True
    )
    notes += [n for n in library.notes if n not in notes]
    return library, [_hits(library, q, limit, marks) for q in queries], notes


def _hits(
    folder: Library | WarmFolder, query: str, limit: int, marks: Marks | None = None
) -> _Answer:
    result = folder.search(query, marks=marks)
    ids = result.ids[:limit]
    articles = folder.fetch(ids) if isinstance(folder, WarmFolder) else folder.articles
    hits = []
    for rank, (article_id, score) in enumerate(zip(ids, result.scores, strict=False), 1):
        article = articles[article_id]
        snippet, _ = folder.index.snippet(article, result.query)
        hits.append((rank, round(float(score), 4), article, snippet))
    return query, result, hits


def _count(stats: Mapping[str, object], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def cache_line(folder: Library | WarmFolder) -> str:
    """How much the disk cache answered (stderr), e.g. "cache: 100 of 100 files, index loaded"."""
    stats = folder.stats
    files = _count(stats, "cached_files") + _count(stats, "parsed_files")
    return f"cache: {stats.get('cached_files', 0)} of {files} files, index {stats.get('index')}"


def _queries(args: argparse.Namespace) -> Iterator[str]:
    if not args.queries:
        yield args.query
        return
    text = sys.stdin.read() if args.queries == "-" else Path(args.queries).read_text("utf-8")
    for line in text.splitlines():
        if line.strip():
            yield line.strip()


def _write_jsonl(out: Output, query: str, hits: list[_Hit], result: SearchResult) -> None:
    # cleaned field by field, so the note names the article that held a lone surrogate
    results = [
        {
            "id": out.clean(a.id, a.id),
            "title": out.clean(a.title, a.id),
            "url": out.clean(a.url, a.id) if a.url is not None else None,
            "score": score,
            "snippet": out.clean(snippet, a.id),
        }
        for _, score, a, snippet in hits
    ]
    record: dict[str, object] = {"query": out.clean(query, query), "results": results}
    if result.relaxed:
        # no article had every word: these hold the most of them
        record["words_held"], record["words"] = result.relaxed
    if result.copies:
        record["copies_left_out"] = result.copies
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_text(
    out: Output, query: str, result: SearchResult, hits: list[_Hit], limit: int
) -> None:
    shown = min(limit, result.total)
    if result.relaxed:
        held, words = result.relaxed
        line = (
            f"no article has all {words} words of «{query}»; "
            f"{result.total} articles have {held} of them (showing {shown})"
        )
    else:
        line = f"{result.total} articles match «{query}» (showing {shown})"
    if result.copies:
        line += f"; {result.copies} copies of their texts left out"
    out.write(line + "\n", query)
    for rank, score, a, snippet in hits:
        out.write(f"{rank:>3}  {score:8.3f}  {a.id}  {a.title}\n", a.id)
        if snippet:
            out.write(f"     {snippet}\n", a.id)
