"""One file -> its articles and problems, whatever the layout or encoding. Never raises on content."""

from __future__ import annotations

import dataclasses
import io
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO

from reader.formats.archive import ZIP_MAGIC, ArchiveProblem, Member, zip_members
from reader.formats.archivebox import SNAPSHOT_COPY_NAMES, snapshot_note
from reader.formats.article_repairs import repaired_article
from reader.formats.compressed import inner_suffix
from reader.formats.csv_files import names_file_in
from reader.formats.csvfmt import CSV_SUFFIXES, looks_delimited, parse_csv
from reader.formats.decode import Decoded, NotText, decode_bytes
from reader.formats.detect import JSON_LINES_SUFFIXES, JSON_SUFFIXES, Layout, detect_layout
from reader.formats.documents import DOCUMENT_SUFFIXES, document_articles, text_of_document
from reader.formats.factiva import looks_factiva, parse_factiva
from reader.formats.file_bytes import (
    CutShortFile,
    Refused,
    TarInArchive,
    read_file_bytes,
    read_reason,
    regular_size,
    size_limit,
    unpacked,
)
from reader.formats.html import SERVER_PAGE_SUFFIXES, looks_html, parse_html
from reader.formats.jsonfmt import NotJson, parse_json
from reader.formats.legacy_office import SNIFFED_SUFFIXES, content_note, content_suffix
from reader.formats.mhtml import MHTML_SUFFIXES, saved_page
from reader.formats.names import ZIP_SUFFIXES, tar_suffix
from reader.formats.nexis import looks_nexis, parse_nexis
from reader.formats.pdf import NotPdf
from reader.formats.plain import parse_plain
from reader.formats.rtf import NotRtf
from reader.formats.scraped import parse_scraped
from reader.formats.sections import folder_category
from reader.formats.tar import tar_members
from reader.formats.telegram_html import looks_telegram_html, parse_telegram_html
from reader.formats.trec import parse_trec
from reader.formats.warc import WACZ_SUFFIXES, WARC_SUFFIXES, parse_wacz, parse_warc
from reader.formats.webarchive import WEBARCHIVE_SUFFIXES, safari_page
from reader.formats.whatsapp import looks_whatsapp, parse_whatsapp
from reader.formats.word import NotDocument
from reader.formats.xmlnews import parse_xml_news
from reader.model import Article, LoadProblem

# a crawl's web archive is read as a stream, a page at a time
MAX_WARC_BYTES = 4 * 1024**3
_WEB_ARCHIVE_SUFFIXES = WARC_SUFFIXES | WACZ_SUFFIXES
# how a PHP, ASP or JSP source file opens (what a server runs, never what it sends)
_SOURCE_CODE = ("<?php", "<?PHP", "<%@", "<%")


@dataclass(frozen=True, slots=True)
class ParseResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    # the disk cache's row for this file (``cache_rows.pack_articles``) when a parse worker
    # made it: the loading process stores it as is (see formats/parse_pool.py ``_pack``)
    packed: bytes | None = field(default=None, compare=False, repr=False)
    # a metadata table naming files of its folder: no articles of its own, and no problem for
    # that (reader/formats/sidecar.py reads it again to join it onto those files' articles).
    # Not kept by the cache's rows: only parse_file itself relies on it.
    sidecar: bool = field(default=False, compare=False)


