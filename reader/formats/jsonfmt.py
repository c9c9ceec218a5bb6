"""JSON and JSON Lines articles: an array, a single object, an object holding a list, or one object a line.

Field names differ from scraper to scraper; ``_ALIASES`` lists the names accepted for each field,
first match wins. Bodies may be a string, a list of paragraphs, or HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reader.formats.dates import parse_date
from reader.formats.debris import TITLE_FROM_FIRST_WORDS, clean_body, title_from_text
from reader.formats.plain import collapse_spaces
from reader.model import Article, LoadProblem

_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "subject"),
    "body": (
        "content",
        "body",
        "text",
        "article",
        "article_body",
        "articleBody",
        "full_text",
        "fulltext",
        "story",
    ),
    "date": (
        "date",
        "published",
        "published_at",
        "publishedAt",
        "date_published",
        "datePublished",
        "date_extracted",
        "pubDate",
        "pub_date",
        "time",
        "timestamp",
        "created_at",
    ),
    "source": ("source", "site", "publisher", "source_name", "website", "outlet"),
    "url": ("url", "link", "href", "source_url", "permalink"),
    "author": ("author", "authors", "byline", "writer"),
    "tags": ("tags", "keywords", "tag", "labels"),
    "category": ("category", "section", "categories", "cat"),
    "summary": ("summary", "abstract", "description", "lead"),
}
# Lists of articles inside an object: these keys first, then any list of objects.
_CONTAINER_KEYS = (
    "articles",
    "items",
    "data",
    "results",
    "docs",
    "documents",
    "posts",
    "entries",
    "news",
    "records",
)
_INNER_TEXT_KEYS = ("name", "title", "text", "value", "rendered", "label")
_INNER_BODY_KEYS = ("text", "content", "body", "rendered", "value")
_TAG_SPLIT = re.compile(r"\s*[,،;؛|]\s*")
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|p|div|h[1-6]|li)\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]{0,500}>")
_LOOKS_HTML = re.compile(r"<\s*(?:p|br|div|span|a|strong|em|h[1-6])\b[^>]*>", re.IGNORECASE)
_WS = re.compile(r"[ \t\f\v\u00a0]+")


class NotJson(ValueError):
    """The text is not JSON nor JSON Lines; ``str(exc)`` says where it breaks."""


@dataclass(frozen=True, slots=True)
class JsonResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


def looks_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def parse_json(text: str, *, rel_path: str, lines: bool = False) -> JsonResult:
    """Articles of a JSON or JSON Lines file. Raises ``NotJson`` when it is neither."""
    items = _items(text, lines=lines)
    problems: list[LoadProblem] = []
    several = len(items) > 1
    articles: list[Article] = []
    for number, item in items:
        article_id = f"{rel_path}#{number}" if several else rel_path
        where = f"item {number}: " if several else ""
        if isinstance(item, str):  # the line-level error recorded by _items
            problems.append(LoadProblem(rel_path, item))
            continue
        article, reason = _article(item, article_id=article_id, rel_path=rel_path)
        if article is None:
            problems.append(LoadProblem(rel_path, where + reason))
        else:
            articles.append(article)
    return JsonResult(tuple(articles), tuple(problems))


def _items(text: str, *, lines: bool) -> list[tuple[int, Any]]:
    """(number, object-or-error-string) pairs, numbered from 1 in file order."""
    if not lines:
        try:
            data = json.loads(text)
        except RecursionError:
            raise NotJson("JSON nested too deeply to read") from None
        except json.JSONDecodeError as exc:
            first = text.lstrip().split("\n", 1)[0]
            if not _is_object_line(first):
                raise NotJson(
                    f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
                ) from None
        else:
            found = _article_list(data)
            if found is None:
                raise NotJson("JSON holds no article objects (no title or text fields)")
            return list(enumerate(found, start=1))
    return _json_lines(text)


def _is_object_line(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _json_lines(text: str) -> list[tuple[int, Any]]:
    """JSON Lines: a bad line is kept as an error string so the others still load."""
    items: list[tuple[int, Any]] = []
    count = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        count += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append((count, f"line {line_no}: invalid JSON at column {exc.colno}: {exc.msg}"))
            continue
        if not isinstance(value, dict):
            items.append((count, f"line {line_no}: not a JSON object but {type(value).__name__}"))
            continue
        items.append((count, value))
    if not any(isinstance(v, dict) for _, v in items):
        first = next((v for _, v in items), "the file is empty")
        raise NotJson(f"no line holds a JSON object ({first})")
    return items


def _article_list(data: Any, depth: int = 0) -> list[Any] | None:
    """The list of article objects in ``data``: itself, or a list it holds (searched 3 levels deep)."""
    if isinstance(data, list):
        return data if any(isinstance(x, dict) for x in data) else None
    if not isinstance(data, dict) or depth > 3:
        return None
    if _has_any(data, "title") or _has_any(data, "body"):
        return [data]
    keys = [k for k in _CONTAINER_KEYS if k in data] + [k for k in data if k not in _CONTAINER_KEYS]
    for key in keys:
        found = _article_list(data[key], depth + 1)
        if found is not None:
            return found
    return None


def _has_any(item: dict[str, Any], field: str) -> bool:
    return any(_present(item.get(k)) for k in _ALIASES[field])


def _present(value: Any) -> bool:
    return value is not None and value not in ("", [], {})


def _get(item: dict[str, Any], field: str) -> Any:
    for key in _ALIASES[field]:
        value = item.get(key)
        if _present(value):
            return value
    return None


def _text(value: Any) -> str:
    """A string field that scrapers sometimes wrap: {"name": ...}, [..], numbers."""
    if value is None:
        return ""
    if isinstance(value, dict):
        # {"name": ...} (authors, publishers), {"rendered": ...} (the WordPress REST API)
        value = next((value[k] for k in _INNER_TEXT_KEYS if _present(value.get(k))), "")
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    text = html.unescape(str(value)) if "&" in str(value) else str(value)
    return _WS.sub(" ", text.replace("\n", " ")).strip()


def _paragraphs(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        parts: Iterator[str] = (_paragraphs(v) for v in value)
        return "\n".join(p for p in parts if p)
    if isinstance(value, dict):
        return _paragraphs(next((value[k] for k in _INNER_BODY_KEYS if _present(value.get(k))), ""))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if _LOOKS_HTML.search(text):
        text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    return "\n".join(collapse_spaces(line) for line in text.split("\n") if line.strip())


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    raw = value if isinstance(value, list) else _TAG_SPLIT.split(str(value))
    tags: list[str] = []
    for tag in raw:
        if isinstance(tag, int | float):  # tag ids (WordPress), not tag names
            continue
        text = _text(tag)
        if text and text not in tags:
            tags.append(text)
    return tuple(tags)


def _date(value: Any, problems: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, bool):
        problems.append(f"unreadable date: {value!r}")
        return None
    if isinstance(value, int | float):
        # Unix time, in seconds or (JavaScript) milliseconds
        seconds = value / 1000 if value > 10**11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            problems.append(f"unreadable date: {value!r}")
            return None
    text = _text(value)
    date = parse_date(text) if text else None
    if date is None:
        problems.append(f"unreadable date: {text[:60]!r}")
    return date


def _article(item: Any, *, article_id: str, rel_path: str) -> tuple[Article | None, str]:
    if not isinstance(item, dict):
        return None, f"not a JSON object but {type(item).__name__}"
    problems: list[str] = []
    body = clean_body(_paragraphs(_get(item, "body")))
    title = _text(_get(item, "title"))
    if not body:
        summary = _paragraphs(_get(item, "summary"))
        if not summary:
            keys = ", ".join(list(item)[:8])
            return None, f"no article text (no content/body/text field with text; keys: {keys})"
        body = summary
        problems.append("body is the summary: the article has no text field")
    if not title:
        # scrapy items often open with a Latin byline ("AHDATH.INFO"): never an Arabic title
        title = title_from_text(body.split("\n"))
        problems.append(TITLE_FROM_FIRST_WORDS)
    return (
        Article(
            id=article_id,
            title=title,
            body=body,
            date=_date(_get(item, "date"), problems),
            source=_text(_get(item, "source")) or None,
            url=_text(_get(item, "url")) or None,
            author=_text(_get(item, "author")) or None,
            category=_text(_get(item, "category")) or None,
            tags=_tags(_get(item, "tags")),
            problems=tuple(problems),
            path=rel_path,
        ),
        "",
    )
