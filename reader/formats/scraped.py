"""The scraped-page layout of ``seeds/`` (issue 2): a news page flattened to lines by a scraper.

A page reads, top to bottom::

    title
    تاريخ النشر: 7th, December 2023 GMT          (date line; may be missing or in another format)
    body paragraphs, with inline "read also" blocks:
        اقرأ أيضاً                               (marker, any spelling)
        a related headline                        (not body text)
    المصدر | الخليج الجديدالمصدر: الخليج الجديد   (source, often written twice by the scraper)
    كلمات دلالية: tag words ... اقرأ أیضا         (tags joined by spaces, "read also" debris glued on)
    إقرأ أيضاً:                                   (the final marker: what follows is not this article)
    appended article: headline, paragraphs; then maybe more appended articles

Each step is a small function: ``clean_lines`` and ``unglue_lines`` (in ``scraped_lines``, with
the classifiers of single lines and ``parse_source_line``), ``find_footer`` and
``find_unfootered_appended`` here, then ``split_title``, ``split_body`` (date line, body, related)
and ``split_appended`` (in ``scraped_regions``). The final "appended" marker is told from an inline one by position: it comes
after the source/tags footer. Without a footer, only a marker that is spelled differently from the
inline ones, ends with a colon and is followed by a headline and a paragraph counts as final.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reader.formats.bylines import header_lines
from reader.formats.dates import date_line_date, parse_date
from reader.formats.debris import drop_debris, url_of_line
from reader.formats.hijri_dates import parse_hijri_date
from reader.formats.markup_text import text_of_markup
from reader.formats.scraped_lines import (
    STRIP,
    clean_lines,
    is_headline,
    is_marker,
    is_meta_line,
    is_paragraph,
    is_publication_date_line,
    is_source_line,
    is_tag_line,
    marker_headline,
    parse_source_line,
    unglue_lines,
)
from reader.formats.scraped_regions import split_appended, split_body, split_title
from reader.formats.tags import split_tag_line, strip_read_also_debris
from reader.formats.titles import TITLE_FROM_FILE_NAME, file_name_wins, title_from_filename
from reader.model import Article


def _is_footer_line(line: str) -> bool:
    return is_source_line(line) or is_tag_line(line)


def _block_end(lines: list[str], start: int) -> int:
    """End of the footer block starting at ``start``: source and tag lines, and "read also"
    blocks (marker, maybe a headline) sitting between two of them."""
    end = start + 1
    while end < len(lines):
        if _is_footer_line(lines[end]):
            end += 1
        elif is_marker(lines[end]) and end + 1 < len(lines) and _is_footer_line(lines[end + 1]):
            end += 2
        elif (
            is_marker(lines[end])
            and end + 2 < len(lines)
            and is_headline(lines[end + 1])
            and not is_meta_line(lines[end + 1])
            and _is_footer_line(lines[end + 2])
        ):
            end += 3
        else:
            break
    return end


def _is_strong_block(lines: list[str]) -> bool:
    # The site's own footer: a tag line, or the source in its "المصدر | X" form. A lone
    # "المصدر: X" may also be a photo credit inside the body.
    return any(is_tag_line(line) or (is_source_line(line) and "|" in line) for line in lines)


def _is_closing_block(lines: list[str], start: int, end: int) -> bool:
    """Does the page end, or does a "read also" section begin, right after this block?"""
    if end == len(lines) or is_marker(lines[end]) or marker_headline(lines[end]):
        return True
    return any(strip_read_also_debris(line) != line.rstrip() for line in lines[start:end])


def find_footer(lines: list[str]) -> tuple[int, int] | None:
    """``[start, end)`` of the source/tags block that closes the article, or ``None``.

    A block is a run of source and tag lines (with any "read also" block between two of them).
    Preference, in order: the first *strong* block (tag line or ``المصدر |`` source) that closes
    the page (the page ends, a marker follows, or the tag line carries glued "read also" debris);
    the first strong block; the first closing weak block; the last weak block. So a photo credit
    in the body is not taken as the end, nor is the source line of an appended article.
    """
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if _is_footer_line(lines[i]):
            end = _block_end(lines, i)
            blocks.append((i, end))
            i = end
        else:
            i += 1
    # a block with no text before it (a source printed under the date) cannot end the article
    blocks = [(a, b) for a, b in blocks if any(not is_meta_line(line) for line in lines[:a])]
    strong = [(a, b) for a, b in blocks if _is_strong_block(lines[a:b])]
    weak = [(a, b) for a, b in blocks if (a, b) not in strong]
    for a, b in strong:
        if _is_closing_block(lines, a, b):
            return a, b
    if strong:
        return strong[0]
    for a, b in weak:
        if _is_closing_block(lines, a, b):
            return a, b
    return weak[-1] if weak else None


def find_unfootered_appended(lines: list[str]) -> int | None:
    """Index of the final "appended" marker on a page without a source/tags footer, or ``None``.

    Without the footer only the marker's spelling can tell: the site prints inline markers as
    ``اقرأ أيضاً`` and the final one as ``إقرأ أيضاً:``. A marker counts as final when it ends with a
    colon, no marker before it is spelled the same way, every marker after it is (separators
    between appended articles; only when differently spelled inline markers come before it), and a
    headline and a paragraph follow it.
    """
    markers = [i for i, line in enumerate(lines) if is_marker(line)]
    spellings = [" ".join(lines[i].split()) for i in markers]
    for k, index in enumerate(markers):
        spelling = spellings[k]
        if not spelling.endswith((":", "：")) or spelling in spellings[:k]:
            continue
        later = spellings[k + 1 :]
        if any(other != spelling for other in later):
            continue
        # the same spelling repeated with no differently spelled inline marker before it: could
        # be inline markers that all carry a colon, so no evidence
        if later and k == 0:
            continue
        after = [line for line in lines[index + 1 :] if not is_meta_line(line)]
        if len(after) >= 2 and is_headline(after[0]) and is_paragraph(after[1]):
            return index
    return None


def looks_scraped(text: str) -> bool:
    """Does ``text`` carry the markers of the scraped layout (date, source, tags or read-also lines)?"""
    head = text.lstrip(STRIP + "\n")
    if head[:5].lower() == "<doc>" or head.startswith(("{", "[{")):
        return False
    for line in clean_lines(text):
        if is_source_line(line) or is_tag_line(line) or is_marker(line):
            return True
        if is_publication_date_line(line):
            return True
    return False


def parse_scraped(text: str, *, article_id: str, path: str) -> Article:
    """One article from a scraped page; problems are reported in ``Article.problems``. Never raises."""
    try:
        return _parse(text, article_id=article_id, path=path)
    except Exception as error:  # a parser bug must not lose the file: keep its text as the body
        body = "\n".join(clean_lines(text))
        return Article(
            id=article_id,
            title=body.split("\n", 1)[0] if body else "",
            body=body,
            path=path,
            problems=(f"scraped layout not understood ({type(error).__name__}: {error})",),
        )


def _is_colon_marker(line: str) -> bool:
    # the final marker ends with a colon (find_unfootered_appended); the test is cheap
    return line.endswith((":", "：")) and is_marker(line)


def _head_debris(lines: list[str]) -> tuple[str | None, dt.date | None, list[str]]:
    """The page's URL line and an unlabelled date line above the title (``15 رمضان 1433 هـ``, a
    Hijri date too), and the lines without them. A labelled date line is ``split_body``'s."""
    url: str | None = None
    date: dt.date | None = None
    while len(lines) > 1:
        if url is None and (found := url_of_line(lines[0])) is not None:
            url = found
        elif date is None and not is_meta_line(lines[0]) and (day := date_line_date(lines[0])):
            date = day
        else:
            break
        lines = lines[1:]
    return url, date, lines


