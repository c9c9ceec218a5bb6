"""The reading pane's HTML, generated from an Article and its highlight spans.

Kept free of Qt so it is tested as plain string work. Everything that comes from an article is
passed through ``html.escape``: a scraped ``<img src=…>`` or ``<script>`` must show as text, never
become markup. The highlights are reader/ui/reading/entity_markup.py, the body's paragraphs
html_paragraphs.py, the links html_links.py, what comes under the article html_extras.py.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.bidi import first_strong_direction
from reader.model import Article, Span
from reader.ui.common.dates import readable_date
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.note_text import note_text
from reader.ui.common.plain import isolated
from reader.ui.common.theme import BODY_FONT_FAMILY
from reader.ui.reading.entity_markup import highlight
from reader.ui.reading.html_links import anchor
from reader.ui.reading.html_options import RenderOptions, px, secondary_colour
from reader.ui.reading.html_paragraphs import paragraphs_html

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "link": "الرابط",
        "by {author}": "بقلم {author}",
        "How this article was read": "كيف قُرئ هذا المقال",
    }
)


def article_html(
    article: Article,
    *,
    title_matches: Sequence[Span] = (),
    body_matches: Sequence[Span] = (),
    options: RenderOptions | None = None,
    identities: Identities | None = None,
) -> str:
    """The article itself: headline, metadata line, tag chips, body (see ``extras_html``);
    entities as the folder's ``identities`` name them, when given."""
    options = options or RenderOptions()
    title_dir = first_strong_direction(article.title)
    headline = highlight(
        article.title,
        start=0,
        end=len(article.title),
        entities=(),
        matches=title_matches,
        options=options,
    )
    return "\n".join(
        [
            f"<html><body style=\"font-family:'{BODY_FONT_FAMILY}'; font-size:{px(options)}px\">",
            f'<h1 dir="{title_dir}" style="font-size:{px(options, 1.55)}px; font-weight:bold">'
            f"{headline}</h1>",
            _meta_line(article, options),
            _tag_chips(article.tags, options),
            paragraphs_html(article.body, article.entities, body_matches, options, identities),
            _reading_notes(article.problems, options),
            "</body></html>",
        ]
    )


def message_html(title: str, text: str, options: RenderOptions | None = None) -> str:
    """A quiet one-paragraph message (empty folder, nothing selected)."""
    options = options or RenderOptions()
    direction = "rtl" if options.language == "ar" else "ltr"
    return (
        f'<html><body style="font-size:{px(options)}px"><h2 dir="{direction}" style="color:{secondary_colour(options)}">'
        f'{html.escape(title)}</h2><p dir="{direction}">{html.escape(text)}</p></body></html>'
    )


def _meta_line(article: Article, options: RenderOptions) -> str:
    bits = [html.escape(isolated(readable_date(article.date, options.language)))]
    # each bit embedded in its own direction: "alarabia · culture" would otherwise run as one
    # left-to-right stretch in a right-to-left line, and "by" stand apart from its Arabic name
    if article.source:
        bits.append(
            f'<a href="{anchor("source", article.source)}">'
            f"{html.escape(isolated(article.source))}</a>"
        )
    if article.category:  # the section (issue 18): a link that filters by it, like the source
        bits.append(
            f'<a href="{anchor("category", article.category)}">'
            f"{html.escape(isolated(article.category))}</a>"
        )
    if article.author:
        bits.append(html.escape(isolated(t("by {author}").format(author=article.author))))
    if article.url and article.url.startswith(("http://", "https://")):
        bits.append(f'<a href="{html.escape(article.url)}">{html.escape(isolated(t("link")))}</a>')
    # the line stands under the headline, on the article's side, not the interface's; marks of
    # that direction around each separator keep the bits in its order
    direction = first_strong_direction(article.title or article.body, "rtl")
    mark = "\u200f" if direction == "rtl" else "\u200e"
    return (
        f'<p dir="{direction}" style="color:{secondary_colour(options)}; '
        f'font-size:{px(options, 0.78)}px">' + f" {mark}·{mark} ".join(bits) + "</p>"
    )


def _reading_notes(notes: Sequence[str], options: RenderOptions) -> str:
    """What the reader had to guess or mend to read the article (a title made from the first
    words, a text decoded from another encoding or encoded twice, columns found by content),
    under its text: a reader should know which parts of it came from a guess."""
    if not notes:
        return ""
    colour = secondary_colour(options)
    size = px(options, 0.74)
    direction = "rtl" if options.language == "ar" else "ltr"
    lines = "".join(
        f'<p dir="{first_strong_direction(note, "ltr")}" style="margin:0">• {html.escape(note)}</p>'
        for note in (note_text(n, options.language) for n in notes)
    )
    return (
        f'<hr/><div style="color:{colour}; font-size:{size}px">'
        f'<p dir="{direction}" style="margin-bottom:2px"><b>'
        f"{html.escape(t('How this article was read'))}</b></p>{lines}</div>"
    )


def _tag_chips(tags: Sequence[str], options: RenderOptions) -> str:
    if not tags:
        return ""
    bg = "#e5e7eb" if options.theme == "light" else "#374151"
    fg = "#111827" if options.theme == "light" else "#f9fafb"
    chips = []
    for tag in tags:
        active = tag in options.active_tags
        colours = (
            "background-color:#1d4ed8; color:#ffffff"
            if active
            else f"background-color:{bg}; color:{fg}"
        )
        weight = "; font-weight:bold" if active else ""
        chips.append(
            f'<a href="{anchor("tag", tag)}" style="{colours}; text-decoration:none{weight}">'
            f"&nbsp;{html.escape(tag)}&nbsp;</a>"
        )
    direction = first_strong_direction(" ".join(tags))
    return (
        f'<p dir="{direction}" style="font-size:{px(options, 0.78)}px">' + " ".join(chips) + "</p>"
    )