def relative_id(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with "/" separators (the article id of a one-article file)."""
    full, base = os.fspath(path), os.fspath(root)
    if full.startswith(base) and full[len(base) : len(base) + 1] == os.sep:
        # the usual case, a file the scan found under the root: string slicing, not Path parsing
        # (relative_to costs ~10 µs, a tenth of parsing a small file)
        rel_text = full[len(base) + 1 :]
        return printable_path(rel_text if os.sep == "/" else rel_text.replace(os.sep, "/"))
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return printable_path(rel.as_posix())


def printable_path(text: str) -> str:
    """A file name that is not valid UTF-8 reaches Python as lone surrogates, which no UTF-8
    output (JSON, the UI) can carry: show the broken bytes as U+FFFD instead."""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse_file(path: Path, root: Path) -> ParseResult:
    """Every article in ``path``; ids are relative to ``root``. Bad content becomes problems."""
    rel = relative_id(path, root)
    try:
        return _parse_file(path, rel)
    except Exception as exc:  # a reader's bug must cost one file, never the folder's load
        return _failed(rel, f"could not read ({type(exc).__name__}: {exc})")


def _parse_file(path: Path, rel: str) -> ParseResult:
    suffix = inner_suffix(path)
    if suffix in _WEB_ARCHIVE_SUFFIXES:
        return _parse_web_archive(path, rel, packed=suffix in WACZ_SUFFIXES)
    try:
        if tar_suffix(path.name):
            return _parse_archive(read_file_bytes(path, unpack=False), rel, tar=True)
        cut = None
        try:
            data = read_file_bytes(path)
        except TarInArchive:  # "corpus.gz" holding a tar archive
            return _parse_archive(read_file_bytes(path, unpack=False), rel, tar=True)
        except CutShortFile as exc:
            data, cut = exc.data, str(exc)
        if suffix in ZIP_SUFFIXES:
            if not data.startswith(ZIP_MAGIC):
                return _failed(rel, "corrupt zip archive: it does not start with a zip header")
            return _cut_short(_parse_archive(data, rel), rel, cut)
    except (OSError, NotText, Refused) as exc:
        return _failed(rel, read_reason(exc))
    result = _parse_bytes(data, suffix=suffix, rel=rel, source=path, section=rel)
    note = snapshot_note(path) if path.name in SNAPSHOT_COPY_NAMES else None
    return _cut_short(_noted(result, note) if note is not None else result, rel, cut)


# what each article read from a compressed file cut short says of itself
CUT_SHORT_NOTE = "read from a compressed file cut short: text after the cut is missing"


def _cut_short(result: ParseResult, rel: str, reason: str | None) -> ParseResult:
    """``result`` of a file cut short (``reason``): the file's problem named, and each article
    saying that its text may end early."""
    if reason is None:
        return result
    noted = _noted(result, CUT_SHORT_NOTE)
    return dataclasses.replace(noted, problems=(*noted.problems, LoadProblem(rel, reason)))


def _parse_bytes(
    data: bytes, *, suffix: str, rel: str, source: Path | None, section: str
) -> ParseResult:
    """A file's (or an archive member's) articles from its bytes, by the reader of what they
    hold: a ``.doc`` or ``.xls`` is often a web page or a table under that name, noted."""
    read_as = content_suffix(data, suffix) if suffix in SNIFFED_SUFFIXES else suffix
    try:
        document = _parse_document(data, suffix=read_as, rel=rel, section=section)
        if document is None:
            decoded, layout_suffix, url = _decode(data, read_as)
            document = _parse_decoded(
                decoded, rel=rel, suffix=layout_suffix, source=source, section=section, url=url
            )
    except (NotText, Refused) as exc:
        return _failed(rel, read_reason(exc))
    note = content_note(suffix, read_as)
    return _noted(document, note) if note is not None else document


def _noted(result: ParseResult, note: str) -> ParseResult:
    """Every article of ``result`` with one more note on how it was read."""
    return dataclasses.replace(
        result,
        articles=tuple(
            dataclasses.replace(a, problems=(*a.problems, note)) for a in result.articles
        ),
    )


def _parse_web_archive(path: Path, rel: str, *, packed: bool) -> ParseResult:
    """A crawl's web archive, read as a stream (it may run to gigabytes); ``packed``: a WACZ,
    the zip of a crawl's WARC files."""
    try:
        regular_size(path, MAX_WARC_BYTES)
        if packed:
            articles, problems = parse_wacz(path, rel_path=rel)
            return _finished(ParseResult(tuple(articles), tuple(problems)), rel=rel, section=rel)
        with path.open("rb") as handle:
            return _web_archive(handle, rel=rel, section=rel)
    except (OSError, Refused) as exc:
        return _failed(rel, read_reason(exc))


def _web_archive(handle: IO[bytes], *, rel: str, section: str) -> ParseResult:
    try:
        articles, problems = parse_warc(handle, rel_path=rel)
    except Exception as exc:  # a parser bug must cost one file, not the whole folder
        return _failed(rel, f"could not parse ({type(exc).__name__}: {exc})")
    return _finished(ParseResult(tuple(articles), tuple(problems)), rel=rel, section=section)


