"""Speed of the scraped-layout parser and of the folder-wide multi-word tag pass.

Usage: .venv/bin/python tests/benchmarks/bench_scraped.py [--pages N]

Builds N pages from seeds/000_*.txt with shuffled tag lines and varied bodies (in memory, no
corpus needed), then times parse_scraped over all of them and recover_multiword_tags over the
resulting articles.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from reader.formats.scraped import parse_scraped
from reader.formats.tags import recover_multiword_tags

ROOT = Path(__file__).resolve().parents[2]
TAG_POOL = [
    "إيران",
    "روسيا",
    "غزة",
    "بوتين",
    "رئيسي",
    "الصين",
    "مصر",
    "قطر",
    "السعودية",
    "الإمارات",
    "تركيا",
    "لبنان",
    "سوريا",
    "العراق",
    "الأردن",
    "اليمن",
    "السودان",
    "ليبيا",
    "تونس",
    "الجزائر",
    "المغرب",
    "أمريكا",
    "بايدن",
    "ترامب",
]
PHRASES = ("الحرب في غزة", "تعاون ثنائي", "تعاون عسكري", "الملفات الإقلیمیة", "محمد بن سلمان")


def build_pages(count: int, seed: int = 7) -> list[str]:
    sample = (ROOT / "seeds" / "000_af4e3700e08c1d4f.txt").read_text(encoding="utf-8")
    lines = sample.split("\n")
    tag_index = next(i for i, line in enumerate(lines) if line.startswith("كلمات دلالية"))
    rng = random.Random(seed)
    pages = []
    for _ in range(count):
        tags = rng.sample(TAG_POOL, 5) + rng.sample(PHRASES, 2)
        rng.shuffle(tags)
        page = list(lines)
        page[tag_index] = "كلمات دلالية: " + " ".join(tags) + " اقرأ أیضا"
        # drop a random body paragraph so pages differ in length
        del page[rng.randrange(3, 8)]
        pages.append("\n".join(page))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100_000)
    args = parser.parse_args()
    pages = build_pages(args.pages)
    start = time.perf_counter()
    articles = [
        parse_scraped(text, article_id=f"{i}.txt", path=f"{i}.txt") for i, text in enumerate(pages)
    ]
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    recovered = recover_multiword_tags(articles)
    recovery = time.perf_counter() - start
    merged = sum(1 for a, b in zip(articles, recovered, strict=True) if a is not b)
    print(
        f"parse_scraped: {len(pages)} pages in {parsed:.2f} s ({parsed / len(pages) * 1e6:.0f} µs/page)"
    )
    print(f"recover_multiword_tags: {len(articles)} articles in {recovery:.2f} s, {merged} changed")


if __name__ == "__main__":
    main()
