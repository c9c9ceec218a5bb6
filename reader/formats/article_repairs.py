"""What every article gets once its reader has made it, whatever the layout: letters held as
escapes decoded, text encoded twice undone, presentation forms and visual order made letters in
reading order, a news API's cut mark dropped, debris and "read also" links out of the body, a
date from the article's address or its dateline, and a problem for a field left empty. Each
repair that guesses is noted on the article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from reader.formats.codepage_mojibake import NOTE as CODEPAGE_NOTE
from reader.formats.datelines import DATELINE_NOTE, dateline_date
from reader.formats.dates import URL_DATE_NOTE, url_date
from reader.formats.debris import PRESENTATION_NOTE, api_cut, base_letters, clean_lines
from reader.formats.escaped_text import NOTE as ESCAPED_NOTE
from reader.formats.escaped_text import is_escaped, unescaped
from reader.formats.mojibake import repaired
from reader.formats.read_also import split_read_also
from reader.formats.title_source import without_source
from reader.formats.visual_order import VISUAL_ORDER_NOTE, is_visual_order, reading_order
from reader.model import Article
from reader.text.normalize import INVISIBLES


def repaired_article(article: Article) -> Article:
    """``article`` with every repair it needs, in order (the address's date comes last: a url
    a file gave outside its text is set before)."""
    repaired = _uncut(_lettered(_unmangled(_unescaped(article))))
    return _dated_by_dateline(_dated_by_address(_flag_empty(_tidied(_not_yet(repaired)))))


def _not_yet(article: Article) -> Article:
    """A date still to come is a typo or a misread field (``2031-05-01``): it would head the
    newest-first list and stretch the timeline for years; it is not used, and named. A day's
    margin is left for time zones."""
    if article.date is None or article.date <= dt.date.today() + dt.timedelta(days=1):
        return article
    note = f"date in the future ({article.date.isoformat()}): not used"
    return dataclasses.replace(article, date=None, problems=(*article.problems, note))


def _tidied(article: Article) -> Article:
    """Debris lines out of any reader's body (share buttons, a site's footer: ``debris``), the
    site's "read also" links moved to the article's related headlines (``read_also``), and the
    direction marks a title was copied with off its ends."""
    lines = article.body.split("\n")
    cleaned = clean_lines(lines)
    body = article.body
    if cleaned != lines:
        body = "\n".join(
            kept for kept, line in zip(cleaned, lines, strict=True) if kept or not line
        )
    body, related = split_read_also(body)
    title = without_source(article.title.strip(_TITLE_EDGES), article.source)
    if body is article.body and not related and title == article.title:
        return article
    return dataclasses.replace(
        article, title=title, body=body, related=(*article.related, *related)
    )


# whitespace and the invisible marks (direction, zero width) a copied title carries at its ends
_TITLE_EDGES = " \t\n\u061c" + INVISIBLES


def _dated_by_dateline(article: Article) -> Article:
    """An article still without a date takes its wire dateline's (``datelines``), noted."""
    if article.date is not None:
        return article
    date = dateline_date(article.body)
    if date is None:
        return article
    return dataclasses.replace(article, date=date, problems=(*article.problems, DATELINE_NOTE))


def _unescaped(article: Article) -> Article:
    """Fields that hold their letters as escapes (``\\u0627\\u0644``) decoded, noted; a title
    of a word or two goes with a body that showed them."""
    body = is_escaped(article.body)
    title = is_escaped(article.title) or (body and "\\u" in article.title)
    if not (body or title):
        return article
    return dataclasses.replace(
        article,
        title=" ".join(unescaped(article.title).split()) if title else article.title,
        body=_paragraphs(unescaped(article.body)) if body else article.body,
        problems=(*article.problems, ESCAPED_NOTE),
    )


def _dated_by_address(article: Article) -> Article:
    """An article without a date takes the one its address holds (/2018/10/20/), noted."""
    if article.date is not None or not article.url:
        return article
    date = url_date(article.url)
    if date is None:
        return article
    return dataclasses.replace(article, date=date, problems=(*article.problems, URL_DATE_NOTE))


def _lettered(article: Article) -> Article:
    """Presentation forms (text copied out of a PDF) as the letters they draw, and Arabic kept
    in visual order (reversed) in reading order; noted."""
    title, body = base_letters(article.title), base_letters(article.body)
    notes = () if title is article.title and body is article.body else (PRESENTATION_NOTE,)
    if is_visual_order(body):
        title, body = reading_order(title), reading_order(body)
        notes = (*notes, VISUAL_ORDER_NOTE)
    if not notes:
        return article
    return dataclasses.replace(
        article, title=title, body=body, problems=(*article.problems, *notes)
    )


def _uncut(article: Article) -> Article:
    """A news API's preview says it is one, and shows no "[+1532 chars]"."""
    body, note = api_cut(article.body)
    if note is None:
        return article
    return dataclasses.replace(article, body=body, problems=(*article.problems, note))


def _paragraphs(text: str) -> str:
    """A paragraph a line, as the readers give a body: the escapes' line breaks were not seen
    by the reader's own cleaning."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _unmangled(article: Article) -> Article:
    """Fields encoded twice where the file's own text was not (a JSON export's ``\\u00d8``
    escapes, a workbook's cells): undone as ``decode`` undoes a whole file."""
    notes: list[str] = []
    body = repaired(article.body, notes)
    # a title of a few words may not show the code page's signature that its body shows
    title = repaired(article.title, notes, codepage=CODEPAGE_NOTE in notes)
    if not notes:
        return article
    return dataclasses.replace(
        article, title=title, body=body, problems=(*article.problems, *dict.fromkeys(notes))
    )


def _flag_empty(article: Article) -> Article:
    """The house rule: never an article with an empty body or title without a problem saying so.

    The parsers word their own problem ("no body text: ...", "no title line"); this is the safety
    net for a field left empty that no problem mentions.
    """
    missing = [
        name
        for name in ("title", "body")
        if not getattr(article, name).strip() and not any(name in p for p in article.problems)
    ]
    if not missing:
        return article
    note = "empty " + " and ".join(missing)
    return dataclasses.replace(article, problems=(*article.problems, note))
