"""Metadata sidecars: a ``.csv``/``.tsv`` next to the pages, naming them, with their title, date, url.

Scrapers often save each page's text in a file of its own and its metadata in one table beside
them (``file,title,date,url``). Such a table has no text column; a column of it names files of its
folder (``csv_files.file_column``). Parsing it gives no article and no problem; once the folder's
files are parsed, ``apply_sidecars`` reads it again and fills its fields into those files'
articles. Every path that brings a folder's articles together goes through it:
``reader.library.loading.read_files`` (the command line and the window), ``reader.formats.folder.read_folder``
and live changes (``reader.library.live``).

Cached rows keep each file's own articles and the join is made again on every load (reading the
folder's tables without articles again: few, and only in folders that have them). What is derived
from the joined articles must not outlive a sidecar's edit, the pages being unchanged: such a
folder's index is not kept as a snapshot (``reader.library.library``), and a page whose body the join
changed keeps no entity spans in the cache (``Joined.reshaped``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.formats.csv_files import file_column, named_file, names_file_in
from reader.formats.csvfmt import (
    CSV_SUFFIXES,
    cell,
    map_columns,
    read_table,
    row_date,
)
from reader.formats.decode import NotText, decode_bytes
from reader.formats.file_bytes import MAX_FILE_BYTES
from reader.formats.jsonfmt import _text
from reader.formats.parse import relative_id
from reader.formats.titles import DERIVED_TITLE_NOTES
from reader.model import Article, LoadProblem

_SENTENCE_ENDS = (".", "!", "?", "؟")
_CSV_ENDINGS = tuple(CSV_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Meta:
    """What a sidecar's row says about one file."""

    sidecar: str
    row: int
    title: str = ""
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    category: str | None = None
    # the row's date cell when it could not be read
    bad_date: str = ""


@dataclass(frozen=True, slots=True)
class Sidecar:
    path: str
    # relative path of a file of the folder -> its row's metadata
    files: dict[str, Meta]
    problems: tuple[LoadProblem, ...] = ()


def is_candidate(rel: str) -> bool:
    """Whether a file that gave no article may be a sidecar (a ``.csv`` or ``.tsv``)."""
    return rel.lower().endswith(_CSV_ENDINGS)


@dataclass(frozen=True, slots=True)
class Joined:
    """Articles with their sidecars' fields, and what the join found on the way."""

    # in the order given; an article no sidecar changed is the same object
    articles: list[Article]
    # rows naming a file that is not in the folder
    problems: list[LoadProblem]
    # the candidates that are sidecars
    sidecars: tuple[str, ...] = ()
    # files whose articles' bodies the join changed (a first paragraph given back): entity spans
    # cached for such a file were found on another body, so the loaders neither use nor store them
    reshaped: frozenset[str] = frozenset()


def apply_sidecars(root: Path, candidates: Iterable[str], articles: Sequence[Article]) -> Joined:
    """``articles`` with the metadata of the sidecars among ``candidates`` (relative paths of
    table files that gave no article) joined on."""
    sidecars = [s for s in (read_sidecar(root, rel) for rel in candidates) if s is not None]
    out = join_sidecars(sidecars, articles)
    reshaped = frozenset(
        new.path for new, old in zip(out, articles, strict=True) if new.body is not old.body
    )
    problems = [p for s in sidecars for p in s.problems]
    return Joined(out, problems, tuple(s.path for s in sidecars), reshaped)


