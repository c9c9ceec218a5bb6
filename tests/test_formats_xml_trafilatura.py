"""trafilatura's XML and TEI outputs (reader/formats/xml_trafilatura.py), in the shapes its
``--xml`` and ``--xmltei`` options write: the main text is the body, the reader comments are
kept beside it (an export's ``extra.comments``), never in the text."""

from __future__ import annotations

from pathlib import Path

from export_run import export_records

TRAFILATURA_XML = """<doc sitename="جريدة الغد" title="وزير الخارجية يلتقي نظيره" author="رنا الحسيني; سامي علي" date="2024-03-02" url="https://alghad.example/x" hostname="alghad.example" categories="سياسة" tags="غزة, الأردن" fingerprint="e8e72f719ec50f2b">
  <main>
    <head rend="h1">وزير الخارجية يلتقي نظيره</head>
    <p>استقبل وزير الخارجية نظيره الفرنسي في عمّان.</p>
    <quote>نص مقتبس من المؤتمر.</quote>
    <list rend="ul">
      <item>نقطة أولى</item>
      <item>نقطة ثانية</item>
    </list>
    <table>
      <row>
        <cell>خلية 1</cell>
        <cell>خلية 2</cell>
      </row>
    </table>
    <p>سطر<lb/>سطر ثان</p>
  </main>
  <comments>
    <p>تعليق قارئ: قرار متأخر</p>
  </comments>
</doc>
"""

TRAFILATURA_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">وزير الخارجية يلتقي نظيره</title>
        <author>رنا الحسيني; سامي علي</author>
      </titleStmt>
      <publicationStmt>
        <p/>
      </publicationStmt>
      <notesStmt>
        <note type="fingerprint">e8e72f719ec50f2b</note>
      </notesStmt>
      <sourceDesc>
        <bibl>وزير الخارجية يلتقي نظيره, جريدة الغد, 2024-03-02</bibl>
        <bibl type="sigle">جريدة الغد, 2024-03-02</bibl>
        <biblFull>
          <titleStmt>
            <title type="main">وزير الخارجية يلتقي نظيره</title>
            <author>رنا الحسيني; سامي علي</author>
          </titleStmt>
          <publicationStmt>
            <publisher>جريدة الغد (alghad.example)</publisher>
            <ptr type="URL" target="https://alghad.example/x"/>
            <date>2024-03-02</date>
          </publicationStmt>
        </biblFull>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <abstract>
        <p>ملخص الصفحة</p>
      </abstract>
      <textClass>
        <keywords>
          <term type="categories">سياسة</term>
          <term type="tags">غزة, الأردن</term>
        </keywords>
      </textClass>
      <creation>
        <date type="download">2025-01-09</date>
      </creation>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="entry">
        <ab rend="h1" type="header">وزير الخارجية يلتقي نظيره</ab>
        <p>استقبل وزير الخارجية نظيره الفرنسي في عمّان.</p>
        <quote>نص مقتبس من المؤتمر.</quote>
        <list rend="ul">
          <item>نقطة أولى</item>
          <item>نقطة ثانية</item>
        </list>
        <table>
          <row>
            <cell>خلية 1</cell>
            <cell>خلية 2</cell>
          </row>
        </table>
        <p>سطر<lb/>سطر ثان</p>
      </div>
      <div type="comments">
        <p>تعليق قارئ: قرار متأخر</p>
      </div>
    </body>
  </text>
</TEI>
"""

BODY = (
    "استقبل وزير الخارجية نظيره الفرنسي في عمّان.\n"
    "نص مقتبس من المؤتمر.\n"
    "نقطة أولى\n"
    "نقطة ثانية\n"
    "خلية 1 خلية 2\n"
    "سطر\n"
    "سطر ثان"
)


def test_trafilatura_xml_and_tei_read_alike(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(TRAFILATURA_XML, encoding="utf-8")
    (tmp_path / "b.xml").write_text(TRAFILATURA_TEI, encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert stderr == ["2 articles from 2 files, 0 files skipped"]
    for record in records:
        assert record["title"] == "وزير الخارجية يلتقي نظيره"
        # the page's headline is not the text's first line again
        assert record["body"] == BODY
        assert record["author"] == "رنا الحسيني, سامي علي"
        assert record["date"] == "2024-03-02"  # the publication's, not the download's
        assert record["url"] == "https://alghad.example/x"
        assert record["source"] == "جريدة الغد"
        assert record["category"] == "سياسة"
        assert record["tags"] == ["غزة", "الأردن"]
        # the readers' comments are no part of the article, but kept
        assert "تعليق" not in record["body"]
        assert record["extra"] == {"comments": "تعليق قارئ: قرار متأخر"}
        assert record["problems"] == []


def test_tei_date_from_its_citation(tmp_path: Path) -> None:
    # a TEI header whose only date is a piece of its citation
    (tmp_path / "c.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        "<title>عنوان</title></titleStmt><sourceDesc><bibl>كاتب, عنوان, 2024-03-02, site.example"
        "</bibl></sourceDesc></fileDesc></teiHeader><text><body><p>نص الخبر.</p></body></text></TEI>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    ((record),) = records
    assert (record["title"], record["body"], record["date"]) == ("عنوان", "نص الخبر.", "2024-03-02")
