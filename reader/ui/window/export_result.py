"""File › Export Current Result: the listed articles, in list order, as JSON Lines or CSV.

The records are the command line's (reader.library.export), so a file exported from the window and one
from ``main.py export`` are interchangeable.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.output import Output
from reader.library.export import CSV_BOM, csv_header, csv_line, csv_row, jsonl_line
from reader.library.library import Library
from reader.model import Article
from reader.storage.state import UserState

if TYPE_CHECKING:
    from reader.entities.identity import Identities


def export_result(
    path: Path, fmt: str, library: Library, ids: Sequence[str], state: UserState | None = None
) -> int:
    """Write the articles ``ids`` of ``library`` to ``path``; returns how many were written."""
    articles = current_articles(library, ids)
    identities = library.identities if library.has_entities else None
    return export_articles(
        path,
        fmt,
        articles,
        with_entities=library.has_entities,
        identities=identities,
        state=state,
    )


def current_articles(library: Library, ids: Sequence[str]) -> list[Article]:
    """The articles of ``ids`` still in ``library``. Take them on the thread that owns the library
    (a live folder changes it between events), then write them from any thread."""
    articles = library.articles
    return [a for a in map(articles.get, ids) if a is not None]


def export_articles(
    path: Path,
    fmt: str,
    articles: Sequence[Article],
    *,
    with_entities: bool,
    identities: Identities | None = None,
    state: UserState | None = None,
) -> int:
    """Write ``articles`` to ``path`` as JSON Lines or CSV; returns how many were written.
    ``identities``: the folder's, giving each entity span its canonical name. ``state``: the
    folder's user state, whose marks (starred, read, own tags, note) are added."""
    marks = state is not None
    with path.open("wb") as handle:
        out = Output(handle)  # a lone surrogate (a cut emoji) is written as U+FFFD, not raised
        if fmt == "csv":
            extra = any(article.extra for article in articles)
            header = csv_header(with_entities=with_entities, with_extra=extra, with_marks=marks)
            out.write(CSV_BOM + csv_line(header))
            for article in articles:
                row = csv_row(article, with_entities=with_entities, with_extra=extra, state=state)
                out.write(csv_line(row))
        else:
            for article in articles:
                line = jsonl_line(
                    article, with_entities=with_entities, identities=identities, state=state
                )
                out.write(line)
    return len(articles)
