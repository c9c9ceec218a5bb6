"""``main.py export FOLDER``: every article of a folder as JSON Lines or CSV on standard output.

A thin layer: read the folder (``reader.library.library.load_library``, through the disk cache), filter,
serialise (``reader.library.export``). Problems go to stderr as ``path: reason`` with a one-line summary; the exit
code is 0 when the folder could be read at all, 2 when it could not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.output import Output, tell
from reader.library.export import CSV_BOM, FieldFilter, csv_header, csv_line, csv_row, jsonl_line
from reader.model import Article
from reader.storage.state import UserState, state_path

if TYPE_CHECKING:
    from reader.entities.identity import Identities
    from reader.library.library import Library


class _Unavailable(Exception):
    """A requested filter cannot run (e.g. no entity model); the message says why."""


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except KeyboardInterrupt:  # Ctrl-C: a short message, not a traceback (128 + SIGINT)
        print("export: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from reader.formats import FolderError
    from reader.library.library import load_library

    try:
        # entity spans come along when the cache has them for every file; else only the
        # selected articles are tagged below (cheaper than tagging the folder)
        library = load_library(
            Path(args.folder), entities=False, use_cache=not getattr(args, "no_cache", False)
        )
    except FolderError as exc:
        tell("export", exc)
        return 2
    for problem in library.problems:
        print(problem, file=sys.stderr)
    for note in library.notes:
        tell("export", note)
    articles = list(library.articles.values())
    try:
        articles, with_entities = _select(library, articles, args)
    except _Unavailable as exc:
        tell("export", exc)
        return 2
    out = Output(sys.stdout.buffer)
    # the reader's marks from the window, when the folder has any (so a folder never opened in
    # the window exports as before); read-only: a damaged state file is only reported
    state = None
    if state_path(Path(args.folder)).exists():
        state = UserState(Path(args.folder), readonly=True)
        if state.note:
            tell("export", state.note)
    identities = _identities(library, articles) if with_entities else None
    _write(articles, args.format, with_entities, out, identities, state=state)
    if ending := out.note():
        tell("export", ending)
    print(_summary(library), file=sys.stderr)
    return 0


def _summary(library: Library) -> str:
    """The one-line summary of the command-line contract (files that gave articles, skipped)."""
    from reader.formats.folder import summary_line
    from reader.library.record import read_paths

    read = read_paths(library.articles.values())
    return summary_line(len(library.articles), len(read), library.skipped_paths())


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _select(
    library: Library, articles: list[Article], args: argparse.Namespace
) -> tuple[list[Article], bool]:
    """The articles that pass every filter, in folder order, and whether they carry entities."""
    fields = FieldFilter(
        tags=tuple(args.tag or ()),
        source=args.source,
        since=_date(args.since),
        until=_date(args.until),
    )
    if not fields.is_empty():
        articles = [a for a in articles if fields.matches(a)]
    entities = list(getattr(args, "entity", None) or ())
    if args.query and not entities:
        # search first: tagging only the matches is much cheaper than tagging the folder
        articles = _search(articles, args.query, [])
    with_entities = False
    if entities or not getattr(args, "no_entities", False):
        if library.has_entities:  # spans read back from the disk cache with the articles
            with_entities = True
        else:
            articles, with_entities = _annotate(library, articles, required=bool(entities))
    if entities:
        articles = _search(articles, args.query or "", entities)
    return articles, with_entities


def _annotate(
    library: Library, articles: list[Article], *, required: bool
) -> tuple[list[Article], bool]:
    """Articles with entity spans, and whether they have them: as a folder's entity stage has
    them, from the disk cache or tagged on every idle core and cached for the next run
    (``reader.library.library.tagged_articles``).

    Without a usable model the export still runs (the records then have no ``entities`` key) and
    stderr says why; only ``--entity`` cannot do without it.
    """
    from reader.library.library import tagged_articles

    tagged, reason = tagged_articles(library, articles)
    if reason is not None:
        if required:
            raise _Unavailable(f"--entity needs the entity recogniser: {reason}")
        tell("export", f"entities left out: {reason}")
        return articles, False
    return tagged, True


def _search(articles: list[Article], query: str, entities: list[str]) -> list[Article]:
    """Articles matching the query and naming every entity, kept in folder order."""
    from reader.index import Filters, Index

    index = Index()
    index.add_many(articles)
    filters = Filters(include_entities=frozenset(("*", e) for e in entities))
    result = index.search(query, filters)
    if result.error:
        tell("export", f"--query: {result.error}")
    if result.relaxed:
        # an export takes the articles that match: the window's most-words list is said, not
        # exported
        held, words = result.relaxed
        tell(
            "export",
            f"--query: no article holds all {words} words ({result.total} hold {held}); "
            "nothing exported",
        )
        return []
    # a search lists one copy of a text; an export keeps every file's article
    wanted = set(result.ids)
    for article_id in result.ids if result.copies else ():
        wanted.update(index.copies(article_id))
    return [a for a in articles if a.id in wanted]


def _identities(library: Library, articles: list[Article]) -> Identities:
    """The folder's entity identities (worked out with its index when its spans came from the
    cache), else those of the exported articles, the ones tagged here."""
    from reader.entities.identity import build_identities

    if library.has_entities and library.identities is not None:
        return library.identities
    return build_identities([(a.body, a.entities) for a in articles])


def _write(
    articles: Iterable[Article],
    fmt: str,
    with_entities: bool,
    out: Output,
    identities: Identities | None = None,
    *,
    state: UserState | None = None,
) -> None:
    """Write and flush line by line, so ``export … | head`` shows output at once and ends cleanly."""
    try:
        if fmt == "csv":
            articles = list(articles)
            extra = any(article.extra for article in articles)
            header = csv_header(
                with_entities=with_entities, with_extra=extra, with_marks=state is not None
            )
            out.write(CSV_BOM + csv_line(header))
            for article in articles:
                row = csv_row(article, with_entities=with_entities, with_extra=extra, state=state)
                out.write(csv_line(row), article.id)
                out.flush()
        else:
            for article in articles:
                line = jsonl_line(
                    article, with_entities=with_entities, identities=identities, state=state
                )
                out.write(line, article.id)
                out.flush()
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head``). Point stdout at /dev/null so the interpreter's own
        # flush at exit does not raise a second time (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
