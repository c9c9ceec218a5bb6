"""Saved web pages: cost per page of the HTML reader, and how well it keeps the article and drops
the page furniture.

Usage:
    .venv/bin/python tests/benchmarks/bench_html.py [--pages N] [--archive CORPUS.tar.xz]

Builds N Arabic news pages from article texts (the ``seeds/`` article, or the TREC documents of
``--archive``) wrapped in two typical news templates (an HTML5 one and a WordPress-like div soup)
with a menu, share bar, ad scripts, cookie notice, "most read" box and footer. Prints:

- trafilatura's import time (paid once per process, on the first page);
- milliseconds per page of ``parse_html`` in precision mode (the reader's), balanced mode and
  precision without trafilatura's fallback extractors (``fast``), with the share of article paragraphs kept, of pages with boilerplate in the body, and of
  titles, dates, authors and site names found;
- the same for the plain lxml text of the page (the reader's fallback), the floor to compare with;
- ``read_folder`` over the pages written to a temporary folder, in one process and in the pool.
"""

from __future__ import annotations

import argparse
import html
import random
import shutil
import statistics
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.formats import folder  # noqa: E402
from reader.formats import html as html_reader  # noqa: E402
from reader.formats.trec import parse_trec  # noqa: E402
from reader.model import Article  # noqa: E402

BOILERPLATE = (
    "شارك",
    "تابعنا على فيسبوك",
    "googletag",
    "ملفات تعريف الارتباط",
    "الأكثر قراءة",
    "جميع الحقوق محفوظة",
    "اشترك في النشرة",
)
SITES = ("الوطن نيوز", "صحيفة الصباح", "بوابة الخبر", "المرصد اليومي")
SECTIONS = ("سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات")
AUTHORS = ("سارة الخطيب", "محمد العلي", "ليلى حسن", "أحمد يوسف")


@dataclass(frozen=True, slots=True)
class Page:
    html: str
    title: str
    paragraphs: tuple[str, ...]
    date: str
    author: str
    site: str


