"""Hand-written realistic scraped pages (tests/scraped_pages.py) through the real reading path.

Every page is written to a file in UTF-8, UTF-8 with BOM, UTF-16 and Windows-1256, each with LF and
CRLF newlines, and read with ``reader.formats.parse_file``; a few go through ``main.py export`` in
a subprocess. What is checked is what acceptance 4 of issue 2 counts: title, date, source, body,
related headlines, tag words and appended titles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scraped_pages import PAGES, Expected

from reader.formats import parse_file
from reader.model import Article
from reader.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1256")
NEWLINES = {"lf": "\n", "crlf": "\r\n"}
# Windows-1256 has no Persian yeh and no Arabic-Indic digits: a page saved in it carries the
# Arabic yeh and ASCII digits instead (what an editor converting the page would write).
_CP1256_SUBSTITUTES = str.maketrans({"ی": "ي", **{chr(0x660 + d): str(d) for d in range(10)}})


def encode_page(text: str, encoding: str, newline: str) -> bytes:
    if encoding == "cp1256":
        text = text.translate(_CP1256_SUBSTITUTES)
    return text.replace("\n", newline).encode(encoding)


def mismatches(article: Article, page: Expected) -> list[str]:
    """Every field of ``article`` that differs from what the page means (empty: all correct)."""
    wrong: list[str] = []
    paragraphs = article.body.split("\n") if article.body else []
    tag_words = normalize(" ".join(article.tags)).split()
    checks = {
        "title": (article.title, page.title),
        "date": (article.date.isoformat() if article.date else None, page.date),
        "source": (article.source, page.source),
        "paragraphs": (len(paragraphs), page.paragraphs),
        "related": (article.related, page.related),
        "tags": (tag_words, normalize(page.tags).split()),
        "appended": (tuple(a.title for a in article.appended), page.appended),
    }
    for name, (got, want) in checks.items():
        if got != want:
            wrong.append(f"{name}: got {got!r}, want {want!r}")
    if paragraphs and not paragraphs[0].startswith(page.first):
        wrong.append(f"first paragraph: {paragraphs[0][:40]!r}")
    if paragraphs and not paragraphs[-1].startswith(page.last):
        wrong.append(f"last paragraph: {paragraphs[-1][:40]!r}")
    # nothing cut from or glued onto a paragraph: each is a whole line of the page
    lines = {" ".join(line.split()) for line in normalize(page.text).split("\n")}
    for paragraph in paragraphs:
        if " ".join(normalize(paragraph).split()) not in lines:
            wrong.append(f"paragraph not a line of the page: {paragraph[:60]!r}")
    return wrong


@pytest.mark.parametrize("newline", NEWLINES)
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_page_in_every_encoding(page: Expected, encoding: str, newline: str, tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_bytes(encode_page(page.text, encoding, NEWLINES[newline]))
    result = parse_file(path, tmp_path)
    assert not result.problems
    assert len(result.articles) == 1
    article = result.articles[0]
    assert mismatches(article, page) == []
    # the encoding is reported when it is not UTF-8, and nothing else went wrong
    expected_notes = () if encoding.startswith("utf-8") else (f"decoded as {_codec(encoding)}",)
    assert tuple(p for p in article.problems if p.startswith("decoded as")) == expected_notes


def _codec(encoding: str) -> str:
    return {"utf-16": "utf-16-le", "cp1256": "windows-1256"}[encoding]


def test_export_command_reads_a_mixed_folder(tmp_path: Path):
    """A folder holding pages in every encoding, exported by ``main.py export`` in a subprocess."""
    folder = tmp_path / "pages"
    folder.mkdir()
    chosen = PAGES[:8]
    for k, page in enumerate(chosen):
        encoding = ENCODINGS[k % len(ENCODINGS)]
        newline = "\r\n" if k % 2 else "\n"
        (folder / f"{k:02d}.txt").write_bytes(encode_page(page.text, encoding, newline))
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            "--no-entities",
            "--no-cache",
            str(folder),
        ],
        capture_output=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"{k:02d}.txt" for k in range(len(chosen))]
    for record, page in zip(records, chosen, strict=True):
        article = Article(
            id=record["id"],
            title=record["title"],
            body=record["body"],
            date=None,
            source=record["source"],
            tags=tuple(record["tags"]),
            related=tuple(record["related"]),
        )
        assert record["date"] == page.date
        appended = tuple(a["title"] for a in record["appended"])
        assert appended == page.appended
        assert [
            m for m in mismatches(article, page) if not m.startswith(("date", "appended"))
        ] == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a body sentence ending in "يقرأ أيضاً" (he reads too) is text, not debris
        ("وأن يقرأ أيضاً", "وأن يقرأ أيضاً"),
        ("تعاون عسكري اقرأ أیضا", "تعاون عسكري"),
        ("الاقتصاد المصرياقرأ أیضا", "الاقتصاد المصري"),
        # Windows-1256 has no Persian yeh: saved with replacement it becomes "?"
        ("تعاون عسكري اقرأ أ?ضا", "تعاون عسكري"),
        # words that only look like the debris once the yeh is optional stay
        ("وافق البنك على الإقراض", "وافق البنك على الإقراض"),
        ("حصلت مصر على قرض", "حصلت مصر على قرض"),
    ],
)
def test_read_also_debris(line: str, expected: str):
    from reader.formats.tags import strip_read_also_debris

    assert strip_read_also_debris(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("المصدر | الخليج الجديدالمصدر: الخليج الجديد", True),
        ("المصدر: رويترز", True),
        ("المصدر | ميدل إيست آي - ترجمة وتحرير الخليج الجديد", True),
        ("المصدر الخليج الجديدالمصدر: الخليج الجديد", True),
        # body sentences that open with the word
        ("المصدر رفض الكشف عن هويته", False),
        ('المصدر: "لا يوجد شيء رسمي حتى الآن، والقرار بيد رئيس الوزراء".', False),
        (
            "المصدر: مصادر مطلعة قالت إن المفاوضات متوقفة منذ أسابيع ولن تستأنف قبل نهاية الشهر",
            False,
        ),
    ],
)
def test_source_line_is_a_name_not_a_sentence(line: str, expected: bool):
    from reader.formats.scraped_lines import is_source_line

    assert is_source_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("وسجل هدف اللقاء محمد عبد المنعم في الدقيقة 86", True),
        ("ويلتقي الهلال في الجولة المقبلة مع الاتحاد", True),
        ("وفي المقابل رفضت الحكومة المقترح", True),
        ("وزير المالية السعودي: لا ضرائب جديدة", False),
        ("واشنطن تعيد تصنيف الحوثيين جماعة إرهابية", False),
        ("ولي العهد السعودي يستقبل وفداً أمريكياً", False),
        ("وفد مصري يصل إلى الدوحة", False),
    ],
)
def test_continues_text(line: str, expected: bool):
    from reader.formats.scraped_lines import continues_text

    assert continues_text(line) is expected


@pytest.mark.parametrize(("errors", "last_tag"), [("replace", "الإقلیمیة"), ("ignore", "الإقلمة")])
def test_sample_saved_in_windows_1256_without_persian_yeh(
    errors: str, last_tag: str, tmp_path: Path
):
    """The sample's Persian yeh has no Windows-1256 byte: saved anyway, it is "?" or nothing."""
    text = (ROOT / "seeds" / "000_af4e3700e08c1d4f.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("cp1256", errors=errors))
    (article,) = parse_file(path, tmp_path).articles
    assert "decoded as windows-1256" in article.problems
    # the debris is gone either way; a "?" inside a tag word was the lost yeh
    assert article.tags[-1] == last_tag
    assert len(article.tags) == 14  # one tag per word until the folder pass joins them
    assert len(article.related) == 4
    assert article.source == "الخليج الجديد"
    assert [a.title for a in article.appended] == [
        "الرئيس الصيني لبايدن: العلاقات بين البلدين لم تتغير رغم فوز ترامب"
    ]


@pytest.mark.parametrize(
    ("text", "date", "tags"),
    [
        # the site writes its furniture with Persian letters at times ("اقرأ أیضا"): labels too
        (
            "عنوان\nتاریخ النشر: 7th, December 2023 GMT\nفقرة من النص.\nکلمات دلالیة: أ ب اقرأ أیضا\n",
            "2023-12-07",
            ("أ", "ب"),
        ),
        (
            "عنوان\nتاريخ النشر: 7th, December 2023 GMT\nفقرة من النص.\nكلمات دلالية: أ ب اقرأ أيضاً\n",
            "2023-12-07",
            ("أ", "ب"),
        ),
    ],
)
def test_labels_in_persian_letters(text: str, date: str, tags: tuple[str, ...]):
    from reader.formats.scraped import parse_scraped

    article = parse_scraped(text, article_id="a", path="a")
    assert article.date is not None and article.date.isoformat() == date
    assert article.tags == tags
    assert article.body == "فقرة من النص."


@pytest.mark.parametrize("errors", ["replace", "ignore"])
@pytest.mark.parametrize("page", PAGES[:6], ids=[page.name for page in PAGES[:6]])
def test_persian_markers_saved_in_windows_1256(page: Expected, errors: str, tmp_path: Path):
    """Inline markers typed with the Persian yeh, in a Windows-1256 copy that lost the letter."""
    text = page.text.replace("اقرأ أيضاً\n", "اقرأ أیضا\n")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("cp1256", errors=errors))
    (article,) = parse_file(path, tmp_path).articles
    assert mismatches(article, page) == []
