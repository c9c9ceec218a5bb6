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

Each step is a small function: ``clean_lines``, ``split_title``, ``find_footer``,
``find_unfootered_appended``, ``split_body`` (date line, body, related), ``parse_source_line``,
``split_appended``. The final "appended" marker is told from an inline one by position: it comes
after the source/tags footer. Without a footer, only a marker that is spelled differently from the
inline ones, ends with a colon and is followed by a headline and a paragraph counts as final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.formats.dates import month_names, parse_date
from reader.formats.tags import (
    READ_ALSO,
    TAG_LABEL,
    split_tag_line,
    strip_read_also_debris,
)
from reader.model import Appended, Article
from reader.text.normalize import normalize

# Invisible direction marks and zero-width characters scrapers leave around lines.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
_STRIP = " \t\r\u00a0\u3000" + _INVISIBLE
_SEP = r"[:：|｜\-–]"

_MARKER = re.compile(rf"^[\s\W]*{READ_ALSO}[\s:：.…\-–]*$")
_MARKER_WITH_HEADLINE = re.compile(rf"^\s*{READ_ALSO}\s*(?:[:：\-–]\s*)?(?P<rest>\S.*)$")
_DATE_LABEL = re.compile(
    r"^\s*(?:(?P<strong>تاريخ\s+النشر|تاريخ\s+نشر|published(?:\s+on)?)"
    r"|نشر\s+(?:في|بتاريخ)|تم\s+النشر|date)"
    rf"\s*(?:{_SEP}\s*)?(?P<value>.*)$",
    re.IGNORECASE,
)
# "آخر تحديث:" is page furniture like the date line; it is dropped, and used only without a date.
_UPDATED_LABEL = re.compile(
    rf"^\s*(?:آخر\s+تحديث|اخر\s+تحديث|updated)\s*(?:{_SEP}\s*)?(?P<value>.*)$", re.IGNORECASE
)
_SOURCE_LABEL = r"[اإأ]لمصدر"
_SOURCE_LINE = re.compile(rf"^\s*{_SOURCE_LABEL}(?!\w)\s*(?P<sep>{_SEP})?\s*(?P<value>.*)$")
_SOURCE_REPEAT = re.compile(rf"{_SOURCE_LABEL}\s*{_SEP}")
_TAG_LINE = re.compile(rf"^\s*{TAG_LABEL}(?!\w)")
# Furniture glued onto another line (see unglue_lines): only labelled, unambiguous shapes.
_GLUED_DATE_LABEL = re.compile(r"تاريخ\s+النشر\s*[:：]")
_DATE_THEN_TEXT = re.compile(
    r"^(?P<date>\s*تاريخ\s+النشر\s*[:：]?\s*.*?(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:]+(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|\d{4}(?:\s*[,،]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC|[+-]\d{4}))?)(?:\s*[مه]ـ?(?!\w))?)"
    r"(?P<rest>.*)$"
)
_GLUED_TAG_LABEL = re.compile(rf"{TAG_LABEL}\s*[:：]")
_GLUED_DOUBLE_SOURCE = re.compile(
    r"[اإأ]لمصدر\s*[|｜]\s*(?P<source>[^|｜]+?)\s*[اإأ]لمصدر\s*[:：]\s*(?P=source)\s*$"
)
# A line made only of date material: weekday and month names, digits, ordinals, zones, م / هـ.
_DATE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:\d+(?:st|nd|rd|th|م|ه|ص)?|gmt|utc|am|pm|of|الموافق|ه|م|ص|"
    r"السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)(?!\w)"
)
_CLOSING_QUOTES = ('"', "»", "”", "'", "’")
_SENTENCE_ENDS = (".", "!", "?", "؟", "…", '"', "»", "”", ")", "'")
_MARKER_MAX_CHARS = 40
_HEADLINE_MAX_WORDS = 30
_HEADLINE_MAX_CHARS = 220


@dataclass(frozen=True, slots=True)
class BodyParts:
    """What the region between the title and the footer holds."""

    body: tuple[str, ...]
    related: tuple[str, ...]
    date_text: str | None
    # source lines found inside the body: used only when the footer names no source
    stray_sources: tuple[str, ...] = ()


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, with NBSP as a space and edge spaces and direction marks removed."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ").strip(_STRIP)
        if line:
            lines.append(line)
    return lines


