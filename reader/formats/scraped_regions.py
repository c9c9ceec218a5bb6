"""The regions of a scraped page (``scraped.py``) other than its footer: the title line, the body
between title and footer (date line, paragraphs, "read also" headlines: ``split_body``) and the
articles glued after the final marker (``split_appended``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.formats.scraped_lines import (
    HEADLINE_MAX_CHARS,
    HEADLINE_MAX_WORDS,
    continues_text,
    date_line_value,
    is_bare_date_line,
    is_headline,
    is_marker,
    is_meta_line,
    is_paragraph,
    is_source_line,
    is_tag_line,
    marker_headline,
    updated_line_value,
)
from reader.model import Appended

# A headline does not end with a closing quote; a closed sentence ends with one of these.
_CLOSING_QUOTES = ('"', "»", "”", "'", "’")
_SENTENCE_ENDS = (".", "!", "?", "؟", "…", '"', "»", "”", ")", "'")


@dataclass(frozen=True, slots=True)
class BodyParts:
    """What the region between the title and the footer holds."""

    body: tuple[str, ...]
    related: tuple[str, ...]
    date_text: str | None
    # source lines found inside the body: used only when the footer names no source
    stray_sources: tuple[str, ...] = ()


def split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title unless it is page furniture (then there is no title)."""
    if not lines or is_meta_line(lines[0]):
        return "", lines
    return lines[0], lines[1:]


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
        elif (updated := updated_line_value(line)) is not None:
            updated_text = updated
        elif i == 0 and date_text is None and is_bare_date_line(line):
            date_text = line
        elif is_marker(line):
            following = lines[i + 1] if i + 1 < len(lines) else None
            # A marker takes the next line as its headline only when that line looks like one;
            # a marker left alone (before the source line, or before a paragraph) is dropped.
            if following is not None and not is_meta_line(following) and _follows_marker(following):
                extra = _more_related_headlines(lines, i + 2)
                related.extend(lines[i + 1 : i + 2 + extra])
                i += 1 + extra
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


def _follows_marker(line: str) -> bool:
    """Is the line after a "read also" marker its headline (not a paragraph whose link was lost)?

    A headline-shaped line is. So is a short sentence with a full stop (a few sites end headlines
    with one): at most twelve words, one clause (no ``،``), not opening with the conjunction و that
    starts follow-on paragraphs.
    """
    if is_headline(line):
        return True
    words = line.split()
    return (
        len(words) <= _SHORT_HEADLINE_WORDS
        and line.endswith(".")
        and not line.endswith("..")
        and "،" not in line
        and not words[0].startswith("و")
    )


_SHORT_HEADLINE_WORDS = 12


def _more_related_headlines(lines: list[str], start: int) -> int:
    """How many headlines after the first one belong to the same "read also" block.

    Some blocks list several links. Headline-like lines after the first headline are related
    headlines only when another marker follows the run. A run followed by a paragraph is a
    subheading, and one followed by the footer or the end may be a sign-off line of the body
    ("ترجمة وتحرير ..."): both stay in the body.
    """
    end = start
    while end < len(lines) and _is_strict_headline(lines[end]) and not is_meta_line(lines[end]):
        end += 1
    if end == start or end == len(lines) or not is_marker(lines[end]):
        return 0
    return end - start


def _is_strict_headline(line: str) -> bool:
    return (
        3 <= len(line.split()) <= 20
        and is_headline(line)
        and not line.endswith(_CLOSING_QUOTES)
        and not continues_text(line)
    )


def _starts_next_article(previous: str, line: str, following: str | None) -> bool:
    """Is ``line`` the headline of the next appended article?

    A headline is short (3 to 20 words), has no final full stop and does not end with a closing
    quote (a quoted sentence without its full stop is a paragraph); the line before it closed a
    sentence, and a paragraph follows it.
    """
    if not _is_strict_headline(line):
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
            is_title = len(line.split()) <= HEADLINE_MAX_WORDS and len(line) <= HEADLINE_MAX_CHARS
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