def _texts(archive: Path | None, count: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of up to ``count`` articles."""
    found: list[tuple[str, list[str]]] = []
    if archive is not None:
        with tarfile.open(archive) as tar:
            for member in tar:
                if len(found) >= count:
                    break
                if not member.isfile() or member.name.rsplit("/", 1)[-1].lower().startswith(
                    ("readme", "licen")
                ):
                    continue
                handle = tar.extractfile(member)
                if handle is None:
                    continue
                text = handle.read().decode("utf-8", "replace")
                for article in parse_trec(text, rel_path=member.name).articles:
                    paragraphs = [p for p in article.body.split("\n") if len(p) > 30]
                    if paragraphs and article.title:
                        found.append((article.title, paragraphs[:12]))
    if not found:
        seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8").split("\n")
        paragraphs = [line for line in seed[2:] if len(line) > 30]
        found = [(seed[0], paragraphs)]
    # repeat with variations up to the count: every page a little different
    out: list[tuple[str, list[str]]] = []
    rng = random.Random(7)
    while len(out) < count:
        title, paragraphs = found[len(out) % len(found)]
        keep = paragraphs[: max(1, rng.randint(len(paragraphs) // 2, len(paragraphs)))]
        out.append((title, keep))
    return out


def _page(number: int, title: str, paragraphs: list[str], rng: random.Random) -> Page:
    site = rng.choice(SITES)
    section = rng.choice(SECTIONS)
    author = rng.choice(AUTHORS)
    date = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    e = html.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    # real pages weigh tens of kilobytes around a few of text: long menus, inline scripts,
    # link lists; the extractor's cost grows with the tree, so the template carries them too
    menu = "".join(
        f'<li class="menu-item"><a href="/s/{i}">{SECTIONS[i % len(SECTIONS)]} {i}</a></li>'
        for i in range(60)
    )
    bundle = "".join(
        f"function f{i}(a){{return a*{i}+window.dataLayer.length;}}" for i in range(400)
    )
    head = f"""<meta charset="utf-8"><title>{e(title)} | {site}</title>
<meta property="og:title" content="{e(title)}"><meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T10:00:00+03:00">
<meta property="article:section" content="{section}">
<script>window.googletag=window.googletag||{{cmd:[]}};googletag.cmd.push(function(){{googletag.enableServices();}});</script>
<script>{bundle}</script>"""
    furniture_top = f"""<div class="cookie-notice"><p>يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.</p><button>موافق</button></div>
<header><a class="logo" href="/">{site}</a><nav><ul>{menu}</ul></nav></header>
<div class="ad"><script>googletag.cmd.push(function(){{googletag.display('top');}});</script></div>"""
    share = (
        '<div class="share"><span>شارك</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>'
    )
    follow = '<div class="follow">تابعنا على فيسبوك وتويتر</div>'
    most_read = "".join(
        f'<li><a href="/a/{i}"><img src="/i/{i}.jpg" alt="">خبر آخر رقم {i} في الموقع</a></li>'
        for i in range(30)
    )
    furniture_bottom = f"""<aside><h3>الأكثر قراءة</h3><ul>{most_read}</ul></aside>
<div class="newsletter">اشترك في النشرة البريدية</div>
<footer><p>جميع الحقوق محفوظة © {site}</p></footer>"""
    if number % 2:
        page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>{head}</head><body>
{furniture_top}<main><article><h1>{e(title)}</h1><time datetime="{date}">{date}</time>{share}
<div class="article-body">{body}</div>{follow}</article>{furniture_bottom}</main></body></html>"""
    else:
        page = f"""<!DOCTYPE html><html dir="rtl"><head>{head}</head><body class="single-post">
{furniture_top}<div id="page"><div class="container"><div class="col-8"><div class="post">
<h1 class="entry-title">{e(title)}</h1><div class="meta"><span class="author">{author}</span></div>{share}
<div class="entry-content">{body}</div>{follow}</div></div><div class="col-4 sidebar">{furniture_bottom}</div></div></div></body></html>"""
    return Page(page, title, tuple(paragraphs), date, author, site)


def _score(name: str, pages: list[Page], read: Callable[[str], Article | None]) -> None:
    times: list[float] = []
    kept = total = leaked = titles = dates = authors = sites = 0
    for page in pages:
        start = time.perf_counter()
        article = read(page.html)
        times.append(time.perf_counter() - start)
        body = article.body if article else ""
        body_lines = set(body.split("\n"))
        kept += sum(1 for p in page.paragraphs if " ".join(p.split()) in body_lines)
        total += len(page.paragraphs)
        # a line of the furniture in the body (whole lines: "شارك" is also inside "المشاركة")
        leaked += any(line.startswith(BOILERPLATE) for line in body_lines)
        if article is not None:
            titles += article.title == " ".join(page.title.split())
            dates += str(article.date) == page.date
            authors += article.author == page.author
            sites += article.source == page.site
    n = len(pages)
    print(
        f"{name:<28} {statistics.mean(times) * 1000:6.2f} ms/page (median "
        f"{statistics.median(times) * 1000:5.2f})  paragraphs kept {kept / total:6.1%}  "
        f"boilerplate in {leaked / n:6.1%} of pages  title {titles / n:.0%} date {dates / n:.0%} "
        f"author {authors / n:.0%} site {sites / n:.0%}"
    )


def _reader(precision: bool, fast: bool = False) -> Callable[[str], Article | None]:
    def read(text: str) -> Article | None:
        result = html_reader.parse_html(text, rel_path="page.html")
        return result.articles[0] if result.articles else None

    def run(text: str) -> Article | None:
        original = html_reader._extract

        def extract(tree: Any) -> Any:
            # the reader's own: (trafilatura's document, what to tell the user of a failure)
            bare_extraction, config = html_reader._trafilatura()
            return bare_extraction(
                tree,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=precision,
                fast=fast,
                date_extraction_params=html_reader._date_params(),
                config=config,
            ), None

        html_reader._extract = extract  # type: ignore[assignment]
        try:
            return read(text)
        finally:
            html_reader._extract = original  # type: ignore[assignment]

    return run


def _lxml_text(text: str) -> Article | None:
    tree = html_reader.page_tree(text)
    if tree is None:
        return None
    body = html_reader._lines(html_reader.element_text(tree))
    return Article(id="page.html", title="", body=body)


def _folder(pages: list[Page]) -> None:
    target = Path(tempfile.mkdtemp(prefix="bench-html-"))
    try:
        for number, page in enumerate(pages):
            (target / f"{number:05d}.html").write_text(page.html, encoding="utf-8")
        for workers in (1, 2):
            folder.PARALLEL_MIN_FILES = 0  # the pool even for a few hundred pages
            start = time.perf_counter()
            result = folder.read_folder(target, workers=workers)
            took = time.perf_counter() - start
            label = "one process" if workers == 1 else f"pool of {workers} workers"
            print(
                f"read_folder, {label:<20} {took:6.2f} s  {took / len(pages) * 1000:6.2f} ms/page"
                f"  ({result.summary()})"
            )
    finally:
        shutil.rmtree(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--archive", type=Path, help="a .tar.xz of TREC articles for the texts")
    args = parser.parse_args()
    rng = random.Random(11)
    pages = [
        _page(i, title, paragraphs, rng)
        for i, (title, paragraphs) in enumerate(_texts(args.archive, args.pages))
    ]
    size = statistics.mean(len(p.html.encode()) for p in pages) / 1024
    print(f"{len(pages)} pages, {size:.1f} kB each on average")
    start = time.perf_counter()
    html_reader._trafilatura()
    print(f"trafilatura import and configuration: {(time.perf_counter() - start) * 1000:.0f} ms")
    _score("parse_html (precision)", pages, _reader(True))
    _score("parse_html (balanced)", pages, _reader(False))
    _score("parse_html (precision, fast)", pages, _reader(True, fast=True))
    _score("lxml page text (floor)", pages, _lxml_text)
    _folder(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
