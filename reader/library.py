"""A loaded folder: its articles, the problems met reading it, and the index over them.

Loading runs in stages (read and parse the files, find entities, build the index), each reporting
progress through a plain callback and checking ``should_stop`` between steps, so the command line
and the GUI's background worker share it. A ``Library`` is a snapshot: a later stage (entities found
after the list is already usable) produces a new ``Library`` that the caller swaps in, so a reader
never sees a half-updated index.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Article, LoadProblem

if TYPE_CHECKING:
    from reader.entities import Recogniser
    from reader.index import Filters, Index, SearchResult

# how many articles pass between two progress reports / cancellation checks
_STEP = 200


@dataclass(frozen=True, slots=True)
class LoadProgress:
    stage: str  # "scan" | "parse" | "entities" | "index"
    done: int
    total: int


class LoadCancelled(Exception):
    """``should_stop`` turned true during loading; nothing was half-applied."""


ProgressFn = Callable[[LoadProgress], None]
StopFn = Callable[[], bool]


def _no_progress(_: LoadProgress) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(slots=True)
class Library:
    root: Path
    articles: dict[str, Article]
    problems: list[LoadProblem]
    index: Index
    files_seen: int = 0
    # None when entities were found; otherwise why not (shown to the user)
    entity_status: str | None = "entities not computed"

    def get(self, article_id: str) -> Article:
        return self.articles[article_id]

    def __len__(self) -> int:
        return len(self.articles)

    def search(
        self, query: str = "", filters: Filters | None = None, **kwargs: object
    ) -> SearchResult:
        return self.index.search(query, filters, **kwargs)  # type: ignore[arg-type]

    @property
    def has_entities(self) -> bool:
        return self.entity_status is None

    def summary(self) -> str:
        """The one-line summary of the command-line contract."""
        read = {a.path or a.id.split("#", 1)[0] for a in self.articles.values()}
        skipped = len({p.path for p in self.problems} - read)
        return (
            f"{len(self.articles)} articles from {self.files_seen} files, {skipped} files skipped"
        )


@lru_cache(maxsize=1)
def default_recogniser() -> Recogniser:
    """The bundled entity model, loaded once per process. Raises RecogniserUnavailable."""
    from reader.entities import load_recogniser

    return load_recogniser()


def entity_recogniser() -> tuple[Recogniser | None, str | None]:
    """(recogniser, None) or (None, the reason entity highlighting is unavailable)."""
    from reader.entities import RecogniserUnavailable

    try:
        return default_recogniser(), None
    except RecogniserUnavailable as exc:
        return None, str(exc)


def annotate(
    articles: Sequence[Article],
    recogniser: Recogniser,
    *,
    progress: ProgressFn = _no_progress,
    should_stop: StopFn = _never,
) -> list[Article]:
    """Articles with their entity spans (body and appended), in the same order."""
    out: list[Article] = []
    total = len(articles)
    for i, article in enumerate(articles):
        if i % _STEP == 0:
            if should_stop():
                raise LoadCancelled
            progress(LoadProgress("entities", i, total))
        out.append(recogniser.annotate(article))
    progress(LoadProgress("entities", total, total))
    return out


def build_index(
    articles: Iterable[Article],
    total: int,
    *,
    progress: ProgressFn = _no_progress,
    should_stop: StopFn = _never,
) -> Index:
    from reader.index import Index

    index = Index()
    batch: list[Article] = []
    done = 0
    for article in articles:
        batch.append(article)
        if len(batch) >= _STEP:
            if should_stop():
                raise LoadCancelled
            index.add_many(batch)
            done += len(batch)
            batch = []
            progress(LoadProgress("index", done, total))
    index.add_many(batch)
    progress(LoadProgress("index", total, total))
    return index


def load_library(
    root: Path | str,
    *,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    on_batch: Callable[[list[Article]], None] | None = None,
    entities: bool = True,
) -> Library:
    """Read, (optionally) tag and index every article under ``root``.

    With ``entities=False`` the result is searchable sooner; ``with_entities`` adds them later.
    Raises ``LoadCancelled`` when ``should_stop`` returns true.
    """
    from reader.formats import read_folder

    root = Path(root)
    report = progress or _no_progress
    stop = should_stop or _never

    folder = read_folder(
        root,
        on_progress=lambda done, total: report(LoadProgress("parse", done, total)),
        should_stop=stop,
        on_batch=on_batch,
    )
    if stop():
        raise LoadCancelled
    articles: list[Article] = list(folder.articles)
    status: str | None = "entities not computed"
    if entities:
        recogniser, status = entity_recogniser()
        if recogniser is not None:
            articles = annotate(articles, recogniser, progress=report, should_stop=stop)
    index = build_index(articles, len(articles), progress=report, should_stop=stop)
    return Library(
        root=root,
        articles={a.id: a for a in articles},
        problems=list(folder.problems),
        index=index,
        files_seen=folder.files_seen,
        entity_status=status,
    )


def with_entities(
    library: Library,
    *,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
) -> Library:
    """A new Library with entity spans on every article and an index that knows them.

    The given library is left untouched, so a GUI can keep using it until the new one is swapped in.
    """
    report = progress or _no_progress
    stop = should_stop or _never
    recogniser, status = entity_recogniser()
    if recogniser is None:
        return dataclasses.replace(library, entity_status=status)
    articles = annotate(
        list(library.articles.values()), recogniser, progress=report, should_stop=stop
    )
    index = build_index(articles, len(articles), progress=report, should_stop=stop)
    return Library(
        root=library.root,
        articles={a.id: a for a in articles},
        problems=list(library.problems),
        index=index,
        files_seen=library.files_seen,
        entity_status=None,
    )