def _decode(data: bytes, suffix: str) -> tuple[Decoded, str, str | None]:
    """The file's text, the suffix that decides its layout, and the address a browser saved it
    from (MHTML and Safari web archives only; pages keep theirs in the HTML)."""
    if suffix in MHTML_SUFFIXES or suffix in WEBARCHIVE_SUFFIXES:
        page = saved_page(data) if suffix in MHTML_SUFFIXES else safari_page(data)
        return page.decoded, ".html", page.url
    return decode_bytes(data, json=suffix in JSON_SUFFIXES), suffix, None


def _parse_decoded(
    decoded: Decoded,
    *,
    rel: str,
    suffix: str,
    source: Path | None,
    section: str,
    url: str | None = None,
) -> ParseResult:
    """The articles of one decoded file, their category from the folders of ``section``;
    ``url`` for those that do not name their own."""
    try:
        # page.html.gz is read as a page: the name inside the compression decides the layout
        result = _parse_text(decoded.text, rel=rel, suffix=suffix, source=source)
    except Exception as exc:  # a parser bug must cost one file, not the whole folder
        return _failed(rel, f"could not parse ({type(exc).__name__}: {exc})")
    return _finished(result, rel=rel, section=section, note=decoded.note, url=url)


def _parse_document(data: bytes, *, suffix: str, rel: str, section: str) -> ParseResult | None:
    """A document that is no text file: a workbook read as tables, an e-mail or a mailbox by
    its messages, a Word, OpenDocument, RTF or PDF document as the plain text of its
    paragraphs; None for any other file."""
    if suffix not in DOCUMENT_SUFFIXES:
        return None
    try:
        found = document_articles(data, suffix=suffix, rel=rel)
        if found is not None:
            return _finished(ParseResult(*found), rel=rel, section=section)
        text, url, repairs = text_of_document(data, suffix)
    except (NotDocument, NotRtf, NotText, NotPdf) as exc:
        return _failed(rel, str(exc))
    except Exception as exc:  # a parser bug must cost one file, not the whole folder
        return _failed(rel, f"could not parse ({type(exc).__name__}: {exc})")
    decoded = Decoded(text, "utf-8", repairs=repairs)
    return _parse_decoded(decoded, rel=rel, suffix=".txt", source=None, section=section, url=url)


def _finished(
    result: ParseResult, *, rel: str, section: str, note: str | None = None, url: str | None = None
) -> ParseResult:
    """What every file's articles get: the decoder's ``note``, a problem for an empty field, the
    ``url`` a file gave outside its text, the category of the folders of ``section``."""
    articles = result.articles
    if note:
        articles = tuple(dataclasses.replace(a, problems=(note, *a.problems)) for a in articles)
    if url is not None:
        articles = tuple(a if a.url else dataclasses.replace(a, url=url) for a in articles)
    articles = tuple(repaired_article(a) for a in articles)
    category = folder_category(section)
    if category is not None:  # a file that names its own category keeps it
        articles = tuple(
            a if a.category else dataclasses.replace(a, category=category) for a in articles
        )
    problems = result.problems
    if not articles and not problems and not result.sidecar:
        problems = (LoadProblem(rel, "no article found in the file"),)
    return ParseResult(articles, problems)


def _parse_archive(data: bytes, rel: str, *, tar: bool = False) -> ParseResult:
    """Each member of a zip or tar archive read as the file it would be in the folder (id
    ``archive.zip/member``); its section from its folders inside the archive, else from the
    archive's own. A member's problem names the member; a damaged archive keeps the members
    read before the damage."""
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    members = (
        tar_members(data, member_limit=size_limit)
        if tar
        else zip_members(io.BytesIO(data), member_limit=size_limit)
    )
    try:
        for member in members:
            name = printable_path(member.name)
            try:
                found = _parse_member(member, rel=rel, name=name)
            except Exception as exc:  # as parse_file: one member's reader bug costs that member
                found = _failed(f"{rel}/{name}", f"could not read ({type(exc).__name__}: {exc})")
            articles.extend(dataclasses.replace(a, path=rel) for a in found.articles)
            problems.extend(LoadProblem(rel, f"{name}: {p.reason}") for p in found.problems)
    except ArchiveProblem as exc:
        problems.append(LoadProblem(rel, str(exc)))
    if not articles and not problems:
        kind = "tar" if tar else "zip"
        problems.append(LoadProblem(rel, f"no article file in the {kind} archive"))
    return ParseResult(tuple(articles), tuple(problems))


