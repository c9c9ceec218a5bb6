"""Folders from the wild: real articles rewritten in the shapes scrapers and old tools leave, then
exported by ``main.py export`` and scored as a user would judge them.

Usage:
    .venv/bin/python tests/benchmarks/bench_wild.py [--archive ARCHIVE.tar.xz | --corpus DIR]
                                                   [--per-shape N] [--keep DIR]

Each shape gets N articles of the corpus (TREC files: title, date, URL and section known), written as:
cp1256 text files ending in a NUL byte under a folder named by their Arabic section; a CSV export
with multi-line quoted bodies; saved HTML pages with menus, share bars and ad scripts; HTML files
holding plain text; TimeML files; text pages with a metadata sidecar CSV; pages whose first line is
the URL and whose headline is only in the file name, wrapped in ad-script lines; a scrapy JSON array
without titles whose first paragraph is a Latin byline; plain text with date lines of every kind;
gzip-compressed pages; and a few files that are no article at all.

Printed per shape and overall: articles found / expected, titles that equal the known headline,
dates found / expected, bodies holding an ad-script line, unread files named on stderr.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import datetime as dt
import email.utils
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "ant-jawharafm-2017.tar.xz"

SECTIONS_AR = {
    "culture": "ثقافة",
    "politics": "سياسة",
    "sport": "رياضة",
    "economy": "اقتصاد",
    "society": "مجتمع",
    "international": "دولي",
    "regions": "جهات",
    "national": "وطني",
}
MONTHS_EG = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
MONTHS_MAGHREB = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
MONTHS_LEVANT = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AD_LINES = (
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1520000000000-0'); });",
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    "document.write('<div id=\"ad-slot\"></div>');",
)
AD_MARKERS = re.compile(r"googletag|adsbygoogle|dataLayer|document\.write|<script")
_TAG = re.compile(r"<(TITLE|TIME|URL|CAT|TEXT)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class Source:
    title: str
    date: dt.date
    url: str
    section: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Expected:
    title: str | None  # None: any headline-like title that is not a URL or byline will do
    date: dt.date | None
    section: str | None = None


def read_sources(corpus: Path, wanted: int) -> list[Source]:
    found: list[Source] = []
    for path in sorted(corpus.rglob("*.txt")):
        fields = dict(_TAG.findall(path.read_text(encoding="utf-8", errors="replace")))
        text = fields.get("TEXT", "").strip()
        title = fields.get("TITLE", "").strip()
        if not text or not title or "\n" in title:
            continue
        day = _day(fields.get("TIME", "").strip())
        if day is None:
            continue
        paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
        found.append(
            Source(
                title=" ".join(title.split()),
                date=day,
                url=fields.get("URL", "").strip(),
                section=fields.get("CAT", "").strip(),
                paragraphs=paragraphs,
            )
        )
        if len(found) >= wanted:
            break
    return found


def _day(text: str) -> dt.date | None:
    """The corpus's dates: ISO (``2017-01-26T08:31:00+01:00``) or RFC 2822 (``Sun, 15 Jul 2018``)."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


def _slug(title: str) -> str:
    words = re.sub(r"[^\w\s]", " ", title).split()
    return "_".join(words[:12])


def _ar_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def date_line(day: dt.date, kind: int) -> str:
    if kind == 0:
        return f"التاريخ: {day.day} {MONTHS_EG[day.month - 1]} {day.year}"
    if kind == 1:
        return f"{DAYS[day.weekday()]}, {day.day:02d} {MONTHS_EG[day.month - 1]} {day.year}"
    if kind == 2:
        return f"{day.day} {MONTHS_MAGHREB[day.month - 1]} {day.year}"
    if kind == 3:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if kind == 4:
        return f"نشر في {day.day} {MONTHS_LEVANT[day.month - 1]} {day.year}"
    if kind == 5:
        return _ar_digits(f"{day.day}-{day.month}-{day.year}")
    try:
        from hijridate import Gregorian
    except ImportError:
        return f"{day.isoformat()}"
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    return f"{hijri.day} {hijri.month_name('ar')} {hijri.year} هـ"


