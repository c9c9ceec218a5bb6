"""Entity recogniser speed: model load time and tokens/s of ``find_entities`` on real news.

    python tests/benchmarks/bench_ner.py [--corpus DIR] [--docs N] [--repeat R] [--model M]
                                         [--stages]

Without ``--corpus`` the shared ``../shared/corpus/*.tar.xz`` archives are unpacked into a fresh
temporary folder first. Tagging time covers tokenisation, sentence splitting, feature extraction,
the CRFs' scores and decoding, and span building; reading the files is not counted. One process, so one core. The
first pass warms the per-word feature cache the way a loaded library does; every pass is
reported, the median is the figure. ``--stages`` adds one more pass that tells the CPU time of
each stage of the tagging path (sentence splitting, features with the first pass's scores, each
pass's decoding, the second pass's features and scores, the rest: span building and the name
rules).
"""

from __future__ import annotations

import argparse
import collections
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.entities.training.corpus import iter_documents  # noqa: E402
from reader.text import tokenize  # noqa: E402

_stage_times: collections.Counter[str] = collections.Counter()


def _timed(stage: str, function):
    """``function`` counting its CPU time under ``stage`` (a generator: while it is consumed)."""

    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _stage_times[stage] += time.process_time() - started

    def run_generator(*args, **kwargs):
        items = function(*args, **kwargs)
        while True:
            started = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                _stage_times[stage] += time.process_time() - started
            yield item

    return run_generator if stage == "split" else run


def stage_pass(recogniser, texts: list[str]) -> None:
    """One more pass, each stage's CPU time counted, printed as shares of the pass."""
    import reader.entities.recogniser as module

    splitter = module.split_sentences
    module.split_sentences = _timed("split", splitter)
    extractor = recogniser._extractor
    pair = extractor.scores
    decode = pair.decode
    extractor.analyse = _timed("features", extractor.analyse)
    recogniser._second_scores = _timed("second features", recogniser._second_scores)
    passes = (_timed("first CRF", decode), _timed("second CRF", decode))
    pair.decode = lambda which, scores: passes[which](which, scores)
    try:
        started = time.process_time()
        for text in texts:
            recogniser.find_entities(text)
        total = time.process_time() - started
    finally:
        module.split_sentences = splitter
        del extractor.analyse, recogniser._second_scores, pair.decode
    rest = total - sum(_stage_times.values())
    shares = [*_stage_times.items(), ("rest", rest)]
    print(
        f"stages, one pass ({total:.2f} s CPU): "
        + ", ".join(f"{stage} {seconds:.2f} s ({seconds / total:.0%})" for stage, seconds in shares)
    )


def load_time_fresh_process(model: Path | None) -> float:
    """Seconds to import the package and load the model in a new interpreter (page cache warm)."""
    where = f"__import__('pathlib').Path({str(model)!r})" if model else ""
    code = (
        "import time; t = time.perf_counter(); "
        f"from reader.entities import load_recogniser; load_recogniser({where}); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, help="unpacked corpus folder")
    parser.add_argument("--docs", type=int, default=4000, help="documents to tag (default 4000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--model", type=Path, help="a .crfsuite model with its folder layout (default: shipped)"
    )
    parser.add_argument("--stages", action="store_true", help="CPU time of each stage, one pass")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp)
            for archive in sorted((ROOT.parent / "shared" / "corpus").glob("*.tar.xz")):
                print(f"unpacking {archive.name} ...", flush=True)
                with tarfile.open(archive) as tar:
                    tar.extractall(corpus, filter="data")
        texts = []
        for text in iter_documents([corpus]):
            if text.strip():
                texts.append(text)
            if len(texts) >= args.docs:
                break

    tokens = sum(len(tokenize(t)) for t in texts)
    loads = [load_time_fresh_process(args.model) for _ in range(3)]
    print(f"model load (new process, import + load): median {statistics.median(loads):.3f} s")

    from reader.entities import load_recogniser

    recogniser = load_recogniser(args.model)
    rates, cpu_rates = [], []
    for r in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        entities = sum(len(recogniser.find_entities(t)) for t in texts)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rates.append(tokens / elapsed)
        cpu_rates.append(tokens / cpu)
        print(
            f"pass {r + 1}: {len(texts):,} docs, {tokens:,} tokens, {entities:,} entities, "
            f"{elapsed:.2f} s wall ({tokens / elapsed:,.0f} tokens/s), "
            f"{cpu:.2f} s CPU ({tokens / cpu:,.0f} tokens/s)"
        )
    # CPU time is the figure on a shared machine: wall time also counts other people's jobs
    print(
        f"find_entities, one core: median {statistics.median(cpu_rates):,.0f} tokens/s of CPU "
        f"time, {statistics.median(rates):,.0f} tokens/s of wall time"
    )
    if args.stages:
        stage_pass(recogniser, texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
