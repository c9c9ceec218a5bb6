"""Text encoded twice (reader/formats/mojibake.py): UTF-8 read as Windows-1252 and saved again,
as a database with the wrong connection charset leaves Arabic ("Ø§Ù„Ø¬Ø²ÙŠØ±Ø©")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_run import export_records
from hypothesis import given
from hypothesis import strategies as st

from reader.formats.decode import decode_bytes
from reader.formats.mojibake import NOTE

ARABIC = "أعلنت الهيئة العليا المستقلة للانتخابات في تونس نتائج الانتخابات البلدية لعام 2018."


def _twice(text: str) -> bytes:
    """The text as MySQL's "latin1" connection stores UTF-8: each byte read as Windows-1252
    (the five bytes it leaves undefined kept as the C1 controls Latin-1 gives), saved as UTF-8."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out).encode("utf-8")


def test_text_encoded_twice_is_undone_and_noted() -> None:
    data = _twice(ARABIC)
    assert "Ø§Ù" in data.decode("utf-8")  # what the reader showed before
    decoded = decode_bytes(data)
    assert decoded.text == ARABIC
    assert decoded.note == NOTE


def test_letters_lost_on_the_way_are_counted() -> None:
    """A tool that replaced the bytes Windows-1252 leaves undefined lost those letters (ف is
    D9 81): the rest is undone, and the note says how many are gone."""
    lossy = _twice(ARABIC).decode("utf-8").replace("\x81", "\ufffd").encode("utf-8")
    decoded = decode_bytes(lossy)
    assert "الانتخابات" in decoded.text
    assert decoded.note == f"{NOTE}; 1 letter(s) lost (shown as \ufffd)"


def test_real_text_with_these_letters_is_left_alone() -> None:
    for text in (
        "Øresund og Ålborg: Ø er et bogstav, Ù et andet, ÙÚÛ.",
        "Le prix est de 12 € – ØØ ÙÙ ÚÚ. " + ARABIC,
        ARABIC + " Ù",
    ):
        decoded = decode_bytes(text.encode("utf-8"))
        assert decoded.text == text
        assert decoded.note is None


def test_an_export_encoded_twice_reads_as_arabic(tmp_path: Path) -> None:
    rows = [{"title": "نتائج الانتخابات", "text": ARABIC}]
    data = json.dumps(rows, ensure_ascii=False)
    (tmp_path / "export.json").write_bytes(_twice(data))
    (record,), _ = export_records(tmp_path)
    assert (record["title"], record["body"]) == ("نتائج الانتخابات", ARABIC)
    assert record["problems"] == [NOTE]


def test_fields_encoded_twice_behind_json_escapes_are_undone(tmp_path: Path) -> None:
    """json.dump's default escapes every non-ASCII letter: the file's own text is ASCII, and only
    the parsed fields show the damage."""
    mangled = _twice(ARABIC).decode("utf-8")
    (tmp_path / "items.json").write_text(
        json.dumps([{"title": _twice("نتائج الانتخابات").decode("utf-8"), "text": mangled}]),
        encoding="ascii",
    )
    (record,), _ = export_records(tmp_path)
    assert (record["title"], record["body"]) == ("نتائج الانتخابات", ARABIC)
    assert record["problems"] == [NOTE]


# Arabic read with the wrong code page (reader/formats/codepage_mojibake.py)

CODEPAGE_TITLE = "تونس: حكومة جديدة"
CODEPAGE_BODY = (
    "أعلن الرئيس التونسي اليوم عن تشكيل الحكومة الجديدة، وقال في كلمة للشعب إن البلاد تمر"
    " بمرحلة صعبة؟ وأضاف: نعمل مع Reuters و AFP منذ 2018."
)