def unglue_lines(lines: list[str]) -> list[str]:
    """Split page furniture the scraper glued onto a neighbouring line back onto its own line.

    Inline elements lose their line break in the scrape (the sample shows the source written twice
    on one line, and "read also" glued after the tags). The same can happen to a "read also" marker
    after a paragraph, to the date line before the first paragraph, or to a doubled source line or a
    tags label after the last paragraph. Only unambiguous furniture is cut out.
    """
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(_unglue(line, near_top=index < 3))
    return out


def _unglue(line: str, *, near_top: bool) -> list[str]:
    if near_top and (match := _GLUED_DATE_LABEL.search(line)) and match.start() > 0:
        return [
            *_unglue(line[: match.start()].strip(_STRIP), near_top=False),
            *_unglue(line[match.start() :], near_top=True),
        ]
    if len(line) > 80 and (match := _DATE_THEN_TEXT.match(line)):
        rest = match["rest"].strip(_STRIP)
        if len(rest.split()) >= 3:
            return [match["date"].strip(_STRIP), *_unglue(rest, near_top=False)]
    if is_tag_line(line) or is_marker(line):
        return [line]
    if _may_hold_tag_label(line) and (match := _GLUED_TAG_LABEL.search(line)) and match.start() > 0:
        return [
            *_unglue(line[: match.start()].strip(_STRIP), near_top=False),
            line[match.start() :],
        ]
    if "لمصدر" in line and (match := _GLUED_DOUBLE_SOURCE.search(line)) and match.start() > 0:
        return [line[: match.start()].strip(_STRIP), line[match.start() :].strip(_STRIP)]
    if (match := _MARKER_WITH_HEADLINE.match(line)) and not is_headline(match["rest"]):
        return [match["rest"].strip(_STRIP)]  # a marker glued before a whole paragraph
    stripped = strip_read_also_debris(line)
    if stripped != line.rstrip() and not is_source_line(line):
        stripped = stripped.strip(_STRIP)
        return [stripped, "اقرأ أيضاً"] if stripped else [line]
    return [line]


def _may_hold_tag_label(line: str) -> bool:
    # a cheap test before the label regex, which is slow on long paragraphs
    return "دلال" in line or "وسوم" in line or "مفتاح" in line or "\u0640" in line


def is_marker(line: str) -> bool:
    """Is ``line`` a "read also" marker on its own (any spelling, colon or not)?"""
    return len(line) <= _MARKER_MAX_CHARS and _MARKER.match(line) is not None


def marker_headline(line: str) -> str | None:
    """The headline glued after a marker on the same line (``اقرأ أيضاً: headline``), if any."""
    match = _MARKER_WITH_HEADLINE.match(line)
    if match is None or is_marker(line):
        return None
    rest = match["rest"].strip(_STRIP)
    return rest if rest and is_headline(rest) else None


def date_line_value(line: str) -> str | None:
    """The text after a ``تاريخ النشر:`` label, or ``None`` when ``line`` is not a date line."""
    if len(line) > 120:
        return None
    match = _DATE_LABEL.match(line)
    if match is None:
        return None
    value = match["value"].strip(_STRIP)
    # "نشر في ..." may also open a body sentence: such weak labels need a date after them.
    if match["strong"] is None and parse_date(value) is None:
        return None
    return value


def is_bare_date_line(line: str) -> bool:
    """A line holding a date and nothing else (a page that prints the date without a label)."""
    if len(line) > 60 or parse_date(line) is None:
        return False
    folded = normalize(line)
    for name in month_names():
        folded = folded.replace(name, " ")
    leftover = _DATE_WORDS.sub(" ", folded)
    return not re.sub(r"[\W_]+", "", leftover)


def is_updated_line(line: str) -> bool:
    match = _UPDATED_LABEL.match(line) if len(line) <= 120 else None
    return match is not None and parse_date(match["value"]) is not None


