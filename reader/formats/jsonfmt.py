"""JSON and JSON Lines articles: an array, a single object, an object holding a list, or one object a line.

Field names differ from scraper to scraper: ``json_fields`` finds each field by its names in
English or Arabic, in any spelling. Bodies may be a string, a list of paragraphs, or HTML.

Hostile values cost their own item (or field), never the file: a number too long for Python's
``int`` and a value nested deeper than the parser's recursion are read as ``Unreadable``
(``json_read.py``) and named in the item's problems; a field nested absurdly deep is left out
with a note.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reader.formats.bylines import author_name
from reader.formats.csv_headerless import HEADERLESS_NOTE
from reader.formats.debris import clean_body
from reader.formats.json_csl import is_person, person_name, with_address_day
from reader.formats.json_dates import json_date
from reader.formats.json_facebook import facebook_posts, refuse_messenger
from reader.formats.json_fields import (
    ADDRESS,
    ALIASES,
    INNER_BODY_KEYS,
    INNER_TEXT_KEYS,
    folded_fields,
    get_field,
    has_field,
    present,
)
from reader.formats.json_frames import bare_rows
from reader.formats.json_headline import name_headline
from reader.formats.json_lists import article_list, with_feed_source
from reader.formats.json_mojibake import unmangled_item
from reader.formats.json_read import (
    SPLIT_DEPTH,
    LineError,
    NotJson,
    Reading,
    Unreadable,
    is_object_line,
    json_lines,
    load,
    salvage,
)
from reader.formats.json_removed import is_removed, removed_note
from reader.formats.markup_text import has_block_tags, unescaped
from reader.formats.plain import collapse_spaces
from reader.formats.relative_dates import dated_back
from reader.formats.telegram import is_telegram_export, telegram_items
from reader.formats.titles import TITLE_FROM_FIRST_WORDS, title_from_text
from reader.model import Article, LoadProblem

HEADLINES_ONLY = "no body text: the export holds headlines only (no record has a text)"
_TAG_SPLIT = re.compile(r"\s*[,،;؛|]\s*")
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|p|div|h[1-6]|li)\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]{0,500}>")
_LOOKS_HTML = re.compile(r"<\s*(?:p|br|div|span|a|strong|em|h[1-6])\b[^>]*>", re.IGNORECASE)
_WS = re.compile(r"[ \t\f\v\u00a0]+")
# line breaks inside string values (decode.py leaves U+2028, U+2029 and U+0085 to JSON); text
# encoded twice, whose U+0085 is a byte of "م", is repaired before (json_mojibake)
_LINE_BREAKS = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")
# Fields nested deeper than this (lists of lists of ...) are left out with a note.
_MAX_FIELD_DEPTH = 32


class _TooDeep(Exception):
    """A field nested deeper than ``_MAX_FIELD_DEPTH``."""


@dataclass(frozen=True, slots=True)
class JsonResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


def looks_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def parse_json(text: str, *, rel_path: str, lines: bool = False) -> JsonResult:
    """Articles of a JSON or JSON Lines file. Raises ``NotJson`` when it is neither."""
    reading = Reading([])
    items = _items(text, lines=lines, reading=reading)
    problems = [LoadProblem(rel_path, note) for note in reading.notes]
    several = len(items) > 1
    articles: list[Article] = []
    headlines = _headlines_only(items)
    removed = sum(1 for _, item in items if is_removed(item))
    if removed:
        problems.append(LoadProblem(rel_path, removed_note(removed)))
    for number, item in items:
        if removed and is_removed(item):
            continue
        article_id = f"{rel_path}#{number}" if several else rel_path
        where = f"item {number}: " if several else ""
        if isinstance(item, LineError):  # the line-level error recorded by _items
            problems.append(LoadProblem(rel_path, str(item)))
            continue
        article, reason = _article(
            item, article_id=article_id, rel_path=rel_path, slow=reading.slow, headlines=headlines
        )
        if article is None:
            problems.append(LoadProblem(rel_path, where + reason))
        elif reading.item_notes:
            notes = article.problems + tuple(reading.item_notes)
            articles.append(dataclasses.replace(article, problems=notes))
        else:
            articles.append(article)
    return JsonResult(tuple(articles), tuple(problems))


def _items(text: str, *, lines: bool, reading: Reading) -> list[tuple[int, Any]]:
    """(number, object-or-error-string) pairs, numbered from 1 in file order."""
    if not lines:
        try:
            data = load(text, reading, top=True)
        except json.JSONDecodeError as exc:
            first = text.lstrip().split("\n", 1)[0]
            if not is_object_line(first) or text.lstrip().startswith("["):
                saved = salvage(text)
                if saved is None:
                    raise NotJson(
                        f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
                    ) from None
                values, note = saved
                if note:
                    reading.notes.append(note)
                found = article_list(values)
                if found is None:
                    raise NotJson(
                        "JSON holds no article objects (no title or text fields)"
                    ) from None
                return list(enumerate(found, start=1))
        else:
            if isinstance(data, Unreadable):
                raise NotJson(f"JSON holds {data.what}, no article objects")
            if is_telegram_export(data):
                messages, note = telegram_items(data)
                if note:
                    reading.notes.append(note)
                return list(messages)
            refuse_messenger(data)
            posts = facebook_posts(data, reading)
            if posts is not None:
                return posts
            found = article_list(data)
            if found is None and isinstance(data, list):
                # rows without names (pandas' orient="values"): columns by what they hold
                found = bare_rows(data)
                if found is not None:
                    reading.item_notes.append(HEADERLESS_NOTE)
            if found is None:
                raise NotJson("JSON holds no article objects (no title or text fields)")
            return list(enumerate(with_feed_source(data, found), start=1))
    return json_lines(text, reading)


def _source_and_url(
    item: dict[str, Any], field: Callable[..., Any]
) -> tuple[str | None, str | None]:
    """The source and url fields; a source that is an address is the url when the item has no
    other, and the source is then the next name that is not an address."""
    url = field("url", _first_text) or None
    source = field("source", _text) or None
    thread = item.get("thread")
    if source is None and isinstance(thread, dict):
        # webz.io (Webhose) keeps the site in the item's "thread"
        source = _text(thread.get("site_full")) or _text(thread.get("site")) or None
    if source is None or not ADDRESS.match(source):
        return source, url
    url = url or source
    names = (_text(item.get(key)) for key in ALIASES["source"][1:])
    source = next((n for n in names if n and not ADDRESS.match(n)), None)
    return source, url


def _text(value: Any, depth: int = 0) -> str:
    """A string field that scrapers sometimes wrap: {"name": ...}, [..], numbers."""
    if value is None or isinstance(value, Unreadable):
        return ""
    if isinstance(value, float) and math.isnan(value):  # a missing value (pandas, newspaper3k)
        return ""
    if depth > _MAX_FIELD_DEPTH:
        raise _TooDeep
    if is_person(value):  # CSL JSON's {"family": ..., "given": ...}
        return person_name(value)
    if isinstance(value, dict):
        # {"name": ...} (authors, publishers), {"rendered": ...} (the WordPress REST API)
        value = next((value[k] for k in INNER_TEXT_KEYS if present(value.get(k))), "")
        if isinstance(value, dict):
            return _text(value, depth + 1)
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v, depth + 1) for v in value) if t)
    text = unescaped(str(value)) if "&" in str(value) else str(value)
    if not text.isprintable():  # line breaks are not printable (nor are tabs)
        text = _LINE_BREAKS.sub(" ", text)
    return _WS.sub(" ", text).strip()


def _first_text(value: Any) -> str:
    """A field that names one thing, given as a list of them (a feed item's links): the first."""
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), "")
    return _text(value)


