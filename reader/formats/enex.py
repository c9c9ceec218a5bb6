"""Evernote exports (``.enex``): a note an article. Journalists clip pages into Evernote and
export a notebook as one file: each ``<note>`` has its title, the day it was made, its tags, the
address it was clipped from (``source-url``) and its text as ENML, Evernote's XHTML.

Notes are read one at a time (the export carries its pictures as base64 text, so a notebook
runs to hundreds of megabytes), and an export cut short keeps the notes before the cut.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from typing import Any

from reader.formats.html import html_text
from reader.model import Article, LoadProblem

ENEX_SUFFIXES = frozenset({".enex"})
CLIP_DATE_NOTE = "date is when the note was made (Evernote's), not the publication's"
_DECLARATIONS = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.IGNORECASE)
_ENTITIES_NOTE = (
    "the export declares its own entities; they are not expanded, their text is left out"
)
_ENCRYPTED_NOTE = "encrypted text left out (Evernote's en-crypt)"


def parse_enex(data: bytes, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The notes of an Evernote export, in file order; ids ``rel_path#N`` when there are
    several."""
    from lxml import etree

    articles: list[Article] = []
    problems: list[LoadProblem] = []
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag="note",
        huge_tree=True,  # a picture's base64 text runs past lxml's 10 MB guard
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    try:
        for _, note in events:
            articles.append(_article(note, number=len(articles) + 1, rel_path=rel_path))
            note.clear()
    except etree.XMLSyntaxError as exc:  # cut short, damaged, or entities that expand forever
        problems.append(
            LoadProblem(
                rel_path,
                f"the Evernote export breaks off after {len(articles)} note(s): {exc.msg}",
            )
        )
    if b"<!ENTITY" in data[:65536]:  # Evernote declares none: expanding them is refused
        problems.append(LoadProblem(rel_path, _ENTITIES_NOTE))
    if len(articles) == 1:
        articles[0] = dataclasses.replace(articles[0], id=rel_path)
    if not articles and not problems:
        problems.append(LoadProblem(rel_path, "an Evernote export without notes"))
    return articles, problems


def _article(note: Any, *, number: int, rel_path: str) -> Article:
    def text(path: str) -> str:
        return " ".join((note.findtext(path) or "").split())

    content = note.findtext("content") or ""
    problems = []
    if "<en-crypt" in content:
        problems.append(_ENCRYPTED_NOTE)
    body = html_text(_DECLARATIONS.sub("", content)) if content.strip() else ""
    date = _date(text("created")) or _date(text("updated"))
    if date is not None:
        problems.append(CLIP_DATE_NOTE)
    tags = tuple(
        dict.fromkeys(
            t for t in (" ".join((e.text or "").split()) for e in note.iterfind("tag")) if t
        )
    )
    return Article(
        id=f"{rel_path}#{number}",
        title=text("title"),
        body=body,
        date=date,
        url=text("note-attributes/source-url") or None,
        author=text("note-attributes/author") or None,
        tags=tags,
        problems=tuple(problems),
        path=rel_path,
    )


def _date(value: str) -> dt.date | None:
    """Evernote's timestamps: ``20231111T120000Z`` (UTC)."""
    try:
        return dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").date()
    except ValueError:
        return None
