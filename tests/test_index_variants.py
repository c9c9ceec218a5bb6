"""A query word matches the forms of its light stem that the folder has go together with it
(reader/index/variants.py): الفئة does not match فيه, العملات does not match عملية, while مصر
still matches المصريين and a folder too small to tell keeps the whole stem."""

from __future__ import annotations

from reader.index import Index
from reader.model import Article

FILLER = "قال المتحدث إن الاجتماع انتهى"


def _articles(prefix: str, n: int, body: str) -> list[Article]:
    return [Article(id=f"{prefix}{i}", title="خبر", body=body) for i in range(n)]


def _folder() -> Index:
    ix = Index()
    ix.add_many(
        [
            # فيه (in it) is everywhere; الفئة (the category) folds onto the same stem
            *_articles("in_it", 40, f"{FILLER} وشارك فيه الجميع"),
            *_articles("category", 10, "فازت في الفئة العمرية الأولى وتأهلت فئة الشباب"),
            # the inflections of مصر go together
            *_articles("egypt", 15, "زار مصر وفد والتقى المصريين في القاهرة"),
            *_articles("egypt_only", 5, "عاد الوفد من مصر"),
            *_articles("egyptians", 5, "قال المصريين في الخارج"),
            *_articles("filler", 40, FILLER),
        ]
    )
    return ix


def _ids(ix: Index, query: str) -> set[str]:
    return set(ix.search(query).ids)


def _prefixes(ids: set[str]) -> set[str]:
    return {i.rstrip("0123456789") for i in ids}


def test_a_homograph_of_the_stem_is_left_out() -> None:
    ix = _folder()
    assert _prefixes(_ids(ix, "الفئة")) == {"category"}
    assert _prefixes(_ids(ix, "فيه")) == {"in_it"}


def test_forms_that_go_together_still_meet() -> None:
    ix = _folder()
    assert _prefixes(_ids(ix, "مصر")) == {"egypt", "egypt_only", "egyptians"}
    assert _prefixes(_ids(ix, "المصريين")) == {"egypt", "egypt_only", "egyptians"}


def test_the_typed_word_with_other_proclitics_always_matches() -> None:
    ix = _folder()
    ix.add_many(_articles("and_category", 3, "ثم والفئة الثانية"))
    assert "and_category" in _prefixes(_ids(ix, "الفئة"))
    assert "category" in _prefixes(_ids(ix, "والفئة"))


def test_a_folder_too_small_to_tell_keeps_the_whole_stem() -> None:
    ix = Index()
    ix.add_many(
        [
            Article(id="category", title="خبر", body="الفئة العمرية"),
            Article(id="in_it", title="خبر", body="شارك فيه الجميع"),
        ]
    )
    assert _ids(ix, "الفئة") == {"category", "in_it"}


def test_a_quoted_word_and_a_phrase_match_as_before() -> None:
    ix = _folder()
    assert _prefixes(_ids(ix, '"الفئة"')) == {"category"}
    assert _prefixes(_ids(ix, "الفئة العمرية")) == {"category"}
    assert _prefixes(_ids(ix, '"الفئة العمرية"')) == {"category"}


def test_highlights_follow_what_matched() -> None:
    ix = _folder()
    both = Article(id="both", title="خبر", body="الفئة التي شارك فيه أفرادها")
    ix.add(both)
    _, spans = ix.highlights(both, "الفئة")
    assert [both.body[s.start : s.end] for s in spans] == ["الفئة"]
    _, spans = ix.highlights(both, "فيه")
    assert [both.body[s.start : s.end] for s in spans] == ["فيه"]


def test_removed_articles_do_not_count_as_evidence() -> None:
    # once the articles that hold فيه are gone, nothing says the two are different words
    ix = _folder()
    for i in range(40):
        ix.remove(f"in_it{i}", compact=False)
    ix.add(Article(id="late", title="خبر", body="شارك فيه الجميع"))
    assert "late" in _ids(ix, "الفئة")
    fresh = Index()
    fresh.add_many(ix.live_articles())
    assert _ids(fresh, "الفئة") == _ids(ix, "الفئة")