def _paragraphs(value: Any, depth: int = 0) -> str:
    if value is None or isinstance(value, Unreadable):
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if depth > _MAX_FIELD_DEPTH:
        raise _TooDeep
    if isinstance(value, list):
        parts: Iterator[str] = (_paragraphs(v, depth + 1) for v in value)
        return "\n".join(p for p in parts if p)
    if isinstance(value, dict):
        inner = next((value[k] for k in INNER_BODY_KEYS if present(value.get(k))), "")
        return _paragraphs(inner, depth + 1)
    text = str(value)
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _LINE_BREAKS.sub("\n", text)
    markup = _LOOKS_HTML.search(text) is not None
    if markup:
        text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
    if "&" in text:
        text = unescaped(text)
        # markup escaped inside markup, or a body's paragraphs escaped (a scraper escaping twice)
        if "<" in text and (markup or has_block_tags(text)):
            text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
    return "\n".join(collapse_spaces(line) for line in text.split("\n") if line.strip())


def _tags(value: Any, problems: list[str]) -> tuple[str, ...]:
    """Tag names from a string ("a, b"), a list of names or of {"name": ...} objects, or an
    object whose values are the names; numbers (tag ids) are not names."""
    if value is None:
        return ()
    if isinstance(value, bool | int | float):
        problems.append(
            f"tags field holds {type(value).__name__} {value!r}, not tag names; left out"
        )
        return ()
    raw: list[str] = []
    if isinstance(value, str):
        raw = _TAG_SPLIT.split(value)
    else:
        _tag_names(value, raw, 0)
    tags: list[str] = []
    for tag in raw:
        text = _text(tag)
        if text and text not in tags:
            tags.append(text)
    return tuple(tags)