def _parse(text: str, *, article_id: str, path: str) -> Article:
    # script, ad and share lines (debris.py) go first, so none can pass for a title or a paragraph
    lines = unglue_lines(drop_debris(clean_lines(text_of_markup(text))))
    url, lead_date, lines = _head_debris(lines)
    problems: list[str] = []
    title, rest = _title(lines, path, problems)
    # a byline or a source line right under the headline heads the text: not the footer
    header, rest = header_lines(rest)
    page = _split_page(rest)
    parts = split_body(page.main)
    source = header.source or page.source
    if source is None:
        source = next(filter(None, map(parse_source_line, parts.stray_sources)), None)
    date = _date(lead_date or header.date, parts.date_text, problems)
    if not parts.body:
        problems.append("no body text")
    return Article(
        id=article_id,
        title=title,
        body="\n".join(parts.body),
        date=date,
        source=source,
        url=url,
        author=header.author,
        tags=page.tags,
        related=parts.related + page.related,
        appended=split_appended(page.appended),
        problems=tuple(problems),
        path=path,
    )


def _title(lines: list[str], path: str, problems: list[str]) -> tuple[str, list[str]]:
    """The title and the lines after it: the first line, or the headline the file name holds when
    there is no headline line or the first line is a paragraph."""
    title, rest = split_title(lines)
    named = title_from_filename(path)
    if named and (
        not title or not is_headline(title) or file_name_wins(title, named, alone=not rest)
    ):
        title, rest = named, lines
        problems.append(TITLE_FROM_FILE_NAME)
    if not title:
        problems.append("no title line")
    return title, rest


@dataclass(frozen=True, slots=True)
class _Page:
    """The lines after the title, split at the footer: the article's own lines (``main``), the
    lines of the articles appended after it, and what the footer says."""

    main: list[str]
    appended: list[str]
    source: str | None = None
    tags: tuple[str, ...] = ()
    # headlines of a "read also" block inside the footer
    related: tuple[str, ...] = ()


def _split_page(rest: list[str]) -> _Page:
    footer = find_footer(rest)
    final = None
    if footer is None or any(_is_colon_marker(line) for line in rest[: footer[0]]):
        final = find_unfootered_appended(rest)
    # A final marker spelled unlike the inline ones before it opens the appended section *above*
    # the only footer: that footer is the appended article's, and this one has none.
    if (
        footer is not None
        and final is not None
        and final < footer[0]
        and any(is_marker(line) for line in rest[:final])
    ):
        footer = None
    if footer is None:
        if final is None:
            return _Page(rest, [])
        return _Page(rest[:final], rest[final:])
    start, end = footer
    source: str | None = None
    tags: list[str] = []
    for line in rest[start:end]:
        if is_source_line(line) and source is None:
            source = parse_source_line(line)
        elif is_tag_line(line) and not tags:
            tags = split_tag_line(line)
    # a "read also" block between the source and tag lines holds a related headline
    related = split_body([line for line in rest[start:end] if not _is_footer_line(line)]).related
    return _Page(rest[:start], rest[end:], source, tuple(tags), related)


def _date(lead_date: dt.date | None, date_text: str | None, problems: list[str]) -> dt.date | None:
    """The date line's date; without a date line, the unlabelled date above the title."""
    if date_text is None:
        if lead_date is None:
            problems.append("no date line")
        return lead_date
    date = parse_date(date_text) or parse_hijri_date(date_text)
    if date is None:
        problems.append(f"date not understood: {date_text}")
    return date
