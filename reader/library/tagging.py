"""Entity spans for a folder's articles: from the disk cache, else tagged on every core.

``annotate_files`` is the entity stage of every load (``reader.library.library``: the command line's
``load_library``, the window's ``with_entities``, a live folder's ``tag_articles``,
``reader.library.live``, and ``main.py export`` for the articles it selects): spans of unchanged
files come from the cache, the other files' articles go to ``tag_files``, and their spans are
stored in the cache file by file as they come back.

The CRF tagger is pure CPU (~50,000 tokens/s per core), so a 2-core machine tags a folder in
about half the time with two worker processes. Each worker lowers its priority, arranges to end
with the process that started it (``reader.runtime.workers``) and loads the recogniser once (the pool
initializer); work travels as plain strings and comes back as plain tuples, the cheapest things
to pickle. Results are yielded in input order so the caller can store
them file by file.

Without a recogniser (``tag_files(..., None)``, the window) nothing is tagged in the calling
process, however little the work: tagging one long article is a single call that holds the GIL
for up to 0.7 s (measured on the multi-source corpus), a frozen window when the caller is a GUI's
thread. The model is then loaded by the workers only, and one that cannot be loaded raises
``RecogniserUnavailable`` here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from reader.library.loading import FileInfo, LoadCancelled, LoadProgress, LoadRun, file_of
from reader.model import Article, Span, packed
from reader.runtime.pool import POOL_FAILURES, start_pool, stop_pool, workers_for
from reader.runtime.workers import init_worker
from reader.storage.cache import FileSpans, FolderCache
from reader.storage.entity_key import entity_model_key

if TYPE_CHECKING:
    from reader.entities import Recogniser

# The entity status of a folder whose entity stage has not run yet (``Library.entity_status``:
# None once entities were found, else why there are none).
NOT_COMPUTED: Final = "entities not computed"

# articles per task: big enough that pickling and scheduling are noise (~0.5 s of tagging),
# small enough that Cancel is honoured quickly and progress moves smoothly
CHUNK_ARTICLES = 48
# below this many articles the pool's start-up (spawn + loading the model) costs more than it saves
PARALLEL_MIN_ARTICLES = 400
# niceness of the worker processes: the event loop (and whatever else the user runs) gets a core
# first, so a window stays fluid while a folder is tagged
NICENESS = 5
# workers when the caller names none and tags nothing itself (the window): the idle-core count is
# no guide there (the parse that just ended still weighs on the load average) and niced workers
# take only what is left over
BACKGROUND_WORKERS = 2

# what a worker receives per article: the body and each appended article's body
# (bodies as UTF-8: pickling a str would leave a UTF-8 copy inside every article's body in this
# process for good, ~245 MB at 100,000 articles; ``str.encode`` leaves none)
_Texts = tuple[bytes, tuple[bytes, ...], tuple[str, ...]]  # body, appended bodies, tags
_PlainSpans = tuple[tuple[tuple[int, int, str], ...], tuple[tuple[tuple[int, int, str], ...], ...]]

_worker_recogniser = None
# why the worker has no recogniser (said by every task it is given)
_worker_problem = "entity model not loaded"


def _init_worker(parent_pid: int | None = None, niceness: int = NICENESS) -> None:
    global _worker_recogniser, _worker_problem  # noqa: PLW0603 (one recogniser per worker process)
    from reader.entities import RecogniserUnavailable, load_recogniser

    init_worker(parent_pid, niceness)  # ends with its parent, answers SIGTERM, niced
    try:
        _worker_recogniser = load_recogniser()
    except RecogniserUnavailable as exc:
        # raised by each task instead: an initializer's exception only breaks the pool, the
        # reason (shown to the user) would be lost
        _worker_problem = str(exc)


def _tag_plain(texts: list[_Texts], recogniser=None) -> list[_PlainSpans]:
    rec = recogniser or _worker_recogniser
    if rec is None:
        from reader.entities import RecogniserUnavailable

        raise RecogniserUnavailable(_worker_problem)
    out = []
    for body, appended, keywords in texts:
        out.append(
            (
                tuple((s.start, s.end, s.kind) for s in rec.find_entities(_text(body), keywords)),
                tuple(
                    tuple((s.start, s.end, s.kind) for s in rec.find_entities(_text(b)))
                    for b in appended
                ),
            )
        )
    return out


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a body may hold lone surrogates


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _spans(plain: _PlainSpans) -> tuple[Sequence[Span], tuple[Sequence[Span], ...]]:
    # packed at once: a folder's spans wait here until every file is tagged (1.5 M at 100k
    # articles, ~250 MB as Span objects)
    body, appended = plain
    return packed(tuple(Span(*s) for s in body)), tuple(
        packed(tuple(Span(*s) for s in a)) for a in appended
    )


def tag_files(
    files: Sequence[tuple[str, Sequence[Article]]],
    recogniser,
    *,
    workers: int = 1,
    should_stop: Callable[[], bool] = lambda: False,
) -> Generator[tuple[int, list[tuple[str, FileSpans]]], None, None]:
    """Yield ``(articles done in this step, [(rel, spans of each article), ...])`` in file order.

    ``recogniser`` tags in this process when one worker is asked for (or the work is small, or the
    pool breaks). None: everything is tagged in worker processes, and a model they cannot load
    raises ``RecogniserUnavailable``. Stops early, without raising, when ``should_stop()`` turns
    true; closing the generator shuts the pool down and drops queued work.
    """
    chunks = _chunks(files)
    total = sum(len(a) for _, a in files)
    if should_stop():
        return  # before any worker is started: spawning them and loading the model takes seconds
    if recogniser is None:
        yield from _in_pool(chunks, None, max(1, workers), should_stop)
        return
    if workers <= 1 or total < PARALLEL_MIN_ARTICLES or len(chunks) < 2:
        for chunk in chunks:
            if should_stop():
                return
            yield _local(chunk, recogniser)
        return
    yield from _in_pool(chunks, recogniser, workers, should_stop)


def _chunks(
    files: Sequence[tuple[str, Sequence[Article]]],
) -> list[list[tuple[str, Sequence[Article]]]]:
    chunks: list[list[tuple[str, Sequence[Article]]]] = [[]]
    size = 0
    for rel, articles in files:
        if size >= CHUNK_ARTICLES:
            chunks.append([])
            size = 0
        chunks[-1].append((rel, articles))
        size += len(articles)
    return [c for c in chunks if c]


def _texts(chunk: list[tuple[str, Sequence[Article]]]) -> list[_Texts]:
    return [
        (_utf8(a.body), tuple(_utf8(x.body) for x in a.appended), a.tags)
        for _, arts in chunk
        for a in arts
    ]


def _regroup(
    chunk: list[tuple[str, Sequence[Article]]], plain: list[_PlainSpans]
) -> tuple[int, list[tuple[str, FileSpans]]]:
    out: list[tuple[str, FileSpans]] = []
    pos = 0
    for rel, arts in chunk:
        out.append((rel, tuple(_spans(p) for p in plain[pos : pos + len(arts)])))
        pos += len(arts)
    return pos, out


def _local(chunk, recogniser) -> tuple[int, list[tuple[str, FileSpans]]]:
    return _regroup(chunk, _tag_plain(_texts(chunk), recogniser))


def _in_pool(chunks, recogniser, workers: int, stop: Callable[[], bool]):
    from reader.entities import RecogniserUnavailable

    failures: tuple[type[Exception], ...] = (*POOL_FAILURES, RecogniserUnavailable)
    executor = start_pool(
        min(workers, len(chunks)) or 1, initializer=_init_worker, niceness=NICENESS
    )
    done = 0
    finished = False
    try:
        pending: list[Future[list[_PlainSpans]]] = [
            executor.submit(_tag_plain, _texts(c)) for c in chunks[: workers * 3]
        ]
        while pending:
            plain = pending.pop(0).result()
            following = done + len(pending) + 1
            if stop():
                return
            if following < len(chunks):
                pending.append(executor.submit(_tag_plain, _texts(chunks[following])))
            done += 1
            yield _regroup(chunks[done - 1], plain)
        finished = True
    except failures:
        # a worker died or could not load the model: finish here, slower but complete (or, with
        # nothing to tag here, say why the work stopped)
        if recogniser is None:
            raise
        for chunk in chunks[done:]:
            if stop():
                return
            done += 1
            yield _local(chunk, recogniser)
    finally:
        # do not wait for chunks being tagged: Cancel must be quick, their results are dropped.
        # The idle workers of a finished run are joined: no process outlives the work (and
        # their peak memory shows in RUSAGE_CHILDREN, which bench_ui_load.py reports)
        stop_pool(executor, wait=finished)


# ------------------------------------------------------------------------ the entity stage
def cached_spans(
    cache: FolderCache, files: dict[str, FileInfo], *, few: bool = False
) -> dict[str, FileSpans]:
    wanted = {rel: info.key for rel, info in files.items() if info.key is not None}
    return {
        rel: spans
        for rel, _, spans in cache.parsed(wanted, entity_key=entity_model_key(), few=few)
        if spans is not None
    }


def annotate_files(
    run: LoadRun,
    articles: list[Article],
    spans: dict[str, FileSpans],
    *,
    tag_missing: bool,
    files: dict[str, FileInfo] | None = None,
    workers_only: bool = False,
) -> tuple[list[Article], str | None]:
    """Articles with entity spans (cached, else tagged on every core), and None or why not.

    ``files``: the files the articles come from; their spans are stored in the cache as they are
    tagged, and an article no file lists whole (added live since) is tagged on its own.
    ``workers_only`` (the window): nothing is tagged, nor the model loaded, in this process (see
    the module's docstring); the workers say when the model is unavailable.
    """
    from reader.entities import RecogniserUnavailable

    by_id = {a.id: a for a in articles}
    groups = _groups(articles, files)
    found: dict[int, FileSpans] = {}
    for n, (rel, ids) in enumerate(groups):
        file_spans = spans.get(rel) if rel else None
        if file_spans is not None and len(file_spans) == len(ids):
            found[n] = file_spans
    todo = [n for n in range(len(groups)) if n not in found]
    if todo and not tag_missing:
        return articles, NOT_COMPUTED
    total = len(articles)
    cached = sum(len(groups[n][1]) for n in found)
    # said at once: starting the workers and loading the model take seconds (11 s measured on
    # 10,000 articles, machine busy), and a status bar would sit at the stage before meanwhile
    run.report(LoadProgress("entities", cached, total))
    if todo:
        recogniser = None
        if not workers_only:
            recogniser, status = entity_recogniser()  # looked up at call time: tests substitute one
            if recogniser is None:
                return articles, status
        work = [(groups[n][0], [by_id[i] for i in groups[n][1]]) for n in todo]
        try:
            found.update(
                zip(todo, _tag(run, work, recogniser, files, done=cached, total=total), strict=True)
            )
        except RecogniserUnavailable as exc:
            return articles, str(exc)
    out: dict[str, Article] = {}
    for n, (_, ids) in enumerate(groups):
        for article_id, article_spans in zip(ids, found[n], strict=True):
            out[article_id] = with_spans(by_id[article_id], article_spans)
    run.report(LoadProgress("entities", total, total))
    return [out.get(a.id, a) for a in articles], None


def with_spans(article: Article, spans: tuple) -> Article:
    body, appended = spans
    if len(appended) != len(article.appended):
        appended = ((),) * len(article.appended)
    return dataclasses.replace(
        article,
        entities=body,
        appended=tuple(
            dataclasses.replace(a, entities=s)
            for a, s in zip(article.appended, appended, strict=True)
        ),
    )


def _groups(
    articles: Sequence[Article], files: dict[str, FileInfo] | None
) -> list[tuple[str, tuple[str, ...]]]:
    """(file, its article ids); an article no file lists whole is a group of its own, file ""."""
    if files is None:
        grouped: dict[str, list[str]] = {}
        for a in articles:
            grouped.setdefault(file_of(a), []).append(a.id)
        return [(rel, tuple(ids)) for rel, ids in grouped.items()]
    present = {a.id for a in articles}
    groups = [
        (rel, info.ids)
        for rel, info in files.items()
        if info.ids and all(i in present for i in info.ids)
    ]
    known = {i for _, ids in groups for i in ids}
    groups += [("", (a.id,)) for a in articles if a.id not in known]
    return groups


def _tag(
    run: LoadRun,
    work: list[tuple[str, list[Article]]],
    recogniser: object | None,
    files: dict[str, FileInfo] | None,
    *,
    done: int,
    total: int,
) -> list[FileSpans]:
    """The spans of each group of ``work`` in order, stored in the cache file by file as they
    come; ``done`` of ``total`` articles had theirs already (for progress)."""
    cache, report, stop = run.cache, run.report, run.stop
    if recogniser is None:
        count = run.workers if run.workers is not None else BACKGROUND_WORKERS
    else:
        # workers load the shipped model themselves: a substituted recogniser runs here
        try:
            is_default = recogniser is default_recogniser()
        except Exception:
            is_default = False
        count = workers_for(run.workers) if is_default else 1
    ekey = entity_model_key()
    out: list[FileSpans] = []
    steps = tag_files(work, recogniser, workers=count, should_stop=stop)
    try:
        for n, results in steps:
            done += n
            out.extend(s for _, s in results)
            if cache is not None and files is not None:
                known = [(rel, files[rel].key, s) for rel, s in results if rel in files]
                cache.put_spans([(rel, key, s) for rel, key, s in known if key is not None], ekey)
            report(LoadProgress("entities", done, total))
    finally:
        steps.close()
    if stop() or len(out) < len(work):
        raise LoadCancelled
    return out


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