def is_source_line(line: str) -> bool:
    if "لمصدر" not in line[:12]:
        return False  # cheap test first: every line of every page goes through here
    match = _SOURCE_LINE.match(line)
    if match is None:
        return False
    # Without a separator only a short line can be the source line ("المصدر الخليج الجديد"); a
    # body sentence may begin with the word.
    return len(line) <= (200 if match["sep"] else 60)


def is_tag_line(line: str) -> bool:
    return _may_hold_tag_label(line[:40]) and _TAG_LINE.match(line) is not None


def is_meta_line(line: str) -> bool:
    """Page furniture that is never body text."""
    return (
        is_marker(line)
        or is_source_line(line)
        or is_tag_line(line)
        or date_line_value(line) is not None
        or is_updated_line(line)
    )


def is_headline(line: str) -> bool:
    """Short and without the full stop that ends a paragraph (headlines may end with ? ! or ..)."""
    words = len(line.split())
    if not 0 < words <= _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    end = line.rstrip(" \"'»”’)]›")
    if end.endswith(("..", "…")):
        return True
    return not end.endswith((".", "،", ",", "؛", ";", ":"))


def is_paragraph(line: str) -> bool:
    return not is_headline(line) or len(line.split()) >= 20


def parse_source_line(line: str) -> str | None:
    """``المصدر | Xالمصدر: X`` (the scraper writes it twice), ``المصدر: X`` or ``المصدر | X`` -> X."""
    match = _SOURCE_LINE.match(line)
    if match is None:
        return None
    # without a tag line, the "read also" heading of the appended section glues onto this line
    value = strip_read_also_debris(match["value"])
    parts = [p.strip(_STRIP + ":：|｜-–") for p in _SOURCE_REPEAT.split(value)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    source = parts[0]
    half = len(source) // 2
    # "XX" without the second label: the same text twice in a row
    if len(source) % 2 == 0 and source[:half] == source[half:]:
        source = source[:half].strip()
    return source or None


def split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title unless it is page furniture (then there is no title)."""
    if not lines or is_meta_line(lines[0]):
        return "", lines
    return lines[0], lines[1:]


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
    ``اقرأ أيضاً`` and the final one as ``إقرأ أيضاً:``. The last marker counts as final when it ends
    with a colon, no earlier marker is spelled the same way, and a headline and a paragraph follow.
    """
    markers = [i for i, line in enumerate(lines) if is_marker(line)]
    if not markers:
        return None
    last = markers[-1]
    spelling = " ".join(lines[last].split())
    if not spelling.rstrip().endswith((":", "：")):
        return None
    if any(" ".join(lines[i].split()) == spelling for i in markers[:-1]):
        return None
    after = [line for line in lines[last + 1 :] if not is_meta_line(line)]
    if len(after) >= 2 and is_headline(after[0]) and is_paragraph(after[1]):
        return last
    return None


def split_body(lines: list[str]) -> BodyParts:
    """Date line, body paragraphs and related headlines of the region between title and footer."""
    body: list[str] = []
    related: list[str] = []
    date_text: str | None = None
    updated_text: str | None = None
    stray_sources: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        value = date_line_value(line)
        if value is not None:
            date_text = value if date_text is None else date_text
        elif is_updated_line(line):
            match = _UPDATED_LABEL.match(line)
            updated_text = match["value"].strip(_STRIP) if match else None
        elif i == 0 and date_text is None and is_bare_date_line(line):
            date_text = line
        elif is_marker(line):
            following = lines[i + 1] if i + 1 < len(lines) else None
            # A marker takes the next line as its headline only when that line looks like one;
            # a marker left alone (before the source line, or before a paragraph) is dropped.
            if following is not None and not is_meta_line(following) and is_headline(following):
                related.append(following)
                i += 1
        elif (headline := marker_headline(line)) is not None:
            related.append(headline)
        elif is_source_line(line):
            # a source line inside the body (a photo credit, or the footer printed early)
            stray_sources.append(line)
        elif is_tag_line(line):
            pass
        else:
            body.append(line)
        i += 1
    return BodyParts(tuple(body), tuple(related), date_text or updated_text, tuple(stray_sources))


def _starts_next_article(previous: str, line: str, following: str | None) -> bool:
    """Is ``line`` the headline of the next appended article?

    A headline is short (3 to 20 words), has no final full stop and does not end with a closing
    quote (a quoted sentence without its full stop is a paragraph); the line before it closed a
    sentence, and a paragraph follows it.
    """
    words = len(line.split())
    if not 3 <= words <= 20 or not is_headline(line) or line.endswith(_CLOSING_QUOTES):
        return False
    if following is None or is_marker(following) or not is_paragraph(following):
        return False
    return previous.rstrip().endswith(_SENTENCE_ENDS)


def split_appended(lines: list[str]) -> tuple[Appended, ...]:
    """Articles glued after the final marker: a headline, then paragraphs, maybe several times.

    A new article starts after a marker, or at a headline-like line (short, no final full stop, at
    least three words) that follows at least one paragraph of the current article and is itself
    followed by a paragraph. Site headlines glued into a long first line stay in that body.
    """
    content = [line for line in lines if not is_meta_line(line) or is_marker(line)]
    articles: list[tuple[str, list[str]]] = []
    expect_title = True
    for i, line in enumerate(content):
        if is_marker(line):
            expect_title = True
            continue
        glued = marker_headline(line)
        if glued is not None:
            articles.append((glued, []))
            expect_title = False
            continue
        if expect_title or not articles:
            # the line after a marker is the title by position, even when it ends with a full
            # stop; only a paragraph-sized line means the scraper lost the title
            is_title = len(line.split()) <= _HEADLINE_MAX_WORDS and len(line) <= _HEADLINE_MAX_CHARS
            articles.append((line, []) if is_title else ("", [line]))
            expect_title = False
            continue
        following = content[i + 1] if i + 1 < len(content) else None
        body = articles[-1][1]
        if body and _starts_next_article(body[-1], line, following):
            articles.append((line, []))
        else:
            articles[-1][1].append(line)
    return tuple(Appended(title, "\n".join(body)) for title, body in articles if title or body)


def looks_scraped(text: str) -> bool:
    """Does ``text`` carry the markers of the scraped layout (date, source, tags or read-also lines)?"""
    head = text.lstrip(_STRIP + "\n")
    if head[:5].lower() == "<doc>" or head.startswith(("{", "[{")):
        return False
    for line in clean_lines(text):
        if is_source_line(line) or is_tag_line(line) or is_marker(line):
            return True
        match = _DATE_LABEL.match(line)
        if match is not None and match["strong"] and len(line) <= 120:
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


def _parse(text: str, *, article_id: str, path: str) -> Article:
    lines = unglue_lines(clean_lines(text))
    title, rest = split_title(lines)
    problems: list[str] = []
    if not title:
        problems.append("no title line")

    source: str | None = None
    tags: list[str] = []
    appended_lines: list[str] = []
    footer_related: tuple[str, ...] = ()
    footer = find_footer(rest)
    if footer is not None:
        start, end = footer
        for line in rest[start:end]:
            if is_source_line(line) and source is None:
                source = parse_source_line(line)
            elif is_tag_line(line) and not tags:
                tags = split_tag_line(line)
        # a "read also" block between the source and tag lines holds a related headline
        footer_related = split_body(
            [line for line in rest[start:end] if not _is_footer_line(line)]
        ).related
        main, appended_lines = rest[:start], rest[end:]
    else:
        final = find_unfootered_appended(rest)
        main, appended_lines = (rest, []) if final is None else (rest[:final], rest[final:])

    parts = split_body(main)
    related = parts.related + footer_related
    if source is None:
        source = next(filter(None, map(parse_source_line, parts.stray_sources)), None)
    date = None
    if parts.date_text is None:
        problems.append("no date line")
    else:
        date = parse_date(parts.date_text)
        if date is None:
            problems.append(f"date not understood: {parts.date_text}")
    if not parts.body:
        problems.append("no body text")
    return Article(
        id=article_id,
        title=title,
        body="\n".join(parts.body),
        date=date,
        source=source,
        tags=tuple(tags),
        related=related,
        appended=split_appended(appended_lines),
        problems=tuple(problems),
        path=path,
    )