def test_a_clitic_reading_the_folder_shows_to_be_another_word_is_not_used() -> None:
    # بالي (Bali) is not ب + إلى, which is in most articles and never with it
    ix = Index()
    ix.add_many(
        [
            *_articles("to", 60, "ذهب الوفد إلى العاصمة"),
            *_articles("bali", 6, "ضرب زلزال جزيرة بالي"),
            *_articles("filler", 20, FILLER),
        ]
    )
    assert _prefixes(_ids(ix, "بالي")) == {"bali"}


def test_a_bare_name_finds_it_behind_a_proclitic() -> None:
    # light10 strips ب ل ك only with ال: لإيران and بإيران have stems of their own
    ix = Index()
    ix.add_many(
        [
            *_articles("iran", 10, "زار الوزير إيران أمس"),
            *_articles("for_iran", 4, "قال إن الطموحات النووية لإيران مقلقة"),
            *_articles("in_iran", 4, "جرت الانتخابات بإيران"),
            *_articles("filler", 20, FILLER),
        ]
    )
    assert _prefixes(_ids(ix, "إيران")) == {"iran", "for_iran", "in_iran"}
    body = "الطموحات النووية لإيران"
    _, spans = ix.highlights(Article(id="x", title="خبر", body=body), "إيران")
    assert [body[s.start : s.end] for s in spans] == ["لإيران"]


def test_either_hamza_seat_finds_the_other() -> None:
    # مسئول is the Egyptian spelling of مسؤول; folding keeps them apart (مسيول, مسوول)
    ix = Index()
    ix.add_many(
        [
            *_articles("waw", 5, "قال مسؤول في الوزارة"),
            *_articles("yeh", 5, "قال مسئول في الوزارة"),
            *_articles("filler", 20, FILLER),
        ]
    )
    assert _prefixes(_ids(ix, "مسؤول")) == {"waw", "yeh"}
    assert _prefixes(_ids(ix, "مسئول")) == {"waw", "yeh"}


def test_a_name_or_number_joined_to_its_clitic_by_tatweel_is_found() -> None:
    ix = Index()
    ix.add_many(
        [
            Article(id="cnn", title="خبر", body="قال مسؤول لـCNN إن الأسعار زادت بـ20 بالمئة"),
            *_articles("filler", 20, FILLER),
        ]
    )
    assert _ids(ix, "CNN") == {"cnn"}
    assert _ids(ix, "20") == {"cnn"}
    assert _ids(ix, "٢٠") == {"cnn"}


def test_a_name_written_joined_or_apart_is_found_either_way() -> None:
    ix = Index()
    ix.add_many(
        [
            Article(
                id="joined", title="خبر", body="استقبل الرئيس عبدالفتاح السيسي الوفد في أبوظبي"
            ),
            Article(id="apart", title="خبر", body="قال عبد الفتاح السيسي في أبو ظبي"),
            *_articles("filler", 20, FILLER),
        ]
    )
    for query in ("عبدالفتاح السيسي", "عبد الفتاح السيسي", "أبوظبي", "أبو ظبي"):
        assert _ids(ix, query) == {"joined", "apart"}, query
    assert _ids(ix, '"عبد الفتاح"') == {"apart"}  # quoted: as typed


def test_no_article_with_every_word_gives_those_with_the_most() -> None:
    ix = Index()
    ix.add_many(
        [
            Article(id="cars", title="ترامب يهدد السيارات الأوروبية", body="رسوم على السيارات"),
            Article(id="canada", title="ترامب يهدد كندا", body="رسوم جمركية"),
            Article(id="other", title="خبر", body="انتهى الاجتماع"),
        ]
    )
    result = ix.search("ترامب يهدد بفرض رسوم جديدة على السيارات")
    assert result.relaxed == (5, 7)
    assert result.ids == ("cars",)
    assert ix.search("ترامب يهدد").relaxed is None  # every word found: the plain answer
    assert ix.search("ترامب -كندا يهدد").ids == ("cars",)
    assert ix.search("قطار").ids == ()  # one word: nothing to relax
    assert ix.search("قطار طائرة").ids == ()  # no article holds half of them
    # two words relaxed would be either word: a two-word query is answered as typed
    assert ix.search("ترامب قطار").ids == ()
    assert ix.search("ترامب قطار طائرة").ids == ()  # one of three is less than two


