"""The disk cache's row format: a file's articles and entity spans as pickles of plain tuples.

Pickle of tuples is the fastest Python deserialiser we have (dataclasses unpickle field by field,
~4x slower, see reader/formats/parse_pool.py). Articles are not compressed: zlib level 1 made the
cache 3x smaller but its decompression took 0.93 s of a 3.8 s reopen of the 31.5k ANT articles
(pickle.loads itself: 0.39 s), and reopening fast is the point. Bodies are stored as UTF-16
bytes, not as pickle's UTF-8: decoding Arabic from UTF-16 is 3-4x faster (0.11 against 0.03 s for
20,000 bodies of 1,660 characters), for rows ~10 % larger (spaces and digits take two bytes).
Spans, small and read less often, are zlib-compressed.
"""

from __future__ import annotations

import datetime as dt
import pickle
import zlib
from collections.abc import Sequence

from reader.model import Appended, Article, LoadProblem, PackedSpans, Span

# with a byte order mark: CPython decodes "utf-16" without looking the codec up (0.3 against
# 0.7 µs a body for "utf-16-le")
_WIDE = "utf-16"
# what a file parsed into: articles without entities, and the problems met
Parsed = tuple[tuple[Article, ...], tuple[LoadProblem, ...]]
# per article of a file: (body spans, spans of each appended article's body)
FileSpans = tuple[tuple[Sequence[Span], tuple[Sequence[Span], ...]], ...]


def pack_articles(parsed: Parsed) -> bytes:
    articles, problems = parsed
    plain = (
        tuple(
            (
                a.id,
                a.title,
                a.body.encode(_WIDE, "surrogatepass"),
                a.date.toordinal() if a.date else 0,
                a.source,
                a.url,
                a.author,
                a.category,
                a.tags,
                a.related,
                tuple((x.title, x.body.encode(_WIDE, "surrogatepass")) for x in a.appended),
                a.problems,
                a.path,
                a.extra,
            )
            for a in articles
        ),
        tuple((p.path, p.reason) for p in problems),
    )
    return pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)


def unpack_articles(blob: bytes) -> Parsed:
    plain_articles, plain_problems = pickle.loads(blob)
    fromordinal = dt.date.fromordinal
    # positional arguments in field order, and no generator for the usual empty tuples: this
    # loop runs 100,000 times when a big folder reopens
    articles = tuple(
        [
            Article(
                i,
                title,
                str(body, _WIDE, "surrogatepass"),
                fromordinal(day) if day else None,
                source,
                url,
                author,
                category,
                tags,
                related,
                tuple([Appended(t, str(b, _WIDE, "surrogatepass")) for t, b in appended])
                if appended
                else (),
                (),
                problems,
                path,
                extra,
            )
            for (
                i,
                title,
                body,
                day,
                source,
                url,
                author,
                category,
                tags,
                related,
                appended,
                problems,
                path,
                extra,
            ) in plain_articles
        ]
    )
    problems = tuple([LoadProblem(p, r) for p, r in plain_problems]) if plain_problems else ()
    return articles, problems


def pack_spans(spans: FileSpans) -> bytes:
    plain = tuple(
        (_span_bytes(body), tuple(_span_bytes(app) for app in appended)) for body, appended in spans
    )
    return zlib.compress(pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack_spans(blob: bytes) -> FileSpans:
    """The spans as articles keep them (``PackedSpans`` over the stored bytes: nothing decoded)."""
    plain = pickle.loads(zlib.decompress(blob))
    return tuple(
        (_from_bytes(body), tuple(_from_bytes(app) for app in appended)) for body, appended in plain
    )


def _span_bytes(spans: Sequence[Span]) -> bytes:
    return (spans if isinstance(spans, PackedSpans) else PackedSpans(spans)).to_bytes()


def _from_bytes(data: bytes) -> Sequence[Span]:
    return PackedSpans.from_bytes(data) if data else ()