def _wrong_code_page(text: str) -> str:
    """Windows-1256 bytes as Windows-1252 shows them (Latin-1's control for the bytes it leaves
    undefined), as an old Arabic site scraped without its charset is stored."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("cp1256")
    )


def test_arabic_read_with_the_wrong_code_page_is_mapped_back(tmp_path: Path) -> None:
    from reader.formats.codepage_mojibake import NOTE as CODEPAGE_NOTE

    mangled = _wrong_code_page(CODEPAGE_BODY)
    assert mangled.startswith("ÃÚáä ÇáÑÆíÓ")  # what the reader showed before
    rows = [{"title": _wrong_code_page(CODEPAGE_TITLE), "text": mangled}]
    (tmp_path / "export.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "page.txt").write_text(
        _wrong_code_page(CODEPAGE_TITLE) + "\n\n" + mangled, encoding="utf-8"
    )
    records, err = export_records(tmp_path)
    assert [(r["title"], r["body"]) for r in records] == [(CODEPAGE_TITLE, CODEPAGE_BODY)] * 2
    assert [r["problems"] for r in records] == [[CODEPAGE_NOTE]] * 2
    assert err == ["2 articles from 2 files, 0 files skipped"]


def test_a_title_too_short_to_show_the_code_page_goes_with_its_body() -> None:
    from reader.formats.article_repairs import repaired_article
    from reader.model import Article

    title = _wrong_code_page("تونس")  # ÊæäÓ: no article, one word
    article = Article(id="a", title=title, body=_wrong_code_page(CODEPAGE_BODY), path="a.json")
    fixed = repaired_article(article)
    assert (fixed.title, fixed.body) == ("تونس", CODEPAGE_BODY)
    alone = Article(id="b", title=title, body="نص الخبر", path="b.json")
    assert repaired_article(alone).title == title  # without the body's evidence, left alone


@pytest.mark.parametrize(
    "text",
    [
        "ÇA VA? Ação, Évora e Ñandú; À LA CARTE. Ísafjörður á Íslandi, Çáceres, Ça á Çá",
        "Der Öl-Preis stieg in Åland; Ærø, Þórshöfn. Çávez Çá 12 € " + CODEPAGE_BODY,
        CODEPAGE_BODY,
    ],
)
def test_latin_text_with_these_letters_is_left_alone(text: str) -> None:
    from reader.formats.codepage_mojibake import codepage_repaired, looks_mangled

    notes: list[str] = []
    assert codepage_repaired(text, notes) is text and notes == []
    assert not looks_mangled(text)


def test_latin_words_inside_the_mangled_text_keep_their_letters() -> None:
    from reader.formats.codepage_mojibake import codepage_repaired

    notes: list[str] = []
    mixed = _wrong_code_page(CODEPAGE_BODY) + " CAFÉ Ångström"
    assert codepage_repaired(mixed, notes) == CODEPAGE_BODY + " CAFÉ Ångström"


_ARABIC_WORDS = st.sampled_from(
    [
        "الرئيس",
        "الحكومة",
        "في",
        "من",
        "على",
        "تونس",
        "وزير",
        "الخارجية",
        "قال",
        "إن",
        "؟",
        "،",
        "2018",
        "Reuters",
        "پيام",
        "گزارش",
    ]
)


@given(st.lists(_ARABIC_WORDS, min_size=1, max_size=40))
def test_the_mapping_undoes_the_wrong_code_page(words: list[str]) -> None:
    from reader.formats.codepage_mojibake import codepage_repaired, looks_mangled

    text = " ".join(["الخبر", "الأول", "الثاني", *words])
    notes: list[str] = []
    mangled = _wrong_code_page(text)
    assert looks_mangled(mangled)
    assert codepage_repaired(mangled, notes) == text


def _utf8_as_1256(text: str) -> str:
    """UTF-8 bytes as Windows-1256 shows them, as a database with an Arabic connection charset
    stores them: "ط§ظ„ط¬ط²ظٹط±ط©" for "الجزيرة"."""
    return text.encode("utf-8").decode("cp1256")


def test_utf8_read_as_windows_1256_is_undone_in_files_and_fields(tmp_path: Path) -> None:
    from reader.formats.codepage_mojibake import UTF8_NOTE

    body = CODEPAGE_BODY + " «المصدر» — 20٪ 🇹🇳"
    assert _utf8_as_1256(body).startswith("ط£ط¹ظ„ظ† ط§ظ„ط±ط¦ظٹط³")
    (tmp_path / "dump.txt").write_text(
        _utf8_as_1256(CODEPAGE_TITLE) + "\n\n" + _utf8_as_1256(body), encoding="utf-8"
    )
    rows = [{"title": _utf8_as_1256("عاجل"), "text": _utf8_as_1256(body)}]
    (tmp_path / "rows.json").write_text(json.dumps(rows), encoding="ascii")
    records, _ = export_records(tmp_path)
    assert [(r["title"], r["body"]) for r in records] == [
        (CODEPAGE_TITLE, body),
        ("عاجل", body),
    ]
    assert [r["problems"] for r in records] == [[UTF8_NOTE]] * 2


def test_real_arabic_beside_utf8_read_as_windows_1256_is_kept() -> None:
    from reader.formats.codepage_mojibake import UTF8_NOTE, codepage_repaired

    notes: list[str] = []
    text = "الخبر: " + _utf8_as_1256("الرئيس التونسي") + " ماذا؟ پيام گزارش ،"
    assert codepage_repaired(text, notes) == "الخبر: الرئيس التونسي ماذا؟ پيام گزارش ،"
    assert notes == [UTF8_NOTE]
    # Urdu beside the damage: "سک" would decode to a Cyrillic letter, "تک" to a phonetic one
    text = _utf8_as_1256("الرئيس") + " سک لک تک ہک"
    assert codepage_repaired(text, []) == "الرئيس سک لک تک ہک"
    for clean in (CODEPAGE_BODY, "ضبط§ الساعة", "پيام گزارش ڈاک ٹکٹ ؟ ، ؛"):
        assert codepage_repaired(clean, notes) is clean


@given(st.lists(_ARABIC_WORDS, min_size=1, max_size=40))
def test_utf8_read_as_windows_1256_round_trips(words: list[str]) -> None:
    from reader.formats.codepage_mojibake import codepage_repaired

    text = " ".join(["الخبر", *words])
    assert codepage_repaired(_utf8_as_1256(text), []) == text


# letters held as escapes (reader/formats/escaped_text.py)


def _json_escaped(text: str) -> str:
    """The text as PHP's json_encode writes it, without its quotes: every non-ASCII letter an
    escape, an emoji a surrogate pair, line breaks and slashes escaped."""
    return json.dumps(text).strip('"').replace("/", "\\/")


def test_a_field_that_holds_its_letters_as_escapes_is_decoded(tmp_path: Path) -> None:
    from reader.formats.escaped_text import NOTE as ESCAPED_NOTE

    body = CODEPAGE_BODY + " 🇹🇳\nhttps://example.tn/a\n«الفقرة الثانية»"
    table = f'title,text\n{_json_escaped("عاجل")},"{_json_escaped(body)}"\n'
    (tmp_path / "dump.csv").write_text(table, encoding="utf-8")
    rows = [{"title": _json_escaped(CODEPAGE_TITLE), "text": _json_escaped(body)}]
    (tmp_path / "rows.json").write_text(json.dumps(rows), encoding="ascii")
    records, _ = export_records(tmp_path)
    assert [(r["title"], r["body"]) for r in records] == [("عاجل", body), (CODEPAGE_TITLE, body)]
    assert [r["problems"] for r in records] == [[ESCAPED_NOTE]] * 2


def test_escapes_that_spell_markup_give_its_text() -> None:
    from reader.formats.escaped_text import unescaped

    html = "<p>الفقرة الأولى</p><p>الفقرة الثانية</p>"
    spelled = "".join(f"\\u{ord(c):04x}" for c in html)
    assert unescaped(spelled).split("\n")[:2] == ["الفقرة الأولى", "الفقرة الثانية"]
    assert unescaped("\\ud83c\\uddf9 \\ud83c") == "\U0001f1f9 \ufffd"
    assert unescaped("C:\\\\users\\\\u0627 \\r\\n\\N") == "C:\\users\\u0627 \n\\N"


@pytest.mark.parametrize(
    "text",
    [
        CODEPAGE_BODY,
        "يكتب الحرف ا في JSON هكذا: \\u0627، واللام \\u0644، والألف المقصورة \\u0649 والياء"
        " \\u064a والهمزة \\u0621، وهذا كله في مقال عن ترميز النصوص العربية.",
        "\\u0627\\u0644",  # too few to tell
        # a programming article's character ranges: single escapes, no word spelt in them
        "To match Arabic letters use [\\u0600-\\u06FF], [\\u0750-\\u077F], [\\u08A0-\\u08FF],"
        " [\\u0610-\\u061A] and [\\u064B-\\u065F] for the marks.",
    ],
)
def test_text_that_quotes_escapes_keeps_them(text: str) -> None:
    from reader.formats.escaped_text import is_escaped

    assert not is_escaped(text)


def test_a_facebook_export_encoded_twice_behind_escapes_reads_whole(tmp_path: Path) -> None:
    """Facebook writes each UTF-8 byte as an escape ("\\u00d8\\u00a7"): read as text, the second
    byte of م is U+0085, a line break to Python and whitespace to strip(); a word ending in م
    ("اليوم") and a paragraph cut at each م must come out whole."""
    title = "البنك المركزي يرفع الفائدة اليوم"
    body = "قرر البنك المركزي المصري يوم الخميس رفع سعر الفائدة.\nوأوضح البنك أن معدل التضخم ارتفع اليوم"

    def facebook(text: str) -> str:
        return text.encode("utf-8").decode("latin-1")

    posts = [{"title": facebook(title), "text": facebook(body), "timestamp": 1709281500}]
    (tmp_path / "posts.json").write_text(json.dumps(posts), encoding="ascii")
    (record,) = export_records(tmp_path)[0]
    assert (record["title"], record["body"]) == (title, body)
    assert record["problems"] == [NOTE]