def write_shapes(sources: list[Source], root: Path, per: int) -> dict[str, Expected]:
    """Write every shape under ``root``; the expected result by exported article id."""
    expected: dict[str, Expected] = {}
    chunks = [sources[i * per : (i + 1) * per] for i in range(10)]

    # 1. cp1256, CRLF, a trailing NUL, section = the Arabic folder name
    for i, s in enumerate(chunks[0]):
        section = SECTIONS_AR.get(s.section, "منوعات")
        folder = root / "cp1256" / section
        folder.mkdir(parents=True, exist_ok=True)
        text = "\r\n".join((s.title, *s.paragraphs)) + "\r\n"
        (folder / f"{i:04d}.txt").write_bytes(text.encode("cp1256", "replace") + b"\x00")
        expected[f"cp1256/{section}/{i:04d}.txt"] = Expected(s.title, None, section)

    # 2. a scraper's CSV export with multi-line quoted bodies
    (root / "csv").mkdir()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["date_published", "title", "url", "text", "author", "source", "lang"])
    for s in chunks[1]:
        writer.writerow(
            [
                s.date.isoformat() + "T10:00:00",
                s.title,
                s.url,
                "\n".join(s.paragraphs),
                "",
                "Jawhara",
                "ar",
            ]
        )
    (root / "csv" / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    for row, s in enumerate(chunks[1], start=1):
        expected[f"csv/export.csv#{row}"] = Expected(s.title, s.date)

    # 3. saved HTML pages with boilerplate, and 4. HTML files holding plain text
    (root / "html").mkdir()
    for i, s in enumerate(chunks[2]):
        body = "\n".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
        title = escape(s.title)
        page = (
            '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>{title} | جوهرة أف أم</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{s.date.isoformat()}T09:00:00+01:00">'
            '<meta property="og:site_name" content="Jawhara FM">'
            f"<script>{AD_LINES[0]}</script></head><body>"
            '<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">رياضة</a></li>'
            '<li><a href="/p">سياسة</a></li></ul></nav></header>'
            '<div class="cookie">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق</div>'
            f"<article><h1>{title}</h1><time>{s.date.isoformat()}</time>{body}"
            '<div class="share">شارك على فيسبوك تويتر واتساب</div></article>'
            f"<script>{AD_LINES[1]}</script>"
            "<footer>جميع الحقوق محفوظة © جوهرة أف أم</footer></body></html>"
        )
        (root / "html" / f"page{i:04d}.html").write_text(page, encoding="utf-8")
        expected[f"html/page{i:04d}.html"] = Expected(s.title, s.date)
    (root / "html-text").mkdir()
    for i, s in enumerate(chunks[3]):
        text = "\n".join((s.title, *s.paragraphs))
        (root / "html-text" / f"t{i:04d}.html").write_text(text, encoding="utf-8")
        expected[f"html-text/t{i:04d}.html"] = Expected(s.title, None)

    # 5. TimeML
    (root / "tml").mkdir()
    for i, s in enumerate(chunks[4]):
        text = escape("\n".join(s.paragraphs), quote=False)
        doc = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
            f"<DOCID>tml{i}</DOCID>\n"
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{s.date.isoformat()}" '
            f'functionInDocument="CREATION_TIME">{s.date.isoformat()}</TIMEX3></DCT>\n'
            f"<TITLE>{escape(s.title, quote=False)}</TITLE>\n<TEXT>\n{text}\n</TEXT>\n</TimeML>\n"
        )
        (root / "tml" / f"doc{i:04d}.tml").write_text(doc, encoding="utf-8")
        expected[f"tml/doc{i:04d}.tml"] = Expected(s.title, s.date)

    # 6. pages without a headline line, and a sidecar CSV giving title, date and URL
    (root / "sidecar").mkdir()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["file", "title", "date", "url"])
    for i, s in enumerate(chunks[5]):
        (root / "sidecar" / f"a{i:04d}.txt").write_text("\n".join(s.paragraphs), encoding="utf-8")
        writer.writerow([f"a{i:04d}.txt", s.title, s.date.isoformat(), s.url])
        expected[f"sidecar/a{i:04d}.txt"] = Expected(s.title, s.date)
    (root / "sidecar" / "metadata.csv").write_text(buffer.getvalue(), encoding="utf-8")

    # 7. URL line first, headline only in the file name, ad-script lines around the body
    (root / "urlpages").mkdir()
    for i, s in enumerate(chunks[6]):
        name = f"jawharafm.net__{_slug(s.title)}.txt"
        lines = [
            s.url or "https://www.jawharafm.net/ar/article/x",
            AD_LINES[i % 4],
            AD_LINES[(i + 1) % 4],
        ]
        lines += [*s.paragraphs, AD_LINES[(i + 2) % 4], AD_LINES[i % 2]]
        (root / "urlpages" / name).write_text("\n".join(lines), encoding="utf-8")
        expected[f"urlpages/{name}"] = Expected(" ".join(_slug(s.title).split("_")), None)

    # 8. a scrapy JSON array without titles, a Latin byline first
    (root / "scrapy").mkdir()
    items = [{"content": ["JAWHARAFM.NET", *s.paragraphs], "url": s.url} for s in chunks[7]]
    (root / "scrapy" / "items.json").write_text(
        json.dumps(items, ensure_ascii=False), encoding="utf-8"
    )
    for n in range(1, len(items) + 1):
        expected[f"scrapy/items.json#{n}"] = Expected(None, None)

    # 9. plain text with a date line of every kind
    (root / "dated").mkdir()
    for i, s in enumerate(chunks[8]):
        text = "\n".join((s.title, date_line(s.date, i % 7), *s.paragraphs))
        (root / "dated" / f"d{i:04d}.txt").write_text(text, encoding="utf-8")
        expected[f"dated/d{i:04d}.txt"] = Expected(s.title, s.date)

    # 10. compressed pages
    (root / "compressed").mkdir()
    for i, s in enumerate(chunks[9]):
        text = "\n".join((s.title, date_line(s.date, 0), *s.paragraphs)).encode()
        name = f"c{i:04d}.txt.gz" if i % 2 else f"c{i:04d}.txt.bz2"
        data = gzip.compress(text) if i % 2 else bz2.compress(text)
        (root / "compressed" / name).write_bytes(data)
        expected[f"compressed/{name}"] = Expected(s.title, s.date)

    # files that are no article: each must be named on stderr
    (root / "other").mkdir()
    (root / "other" / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (root / "other" / "notes.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 30)
    (root / "other" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 30)
    return expected


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def score(expected: dict[str, Expected], lines: list[dict], stderr: str) -> None:
    got = {a["id"]: a for a in lines}
    shapes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for aid, want in expected.items():
        shape = aid.split("/", 1)[0]
        row = shapes[shape]
        row["expected"] += 1
        article = got.get(aid)
        if article is None:
            continue
        row["found"] += 1
        title = article.get("title") or ""
        if want.title is None:
            ok = bool(title) and not title.isascii() and "http" not in title
        else:
            ok = _norm(title) == _norm(want.title)
        row["titles"] += ok
        if want.date is not None:
            row["dated"] += 1
            row["dates"] += article.get("date") == want.date.isoformat()
        if want.section is not None:
            row["sectioned"] += 1
            row["sections"] += article.get("category") == want.section
        row["ads"] += bool(AD_MARKERS.search(article.get("body") or ""))
    named = sum(name in stderr for name in ("scan.pdf", "notes.docx", "photo.jpg"))
    print(f"{'shape':<11} {'found':>9} {'titles':>8} {'dates':>9} {'sections':>9} {'ad lines':>8}")
    totals: dict[str, int] = defaultdict(int)
    for shape, row in sorted(shapes.items()):
        for key, value in row.items():
            totals[key] += value
        print(
            f"{shape:<11} {row['found']:>4}/{row['expected']:<4} {row['titles']:>8} "
            f"{row['dates']:>4}/{row['dated']:<4} {row['sections']:>4}/{row['sectioned']:<4} "
            f"{row['ads']:>8}"
        )
    t = totals
    print(
        f"overall: articles {t['found']}/{t['expected']} ({100 * t['found'] / t['expected']:.1f}%), "
        f"titles {100 * t['titles'] / max(1, t['found']):.1f}%, "
        f"dates {100 * t['dates'] / max(1, t['dated']):.1f}%, bodies with ad lines {t['ads']}, "
        f"unread files named {named}/3"
    )
    extra = sorted(set(got) - set(expected))
    if extra:
        print(f"{len(extra)} articles not expected, e.g. {extra[:3]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--corpus", type=Path, help="an unpacked folder of TREC files")
    parser.add_argument("--per-shape", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="write the folders here and keep them")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-wild-"))
    try:
        corpus = args.corpus
        if corpus is None:
            if not args.archive.exists():
                print(f"no corpus: {args.archive} is absent", file=sys.stderr)
                return 2
            corpus = work / "corpus"
            with tarfile.open(args.archive) as tar:
                tar.extractall(corpus, filter="data")
        sources = read_sources(corpus, 10 * args.per_shape)
        root = args.keep or work / "wild"
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        expected = write_shapes(sources, root, args.per_shape)
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "export",
                str(root),
                "--no-entities",
                "--no-cache",
            ],
            capture_output=True,
            check=False,
        )
        stderr = done.stderr.decode("utf-8", "replace")
        lines = [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]
        print(stderr.strip().splitlines()[-1] if stderr.strip() else "(nothing on stderr)")
        score(expected, lines, stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
