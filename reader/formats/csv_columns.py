"""Which column of a CSV/TSV header holds which field of an article.

A header name is folded (``_fold``: Arabic normalised as for search, lower case, the Arabic
article "ال" off each word, no spaces, "_", "-" or ".") and matched against ``_EXACT`` first,
then, for the fields still unmatched, by the pieces in ``_PIECES`` ("publish_date" holds "date").
The names below are written as people write them ("تفاصيل الخبر", "المحتوى") and folded the same
way: "تفاصيل_الخبر" is "تفاصيل الخبر", "التفاصيل" is "تفاصيل", "المحتوي" is "المحتوى". Columns
that map to no field are the article's ``extra``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from reader.text.normalize import normalize

# field -> header names that mean it, in the order they win (folded by ``_fold`` below)
_EXACT_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "headline",
        "subject",
        "heading",
        "titre",
        "عنوان",
        "عنوان الخبر",
        "عنوان المقال",
    ),
    "body": (
        "text",
        "body",
        "content",
        "article",
        "articletext",
        "articlebody",
        "articlecontent",
        "bodytext",
        "fulltext",
        "fullarticle",
        "maintext",
        "story",
        "storytext",
        "newstext",
        "newsbody",
        "newscontent",
        "details",
        "newsdetails",
        "tweet",
        "rawcontent",
        "texte",
        "contenu",
        "corps",
        "نص",
        "نص الخبر",
        "نص المقال",
        "المحتوى",
        "محتوى الخبر",
        "محتوى المقال",
        "المقال",
        "مقالة",
        "متن",
        "متن الخبر",
        "متن المقال",
        "تفاصيل",
        "تفاصيل الخبر",
        "تفاصيل المقال",
    ),
    "date": (
        "date",
        "published",
        "datepublished",
        "publishdate",
        "publisheddate",
        "publishedat",
        "pubdate",
        "time",
        "timestamp",
        "datetime",
        "createdat",
        "datepublication",
        "التاريخ",
        "تاريخ النشر",
        "تاريخ الخبر",
        "وقت النشر",
        "الوقت",
    ),
    "url": (
        "url",
        "link",
        "href",
        "permalink",
        "sourceurl",
        "articleurl",
        "lien",
        "الرابط",
    ),
    "source": (
        "source",
        "site",
        "website",
        # Zotero's and the reference managers' name of the newspaper or journal, before its
        # "Publisher" (a book's)
        "publicationtitle",
        "publication",
        "publisher",
        "outlet",
        "sourcename",
        "medianame",
        "newspaper",
        "المصدر",
        "الموقع",
        "الجريدة",
        "الصحيفة",
        "وسيلة الإعلام",
    ),
    "category": (
        "category",
        "section",
        "categories",
        "cat",
        "rubrique",
        "categorie",
        "catégorie",
        "القسم",
        "التصنيف",
    ),
    "tags": (
        "tags",
        "tag",
        "keywords",
        "labels",
        "motscles",
        "motsclés",
        "الكلمات",
        "الكلمات المفتاحية",
        "الوسوم",
    ),
    "author": (
        "author",
        "authors",
        "writer",
        "byline",
        "auteur",
        "الكاتب",
        "اسم الكاتب",
        "المؤلف",
        "المحرر",
    ),
    "file": ("file", "filename", "path", "filepath", "name", "الملف", "اسم الملف"),
    # the account a post was published from (tweet and page scrapers: Twint, snscrape,
    # CrowdTangle): the article's source when the row names none
    "account": (
        "displayname",
        "pagename",
        "channelname",
        "accountname",
        "username",
        "screenname",
        "userscreenname",
        "handle",
        "account",
        "channel",
        "اسم المستخدم",
        "اسم الحساب",
        "الحساب",
        "اسم الصفحة",
        "القناة",
    ),
}
# pieces of a folded name, for the fields no exact name matched; tried in this order, so
# "source_url" is a url and "article_title" a title before anything else claims them
_PIECE_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("url", ("url", "link", "رابط")),
    ("date", ("date", "published", "تاريخ")),
    ("title", ("title", "headline", "titre", "عنوان")),
    (
        "body",
        ("text", "body", "content", "contenu", "article", "story", "نص", "محتوى", "مقال", "تفاصيل"),
    ),
    ("author", ("author", "auteur", "writer", "byline", "كاتب", "مؤلف")),
    ("category", ("categor", "catégor", "section", "rubrique", "قسم", "تصنيف")),
    ("tags", ("tag", "keyword", "كلمات", "وسوم")),
    ("source", ("source", "site", "publisher", "مصدر", "موقع")),
    ("file", ("filename", "filepath", "ملف")),
)
# a column that holds a summary: the text of a table that has no text column
_SUMMARY_NAMES = (
    "description",
    "summary",
    "abstract",
    "lead",
    "excerpt",
    "teaser",
    "الوصف",
    "الملخص",
    "المقدمة",
    "نبذة",
)
_SUMMARY_PIECE_NAMES = ("descript", "summar", "abstract", "ملخص", "وصف")
# a name ending so counts or numbers something ("article_id", "text_length"): not that field
_NOT_A_FIELD = re.compile(r"(?:id|ids|count|length|len|num|number|no|size|words)$")
# a name matched by a piece that names something else than the article's field: the day a page
# was crawled is not the day it was published ("date_download" beside news-please's
# "date_publish"), an image's address is not the article's (patterns on folded names)
_OTHER_THING: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        r"crawl|download|scrap|fetch|extract|modif|updat|edit(?!ion)|access|index|expir|harvest|saved"
        r"|collect|retriev|birth|تحديث|تعديل|جمع|سحب"
    ),
    "url": re.compile(
        r"image|img|thumb|photo|picture|video|audio|media|icon|logo|avatar|author|feed|comment"
        r"|share|صوره|فيديو"
    ),
}
_SEPARATORS = re.compile(r"[\s_\-.\u0640\ufeff]+")
# the Arabic article at a word's start ("العنوان" is "عنوان", "النص" "نص"), when two letters are left
_ARTICLE = re.compile(r"^ال(?=\w{2})")


def _fold(name: str) -> str:
    """A header name as it is matched: "تفاصيل_الخبر", "تفاصيل الخبر" and "تفاصيل-الخبر" are
    one name ("تفاصيلخبر"), as "Full Text" and "full_text" are ("fulltext")."""
    words = _SEPARATORS.split(normalize(name))
    return "".join(_ARTICLE.sub("", word) for word in words)


def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_fold(name) for name in names))


_EXACT = {field: _folded(names) for field, names in _EXACT_NAMES.items()}
_PIECES = tuple((field, _folded(pieces)) for field, pieces in _PIECE_NAMES)
_SUMMARY = _folded(_SUMMARY_NAMES)
_SUMMARY_PIECES = _folded(_SUMMARY_PIECE_NAMES)


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds each field, the unmapped columns (index, name) and every name."""

    fields: dict[str, int]
    extras: tuple[tuple[int, str], ...]
    names: tuple[str, ...]
    # the text is a summary column's (the table has no text column): each article says so
    body_is_summary: bool = False
    # the table has no header row: its columns were found by content, and each article says so
    headerless: bool = False
    # the fields matched by a piece of a column's name ("Series Text" holds "text"), not a name
    by_piece: frozenset[str] = frozenset()


