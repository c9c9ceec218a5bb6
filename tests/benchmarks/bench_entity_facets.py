"""The entity facets of a folder against issue 20's acceptance: top 100 values per type, and
the values that break each rule.

    python tests/benchmarks/bench_entity_facets.py EXPORT.jsonl [--raw] [--show N]
    python tests/benchmarks/bench_entity_facets.py FOLDER [--show N]

EXPORT.jsonl is ``main.py export FOLDER --format jsonl`` (entities on). Its values are counted
as the facets count them (articles per value): by each span's ``canonical`` name when the export
has one (under the span's type as tagged: the export does not carry the corrected type), else
(or with ``--raw``: the facets before identity) by the span's text, grouped by the facets'
normalised key and shown by their most frequent form; ``--identities`` resolves the export's raw
spans here as a load does. A FOLDER is loaded (``load_library``, the window's and the command
line's path) and its index's facets are read: the figures to report.

Rules (issue 20, acceptance 1), over the top 100 values of each type:
  twins      two values the search's folding or clitic stripping makes equal
  stem_twins (stricter, reported only) two values equal once every word is stemmed as the
             search stems it (article, accusative alef, suffixes)
  junk       a function word or a single letter
  punct      leading or trailing punctuation
  partial    one-word values that are a word of a more frequent multi-word value of the same
             type in the folder (acceptance: fewer than 5; counted for the last word as the
             issue words it, and for any word)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.model import ENTITY_KINDS  # noqa: E402
from reader.text.normalize import normalize  # noqa: E402
from reader.text.stem import fold_hamza, make_stemmer, strip_clitic  # noqa: E402

TOP = 100
_STEM = make_stemmer("light10")  # the search's default stemmer
# function words as a reader would list them (independent of the identity module's own list)
_STOPWORDS = """
    في من الى إلى على عن مع ان أن إن او أو ام أم لا لم لن ما هل قد كان هذا هذه ذلك تلك الذي التي
    هو هي هم بعد قبل بين حول عند كما كل بعض غير منذ خلال ضد نحو لدى حتى ثم إذا اذا لكن بل أي اي
    أيضا ايضا فقط جدا امام أمام دون مثل عبر الآن اليوم هنا هناك قال السيد الرئيس وزير رئيس