def _tag_names(value: Any, out: list[str], depth: int) -> None:
    if depth > _MAX_FIELD_DEPTH:
        raise _TooDeep
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            _tag_names(item, out, depth + 1)
    elif isinstance(value, dict):
        inner = next((value[k] for k in INNER_TEXT_KEYS if present(value.get(k))), None)
        if inner is not None:
            _tag_names(inner, out, depth + 1)
        else:  # {"1": "سياسة", "2": "اقتصاد"}: the values are the names (links are not)
            for item in value.values():
                if not (isinstance(item, str) and "://" in item):
                    _tag_names(item, out, depth + 1)
    # numbers in a list are tag ids (WordPress), not names; unreadable values are noted per item


def _unreadable_fields(item: dict[str, Any]) -> list[str]:
    """Notes for the fields of ``item`` that hold a value that could not be read (anywhere in
    the levels ``load`` splits); such values are left out."""
    notes: list[str] = []
    for key, value in item.items():
        stack = [(value, 0)]
        while stack:
            found, depth = stack.pop()
            if isinstance(found, Unreadable):
                notes.append(f"field {key!r}: {found.what}; left out")
                break
            if depth < SPLIT_DEPTH and isinstance(found, list | dict):
                members = found.values() if isinstance(found, dict) else found
                stack.extend((member, depth + 1) for member in members)
    return notes


def article_of(item: Any, *, article_id: str, rel_path: str) -> tuple[Article | None, str]:
    """The article of one JSON object, or None and why not (a page's embedded data uses it)."""
    return _article(item, article_id=article_id, rel_path=rel_path)


def _headlines_only(items: list[tuple[int, Any]]) -> bool:
    """An export of headlines without their text (GDELT's DOC API, a monitoring search): no
    record has a text or a summary, and most have a title beside an address or a date. A
    record without text among records with text is named instead: its text was lost."""
    records = [item for _, item in items if isinstance(item, dict)][:200]
    if not records or any(has_field(r, "body") or has_field(r, "summary") for r in records):
        return False
    placed = sum(
        1
        for r in records
        if has_field(r, "title") and (has_field(r, "url") or has_field(r, "date"))
    )
    return placed * 2 > len(records)


def _article(
    item: Any,
    *,
    article_id: str,
    rel_path: str,
    slow: bool = False,
    headlines: bool = False,
) -> tuple[Article | None, str]:
    if isinstance(item, Unreadable):
        return None, f"{item.what}; left out"
    if not isinstance(item, dict):
        return None, f"not a JSON object but {type(item).__name__}"
    problems: list[str] = _unreadable_fields(item) if slow else []
    item = unmangled_item(item, problems)
    folded = folded_fields(tuple(item))

    def field(name: str, read: Callable[[Any], Any], empty: Any = "") -> Any:
        try:
            return read(get_field(item, name, folded))
        except _TooDeep:
            problems.append(f"{name} nested more than {_MAX_FIELD_DEPTH} levels deep; left out")
            return empty

    body = clean_body(field("body", _paragraphs))
    title = field("title", _text) or _text(name_headline(item))
    if not body:
        summary = field("summary", _paragraphs)
        if summary:
            body = summary
            problems.append("body is the summary: the article has no text field")
        elif headlines and title:
            problems.append(HEADLINES_ONLY)
        else:
            keys = ", ".join(list(item)[:8])
            return None, f"no article text (no content/body/text field with text; keys: {keys})"
    if not title:
        # scrapy items often open with a Latin byline ("AHDATH.INFO"): never an Arabic title
        title = title_from_text(body.split("\n"))
        problems.append(TITLE_FROM_FIRST_WORDS)
    source, url = _source_and_url(item, field)
    date = field("date", lambda value: json_date(value, _text(value), problems), None)
    if date is None:
        saved = ((key, _text(value)) for key, value in item.items())
        date = dated_back(field("date", _text), saved, problems)
    date = with_address_day(date, url, problems)
    return (
        Article(
            id=article_id,
            title=title,
            body=body,
            date=date,
            source=source,
            url=url,
            author=author_name(field("author", _text)) or None,
            category=field("category", _text) or None,
            tags=field("tags", lambda value: _tags(value, problems), ()),
            problems=tuple(problems),
            path=rel_path,
        ),
        "",
    )
