"""``save_index`` / ``load_index``: an ``Index`` to a directory and back, without its articles.

The index is numpy arrays (postings segments, the forward index), roaring bitmaps (live docs,
facet values) and a few dicts (vocabulary, facet keys). It is written with pickle protocol 5, with
every large buffer (numpy arrays, Python arrays, serialised bitmaps) kept out of band in one raw
``buffers.bin`` that is mapped back (copy on write; read in chunks where a mapped file could not
be replaced, on Windows): loading is no re-parse, and pages are read when used. Articles are not
stored here (the file cache holds them); the loader gets them by id.

The dicts and lists with many entries (vocabulary, document numbers, facet values and their
bitmaps: 0.35 s of unpickling at 100,000 articles) are written as a series of small pickles,
``CHUNK`` entries each, after a skeleton that holds everything else. One ``pickle.load`` is one C
call that keeps the GIL until it returns; the window loads the snapshot on a worker thread, and a
single load of the whole state froze its GUI thread for 100-200 ms. Between two chunks the
interpreter can hand the GIL over (a few ms each).
"""

from __future__ import annotations

import copy
import mmap
import os
import pickle
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import cast

import numpy as np

from reader.index.memory import Index
from reader.index.store import IndexStore
from reader.model import Article

_STATE = "state.pickle"
_BUFFERS = "buffers.bin"
_FORMAT = 2
# entries per pickle of a large dict or list (a few ms to unpickle, see the module docstring)
CHUNK = 20_000


def _tags_digest(article: Article | None) -> int:
    if article is None:
        return 0
    return zlib.crc32("\x1f".join(article.tags).encode("utf-8", "surrogatepass"))


def save_index(index: Index, directory: Path) -> None:
    """Write ``index`` into ``directory`` (which must exist). Raises OSError."""
    index.flush()
    state = index.store.state()
    articles = index.store.articles
    extra = {
        "format": _FORMAT,
        "state_version": Index.STATE_VERSION,
        "doc_files": [a.path if a is not None else "" for a in articles],
        "doc_tags": np.fromiter((_tags_digest(a) for a in articles), np.uint32, len(articles)),
    }
    buffers: list[pickle.PickleBuffer] = []
    (extra, state), detached = _detach((extra, state))
    plan = [(path, isinstance(value, dict), _chunks(len(value))) for path, value in detached]
    with (directory / _STATE).open("wb") as out:
        pickle.dump((extra, state, plan), out, protocol=5, buffer_callback=buffers.append)
        for _path, value in detached:
            for piece in _pieces(value):
                pickle.dump(piece, out, protocol=5, buffer_callback=buffers.append)
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
    state, extra = _load(directory, _buffers(directory))
    docnum: dict[str, int] = state["docnum"]
    ids: list[str] = state["ids"]
    files, tags = extra["doc_files"], extra["doc_tags"].tolist()
    # C-level passes over the 100,000 documents of a big folder (a Python loop here was a tenth
    # of a warm reopen)
    slots: list[Article | None] = list(map(articles.get, ids))
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
    return Index.over(IndexStore.from_state(state, slots)), live


def load_bare_index(directory: Path) -> tuple[Index, list[str]]:
    """(index without its articles, the file of each document number) for a process that only
    searches (the command line on a folder seen before): ``get`` answers None, ``search`` works.

    The buffers are mapped (copy on write), not read: a handful of queries touch a few of the
    370 MB a 100,000-article snapshot holds, and reading them all took 0.27 s. Only for a short
    life: the mapping keeps the file's pages, and on Windows the snapshot cannot be replaced
    while it is mapped. Raises on any damage."""
    state, extra = _load(directory, _mapped_buffers(directory))
    store = IndexStore.from_state(state, [None] * len(state["ids"]))
    return Index.over(store), extra["doc_files"]


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
    blob = np.empty(total, dtype=np.uint8).data
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


def _load(directory: Path, parts: list[memoryview]) -> tuple[dict, dict]:
    """(the store's saved state, the snapshot's extra tables)."""
    buffers = iter(parts)  # each pickle below takes the next of them in the order they were written
    with (directory / _STATE).open("rb") as handle:
        head = pickle.load(handle, buffers=buffers)
        if not (isinstance(head, tuple) and len(head) == 3 and isinstance(head[0], dict)):
            raise ValueError("index snapshot from another version")
        extra, state, plan = head
        if (extra.get("format"), extra.get("state_version")) != (_FORMAT, Index.STATE_VERSION):
            raise ValueError("index snapshot from another version")
        for path, is_dict, count in plan:
            value: dict | list = {} if is_dict else []
            for _ in range(count):
                piece = pickle.load(handle, buffers=buffers)
                if is_dict:
                    value.update(zip(*piece, strict=True))  # type: ignore[union-attr]
                else:
                    value.extend(piece)  # type: ignore[union-attr]
            _attach((extra, state), path, value)
        if handle.read(1):
            raise ValueError("index snapshot longer than its plan")
    if next(buffers, None) is not None:
        raise ValueError("index snapshot holds more arrays than its state")
    return state, extra


# ---- the large dicts and lists, written in chunks (see the module docstring)
_Where = tuple[object, ...]  # where a detached value sits: keys and attribute names from the root


def _big(value: object) -> bool:
    return type(value) in (dict, list) and len(value) > CHUNK  # type: ignore[arg-type]


def _detach(root: tuple[dict, dict]) -> tuple[tuple[dict, dict], list[tuple[_Where, dict | list]]]:
    """A copy of (extra, state) with every large plain dict or list replaced by None (also among the
    attributes of the facet fields), and those values with their paths."""
    extra, state = dict(root[0]), dict(root[1])
    detached: list[tuple[_Where, dict | list]] = []
    for top, mapping in ((0, extra), (1, state)):
        for key, value in mapping.items():
            if _big(value):
                detached.append(((top, key), value))
                mapping[key] = None
        if top == 1 and isinstance(mapping.get("facets"), dict):
            fields = mapping["facets"] = dict(mapping["facets"])
            for name, field in fields.items():
                attrs = field.__getstate__()
                big = [attr for attr, value in attrs.items() if _big(value)]
                if not big:
                    continue
                clone = copy.copy(field)
                for attr in big:
                    detached.append(((1, "facets", name, attr), attrs[attr]))
                    setattr(clone, attr, None)
                fields[name] = clone
    return (extra, state), detached


def _attach(root: tuple[dict, dict], path: _Where, value: dict | list) -> None:
    # a path is (0 or 1, key) or (1, "facets", field name, attribute name): see _detach
    top, key, *rest = path
    holder = root[cast(int, top)]
    if not rest:
        holder[key] = value
        return
    name, attr = rest
    setattr(holder[key][name], cast(str, attr), value)


def _chunks(size: int) -> int:
    return (size + CHUNK - 1) // CHUNK


def _pieces(value: dict | list) -> Iterator[object]:
    if isinstance(value, dict):
        keys, values = list(value), list(value.values())
        for start in range(0, len(keys), CHUNK):
            yield keys[start : start + CHUNK], values[start : start + CHUNK]
    else:
        for start in range(0, len(value), CHUNK):
            yield value[start : start + CHUNK]