"""
STOPWORDS = frozenset(_STOPWORDS.split())


def key(value: str) -> str:
    return fold_hamza(" ".join(normalize(value).split()))


def counts_from_export(path: Path, raw: bool) -> dict[str, Counter[str]]:
    """Articles per value, per type; values shown by their most frequent form."""
    per_key: dict[str, Counter[str]] = {k: Counter() for k in ENTITY_KINDS}
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            seen: set[tuple[str, str]] = set()
            for ent in record.get("entities", ()):
                value = ent["text"] if raw or "canonical" not in ent else ent["canonical"]
                if value is None:
                    continue  # a span the identities say names nothing
                value = " ".join(value.split())
                fkey = " ".join(normalize(value).split())
                if not fkey:
                    continue
                forms[(ent["type"], fkey)][value] += 1
                seen.add((ent["type"], fkey))
            for kind, fkey in seen:
                per_key[kind][fkey] += 1
    out: dict[str, Counter[str]] = {}
    for kind, keyed in per_key.items():
        shown: Counter[str] = Counter()
        for fkey, n in keyed.items():
            form = min(forms[(kind, fkey)].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            shown[form] = n
        out[kind] = shown
    return out


def counts_with_identities(path: Path) -> dict[str, Counter[str]]:
    """The export's raw spans resolved by ``build_identities`` as a load does (word frequencies
    from the bodies, as the index has them)."""
    from reader.entities.identity import build_identities
    from reader.model import Span
    from reader.text.analyze import terms

    docs = []
    df: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans = [Span(e["start"], e["end"], e["type"]) for e in record.get("entities", ())]
            docs.append((record["body"], spans))
            df.update(set(terms(record["body"])))
    started = time.perf_counter()
    identities = build_identities(docs, df.__getitem__)
    print(f"identities of {len(docs)} articles in {time.perf_counter() - started:.2f} s")
    out: dict[str, Counter[str]] = {k: Counter() for k in ENTITY_KINDS}
    for body, spans in docs:
        for kind, name in {(e.kind, e.name) for e in identities.entities(body, spans)}:
            out[kind][name] += 1
    return out


def counts_from_folder(folder: Path) -> dict[str, Counter[str]]:
    import numpy as np

    from reader.library.library import load_library

    library = load_library(folder)
    if library.entity_status is not None:
        raise SystemExit(f"entities: {library.entity_status}")
    index = library.index
    live = np.zeros(max(index.store.live.max() + 1, 1), dtype=np.bool_) if len(index) else None
    out: dict[str, Counter[str]] = {}
    for kind in ENTITY_KINDS:
        field = index.store.facets[kind]
        if live is None:
            out[kind] = Counter()
            continue
        live[:] = False
        live[np.array(index.store.live, dtype=np.int64)] = True
        out[kind] = Counter({fv.value: fv.count for fv in field.counts(live, 1 << 30)})
    return out


def _punct(value: str) -> bool:
    return not (value[:1].isalnum() and value[-1:].isalnum())


def violations(counts: Counter[str]) -> dict[str, list[str]]:
    top = [v for v, _ in counts.most_common(TOP)]
    found: dict[str, list[str]] = {"twins": [], "junk": [], "punct": [], "partial": []}
    top_keys: dict[str, str] = {}
    for value in top:
        k = key(value)
        if k in top_keys:
            found["twins"].append(f"{top_keys[k]} = {value}")
        top_keys.setdefault(k, value)
    for value in top:
        first, _, tail = key(value).partition(" ")
        for reading in strip_clitic(first):
            other = top_keys.get(f"{reading} {tail}".strip())
            if other is not None and other != value:
                found["twins"].append(f"{value} ~ {other}")
    # the stricter reading: equal once each word is stemmed as the search stems it
    stem_keys: dict[str, str] = {}
    found["stem_twins"] = []
    for value in top:
        k = " ".join(_STEM(w) for w in key(value).split())
        if k in stem_keys:
            found["stem_twins"].append(f"{stem_keys[k]} ≈ {value}")
        stem_keys.setdefault(k, value)
    for value in top:
        bare = value.strip()
        letters = sum(1 for ch in bare if ch.isalpha())
        if (
            letters <= 1
            or bare in STOPWORDS
            or normalize(bare) in {normalize(s) for s in STOPWORDS}
        ):
            found["junk"].append(value)
        if _punct(value):
            found["punct"].append(value)
    # one-word values that are a word of a more frequent multi-word value of the same type
    best_with_word: dict[str, tuple[int, str]] = {}
    last_with_word: dict[str, tuple[int, str]] = {}
    for value, n in counts.items():
        words = key(value).split()
        if len(words) < 2:
            continue
        for word in words:
            if n > best_with_word.get(word, (0, ""))[0]:
                best_with_word[word] = (n, value)
        if n > last_with_word.get(words[-1], (0, ""))[0]:
            last_with_word[words[-1]] = (n, value)
    found["partial_any"] = []
    for value in top:
        k = key(value)
        if " " in k:
            continue
        n = counts[value]
        if last_with_word.get(k, (0, ""))[0] > n:
            found["partial"].append(f"{value} {n} < {last_with_word[k][1]} {last_with_word[k][0]}")
        if best_with_word.get(k, (0, ""))[0] > n:
            found["partial_any"].append(
                f"{value} {n} < {best_with_word[k][1]} {best_with_word[k][0]}"
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="an export (.jsonl) or a folder")
    parser.add_argument("--raw", action="store_true", help="span texts, not canonical names")
    parser.add_argument("--show", type=int, default=30, help="values to print per type")
    parser.add_argument(
        "--identities",
        action="store_true",
        help="an export's raw spans through reader.entities.identity (no reload of the folder)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.source.is_dir():
        counts = counts_from_folder(args.source)
    elif args.identities:
        counts = counts_with_identities(args.source)
    else:
        counts = counts_from_export(args.source, args.raw)
    print(f"read in {time.perf_counter() - started:.1f} s")
    totals: Counter[str] = Counter()
    for kind in ENTITY_KINDS:
        found = violations(counts[kind])
        print(f"\n== {kind}: {len(counts[kind])} values; top {args.show}:")
        print("  " + " | ".join(f"{v} {n}" for v, n in counts[kind].most_common(args.show)))
        for rule, items in found.items():
            totals[rule] += len(items)
            print(f"  {rule}: {len(items)}" + (f"  ({'; '.join(items[:12])})" if items else ""))
    print("\ntotals over the four types: " + ", ".join(f"{r} {n}" for r, n in totals.items()))


if __name__ == "__main__":
    main()
