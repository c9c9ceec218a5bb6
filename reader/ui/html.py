"""The reading pane's HTML, generated from an Article and its highlight spans.

Kept free of Qt so it is tested as plain string work. Everything that comes from an article is
passed through ``html.escape``: a scraped ``<img src=…>`` or ``<script>`` must show as text, never
become markup. Entity and search-match highlights are the same mechanism (spans with a kind); where
they overlap the text is cut at every span boundary, so a match inside an entity keeps the
entity's background and adds the match underline (docs/UI.md).

Links use private schemes the view interprets (``entity:KIND:text``, ``tag:value``,
``article:id``, ``action:name``); values are percent-encoded so any text survives the round trip.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from reader.bidi import first_strong_direction
from reader.model import ENTITY_KINDS, Article, Span
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import isolated
from reader.ui.common.theme import (
    BODY_FONT_FAMILY,
    BODY_FONT_PX,
    ENTITY_COLOURS,
    MATCH_COLOURS,
    SECONDARY_TEXT,
)

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "Read also": "اقرأ أيضاً",
        "Appended by the source page": "ألحقته صفحة المصدر",
        "Entities in this article": "الكيانات في هذا المقال",
        "link": "الرابط",
        "by {author}": "بقلم {author}",
        "no date": "بلا تاريخ",
        "Person": "شخص",
        "Place": "مكان",
        "Organisation": "منظمة",
        "Other": "أخرى",
        "No entities found in this article.": "لم يُعثر على كيانات في هذا المقال.",
        "Finding entities…": "جارٍ استخراج الكيانات…",
    }
)

# names per entity type in the article's entity list (the rest are counted: "+12")
ENTITY_LIST_PER_KIND = 6

KIND_LABELS = {"PERS": "Person", "LOC": "Place", "ORG": "Organisation", "MISC": "Other"}

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# the Gregorian month names used by most Arabic news sites (Egypt, the Gulf)
_MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


@dataclass(frozen=True, slots=True)
class RenderOptions:
    theme: str = "light"
    zoom: int = 100  # percent of the base body size
    language: str = "en"
    visible_kinds: frozenset[str] = field(default_factory=lambda: frozenset(ENTITY_KINDS))
    active_tags: frozenset[str] = frozenset()  # tags the list is filtered on: their chips stand out
    # the entity stage has not reached the articles yet: "Finding entities…", not "none found"
    entities_pending: bool = False


def readable_date(day: dt.date | None, language: str) -> str:
    if day is None:
        return t("no date")
    months = _MONTHS_AR if language == "ar" else _MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def paragraph_ranges(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of a body whose paragraphs are joined by newlines."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def anchor(scheme: str, *parts: str) -> str:
    return ":".join([scheme, *(quote(p, safe="") for p in parts)])


def parse_anchor(href: str) -> tuple[str, tuple[str, ...]]:
    """('entity', ('PERS', 'بوتين')) from 'entity:PERS:%D8…'; the scheme alone for other links."""
    scheme, _, rest = href.partition(":")
    if scheme == "entity":
        kind, _, value = rest.partition(":")
        return scheme, (unquote(kind), unquote(value))
    if scheme in ("tag", "article", "action", "source", "category"):
        return scheme, (unquote(rest),)
    return scheme, (href,)


def highlight(
    text: str,
    *,
    start: int,
    end: int,
    entities: Sequence[Span],
    matches: Sequence[Span],
    options: RenderOptions,
    names: Mapping[int, str] | None = None,
) -> str:
    """Escaped HTML of ``text[start:end]`` with entity and match spans (offsets into ``text``);
    ``names``: the canonical name of the entity starting at each offset (its link filters by it)."""
    ents = [
        s
        for s in entities
        if s.end > start and s.start < end and s.kind in options.visible_kinds and s.end > s.start
    ]
    hits = [s for s in matches if s.end > start and s.start < end and s.end > s.start]
    cuts = {start, end}
    for s in (*ents, *hits):
        cuts.add(max(start, s.start))
        cuts.add(min(end, s.end))
    points = sorted(cuts)
    colours = ENTITY_COLOURS.get(options.theme, ENTITY_COLOURS["light"])
    match = MATCH_COLOURS.get(options.theme, MATCH_COLOURS["light"])
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        piece = html.escape(text[a:b])
        entity = next((s for s in ents if s.start <= a and s.end >= b), None)
        is_match = any(s.start <= a and s.end >= b for s in hits)
        if entity is not None:
            swatch = colours[entity.kind] if entity.kind in colours else colours["MISC"]
            # a match inside an entity is painted as a match (an underline alone was too faint
            # to find); it stays the entity's link, and the rest of the entity keeps its colour
            if is_match:
                style = f"background-color:{match.background}; color:{match.text}; "
                style += "text-decoration:underline"
            else:
                style = f"background-color:{swatch.background}; color:{swatch.text}; "
                style += "text-decoration:none"
            surface = text[entity.start : entity.end]
            name = names.get(entity.start, surface) if names else surface
            href = anchor("entity", entity.kind, name)
            title = html.escape(t(KIND_LABELS.get(entity.kind, "Other")))
            if name != surface:
                title += f": {html.escape(name)}"
            out.append(f'<a href="{href}" title="{title}" style="{style}">{piece}</a>')
        elif is_match:
            style = f"background-color:{match.background}; color:{match.text}; text-decoration:underline"
            out.append(f'<span style="{style}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _paragraphs_html(
    text: str,
    entities: Sequence[Span],
    matches: Sequence[Span],
    options: RenderOptions,
    identities: Identities | None = None,
) -> str:
    entities, names = named_spans(text, entities, identities)
    parts = []
    for start, end in paragraph_ranges(text):
        direction = first_strong_direction(text[start:end])
        body = highlight(
            text,
            start=start,
            end=end,
            entities=entities,
            matches=matches,
            options=options,
            names=names,
        )
        parts.append(f'<p dir="{direction}" align="justify" style="line-height:135%">{body}</p>')
    return "\n".join(parts)


def named_spans(
    text: str, spans: Sequence[Span], identities: Identities | None
) -> tuple[Sequence[Span], dict[int, str]]:
    """The entity spans to show and the canonical name of each (by start): by the folder's
    identities when known (clitics and punctuation outside, junk gone), else as tagged."""
    if identities is None or not spans:
        return spans, {}
    entities = identities.entities(text, spans)
    return [Span(e.start, e.end, e.kind) for e in entities], {e.start: e.name for e in entities}


def entity_counts(
    article: Article, identities: Identities | None = None
) -> dict[str, list[tuple[str, int]]]:
    """Per kind, the entities of the body (their canonical names when the folder's identities
    are given) with how often each occurs, most frequent first."""
    counters: dict[str, Counter[str]] = {}
    spans, names = named_spans(article.body, article.entities, identities)
    for span in spans:
        surface = names.get(span.start) or article.body[span.start : span.end].strip()
        if surface:
            counters.setdefault(span.kind, Counter())[surface] += 1
    return {
        kind: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
        for kind, c in sorted(counters.items(), key=lambda kv: _kind_order(kv[0]))
    }


def _kind_order(kind: str) -> int:
    return ENTITY_KINDS.index(kind) if kind in ENTITY_KINDS else len(ENTITY_KINDS)


def _section(title: str, options: RenderOptions, *, rule: bool = True) -> str:
    direction = "rtl" if options.language == "ar" else "ltr"
    return (
        ("<hr/>" if rule else "") + f'<h3 dir="{direction}" style="color:{_secondary(options)}; '
        f'font-size:{_px(options, 0.85)}px">'
        f"{html.escape(title)}</h3>"
    )


def _secondary(options: RenderOptions) -> str:
    """Quieter text (headings, the date line) that still reads at 4.5:1 on the page."""
    return SECONDARY_TEXT.get(options.theme, SECONDARY_TEXT["light"])


def _px(options: RenderOptions, factor: float = 1.0) -> int:
    return max(8, round(BODY_FONT_PX * options.zoom / 100 * factor))


def _meta_line(article: Article, options: RenderOptions) -> str:
    bits = [html.escape(isolated(readable_date(article.date, options.language)))]
    if article.source:
        bits.append(
            f'<a href="{anchor("source", article.source)}">{html.escape(article.source)}</a>'
        )
    if article.category:  # the section (issue 18): a link that filters by it, like the source
        bits.append(
            f'<a href="{anchor("category", article.category)}">{html.escape(article.category)}</a>'
        )
    if article.author:
        bits.append(html.escape(t("by {author}").format(author=article.author)))
    if article.url and article.url.startswith(("http://", "https://")):
        bits.append(f'<a href="{html.escape(article.url)}">{html.escape(t("link"))}</a>')
    # the line stands under the headline, on the article's side, not the interface's
    direction = first_strong_direction(article.title or article.body, "rtl")
    return (
        f'<p dir="{direction}" style="color:{_secondary(options)}; '
        f'font-size:{_px(options, 0.78)}px">' + " · ".join(bits) + "</p>"
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
        f'<p dir="{direction}" style="font-size:{_px(options, 0.78)}px">' + " ".join(chips) + "</p>"
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
                f'<h3 dir="{direction}" style="font-size:{_px(options, 1.15)}px">'
                f"{html.escape(extra.title)}</h3>"
            )
        parts.append(_paragraphs_html(extra.body, extra.entities, (), options, identities))
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
            f"<html><body style=\"font-family:'{BODY_FONT_FAMILY}'; font-size:{_px(options)}px\">",
            f'<h1 dir="{title_dir}" style="font-size:{_px(options, 1.55)}px; font-weight:bold">'
            f"{headline}</h1>",
            _meta_line(article, options),
            _tag_chips(article.tags, options),
            _paragraphs_html(article.body, article.entities, body_matches, options, identities),
            "</body></html>",
        ]
    )


def extras_html(
    article: Article,
    *,
    related_links: Mapping[str, str] | None = None,
    options: RenderOptions | None = None,
    identities: Identities | None = None,
) -> str:
    """What comes with the article but is not its text, side by side under it: the "Read also"
    headlines, the articles the source page appended (its own column, tinted, so it is never
    read as part of the body) and the entities of the article with their counts."""
    options = options or RenderOptions()
    small = replace(options, zoom=round(options.zoom * 0.85))
    tint = "#f3f4f6" if options.theme == "light" else "#1f2937"
    cells = []
    if article.related:
        cells.append((25, "", _related(article.related, related_links or {}, small)))
    if article.appended:
        cells.append((38, tint, _appended(article, small, identities)))
    cells.append((37, "", _entity_list(article, small, identities)))
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
        f"<html><body style=\"font-family:'{BODY_FONT_FAMILY}'; font-size:{_px(small)}px\">"
        f'<table width="100%" cellspacing="0" cellpadding="8" border="0"><tr>{row}</tr></table>'
        "</body></html>"
    )


def message_html(title: str, text: str, options: RenderOptions | None = None) -> str:
    """A quiet one-paragraph message (empty folder, nothing selected)."""
    options = options or RenderOptions()
    direction = "rtl" if options.language == "ar" else "ltr"
    return (
        f'<html><body style="font-size:{_px(options)}px"><h2 dir="{direction}" style="color:{_secondary(options)}">'
        f'{html.escape(title)}</h2><p dir="{direction}">{html.escape(text)}</p></body></html>'
    )
