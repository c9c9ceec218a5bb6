"""How long the filter side of the window takes to show a result of the real corpus (issue 5).

Reads a corpus folder (``--corpus DIR``, or unpacks ../shared/corpus/<name>.tar.xz into a temporary
folder), counts its tags, sources and days the way a search result's facets and timeline do, then
times, on the GUI thread and offscreen:

- ``TagFacet.set_values`` with every tag of the corpus (the worst case: an empty query);
- typing in the facet filter box (normalised matching over every value);
- ``EntityFacet.set_values`` with four lists of ``--entities`` values (the distinct title words stand
  in for entity names when the index has no entities yet: same sizes, same Arabic strings);
- ``TimelineWidget.set_counts`` plus a full repaint;
- ``FilterChips.set_filters`` with ten active filters.

Each figure is the median (and max) of ``--repeat`` runs, in milliseconds. Usage:

    .venv/bin/python tests/benchmarks/bench_filter_widgets.py [--corpus DIR] [--repeat 7]
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import tarfile
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.formats import read_folder  # noqa: E402
from reader.index import FacetValue  # noqa: E402
from reader.text import tokenize  # noqa: E402
from reader.ui.common.appearance import apply_theme, apply_ui_font, load_fonts  # noqa: E402
from reader.ui.filters.chips import FilterChips  # noqa: E402
from reader.ui.filters.facets import EntityFacet, TagFacet  # noqa: E402
from reader.ui.filters.filter_state import FilterState  # noqa: E402
from reader.ui.filters.timeline import TimelineWidget  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SHARED_CORPORA = ("ant-multisource-2018.tar.xz", "ant-jawharafm-2017.tar.xz")


def corpus_folders(args: list[str] | None, tmp: Path) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    folders = []
    for name in SHARED_CORPORA:
        archive = SHARED / name
        if not archive.is_file():
            sys.exit(f"no --corpus given and {archive} is missing")
        target = tmp / name.split(".")[0]
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        folders.append(target)
    return folders


def timed(fn, repeat: int, app: QApplication) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        app.processEvents()  # layout and paint are part of what the user waits for
        runs.append((time.perf_counter() - start) * 1000)
        if os.environ.get("BENCH_VERBOSE"):
            print(f"  run {runs[-1]:.1f} ms")
    return statistics.median(runs), max(runs)


def facet_values(counter: collections.Counter) -> list[FacetValue]:
    return [FacetValue(v, c) for v, c in counter.most_common()]


def main() -> int:
    from reader.runtime.allocator import tune_allocator

    tune_allocator()  # as the app does (reader.cli.main)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", action="append", help="an unpacked corpus folder (repeatable; default: both)"
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--entities", type=int, default=20_000, help="values per entity kind")
    args = parser.parse_args()

    app = QApplication([])
    load_fonts()
    apply_ui_font(app)
    apply_theme(app, "light")

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        articles = [
            a
            for folder in corpus_folders(args.corpus, Path(tmp))
            for a in read_folder(folder).articles
        ]
        print(f"read {len(articles):,} articles in {time.perf_counter() - start:.1f} s (setup)")

    tags = collections.Counter(t for a in articles for t in a.tags)
    sources = collections.Counter(a.source for a in articles if a.source)
    days = collections.Counter(a.date for a in articles if a.date)
    words = collections.Counter(tok.text for a in articles for tok in tokenize(a.title))
    if not tags:  # the ANT corpora carry no tags: distinct title words give a list of that size
        print("no tags in the corpus: title words stand in for tags")
        tags = words
    names = [v for v, _ in words.most_common(args.entities * 4)]
    entity_lists = {
        kind: [FacetValue(v, words[v]) for v in names[i::4]]
        for i, kind in enumerate(("PERS", "LOC", "ORG", "MISC"))
    }
    print(
        f"{len(tags):,} tags, {len(sources):,} sources, {len(days):,} days, "
        f"{sum(len(v) for v in entity_lists.values()):,} entity values"
    )

    tag_values = facet_values(tags)
    tag_facet = TagFacet("Tags")
    tag_facet.resize(300, 400)
    tag_facet.show()
    entity_facet = EntityFacet()
    entity_facet.resize(300, 900)
    entity_facet.show()
    timeline = TimelineWidget()
    timeline.resize(300, 110)
    timeline.show()
    chips = FilterChips()
    chips.resize(600, 60)
    chips.show()
    top_tags = [v.value for v in tag_values[:4]]
    state = FilterState().set_range(min(days), max(days))
    for tag in top_tags[:3]:
        state = state.toggle_include_tag(tag)
    for tag in top_tags[3:4]:
        state = state.exclude_tag(tag)
    for kind, values in entity_lists.items():
        state = state.toggle_include_entity(kind, values[0].value)
    for source, _ in sources.most_common(2):
        state = state.toggle_include_source(source)

    rows = []
    rows.append(
        (
            f"TagFacet.set_values ({len(tag_values):,} tags)",
            timed(
                lambda: tag_facet.set_values(tag_values, set(top_tags[:2]), set()), args.repeat, app
            ),
        )
    )

    def type_filter() -> None:
        box = tag_facet.filter_box()
        box.clear()
        for prefix in ("ا", "اي", "ايرا", "ايران"):
            box.setText(prefix)
            app.processEvents()

    rows.append(("facet filter box, 4 keystrokes", timed(type_filter, args.repeat, app)))
    rows.append(
        (
            f"EntityFacet.set_values ({' + '.join(f'{len(v):,}' for v in entity_lists.values())})",
            timed(lambda: entity_facet.set_values(entity_lists, set(), set()), args.repeat, app),
        )
    )
    day_counts = sorted(days.items())
    rows.append(
        (
            f"TimelineWidget.set_counts + paint ({len(day_counts):,} days)",
            timed(lambda: (timeline.set_counts(day_counts), timeline.repaint()), args.repeat, app),
        )
    )
    rows.append(
        (
            f"FilterChips.set_filters ({len(state.chips())} chips)",
            timed(lambda: chips.set_filters(state), args.repeat, app),
        )
    )
    print(f"{'step':<48} {'median ms':>10} {'max ms':>8}")
    for name, (median, worst) in rows:
        print(f"{name:<48} {median:>10.1f} {worst:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
