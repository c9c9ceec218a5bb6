"""TREC-style documents: ``<DOC><DOCNO>…<URL>…<SRC>…<CAT>…<TITLE>…<TIME>…<AUTHOR>…<ABSTRACT>…<TEXT>…</DOC>``.

The ANT corpora use this layout, one ``<DOC>`` per file; other collections put
many in one file. Real files leave tags unclosed or out, so a field runs from its opening tag to the
next known tag (opening or closing), not to its own closing tag.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.parse
from dataclasses import dataclass

from reader.formats.dates import parse_date
from reader.formats.debris import drop_debris
from reader.model import Article, LoadProblem

# tag name -> field; aliases from other TREC/CLEF collections (HEADLINE, DATE, BODY).
_FIELDS: dict[str, str] = {
    "DOCNO": "docno",
    "DOCID": "docno",
    "URL": "url",
    "SRC": "source",
    "SOURCE": "source",
    "CAT": "category",
    "CATEGORY": "category",
    "TITLE": "title",
    "HEADLINE": "title",
    "HL": "title",
    "TIME": "time",
    "DATE": "time",
    "DATE_TIME": "time",
    "AUTHOR": "author",
    "BYLINE": "author",
    "ABSTRACT": "abstract",
    "TEXT": "text",
    "BODY": "text",
}
# One group, the tag's name with its "/": ``re.split`` then hands over every field's text (the
# text up to the next known tag) in one C call, with no match object per tag.
_TAG = re.compile(r"<(/?(?:" + "|".join(_FIELDS) + r"|DOC))\s*>", re.IGNORECASE)
# a split tag -> its field ("" for a closing tag or <DOC>), in the upper case real files use;
# another case is looked up again in upper case
_FIELD_OF_TAG: dict[str, str] = {
    **dict.fromkeys(["DOC", "/DOC", *(f"/{tag}" for tag in _FIELDS)], ""),
    **_FIELDS,
}
_DOC_START = re.compile(r"<DOC\s*>", re.IGNORECASE)
# an XML declaration or comments may come first
_LOOKS_TREC = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*<(?:DOC|DOCNO)\s*>",
    re.IGNORECASE | re.DOTALL,
)
# ANT DOCNOs end with the publication day: JA-economy-32-20170125
_DOCNO_DATE = re.compile(r"(\d{8})\s*$")


def looks_trec(text: str) -> bool:
    return _LOOKS_TREC.match(text) is not None


@dataclass(frozen=True, slots=True)
class TrecResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


def parse_trec(text: str, *, rel_path: str) -> TrecResult:
    """All documents of a TREC file; a document without text is a problem, not an article."""
    starts = [m.start() for m in _DOC_START.finditer(text)]
    if not starts:  # a lone document that forgot its <DOC>
        starts = [0]
    chunks = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    several = len(chunks) > 1
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, chunk in enumerate(chunks, start=1):
        article_id = f"{rel_path}#{number}" if several else rel_path
        where = f"document {number}: " if several else ""
        fields = _fields(chunk)
        article, reason = _article(fields, article_id=article_id, rel_path=rel_path)
        if article is None:
            problems.append(LoadProblem(rel_path, where + reason))
        else:
            articles.append(article)
    return TrecResult(tuple(articles), tuple(problems))


def _fields(chunk: str) -> dict[str, str]:
    """Field -> raw text. The first occurrence of a field wins (a stray second <TITLE> is body noise)."""
    fields: dict[str, str] = {}
    parts = iter(_TAG.split(chunk))
    next(parts)  # the text before the first tag belongs to no field
    for tag, value in zip(parts, parts, strict=True):
        name = _FIELD_OF_TAG.get(tag)
        if name is None:
            name = _FIELD_OF_TAG[tag.upper()]
        if name and name not in fields:
            fields[name] = value
    return fields


def _clean(value: str | None) -> str:
    if not value:
        return ""
    if "&" in value:
        value = html.unescape(value)
    # str.split() breaks at the same whitespace as the regex \s, and is faster on short fields
    return " ".join(value.split())


def _paragraphs(value: str | None) -> str:
    return "\n".join(_paragraph_lines(value))


def _body(value: str | None) -> str:
    """The paragraphs of <TEXT> without debris lines: one pass over the lines, not a join and
    a second split."""
    return "\n".join(drop_debris(_paragraph_lines(value)))


def _paragraph_lines(value: str | None) -> list[str]:
    if not value:
        return []
    if "&" in value:
        value = html.unescape(value)
    return [_squeeze(line) for line in value.split("\n") if line and not line.isspace()]


def _squeeze(line: str) -> str:
    line = line.strip()
    # str.split() is several times faster than a regex, and most lines need nothing
    if "  " in line or "\t" in line or "\u00a0" in line:
        return " ".join(line.split())
    return line


def _article(
    fields: dict[str, str], *, article_id: str, rel_path: str
) -> tuple[Article | None, str]:
    problems: list[str] = []
    body = _body(fields.get("text"))
    if not body:
        abstract = _paragraphs(fields.get("abstract"))
        if not abstract:
            what = "empty <TEXT>" if "text" in fields else "no <TEXT>"
            return None, f"{what} and no <ABSTRACT>: nothing to read"
        # The abstract is the site's own lead paragraph: showing it (flagged) loses less than
        # dropping the article, and the problem tells the reader it is not the full text.
        body = abstract
        problems.append("body is the abstract: <TEXT> is empty")
    url = _clean(fields.get("url")) or None
    title = _clean(fields.get("title"))
    if not title:
        title = _title_from_url(url) or _first_words(body)
        problems.append(
            "no <TITLE>: title made from the " + ("URL" if _title_from_url(url) else "text")
        )
    date = _date(fields, problems)
    return (
        Article(
            id=article_id,
            title=title,
            body=body,
            date=date,
            source=_clean(fields.get("source")) or None,
            url=url,
            author=_clean(fields.get("author")) or None,
            category=_clean(fields.get("category")) or None,
            problems=tuple(problems),
            path=rel_path,
        ),
        "",
    )


def _date(fields: dict[str, str], problems: list[str]) -> dt.date | None:
    raw = _clean(fields.get("time"))
    if raw:
        date = parse_date(raw)
        if date is not None:
            return date
    docno = _DOCNO_DATE.search(_clean(fields.get("docno")))
    date = parse_date(docno.group(1)) if docno else None
    if date is not None:
        problems.append(
            f"date taken from DOCNO: <TIME> {'unreadable: ' + repr(raw) if raw else 'missing'}"
        )
        return date
    problems.append(f"no date: <TIME> {'unreadable: ' + repr(raw) if raw else 'missing'}")
    return None


def _title_from_url(url: str | None) -> str:
    """The headline slug of a news URL (``/article/ارتفاع-صادرات-تونس/93/76664``), if it has one."""
    if not url:
        return ""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    best = ""
    for part in path.split("/"):
        words = [w for w in re.split(r"[-_+]+", re.sub(r"\.html?$", "", part)) if w]
        if len(words) >= 3 and any(ch.isalpha() for ch in part) and len(part) > len(best):
            best = " ".join(words)
    return best


def _first_words(body: str, limit: int = 12) -> str:
    words = body.split("\n", 1)[0].split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")
