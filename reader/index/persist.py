"""``save_index`` / ``load_index``: an ``Index`` to a directory and back, without its articles.

The index is numpy arrays (postings segments, the forward index), roaring bitmaps (live docs,
facet values) and a few dicts (vocabulary, facet keys). It is written with pickle protocol 5, with
every large buffer (numpy arrays, Python arrays, serialised bitmaps) kept out of band in one raw
``buffers.bin`` that is read back with a single ``readinto``: loading is a memory copy, not a
re-parse. Articles are not stored here (the file cache holds them); the loader gets them by id.
"""

from __future__ import annotations

import copy
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from reader.index.memory import Index
from reader.index.postings import PostingStore
from reader.model import Article
from reader.text.stem import make_stemmer

_STATE = "state.pickle"
_BUFFERS = "buffers.bin"
_FORMAT = 1
# process-local or derived attributes, rebuilt on load
_NOT_SAVED = ("_stem", "_np_cache", "_articles")


def _tags_digest(article: Article | None) -> int:
    if article is None:
        return 0
    return zlib.crc32("\x1f".join(article.tags).encode("utf-8", "surrogatepass"))


def save_index(index: Index, directory: Path) -> None:
    """Write ``index`` into ``directory`` (which must exist). Raises OSError."""
    index._flush()
    state = {k: v for k, v in vars(index).items() if k not in _NOT_SAVED}
    for key, value in state.items():
        if isinstance(value, PostingStore):
            clean = copy.copy(value)
            clean._bitmaps = OrderedDict()
            state[key] = clean
    articles = index._articles
    extra = {
        "format": _FORMAT,
        "state_version": Index.STATE_VERSION,
        "doc_files": [a.path if a is not None else "" for a in articles],
        "doc_tags": np.fromiter((_tags_digest(a) for a in articles), np.uint32, len(articles)),
    }
    buffers: list[pickle.PickleBuffer] = []
    with (directory / _STATE).open("wb") as out:
        pickle.dump((extra, state), out, protocol=5, buffer_callback=buffers.append)
    with (directory / _BUFFERS).open("wb") as out:
        sizes = []
        for buf in buffers:
            raw = buf.raw()
            sizes.append(raw.nbytes)
            out.write(raw)
    with (directory / "sizes.npy").open("wb") as out:
        np.save(out, np.array(sizes, dtype=np.int64))


def load_index(
    directory: Path, articles: Mapping[str, Article]
) -> tuple[Index, dict[str, tuple[str, int]]]:
    """(index, {live article id: (its file, its tags digest when saved)}). Live ids missing from
    ``articles`` stay in the index without an article: the caller removes them. Raises on any
    damage."""
    sizes = np.load(directory / "sizes.npy")
    blob = bytearray(int(sizes.sum()))
    with (directory / _BUFFERS).open("rb") as handle:
        if handle.readinto(blob) != len(blob):
            raise ValueError("index snapshot truncated")
    view = memoryview(blob)
    parts = []
    pos = 0
    for size in sizes.tolist():
        parts.append(view[pos : pos + size])
        pos += size
    with (directory / _STATE).open("rb") as handle:
        extra, state = pickle.load(handle, buffers=parts)
    if (extra.get("format"), extra.get("state_version")) != (_FORMAT, Index.STATE_VERSION):
        raise ValueError("index snapshot from another version")
    index = Index.__new__(Index)
    vars(index).update(state)
    index._stem = make_stemmer(index.stemmer)
    index._np_cache = {}
    docnum: dict[str, int] = index._docnum
    files, tags = extra["doc_files"], extra["doc_tags"].tolist()
    # C-level passes over the 100,000 documents of a big folder (a Python loop here was a tenth
    # of a warm reopen)
    slots: list[Article | None] = list(map(articles.get, index._ids))
    if len(docnum) != len(slots):  # removed documents keep their id in _ids: no article
        for doc in set(range(len(slots))) - set(docnum.values()):
            slots[doc] = None
    docs = list(docnum.values())
    live = dict(
        zip(
            docnum,
            zip(map(files.__getitem__, docs), map(tags.__getitem__, docs), strict=True),
            strict=True,
        )
    )
    index._articles = slots
    return index, live
