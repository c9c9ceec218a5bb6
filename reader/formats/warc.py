"""Web archives of a crawl (``.warc``, ``.warc.gz``: wget's ``--warc-file``, Browsertrix,
Heritrix): each page the crawler fetched is read as a saved page is (``html.parse_html``).

A crawl holds far more than articles: images, scripts and styles, redirects and errors, and the
site's home, section and tag pages. Those are counted in one line per reason, not named page by
page, so a crawl of 10,000 pages does not bury the reader's problems list. An article's id is
``crawl.warc.gz#N`` (its page's place among the crawl's pages) and its url the address fetched.
The archive is read as a stream, a record at a time: crawls run to gigabytes.
"""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from reader.formats.decode import NotText, decode_bytes
from reader.formats.html import parse_html
from reader.model import Article, LoadProblem

WARC_SUFFIXES = frozenset({".warc"})
# a zip of a crawl's WARC files and its indexes (Browsertrix, Webrecorder)
WACZ_SUFFIXES = frozenset({".wacz"})
# a page bigger than this is no article page (a crawler may fetch a video as text/html)
_MAX_PAGE_BYTES = 16 * 1024 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def parse_warc(handle: IO[bytes], *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The articles of the pages a web archive holds, and a line per kind of record left out."""
    articles: list[Article] = []
    left_out: Counter[str] = Counter()
    number = 0
    damage = None
    records = _records(handle)
    while True:
        try:
            found = next(records, None)
        except Exception as exc:  # what a damaged archive raises inside warcio varies
            damage = f"damaged web archive after {number} pages ({type(exc).__name__}: {exc})"
            break
        if found is None:
            break
        kind, payload, address = found
        if kind is not None:
            left_out[kind] += 1
            continue
        number += 1
        for outcome in _page(payload, address, rel_path=rel_path, number=number):
            if isinstance(outcome, Article):
                articles.append(outcome)
            else:
                left_out[outcome] += 1
    problems = _summary(left_out, rel_path)
    if damage is not None:
        problems.append(LoadProblem(rel_path, damage))
    elif not articles and not left_out:
        problems.append(LoadProblem(rel_path, "a web archive without pages"))
    return articles, problems


def parse_wacz(path: Path, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """A WACZ (Browsertrix, Webrecorder): the WARC files of its ``archive/`` folder, each read as
    a stream from the zip; its page lists and indexes are the crawl's metadata, not articles.
    Articles' ids are ``crawl.wacz/archive/data.warc.gz#N``."""
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if info.filename.startswith("archive/")
                and info.filename.endswith((".warc", ".warc.gz"))
            ]
            if not members:
                return [], [LoadProblem(rel_path, "a packed web archive (WACZ) without WARC files")]
            for info in members:
                with archive.open(info) as stream:
                    found, left = parse_warc(stream, rel_path=f"{rel_path}/{info.filename}")
                articles += [dataclasses.replace(a, path=rel_path) for a in found]
                problems += [LoadProblem(rel_path, f"{info.filename}: {p.reason}") for p in left]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        reason = f"corrupt packed web archive (WACZ): {exc}"
        return articles, [*problems, LoadProblem(rel_path, reason)]
    return articles, problems


def _records(handle: IO[bytes]) -> Iterator[tuple[str | None, bytes, str | None]]:
    """(why it is no page or None, the page's bytes, the address fetched) of each response."""
    from warcio.archiveiterator import ArchiveIterator  # only folders holding crawls pay for it

    _quiet_warcio()
    iterator = ArchiveIterator(handle)
    for record in iterator:
        if record.rec_type != "response" or record.http_headers is None:
            continue  # requests, metadata, the crawl's own description
        kind = _page_kind(record)
        # a page is read whole before it is parsed: half a page is no article
        payload = record.content_stream().read(_MAX_PAGE_BYTES + 1) if kind is None else b""
        if _cut_short(record):
            raise EOFError("the file ends inside a record")
        yield kind, payload, record.rec_headers.get_header("WARC-Target-URI")
    if iterator.err_count:
        raise ValueError(f"{iterator.err_count} records not of the length they state")


def _quiet_warcio() -> None:
    """warcio writes what it finds wrong to the standard error stream, which the command line
    keeps for the reader's own problem lines: the reader reports damage itself."""
    import logging

    from warcio import archiveiterator, bufferedreaders, digestverifyingreader

    logging.getLogger("warcio").setLevel(logging.CRITICAL)
    for module in (archiveiterator, bufferedreaders, digestverifyingreader):
        if not isinstance(module.sys, _QuietSys):
            module.sys = _QuietSys()


class _QuietSys:
    """``sys`` for warcio's modules, with an error stream that keeps nothing."""

    class _Sink:
        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    stderr = _Sink()

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)


def _cut_short(record: Any) -> bool:
    """Whether the file ended before the record did (a crawl cut off, a copy not finished):
    the record's block is read to its end, and its stated length must have been there."""
    stream = record.raw_stream
    while stream.read(1024 * 1024):
        pass
    return getattr(stream, "limit", 0) > 0


def _page_kind(record: Any) -> str | None:
    """Why a response is no page to read (None for a page)."""
    headers = record.http_headers
    status = headers.get_statuscode() or ""
    if not status.startswith("2"):
        return "responses that are no page (redirects and errors)"
    content_type = (headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_PAGE_TYPES):
        return "images, scripts, styles and other files that are no page"
    return None


def _page(
    payload: bytes, address: str | None, *, rel_path: str, number: int
) -> Iterator[Article | str]:
    """The page's article, or why it gave none (a reason shared by many pages)."""
    if len(payload) > _MAX_PAGE_BYTES:
        yield "pages too large to be articles"
        return
    try:
        text = decode_bytes(payload).text
    except NotText:
        yield "pages that are no text"
        return
    found = parse_html(text, rel_path=f"{rel_path}#{number}")
    for article in found.articles:
        yield dataclasses.replace(article, path=rel_path, url=article.url or address or None)
    for problem in found.problems:
        yield _reason_kind(problem.reason)


def _reason_kind(reason: str) -> str:
    """A page's problem as a kind shared by many pages: counts stand in for the details."""
    if reason.startswith("a page listing"):
        return "pages listing articles (home, section and tag pages)"
    if reason.startswith("a web page without article text"):
        return "pages without article text"
    if reason.startswith(("an error page", "a bot-check page")):
        return "error pages and bot checks"
    return "pages that could not be read"


def _summary(left_out: Counter[str], rel_path: str) -> list[LoadProblem]:
    return [
        LoadProblem(rel_path, f"{kind}: {count:,} left out")
        for kind, count in sorted(left_out.items(), key=lambda item: -item[1])
    ]
