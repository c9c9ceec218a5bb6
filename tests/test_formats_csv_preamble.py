"""Tables whose header is not their first row: a media-monitoring report's title, its period and
a blank row above the real header (reader/formats/csv_preamble.py). Workbooks: test_formats_xlsx.py
and test_formats_ods.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.formats import parse_file
from reader.formats.csv_headerless import HEADERLESS_NOTE
from reader.formats.csv_preamble import header_below, names_columns, preamble_note
from reader.formats.csvfmt import parse_csv, read_table

BODY = "أعلن وزير المالية، اليوم الثلاثاء، عن خطة جديدة تهدف إلى خفض عجز الموازنة العامة بنسبة 3%."
OTHER = "انطلقت صباح الخميس فعاليات الدورة الخامسة والخمسين لمعرض الكتاب الدولي بمشاركة 40 دولة."
ROWS = f'وزير المالية يعلن خطة,2024-03-12,"{BODY}"\nمعرض الكتاب الدولي,2024-03-14,"{OTHER}\nفقرة ثانية."\n'


def test_a_report_title_above_the_header_is_left_out_and_counted(tmp_path: Path) -> None:
    text = "تقرير الرصد الإعلامي - مارس 2024\n\nالعنوان,التاريخ,النص\n" + ROWS
    (tmp_path / "report.csv").write_text(text, encoding="utf-8")
    result = parse_file(tmp_path / "report.csv", tmp_path)
    assert result.problems == ()
    first, second = result.articles
    assert (first.id, first.title, first.date, first.body) == (
        "report.csv#1",
        "وزير المالية يعلن خطة",
        dt.date(2024, 3, 12),
        BODY,
    )
    assert (second.id, second.body) == ("report.csv#2", f"{OTHER}\nفقرة ثانية.")
    note = "1 row above the table's header (line 3) left out: a title or notes, not an article"
    assert first.problems == second.problems == (note,)


def test_several_preamble_rows_and_the_header_s_own_delimiter() -> None:
    # Excel's export of a report: the title and period rows padded with the delimiter, the
    # title holding a comma; the table is semicolon-separated
    text = (
        "Media monitoring report, March 2024;;\n"
        "الفترة: 1 - 31 مارس 2024;;\n"
        ";;\n"
        "العنوان;التاريخ;النص\n"
        f"خبر أول;2024-03-12;{BODY}\n"
        f"خبر ثان;2024-03-14;{OTHER}\n"
    )
    result = parse_csv(text, rel_path="r.csv", suffix=".csv")
    assert [(a.id, a.title, a.body) for a in result.articles] == [
        ("r.csv#1", "خبر أول", BODY),
        ("r.csv#2", "خبر ثان", OTHER),
    ]
    assert result.articles[0].problems == (preamble_note(2, "line 4"),)
    assert preamble_note(2, "line 4").startswith("2 rows above the table's header (line 4)")
    # and with no delimiter on the title line at all
    text = "تقرير الرصد\nالعنوان;التاريخ;النص\n" + f"خبر أول;2024-03-12;{BODY}\n"
    (article,) = parse_csv(text, rel_path="r.csv", suffix=".csv").articles
    assert (article.title, article.date) == ("خبر أول", dt.date(2024, 3, 12))


def test_a_table_whose_first_row_is_its_header_is_read_as_before() -> None:
    text = "العنوان,التاريخ,النص\n" + ROWS
    table = read_table(text, ".csv")
    assert (table.header, table.left_out, len(table.rows)) == (("العنوان", "التاريخ", "النص"), 0, 2)
    assert all(a.problems == () for a in parse_csv(text, rel_path="a.csv", suffix=".csv").articles)


def test_without_a_header_in_the_first_rows_nothing_changes() -> None:
    # no row names the columns: skipped with the columns named, as before
    text = "تقرير الرصد\n\nالأول,الثاني\nقيمة,أخرى\n"
    result = parse_csv(text, rel_path="x.csv", suffix=".csv")
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "CSV without a text column: columns are تقرير الرصد"
    ]
    # the header further down than the first ten rows is not looked for
    late = "تقرير\n" + "".join(f"سطر {n}\n" for n in range(10)) + "العنوان,النص\nخبر," + BODY + "\n"
    assert parse_csv(late, rel_path="x.csv", suffix=".csv").articles == ()
    # a table without a header row is still read by its columns' contents
    rows = "".join(f"https://example.net/{n},خبر {n},{BODY},2024-01-1{n}\n" for n in range(3))
    result = parse_csv(rows, rel_path="s.csv", suffix=".csv")
    assert len(result.articles) == 3
    assert all(a.problems == (HEADERLESS_NOTE,) for a in result.articles)


def test_what_names_the_columns() -> None:
    assert names_columns(("العنوان", "التاريخ", "النص"))
    assert names_columns(("عنوان الخبر", "تاريخ النشر", "تفاصيل الخبر", ""))
    assert names_columns(('"title"', '"text"'))
    # a text column alone, a title alone, a title row, data rows: no header
    assert not names_columns(("النص", ""))
    assert not names_columns(("العنوان", "التاريخ"))
    assert not names_columns(("تقرير الرصد الإعلامي - مارس 2024", "", ""))
    assert not names_columns(("خبر", "2024-03-12", BODY))
    assert not names_columns(("نص قصير", "https://example.net/1"))
    assert header_below(("العنوان", "النص"), [("خبر", BODY)]) is None
    assert header_below(("تقرير",), [("",), ("العنوان", "النص"), ("خبر", BODY)]) == 1
