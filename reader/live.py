"""Live folders: apply a burst of file changes to an open ``Library`` without re-reading the folder.

Only the named files are read (through the disk cache), tagged and re-indexed: the old articles of
each file are removed from the index and its new ones added, which costs about what adding them
did in the first place (``Index.add``/``remove``), so a scraper writing a thousand files costs a
thousand files, not the whole folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.folder import is_article_name
from reader.formats.tags import recover_multiword_tags
from reader.loading import (
    FileInfo,
    LoadProgress,
    LoadRun,
    annotate_files,
    open_cache,
    parse_some,
    relative,
)
from reader.model import Article

if TYPE_CHECKING:
    from reader.library import ChangeSet, Library


def _quiet(_: LoadProgress) -> None:
    return None


def _never() -> bool:
    return False


def apply_changes(
    library: Library,
    added_or_changed: Iterable[Path | str],
    removed: Iterable[Path | str],
    *,
    entities: bool | None,
) -> ChangeSet:
    from reader.library import ChangeSet

    root = library.root
    present, gone = _sort_paths(root, added_or_changed, removed)
    gone = _expand_folders(gone, library.files)
    cache = open_cache(root, library.use_cache, None)
    try:
        parsed = parse_some(root, present, cache)
        fresh = [a for rel in present for a in parsed[rel][1][0]]
        if fresh:
            fresh = _recover_tags(library, fresh)
        tag = library.has_entities if entities is None else entities
        files = {
            rel: FileInfo(parsed[rel][0], tuple(a.id for a in parsed[rel][1][0])) for rel in present
        }
        if tag and fresh:
            run = LoadRun(root, cache, _quiet, _never, library.workers)
            from reader.loading import cached_spans

            spans = cached_spans(cache, files, few=True) if cache is not None else {}
            fresh, _ = annotate_files(run, fresh, spans, tag_missing=True, files=files)
        if cache is not None:
            for note in cache.notes:
                if note not in library.notes:
                    library.notes.append(note)
    finally:
        if cache is not None:
            cache.close()
    touched = gone | set(present)
    old_ids = [i for rel in touched if rel in library.files for i in library.files[rel].ids]
    old_articles = {i: library.articles[i] for i in old_ids if i in library.articles}
    new_ids = {a.id for a in fresh}
    for article_id in old_ids:
        if article_id not in new_ids:
            library.index.remove(article_id)
            library.articles.pop(article_id, None)
    for rel in gone:
        library.files.pop(rel, None)
    library.files.update(files)
    for article in fresh:
        library.index.add(article)
        library.articles[article.id] = article
    library.problems = [p for p in library.problems if p.path not in touched]
    new_problems = [p for rel in present for p in parsed[rel][1][1]]
    library.problems.extend(new_problems)
    library.files_seen = len(library.files)
    added = tuple(a.id for a in fresh if a.id not in old_articles)
    dropped = tuple(i for i in old_ids if i not in new_ids)
    return ChangeSet(
        added=added,
        removed=dropped,
        updated=tuple(a.id for a in fresh if a.id in old_articles),
        renamed=_renames([old_articles[i] for i in dropped], [a for a in fresh if a.id in added]),
        problems=tuple(new_problems),
    )


def _sort_paths(
    root: Path, added_or_changed: Iterable[Path | str], removed: Iterable[Path | str]
) -> tuple[list[str], set[str]]:
    """(files to read, files gone) as relative ids; names that are not articles are dropped."""
    gone = {relative(root, p) for p in removed}
    present: list[str] = []
    for p in added_or_changed:
        rel = relative(root, p)
        name = rel.rsplit("/", 1)[-1]
        if any(part.startswith(".") for part in rel.split("/")) or not is_article_name(name):
            continue
        if (root / rel).is_file():
            present.append(rel)
            gone.discard(rel)
        else:
            gone.add(rel)
    return list(dict.fromkeys(present)), gone


def _expand_folders(gone: set[str], files: dict[str, FileInfo]) -> set[str]:
    """A removed folder stands for every known file under it (watchers report the folder)."""
    folders = {rel for rel in gone if rel not in files}
    if not folders:
        return gone
    prefixes = tuple(rel.rstrip("/") + "/" for rel in folders)
    return (gone - folders) | {rel for rel in files if rel.startswith(prefixes)}


def _recover_tags(library: Library, fresh: list[Article]) -> list[Article]:
    """The folder-wide tag pass for the new articles only, with the folder as evidence."""
    new_ids = {a.id for a in fresh}
    others = [a for a in library.articles.values() if a.id not in new_ids]
    from reader.formats.tags import _from_unsplit_tag_line

    merged = recover_multiword_tags(
        [*others, *fresh],
        is_candidate=lambda a: a.id in new_ids and _from_unsplit_tag_line(a),
    )
    return merged[len(others) :]


def _renames(removed: list[Article], added: list[Article]) -> tuple[tuple[str, str], ...]:
    """Removed and added articles with the same title and body: a file renamed or moved."""
    by_text: dict[tuple[str, str], list[str]] = {}
    for a in removed:
        by_text.setdefault((a.title, a.body), []).append(a.id)
    pairs = []
    for a in added:
        olds = by_text.get((a.title, a.body))
        if olds:
            pairs.append((olds.pop(0), a.id))
    return tuple(pairs)
