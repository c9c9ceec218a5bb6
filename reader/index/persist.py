"""``save_index`` / ``load_index``: an ``Index`` to a directory and back, without its articles.

The index is numpy arrays (postings segments, the forward index), roaring bitmaps (live docs,
facet values) and a few dicts (vocabulary, facet keys). It is written with pickle protocol 5, with
every large buffer (numpy arrays, Python arrays, serialised bitmaps) kept out of band in one raw
``buffers.bin`` that is mapped back (copy on write; read with a single ``readinto`` where a mapped
file could not be replaced, on Windows): loading is no re-parse, and pages are read when used. Articles are not stored here (the file cache holds them); the loader gets them by id.
"""

from __future__ import annotations

import copy
import mmap
import os
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


_READ_CHUNK = 8 << 20  # bytes per read of the snapshot's arrays (see _read_buffers)


def load_index(
    directory: Path, articles: Mapping[str, Article]
) -> tuple[Index, dict[str, tuple[str, int]]]:
    """(index, {live article id: (its file, its tags digest when saved)}). Live ids missing from
    ``articles`` stay in the index without an article: the caller removes them. Raises on any
    damage."""
    index, extra = _load(directory, _buffers(directory))
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


def load_bare_index(directory: Path) -> tuple[Index, list[str]]:
    """(index without its articles, the file of each document number) for a process that only
    searches (the command line on a folder seen before): ``get`` answers None, ``search`` works.

    The buffers are mapped (copy on write), not read: a handful of queries touch a few of the
    370 MB a 100,000-article snapshot holds, and reading them all took 0.27 s. Only for a short
    life: the mapping keeps the file's pages, and on Windows the snapshot cannot be replaced
    while it is mapped. Raises on any damage."""
    index, extra = _load(directory, _mapped_buffers(directory))
    index._articles = [None] * len(index._ids)
    return index, extra["doc_files"]


def _buffers(directory: Path) -> list[memoryview]:
    """The snapshot's buffers, mapped where a mapped file can still be replaced (POSIX: saving
    the next snapshot unlinks this one, and its pages stay valid until unmapped), else read."""
    return _mapped_buffers(directory) if os.name == "posix" else _read_buffers(directory)


def _mapped_buffers(directory: Path) -> list[memoryview]:
    # copy on write: an array of the index changed in place (a live update) changes only this
    # process's copy of the page, never the file
    with (directory / _BUFFERS).open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
    return _split(directory, memoryview(mapped))


def _read_buffers(directory: Path) -> list[memoryview]:
    """The snapshot's arrays, read a chunk at a time into memory that is not zeroed first.

    This runs on the window's loading thread. ``bytearray(n)`` zeroes its 370 MB (at 100k) in one
    C call with the GIL held, and one ``readinto`` of it all holds the GIL too: the GUI thread
    froze 150-280 ms at the end of every warm reopen. Chunks of 8 MB read by the unbuffered file
    give the GIL back between them (longest GUI gap 2-5 ms), and the whole read takes 40 ms
    instead of ~200 (measured at 100k)."""
    sizes = np.load(directory / "sizes.npy")
    total = int(sizes.sum())
    blob = memoryview(np.empty(total, dtype=np.uint8))
    with (directory / _BUFFERS).open("rb", buffering=0) as handle:
        done = 0
        while done < total:
            got = handle.readinto(blob[done : done + _READ_CHUNK])
            if not got:
                raise ValueError("index snapshot truncated")
            done += got
        if handle.read(1):
            raise ValueError("index snapshot longer than its sizes")
    return _split(directory, blob, sizes)


def _split(directory: Path, view: memoryview, sizes: np.ndarray | None = None) -> list[memoryview]:
    if sizes is None:
        sizes = np.load(directory / "sizes.npy")
    if int(sizes.sum()) != len(view):
        raise ValueError("index snapshot truncated")
    parts = []
    pos = 0
    for size in sizes.tolist():
        parts.append(view[pos : pos + size])
        pos += size
    return parts


def _load(directory: Path, parts: list[memoryview]) -> tuple[Index, dict]:
    with (directory / _STATE).open("rb") as handle:
        extra, state = pickle.load(handle, buffers=parts)
    if (extra.get("format"), extra.get("state_version")) != (_FORMAT, Index.STATE_VERSION):
        raise ValueError("index snapshot from another version")
    index = Index.__new__(Index)
    vars(index).update(state)
    index._stem = make_stemmer(index.stemmer)
    index._np_cache = {}
    return index, extra
