"""EndNote's XML export (reader/formats/xml_endnote.py), in the shape EndNote writes: one
article per <record>, the abstract as its text (noted as a summary)."""

from __future__ import annotations

from pathlib import Path

from export_run import export_records

STYLE = '<style face="normal" font="default" size="100%">{}</style>'
ABSTRACT = "قرر البنك المركزي رفع الفائدة.\n\nوأوضح البنك أن التضخم بلغ 35.7%."

ENDNOTE = f"""<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><database name="Library.enl" path="C:\\Library.enl">Library.enl</database><source-app name="EndNote" version="20.0">EndNote</source-app><rec-number>1</rec-number><ref-type name="Newspaper Article">23</ref-type><contributors><authors><author>{STYLE.format("سمير, أحمد")}</author><author>{STYLE.format("Ali, Sara")}</author></authors></contributors><titles><title>{STYLE.format("البنك المركزي يرفع الفائدة")}</title><secondary-title>{STYLE.format("صحيفة الوطن")}</secondary-title></titles><keywords><keyword>{STYLE.format("اقتصاد")}</keyword><keyword>{STYLE.format("بنوك")}</keyword></keywords><dates><year>{STYLE.format("2024")}</year><pub-dates><date>{STYLE.format("1 مارس")}</date></pub-dates></dates><urls><related-urls><url>{STYLE.format("https://alwatan.example/1")}</url></related-urls></urls><abstract>{STYLE.format(ABSTRACT)}</abstract></record>
<record><rec-number>2</rec-number><ref-type name="Newspaper Article">23</ref-type><titles><title>الوزير يلتقي نظيره</title></titles><periodical><full-title>الغد</full-title></periodical><dates><year>2024</year></dates><abstract>استقبل الوزير نظيره في عمّان.</abstract></record>
<record><rec-number>3</rec-number><titles><title>مرجع بلا ملخص</title></titles><dates><year>2024</year><pub-dates><date>Mar 2</date></pub-dates></dates></record>
</records></xml>
"""


def test_endnote_records_are_articles_from_their_abstracts(tmp_path: Path) -> None:
    (tmp_path / "My EndNote Library.xml").write_text(ENDNOTE, encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    first, second = records
    assert first["title"] == "البنك المركزي يرفع الفائدة"
    assert first["body"] == "قرر البنك المركزي رفع الفائدة.\nوأوضح البنك أن التضخم بلغ 35.7%."
    assert first["date"] == "2024-03-01"  # the day read with the record's year
    assert first["source"] == "صحيفة الوطن"
    assert first["url"] == "https://alwatan.example/1"
    assert first["author"] == "أحمد سمير, Sara Ali"
    assert first["tags"] == ["اقتصاد", "بنوك"]
    assert first["problems"] == ["body is the summary: the article has no text field"]
    assert second["source"] == "الغد"
    assert second["date"] is None
    assert second["problems"] == [
        "body is the summary: the article has no text field",
        "no date: the reference gives only the year 2024",
    ]
    # the reference without an abstract is named, not dropped
    assert stderr[0] == (
        'My EndNote Library.xml: record 3: no text ("مرجع بلا ملخص"): the reference has no <abstract>'
    )
