"""WordPress's export (reader/formats/wordpress.py through xmlnews.py), in the shape
"Tools > Export" writes: tests/fixtures/formats/wordpress_export.xml."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from reader.formats.folder import read_folder

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "wordpress_export.xml"


def test_a_sites_export_gives_its_posts_and_counts_the_rest(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path)
    loaded = read_folder(tmp_path)
    post, draft, page = loaded.articles
    assert post.title == "افتتاح معرض الكتاب الدولي"
    assert post.author == "هيئة التحرير"  # the display name, not the login "admin"
    assert (post.category, post.tags) == ("ثقافة", ("كتب",))
    assert post.body == (
        "افتتح وزير الثقافة اليوم معرض الكتاب الدولي بمشاركة 300 دار نشر من 25 بلدا.\n"
        "ويستمر المعرض عشرة أيام."
    )
    assert (post.date, post.source) == (dt.date(2023, 11, 14), "أخبار الجنوب")
    assert post.problems == ()
    assert draft.date == dt.date(2023, 11, 16)
    assert draft.problems == ("a draft, never published (WordPress status 'draft')",)
    assert page.title == "من نحن"
    assert [p.reason for p in loaded.problems] == [
        "2 item(s) of the site that are no articles (pictures, menu entries, ...) left out"
    ]


def test_a_plain_feeds_categories_stay_categories(tmp_path: Path) -> None:
    """Only a WordPress export tells tags from categories by their domain."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title><item>'
        "<title>خبر</title><description>نص الخبر.</description>"
        '<category domain="post_tag">كتب</category><category>ثقافة</category></item>'
        "</channel></rss>"
    )
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    (article,) = read_folder(tmp_path).articles
    assert (article.category, article.tags) == ("كتب, ثقافة", ())
