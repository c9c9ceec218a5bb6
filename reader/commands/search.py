"""``main.py search FOLDER (QUERY | --queries FILE)``: ranked results on standard output.

Text output (the default for one QUERY): a count line, then per result its rank, score, id,
title and a snippet around the best match. JSON Lines (the default for ``--queries``): one line
per query, ``{"query": str, "results": [{"id", "title", "url", "score", "snippet"}]}``
(ARCHITECTURE.md). Problems go to stderr as ``path: reason`` with the one-line summary; a
malformed query is answered (best reading) and its message goes to stderr too. The disk cache (``reader.cache``) answers for a folder seen before: files and
the index snapshot are read back instead of rebuilt (``--no-cache`` reads everything); stderr says
how much it answered. Exit code 0 when
the folder could be read, 2 when it could not (or the queries file cannot be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from reader.index import SearchResult

_ENTITY_FIELDS = ("entity:", "كيان:")


def run(args: argparse.Namespace) -> int:
    from reader.formats.folder import FolderError
    from reader.library import load_library

    if args.query is None and not args.queries:
        print("search: give a QUERY or --queries FILE", file=sys.stderr)
        return 2
    try:
        queries = list(_queries(args))
    except OSError as exc:
        print(f"search: {args.queries}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    # entity recognition costs time; only a query that filters by entity needs it
    needs_entities = any(f in q for q in queries for f in _ENTITY_FIELDS)
    try:
        library = load_library(
            Path(args.folder),
            entities=needs_entities,
            use_cache=not getattr(args, "no_cache", False),
        )
    except FolderError as exc:
        print(f"search: {exc}", file=sys.stderr)
        return 2
    for problem in library.problems:
        print(problem, file=sys.stderr)
    print(library.summary(), file=sys.stderr)
    for note in library.notes:
        print(f"search: {note}", file=sys.stderr)
    if library.use_cache:
        print(f"search: {cache_line(library)}", file=sys.stderr)
    if needs_entities and library.entity_status:
        print(f"search: entity: filters unavailable: {library.entity_status}", file=sys.stderr)
    fmt = args.format or ("jsonl" if args.queries else "text")
    limit = max(0, args.limit)
    try:
        for query in queries:
            result = library.search(query)
            if result.error:
                print(f"search: {query!r}: {result.error}", file=sys.stderr)
            if fmt == "jsonl":
                _write_jsonl(sys.stdout, library, query, result, limit)
            else:
                _write_text(sys.stdout, library, query, result, limit)
            sys.stdout.flush()
    except BrokenPipeError:
        # `| head` closed the pipe: stop quietly, and keep Python from complaining at exit
        sys.stdout = None  # type: ignore[assignment]
    return 0


def cache_line(library) -> str:
    """How much the disk cache answered (stderr), e.g. "cache: 100 of 100 files, index loaded"."""
    stats = library.stats
    files = int(stats.get("cached_files", 0)) + int(stats.get("parsed_files", 0))
    return f"cache: {stats.get('cached_files', 0)} of {files} files, index {stats.get('index')}"


def _queries(args: argparse.Namespace) -> Iterator[str]:
    if not args.queries:
        yield args.query
        return
    text = sys.stdin.read() if args.queries == "-" else Path(args.queries).read_text("utf-8")
    for line in text.splitlines():
        if line.strip():
            yield line.strip()


def _hits(library, result: SearchResult, limit: int) -> Iterator[tuple[int, float, object, str]]:
    for rank, (article_id, score) in enumerate(
        zip(result.ids[:limit], result.scores, strict=False), 1
    ):
        article = library.get(article_id)
        snippet, _ = library.index.snippet(article, result.query)
        yield rank, round(float(score), 4), article, snippet


def _write_jsonl(out: TextIO, library, query: str, result: SearchResult, limit: int) -> None:
    results = [
        {"id": a.id, "title": a.title, "url": a.url, "score": score, "snippet": snippet}
        for _, score, a, snippet in _hits(library, result, limit)
    ]
    out.write(json.dumps({"query": query, "results": results}, ensure_ascii=False) + "\n")


def _write_text(out: TextIO, library, query: str, result: SearchResult, limit: int) -> None:
    shown = min(limit, result.total)
    out.write(f"{result.total} articles match «{query}» (showing {shown})\n")
    for rank, score, a, snippet in _hits(library, result, limit):
        out.write(f"{rank:>3}  {score:8.3f}  {a.id}  {a.title}\n")
        if snippet:
            out.write(f"     {snippet}\n")
