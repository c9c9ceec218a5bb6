"""JSON as researchers' tools write it: field names the CSV reader knows ("تاريخ النشر",
"Date de publication"), pandas' ``to_json`` in each of its shapes, NaN for a missing value,
records keyed by their addresses, and placeholder dates (reader/formats/json_*.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.jsonfmt import parse_json
from reader.model import Article

TITLES = ["وزير المالية يعلن خطة لخفض العجز", "انطلاق معرض الكتاب الدولي"]
BODIES = [
    "أعلن وزير المالية اليوم عن خطة جديدة تهدف إلى خفض عجز الموازنة العامة خلال العام المقبل.",
    "انطلقت صباح الخميس فعاليات الدورة الخامسة والخمسين لمعرض الكتاب الدولي بمشاركة 40 دولة.",
]
DAYS = [dt.date(2024, 3, 12), dt.date(2024, 3, 14)]
# pandas' default date_format="epoch": milliseconds since 1970, UTC
EPOCH_MS = [1710201600000, 1710374400000]
NAN = float("nan")


def _read(data: object, *, lines: bool = False) -> tuple[list[Article], list[str]]:
    text = json.dumps(data, ensure_ascii=False)
    result = parse_json(text, rel_path="x.json", lines=lines)
    return list(result.articles), [p.reason for p in result.problems]


# --- field names: the table readers' names, in JSON ------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["تاريخ النشر", "تاريخ_النشر", "date_publication", "Date de publication", "تاريخ الخبر"],
)
def test_date_fields_named_as_in_a_csv_header_give_the_date(name: str) -> None:
    articles, problems = _read([{"العنوان": TITLES[0], "النص": BODIES[0], name: "2024-03-12"}])
    assert (articles[0].date, articles[0].problems, problems) == (DAYS[0], (), [])


def test_every_field_named_as_in_a_csv_header_is_read() -> None:
    item = {
        "عنوان الخبر": TITLES[0],
        "نص الخبر": BODIES[0],
        "تاريخ النشر": "2024-03-12",
        "رابط الخبر": "https://news.example/a/1",
        "اسم الكاتب": "خالد يوسف",
        "اسم الموقع": "وكالة سبأ",
        "الكلمات المفتاحية": "اقتصاد، موازنة",
    }
    (article,), problems = _read([item])
    assert (article.title, article.body, article.date) == (TITLES[0], BODIES[0], DAYS[0])
    assert (article.url, article.author, article.source) == (
        "https://news.example/a/1",
        "خالد يوسف",
        "وكالة سبأ",
    )
    assert (article.tags, problems) == (("اقتصاد", "موازنة"), [])
    (french,), _ = _read([{"Titre": TITLES[1], "Contenu": BODIES[1], "Lien": "https://n.example"}])
    assert (french.title, french.body, french.url) == (TITLES[1], BODIES[1], "https://n.example")


def test_keys_that_name_another_moment_or_thing_are_not_the_articles() -> None:
    """news-please's download date is not the publication date; an image's address is not the
    article's; a short "status_text" is no article's text."""
    item = {
        "title": TITLES[0],
        "maintext": BODIES[0],
        "date_publish": None,
        "date_download": "2024-05-01 10:00:00",
        "image_url": "https://img.example/x.jpg",
    }
    (article,), problems = _read([item])
    assert (article.date, article.url, problems) == (None, None, [])
    wrapper = {"status_text": "request completed", "articles": [{"title": "T", "text": BODIES[0]}]}
    (article,), _ = _read(wrapper)
    assert article.body == BODIES[0]


def test_a_record_without_a_date_field_keeps_no_date_and_no_note() -> None:
    (article,), problems = _read([{"العنوان": TITLES[0], "نص الخبر": BODIES[0]}])
    assert (article.date, article.problems, problems) == (None, (), [])


# --- pandas' DataFrame.to_json -----------------------------------------------------------------


def _frame_columns(dates: list[object]) -> dict[str, dict[str, object]]:
    """``df.to_json()``: orient="columns", each column an object keyed by the row index."""
    return {
        "title": {str(i): t for i, t in enumerate(TITLES)},
        "text": {str(i): b for i, b in enumerate(BODIES)},
        "date": {str(i): d for i, d in enumerate(dates)},
    }


def _as_read(articles: list[Article]) -> list[tuple[str, str, dt.date | None]]:
    return [(a.title, a.body, a.date) for a in articles]


@pytest.mark.parametrize(
    "dates",
    [
        EPOCH_MS,  # date_format="epoch"
        ["2024-03-12T00:00:00.000", "2024-03-14T00:00:00.000"],  # date_format="iso"
        ["2024-03-12T00:00:00.000Z", "2024-03-14T00:00:00.000Z"],  # older pandas' iso
        [1710201600, 1710374400],  # date_unit="s"
        [1710201600000000000, 1710374400000000000],  # date_unit="ns"
    ],
)
def test_pandas_default_columns_shape_gives_one_article_a_row(dates: list[object]) -> None:
    articles, problems = _read(_frame_columns(dates))
    assert (_as_read(articles), problems) == (list(zip(TITLES, BODIES, DAYS, strict=True)), [])


def test_pandas_split_index_table_and_records_shapes() -> None:
    expected = list(zip(TITLES, BODIES, DAYS, strict=True))
    rows = [[t, b, d] for t, b, d in zip(TITLES, BODIES, EPOCH_MS, strict=True)]
    split = {"columns": ["title", "text", "date"], "index": [0, 1], "data": rows}
    records = [{"title": t, "text": b, "date": d} for t, b, d in rows]
    by_index = {str(i): record for i, record in enumerate(records)}
    iso = [
        {**r, "index": i, "date": f"{d.isoformat()}T00:00:00.000"}
        for i, (r, d) in enumerate(zip(records, DAYS, strict=True))
    ]
    table = {"schema": {"fields": [{"name": "index", "type": "integer"}]}, "data": iso}
    for data in (split, by_index, table, records):
        assert _as_read(_read(data)[0]) == expected, data
    # index=False leaves the split shape without its "index"
    assert _as_read(_read({"columns": ["title", "text", "date"], "data": rows})[0]) == expected


def test_pandas_values_shape_is_read_by_what_its_columns_hold() -> None:
    rows = [[t, b, d] for t, b, d in zip(TITLES, BODIES, EPOCH_MS, strict=True)]
    articles, problems = _read(rows)
    assert _as_read(articles) == list(zip(TITLES, BODIES, DAYS, strict=True))
    assert "no header row" in articles[0].problems[0] and problems == []


def test_wrapped_fields_are_not_taken_for_a_table() -> None:
    """WordPress's {"rendered": ...} fields stay one article's."""
    (article,), _ = _read({"title": {"rendered": "عنوان"}, "content": {"rendered": BODIES[0]}})
    assert (article.title, article.body) == ("عنوان", BODIES[0])
    title = {"rendered": "عنوان", "raw": "عنوان"}
    (article,), _ = _read({"title": title, "content": {"rendered": BODIES[0], "raw": BODIES[0]}})
    assert (article.title, article.body) == ("عنوان", BODIES[0])


def test_a_pandas_export_reads_in_the_app(tmp_path: Path) -> None:
    (tmp_path / "df.json").write_text(json.dumps(_frame_columns(EPOCH_MS)), encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [(r["title"], r["date"]) for r in records] == [
        (TITLES[0], "2024-03-12"),
        (TITLES[1], "2024-03-14"),
    ]
    assert not any("skipped" in line and "×" in line for line in stderr), stderr


# --- NaN and other names of a missing value ---------------------------------------------------


def test_nan_and_missing_value_names_are_empty_fields() -> None:
    """newspaper3k's output passed through pandas writes NaN (bare, which Python's json reads)."""
    first = {"title": TITLES[0], "text": BODIES[0], "authors": ["رويترز"], "publish_date": NAN}
    first |= {"keywords": NAN, "source_url": NAN}
    second = {"title": TITLES[1], "text": BODIES[1], "publish_date": "None", "tags": "nan"}
    second["authors"] = [NAN]
    text = json.dumps([first, second], ensure_ascii=False)  # NaN bare, as pandas writes it
    assert "NaN" in text
    result = parse_json(text, rel_path="x.json")
    first, second = result.articles
    assert (first.date, first.tags, first.url, first.author, first.problems) == (
        None,
        (),
        None,
        "رويترز",
        (),
    )
    assert (second.date, second.tags, second.author, second.problems) == (None, (), None, ())
    assert result.problems == ()


# --- records keyed by their addresses -------------------------------------------------------


def test_records_keyed_by_their_addresses_take_the_key_as_url() -> None:
    data = {
        "https://news.example/a/0": {"title": TITLES[0], "text": BODIES[0]},
        "https://news.example/a/1": {"title": TITLES[1], "text": BODIES[1], "url": "https://o/1"},
    }
    articles, _ = _read(data)
    assert [a.url for a in articles] == ["https://news.example/a/0", "https://o/1"]
    (one,), _ = _read({"https://news.example/a/0": {"title": TITLES[0], "text": BODIES[0]}})
    assert one.url == "https://news.example/a/0"
    articles, _ = _read(
        {"17": {"title": TITLES[0], "text": BODIES[0]}, "18": data["https://news.example/a/0"]}
    )
    assert [a.url for a in articles] == [None, None]


# --- placeholder dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1900-01-01", "'1900-01-01'"),
        ("1970-01-01T00:00:00Z", "'1970-01-01T00:00:00Z'"),
        ("0001-01-01T00:00:00Z", "'0001-01-01T00:00:00Z'"),  # Go's and .NET's zero time
        (0, "0, Unix time zero"),
    ],
)
def test_placeholder_dates_are_no_date_with_a_note(value: object, shown: str) -> None:
    (article,), _ = _read([{"title": TITLES[0], "text": BODIES[0], "date": value}])
    assert article.date is None
    assert article.problems == (f"no date ({shown}, a placeholder for a missing date)",)


def test_json_lines_saved_as_csv_and_a_table_saved_as_json_read_as_what_they_are(
    tmp_path: Path,
) -> None:
    """An export tool's wrong extension: the title came out as '{"title": "…' and the table
    was 'invalid JSON at line 1 column 1'."""
    rows = [
        {"title": "البنك المركزي يرفع الفائدة", "text": "قرر البنك المركزي رفع الفائدة اليوم."},
        {"title": "وزير الخارجية يلتقي نظيره", "text": "التقى وزير الخارجية نظيره الفرنسي."},
    ]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    (tmp_path / "export.csv").write_text(lines, encoding="utf-8")
    table = "title,text\n" + "".join(f"{r['title']},{r['text']}\n" for r in rows)
    (tmp_path / "table.json").write_text(table, encoding="utf-8")
    records, err = export_records(tmp_path)
    assert [(r["id"], r["title"], r["problems"]) for r in records] == [
        ("export.csv#1", rows[0]["title"], ["read as JSON Lines: the .csv file holds them"]),
        ("export.csv#2", rows[1]["title"], ["read as JSON Lines: the .csv file holds them"]),
        ("table.json#1", rows[0]["title"], ["read as a CSV table: the .json file holds one"]),
        ("table.json#2", rows[1]["title"], ["read as a CSV table: the .json file holds one"]),
    ]
    assert err == ["4 articles from 2 files, 0 files skipped"]
