"""Articles as the export formats of the command line: JSON records and CSV rows.

The JSON record is the contract researchers script against; its keys and their order are fixed.
``entities`` keys appear only for annotated articles, so an export made without the recogniser
does not claim that an article names nothing; ``extra`` (the columns of a CSV export the reader
has no field for) only for articles that have some. The reader's own marks (``starred``, ``read``,
``my_tags``, ``note``: issue 18) come last, when the folder's user state is given.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.model import Article, Span
from reader.text.normalize import normalize

if TYPE_CHECKING:
    from reader.entities.identity import Identities
    from reader.storage.state import UserState

# joins list fields in one CSV cell; " | " because commas and "،" occur inside Arabic tags/titles
CSV_LIST_SEPARATOR = " | "
CSV_COLUMNS: tuple[str, ...] = (
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
    "appended",
    "problems",
)
# the reader's own marks, after the article's fields (and after "entities" in JSON)
MARK_COLUMNS: tuple[str, ...] = ("starred", "read", "my_tags", "note")
# Excel opens a CSV file in the machine's legacy code page (Windows-1256 or 1252) unless the file
# starts with a UTF-8 byte-order mark; without it every Arabic letter turns into mojibake.
CSV_BOM = "\ufeff"


def _entities(
    spans: Sequence[Span], text: str, identities: Identities | None
) -> list[dict[str, Any]]:
    # ``canonical``: the name of the span's identity in the folder (reader.entities.identity),
    # null for a span that names nothing (a function word, a fragment)
    if identities is None:
        from reader.entities.identity import Identities

        identities = Identities.empty()
    named = identities.resolve(text, spans)
    return [
        {
            "start": s.start,
            "end": s.end,
            "type": s.kind,
            "text": text[s.start : s.end],
            "canonical": e.name if e is not None else None,
        }
        for s, e in zip(spans, named, strict=True)
    ]


def mark_fields(article_id: str, state: UserState) -> dict[str, Any]:
    """The reader's own marks of one article: starred, read, own tags, note (None when none)."""
    return {
        "starred": state.is_starred(article_id),
        "read": state.is_read(article_id),
        "my_tags": list(state.my_tags(article_id)),
        "note": state.article_note(article_id) or None,
    }


def article_record(
    article: Article,
    *,
    with_entities: bool = False,
    identities: Identities | None = None,
    state: UserState | None = None,
) -> dict[str, Any]:
    """The JSON object of one exported article, keys in the documented order. ``identities``:
    the folder's, naming each entity span (without: each span's own cleaned text). ``state``:
    the folder's user state, whose marks come last."""
    appended: list[dict[str, Any]] = []
    for extra in article.appended:
        item: dict[str, Any] = {"title": extra.title, "body": extra.body}
        if with_entities:
            item["entities"] = _entities(extra.entities, extra.body, identities)
        appended.append(item)
    record: dict[str, Any] = {
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
        "appended": appended,
    }
    if with_entities:
        record["entities"] = _entities(article.entities, article.body, identities)
    record["problems"] = list(article.problems)
    if article.extra:
        record["extra"] = dict(article.extra)
    if state is not None:
        record.update(mark_fields(article.id, state))
    return record


def jsonl_line(
    article: Article,
    *,
    with_entities: bool = False,
    identities: Identities | None = None,
    state: UserState | None = None,
) -> str:
    """One line of JSON Lines, newline included; Arabic written as itself, not as \\u escapes."""
    record = article_record(
        article, with_entities=with_entities, identities=identities, state=state
    )
    return json.dumps(record, ensure_ascii=False) + "\n"


def csv_header(
    *, with_entities: bool = False, with_extra: bool = False, with_marks: bool = False
) -> list[str]:
    """The columns: the reader's marks after the article's fields, ``extra`` last and only when
    an exported article has extra fields."""
    marks = list(MARK_COLUMNS) if with_marks else []
    columns = [*CSV_COLUMNS, *marks, "entities"] if with_entities else [*CSV_COLUMNS, *marks]
    return [*columns, "extra"] if with_extra else columns


def csv_row(
    article: Article,
    *,
    with_entities: bool = False,
    with_extra: bool = False,
    state: UserState | None = None,
) -> list[str]:
    """One CSV row in ``csv_header`` order; lists joined with ``CSV_LIST_SEPARATOR``.

    CSV is for spreadsheets: the appended articles keep only their titles here (JSON Lines has
    them whole), entities are written ``text (TYPE)``, the extra fields as a JSON object (their
    values may hold any separator).
    """
    join = CSV_LIST_SEPARATOR.join
    row = [
        article.id,
        article.title,
        article.date.isoformat() if article.date else "",
        article.source or "",
        article.url or "",
        article.author or "",
        article.category or "",
        join(article.tags),
        article.body,
        join(article.related),
        join(extra.title for extra in article.appended),
        join(article.problems),
    ]
    if state is not None:
        marks = mark_fields(article.id, state)
        row += [
            "yes" if marks["starred"] else "",
            "yes" if marks["read"] else "",
            join(marks["my_tags"]),
            marks["note"] or "",
        ]
    if with_entities:
        row.append(join(f"{article.body[s.start : s.end]} ({s.kind})" for s in article.entities))
    if with_extra:
        row.append(json.dumps(dict(article.extra), ensure_ascii=False) if article.extra else "")
    return row


def csv_line(values: Iterable[str]) -> str:
    """``values`` as one CSV record (RFC 4180 quoting, CRLF line end as Excel expects)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(list(values))
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class FieldFilter:
    """The export filters that need no index: tags (all of them), source, date range.

    Tags and sources match after Arabic normalisation (``reader.text.normalize``), so ``غزة`` selects the
    articles tagged ``غزه``. Date bounds are inclusive; an undated article never passes one.
    """

    tags: tuple[str, ...] = ()
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def is_empty(self) -> bool:
        return self == FieldFilter()

    def matches(self, article: Article) -> bool:
        if self.since is not None and (article.date is None or article.date < self.since):
            return False
        if self.until is not None and (article.date is None or article.date > self.until):
            return False
        if self.source is not None and _norm(article.source or "") != _norm(self.source):
            return False
        if self.tags:
            have = {_norm(tag) for tag in article.tags}
            if not all(_norm(tag) in have for tag in self.tags):
                return False
        return True


def _norm(text: str) -> str:
    return " ".join(normalize(text).split())
