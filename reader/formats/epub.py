"""E-books (``.epub``): each page of the book's reading order an article, read as a saved page.

The e-books of a news folder are mostly Calibre's "Fetch news" downloads: an EPUB a day, a page
an article, each ending "This article was downloaded by calibre from <address>", between
section lists and a table of contents. Pages without article text (covers, contents, section
lists) are counted in one line, not named one by one. The book's title (a news download's
without the day Calibre adds) is the source of articles that name none; its date, when an
article has none, is noted as the book's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import posixpath
import re
import zipfile
from typing import Any
from urllib.parse import unquote

from reader.formats.dates import parse_date
from reader.formats.decode import NotText, decode_bytes
from reader.formats.html import parse_html
from reader.formats.office import DAMAGED, office_refusal
from reader.model import Article, LoadProblem

EPUB_SUFFIXES = frozenset({".epub"})
BOOK_DATE_NOTE = "date is the e-book's (when it was made), not the article's"
_WHAT = "EPUB e-book"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_PAGE_TYPES = frozenset({"application/xhtml+xml", "text/html"})
# Calibre's news pages end with the address they were downloaded from
_CALIBRE_FROM = re.compile(
    r"downloaded by\s*(?:<[^>]+>\s*)*calibre(?:\s*<[^>]+>)*\s*from\s*<a\s[^>]*href=\"([^\"]+)\"",
    re.IGNORECASE,
)
# ... and that paragraph is no part of the article (nor are the navigation bars, which the page
# reader leaves out as it leaves out a site's)
_CALIBRE_PARAGRAPH = re.compile(
    r"<p\b[^>]*>\s*This article was downloaded by.{0,2000}?</p>", re.IGNORECASE | re.DOTALL
)
# "Al Jazeera [Mon, 14 Nov 2023]": Calibre's title of a news download
_DAY_IN_BRACKETS = re.compile(r"\s*\[[^\]]*\]\s*$")
# an article page of a book has more words than this (a masthead, a section's title fewer)
_FEWEST_WORDS = 12
# font obfuscation, which leaves the text readable (IDPF's and Adobe's)
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


class NotEpub(ValueError):
    """The bytes are no e-book we can read; ``str(exc)`` is the reason for the user."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Book:
    pages: tuple[str, ...]  # member names in reading order
    title: str | None
    date: dt.date | None


def parse_epub(data: bytes, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The articles of an e-book's pages in reading order, ids ``book.epub/page.xhtml``."""
    refusal = office_refusal(data, _WHAT, ".epub")
    if refusal is not None:
        return [], [LoadProblem(rel_path, refusal)]
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    left_out = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = _book(archive)
            for name in book.pages:
                page_id = f"{rel_path}/{name}"
                try:
                    text = decode_bytes(archive.read(name)).text
                except NotText as exc:
                    problems.append(LoadProblem(rel_path, f"{name}: {exc}"))
                    continue
                found = parse_html(_CALIBRE_PARAGRAPH.sub("", text), rel_path=page_id).articles
                if not found or _no_article(text, found[0]):
                    left_out += 1
                    continue
                articles.extend(_finished(a, text, book, rel_path) for a in found)
    except NotEpub as exc:
        return [], [LoadProblem(rel_path, str(exc))]
    except DAMAGED as exc:
        problems.append(LoadProblem(rel_path, f"corrupt {_WHAT} ({type(exc).__name__}: {exc})"))
    if left_out:
        problems.append(
            LoadProblem(
                rel_path,
                f"{left_out} page(s) without article text left out (cover, contents, section lists)",
            )
        )
    if not articles and not problems:
        problems.append(LoadProblem(rel_path, f"an {_WHAT} without pages"))
    return articles, problems


def _no_article(page: str, article: Article) -> bool:
    """A cover, a masthead or a list of the book's pages: a few words, or mostly links."""
    if len(article.body.split()) < _FEWEST_WORDS:
        return True
    from reader.formats.html import page_tree

    tree = page_tree(page)
    if tree is None:
        return True
    words = len(" ".join(tree.itertext()).split())
    linked = sum(len(" ".join(a.itertext()).split()) for a in tree.iter("a"))
    return linked * 2 >= words


def _finished(article: Article, page: str, book: _Book, rel_path: str) -> Article:
    changes: dict[str, Any] = {"path": rel_path}
    calibre = _CALIBRE_FROM.search(page)
    if calibre is not None and not article.url:
        changes["url"] = calibre.group(1)
    if not article.source and book.title:
        changes["source"] = book.title
    if article.date is None and book.date is not None:
        changes["date"] = book.date
        changes["problems"] = (*article.problems, BOOK_DATE_NOTE)
    return dataclasses.replace(article, **changes)


def _book(archive: zipfile.ZipFile) -> _Book:
    """The pages in reading order and the book's title and date, from its package file."""
    from reader.formats.odt import parse_content

    names = set(archive.namelist())
    if "META-INF/container.xml" not in names:
        raise NotEpub(f"corrupt {_WHAT} (no META-INF/container.xml)")
    if "META-INF/encryption.xml" in names:
        _refuse_drm(parse_content(archive.read("META-INF/encryption.xml")))
    container = parse_content(archive.read("META-INF/container.xml"))
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    package_name = rootfile.get("full-path") if rootfile is not None else None
    if not package_name or package_name not in names:
        raise NotEpub(f"corrupt {_WHAT} (its package file is missing)")
    package = parse_content(archive.read(package_name))
    base = posixpath.dirname(package_name)
    manifest = {
        item.get("id"): item
        for item in package.iter(f"{_OPF}item")
        if item.get("id") and item.get("href")
    }
    pages = []
    for ref in package.iter(f"{_OPF}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no":
            continue
        if item.get("media-type") not in _PAGE_TYPES or "nav" in (item.get("properties") or ""):
            continue
        name = posixpath.normpath(posixpath.join(base, unquote(item.get("href"))))
        if name in names:
            pages.append(name)
    title = _metadata(package, "title")
    date = _metadata(package, "date")
    return _Book(
        tuple(dict.fromkeys(pages)),
        _DAY_IN_BRACKETS.sub("", title) or None if title else None,
        parse_date(date) if date else None,
    )


def _metadata(package: Any, name: str) -> str | None:
    element = package.find(f".//{_DC}{name}")
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _refuse_drm(encryption: Any) -> None:
    """An e-book whose pages are encrypted (Adobe's or another store's DRM) cannot be read;
    fonts alone obfuscated leave the text as it is."""
    for method in encryption.iter("{http://www.w3.org/2001/04/xmlenc#}EncryptionMethod"):
        if method.get("Algorithm") not in _FONT_OBFUSCATION:
            raise NotEpub(f"a DRM-protected {_WHAT} (its pages are encrypted); not read")
