"""The search-box language, parsed into plain data (issue 3).

words                all must match (each by its normalised form or its light stem)
"exact phrase"       the words adjacent and in order, after normalisation
a OR b               either (binds tighter than the implicit AND: ``a OR b c`` = (a|b) & c)
-word  -"phrase"     must not match
tag:X  tag:"X Y"     source:X  entity:X   (also -tag:X, -source:X, -entity:X)
since:YYYY-MM-DD  until:YYYY-MM-DD   (also YYYY-MM and YYYY: the first / last day of it)
category:X           the section field; category:"(none)" the articles without one
is:starred  is:unread  is:read       the reader's marks (issue 18)
mytag:X              the reader's own tags
note:X  note:"X Y"   the reader's notes holding every word (by form or stem, in any order)
title:X  title:"X Y" the articles whose title holds every word (by stem, in any order)
كوفيد-19             a chunk that splits into several words is a phrase of them
مستشف*  "وزير الخارج*"  a word ending in * matches the words that start with it (two letters or more)

Field names also in Arabic (وسم: مصدر: كيان: منذ: حتى: قسم: وسمي: ملاحظة: عنوان: هو:), and the marks as
هو:مميز (starred), هو:غير_مقروء (unread), هو:مقروء (read): "هو" ("it is") reads as "is:" does.
OR also as ``|`` and أو, quotes also « » “ ”. Every field can be negated: -is:read is is:unread.
An Arabic field name takes its value joined to the colon (مصدر:الجزيرة): "مصدر: ..." pasted from
a headline is words. A lone و ف ب ل ك (typed apart from its word) is not a word to find.
A word may carry a clitic the article does not (بغزة finds غزة); the index decides, by frequency.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from reader.index.query_ast import Clause, Filters, ParsedQuery, Phrase, Term
from reader.text import tokenize

# a word typed with one of these at its end is a prefix (٭ is the Arabic five-pointed star)
_PREFIX_MARKS = ("*", "\u066d")
MIN_PREFIX = 2

# Field names, Latin and Arabic (an Arabic keyboard user should not have to switch layouts).
_FIELDS: dict[str, str] = {
    "tag": "tag",
    "tags": "tag",
    "وسم": "tag",
    "source": "source",
    "src": "source",
    "مصدر": "source",
    "entity": "entity",
    "كيان": "entity",
    "since": "since",
    "from": "since",
    "منذ": "since",
    "until": "until",
    "to": "until",
    "حتى": "until",
    "category": "category",
    "section": "category",
    "قسم": "category",
    "is": "is",
    "هو": "is",
    "mytag": "mytag",
    "mytags": "mytag",
    "وسمي": "mytag",
    "note": "note",
    "notes": "note",
    "ملاحظة": "note",
    "title": "title",
    "عنوان": "title",
}
# the values of is:, Latin and Arabic (masculine and feminine: "خبر مميز", "مقالة مميزة")
_MARKS: dict[str, str] = {
    "starred": "starred",
    "star": "starred",
    "مميز": "starred",
    "مميزة": "starred",
    "unread": "unread",
    "new": "unread",
    "غير_مقروء": "unread",
    "غير_مقروءة": "unread",
    "غير مقروء": "unread",
    "غير مقروءة": "unread",
    "read": "read",
    "مقروء": "read",
    "مقروءة": "read",
}
_FIELD_RE = re.compile(r"(\w+):", re.UNICODE)
# أو is "or" (also typed without its hamza)
_OR = frozenset({"OR", "|", "||", "أو", "او"})
# a proclitic typed apart from its word ("ترامب و بوتين"): never a word of an article
_LONE_CLITICS = frozenset("وفبلك")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str  # "text" (a bare chunk), "phrase" (quoted), "or", or a field name
    value: str
    negated: bool


def _lex(text: str, errors: list[str]) -> list[_Item]:
    """Split the query into items: bare chunks, quoted phrases, OR, field:value, each maybe negated."""
    items: list[_Item] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-":
            negated = True
            i += 1
            if i >= n or text[i].isspace():
                errors.append("a lone '-' was ignored (write -word to exclude a word)")
                continue
        field_name = None
        m = _FIELD_RE.match(text, i)
        if m and m.group(1).lower() in _FIELDS and _is_field(text, m):
            field_name = _FIELDS[m.group(1).lower()]
            i = m.end()
            # "tag: غزة" means tag:غزة (people put a space after a colon)
            while i < n and text[i].isspace():
                i += 1
        if i < n and text[i] in '"“”«»':
            close = {"«": "»"}.get(text[i])
            j = i + 1
            end = _find_close(text, j, close)
            if end < 0:
                errors.append("a quotation mark was not closed; the rest was read as a phrase")
                end = n
            value, i = text[j:end], end + 1
            kind = field_name or "phrase"
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '"“”«»':
                j += 1
            value, i = text[i:j], j
            kind = field_name or ("or" if value in _OR and not negated else "text")
        if field_name and not value.strip():
            errors.append(f"{field_name}: needs a value, e.g. {field_name}:X")
            continue
        items.append(_Item(kind, value, negated))
    return items


def _is_field(text: str, m: re.Match[str]) -> bool:
    """Whether ``name:`` starts a field. An Arabic field name is an everyday word (مصدر source,
    منذ since, هو it is) that a pasted headline may end with a colon ("مصدر: أميركا تشن ..."),
    so it takes its value joined to the colon; a Latin one may have a space after it."""
    joined = m.end() < len(text) and not text[m.end()].isspace()
    return joined or m.group(1).isascii()


def _find_close(text: str, start: int, close: str | None) -> int:
    closers = close or '"“”'
    for k in range(start, len(text)):
        if text[k] in closers:
            return k
    return -1


def _phrase(value: str, exact: bool, errors: list[str]) -> Phrase | None:
    keep_lone = exact or value.rstrip().endswith(_PREFIX_MARKS)
    words = tuple(
        Term(t.text, t.norm)
        for t in tokenize(value)
        if t.norm and (keep_lone or t.norm not in _LONE_CLITICS)
    )
    if not words:
        return None
    if value.rstrip().endswith(_PREFIX_MARKS):
        last = words[-1]
        if len(last.norm) >= MIN_PREFIX:
            words = (*words[:-1], Term(last.text, last.norm, prefix=True))
        else:
            errors.append(f"{last.text}*: a prefix needs at least {MIN_PREFIX} letters")
    # A chunk that tokenises into several words (كوفيد-19, U.S.) keeps them together: a phrase,
    # matched by stem when typed bare (بكوفيد-19 finds كوفيد-19), by form when quoted.
    return Phrase(words, exact=exact)


def _date(value: str, end: bool, errors: list[str], name: str) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning the first (since) or last (until) day of it."""
    m = _DATE_RE.match(value.strip())
    try:
        if not m:
            raise ValueError
        year = int(m.group(1))
        if m.group(3):
            return dt.date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            month = int(m.group(2))
            if not end:
                return dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        errors.append(f"{name}: expects a date YYYY-MM-DD, not {value!r}")
        return None


