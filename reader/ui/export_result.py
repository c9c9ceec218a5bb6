"""File › Export Current Result: the listed articles, in list order, as JSON Lines or CSV.

The record shape is the command line's (ARCHITECTURE.md), so a file exported from the window and
one from ``main.py export`` are interchangeable.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from reader.library import Library
from reader.model import Article

CSV_FIELDS = (
    "id",
    "title",
    "date",
    "source",
    "url",
    "author",
    "category",
    "tags",
    "body",
    "related",
)


def article_record(article: Article) -> dict[str, object]:
    record: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "category": article.category,
        "tags": list(article.tags),
        "body": article.body,
        "related": list(article.related),
        "appended": [
            {"title": a.title, "body": a.body, "entities": _entities(a.body, a.entities)}
            for a in article.appended
        ],
        "entities": _entities(article.body, article.entities),
        "problems": list(article.problems),
    }
    return record


def _entities(body: str, spans: Sequence[object]) -> list[dict[str, object]]:
    return [
        {"start": s.start, "end": s.end, "type": s.kind, "text": body[s.start : s.end]}  # type: ignore[attr-defined]
        for s in spans
    ]


def export_result(path: Path, fmt: str, library: Library, ids: Sequence[str]) -> int:
    """Write the articles ``ids`` of ``library`` to ``path``; returns how many were written."""
    articles = [library.articles[i] for i in ids if i in library.articles]
    if fmt == "csv":
        # UTF-8 with a BOM: spreadsheet programs then read the Arabic correctly
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_FIELDS)
            for article in articles:
                record = article_record(article)
                writer.writerow(
                    " | ".join(v)
                    if isinstance((v := record[f]), list)
                    else ("" if v is None else v)
                    for f in CSV_FIELDS
                )
    else:
        with path.open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
    return len(articles)
