"""What ranks first (reader/index/ranking.py)."""

from __future__ import annotations

from reader.index import Index
from reader.model import Article


def test_a_quoted_phrase_in_the_title_ranks_above_passing_mentions() -> None:
    ix = Index()
    passing = [
        Article(
            id=f"passing{i}",
            title="قمة أوروبية في بروكسل",
            body="الاتفاق النووي والهجرة، ثم الاتفاق النووي والتجارة، ثم الاتفاق النووي ثانية",
        )
        for i in range(5)
    ]
    titled = Article(
        id="titled",
        title="الاتفاق النووي على المحك",
        body="قال دبلوماسيون إن المفاوضات صعبة وطويلة " * 20,
    )
    ix.add_many([*passing, titled])
    assert ix.search('"الاتفاق النووي"').ids[0] == "titled"
    assert ix.search("الاتفاق النووي").ids[0] == "titled"


def test_a_search_lists_each_text_once_and_names_the_copies() -> None:
    # one story saved under two sections (and once more with other spacing), another apart
    story = "قال وزير الخارجية إن المحادثات مع إيران ستستأنف الأسبوع المقبل"
    ix = Index()
    ix.add_many(
        [
            Article(id="world/a.txt", title="محادثات إيران", body=story, category="world"),
            Article(id="mideast/a.txt", title="محادثات إيران", body=story, category="mideast"),
            Article(id="saved/a.txt", title="محادثات  إيران", body=story.replace(" ", "  ")),
            Article(id="other.txt", title="إيران والطاقة", body="ارتفعت صادرات إيران من النفط"),
        ]
    )
    result = ix.search("إيران")
    assert result.total == 2 and result.copies == 2
    assert set(result.ids) == {"world/a.txt", "other.txt"}
    # a section filter still finds its own copy
    assert ix.search("إيران category:mideast").ids == ("mideast/a.txt",)
    assert ix.copies("world/a.txt") == ("mideast/a.txt", "saved/a.txt")
    assert ix.copies("other.txt") == ()
    # browsing the folder (no words) lists every file's article
    assert ix.search("").total == 4


def test_title_field_keeps_the_articles_whose_title_holds_the_words() -> None:
    ix = Index()
    ix.add_many(
        [
            Article(id="title", title="ترامب يلتقي كيم في سنغافورة", body="قمة تاريخية"),
            Article(id="body", title="قمة سنغافورة", body="التقى ترامب الزعيم الكوري كيم"),
            Article(id="other", title="ترامب يزور لندن", body="زيارة رسمية"),
        ]
    )
    assert set(ix.search("title:ترامب").ids) == {"title", "other"}
    assert set(ix.search("عنوان:ترامب").ids) == {"title", "other"}
    assert ix.search('title:"كيم ترامب"').ids == ("title",)  # every word, in any order
    assert ix.search("كيم -title:ترامب").ids == ("body",)
    assert ix.search("title:بوتين").ids == ()
    article = ix.store.articles[ix.store.docnum["title"]]
    assert article is not None
    title_spans, _ = ix.highlights(article, "title:ترامب")
    assert [article.title[s.start : s.end] for s in title_spans] == ["ترامب"]
