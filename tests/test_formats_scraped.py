"""The scraped-page layout (issue 2, acceptance 2 and 4): the sample and generated variations.

The page generator below holds what a page *means* (title, date, paragraphs, related headlines
with the paragraph they follow, source, tag words, appended articles) and how the scraper *wrote*
it (marker spellings, source-line form, debris, newlines, blank lines, invisible marks). Each
variation changes one thing from a base page shaped like ``seeds/``; the tests parse the rendered
text and compare it with the meaning.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest

from reader.formats.scraped import find_footer, looks_scraped, parse_scraped
from reader.formats.scraped_lines import (
    clean_lines,
)
from reader.formats.scraped_regions import split_appended, split_body, split_title
from reader.model import Article
from reader.text.normalize import normalize

TITLE = "حرب غزة بين الأولويات.. توافق بين بوتين ورئيسي حول تعزيز العلاقات والملفات الإقليمية"
PARAGRAPHS = (
    "بدا التطابق، في مواقف موسكو وطهران، حيال غالبية الملفات الإقليمية، خلال محادثات الرئيسين.",
    "كما بدا أن مسائل تنسيق الجهود لمواجهة العقوبات الغربية المفروضة على البلدين كانت على رأس الأولويات.",
    "واستهل بوتين اللقاء بتوجيه عبارات مازحة إلى ضيفه لم تخلُ من دلالات سياسية، وقال إنه كان ينوي زيارة طهران.",
    'ولاحظ بوتين أن روسيا وإيران "تتعاونان بشكل نشط في جميع المجالات تقريباً، بما في ذلك مجال الطاقة".',
    "وشدد بوتين على أن البلدين يعملان بشكل نشط لضبط الساعات حول قضايا الساعة التي تهم البلدين.",
    'ونُشرت خلال الأشهر الماضية، تقارير متضاربة حول استعداد روسيا لتسليم مقاتلات من طراز "سوخوي 35" إلى إيران.',
)
RELATED = (
    "روسيا وإيران توقعان اتفاقية لمواجهة العقوبات الأمريكية والغربية",
    "بوتين يزور السعودية والإمارات الأربعاء.. ورئيسي في موسكو الخميس",
    "معادلة روسيا وإسرائيل.. غزة توتِّر علاقتهما وإيران تمنع انهيارها",
    'باتصال هاتفي.. بوتين يبحث مع رئيسي "تكثيف" تعاون موسكو وطهران',
)
TAG_WORDS = (
    "إيران",
    "روسيا",
    "الحرب",
    "في",
    "غزة",
    "غزة",
    "تعاون",
    "ثنائي",
    "تعاون",
    "عسكري",
    "بوتين",
    "رئيسي",
    "الملفات",
    "الإقلیمیة",
)
APPENDED_1 = (
    "الرئيس الصيني لبايدن: العلاقات بين البلدين لم تتغير رغم فوز ترامب",
    (
        "أكد شي جين بينغ، الرئيس الصيني، لنظيره الأمريكي جو بايدن أن العلاقات بين البلدين لم تتغير رغم فوز دونالد ترامب.",
        "عيّنها ترامب متحدثة باسم البيت الأبيض.. من هي كارولين ليفيت؟ الصين تشعل مجموعة السعودية بهدف في البحرينوحسب وكالة الأنباء الصينية، جاء ذلك خلال لقاء الرئيسين.",
        "وشدد بايدن على أهمية التفاهم بين الولايات المتحدة والصين، مشيرًا إلى أن العلاقة بين البلدين تؤثر على الاستقرار العالمي.",
    ),
)
APPENDED_2 = (
    "قطر تعلن استئناف الوساطة بين حماس وإسرائيل",
    (
        "أعلنت وزارة الخارجية القطرية، الأحد، استئناف جهود الوساطة بين حركة حماس وإسرائيل بعد توقف دام أسابيع.",
        "وقال المتحدث باسم الوزارة إن الاتصالات مستمرة مع جميع الأطراف للتوصل إلى اتفاق يوقف الحرب.",
    ),
)
INLINE_MARKERS = ("اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "إقرأ أيضا", "اقرأ أیضا", "اقرأ أيضـــاً")
FINAL_MARKERS = ("إقرأ أيضاً:", "اقرأ أيضاً:", "إقرأ أيضا:", "اقرأ أیضاً :")


@dataclass(frozen=True)
class Page:
    title: str = TITLE
    date_line: str | None = "تاريخ النشر: 7th, December 2023 GMT"
    date: dt.date | None = dt.date(2023, 12, 7)
    paragraphs: tuple[str, ...] = PARAGRAPHS
    # (index of the paragraph the block follows, marker spelling, headline or None for a lone marker)
    related: tuple[tuple[int, str, str | None], ...] = (
        (1, "اقرأ أيضاً", RELATED[0]),
        (2, "اقرأ أيضاً", RELATED[1]),
        (3, "اقرأ أيضاً", RELATED[2]),
        (5, "اقرأ أيضاً", RELATED[3]),
    )
    source: str | None = "الخليج الجديد"
    source_form: str = "double"  # double | colon | bar
    tag_words: tuple[str, ...] | None = TAG_WORDS
    tag_debris: str = " اقرأ أیضا"
    tags_before_source: bool = False
    final_marker: str | None = "إقرأ أيضاً:"
    appended: tuple[tuple[str, tuple[str, ...]], ...] = (APPENDED_1,)
    newline: str = "\n"
    blank_lines: bool = False
    edge_noise: str = ""  # added around every line: spaces, NBSP, RLM
    # (role of the line before, role of the line) pairs written without a line break between them
    glue: frozenset[tuple[str, str]] = frozenset()
    # a "read also" block printed between the source and the tag lines
    related_in_footer: str | None = None
    source_position: str = "footer"  # footer | top (right after the date line)
    # a marker printed again between two appended articles
    appended_separator: str | None = None

    def source_line(self) -> str | None:
        if self.source is None:
            return None
        if self.source_form == "double":
            return f"المصدر | {self.source}المصدر: {self.source}"
        if self.source_form == "colon":
            return f"المصدر: {self.source}"
        return f"المصدر | {self.source}"

    def tag_line(self) -> str | None:
        if self.tag_words is None:
            return None
        return "كلمات دلالية: " + " ".join(self.tag_words) + self.tag_debris

    def lines(self) -> list[str]:
        out: list[tuple[str, str]] = [("title", self.title)]
        if self.date_line is not None:
            out.append(("date", self.date_line))
        if self.source_position == "top" and self.source_line() is not None:
            out.append(("source", self.source_line() or ""))
        for i, paragraph in enumerate(self.paragraphs):
            out.append(("paragraph", paragraph))
            for after, marker, headline in self.related:
                if after == i:
                    out.append(("marker", marker))
                    if headline is not None:
                        out.append(("related", headline))
        top_source = self.source_position == "top"
        footer = [("source", None if top_source else self.source_line()), ("tags", self.tag_line())]
        if self.tags_before_source:
            footer.reverse()
        footer = [(role, line) for role, line in footer if line is not None]
        if self.related_in_footer is not None and len(footer) == 2:
            footer[1:1] = [("marker", "اقرأ أيضاً"), ("related", self.related_in_footer)]
        out += footer
        if self.appended and self.final_marker is not None:
            out.append(("final", self.final_marker))
        for k, (title, body) in enumerate(self.appended):
            if k and self.appended_separator is not None:
                out.append(("final", self.appended_separator))
            out.append(("appended title", title))
            out += [("appended body", line) for line in body]
        # the scraper loses some line breaks: glue each (previous role, role) pair asked for
        glued: list[tuple[str, str]] = []
        for role, line in out:
            if glued and (glued[-1][0], role) in self.glue:
                glued[-1] = (role, glued[-1][1] + line)
            else:
                glued.append((role, line))
        return [line for _, line in glued]

    def render(self) -> str:
        lines = [self.edge_noise + line + self.edge_noise for line in self.lines()]
        joiner = self.newline * (2 if self.blank_lines else 1)
        return joiner.join(lines) + self.newline

    @property
    def expected_related(self) -> tuple[str, ...]:
        inline = tuple(
            line
            for _, _, headline in self.related
            if headline is not None
            for line in headline.split("\n")
        )
        in_footer = self.related_in_footer is not None and None not in (self.source, self.tag_words)
        return (*inline, self.related_in_footer) if in_footer else inline


def variations() -> Iterator[tuple[str, Page]]:
    """Named pages, each changing one thing (or a few) from the base page."""
    base = Page()
    yield "base", base
    yield "crlf", replace(base, newline="\r\n")
    yield "blank lines", replace(base, blank_lines=True)
    yield "crlf and blank lines", replace(base, newline="\r\n", blank_lines=True)
    yield "nbsp, rlm and trailing spaces", replace(base, edge_noise="\u200f \u00a0")
    yield "no date line", replace(base, date_line=None, date=None)
    for shape, date in (
        ("تاريخ النشر: 2023-12-07", dt.date(2023, 12, 7)),
        ("تاريخ النشر: 07/12/2023", dt.date(2023, 12, 7)),
        ("تاريخ النشر: الخميس 7 ديسمبر 2023", dt.date(2023, 12, 7)),
        ("تاريخ النشر : ٧ كانون الأول ٢٠٢٣", dt.date(2023, 12, 7)),
        ("تاريخ النشر: 21st, January 2024 GMT", dt.date(2024, 1, 21)),
        ("تاريخ النشر: Mon, 01 Oct 2018 22:09:25 GMT", dt.date(2018, 10, 1)),
        ("الخميس 7 ديسمبر 2023", dt.date(2023, 12, 7)),
        ("7th, December 2023 GMT", dt.date(2023, 12, 7)),
    ):
        yield f"date line {shape}", replace(base, date_line=shape, date=date)
    yield "no related headlines", replace(base, related=())
    yield "one related headline", replace(base, related=base.related[:1])
    for marker in (*INLINE_MARKERS, "اقرأ أيضاً:", "إقرأ أيضا :"):
        yield (
            f"inline marker {marker}",
            replace(base, related=tuple((a, marker, h) for a, _, h in base.related)),
        )
    yield (
        "related headline followed by another marker",
        replace(base, related=((1, "اقرأ أيضاً", RELATED[0]), (1, "اقرأ أيضا", RELATED[1]))),
    )
    yield (
        "a sign-off line after the last related headline stays in the body",
        replace(
            base,
            paragraphs=(*PARAGRAPHS, "ترجمة وتحرير الخليج الجديد"),
            related=((1, "اقرأ أيضاً", RELATED[0]), (5, "اقرأ أيضاً", RELATED[3])),
        ),
    )
    yield (
        "two headlines under one marker, before another marker",
        replace(
            base,
            related=(
                (1, "اقرأ أيضاً", RELATED[0] + "\n" + RELATED[2]),
                (1, "اقرأ أيضا", RELATED[1]),
            ),
        ),
    )
    yield (
        "a subheading after a related headline stays in the body",
        replace(
            base,
            paragraphs=(
                PARAGRAPHS[0],
                PARAGRAPHS[1],
                "ردود الفعل الدولية على الزيارة",
                *PARAGRAPHS[2:],
            ),
            related=((1, "اقرأ أيضاً", RELATED[0]),),
        ),
    )
    yield (
        "lone marker as the last line before the source",
        replace(base, related=((1, "اقرأ أيضاً", RELATED[0]), (5, "اقرأ أيضاً", None))),
    )
    yield (
        "lone marker before a paragraph",
        replace(base, related=((1, "اقرأ أيضاً", None), (3, "اقرأ أيضاً", RELATED[2]))),
    )
    yield "single source, colon", replace(base, source_form="colon")
    yield "single source, bar", replace(base, source_form="bar")
    yield "no source line", replace(base, source=None)
    for source in ("رويترز", "عربي 21", "BBC عربي", "الخليج الجديد + وكالات", "CNN"):
        yield f"source {source}", replace(base, source=source)
    yield "tags before source", replace(base, tags_before_source=True)
    yield (
        "no tag line, debris glued to the source line",
        replace(base, tag_words=None, glue=frozenset({("source", "final")})),
    )
    for form in ("colon", "bar", "double"):
        yield (
            f"source line ({form}) printed under the date",
            replace(base, source_form=form, source_position="top"),
        )
        yield (
            f"source line ({form}) printed under the date, no tags",
            replace(base, source_form=form, source_position="top", tag_words=None),
        )
    yield "related block between source and tags", replace(base, related_in_footer=RELATED[1])
    yield "no tag line", replace(base, tag_words=None)
    for debris in ("", " إقرأ أيضاً", " اقرأ أيضا:", "اقرأ أيضاً", " اقرأ أيضاً اقرأ أيضا"):
        yield f"tag debris {debris!r}", replace(base, tag_debris=debris)
    yield "no appended article", replace(base, appended=())
    yield "two appended articles", replace(base, appended=(APPENDED_1, APPENDED_2))
    yield (
        "two appended articles with a marker between",
        replace(base, appended=(APPENDED_1, APPENDED_2), appended_separator="إقرأ أيضاً:"),
    )
    yield (
        "final marker glued to the appended title",
        replace(base, glue=frozenset({("final", "appended title")})),
    )
    yield (
        "subheadings in the body",
        replace(
            base,
            paragraphs=(
                PARAGRAPHS[0],
                "ردود الفعل الدولية",
                *PARAGRAPHS[1:3],
                "شراكة عسكرية",
                *PARAGRAPHS[3:],
            ),
        ),
    )
    yield (
        "last-updated line after the date",
        replace(
            base, date_line="تاريخ النشر: 7th, December 2023 GMT\nآخر تحديث: 8th, December 2023 GMT"
        ),
    )
    yield (
        "appended article with a one-paragraph body",
        replace(base, appended=((APPENDED_2[0], APPENDED_2[1][:1]), APPENDED_1)),
    )
    for marker in FINAL_MARKERS:
        yield f"final marker {marker}", replace(base, final_marker=marker)
    yield "no footer, final marker spelled apart", replace(base, source=None, tag_words=None)
    yield (
        "no footer, two appended articles with a marker between",
        replace(
            base,
            source=None,
            tag_words=None,
            appended=(APPENDED_1, APPENDED_2),
            appended_separator="إقرأ أيضاً:",
        ),
    )
    yield (
        "no footer, every marker with a colon: no evidence, all related",
        replace(
            base,
            source=None,
            tag_words=None,
            appended=(),
            related=tuple((a, "اقرأ أيضاً:", h) for a, _, h in base.related),
        ),
    )
    yield (
        "no footer, no appended",
        replace(base, source=None, tag_words=None, appended=()),
    )
    for pair in (
        ("paragraph", "marker"),
        ("date", "paragraph"),
        ("title", "date"),
        ("paragraph", "source"),
        ("source", "tags"),
        ("related", "marker"),
    ):
        yield f"glued {pair[0]} + {pair[1]}", replace(base, glue=frozenset({pair}))
    yield (
        "glued everything glueable",
        replace(
            base,
            glue=frozenset(
                {
                    ("paragraph", "marker"),
                    ("date", "paragraph"),
                    ("paragraph", "source"),
                    ("source", "tags"),
                }
            ),
        ),
    )
    yield (
        "minimal page",
        Page(
            date_line=None,
            date=None,
            related=(),
            source=None,
            tag_words=None,
            appended=(),
            paragraphs=PARAGRAPHS[:1],
        ),
    )
    yield (
        "everything optional missing but tags",
        replace(base, date_line=None, date=None, related=(), source=None, appended=()),
    )


DATE_SHAPES = (
    ("تاريخ النشر: 7th, December 2023 GMT", dt.date(2023, 12, 7)),
    ("تاريخ النشر: 22nd, March 2024 GMT", dt.date(2024, 3, 22)),
    ("تاريخ النشر: 2023-12-07T10:00:00+03:00", dt.date(2023, 12, 7)),
    ("تاريخ النشر: 03/01/2024", dt.date(2024, 1, 3)),
    ("تاريخ النشر: ٣ شباط ٢٠٢٤", dt.date(2024, 2, 3)),
    ("تاريخ النشر: Mon, 01 Oct 2018 22:09:25 GMT", dt.date(2018, 10, 1)),
)
GLUES = (
    ("paragraph", "marker"),
    ("date", "paragraph"),
    ("paragraph", "source"),
    ("source", "tags"),
    ("related", "marker"),
)


def random_page(rng: random.Random) -> Page:
    """A page with every optional part and every spelling drawn at random (all combinations)."""
    paragraphs = tuple(rng.sample(PARAGRAPHS, rng.randint(1, len(PARAGRAPHS))))
    blocks = [
        (
            rng.randrange(len(paragraphs)),
            rng.choice(INLINE_MARKERS),
            rng.choice((*RELATED, None)) if rng.random() < 0.2 else rng.choice(RELATED),
        )
        for _ in range(rng.randint(0, 4))
    ]
    related = tuple(sorted(blocks, key=lambda block: block[0]))
    date_line, date = rng.choice(((None, None), *DATE_SHAPES))
    has_source, has_tags = rng.random() < 0.8, rng.random() < 0.8
    source_form = rng.choice(("double", "colon", "bar"))
    appended = tuple(rng.sample((APPENDED_1, APPENDED_2), rng.randint(0, 2)))
    final_marker = rng.choice(FINAL_MARKERS)
    # a marker repeated between appended articles; without a footer and without differently
    # spelled inline markers before it, that page is ambiguous by construction, so not generated
    separator = final_marker if rng.random() < 0.3 else None
    if not (has_source or has_tags) and not blocks:
        separator = None
    return Page(
        paragraphs=paragraphs,
        related=related,
        date_line=date_line,
        date=date,
        source=rng.choice(("الخليج الجديد", "رويترز", "عربي 21", "BBC عربي"))
        if has_source
        else None,
        source_form=source_form,
        tag_words=tuple(rng.sample(TAG_WORDS, rng.randint(1, len(TAG_WORDS))))
        if has_tags
        else None,
        tag_debris=rng.choice(("", " اقرأ أیضا", " إقرأ أيضاً", "اقرأ أيضا:")),
        tags_before_source=rng.random() < 0.3,
        related_in_footer=rng.choice(RELATED) if rng.random() < 0.1 else None,
        final_marker=final_marker,
        appended_separator=separator,
        appended=appended,
        newline=rng.choice(("\n", "\r\n")),
        blank_lines=rng.random() < 0.3,
        edge_noise=rng.choice(("", " ", "\u00a0", "\u200f", " \u200f\u00a0")),
        # only the doubled source line is unambiguous enough to be cut out of a paragraph
        glue=frozenset(
            glue
            for glue in GLUES
            if rng.random() < 0.15 and (glue != ("paragraph", "source") or source_form == "double")
        ),
    )


VARIATIONS = dict(variations())


def _parse(page: Page) -> Article:
    return parse_scraped(page.render(), article_id="page.txt", path="page.txt")


def _check(page: Page, article: Article) -> None:
    assert article.title == page.title
    assert article.date == page.date
    assert article.source == page.source
    assert article.body.split("\n") == list(page.paragraphs)
    assert article.related == page.expected_related
    assert article.tags == (page.tag_words or ())
    assert [(a.title, a.body.split("\n")) for a in article.appended] == [
        (title, list(body)) for title, body in page.appended
    ]
    expected_problems = () if page.date_line is not None else ("no date line",)
    assert article.problems == expected_problems


@pytest.mark.parametrize("name", list(VARIATIONS))
def test_variation(name: str) -> None:
    page = VARIATIONS[name]
    _check(page, _parse(page))


@pytest.mark.parametrize("seed", range(20))
def test_random_pages(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        page = random_page(rng)
        _check(page, _parse(page))


def test_sample_seed(seeds_dir) -> None:
    """Issue 2, acceptance 2, on the real sample."""
    path = seeds_dir / "000_af4e3700e08c1d4f.txt"
    text = path.read_text(encoding="utf-8")
    assert looks_scraped(text)
    article = parse_scraped(text, article_id=path.name, path=path.name)
    assert article.title == TITLE
    assert article.date == dt.date(2023, 12, 7)
    assert article.source == "الخليج الجديد"
    assert len(article.related) == 4
    assert article.related[0] == RELATED[0]
    assert article.tags == TAG_WORDS
    assert article.body.startswith("بدا التطابق")
    assert "سوخوي 35" in article.body.split("\n")[-1]
    for debris in ("المصدر", "كلمات دلالية", "اقرأ أيضا", "الرئيس الصيني لبايدن"):
        assert normalize(debris) not in normalize(article.body)
    assert [a.title for a in article.appended] == [APPENDED_1[0]]
    assert article.appended[0].body.startswith("أكد شي جين بينغ")
    assert article.problems == ()
    # no paragraph lost: every line of the file is in exactly one place
    placed = [
        article.title,
        "تاريخ",
        "المصدر",
        "كلمات دلالية",
        "قرأ أيضاً",
        *article.related,
        *article.body.split("\n"),
        article.appended[0].title,
        *article.appended[0].body.split("\n"),
    ]
    for line in clean_lines(text):
        assert any(line == p or line.startswith(p) or p in line for p in placed), line


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("عنوان\nتاريخ النشر: غدا\nفقرة أولى من النص.\nالمصدر: س", "date not understood: غدا"),
        ("عنوان\nفقرة أولى من النص.\nالمصدر: س", "no date line"),
        ("عنوان\nتاريخ النشر: 2023-12-07\nالمصدر: س\nكلمات دلالية: أ ب", "no body text"),
        ("تاريخ النشر: 2023-12-07\nفقرة.\nالمصدر: س", "no title line"),
    ],
)
def test_problems(text: str, problem: str) -> None:
    assert problem in parse_scraped(text, article_id="a", path="a").problems


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "اقرأ أيضاً",
        "المصدر:",
        "كلمات دلالية:",
        "إقرأ أيضاً:\n",
        "\u200f\u00a0",
        "x" * 10_000,
    ],
)
def test_never_raises_and_never_silently_empty(text: str) -> None:
    article = parse_scraped(text, article_id="a", path="a")
    assert article.body or "no body text" in article.problems


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["فقرة.", "المصدر: س", "كلمات دلالية: أ ب", "إقرأ أيضاً:", "عنوان"], (1, 3)),
        (["فقرة.", "كلمات دلالية: أ ب", "المصدر: س"], (1, 3)),
        # a photo credit in the body is not the footer
        (["فقرة.", "المصدر: رويترز", "فقرة ثانية.", "المصدر: س", "كلمات دلالية: أ"], (3, 5)),
        # the appended article's own source line does not move the footer
        (["فقرة.", "المصدر: س", "إقرأ أيضاً:", "عنوان", "فقرة.", "المصدر: ص"], (1, 2)),
        (["فقرة.", "فقرة ثانية."], None),
        # a lone "المصدر: X" followed by a marker inside the body loses to the site's footer
        (
            [
                "فقرة.",
                "المصدر: رويترز",
                "اقرأ أيضاً",
                "عنوان",
                "فقرة.",
                "المصدر | س",
                "كلمات دلالية: أ",
            ],
            (5, 7),
        ),
        # a "read also" block between source and tags stays inside the footer
        (["فقرة.", "المصدر | س", "اقرأ أيضاً", "عنوان", "كلمات دلالية: أ", "إقرأ أيضاً:"], (1, 5)),
    ],
)
def test_find_footer(lines: list[str], expected: tuple[int, int] | None) -> None:
    assert find_footer(lines) == expected


def test_split_title_skips_nothing_but_furniture() -> None:
    assert split_title(["عنوان", "فقرة."]) == ("عنوان", ["فقرة."])
    assert split_title(["تاريخ النشر: 2023-12-07", "فقرة."])[0] == ""


def test_split_body_keeps_subheadings_and_drops_furniture() -> None:
    parts = split_body(
        [
            "تاريخ النشر: 2023-12-07",
            "فقرة أولى.",
            "عنوان فرعي",
            "فقرة ثانية.",
            "اقرأ أيضاً",
            "عنوان ذو صلة",
        ]
    )
    assert parts.body == ("فقرة أولى.", "عنوان فرعي", "فقرة ثانية.")
    assert parts.related == ("عنوان ذو صلة",)
    assert parts.date_text == "2023-12-07"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the line after the marker is the title even with a final full stop
        (
            ["إقرأ أيضاً:", "قطر تعلن استئناف الوساطة.", APPENDED_2[1][0]],
            ["قطر تعلن استئناف الوساطة."],
        ),
        # a paragraph-sized first line: the title was lost, the text is kept
        (["إقرأ أيضاً:", " ".join(["كلمة"] * 45) + "."], [""]),
        # a short subheading-like line inside an appended body followed by a paragraph starts
        # a new article only after a paragraph of the current one
        ([APPENDED_1[0], "سطر قصير بلا نقطة", *APPENDED_1[1]], [APPENDED_1[0]]),
        # a quoted sentence without its full stop is a paragraph, not the next headline
        (
            [
                APPENDED_1[0],
                APPENDED_1[1][0],
                'وأضاف أن "الصين مستعدة للعمل مع الإدارة الجديدة"',
                APPENDED_1[1][2],
            ],
            [APPENDED_1[0]],
        ),
        # a line after an unfinished paragraph continues it
        (
            [APPENDED_1[0], "وقال الرئيس في كلمته", "لن نتراجع عن مواقفنا", APPENDED_1[1][2]],
            [APPENDED_1[0]],
        ),
        ([], []),
        (["إقرأ أيضاً:"], []),
    ],
)
def test_split_appended_titles(lines: list[str], expected: list[str]) -> None:
    assert [a.title for a in split_appended(lines)] == expected


def test_split_appended_keeps_glued_site_headlines_in_the_body() -> None:
    appended = split_appended(
        [APPENDED_1[0], *APPENDED_1[1], "إقرأ أيضاً:", APPENDED_2[0], *APPENDED_2[1]]
    )
    assert [a.title for a in appended] == [APPENDED_1[0], APPENDED_2[0]]
    assert appended[0].body.split("\n") == list(APPENDED_1[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (Page().render(), True),
        (Page(date_line=None, source=None, appended=(), related=()).render(), True),  # tags line
        (Page(tag_words=None, source=None, appended=(), related=()).render(), True),  # date line
        ("عنوان\nفقرة أولى من مقال عادي.\nفقرة ثانية.", False),
        ("<DOC>\n<DOCNO>1</DOCNO>\n<TEXT>المصدر: س</TEXT>\n</DOC>", False),
        ('{"title": "المصدر: س"}', False),
    ],
)
def test_looks_scraped(text: str, expected: bool) -> None:
    assert looks_scraped(text) is expected


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("utf-8", "\n"),
        ("utf-8-sig", "\r\n"),
        ("utf-16", "\n"),
        ("utf-16", "\r\n"),
        ("cp1256", "\r\n"),
        ("cp1256", "\n"),
    ],
)
def test_sample_in_every_encoding_through_parse_file(
    seeds_dir, tmp_path, encoding: str, newline: str
) -> None:
    """Acceptance 4's encodings, end to end through the folder reader's parse_file."""
    from reader.formats import parse_file

    text = (seeds_dir / "000_af4e3700e08c1d4f.txt").read_text(encoding="utf-8")
    if encoding == "cp1256":
        text = text.replace("ی", "ي")  # Windows-1256 has no Persian yeh
    path = tmp_path / "page.txt"
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    assert article.title == TITLE
    assert article.date == dt.date(2023, 12, 7)
    assert article.source == "الخليج الجديد"
    assert article.related[0] == RELATED[0] and len(article.related) == 4
    assert [normalize(t) for t in article.tags] == [normalize(t) for t in TAG_WORDS]
    assert article.body.startswith("بدا التطابق")
    assert "سوخوي 35" in article.body.split("\n")[-1]
    assert [a.title for a in article.appended] == [APPENDED_1[0]]