def parse_query(text: str) -> ParsedQuery:
    """Parse the search-box text. Never raises: malformed input gives ``error`` and a best reading.

    The empty query is not an error (it means "everything"); a query made only of operators is.
    """
    errors: list[str] = []
    clauses: list[Clause] = []
    filt = Filters()
    pending_or = False
    items = _lex(text or "", errors)
    for item in items:
        if item.kind == "or":
            if not clauses or clauses[-1].negated or pending_or:
                errors.append("OR needs a word on each side")
            else:
                pending_or = True
            continue
        if item.kind in ("text", "phrase"):
            phrase = _phrase(item.value, exact=item.kind == "phrase", errors=errors)
            if phrase is None:
                if item.kind == "phrase" or item.negated:
                    errors.append(f"nothing to search for in {item.value!r}")
                continue
            if pending_or and not item.negated:
                last = clauses.pop()
                clauses.append(Clause((*last.alternatives, phrase)))
            else:
                if pending_or:
                    errors.append("OR needs a word on each side")
                clauses.append(Clause((phrase,), negated=item.negated))
            pending_or = False
            continue
        if pending_or:
            errors.append("OR needs a word on each side")
            pending_or = False
        filt = _add_field(filt, item, errors)
    if pending_or:
        errors.append("OR needs a word on each side")
    clauses = _compound_names(clauses)
    if text and text.strip() and not clauses and filt == Filters() and not errors:
        errors.append("nothing to search for")
    return ParsedQuery(text or "", tuple(clauses), filt, "; ".join(dict.fromkeys(errors)) or None)


def _plain_word(clause: Clause) -> Term | None:
    """The one word of a clause that is a single plain word (not quoted, negated or a prefix)."""
    if clause.negated or len(clause.alternatives) != 1:
        return None
    alt = clause.alternatives[0]
    if alt.exact or len(alt.words) != 1 or alt.words[0].prefix:
        return None
    return alt.words[0]


