"""Issue 18 at 100,000 articles: the starred / unread / own-tag / note filters, the facet "Show all"
list and the GUI-thread work around them, against the p95 of ordinary queries on the same index.

A synthetic folder (no corpus needed): 100,000 articles of Arabic words drawn from a Zipf-like
vocabulary, 40 sources, 12 sections (a tenth without one), 5 tags each from 3,000, 3 people each from
47,000 names (the People facet of the issue's corpus has 4,941; the 100k benchmark corpus ~47k).
The user state: 500 starred, 60,000 read, 25 own tags over 2,000 articles, 200 notes.

    .venv/bin/python tests/benchmarks/bench_case.py [--articles N] [--repeat R]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.index import Index  # noqa: E402
from reader.model import Article, Span  # noqa: E402
from reader.storage.state import UserState  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))


def build(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(30_000)]
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))
    names = [f"{_word(rng)} {_word(rng)}" for _ in range(47_000)]
    name_weights = list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(names))))
    tags = [_word(rng) for _ in range(3_000)]
    sections = [_word(rng) for _ in range(12)]
    sources = [_word(rng) for _ in range(40)]
    articles = []
    for i in range(n):
        words = rng.choices(vocab, cum_weights=weights, k=120)
        people = rng.choices(names, cum_weights=name_weights, k=3)
        body = " ".join(words) + " قال " + " و ".join(people) + "."
        spans = []
        start = body.index(" قال ") + 5
        for person in people:
            spans.append(Span(start, start + len(person), "PERS"))
            start += len(person) + 3
        articles.append(
            Article(
                id=f"{i:06d}.txt",
                title=" ".join(rng.choices(vocab, cum_weights=weights, k=8)),
                body=body,
                date=None,
                source=rng.choice(sources),
                category=None if i % 10 == 0 else rng.choice(sections),
                tags=tuple(rng.sample(tags, 5)),
                entities=tuple(spans),
            )
        )
    return articles


def state_for(articles: list[Article], folder: Path) -> UserState:
    rng = random.Random(11)
    ids = [a.id for a in articles]
    state = UserState(folder)
    for i in rng.sample(ids, 500):
        state.set_starred(i)
    for i in rng.sample(ids, min(60_000, len(ids))):
        state.set_read(i)
    own = [f"ملف {k}" for k in range(25)]
    for i in rng.sample(ids, 2_000):
        state.add_my_tag(i, rng.choice(own))
    for i in rng.sample(ids, 200):
        state.set_article_note(i, f"ملاحظة عن المصدر {rng.choice(own)} اتصل بالمراسل")
    return state


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    t0 = time.perf_counter()
    articles = build(args.articles)
    index = Index()
    index.add_many(articles)
    index.search("")
    print(f"built {len(index):,} articles in {time.perf_counter() - t0:.0f} s")
    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_DATA_HOME"] = home
        state = state_for(articles, Path(home) / "folder")
        marks = state.marks()
        rng = random.Random(3)
        words = [w for a in articles[:200] for w in a.title.split()[:2]]
        baseline: list[float] = []
        for _ in range(args.repeat):
            for query in ("", rng.choice(words), f"{rng.choice(words)} {rng.choice(words)}"):
                baseline += timed(lambda q=query: index.search(q, marks=marks), 1)
        print(
            f"ordinary queries (empty, one word, two words; marks given): p95 {p95(baseline):.1f} ms"
        )
        cold = timed(lambda: index.search("is:unread", marks=state.marks()), 1)[0]
        print(f"is:unread, first search after a change (bitmaps built): {cold:.1f} ms")
        for query in (
            "is:starred",
            "is:unread",
            "is:read",
            'mytag:"ملف 3"',
            "note:المراسل",
            "المراسل",
        ):
            times = timed(lambda q=query: index.search(q, marks=marks), args.repeat)
            print(f"{query:>16}: p95 {p95(times):.1f} ms, median {statistics.median(times):.1f} ms")

        # a star changes: a new snapshot, the read bitmap is kept, the starred one rebuilt
        def star_then_search() -> None:
            state.set_starred(articles[rng.randrange(len(articles))].id)
            index.search("is:unread", marks=state.marks())

        times = timed(star_then_search, args.repeat)
        print(f"star one + is:unread (new snapshot): p95 {p95(times):.1f} ms")
        for query in ("is:unread", rng.choice(words), 'mytag:"ملف 3" is:unread'):
            times = timed(lambda q=query: index.matching_ids(q, marks=marks), args.repeat)
            print(f"saved search count {query!r}: p95 {p95(times):.1f} ms (GUI, one per turn)")
        # the filters' own step: the id sets as bitmaps (built once per snapshot) and applied
        from reader.index.marks import MarkBitmaps

        def bitmaps() -> None:
            cache = MarkBitmaps()
            for what, ids in (("read", marks.read), ("starred", marks.starred)):
                cache.bitmap(0, what, lambda i=ids: i, index.store.docnum)

        times = timed(bitmaps, args.repeat)
        print(
            f"bitmaps of 60,000 read + 500 starred ids (once per change): p95 {p95(times):.1f} ms"
        )
        everything = index.search("", marks=marks)
        times = timed(lambda: index.facet_table("PERS", everything.ids), max(3, args.repeat // 4))
        print(
            f"Show all People over {everything.total:,} articles ({everything.distinct['PERS']:,} "
            f"values): p95 {p95(times):.1f} ms"
        )
        table = index.facet_table("PERS", everything.ids)
        _gui(table, state, index, everything)
    return 0


def _gui(table, state: UserState, index: Index, everything) -> None:
    """The GUI-thread steps: the Show all model, the facet filter over every value, the view counts."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.ui.filters.facet_list import FacetListModel
    from reader.ui.filters.show_all import FacetTableModel

    app = QApplication.instance() or QApplication([])
    from reader.index import FacetValue

    names, counts = table
    model = FacetTableModel()
    times = timed(lambda: model.set_table(names, counts), 3)
    print(f"GUI: Show all model filled with {len(names):,} values: max {max(times):.1f} ms")
    times = timed(lambda: model.set_filter_text("احمد"), 3)
    print(f"GUI: Show all filter typed: max {max(times):.1f} ms")
    model.set_filter_text("")
    times = timed(lambda: model.sort(0, Qt.SortOrder.AscendingOrder), 3)
    print(f"GUI: Show all sorted by name: max {max(times):.1f} ms")
    values = [FacetValue(n, c) for n, c in zip(names, counts, strict=True)]
    facet = FacetListModel()
    facet.set_values(values[:200], frozenset(), frozenset(), len(values))
    started = time.perf_counter()
    facet.set_full_table(names, counts)
    facet.set_filter_text("ا")
    print(
        f"GUI: facet filter box, first letter over every value: {(time.perf_counter() - started) * 1000:.1f} ms"
    )
    times = timed(lambda: facet.set_filter_text(facet._needle + "ب"), 1)
    print(f"GUI: facet filter box, next letter: {max(times):.1f} ms")
    # a new result (the names' folded forms are kept across results)
    facet.set_filter_text("")
    facet.set_values(values[:200], frozenset(), frozenset(), len(values))
    started = time.perf_counter()
    facet.set_full_table(*index.facet_table("PERS", everything.ids))  # as the window does
    facet.set_filter_text("ا")
    elapsed = (time.perf_counter() - started) * 1000
    print(
        f"GUI: facet filter box, first letter after a new result (index included): {elapsed:.1f} ms"
    )
    articles = set(index.search("").ids)

    def view_counts() -> None:
        read = sum(1 for i in state.read_ids if i in articles)
        _ = (sum(1 for i in state.starred_ids if i in articles), len(articles) - read)

    times = timed(view_counts, 5)
    print(f"GUI: view counts (starred, unread): max {max(times):.1f} ms")
    app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