def read_sidecar(root: Path, rel: str) -> Sidecar | None:
    """The sidecar at ``root/rel``, or None when that file is not one (or cannot be read now)."""
    path = root / rel
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        text = decode_bytes(path.read_bytes()).text
    except (OSError, NotText):
        return None
    # the header first: an article table (a text column) is no sidecar, and its rows may be many
    if "body" in map_columns(read_table(text, path.suffix.lower(), max_rows=0).header).fields:
        return None
    table = read_table(text, path.suffix.lower())
    columns = map_columns(table.header)
    here = path.parent
    column = file_column(table, columns, lambda value: names_file_in(here, value))
    if column is None:
        return None
    folder = posixpath.dirname(rel)
    files: dict[str, Meta] = {}
    problems: list[LoadProblem] = []
    for number, line, cells in table.rows:
        name = cells[column].strip().replace("\\", "/") if column < len(cells) else ""
        if not name:
            continue
        found = named_file(here, name)
        if Path(found or name).is_absolute():
            target = relative_id(Path(found or name), root)
        else:
            target = posixpath.normpath(posixpath.join(folder, found or name))
        if found is None:
            reason = f"named by {rel} (row {number}, line {line}) but not in the folder"
            problems.append(LoadProblem(target, reason))
            continue
        notes: list[str] = []
        date = row_date(cell(cells, columns, "date"), notes)
        files[target] = Meta(
            sidecar=rel,
            row=number,
            title=_text(cell(cells, columns, "title")),
            date=date,
            url=_text(cell(cells, columns, "url")) or None,
            source=_text(cell(cells, columns, "source")) or None,
            author=_text(cell(cells, columns, "author")) or None,
            category=_text(cell(cells, columns, "category")) or None,
            bad_date=cell(cells, columns, "date").strip()[:60] if notes else "",
        )
    return Sidecar(rel, files, tuple(problems))


def join_sidecars(sidecars: Sequence[Sidecar], articles: Sequence[Article]) -> list[Article]:
    """Each article of a file a sidecar names, with that row's fields (the first sidecar naming a
    file wins); the others as they are."""
    if not sidecars:
        return list(articles)
    metas: dict[str, Meta] = {}
    for sidecar in sidecars:
        for rel, meta in sidecar.files.items():
            metas.setdefault(rel, meta)
    out: list[Article] = []
    for article in articles:
        found = metas.get(article.path or article.id.split("#", 1)[0])
        out.append(article if found is None else joined(article, found))
    return out


def joined(article: Article, meta: Meta) -> Article:
    """``article`` with the sidecar's fields where it has none of its own.

    The title is replaced when the file had none, when the parser made it from the first words,
    or when it is the text's first paragraph (a page saved without its headline, which the plain
    text reader took for one): that paragraph goes back to the body.
    """
    changes: dict[str, Any] = {}  # Article fields of several types, by name
    problems = list(article.problems)
    if meta.title and meta.title != article.title:
        title = article.title.strip()
        derived = DERIVED_TITLE_NOTES.intersection(problems)
        if derived:
            problems = [p for p in problems if p not in derived]
            changes["title"] = meta.title
        elif not title:
            changes["title"] = meta.title
        elif _is_paragraph(title):
            changes["title"] = meta.title
            if not article.body.startswith(title):
                changes["body"] = title + ("\n" + article.body if article.body else "")
    body = str(changes.get("body", article.body))
    title = str(changes.get("title", article.title))
    problems = [p for p in problems if not _settled(p, title=title, body=body)]
    if meta.date is not None and article.date is None:
        changes["date"] = meta.date
    elif meta.bad_date and article.date is None:
        problems.append(f"unreadable date in {meta.sidecar}: {meta.bad_date!r}")
    for name in ("url", "source", "author", "category"):
        value = getattr(meta, name)
        if value and not getattr(article, name):
            changes[name] = value
    if not changes and problems == list(article.problems):
        return article
    return dataclasses.replace(article, **changes, problems=tuple(problems))


def _is_paragraph(title: str) -> bool:
    return len(title.split()) > 15 or (title.endswith(_SENTENCE_ENDS) and not title.endswith(".."))


def _settled(problem: str, *, title: str, body: str) -> bool:
    """A problem about an empty title or body that the sidecar's fields have filled."""
    if problem.startswith("no body text") or problem == "empty body":
        return bool(body.strip())
    if problem == "empty title":
        return bool(title.strip())
    if problem == "empty title and body":
        return bool(title.strip() and body.strip())
    return False