def test_a_short_word_behind_a_clitic_needs_the_folder_to_say_so() -> None:
    # كين (Kane) is not ب + كين (بكين, Beijing): the two never share an article
    ix = Index()
    ix.add_many(
        [
            *[
                Article(id=f"kane{i}", title="خبر", body=f"سجل هاري كين هدفين {i}")
                for i in range(8)
            ],
            *[Article(id=f"beijing{i}", title="خبر", body=f"قالت بكين إن {i}") for i in range(12)],
            *_articles("filler", 20, FILLER),
        ]
    )
    assert _prefixes(_ids(ix, "كين")) == {"kane"}


def test_the_inflections_of_a_common_word_stay_together() -> None:
    # رئيس and رئيسة are both in half the articles: they cannot share much more than chance
    # (here 1.33 times), while the lift asked of two words of unrelated shapes is 2
    ix = Index()
    ix.add_many(
        [
            *[Article(id=f"m{i}", title="خبر", body=f"قال رئيس الوزراء {i}") for i in range(20)],
            *[Article(id=f"f{i}", title="خبر", body=f"قالت رئيسة الوزراء {i}") for i in range(10)],
            *[
                Article(id=f"b{i}", title="خبر", body=f"التقى رئيس البلدية رئيسة المجلس {i}")
                for i in range(20)
            ],
            *[Article(id=f"x{i}", title="خبر", body=f"{FILLER} {i}") for i in range(30)],
        ]
    )
    assert _prefixes(_ids(ix, "رئيس")) == {"m", "f", "b"}
    assert _prefixes(_ids(ix, "رئيسة")) == {"m", "f", "b"}


def test_a_form_one_word_left_out_and_another_matched_is_highlighted() -> None:
    ix = _folder()
    both = Article(id="both", title="خبر", body="الفئة التي شارك فيه أفرادها")
    ix.add(both)
    _, spans = ix.highlights(both, "الفئة فيه")
    assert [both.body[s.start : s.end] for s in spans] == ["الفئة", "فيه"]


def test_a_name_typed_apart_is_highlighted_where_its_words_stand_together() -> None:
    ix = Index()
    article = Article(id="a", title="خبر", body="قال عبد الله إن حزب الله يرفض")
    ix.add_many([article, *_articles("filler", 5, FILLER)])
    _, spans = ix.highlights(article, "عبد الله")
    assert [article.body[s.start : s.end] for s in spans] == ["عبد الله"]


def test_a_word_whose_first_letter_is_waw_is_not_the_conjunction() -> None:
    # light10 reads وزارة as و + زارة: the bare word missed الوزارة and took زاره (visited him)
    ix = Index()
    ix.add_many(
        [
            *[
                Article(id=f"ministry{i}", title="خبر", body=f"أعلنت وزارة الصحة {i}")
                for i in range(10)
            ],
            *[Article(id=f"the{i}", title="خبر", body=f"قالت الوزارة إن {i}") for i in range(10)],
            *[Article(id=f"visit{i}", title="خبر", body=f"زاره الوفد أمس {i}") for i in range(20)],
            *[Article(id=f"x{i}", title="خبر", body=f"{FILLER} {i}") for i in range(20)],
        ]
    )
    assert _prefixes(_ids(ix, "وزارة")) == {"ministry", "the"}


def test_rare_forms_sharing_their_articles_are_one_word() -> None:
    # too rare for chance to tell, but they share every article they are in
    ix = Index()
    ix.add_many(
        [
            *[
                Article(id=f"s{i}", title="خبر", body=f"ألقى خطابات ثم خطاب الوداع {i}")
                for i in range(3)
            ],
            *[Article(id=f"one{i}", title="خبر", body=f"ألقى خطاب الوداع {i}") for i in range(2)],
            *[Article(id=f"x{i}", title="خبر", body=f"{FILLER} {i}") for i in range(200)],
        ]
    )
    # لخطابات reads as ل + خطابات, which finds خطاب with it
    assert _prefixes(_ids(ix, "لخطابات")) == {"s", "one"}
