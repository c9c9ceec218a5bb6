"""Telegram Desktop's chat export as HTML (its default: ``messages.html``, ``messages2.html`` …,
a thousand messages a file): each message with text an article, as in the JSON export.

A message is a ``div.message.default`` holding ``div.body`` with the date in
``div.date.details``'s title ("03.11.2026 10:00:00 UTC+02:00"), the sender in ``div.from_name``
(left out on messages "joined" to the one before) and the text in ``div.text``. The chat's name
is the page header's. Read as an ordinary page, a file of a thousand messages became one article.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml.html import HtmlElement

from reader.formats.html import page_tree
from reader.formats.telegram import left_out_note
from reader.formats.titles import TITLE_FROM_FIRST_WORDS, title_from_text
from reader.model import Article, LoadProblem

_HASHTAG = re.compile(r"(?<!\w)#(\w*[^\W\d_]\w*)")  # a letter in it: "#1" is no tag
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def looks_telegram_html(text: str) -> bool:
    head = text[:20000]
    return 'class="page_header"' in head and 'class="message ' in text[:200000]


def parse_telegram_html(text: str, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The messages with text of one page of a Telegram HTML export."""
    tree = page_tree(text)
    if tree is None:
        return [], [LoadProblem(rel_path, "HTML without any element: nothing to read")]
    header = tree.xpath('//div[contains(@class, "page_header")]//div[contains(@class, "text")]')
    chat = _text(header[0]) if header else None
    articles: list[Article] = []
    left_out = 0
    sender = None
    for message in tree.xpath('//div[contains(concat(" ", @class, " "), " message ")]'):
        classes = message.get("class", "").split()
        if "default" not in classes:
            left_out += "service" in classes
            continue
        names = message.xpath('./div[@class="body"]/div[contains(@class, "from_name")]')
        if names:
            sender = _text(names[0]) or sender
        # a forwarded message keeps its text one level down, in div.forwarded.body
        bodies = message.xpath('./div[@class="body"]//div[@class="text"]')
        body = _text(bodies[0]) if bodies else ""
        if not body:
            left_out += 1
            continue
        dates = message.xpath('./div[@class="body"]/div[contains(@class, "date")]/@title')
        ident = (message.get("id") or "").removeprefix("message")
        articles.append(
            Article(
                id=f"{rel_path}#{ident}" if ident else f"{rel_path}#{len(articles) + 1}",
                title=title_from_text(body.split("\n")),
                body=body,
                date=_date(dates[0]) if dates else None,
                source=chat or sender,
                tags=tuple(dict.fromkeys(t.replace("_", " ") for t in _HASHTAG.findall(body))),
                problems=(TITLE_FROM_FIRST_WORDS,),
                path=rel_path,
            )
        )
    note = left_out_note(left_out)
    return articles, [LoadProblem(rel_path, note)] if note else []


def _text(element: HtmlElement) -> str:
    """The element's text, a ``<br>`` a line break."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(line.split()) for line in element.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _date(title: str) -> dt.date | None:
    match = _DATE.search(title)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
