"""A saved page's headline and its site's name.

The metadata's title (JSON-LD's ``headline``, ``og:title``, the page's one ``<h1>``, as the
extractor reads them) is the headline unless it is the site's name: a page whose only ``<h1>``
is the logo, a site that puts its own name in every ``og:title``. The site's names are read
from the page (``og:site_name``, the logo and its link to the home page, the part of
``<title>`` that is not the headline), and a title equal to one of them gives way to the
heading that opens the article's text, the article's own ``<h1>``, or ``<title>`` without its
site part.

``<title>`` joins the headline and the site's name with a separator ("Headline | Site", "Site
:: Headline"); labels such as "عاجل" or "فيديو" are neither. The headline is the part another
candidate confirms, else the longer part; a short part after " - " is the site's, one before it
is kept (in "مصر - السودان: ..." the dash is the headline's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.formats.title_source import SITE_SEPARATOR
from reader.formats.titles import reads_as_headline
from reader.text.normalize import normalize

_STRONG = re.compile(r"\||::|•|·|–|—|»")
# a colon after a label: "عاجل: ..." (after other words it is the headline's: "الوزير: ...")
_LABEL_COLON = re.compile(r"^\s*([^:：]{1,30})\s*[:：]\s*")
# words of a label before or after the headline ("عاجل |", "| فيديو"), never a site's name
_LABEL_WORDS_TEXT = """
    عاجل خاص حصري حصريا فيديو بالفيديو صور بالصور شاهد شاهدوا فيديوجراف إنفوجراف انفوجراف
    إنفوغراف مباشر بث لحظة بلحظة تحديث محدث جديد الآن مترجم breaking exclusive video videos
    photo photos watch live update updated urgent now exclusif vidéo direct en
    الصفحة الرئيسية home accueil
"""
_LABEL_WORDS = frozenset(normalize(word) for word in _LABEL_WORDS_TEXT.split())
# a site's name is a few words; a part of <title> longer than this is no site's name
_SITE_MAX_WORDS = 6
# the logo: its element or link (the text, or the image's alt text)
# (an element is tested only when it has the attribute: most have neither)
_LOGO = (
    "//*[@class][contains(@class, 'logo') or contains(@class, 'brand')"
    " or contains(@class, 'site-name') or contains(@class, 'site-title')]"
    " | //*[@id][contains(@id, 'logo') or contains(@id, 'site-name') or contains(@id, 'site-title')]"
    " | //h1[ancestor::a[@href='/'] or .//a[@href='/']]"
)
_SITE_META = (
    "//meta[@property='og:site_name' or @name='og:site_name' or @name='application-name'"
    " or @name='apple-mobile-web-app-title']/@content"
)
# headings a page's text may open with
_HEADINGS = (
    "//h1 | //h2 | //h3 | //*[contains(@class, 'title') or contains(@class, 'headline')]"
    "[not(self::title or self::meta or self::body or self::html)]"
)
# the article's own <h1>: not the logo, not in the site's header or menus
_ARTICLE_H1 = (
    "//h1[not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::a)]"
    "[not(ancestor::header[not(ancestor::article or ancestor::main)])]"
    "[not(.//a[@href='/'])]"
    "[not(ancestor-or-self::*[contains(@class, 'logo') or contains(@id, 'logo')])]"
)
_MOST_HEADINGS = 200


@dataclass(frozen=True, slots=True)
class PageTitle:
    title: str  # "" when the page gives none
    body: str  # the text without the headline when it opened it
    source: str  # the site's name, "" when the page gives none


def page_title(tree: Any, meta_title: str, meta_site: str, body: str) -> PageTitle:
    """The page's headline, its text without that headline line, and its site's name.
    ``meta_title``/``meta_site``: what the extractor read for them."""
    whole = _text(next(iter(tree.xpath("//title")), None))
    opening, opening_tag = _opening_heading(tree, body)
    article_h1 = _article_h1(tree)
    named = _declared_sites(tree)
    parts = _parts(whole)
    cut = [normalize(part) for part in SITE_SEPARATOR.split(whole) if part.strip()]
    folded_parts = {*cut, *(normalize(part) for part in parts)} if len(cut) > 1 else set()
    if meta_site and normalize(meta_site) not in folded_parts:
        named.append(meta_site)  # JSON-LD's publisher; a part of <title> is judged below
    if normalize(meta_title) in folded_parts:
        meta_title = ""  # the extractor's own cut of <title>, which a dash or a dot misleads
    logos = _logo_names(tree)
    headline, others = _split_title(
        whole,
        parts,
        confirmed={normalize(c) for c in (meta_title, opening, article_h1) if c},
        known_sites={normalize(s) for s in named + logos},
    )
    # the far end of <title> is the site's name; the parts between are sections
    title_site = others[-1] if others and len(others[-1].split()) <= _SITE_MAX_WORDS else ""
    sites = {normalize(s) for s in (*named, *logos, *others) if s}

    meta = _trimmed(meta_title, sites)
    generic = ""
    if opening_tag == "h1" and meta and _replaces(opening, meta, body):
        # a site that names itself in every og:title: the article's own heading is the headline
        generic, meta = meta, ""
    title = next(
        (
            trimmed
            for candidate in (meta, opening, article_h1, headline)
            if (trimmed := _trimmed(candidate, sites))
            and normalize(trimmed) not in sites
            and not _is_label(trimmed)
        ),
        "",
    )
    if generic and normalize(generic) == normalize(whole):
        logos.append(generic)  # the page's <title> is the site's name alone
    source = next((name for name in (*named, title_site, *logos) if name), "")
    return PageTitle(title, _without_headline(body, title), source)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _parts(title: str) -> list[str]:
    """``title`` cut at its separators, labels left out."""
    parts = [part.strip() for part in SITE_SEPARATOR.split(title) if part.strip()]
    kept = [part for part in parts if not _is_label(part)]
    return [_without_label(part) for part in kept] if kept else parts


def _is_label(text: str) -> bool:
    words = normalize(text).split()
    return 0 < len(words) <= 3 and all(
        word in _LABEL_WORDS or (word.startswith("و") and word[1:] in _LABEL_WORDS)
        for word in words
    )


def _without_label(text: str) -> str:
    """``text`` without a label and colon before it ("عاجل: ...")."""
    colon = _LABEL_COLON.match(text)
    if colon and _is_label(colon.group(1)) and text[colon.end() :].strip():
        return text[colon.end() :].strip()
    return text


def _trimmed(title: str, sites: set[str]) -> str:
    """``title`` without the labels and site names at its ends ("عاجل | ...", "... - Site"); the
    separators inside it are left as they are."""
    text = " ".join(title.split())
    while cuts := list(SITE_SEPARATOR.finditer(text)):
        head, tail = text[: cuts[0].start()], text[cuts[-1].end() :]
        if not head.strip() or _is_label(head) or normalize(head) in sites:
            text = text[cuts[0].end() :]
        elif not tail.strip() or _is_label(tail) or normalize(tail) in sites:
            text = text[: cuts[-1].start()]
        else:
            break
    return _without_label(text.strip())


def _split_title(
    whole: str, parts: Sequence[str], *, confirmed: set[str], known_sites: set[str]
) -> tuple[str, list[str]]:
    """The headline part of <title> and its other parts, the site's name last."""
    if len(parts) < 2:
        return _trimmed(whole, set()), []
    folded = [normalize(part) for part in parts]
    at = next((i for i, part in enumerate(folded) if part in confirmed), None)
    if at is None:
        strong = any(_STRONG.search(m.group()) for m in SITE_SEPARATOR.finditer(whole))
        rest = [i for i, part in enumerate(folded) if part not in known_sites]
        at = max(rest, key=lambda i: len(parts[i].split())) if rest else 0
        others = [i for i in range(len(parts)) if i != at]
        if not all(folded[i] in known_sites or _site_like(parts, i, at, strong) for i in others):
            return _trimmed(whole, set()), []  # the separators are the headline's own
    # the far end from the headline is the site's name
    order = [i for i in range(len(parts)) if i != at]
    if at == len(parts) - 1:
        order.reverse()
    return parts[at], [parts[i] for i in order]


