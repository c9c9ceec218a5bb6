"""Unlabelled news text for the unsupervised features (training time only).

Reads the TREC-style ANT files either straight out of the shared ``*.tar.xz`` archives (streamed,
nothing is unpacked to disk) or from an unpacked folder given with ``--corpus``. Only the title,
abstract and text fields are kept; malformed files simply contribute whatever text they have.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.text import tokenize
from reader.text.normalize import TATWEEL

_FIELD_RE = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.DOTALL)


def _fields(raw: str) -> str:
    return "\n".join(m.group(2) for m in _FIELD_RE.finditer(raw))


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def iter_documents(sources: Iterable[Path]) -> Iterator[str]:
    """The text of each document in the given archives (``.tar.xz``) or folders."""
    for source in sources:
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file() and path.suffix in {".txt", ".xml", ""}:
                    yield _fields(_decode(path.read_bytes()))
        else:
            with tarfile.open(source, "r:*") as archive:
                for member in archive:
                    if not member.isfile():
                        continue
                    handle = archive.extractfile(member)
                    if handle is not None:
                        yield _fields(_decode(handle.read()))


def iter_sentences(sources: Iterable[Path]) -> Iterator[list[str]]:
    """Normalised word tokens, one list per paragraph (a line of a document)."""
    for document in iter_documents(sources):
        # tatweel is dropped by normalisation anyway; removing it first keeps long decorative
        # runs of it away from the tokeniser's regex
        for line in document.replace(TATWEEL, "").split("\n"):
            words = [t.norm for t in tokenize(line)]
            if words:
                yield words


def default_sources(shared: Path) -> list[Path]:
    return sorted((shared / "corpus").glob("*.tar.xz"))