def _parse_member(member: Member, *, rel: str, name: str) -> ParseResult:
    member_rel = f"{rel}/{name}"
    if member.data is None:
        return _failed(member_rel, member.reason)
    suffix = inner_suffix(PurePath(member.name))
    section = member.inside if "/" in member.inside else rel
    if suffix in WARC_SUFFIXES:  # the web archive's reader unpacks its own records
        return _web_archive(io.BytesIO(member.data), rel=member_rel, section=section)
    cut = None
    try:
        data = unpacked(member.data, PurePath(member.name))
    except CutShortFile as exc:
        data, cut = exc.data, str(exc)
    except (NotText, Refused) as exc:
        return _failed(member_rel, read_reason(exc))
    result = _parse_bytes(data, suffix=suffix, rel=member_rel, source=None, section=section)
    return _cut_short(result, member_rel, cut)


def _failed(rel: str, reason: str) -> ParseResult:
    return ParseResult((), (LoadProblem(rel, reason),))


def _parse_text(text: str, *, rel: str, suffix: str, source: Path | None = None) -> ParseResult:
    if suffix in SERVER_PAGE_SUFFIXES and text.lstrip("\ufeff \t\r\n").startswith(_SOURCE_CODE):
        # a site's own script left beside the pages it saved, not a page the server sent
        return _failed(rel, f"server-side source code ({suffix}), not a saved page")
    if suffix in (".txt", "") and looks_whatsapp(text, rel):
        chat, left_out = parse_whatsapp(text, rel_path=rel)
        return ParseResult(tuple(chat), tuple(left_out))
    if looks_nexis(text) or looks_factiva(text):
        parse = parse_nexis if looks_nexis(text) else parse_factiva
        articles, problems = parse(text, rel_path=rel)
        return ParseResult(tuple(articles), tuple(problems))
    layout = detect_layout(text, suffix)
    if layout is Layout.CSV:
        names_file = (
            (lambda value: names_file_in(source.parent, value)) if source is not None else None
        )
        table = parse_csv(text, rel_path=rel, suffix=suffix, names_file=names_file)
        return ParseResult(table.articles, table.problems, sidecar=table.sidecar)
    if layout is Layout.MARKUP:
        if looks_telegram_html(text):
            messages, problems = parse_telegram_html(text, rel_path=rel)
            return ParseResult(tuple(messages), tuple(problems))
        found = (
            parse_html(text, rel_path=rel)
            if looks_html(text, suffix)
            else parse_xml_news(text, rel_path=rel)
        )
        return ParseResult(found.articles, found.problems)
    if layout is Layout.TREC:
        trec = parse_trec(text, rel_path=rel)
        return ParseResult(trec.articles, trec.problems)
    if layout is Layout.JSON:
        misnamed = suffix in CSV_SUFFIXES  # JSON Lines saved as .csv
        lines = suffix in JSON_LINES_SUFFIXES or misnamed
        try:
            json_found = parse_json(text, rel_path=rel, lines=lines)
        except NotJson as exc:
            if suffix in JSON_SUFFIXES and not looks_delimited(text):
                return _failed(rel, str(exc))
            # a text file that only starts like JSON ("[Photo] ...", "{{template}}"): read as
            # text, and a table saved as .json as the table it is
            layout = detect_layout(text, suffix, allow_json=False)
            if layout is Layout.CSV and suffix in JSON_SUFFIXES:
                table = parse_csv(text, rel_path=rel, suffix=".csv")
                as_table = ParseResult(table.articles, table.problems)
                return _noted(as_table, f"read as a CSV table: the {suffix} file holds one")
        else:
            read = ParseResult(json_found.articles, json_found.problems)
            note = f"read as JSON Lines: the {suffix} file holds them"
            return _noted(read, note) if misnamed else read
    if layout is Layout.SCRAPED:
        return ParseResult((parse_scraped(text, article_id=rel, path=rel),), ())
    article = parse_plain(text, rel_path=rel, markdown=layout is Layout.MARKDOWN)
    if article is None:
        return _failed(rel, "no text in the file")
    return ParseResult((article,), ())