def map_columns(header: tuple[str, ...]) -> Columns:
    """The field of each header name (exact names first, then pieces of names)."""
    folded = [_fold(name) for name in header]
    fields: dict[str, int] = {}
    by_piece: set[str] = set()
    for field, names in _EXACT.items():
        # the aliases in their order: "date" wins over "time" wherever the columns stand
        found = (folded.index(n) for n in names if n in folded)
        i = next((i for i in found if i not in fields.values()), None)
        if i is not None:
            fields[field] = i
    for field, pieces in _PIECES:
        if field in fields:
            continue
        for i, name in enumerate(folded):
            if i in fields.values() or _NOT_A_FIELD.search(name):
                continue
            if field in _OTHER_THING and _OTHER_THING[field].search(name):
                continue
            if any(piece in name for piece in pieces):
                fields[field] = i
                by_piece.add(field)
                break
    # a file-name column of an article table is data of its own, kept with the extras
    mapped = {i for field, i in fields.items() if field != "file"}
    extras: list[tuple[int, str]] = []
    taken: set[str] = set()
    for i, name in enumerate(header):
        if i in mapped:
            continue
        label = name.strip() or f"column {i + 1}"
        if label in taken:  # a repeated header name: both values are kept
            label = f"{label} (column {i + 1})"
        taken.add(label)
        extras.append((i, label))
    return Columns(fields, tuple(extras), tuple(header), by_piece=frozenset(by_piece))


def without_field(columns: Columns, field: str) -> Columns:
    """``columns`` with ``field``'s column back among the extras, in its place."""
    index = columns.fields[field]
    fields = {f: i for f, i in columns.fields.items() if f != field}
    label = columns.names[index].strip() or f"column {index + 1}"
    extras = tuple(sorted((*columns.extras, (index, label))))
    return dataclasses.replace(
        columns, fields=fields, extras=extras, by_piece=columns.by_piece - {field}
    )


def summary_as_body(columns: Columns) -> Columns:
    """A table with no text column but a summary one ("description", "الوصف": news API exports)
    gives that column as the text, noted on every article; otherwise ``columns`` unchanged."""
    if "body" in columns.fields:
        return columns
    folded = [(i, _fold(name)) for i, name in columns.extras]
    found = next((i for i, name in folded if name in _SUMMARY), None)
    if found is None:
        found = next((i for i, name in folded if any(p in name for p in _SUMMARY_PIECES)), None)
    if found is None:
        return columns
    extras = tuple((i, name) for i, name in columns.extras if i != found)
    return Columns({**columns.fields, "body": found}, extras, columns.names, body_is_summary=True)


def exact_fields(names: list[str]) -> set[str]:
    """The fields that header ``names`` name exactly (not by a piece of a name)."""
    folded = {_fold(name) for name in names}
    return {field for field, known in _EXACT.items() if folded & set(known)}
