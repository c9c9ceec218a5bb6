"""ArchiveBox's snapshot folders (``archive/<timestamp>/``): one saved page kept several ways
(SingleFile, Chrome's DOM, wget, Readability, Mercury, plain text, a WARC), beside ArchiveBox's
own ``index.json`` and ``index.html``. Each copy read would make the article six times over, and
the index page a junk one: one copy is read, the most complete, and its article says so.
"""

from __future__ import annotations

from pathlib import Path

# the copies, best first: a whole page (its head gives title, date and address), then the
# extractors' text
_COPIES = (
    "singlefile.html",
    "output.html",
    "dom.html",
    "readability/content.html",
    "mercury/content.html",
    "htmltotext.txt",
    "readability/content.txt",
)
# the file names of the copies: only files so named can be one
SNAPSHOT_COPY_NAMES = frozenset(copy.rsplit("/", 1)[-1] for copy in _COPIES)
# what ArchiveBox writes in a snapshot's index.json (and other tools' index.json do not)
_MARKERS = ('"history"', '"timestamp"')


def snapshot_copy(folder: Path) -> str | None:
    """The copy to read (relative to ``folder``) when ``folder`` is an ArchiveBox snapshot that
    holds one; None for any other folder."""
    index = folder / "index.json"
    if not (index.is_file() and (folder / "index.html").is_file()):
        return None
    try:
        with index.open("rb") as handle:
            head = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        return None
    if not all(marker in head for marker in _MARKERS):
        return None
    for copy in _COPIES:
        path = folder / copy
        try:
            if path.is_file() and path.stat().st_size > 0:
                return copy
        except OSError:
            continue
    return None


def snapshot_note(path: Path) -> str | None:
    """The note for the article of ``path`` when it is the copy read of an ArchiveBox snapshot."""
    for copy in _COPIES:
        depth = copy.count("/") + 1
        if path.as_posix().endswith("/" + copy) and len(path.parts) > depth:
            folder = path.parents[depth - 1]
            if snapshot_copy(folder) == copy:
                return f"an ArchiveBox snapshot: read from {copy}; its other copies are not read"
    return None
