"""What comes with an article but is not its text, as HTML under the reading pane: the "Read
also" headlines, the articles the source page appended and the entities with their counts."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.bidi import first_strong_direction
from reader.model import Article
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import isolated
from reader.ui.common.theme import BODY_FONT_FAMILY, ENTITY_COLOURS
from reader.ui.reading.entity_markup import KIND_LABELS, entity_counts
from reader.ui.reading.html_links import anchor
from reader.ui.reading.html_options import RenderOptions, px, secondary_colour
from reader.ui.reading.html_paragraphs import paragraphs_html

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "Read also": "اقرأ أيضاً",
        "Appended by the source page": "ألحقته صفحة المصدر",
        "Entities in this article": "الكيانات في هذا المقال",
        "No entities found in this article.": "لم يُعثر على كيانات في هذا المقال.",
        "Finding entities…": "جارٍ استخراج الكيانات…",
        "The same text is also in": "النص نفسه موجود أيضاً في",
    }
)

# names per entity type in the article's entity list (the rest are counted: "+12")
ENTITY_LIST_PER_KIND = 6


def extras_html(
    article: Article,
    *,
    related_links: Mapping[str, str] | None = None,
    options: RenderOptions | None = None,
    identities: Identities | None = None,
    copies: Sequence[str] = (),
) -> str:
    """What comes with the article but is not its text, side by side under it: the "Read also"
    headlines, the articles the source page appended (its own column, tinted, so it is never
    read as part of the body), the entities of the article with their counts, and the other
    articles of the folder with the same text (``copies``, ids; a search lists one of them)."""
    options = options or RenderOptions()
    small = replace(options, zoom=round(options.zoom * 0.85))
    tint = "#f3f4f6" if options.theme == "light" else "#1f2937"
    cells = []
    if article.related:
        cells.append((25, "", _related(article.related, related_links or {}, small)))
    if article.appended:
        cells.append((38, tint, _appended(article, small, identities)))
    cells.append((37, "", _entity_list(article, small, identities)))
    if copies:
        cells.append((25, "", _copies(copies, small)))
    if options.language == "ar":
        cells.reverse()  # the first column stands on the right in the Arabic interface
    share = sum(width for width, _, _ in cells)  # the columns present fill the whole width
    row = "".join(
        f'<td width="{round(width * 100 / share)}%" valign="top"'
        + (f' bgcolor="{bg}"' if bg else "")
        + f">{body}</td>"
        for width, bg, body in cells
    )
    return (
        f"<html><body style=\"font-family:'{BODY_FONT_FAMILY}'; font-size:{px(small)}px\">"
        f'<table width="100%" cellspacing="0" cellpadding="8" border="0"><tr>{row}</tr></table>'
        "</body></html>"
    )


def _section(title: str, options: RenderOptions, *, rule: bool = True) -> str:
    direction = "rtl" if options.language == "ar" else "ltr"
    return (
        ("<hr/>" if rule else "")
        + f'<h3 dir="{direction}" style="color:{secondary_colour(options)}; '
        f'font-size:{px(options, 0.85)}px">'
        f"{html.escape(title)}</h3>"
    )


def _related(related: Sequence[str], links: Mapping[str, str], options: RenderOptions) -> str:
    if not related:
        return ""
    items = []
    for headline in related:
        direction = first_strong_direction(headline)
        target = links.get(headline)
        text = html.escape(headline)
        if target is not None:
            text = f'<a href="{anchor("article", target)}">{text}</a>'
        items.append(f'<p dir="{direction}">• {text}</p>')
    return _section(t("Read also"), options, rule=False) + "\n".join(items)


def _copies(copies: Sequence[str], options: RenderOptions) -> str:
    """Links to the other articles with the same text, by their ids (file paths): left to
    right in either interface."""
    items = [
        f'<p dir="ltr">• <a href="{anchor("article", copy)}">{html.escape(copy)}</a></p>'
        for copy in copies
    ]
    return _section(t("The same text is also in"), options, rule=False) + "\n".join(items)


def _appended(
    article: Article, options: RenderOptions, identities: Identities | None = None
) -> str:
    if not article.appended:
        return ""
    parts = [_section(t("Appended by the source page"), options, rule=False)]
    for extra in article.appended:
        if extra.title.strip():
            direction = first_strong_direction(extra.title)
            parts.append(
                f'<h3 dir="{direction}" style="font-size:{px(options, 1.15)}px">'
                f"{html.escape(extra.title)}</h3>"
            )
        parts.append(paragraphs_html(extra.body, extra.entities, (), options, identities))
    return "\n".join(parts)


def _entity_list(
    article: Article, options: RenderOptions, identities: Identities | None = None
) -> str:
    counts = entity_counts(article, identities)
    parts = [_section(t("Entities in this article"), options, rule=False)]
    if not counts:
        ui_dir = "rtl" if options.language == "ar" else "ltr"
        said = (
            "Finding entities…"
            if options.entities_pending
            else "No entities found in this article."
        )
        parts.append(f'<p dir="{ui_dir}">{html.escape(t(said))}</p>')
        return "\n".join(parts)
    colours = ENTITY_COLOURS.get(options.theme, ENTITY_COLOURS["light"])
    for kind, items in counts.items():
        swatch = colours.get(kind, colours["MISC"])
        shown = items[:ENTITY_LIST_PER_KIND]
        entries = [
            f'<a href="{anchor("entity", kind, text)}" style="background-color:{swatch.background}; '
            f'color:{swatch.text}; text-decoration:none">&nbsp;{html.escape(text)}&nbsp;</a>'
            # the count in brackets, which mirror with the line: "بوتين (7)" reads the same in a
            # right-to-left and a left-to-right row (a "×7" came out "7×" beside Arabic)
            f"&nbsp;({count})"
            for text, count in shown
        ]
        if len(items) > len(shown):
            entries.append(html.escape(isolated(f"+{len(items) - len(shown)}")))  # not "9+"
        label = html.escape(t(KIND_LABELS.get(kind, "Other")))
        # one line of names per type, led by the type's name in its own colour; the names keep
        # their own direction (mostly Arabic)
        names_dir = first_strong_direction(" ".join(text for text, _ in shown))
        parts.append(
            f'<p dir="{names_dir}" style="margin-top:2px; margin-bottom:2px">'
            f'<b style="color:{swatch.text}">{label}</b>&nbsp; ' + " &nbsp; ".join(entries) + "</p>"
        )
    return "\n".join(parts)