def _compound_names(clauses: list[Clause]) -> list[Clause]:
    """Names written joined or apart (عبدالفتاح / عبد الفتاح, أبوظبي / أبو ظبي) match either way:
    typed joined, the clause also takes the two words; typed apart, the two words (a phrase) also
    take the joined word."""
    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        word = _plain_word(clauses[i])
        after = _plain_word(clauses[i + 1]) if i + 1 < len(clauses) else None
        if word is not None and after is not None and _joins(word.norm, after.norm):
            apart = Phrase((word, after))
            joined = Phrase((Term(word.text + after.text, word.norm + after.norm),))
            out.append(Clause((apart, joined)))
            i += 2
            continue
        parts = _split_compound(word.norm) if word is not None else None
        if word is not None and parts is not None:
            apart = Phrase((Term(parts[0], parts[0]), Term(parts[1], parts[1])))
            out.append(Clause((Phrase((word,)), apart)))
        else:
            out.append(clauses[i])
        i += 1
    return out


# the first words of names that are written joined as often as apart
_COMPOUND_HEADS = ("عبد", "ابو")


def _joins(first: str, second: str) -> bool:
    return first in _COMPOUND_HEADS and _split_compound(first + second) is not None


def _split_compound(norm: str) -> tuple[str, str] | None:
    """(head, rest) of a joined name: عبد + a word with ال (عبدالله, عبدالفتاح), أبو + a word of
    three letters or more (أبوظبي); None for anything else (ابواب is not أبو + اب)."""
    for head in _COMPOUND_HEADS:
        rest = norm[len(head) :]
        if not norm.startswith(head):
            continue
        if head == "عبد" and rest.startswith("ال") and len(rest) >= 4:
            return head, rest
        if head == "ابو" and len(rest) >= 3:
            return head, rest
    return None


def _add_field(filt: Filters, item: _Item, errors: list[str]) -> Filters:
    value = " ".join(item.value.split())
    if item.kind == "tag":
        if item.negated:
            return replace(filt, exclude_tags=filt.exclude_tags | {value})
        return replace(filt, include_tags=filt.include_tags | {value})
    if item.kind == "source":
        if item.negated:
            return replace(filt, exclude_sources=filt.exclude_sources | {value})
        return replace(filt, include_sources=filt.include_sources | {value})
    if item.kind == "entity":
        if item.negated:
            return replace(filt, exclude_entities=filt.exclude_entities | {("*", value)})
        return replace(filt, include_entities=filt.include_entities | {("*", value)})
    if item.kind == "title":
        words = tuple(t.norm for t in tokenize(value) if t.norm)
        if not words:
            errors.append(f"nothing to search for in title:{value!r}")
            return filt
        if item.negated:
            return replace(filt, exclude_title_words=filt.exclude_title_words | {words})
        return replace(filt, title_words=filt.title_words | {words})
    if item.kind in ("category", "is", "mytag", "note"):
        return _add_own_field(filt, item.kind, value, item.negated, errors)
    if item.negated:
        errors.append(f"-{item.kind}: is not supported; use since: and until:")
    day = _date(value, end=item.kind == "until", errors=errors, name=item.kind)
    if day is None or item.negated:
        return filt
    if item.kind == "since":
        return replace(filt, since=day if filt.since is None else max(filt.since, day))
    return replace(filt, until=day if filt.until is None else min(filt.until, day))


def _add_own_field(
    filt: Filters, kind: str, value: str, negated: bool, errors: list[str]
) -> Filters:
    """category:, is:, mytag: and note: (issue 18), each maybe negated."""
    if kind == "category":
        if negated:
            return replace(filt, exclude_categories=filt.exclude_categories | {value})
        return replace(filt, include_categories=filt.include_categories | {value})
    if kind == "mytag":
        if negated:
            return replace(filt, exclude_my_tags=filt.exclude_my_tags | {value})
        return replace(filt, include_my_tags=filt.include_my_tags | {value})
    if kind == "note":
        words = tuple(t.norm for t in tokenize(value) if t.norm)
        if not words:
            errors.append(f"nothing to search for in note:{value!r}")
            return filt
        if negated:
            return replace(filt, exclude_note_words=filt.exclude_note_words | {words})
        return replace(filt, note_words=filt.note_words | {words})
    mark = _MARKS.get(value.lower())
    if mark is None:
        errors.append(f"is: expects starred, unread or read, not {value!r}")
        return filt
    if negated:  # -is:read is is:unread, and the other way round
        mark = {"read": "unread", "unread": "read"}.get(mark, mark)
        if mark == "starred":
            return replace(filt, exclude_marks=filt.exclude_marks | {mark})
    return replace(filt, include_marks=filt.include_marks | {mark})
