"""The index stage of loading a folder: which index a load ends with (the one built while
parsing, one derived from an index of the same texts, the snapshot, or a new build) and when that
index is saved as the folder's next snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.library.loading import (
    STEP,
    FileInfo,
    LoadCancelled,
    LoadProgress,
    ProgressFn,
    StopFn,
)
from reader.model import Article
from reader.storage.cache import FileKey, FolderCache
from reader.storage.entity_key import entity_model_key

if TYPE_CHECKING:
    from reader.index import Index
    from reader.storage.snapshot import IndexOrigin

# a snapshot patched for at least this many articles (or 1 %) is saved again
RESAVE_MIN = 500


def build_index_plain(
    articles: Iterable[Article], total: int, *, progress: ProgressFn, should_stop: StopFn
) -> Index:
    from reader.index import Index

    index = Index()
    batch: list[Article] = []
    done = 0
    for article in articles:
        batch.append(article)
        if len(batch) >= STEP:
            if should_stop():
                raise LoadCancelled
            index.add_many(batch)
            done += len(batch)
            batch = []
            progress(LoadProgress("index", done, total))
    index.add_many(batch)
    progress(LoadProgress("index", total, total))
    return index


def index_for(
    cache: FolderCache | None,
    articles: list[Article],
    files: dict[str, FileInfo],
    *,
    with_entities: bool,
    progress: ProgressFn,
    stop: StopFn,
    built: Index | None = None,
    previous: Index | None = None,
    save_patched: bool = False,
) -> tuple[Index, IndexOrigin]:
    """The index of ``articles`` (see ``_index_for``), its entity facets by the folder's
    identities (``Index.ensure_identities``): every load with entities comes through here."""
    index, how = _index_for(
        cache,
        articles,
        files,
        with_entities=with_entities,
        progress=progress,
        stop=stop,
        built=built,
        previous=previous,
        save_patched=save_patched,
    )
    if with_entities:
        from reader.entities.identity import build_with_values

        index.ensure_identities(build_with_values)
    index.name_facet_values()  # here, off the GUI thread (the first Show all stays quick)
    return index, how


def _index_for(
    cache: FolderCache | None,
    articles: list[Article],
    files: dict[str, FileInfo],
    *,
    with_entities: bool,
    progress: ProgressFn,
    stop: StopFn,
    built: Index | None = None,
    previous: Index | None = None,
    save_patched: bool = False,
) -> tuple[Index, IndexOrigin]:
    """The index of ``articles``: ``built`` (the one ``read_files`` made), else derived from
    ``previous`` (the index of the same texts without entities: its postings are shared), else
    from the snapshot when one fits, else built. A built or derived index is saved as the
    next snapshot; a patched one when the patch was big, or with ``save_patched``."""
    from reader.storage import snapshot

    keys = {rel: info.key for rel, info in files.items() if info.key is not None}
    # once for the snapshot's check, its save and the manifest (``cache.snapshot_digest``)
    digest = snapshot.files_digest(keys) if cache is not None else ""
    ekey = entity_model_key() if with_entities else None
    if built is not None:
        _take_built(cache, built, articles, keys, ekey=ekey, digest=digest, progress=progress)
        return built, snapshot.IndexOrigin.BUILT
    # the same texts as an index in memory: share its postings (a snapshot load would be a
    # second copy of them: 2.1 GB peak instead of ~1.4 at 100k, measured by bench_scale's warm phase)
    derived = previous.with_articles(articles) if previous is not None else None
    if derived is not None:
        # no progress said: sharing the postings is no indexing, and a status bar showing an
        # index stage after the entities would only flash (the entity stage's count stays up).
        # The window's entity stage on an unchanged folder derives what the snapshot holds
        # already (its first stage loaded it): 370 MB written again at 100,000 articles, and the
        # command line's manifest lost with it.
        if cache is not None and articles and not snapshot.holds(cache.snapshot_dir, ekey, digest):
            _save(cache, derived, keys, ekey, digest)
        return derived, snapshot.IndexOrigin.DERIVED
    if cache is not None and cache.available:
        found = _from_snapshot(
            cache,
            articles,
            keys,
            ekey,
            digest,
            with_entities=with_entities,
            progress=progress,
            stop=stop,
            save_patched=save_patched,
        )
        if found is not None:
            return found
    index = build_index_plain(articles, len(articles), progress=progress, should_stop=stop)
    if cache is not None and articles:
        _save(cache, index, keys, ekey, digest)
    return index, snapshot.IndexOrigin.BUILT


def _take_built(
    cache: FolderCache | None,
    built: Index,
    articles: list[Article],
    keys: dict[str, FileKey],
    *,
    ekey: str | None,
    digest: str,
    progress: ProgressFn,
) -> None:
    """Bring the index built while parsing up to ``articles`` and save it as the next snapshot."""
    # the articles may have gained entity spans since: their facets follow (same text)
    get = built.get
    changed = [a for a in articles if get(a.id) is not a]
    built.add_many(changed)
    progress(LoadProgress("index", len(articles), len(articles)))
    if cache is not None and articles:
        _save(cache, built, keys, ekey, digest)


def _from_snapshot(
    cache: FolderCache,
    articles: list[Article],
    keys: dict[str, FileKey],
    ekey: str | None,
    digest: str,
    *,
    with_entities: bool,
    progress: ProgressFn,
    stop: StopFn,
    save_patched: bool,
) -> tuple[Index, IndexOrigin] | None:
    """The index of ``articles`` from the folder's snapshot (as it is, patched, or derived for
    this load's entities), saved again when that pays; None when no snapshot fits."""
    from reader.storage import snapshot

    progress(LoadProgress("index", 0, len(articles)))
    # The other kind of snapshot serves too. One saved with entities, for a load without
    # them: its entity facets are the cached spans', and the later entity stage derives the
    # index again from the articles' spans. One saved without entities, for a load with them:
    # the postings are shared and only the facets are rebuilt (``with_articles``).
    other = None if with_entities else entity_model_key()
    loaded = snapshot.load(cache.snapshot_dir, articles, keys, (ekey, other), digest)
    if loaded is None:
        return None
    index, use = loaded
    if with_entities and use.entity_key != ekey:
        index = index.with_articles(articles) or build_index_plain(
            articles, len(articles), progress=progress, should_stop=stop
        )
        _save(cache, index, keys, ekey, digest)
        progress(LoadProgress("index", len(articles), len(articles)))
        return index, snapshot.IndexOrigin.DERIVED
    progress(LoadProgress("index", len(articles), len(articles)))
    if use.how is snapshot.IndexOrigin.LOADED:
        cache.snapshot_digest = digest
    # a big patch is saved, so the next open does not redo it (a small one is cheaper
    # to redo than writing the snapshot again)
    big = use.readded + use.removed >= max(RESAVE_MIN, len(articles) // 100)
    if use.how is snapshot.IndexOrigin.PATCHED and (big or save_patched):
        # under this load's key: a patched article's facets have no entities yet
        _save(cache, index, keys, ekey, digest)
    return index, use.how


def _save(
    cache: FolderCache, index: Index, keys: dict[str, FileKey], ekey: str | None, digest: str
) -> None:
    from reader.storage import snapshot

    if not cache.writable:
        return
    if ekey is not None:
        from reader.entities.identity import build_with_values

        # the snapshot keeps them: a warm reopen needs no pass
        index.ensure_identities(build_with_values)
    note = snapshot.save(cache.snapshot_dir, index, keys, ekey, digest)
    if note:
        cache.notes.append(note)
    cache.snapshot_digest = None if note else digest
