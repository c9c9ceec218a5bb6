"""Feeds of news aggregators (reader/formats/feed_links.py through xmlnews.py): a news
search's RSS whose items are headlines and links only, an alert's Atom feed whose links go
through a redirect."""

from __future__ import annotations

import base64
from pathlib import Path

from export_run import export_records

from reader.formats.feed_links import item_link

# a news search's RSS: the description is the headline as a link and the publisher's name
SEARCH_RSS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0"><channel><title>"البنك المركزي" - News search</title><link>https://news.example/search?q=x</link>
<item><title>البنك المركزي يرفع الفائدة - صحيفة الوطن</title><link>https://news.example/rss/articles/CBMiXWh0dHBz?oc=5</link><pubDate>Fri, 01 Mar 2024 10:15:00 GMT</pubDate><description>&lt;a href="https://news.example/rss/articles/CBMi?oc=5" target="_blank"&gt;البنك المركزي يرفع الفائدة&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;صحيفة الوطن&lt;/font&gt;</description><source url="https://alwatan.example">صحيفة الوطن</source></item>
<item><title>الوزير يلتقي نظيره - الغد</title><link>https://news.example/rss/articles/CBMiYWh0?oc=5</link><pubDate>Sat, 02 Mar 2024 08:00:00 GMT</pubDate><description>&lt;ol&gt;&lt;li&gt;&lt;a href="https://news.example/a"&gt;الوزير يلتقي نظيره&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;الغد&lt;/font&gt;&lt;/li&gt;&lt;li&gt;&lt;a href="https://news.example/b"&gt;الوزيران يبحثان الوضع في غزة&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;رؤيا&lt;/font&gt;&lt;/li&gt;&lt;/ol&gt;</description><source url="https://alghad.example">الغد</source></item>
<item><title>خبر له ملخص</title><link>https://site.example/3</link><description>&lt;p&gt;قال الوزير إن القرار اتخذ بعد مشاورات طويلة. &lt;a href="https://site.example/3"&gt;اقرأ المزيد&lt;/a&gt;&lt;/p&gt;</description></item>
</channel></rss>
"""

# an alert's Atom feed: links through the search engine's redirect, <b> around the words
ALERT_ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:search.example,2005:alerts/456</id><title>Alert - البنك المركزي</title><link href="https://search.example/alerts/feeds/0123/456" rel="self"></link><updated>2024-03-01T12:00:00Z</updated>
<entry><id>tag:search.example,2013:alerts/feed:789</id><title type="html">&lt;b&gt;البنك المركزي&lt;/b&gt; يرفع الفائدة</title><link href="https://search.example/url?rct=j&amp;sa=t&amp;url=https://www.alwatan.example/story/2024/3/1/651&amp;ct=ga&amp;cd=CAIy&amp;usg=AOv" ></link><published>2024-03-01T10:20:00Z</published><content type="html">قرر &lt;b&gt;البنك المركزي&lt;/b&gt; رفع سعر الفائدة ...</content><author><name></name></author></entry>
</feed>
"""


def test_headline_only_items_of_a_news_search(tmp_path: Path) -> None:
    (tmp_path / "search.xml").write_text(SEARCH_RSS, encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    first, second, third = records
    # the description only repeated the headline and the publisher: no body, said so
    assert first["body"] == ""
    assert first["problems"] == [
        "no body text: the feed item is a headline only (its description only links to it)"
    ]
    assert first["source"] == "صحيفة الوطن"  # the item's <source>, not the search's title
    assert first["date"] == "2024-03-01"
    assert first["url"] == "https://news.example/rss/articles/CBMiXWh0dHBz?oc=5"  # not recoverable
    # the other outlets' stories it links to are related headlines, not text
    assert second["body"] == ""
    assert second["related"] == ["الوزيران يبحثان الوضع في غزة (رؤيا)"]
    assert second["source"] == "الغد"
    # a description with text of its own stays the body
    assert third["body"] == "قال الوزير إن القرار اتخذ بعد مشاورات طويلة. اقرأ المزيد"
    assert third["source"] == '"البنك المركزي" - News search'


def test_alert_links_unwrapped_and_source_is_the_publisher(tmp_path: Path) -> None:
    (tmp_path / "alerts.xml").write_text(ALERT_ATOM, encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    ((record),) = records
    assert record["url"] == "https://www.alwatan.example/story/2024/3/1/651"
    # the alert's name is no publisher: the site the story is on is
    assert record["source"] == "alwatan.example"
    assert record["title"] == "البنك المركزي يرفع الفائدة"
    assert record["body"] == "قرر البنك المركزي رفع سعر الفائدة ..."


def test_rss_title_with_markup_is_plain_text(tmp_path: Path) -> None:
    (tmp_path / "alerts.rss").write_text(
        "<rss><channel><title>Alert</title><item>"
        "<title>&lt;b&gt;البنك المركزي&lt;/b&gt; يرفع الفائدة</title>"
        "<link>https://search.example/url?q=https://site.example/s/1&amp;sa=U</link>"
        "<description>نص &lt;b&gt;الخبر&lt;/b&gt;</description></item></channel></rss>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    ((record),) = records
    assert record["title"] == "البنك المركزي يرفع الفائدة"
    assert record["url"] == "https://site.example/s/1"
    assert record["source"] == "site.example"


def test_an_aggregator_id_that_holds_the_whole_address_is_that_address() -> None:
    address = "https://www.alwatan.example/story/2024/3/1/651"
    record = b"\x08\x13\x22" + bytes([len(address)]) + address.encode() + b"\xd2\x01\x00"
    key = base64.urlsafe_b64encode(record).decode().rstrip("=")
    assert item_link(f"https://news.example/rss/articles/{key}?oc=5").url == address
    # cut short (the length says more than is there): kept as it is
    cut = base64.urlsafe_b64encode(record[:30]).decode().rstrip("=")
    link = f"https://news.example/rss/articles/{cut}?oc=5"
    assert item_link(link).url == link
    # an ordinary address's last part is no encoded one
    plain = "https://site.example/economy/central-bank-raises-rates-by-half-a-point"
    assert item_link(plain).url == plain


def test_a_sites_own_redirect_keeps_the_feeds_name_as_source(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(
        "<rss><channel><title>الوطن</title><item><title>خبر</title>"
        "<link>https://alwatan.example/out?url=https://alwatan.example/story/1</link>"
        "<description>نص الخبر</description></item></channel></rss>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    ((record),) = records
    assert (record["url"], record["source"]) == ("https://alwatan.example/story/1", "الوطن")
