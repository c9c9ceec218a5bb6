"""A loaded folder: scan, read and parse its files (``loading``), tag entities (``tagging``), settle
the index, apply live changes (``live``, ``watch``), answer from the cache alone (``warm``), link
"read also" headlines (``title_links``) and export (``export``). ``library`` ties them into the
``record.Library`` of a loaded folder.

The public names below resolve on first use, so a worker process that imports one stage (the
entity pool imports ``tagging``) does not import the whole layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library.library import (
        ChangeSet,
        Library,
        LoadCancelled,
        LoadProgress,
        annotate,
        build_index,
        load_library,
        tag_articles,
        with_entities,
    )

__all__ = [
    "ChangeSet",
    "Library",
    "LoadCancelled",
    "LoadProgress",
    "annotate",
    "build_index",
    "load_library",
    "tag_articles",
    "with_entities",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.library import library

        return getattr(library, name)
    raise AttributeError(f"module 'reader.library' has no attribute {name!r}")