def _site_like(parts: Sequence[str], i: int, headline: int, strong: bool) -> bool:
    """Can part ``i`` of <title> be the site's name beside the headline part?"""
    words = len(parts[i].split())
    if words > _SITE_MAX_WORDS or words >= len(parts[headline].split()):
        return False
    # "Site - Headline" is rare and "مصر - السودان: ..." common: a dash splits a suffix only
    return i > headline or strong


def _declared_sites(tree: Any) -> list[str]:
    return _unique(" ".join(str(v).split()) for v in tree.xpath(_SITE_META))


def _logo_names(tree: Any) -> list[str]:
    names: list[str] = []
    for element in tree.xpath(_LOGO)[:10]:
        text = _text(element) or " ".join(
            " ".join(str(alt).split()) for alt in element.xpath(".//img/@alt")[:1]
        )
        if text and len(text.split()) <= _SITE_MAX_WORDS:
            names.append(text)
    return _unique(names)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _opening_heading(tree: Any, body: str) -> tuple[str, str]:
    """The body's first line when it is a heading of the page (the extractor kept the article's
    heading in its text), and the heading's tag; ("", "") when it is none."""
    first = body.partition("\n")[0]
    if not first or not reads_as_headline(first, arabic=False):
        return "", ""
    wanted = normalize(first)
    for element in tree.xpath(_HEADINGS)[:_MOST_HEADINGS]:
        if normalize(_text(element)) == wanted:
            return first, str(element.tag)
    return "", ""


def _article_h1(tree: Any) -> str:
    for element in tree.xpath(_ARTICLE_H1)[:3]:
        if text := _text(element):
            return text
    return ""


def _replaces(opening: str, title: str, body: str) -> bool:
    """Is the heading that opens the text the headline rather than ``title``: an unrelated
    headline, while ``title`` appears nowhere in the text?"""
    if not opening or len(opening.split()) < 3:
        return False
    a, b = normalize(opening), normalize(title)
    if a in b or b in a or b in normalize(body):
        return False
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) * 2 < min(len(words_a), len(words_b))


def _without_headline(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    if rest and title and normalize(first) == normalize(title):
        return rest
    return body
